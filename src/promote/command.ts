/**
 * `evalgate promote`: labelled traces → golden cases appended to a dataset file. Never
 * overwrites: cases are appended, ids are made unique against the file, and a trace already
 * promoted into it is skipped. Each case records its provenance (source, trace id, date, the
 * reviewer's note) in `description` and the tags `promoted` and `source:<format>`.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { displayPath, suiteError, type SuiteProblem } from '../suite/errors.ts';
import { parseJsonl } from '../suite/jsonl.ts';
import { normalizeTrace } from '../targets/trace.ts';
import type { Trace } from '../types.ts';
import {
  documentsOf,
  inputOf,
  isObject,
  sourceOf,
  suggestChecks,
  type PromoteLabel,
} from './suggest.ts';
import { readJsonLines } from '../suite/jsonl-stream.ts';

const labelSchema = z.strictObject({
  trace_id: z.string().min(1),
  // null: reviewed, no failure (the review page writes these); skipped.
  mode: z.string().min(1).nullable(),
  note: z.string().optional(),
  tool: z.string().min(1).optional(),
  expected: z.string().min(1).optional(),
  reviewer: z.string().optional(),
  labelled_at: z.string().optional(),
});

export async function readPromoteLabels(
  path: string,
  modes: Set<string> | undefined,
  log?: (line: string) => void,
): Promise<PromoteLabel[]> {
  const shown = displayPath(path);
  const text = await readFile(path, 'utf8').catch((err: Error) => {
    throw suiteError([{ file: shown, message: `cannot read the labels file: ${err.message}` }]);
  });
  const labels: PromoteLabel[] = [];
  const problems: SuiteProblem[] = [];
  let noFailure = 0;
  const { problems: syntax } = parseJsonl(text, shown, ({ line, value }) => {
    if (isReviewSummary(value)) return;
    const r = labelSchema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0];
      problems.push({
        file: shown,
        line,
        field: issue.path.join('.') || undefined,
        message: issue.message,
      });
      return;
    }
    if (r.data.mode === null) {
      noFailure++;
      return;
    }
    if (modes && !modes.has(r.data.mode)) {
      problems.push({
        file: shown,
        line,
        field: 'mode',
        message: `unknown failure mode "${r.data.mode}" (known: ${[...modes].join(', ')}); add it to failure_modes first`,
      });
      return;
    }
    const { reviewer: _r, labelled_at: _a, mode, ...label } = r.data;
    labels.push({ ...label, mode, line });
  });
  problems.unshift(...syntax);
  if (problems.length) throw suiteError(problems);
  if (noFailure) log?.(`${noFailure} trace(s) reviewed with no failure (mode null): skipped`);
  return labels;
}

/**
 * The summary line `evalgate review`'s download starts with (`{"evalgate_review": {...}}`):
 * counts for people, nothing to promote.
 */
function isReviewSummary(v: unknown): boolean {
  return isObject(v) && Object.keys(v).length === 1 && isObject(v.evalgate_review);
}

/** The traces the labels name, read line by line (the rest of the file is not kept). */
async function tracesById(path: string, wanted: Set<string>): Promise<Map<string, Trace>> {
  const shown = displayPath(path);
  const found = new Map<string, Trace>();
  try {
    // Only lines that name a trace id are parsed: most of a large export is other traces.
    const lines = readJsonLines(path, shown, (text) => text.includes('"trace_id"'));
    for await (const { value, line: n } of lines) {
      if (!isObject(value) || typeof value.trace_id !== 'string' || !wanted.has(value.trace_id))
        continue;
      const r = normalizeTrace(value);
      if ('error' in r)
        throw suiteError([{ file: shown, line: n, message: `not a trace: ${r.error}` }]);
      found.set(value.trace_id, r.trace);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code)
      throw suiteError([{ file: shown, message: `cannot read: ${(err as Error).message}` }]);
    throw err;
  }
  return found;
}

/** Ids and promoted trace ids already in the dataset (absent file: none). */
async function existing(
  path: string,
): Promise<{ ids: Set<string>; traces: Set<string>; endsWithNewline: boolean }> {
  const ids = new Set<string>();
  const traces = new Set<string>();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { ids, traces, endsWithNewline: true };
  }
  parseJsonl(text, displayPath(path), ({ value }) => {
    if (!isObject(value)) return;
    if (typeof value.id === 'string') ids.add(value.id);
    const m =
      typeof value.description === 'string' ? / trace (\S+) on /.exec(value.description) : null;
    if (m) traces.add(m[1]);
  });
  return { ids, traces, endsWithNewline: text === '' || text.endsWith('\n') };
}

function caseId(label: PromoteLabel, taken: Set<string>): string {
  const base = `prod-${label.mode}-${label.trace_id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 12) || 'trace'}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

export interface PromoteOptions {
  traces: string;
  labels: string;
  dataset: string;
  modes?: Set<string>;
  /** Case ids of the suite's other datasets: a new id must be unique across the suite. */
  suiteIds?: Iterable<string>;
  /** Wrap a string input as `{[inputKey]: input}` (the shape the suite's target expects). */
  inputKey?: string;
  now?: Date;
}

export async function promote(opts: PromoteOptions, log: (line: string) => void): Promise<number> {
  const labels = await readPromoteLabels(opts.labels, opts.modes, log);
  const traces = await tracesById(opts.traces, new Set(labels.map((l) => l.trace_id)));
  const missing = labels.filter((l) => !traces.has(l.trace_id));
  if (missing.length)
    throw suiteError(
      missing.map((l) => ({
        file: displayPath(opts.labels),
        line: l.line,
        field: 'trace_id',
        message: `no trace ${l.trace_id} in ${displayPath(opts.traces)}`,
      })),
    );
  const have = await existing(opts.dataset);
  for (const id of opts.suiteIds ?? []) have.ids.add(id);
  const date = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const lines: string[] = [];
  const problems: SuiteProblem[] = [];
  for (const label of labels) {
    if (have.traces.has(label.trace_id)) {
      log(`trace ${label.trace_id} is already in ${displayPath(opts.dataset)}: skipped`);
      continue;
    }
    const trace = traces.get(label.trace_id)!;
    let input = inputOf(trace);
    if (input === undefined) {
      problems.push({
        file: displayPath(opts.labels),
        line: label.line,
        message: `trace ${label.trace_id} has no input (no metadata.input, no user message)`,
      });
      continue;
    }
    if (opts.inputKey && typeof input === 'string') input = { [opts.inputKey]: input };
    const { checks, todo } = suggestChecks(label, trace);
    const id = caseId(label, have.ids);
    const source = sourceOf(trace);
    const row: Record<string, unknown> = {
      id,
      input,
      tags: ['promoted', `source:${source}`],
      description: `promoted from ${source} trace ${label.trace_id} on ${date}${label.note ? `: ${label.note}` : ''}`,
      checks,
    };
    const documents = documentsOf(trace);
    if (documents.length) row.context = { documents };
    lines.push(JSON.stringify(row));
    have.traces.add(label.trace_id);
    log(`${id}: ${checks.map((c) => c.type).join(', ')}${todo ? ` (to do: ${todo})` : ''}`);
  }
  if (problems.length) throw suiteError(problems);
  if (lines.length)
    await appendFile(opts.dataset, `${have.endsWithNewline ? '' : '\n'}${lines.join('\n')}\n`);
  log(
    `appended ${lines.length} case(s) to ${displayPath(opts.dataset)}; review them, then run evalgate validate`,
  );
  return 0;
}
