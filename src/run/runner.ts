import { createHash } from 'node:crypto';
import pRetry from 'p-retry';
import { runChecks } from '../checks/registry.ts';
import type { JudgeClient } from '../checks/definition.ts';
import type { Target } from '../targets/target.ts';
import type {
  Case,
  CaseRequest,
  CaseResult,
  CheckStatus,
  Results,
  RunMeta,
  SelectedCases,
  Suite,
  SuiteConfig,
  Trace,
  TrialResult,
} from '../types.ts';
import { VERSION } from '../version.ts';
import type { RunGuard } from './guard.ts';
import { silentProgress, type ProgressSink } from './progress.ts';
import { runConversation } from './conversation.ts';
import type { SimulatorClient } from './simulator.ts';
import { traceKey, type SideCache } from './trace-cache.ts';
import { checkpoint } from './gc.ts';
import { CaseChangedError, checkOutline, fullCase, HeldCase } from '../suite/held-case.ts';

/** One system under test: the same cases run against each side (base tree, head tree). */
export interface Side {
  label: string;
  target: Target;
  git?: { sha?: string; ref?: string };
  /** When set, only these case ids run on this side (e.g. base cases a cached baseline lacks). */
  only?: Set<string>;
  /** This side's system in the trace cache: a held trace answers a trial without the target. */
  cache?: SideCache;
}

export interface RunPlan {
  /** The suite whose cases and checks run on every side (the head's, in a PR). */
  suite: Suite;
  cases: Case[];
  sides: Side[];
  trials: number;
  /** 1 for the first run, 2 for an adaptive re-run. */
  stage?: number;
  /** Trial numbers start here (stage 2 continues after stage 1's, so seeds differ). */
  firstTrial?: number;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  signal?: AbortSignal;
  progress?: ProgressSink;
  judge?: JudgeClient;
  /** Plays the user of cases with `simulated_user` (see simulator.ts). */
  simulator?: SimulatorClient;
  /** Backoff before the first retry, in ms (doubles each time). */
  retryDelayMs?: number;
  /**
   * Trials that already finished, per side label and case id (a resumed run): they are not run
   * again, and come back with the new ones.
   */
  finished?: TrialsBySide;
  /** Called as each trial finishes, in completion order (the run's journal appends it). */
  onTrial?: (side: string, caseId: string, result: TrialResult) => void;
  /**
   * What the run holds in memory for a finished trial, in place of the trial itself: a slim copy
   * whose full version is on disk (JournalWriter.keep), so memory does not grow with traces.
   */
  keep?: (side: string, caseId: string, result: TrialResult) => TrialResult;
  /** Stops starting trials after a fatal error (a rejected key) or past the max_cost budget. */
  guard?: RunGuard;
}

/** What a run produced: per side, per case id, the trials that finished. */
export type TrialsBySide = Map<string, Map<string, TrialResult[]>>;

class TransientTraceError extends Error {
  readonly trace: Trace;
  constructor(trace: Trace) {
    super(trace.error?.message ?? 'transient error');
    this.trace = trace;
  }
}

/**
 * A trial's status: error when its trace errored; else fail when any check failed (a known
 * failure stays one even beside an errored check, as per mode in compare); else error when a
 * check errored (its outcome is unknown); else pass.
 */
export function trialStatus(trace: Trace, statuses: { status: CheckStatus }[]): CheckStatus {
  if (trace.error) return 'error';
  let errored = false;
  for (const s of statuses) {
    if (s.status === 'fail') return 'fail';
    if (s.status === 'error') errored = true;
  }
  return errored ? 'error' : 'pass';
}

/** Runs one trial with retries of transient errors (429, 5xx, refused); returns the last trace. */
async function runWithRetries(
  target: Target,
  request: CaseRequest,
  plan: RunPlan,
  timeoutMs = plan.timeoutMs,
): Promise<{ trace: Trace; attempts: number }> {
  let attempts = 0;
  let last: Trace | undefined;
  const options = { timeoutMs, signal: plan.signal };
  try {
    await pRetry(
      async () => {
        attempts++;
        last = await target.run(request, options);
        if (last.error?.transient && !plan.signal?.aborted) throw new TransientTraceError(last);
      },
      {
        retries: plan.retries,
        minTimeout: plan.retryDelayMs ?? 500,
        factor: 2,
        maxTimeout: 30_000,
        randomize: true,
        signal: plan.signal,
        onFailedAttempt: async ({ error }) => {
          // A 429 that says how long to wait is worth honouring over our own backoff.
          const wait = (error as TransientTraceError).trace?.error?.retry_after_ms;
          if (typeof wait === 'number' && wait > 0) {
            await new Promise((r) => setTimeout(r, Math.min(wait, 60_000)));
          }
        },
      },
    );
  } catch {
    // Out of retries (or aborted): the last trace, with its error, is the answer.
  }
  return { trace: last ?? cancelledTrace(), attempts };
}

