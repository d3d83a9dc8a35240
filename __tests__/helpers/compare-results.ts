/**
 * Synthetic Results for the compare tests and benchmarks: a case is a list of trials, a trial a
 * map from failure mode to check status. Deliberately minimal, and fast enough to build 100,000
 * cases.
 */
import type {
  CheckResult,
  CheckStatus,
  FailureMode,
  GateConfig,
  Results,
  TrialResult,
} from '../../src/types.ts';
import { DEFAULT_GATE } from '../../src/defaults.ts';

export type TrialSpec = Record<string, CheckStatus>;

export interface CaseSpec {
  id: string;
  trials: TrialSpec[];
  /** Adaptive re-run trials (stage 2), appended after `trials`. */
  stage2?: TrialSpec[];
  /** Indices (into trials + stage2) whose trace errored. */
  traceErrors?: number[];
  hash?: string;
  output?: string;
  input?: unknown;
}

// The defaults, with a stricter error limit and no adaptive stage (set per test when wanted).
export const SYNTH_GATE: GateConfig = { ...DEFAULT_GATE, max_error_share: 0.1, adaptive: false };

function trialOf(
  spec: TrialSpec,
  trial: number,
  stage: number,
  traceError: boolean,
  output: string,
): TrialResult {
  const checks: CheckResult[] = [];
  let status: CheckStatus = 'pass';
  let index = 0;
  for (const mode in spec) {
    const s = traceError ? 'error' : spec[mode];
    checks.push({
      type: 'contains',
      mode,
      index: index++,
      status: s,
      reason: s === 'pass' ? 'ok' : `${mode} ${s}`,
    });
    if (s === 'error') status = 'error';
    else if (s === 'fail' && status !== 'error') status = 'fail';
  }
  if (traceError) status = 'error';
  return {
    trial,
    stage,
    status,
    checks,
    trace: {
      output,
      latency_ms: 100 + trial,
      usage: { input_tokens: 10, output_tokens: 5, cost_usd: 0.001 },
      trace_id: `t-${trial}`,
      error: traceError ? { kind: 'timeout', message: 'timed out' } : null,
      tool_calls: [{ name: 'lookup_order', arguments: { order_id: 'A17' } }],
      retrieved: [{ id: 'kb/hours.md', text: 'open 9-5' }],
    },
    attempts: 1,
    duration_ms: 1,
  };
}

export function makeResults(
  cases: CaseSpec[],
  opts: {
    modes?: Record<string, FailureMode>;
    gate?: Partial<GateConfig>;
    label?: string;
    stage2_modes?: string[];
  } = {},
): Results {
  const failure_modes = opts.modes ?? {};
  const seen = new Set<string>();
  const out: Results['cases'] = cases.map((c) => {
    const errs = new Set(c.traceErrors ?? []);
    const all = [
      ...c.trials.map((t) => [t, 1] as const),
      ...(c.stage2 ?? []).map((t) => [t, 2] as const),
    ];
    const trials = all.map(([t, stage], j) =>
      trialOf(t, j, stage, errs.has(j), c.output ?? 'answer'),
    );
    const modes = [...new Set(all.flatMap(([t]) => Object.keys(t)))];
    modes.forEach((m) => seen.add(m));
    return {
      id: c.id,
      hash: c.hash ?? `h-${c.id}`,
      source: { file: 'datasets/x.jsonl', line: 1 },
      tags: [],
      input: c.input ?? { q: c.id },
      modes,
      trials,
    };
  });
  for (const m of seen) if (!failure_modes[m]) failure_modes[m] = { severity: 'critical' };
  let pass = 0;
  let fail = 0;
  let error = 0;
  let n = 0;
  for (const c of out)
    for (const t of c.trials) {
      n++;
      if (t.status === 'pass') pass++;
      else if (t.status === 'fail') fail++;
      else error++;
    }
  const meta: Results['meta'] = {
    tool: 'evalgate',
    version: '0.0.0',
    label: opts.label,
    config_path: 'evalgate.yml',
    suite_hash: 'x',
    git: { sha: opts.label === 'base' ? 'aaa' : 'bbb', ref: opts.label ?? 'head' },
    started_at: '2026-01-01T00:00:00Z',
    finished_at: '2026-01-01T00:00:01Z',
    duration_ms: 1000,
    trials: cases[0]?.trials.length ?? 1,
    counts: { cases: out.length, trials: n, pass, fail, error },
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    failure_modes,
    gate: { ...SYNTH_GATE, ...(opts.gate ?? {}) },
  };
  if (opts.stage2_modes) meta.stage2_modes = opts.stage2_modes;
  return { schema: 'evalgate/results@1', meta, cases: out };
}

/** A trial where every listed mode has the same status. */
export function all(modes: string[], s: CheckStatus): TrialSpec {
  return Object.fromEntries(modes.map((m) => [m, s]));
}

/** k trials of one mode from a pass count: `passes` passes then fails. */
export function trials(mode: string, passes: number, k: number): TrialSpec[] {
  return Array.from(
    { length: k },
    (_, j) => ({ [mode]: j < passes ? 'pass' : 'fail' }) as TrialSpec,
  );
}

/** Small seeded PRNG (mulberry32) for reproducible simulations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
