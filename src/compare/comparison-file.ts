/**
 * Comparison files, written and read case by case.
 *
 * Written without building one string of it: at 100,000 cases the comparison
 * is 25 MB of JSON, and JSON.stringify held it (and its pieces) at once. The same JSON as
 * redactedJson(comparison), but with one case per line, so that a reader can also take it line
 * by line:
 *
 *   {"schema":"evalgate/comparison@1",…,"modes":[…],"cases":[
 *   {"id":"a",…},
 *   {"id":"b",…}
 *   ],"counts":{…},…}
 *
 * Each part goes through redactedJson as it would inside the whole (the replacer sees the same
 * keys and holders), so what is redacted is unchanged.
 */
import { redactedJson } from '../report/redact.ts';
import { linesOf } from '../run/lines.ts';
import { openFileWriter } from '../run/file-writer.ts';
import { readComparison } from '../run/results-io.ts';
import type { CaseComparison, CaseSide, Comparison } from '../types.ts';

/** The comparison's keys before and after `cases`, as two objects (the order kept). */
function around(c: Comparison): [Record<string, unknown>, Record<string, unknown>] {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let part = before;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'cases') part = after;
    else part[k] = v;
  }
  return [before, after];
}

export async function writeComparisonStream(path: string, comparison: Comparison): Promise<void> {
  const out = openFileWriter(path);
  const write = out.write;
  try {
    const [before, after] = around(comparison);
    const opening = redactedJson(before).slice(0, -1);
    await write(`${opening}${opening.length > 1 ? ',' : ''}"cases":[\n`);
    const cases = comparison.cases;
    // Joined in batches: one write per case costs more than the JSON itself.
    let batch = '';
    for (let i = 0; i < cases.length; i++) {
      batch += (i ? ',\n' : '') + redactedJson(cases[i]);
      if (batch.length > 1 << 16) {
        await write(batch);
        batch = '';
      }
    }
    const closing = redactedJson(after);
    await write(`${batch}\n]${closing.length > 2 ? `,${closing.slice(1)}` : '}'}\n`);
  } catch (err) {
    await out.abort();
    throw err;
  }
  await out.end();
}

const OPENING = '{"schema":"evalgate/comparison@1",';
const CASES = '"cases":[';

/** Repeated parts of a comparison's cases, shared (frozen) by a key of their values; bounded. */
const MAX_SHARED = 100_000;
function table<T extends object>(): (key: string, v: T) => T {
  const seen = new Map<string, T>();
  return (key, v) => {
    const got = seen.get(key);
    if (got) return got;
    if (seen.size >= MAX_SHARED) return v;
    const frozen = Object.freeze(v);
    seen.set(key, frozen);
    return frozen;
  };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/**
 * A case as read, with its repeated parts shared: at 100,000 cases most cases are stable passes
 * whose sides, tags and (empty) mode lists are a handful of distinct values. Nothing that reads
 * a comparison changes it (the shared parts are frozen, so a change would throw, not spread).
 * Only plain values are shared: objects with exactly the expected keys and integer counts.
 */
function caseSharer(): (c: CaseComparison) => CaseComparison {
  const arrays = table<unknown[]>();
  const sides = table<CaseSide>();
  const counts = table<{ passes: number; trials: number; errors: number }>();
  const files = new Map<string, string>();
  const EMPTY = Object.freeze([]) as unknown as never[];
  const plainSide = (s: CaseSide | undefined): CaseSide | undefined => {
    if (!s || typeof s !== 'object') return s;
    const keys = Object.keys(s);
    if (
      keys.length !== 5 ||
      keys.join() !== 'passes,trials,errors,failing,trial_ref' ||
      !Array.isArray(s.failing) ||
      s.failing.length !== 0 ||
      ![s.passes, s.trials, s.errors, s.trial_ref].every(isCount)
    )
      return s;
    return sides(`${s.passes},${s.trials},${s.errors},${s.trial_ref}`, { ...s, failing: EMPTY });
  };
  const plainCounts = <T>(x: T): T => {
    const o = x as { passes: number; trials: number; errors: number };
    if (!o || typeof o !== 'object') return x;
    const keys = Object.keys(o);
    if (keys.join() !== 'passes,trials,errors' || ![o.passes, o.trials, o.errors].every(isCount))
      return x;
    return counts(`${o.passes},${o.trials},${o.errors}`, o) as T;
  };
  return (c) => {
    if (!c || typeof c !== 'object') return c;
    if (Array.isArray(c.tags)) {
      const tags = c.tags;
      if (tags.length === 0) c.tags = EMPTY;
      else if (tags.every((t) => typeof t === 'string'))
        c.tags = arrays(JSON.stringify(tags), tags) as string[];
    }
    if (Array.isArray(c.modes)) {
      if (c.modes.length === 0) c.modes = EMPTY;
      for (const m of c.modes) {
        if (!m || typeof m !== 'object') continue;
        if (m.base) m.base = plainCounts(m.base);
        if (m.head) m.head = plainCounts(m.head);
      }
    }
    if (c.base) c.base = plainSide(c.base);
    if (c.head) c.head = plainSide(c.head);
    const source = c.source;
    if (source && typeof source === 'object' && typeof source.file === 'string') {
      const file = source.file;
      const known = files.get(file);
      if (known !== undefined) source.file = known;
      else if (files.size < MAX_SHARED) files.set(file, file);
    }
    return c;
  };
}

/**
 * Reads a comparison file for the reports: a file in the layout above line by line, never as one
 * string, with the cases' repeated parts shared; any other layout (or a file that does not read
 * this way) as readComparison reads it, with its errors.
 */
export async function readComparisonFile(path: string): Promise<Comparison> {
  try {
    const streamed = await readLines(path);
    if (streamed) return streamed;
  } catch {
    // Not in this layout after all, or not readable: readComparison says why.
  }
  return readComparison(path);
}

async function readLines(path: string): Promise<Comparison | undefined> {
  const lines = linesOf(path);
  let before: Record<string, unknown> | undefined;
  let after: Record<string, unknown> | undefined;
  const cases: CaseComparison[] = [];
  const share = caseSharer();
  try {
    for await (const line of lines) {
      const text = line.text;
      if (!before) {
        if (!text.startsWith(OPENING) || !text.endsWith(CASES)) return undefined;
        const head = text.slice(0, -CASES.length);
        before = JSON.parse(head.endsWith(',') ? `${head.slice(0, -1)}}` : '{}');
      } else if (after) {
        if (text.trim()) return undefined;
      } else if (text.startsWith(']')) {
        const rest = text.slice(1);
        after = rest === '}' ? {} : JSON.parse(`{${rest.slice(1)}`);
        if (!rest.startsWith(',') && rest !== '}') return undefined;
      } else {
        cases.push(share(JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text)));
      }
    }
  } finally {
    await lines.return(undefined);
  }
  if (!before || !after) return undefined;
  return { ...before, cases, ...after } as unknown as Comparison;
}