function cancelledTrace(): Trace {
  return { output: '', error: { kind: 'cancelled', message: 'the run was interrupted' } };
}

function requestFor(c: Case, trial: number): CaseRequest {
  return { id: c.id, input: c.input, context: c.context ?? {}, tags: c.tags, trial };
}

/**
 * Runs cases x trials x sides with bounded concurrency. Jobs are ordered case by case, trial by
 * trial, side by side, so base and head trials of a case interleave in time (drift in a shared
 * API affects both sides alike, which the paired test relies on). An interrupted run keeps every
 * trial that finished and drops the ones cut short.
 */
export async function runTrials(plan: RunPlan): Promise<TrialsBySide> {
  const stage = plan.stage ?? 1;
  const firstTrial = plan.firstTrial ?? 0;
  const progress = plan.progress ?? silentProgress;
  const out: TrialsBySide = new Map(plan.sides.map((s) => [s.label, new Map()]));
  const done = (side: string, caseId: string) => plan.finished?.get(side)?.get(caseId);
  for (const side of plan.sides) {
    for (const c of plan.cases) {
      const trials = done(side.label, c.id);
      if (trials?.length) out.get(side.label)!.set(c.id, [...trials]);
    }
  }

  // The jobs, in order: case by case, trial by trial, side by side (those not finished yet).
  // A case held by its dataset line (src/suite/held-case.ts) is read back when its first job is
  // taken, and its jobs hold it until they finish; a case that changed on disk errors its trials.
  function* jobs(read: boolean): Generator<Job> {
    for (const held of plan.cases) {
      let c: Case | CaseUnreadable | undefined;
      for (let t = 0; t < plan.trials; t++) {
        const trial = firstTrial + t;
        for (const side of plan.sides) {
          if (side.only && !side.only.has(held.id)) continue;
          if (done(side.label, held.id)?.some((r) => r.trial === trial)) continue;
          if (read) c ??= readCase(held);
          yield [side, c ?? held, trial];
        }
      }
    }
  }
  let total = 0;
  for (const _ of jobs(false)) total++;
  progress.start(
    total,
    plan.sides.map((s) => s.label).join(' + ') + (stage > 1 ? ' (re-run)' : ''),
  );
  // `concurrency` lanes take the next job from one shared generator as each finishes. Not a
  // queue of every job up front (p-limit): a queued job costs about 1 KB, which at 300,000
  // trials was most of a large run's memory.
  const queue = jobs(true);
  const lanes = Array.from({ length: Math.min(Math.max(1, plan.concurrency), total) }, async () => {
    for (const [side, c, trial] of queue) {
      if (c instanceof Error) unreadable(plan, side, c, trial, stage, out, progress);
      else await runOne(plan, side, c, trial, stage, out, progress);
    }
  });
  await Promise.all(lanes);
  progress.finish();

  // Trials finish out of order under concurrency; results read better in trial order.
  for (const byCase of out.values()) {
    for (const trials of byCase.values()) trials.sort((a, b) => a.trial - b.trial);
  }
  return out;
}

/** A job: a side, its case (or why the case could not be read back), a trial number. */
type Job = [Side, Case | CaseUnreadable, number];

/** A held case whose line changed on disk: its trials are errors, the case is not run. */
class CaseUnreadable extends Error {
  readonly id: string;
  constructor(id: string, message: string) {
    super(message);
    this.id = id;
  }
}

function readCase(c: Case): Case | CaseUnreadable {
  try {
    return fullCase(c);
  } catch (err) {
    return new CaseUnreadable(c.id, (err as Error).message);
  }
}

/** Records the trial of a case that could not be read back as an error of the whole trial. */
function unreadable(
  plan: RunPlan,
  side: Side,
  c: CaseUnreadable,
  trial: number,
  stage: number,
  out: TrialsBySide,
  progress: ProgressSink,
): void {
  if (plan.signal?.aborted || plan.guard?.stopped) return;
  const result: TrialResult = {
    trial,
    stage,
    status: 'error',
    checks: [],
    trace: { output: '', error: { kind: 'dataset', message: c.message } },
    attempts: 0,
    duration_ms: 0,
  };
  finish(plan, side, c.id, result, out, progress);
}

