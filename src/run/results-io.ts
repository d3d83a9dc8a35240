import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { redactedJson } from '../report/redact.ts';
import type { CaseResult, Comparison, Results } from '../types.ts';
import { recount, selectedCases } from './runner.ts';
import { openFileWriter } from './file-writer.ts';
import { anySpooled, fullTrial, spoolOf } from './spool.ts';
import { writeComparisonStream } from '../compare/comparison-file.ts';

/** Bad input to a pipeline stage (a results or comparison file): exit code 2, no stack trace. */
export class InputError extends Error {
  readonly file?: string;
  constructor(message: string, file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'InputError';
    this.file = file;
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read (${code})`, path);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(`not valid JSON: ${(err as Error).message}`, path);
  }
}

export async function readResults(path: string): Promise<Results> {
  const data = (await readJson(path)) as Partial<Results> | null;
  if (!data || typeof data !== 'object' || data.schema !== 'evalgate/results@1') {
    throw new InputError('not an evalgate results file (schema evalgate/results@1 expected)', path);
  }
  if (!Array.isArray(data.cases) || !data.meta || typeof data.meta !== 'object') {
    throw new InputError('results file is missing `meta` or `cases`', path);
  }
  for (const [i, c] of data.cases.entries()) {
    if (!c || typeof c.id !== 'string' || !Array.isArray(c.trials)) {
      throw new InputError(`cases[${i}] has no id or no trials`, path);
    }
  }
  return data as Results;
}

export async function readComparison(path: string): Promise<Comparison> {
  const data = (await readJson(path)) as Partial<Comparison> | null;
  if (!data || typeof data !== 'object' || data.schema !== 'evalgate/comparison@1') {
    throw new InputError(
      'not an evalgate comparison file (schema evalgate/comparison@1 expected)',
      path,
    );
  }
  return data as Comparison;
}

/**
 * Writes a results or comparison file, secrets redacted: these files are uploaded as the
 * action's artifact and cached as baselines, where everyone who can read the repository can
 * download them. Atomically: into a temporary file next to it, then renamed over it. A run
 * killed while writing leaves the previous file (or none), never half a file.
 */
export async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // A device or a pipe (`--out /dev/stdout`) cannot be renamed over: written as it is.
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile()) return writeJsonTo(path, value);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeJsonTo(tmp, value);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A comparison with its cases: written case by case (src/compare/comparison-file.ts). */
const isComparison = (v: unknown): v is Comparison =>
  (v as Partial<Comparison> | null)?.schema === 'evalgate/comparison@1' &&
  Array.isArray((v as Comparison).cases);

async function writeJsonTo(path: string, value: unknown): Promise<void> {
  const results = value as Partial<Results> | null;
  if (results?.schema === 'evalgate/results@1' && Array.isArray(results.cases)) {
    await writeResultsStream(path, results as Results);
  } else if (isComparison(value)) {
    await writeComparisonStream(path, value);
  } else {
    await writeFile(path, redactedJson(value) + '\n');
  }
}

/**
 * Writes a results file case by case, one case per line: the same JSON as redactedJson (any
 * JSON reader reads it as before), without building one string of the whole run, and readable
 * line by line (results-stream.ts). A trial the run holds only slim (src/run/spool.ts) is read
 * back from the run's journal as its case is written.
 *
 *   {"schema":"evalgate/results@1","meta":{…},"cases":[
 *   {"id":"a",…},
 *   {"id":"b",…}
 *   ]}
 */
async function writeResultsStream(path: string, results: Results): Promise<void> {
  const out = openFileWriter(path);
  const write = out.write;
  const sources = new Set<{ close(): void }>();
  try {
    const { cases, ...head } = results;
    const opening = redactedJson(head);
    await write(`${opening.slice(0, -1)},"cases":[\n`);
    for (let i = 0; i < cases.length; i++) {
      await write((i ? ',\n' : '') + redactedJson(withFullTrials(cases[i], sources)));
    }
  } catch (err) {
    await out.abort();
    throw err;
  } finally {
    for (const s of sources) s.close();
  }
  await out.end('\n]}\n');
}

const hasToJSON = (c: object): c is { toJSON(): CaseResult } =>
  typeof (c as { toJSON?: unknown }).toJSON === 'function';

/** The case as written: with its full trials when the run holds them on disk. */
function withFullTrials(c: CaseResult, sources: Set<{ close(): void }>): CaseResult {
  if (!Array.isArray(c?.trials) || !anySpooled(c.trials)) return c;
  return {
    // A case held by its dataset line gives its input (read back) through toJSON, in order.
    ...(hasToJSON(c) ? c.toJSON() : c),
    trials: c.trials.map((t) => {
      const source = spoolOf(t);
      if (source) sources.add(source);
      return fullTrial(t);
    }),
  };
}

/**
 * Checks that shard files make one whole run: every shard of the same total, each index from 1
 * to the total exactly once. Files without a shard (merging plain runs) are taken as they are,
 * but not mixed with shards.
 */
function checkShards(parts: { path: string; results: Results }[]): void {
  const sharded = parts.filter((p) => p.results.meta.shard);
  if (sharded.length === 0) return;
  const plain = parts.find((p) => !p.results.meta.shard);
  if (plain) {
    throw new InputError(
      `is not a shard (no meta.shard) but ${sharded[0].path} is: merge the shards of one run`,
      plain.path,
    );
  }
  const total = sharded[0].results.meta.shard!.total;
  const byIndex = new Map<number, string>();
  for (const { path, results } of sharded) {
    const { index, total: t } = results.meta.shard!;
    if (t !== total) {
      throw new InputError(
        `is shard ${index}/${t}, but ${sharded[0].path} is one of ${total}: shards of different splits`,
        path,
      );
    }
    const other = byIndex.get(index);
    if (other) throw new InputError(`shard ${index}/${total} is given twice (also ${other})`, path);
    byIndex.set(index, path);
  }
  const missing: string[] = [];
  for (let i = 1; i <= total; i++) if (!byIndex.has(i)) missing.push(`${i}/${total}`);
  if (missing.length) {
    throw new InputError(
      `shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: the merged results would lack ${missing.length > 1 ? 'their' : 'its'} cases`,
    );
  }
}

/**
 * Merges the results of the shards of one run (a matrix of jobs, `--shard i/n`) into one file.
 * The shards must come from the same suite and make a whole (each shard exactly once); a case in
 * two shards is an error.
 */
export function mergeResults(parts: { path: string; results: Results }[]): Results {
  if (parts.length === 0) throw new InputError('nothing to merge');
  const [first] = parts;
  const seen = new Map<string, string>();
  const cases = [];
  for (const { path, results } of parts) {
    if (results.meta.suite_hash !== first.results.meta.suite_hash) {
      throw new InputError(
        `suite hash ${results.meta.suite_hash.slice(0, 12)} differs from ${first.path}'s ` +
          `${first.results.meta.suite_hash.slice(0, 12)}: shards of different suites`,
        path,
      );
    }
  }
  checkShards(parts);
  for (const { path, results } of parts) {
    for (const c of results.cases) {
      const other = seen.get(c.id);
      if (other) throw new InputError(`case ${c.id} is also in ${other}`, path);
      seen.set(c.id, path);
      cases.push(c);
    }
  }
  const started = parts.map((p) => p.results.meta.started_at).sort()[0];
  const finished = parts
    .map((p) => p.results.meta.finished_at)
    .sort()
    .at(-1)!;
  // The whole run selected what its shards did (when every shard recorded it).
  const selections = parts.map((p) => p.results.meta.selected?.ids);
  const selected = selections.every((ids) => Array.isArray(ids))
    ? selectedCases(selections.flatMap((ids) => ids!))
    : undefined;
  const meta = {
    ...first.results.meta,
    started_at: started,
    finished_at: finished,
    duration_ms: Date.parse(finished) - Date.parse(started),
    shard: undefined,
    interrupted: parts.some((p) => p.results.meta.interrupted) || undefined,
    selected,
  };
  return recount({ schema: 'evalgate/results@1', meta, cases });
}
