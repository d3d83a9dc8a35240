/**
 * Slim trials: what a run's summary and a comparison need of a trial, without its trace's text.
 *
 * A large run holds hundreds of thousands of trials; their traces (outputs, tool calls,
 * retrieved documents, messages) are most of their memory and are read by nothing but the
 * results file, the excerpts of a few failures and the viewer. A slim trial keeps its status,
 * its checks (passing ones shared between trials, since nothing reads their reasons), and of its
 * trace only the error, usage, latency, trace id and retries. The full trial stays on disk (the
 * run's journal, or the results file) and is read back when it is written out or shown.
 */
import type { CheckResult, Trace, TrialResult } from '../types.ts';

/** Shared passing checks and check lists, by what identifies them; bounded. */
const MAX_SHARED = 50_000;
const passChecks = new Map<string, CheckResult>();
const checkLists = new Map<string, CheckResult[]>();
const passKeys = new WeakMap<CheckResult, string>();

/**
 * A passing check without usage or retries, shared: its reason is never read from a slim trial
 * (reports show only failing and errored checks). Anything else is kept as it is.
 */
function slimCheck(ch: CheckResult): CheckResult {
  if (!ch || typeof ch !== 'object' || ch.status !== 'pass' || ch.usage || ch.retries) return ch;
  const key = `${ch.type}\0${ch.mode}\0${ch.index}\0${ch.name ?? ''}\0${ch.turn ?? ''}`;
  let shared = passChecks.get(key);
  if (!shared) {
    shared = { type: ch.type, mode: ch.mode, index: ch.index, status: 'pass', reason: '' };
    if (ch.name !== undefined) shared.name = ch.name;
    if (ch.turn !== undefined) shared.turn = ch.turn;
    if (passChecks.size >= MAX_SHARED) return shared;
    passChecks.set(key, shared);
    passKeys.set(shared, key);
  }
  return shared;
}

export function slimChecks(checks: CheckResult[]): CheckResult[] {
  if (!Array.isArray(checks)) return checks;
  const out = new Array<CheckResult>(checks.length);
  let key = '';
  let shareable = true;
  for (let i = 0; i < checks.length; i++) {
    out[i] = slimCheck(checks[i]);
    const k = passKeys.get(out[i]);
    if (k === undefined) shareable = false;
    else if (shareable) key += `${k}\u0001`;
  }
  if (!shareable) return out;
  const shared = checkLists.get(key);
  if (shared) return shared;
  if (checkLists.size < MAX_SHARED) checkLists.set(key, out);
  return out;
}

/**
 * Slim traces without an error, trace id or retries, shared by their usage and latency: many
 * trials report the same token counts, and a shared trace costs nothing per trial (nothing
 * changes a slim trial's trace). Keyed by value, so sharing never changes what is read.
 */
const plainTraces = new Map<string, Trace>();
const MAX_PLAIN_TRACES = 1_000;

function plainKey(usage: Trace['usage'], latency: number | undefined): string | undefined {
  if (usage !== undefined) {
    if (!usage || typeof usage !== 'object' || Object.getPrototypeOf(usage) !== Object.prototype)
      return undefined;
    for (const v of Object.values(usage)) if (typeof v !== 'number') return undefined;
  }
  return `${usage === undefined ? '-' : JSON.stringify(usage)}\0${latency ?? '-'}`;
}

/** A trace's error, usage, latency, trace id and retries: what summaries and comparisons read. */
export function slimTrace(trace: Trace): Trace {
  if (!trace || typeof trace !== 'object') return trace;
  const retries = trace.metadata?.retries;
  const plain = !trace.error && trace.trace_id === undefined && retries === undefined;
  const key = plain ? plainKey(trace.usage, trace.latency_ms) : undefined;
  if (key !== undefined) {
    const shared = plainTraces.get(key);
    if (shared) return shared;
  }
  const out: Trace = { output: '' };
  if (trace.error) out.error = trace.error;
  if (trace.usage) out.usage = trace.usage;
  if (trace.latency_ms !== undefined) out.latency_ms = trace.latency_ms;
  if (trace.trace_id !== undefined) out.trace_id = trace.trace_id;
  if (retries !== undefined) out.metadata = { retries };
  if (key !== undefined) {
    // Measured latencies rarely repeat: a small table, emptied when full, costs little then.
    if (plainTraces.size >= MAX_PLAIN_TRACES) plainTraces.clear();
    plainTraces.set(key, out);
  }
  return out;
}

/** A trial without its trace's text (see above); the original is not changed. */
export function slimTrial(t: TrialResult): TrialResult {
  if (!t || typeof t !== 'object') return t;
  const out: TrialResult = {
    trial: t.trial,
    stage: t.stage,
    status: t.status,
    checks: slimChecks(t.checks),
    trace: slimTrace(t.trace),
    attempts: t.attempts,
    duration_ms: t.duration_ms,
  };
  if (t.cached) out.cached = t.cached;
  return out;
}