/** Keeps a finished trial (slim, when the run keeps its trials on disk) and reports it. */
function finish(
  plan: RunPlan,
  side: Side,
  caseId: string,
  result: TrialResult,
  out: TrialsBySide,
  progress: ProgressSink,
): void {
  const kept = plan.keep ? plan.keep(side.label, caseId, result) : result;
  const byCase = out.get(side.label)!;
  const list = byCase.get(caseId);
  // A new list of the exact length (concat; not push, nor a spread, which grow like push): a
  // pushed-to array keeps room for 17 more, 130 bytes a case to the end of a run.
  byCase.set(caseId, list ? list.concat([kept]) : [kept]);
  plan.onTrial?.(side.label, caseId, result);
  plan.guard?.observe(result);
  progress.tick(result.status);
}

async function runOne(
  plan: RunPlan,
  side: Side,
  c: Case,
  trial: number,
  stage: number,
  out: TrialsBySide,
  progress: ProgressSink,
): Promise<void> {
  if (plan.signal?.aborted || plan.guard?.stopped) return;
  checkpoint();
  const started = performance.now();
  const request = requestFor(c, trial);
  // The conversation script is part of what the system receives, though not of the request.
  const key =
    side.cache && traceKey(request, { turns: c.turns, simulated_user: c.simulated_user }, stage);
  const held = key ? side.cache!.bucket.get(key) : undefined;
  const { trace, attempts } = held
    ? { trace: held, attempts: 0 }
    : c.turns || c.simulated_user
      ? await runConversation(c, request, {
          mode: plan.suite.config.target.conversation ?? 'turns',
          call: (req, timeoutMs) => runWithRetries(side.target, req, plan, timeoutMs),
          timeoutMs: plan.timeoutMs,
          simulator: plan.simulator,
          signal: plan.signal,
        })
      : await runWithRetries(side.target, request, plan);
  // A trial cut short by Ctrl-C is not evidence of anything: drop it rather than count an error.
  if (trace.error?.kind === 'cancelled' || plan.signal?.aborted) return;
  if (key) {
    if (held) side.cache!.hits++;
    else {
      side.cache!.misses++;
      side.cache!.bucket.put(key, trace);
    }
  }
  const checks = await runChecks(c.checks, trace, {
    rootDir: plan.suite.rootDir,
    case: c,
    signal: plan.signal,
    judge: plan.judge,
  });
  const status = trialStatus(trace, checks);
  const result: TrialResult = {
    trial,
    stage,
    status,
    checks,
    trace,
    attempts,
    duration_ms: Math.round(performance.now() - started),
  };
  if (held) result.cached = true;
  finish(plan, side, c.id, result, out, progress);
}

/**
 * The config as recorded in results (an artifact anyone with read access can download): the
 * values of the target's `env` and `headers` are masked, as they are where keys usually go.
 */
export function recordedConfig(config: SuiteConfig): SuiteConfig {
  const mask = (m: Record<string, string> | undefined) =>
    m && Object.fromEntries(Object.keys(m).map((k) => [k, '***']));
  const target = { ...config.target, env: mask(config.target.env) };
  if (target.kind === 'http' || target.kind === 'openai') target.headers = mask(target.headers);
  return { ...config, target };
}

/** One list per distinct set of modes: 100,000 cases name the same few, and nothing edits them. */
const modeLists = new Map<string, string[]>();

function modesOf(c: Case): string[] {
  const modes = [...new Set(checkOutline(c).map((k) => k.mode))];
  const key = modes.join('\0');
  const shared = modeLists.get(key);
  if (shared) return shared;
  if (modeLists.size < 10_000) modeLists.set(key, modes);
  return modes;
}

/**
 * The entry of a case held by its dataset line: its input is read back when asked for (when the
 * results file is written: `toJSON`), not held for every case until the end of the run.
 */
class HeldCaseResult implements CaseResult {
  readonly id: string;
  readonly hash: string;
  readonly source: CaseResult['source'];
  readonly tags: string[];
  readonly modes: string[];
  trials: TrialResult[];
  readonly #case: HeldCase;

  constructor(c: HeldCase, trials: TrialResult[]) {
    this.id = c.id;
    this.hash = c.hash;
    this.source = c.source;
    this.tags = c.tags;
    this.modes = modesOf(c);
    this.trials = trials;
    this.#case = c;
  }

  /**
   * The case's input, read back from its line. Should the line have changed since the case's
   * trials ran (each checked it was the case loaded), the trials stand and the input is null.
   */
  get input(): unknown {
    try {
      return this.#case.resultInput();
    } catch (err) {
      if (err instanceof CaseChangedError) return null;
      throw err;
    }
  }

  /** The plain entry, in the fields' usual order: what JSON.stringify and spreads should see. */
  toJSON(): CaseResult {
    const { id, hash, source, tags, input, modes, trials } = this;
    return { id, hash, source, tags, input, modes, trials };
  }
}

