/**
 * `evalgate sample`: picks traces for a person to review, from an imported traces file (JSON
 * lines, `evalgate import`'s output) or a results file (`evalgate run`'s: then the strata are
 * the failure modes of the checks that failed).
 *
 * Without checks, a trace's stratum is `error` (the trace errored), `span_error` (a span or
 * tool call failed but the trace answered), the value of `--by <metadata path>` when given, or
 * `passing`. Writes the sampled traces as JSON lines with `metadata.sample` = {stratum, seed}.
 */
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { displayPath, suiteError } from '../suite/errors.ts';
import { normalizeTrace } from '../targets/trace.ts';
import type { Results, Trace } from '../types.ts';
import { PASSING, StratifiedSampler, wilsonHalfWidth } from './sampler.ts';
import { readJsonLines } from '../suite/jsonl-stream.ts';

export interface SampleOptions {
  seed: number;
  perMode: number;
  passing: number;
  by?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function metadataAt(trace: Trace, path: string): unknown {
  let v: unknown = trace.metadata;
  for (const key of path.split('.')) {
    if (!isObject(v) || !Object.hasOwn(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

/** The stratum of an imported trace (no checks ran on it). */
export function traceStratum(trace: Trace, by: string | undefined): string {
  if (trace.error) return 'error';
  if (by) {
    const v = metadataAt(trace, by);
    if (typeof v === 'string' && v) return v;
    if (typeof v === 'number' || typeof v === 'boolean') return `${by}=${String(v)}`;
  }
  const spanErrors = trace.metadata?.span_errors;
  if (Array.isArray(spanErrors) && spanErrors.length) return 'span_error';
  return PASSING;
}

interface Picked {
  trace: Trace;
  failed: string[];
  case?: string;
}

async function offerTraces(
  path: string,
  shown: string,
  add: (p: Picked, s: string) => void,
  by?: string,
) {
  for await (const { value, line: n } of readJsonLines(path, shown)) {
    const r = normalizeTrace(value);
    if ('error' in r)
      throw suiteError([{ file: shown, line: n, message: `not a trace: ${r.error}` }]);
    add({ trace: r.trace, failed: [] }, traceStratum(r.trace, by));
  }
}

function offerResults(results: Results, add: (p: Picked, s: string) => void) {
  for (const c of results.cases) {
    for (const t of c.trials) {
      const failed = [...new Set(t.checks.filter((k) => k.status === 'fail').map((k) => k.mode))];
      const stratum = t.status === 'error' ? 'error' : (failed[0] ?? PASSING);
      add({ trace: t.trace, failed, case: c.id }, stratum);
    }
  }
}

/** The first 4 KB of a file, without reading the rest. */
async function fileHead(file: string, shown: string): Promise<string> {
  try {
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw suiteError([{ file: shown, message: `cannot read: ${(err as Error).message}` }]);
  }
}

export async function sampleCommand(
  file: string,
  out: string | undefined,
  opts: SampleOptions,
  log: (line: string) => void,
): Promise<number> {
  const shown = displayPath(file);
  const sampler = new StratifiedSampler<Picked>({
    seed: opts.seed,
    perStratum: opts.perMode,
    passing: opts.passing,
  });
  const add = (p: Picked, s: string) => sampler.add(p, s);
  const head = await fileHead(file, shown);
  // A results file is one JSON object that starts with its schema; traces are JSON lines.
  if (/^\s*\{\s*"(schema|meta|cases)"\s*:/.test(head)) {
    const { readResults } = await import('../run/results-io.ts');
    offerResults(await readResults(file), add);
  } else await offerTraces(file, shown, add, opts.by);

  const strata = sampler.result();
  const stream = out ? createWriteStream(out) : process.stdout;
  let total = 0;
  for (const s of strata) {
    for (const p of s.items) {
      const metadata: Record<string, unknown> = {
        ...p.trace.metadata,
        sample: {
          stratum: s.stratum,
          seed: opts.seed,
          ...(p.failed.length ? { failed_modes: p.failed } : {}),
          ...(p.case ? { case: p.case } : {}),
        },
      };
      if (!stream.write(`${JSON.stringify({ ...p.trace, metadata })}\n`))
        await new Promise<void>((resolve) => stream.once('drain', resolve));
      total++;
    }
  }
  if (out) {
    stream.end();
    await finished(stream);
  }
  const pct = (x: number) => `±${(x * 100).toFixed(0)} points`;
  for (const s of strata)
    log(
      `${s.stratum}: ${s.items.length} of ${s.seen} trace(s)${s.items.length ? ` (a rate among them to ${pct(wilsonHalfWidth(s.items.length))})` : ''}`,
    );
  log(
    `sampled ${total} trace(s) with seed ${opts.seed}${out ? ` to ${displayPath(out)}` : ''}: a sample of ${total} estimates a failure rate to ${total ? pct(wilsonHalfWidth(total)) : 'nothing'} (95% Wilson interval, worst case)`,
  );
  return 0;
}
