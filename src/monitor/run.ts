/**
 * The checking half of `evalgate monitor`: streams evalgate traces (JSON lines, `evalgate
 * import`'s output), runs the config's online checks on each, and keeps per trace only its time
 * and one outcome per mode, so memory grows by a few bytes per trace whatever the traces hold.
 *
 * Per trace and mode (as compare counts a trial): a failed check makes it a failure even when
 * another check of the mode errored; otherwise an errored check (or an errored trace) makes the
 * outcome unknown, counted apart; else it passed.
 */
import { runChecks } from '../checks/registry.ts';
import type { CheckContext, JudgeClient } from '../checks/definition.ts';
import { inputOf } from '../promote/suggest.ts';
import { readJsonLines } from '../suite/jsonl-stream.ts';
import { displayPath, suiteError } from '../suite/errors.ts';
import { normalizeTrace } from '../targets/trace.ts';
import type { Case, CheckResult, OnlineConfig, Trace } from '../types.ts';
import { traceTime } from './windows.ts';

export const PASS = 0;
export const FAIL = 1;
export const ERROR = 2;

export interface FirstError {
  trace_id?: string;
  file: string;
  line: number;
  reason: string;
}

export interface CheckedTraces {
  /** Per trace, its start time (ms). */
  times: Float64Array;
  /** Per trace t and mode m, at t * modes + m: PASS, FAIL or ERROR. */
  outcomes: Uint8Array;
  modes: string[];
  /** Traces whose run errored (every check of theirs is an error). */
  erroredTraces: number;
  /** Per mode, the first check error, to show what went wrong. */
  firstErrors: (FirstError | undefined)[];
}

export interface CheckOptions {
  online: OnlineConfig;
  rootDir: string;
  judge?: JudgeClient;
  /** Traces checked at once (only model-graded checks wait on anything). */
  concurrency: number;
  signal?: AbortSignal;
}

/** The case a check sees for a production trace: its input, no expectations. */
function caseOf(trace: Trace, file: string, line: number, online: OnlineConfig): Case {
  return {
    id: trace.trace_id ?? `${file}:${line}`,
    input: inputOf(trace),
    tags: [],
    checks: online.checks,
    source: { file, line },
    hash: '',
  };
}

function outcomeOf(results: CheckResult[], mode: string): number {
  let errored = false;
  for (const r of results) {
    if (r.mode !== mode) continue;
    if (r.status === 'fail') return FAIL;
    if (r.status === 'error') errored = true;
  }
  return errored ? ERROR : PASS;
}

/** Doubles the per-trace buffers: 8 bytes of time and a byte per mode for each trace. */
function grow(out: CheckedTraces, modes: number): void {
  const size = Math.max(1024, out.times.length * 2);
  const times = new Float64Array(size);
  times.set(out.times);
  const outcomes = new Uint8Array(size * modes);
  outcomes.set(out.outcomes);
  out.times = times;
  out.outcomes = outcomes;
}

export async function checkTraces(
  files: readonly string[],
  opts: CheckOptions,
): Promise<CheckedTraces> {
  const { modes } = opts.online;
  const out: CheckedTraces = {
    times: new Float64Array(0),
    outcomes: new Uint8Array(0),
    modes,
    erroredTraces: 0,
    firstErrors: modes.map(() => undefined),
  };
  const record = (
    slot: number,
    results: CheckResult[],
    trace: Trace,
    shown: string,
    line: number,
  ) => {
    for (let m = 0; m < modes.length; m++) {
      const o = outcomeOf(results, modes[m]);
      out.outcomes[slot * modes.length + m] = o;
      if (o === ERROR && !out.firstErrors[m]) {
        const r = results.find((x) => x.mode === modes[m] && x.status === 'error');
        out.firstErrors[m] = {
          ...(trace.trace_id ? { trace_id: trace.trace_id } : {}),
          file: shown,
          line,
          reason: r?.reason ?? 'error',
        };
      }
    }
  };
  let count = 0;
  const pending = new Set<Promise<void>>();
  for (const file of files) {
    const shown = displayPath(file);
    for await (const { value, line } of readJsonLines(file, shown)) {
      if (opts.signal?.aborted) break;
      const r = normalizeTrace(value);
      if ('error' in r)
        throw suiteError([{ file: shown, line, message: `not a trace: ${r.error}` }]);
      const trace = r.trace;
      const t = traceTime(trace.metadata);
      if (typeof t === 'string') throw suiteError([{ file: shown, line, message: t }]);
      const slot = count++;
      if (slot === out.times.length) grow(out, modes.length);
      out.times[slot] = t;
      if (trace.error) out.erroredTraces++;
      const ctx: CheckContext = {
        rootDir: opts.rootDir,
        case: caseOf(trace, shown, line, opts.online),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.judge ? { judge: opts.judge } : {}),
      };
      const checked = runChecks(opts.online.checks, trace, ctx);
      // Without a judge every check is synchronous: one trace at a time, no pool to keep.
      if (!opts.judge) {
        record(slot, await checked, trace, shown, line);
        continue;
      }
      const running = checked.then((results) => record(slot, results, trace, shown, line));
      pending.add(running);
      void running.finally(() => pending.delete(running));
      if (pending.size >= opts.concurrency) await Promise.race(pending);
    }
  }
  await Promise.all(pending);
  out.times = out.times.slice(0, count);
  out.outcomes = out.outcomes.slice(0, count * modes.length);
  return out;
}
