/**
 * Reading results files line by line. evalgate writes one case per line (results-io.ts); a
 * comparison reads each case once, keeps a slim copy (src/run/slim.ts: no trace text, no input)
 * and the byte offset of its line, and reads back in full only the few cases a report shows
 * (the excerpts of new failures). Memory then grows with the number of trials, not with the
 * size of their traces.
 *
 * Older results files (one line, or pretty-printed by other tools) are read whole, as before.
 */
import type { CaseResult, Results } from '../types.ts';
import { LineReader, linesOf, type Line } from './lines.ts';
import { InputError, readResults } from './results-io.ts';
import { slimTrial } from './slim.ts';
import { checkpoint } from './gc.ts';

const OPENING = '{"schema":"evalgate/results@1",';
const CASES = ',"cases":[';

/** A results file read for comparing: slim cases, each readable again in full by its index. */
export interface SlimResults {
  /** Its cases are slim: trials without trace text, `input` null. */
  results: Results;
  /** The case at this index of `results.cases`, in full (input and traces). */
  fullCase(index: number): Promise<CaseResult>;
  close(): Promise<void>;
}

/** The results head (schema, meta) of a first line in evalgate's one-case-per-line format. */
function headOf(line: Line | undefined, path: string): Results | undefined {
  if (!line?.complete || !line.text.startsWith(OPENING) || !line.text.endsWith(CASES))
    return undefined;
  let head: Partial<Results>;
  try {
    head = JSON.parse(`${line.text.slice(0, -CASES.length)}}`) as Partial<Results>;
  } catch {
    return undefined;
  }
  if (!head.meta || typeof head.meta !== 'object')
    throw new InputError('results file is missing `meta` or `cases`', path);
  return { schema: 'evalgate/results@1', meta: head.meta, cases: [] };
}

/** A case line's JSON (its trailing comma cut), or undefined for the closing `]}`. */
function caseJson(line: Line, index: number, path: string): CaseResult | undefined {
  const text = line.text.endsWith(',') ? line.text.slice(0, -1) : line.text;
  if (text === ']}') return undefined;
  let c: CaseResult;
  try {
    c = JSON.parse(text) as CaseResult;
  } catch (err) {
    throw new InputError(`not valid JSON: cases[${index}]: ${(err as Error).message}`, path);
  }
  if (!c || typeof c.id !== 'string' || !Array.isArray(c.trials))
    throw new InputError(`cases[${index}] has no id or no trials`, path);
  return c;
}

/**
 * Every case of a results file, in order and in full, one at a time: for readers that need
 * traces but not all of them at once (the viewer). `onHead` receives the schema and meta first.
 */
export async function* readCases(
  path: string,
  onHead?: (head: Omit<Results, 'cases'>) => void,
): AsyncGenerator<CaseResult> {
  const lines = linesOf(path);
  const first = await nextLine(lines, path);
  const head = headOf(first, path);
  if (!head) {
    await lines.return(undefined);
    const whole = await readResults(path);
    onHead?.({ schema: whole.schema, meta: whole.meta });
    yield* whole.cases;
    return;
  }
  onHead?.({ schema: head.schema, meta: head.meta });
  for await (const { c } of caseLines(lines, path)) yield c;
}

/**
 * The case lines after the head, each with its case parsed and validated, up to the closing
 * `]}`; only blank lines may follow it. A file cut before `]}` is an InputError.
 */
async function* caseLines(
  lines: AsyncGenerator<Line>,
  path: string,
): AsyncGenerator<{ line: Line; c: CaseResult }> {
  let i = 0;
  for await (const line of lines) {
    if (!line.text) continue;
    const c = caseJson(line, i, path);
    if (!c) {
      for await (const rest of lines)
        if (rest.text.trim()) throw new InputError('text after the end of the results', path);
      return;
    }
    i++;
    checkpoint();
    yield { line, c };
  }
  throw new InputError(`not valid JSON: the file ends after ${i} cases`, path);
}

async function nextLine(lines: AsyncGenerator<Line>, path: string): Promise<Line | undefined> {
  try {
    const r = await lines.next();
    return r.done ? undefined : r.value;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read (${code})`, path);
  }
}

/** Arrays repeated across cases (modes, tags), shared; bounded. */
const MAX_SHARED = 10_000;
function sharer<T>(): (v: T) => T {
  const seen = new Map<string, T>();
  return (v) => {
    if (!Array.isArray(v)) return v;
    const key = JSON.stringify(v);
    const got = seen.get(key);
    if (got) return got;
    if (seen.size < MAX_SHARED) seen.set(key, v);
    return v;
  };
}

/** A case without its input and its trials' trace text: what a comparison scans. */
function slimCase(c: CaseResult, share: (v: string[]) => string[]): CaseResult {
  const out: CaseResult = {
    id: c.id,
    hash: c.hash,
    source: c.source,
    tags: share(c.tags),
    input: null,
    modes: share(c.modes),
    trials: c.trials.map(slimTrial),
  };
  return out;
}

export interface SlimOptions {
  /** How each case is kept in memory instead of slimCase (compareFiles keeps less). */
  slim?: (c: CaseResult) => CaseResult;
}

/**
 * Reads a results file for a comparison: slim cases in memory, full ones read back on demand.
 * Validated as readResults validates (an InputError names the file and the case).
 */
export async function readSlimResults(
  path: string,
  options: SlimOptions = {},
): Promise<SlimResults> {
  const lines = linesOf(path);
  const first = await nextLine(lines, path);
  const head = headOf(first, path);
  if (!head) {
    await lines.return(undefined);
    const whole = await readResults(path);
    return { results: whole, fullCase: async (i) => whole.cases[i], close: async () => {} };
  }
  const share = sharer<string[]>();
  const offsets: number[] = [];
  const lengths: number[] = [];
  for await (const { line, c } of caseLines(lines, path)) {
    offsets.push(line.offset);
    lengths.push(line.length);
    head.cases.push(options.slim ? options.slim(c) : slimCase(c, share));
  }
  const reader = new LineReader(path);
  return {
    results: head,
    fullCase: async (i) => {
      const text = await reader.read(offsets[i], lengths[i]);
      return JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as CaseResult;
    },
    close: () => reader.close(),
  };
}