/** A case's entry in a results file. */
function caseResultOf(c: Case, trials: TrialResult[]): CaseResult {
  if (c instanceof HeldCase) return new HeldCaseResult(c, trials);
  return {
    id: c.id,
    hash: c.hash,
    source: c.source,
    tags: c.tags,
    input: c.input,
    modes: modesOf(c),
    trials,
  };
}

/** What a run selected: the sorted ids, their count and sha256 (ids joined by newlines). */
export function selectedCases(ids: Iterable<string>): SelectedCases {
  const sorted = [...ids].sort();
  const hash = createHash('sha256');
  for (let i = 0; i < sorted.length; i++) hash.update(i ? `\n${sorted[i]}` : sorted[i]);
  return { count: sorted.length, hash: hash.digest('hex'), ids: sorted };
}

/**
 * Builds one side's results file from its trials. Cases with no finished trial are left out;
 * `meta.selected` records every case the run selected, so a reader can tell them apart from
 * cases the suite does not have.
 */
export function buildResults(
  plan: Pick<RunPlan, 'suite' | 'cases' | 'trials'>,
  label: string,
  trials: Map<string, TrialResult[]>,
  info: {
    git?: { sha?: string; ref?: string };
    startedAt: Date;
    finishedAt: Date;
    interrupted?: boolean;
    /** Why the run stopped on its own (RunGuard.stopped). */
    stopped?: string;
    shard?: { index: number; total: number };
  },
): Results {
  const cases: CaseResult[] = [];
  for (const c of plan.cases) {
    const list = trials.get(c.id);
    if (!list?.length) continue;
    cases.push(caseResultOf(c, list));
  }
  const { config } = plan.suite;
  const meta: RunMeta = {
    tool: 'evalgate',
    version: VERSION,
    label,
    config_path: plan.suite.configPath,
    config: recordedConfig(config),
    suite_hash: plan.suite.hash,
    git: info.git,
    started_at: info.startedAt.toISOString(),
    finished_at: info.finishedAt.toISOString(),
    duration_ms: info.finishedAt.getTime() - info.startedAt.getTime(),
    trials: plan.trials,
    counts: { cases: 0, trials: 0, pass: 0, fail: 0, error: 0 },
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    failure_modes: config.failure_modes,
    gate: config.gate,
    trace_url: config.trace_url,
    shard: info.shard,
    interrupted: info.interrupted || undefined,
    suite_cases: plan.suite.cases.length,
    stopped: info.stopped,
    selected: selectedCases(plan.cases.map((c) => c.id)),
  };
  return recount({ schema: 'evalgate/results@1', meta, cases });
}

/** Recomputes the counts and usage totals of a results file from its trials. */
export function recount(results: Results): Results {
  const counts = { cases: results.cases.length, trials: 0, pass: 0, fail: 0, error: 0 };
  const usage = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
  const judge = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
  let judged = false;
  let retries = 0;
  for (const c of results.cases) {
    for (const t of c.trials) {
      counts.trials++;
      counts[t.status]++;
      const u = t.trace.usage;
      if (u) {
        usage.input_tokens += u.input_tokens ?? 0;
        usage.output_tokens += u.output_tokens ?? 0;
        usage.cost_usd += u.cost_usd ?? 0;
      }
      // A cached trace's retries were made by the run that recorded it, not this one.
      const r = t.cached ? undefined : t.trace.metadata?.retries;
      if (typeof r === 'number') retries += r;
      for (const k of t.checks) {
        if (k.retries) retries += k.retries;
        const j = k.usage;
        if (!j) continue;
        judged = true;
        judge.input_tokens += j.input_tokens ?? 0;
        judge.output_tokens += j.output_tokens ?? 0;
        judge.cost_usd += j.cost_usd ?? 0;
      }
    }
  }
  usage.cost_usd = Math.round(usage.cost_usd * 1e6) / 1e6;
  results.meta.counts = counts;
  results.meta.usage = usage;
  if (judged) {
    judge.cost_usd = Math.round(judge.cost_usd * 1e6) / 1e6;
    results.meta.judge_usage = judge;
  }
  if (retries) results.meta.retries = retries;
  return results;
}

/** Adds trials (from a re-run, or the base side of cases a cached baseline lacked) to results. */
export function appendTrials(
  results: Results,
  plan: Pick<RunPlan, 'cases'>,
  trials: Map<string, TrialResult[]>,
): Results {
  const byId = new Map(results.cases.map((c) => [c.id, c]));
  for (const c of plan.cases) {
    const list = trials.get(c.id);
    if (!list?.length) continue;
    const existing = byId.get(c.id);
    if (existing) existing.trials.push(...list);
    else {
      const entry = caseResultOf(c, list);
      results.cases.push(entry);
      byId.set(c.id, entry);
    }
  }
  return recount(results);
}
