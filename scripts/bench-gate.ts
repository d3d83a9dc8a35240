/**
 * Calibration benchmark of the gate: simulated pull requests through the real `compare` (and
 * `planStage2` for the adaptive design). Prints the tables of docs/statistics.md.
 *
 *   node scripts/bench-gate.ts            # full: 1,000 no-change PRs per row, 500 per power row
 *   node scripts/bench-gate.ts --quick    # 200 / 100, for a quick look
 *   node scripts/bench-gate.ts --budget 1 # another gate.rerun_budget (default 0.5)
 *
 * Model: six failure modes, all blocking. Per case and mode, a true pass probability: a flaky
 * share of cases with p ~ Beta(2,2), the rest fixed at 1 (80%) or 0 (20%). Each trial passes
 * mode m with probability p, independently (the condition of STATISTICS.md section 7). Seeded
 * RNG: the same command prints the same numbers.
 */
import { compare, planStage2 } from '../src/compare/index.ts';
import type {
  CheckResult,
  Comparison,
  GateConfig,
  Results,
  Trace,
  TrialResult,
} from '../src/types.ts';
import { rng } from '../__tests__/helpers/compare-results.ts';

const QUICK = process.argv.includes('--quick');
const NO_CHANGE_PRS = QUICK ? 200 : 1000;
const POWER_PRS = QUICK ? 100 : 500;
const MODES = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
const M = MODES.length;
const RERUN = 5;
const BUDGET_ARG = process.argv.indexOf('--budget');
/** gate.rerun_budget: the re-runs add at most this share of the first stage's trials. */
const BUDGET = BUDGET_ARG > 0 ? Number(process.argv[BUDGET_ARG + 1]) : 0.5;
if (!(BUDGET > 0)) throw new Error('--budget takes a number > 0');

/** Calibration runs with no floor (min_drop 0): the strictest case for false blocks. */
const GATE: GateConfig = {
  block: ['critical'],
  alpha: 0.01,
  min_drop: 0,
  tolerance: 0.05,
  max_error_share: 0.1,
  accept_label: 'eval-regression-accepted',
  robust: false,
  adaptive: false,
  rerun_trials: RERUN,
  rerun_budget: BUDGET,
  errors_severity: 'critical',
};
/** Power runs use a small floor, as a user would. */
const POWER_GATE: GateConfig = { ...GATE, min_drop: 0.02 };

// Shared, immutable check and trace objects: building 1,000-case results stays cheap.
const CHECKS = MODES.map((mode, index) =>
  (['pass', 'fail'] as const).map((status): CheckResult => ({
    type: 'contains',
    mode,
    index,
    status,
    reason: status,
  })),
);
const TRACE: Trace = { output: 'ok', latency_ms: 100 };
// An errored trial (a crash, a timeout): every check errors, as the runner records it.
const ERR_CHECKS = MODES.map((mode, index): CheckResult => ({
  type: 'contains',
  mode,
  index,
  status: 'error',
  reason: 'x',
}));
const ERR_TRACE: Trace = { output: '', error: { kind: 'crash', message: 'exit code 1' } };

type Rand = () => number;

/** Per case, the chance that a trial errors (undefined: never). */
type ErrorProbs = Float64Array | undefined;

function trial(
  probs: Float64Array,
  i: number,
  r: Rand,
  t: number,
  stage: number,
  errs?: ErrorProbs,
): TrialResult {
  if (errs && r() < errs[i]) {
    return {
      trial: t,
      stage,
      status: 'error',
      checks: ERR_CHECKS,
      trace: ERR_TRACE,
      attempts: 1,
      duration_ms: 1,
    };
  }
  const checks: CheckResult[] = new Array(M);
  let ok = true;
  for (let m = 0; m < M; m++) {
    const pass = r() < probs[i * M + m];
    if (!pass) ok = false;
    checks[m] = CHECKS[m][pass ? 0 : 1];
  }
  return {
    trial: t,
    stage,
    status: ok ? 'pass' : 'fail',
    checks,
    trace: TRACE,
    attempts: 1,
    duration_ms: 1,
  };
}

function results(
  label: string,
  probs: Float64Array,
  n: number,
  k: number,
  r: Rand,
  errs?: ErrorProbs,
): Results {
  const cases: Results['cases'] = new Array(n);
  for (let i = 0; i < n; i++) {
    const trials: TrialResult[] = new Array(k);
    for (let t = 0; t < k; t++) trials[t] = trial(probs, i, r, t, 1, errs);
    cases[i] = {
      id: `c${i}`,
      hash: `h${i}`,
      source: { file: 'x.jsonl', line: i + 1 },
      tags: [],
      input: null,
      modes: MODES,
      trials,
    };
  }
  return {
    schema: 'evalgate/results@1',
    meta: {
      tool: 'evalgate',
      version: 'sim',
      label,
      config_path: 'evalgate.yml',
      suite_hash: 'sim',
      started_at: '',
      finished_at: '',
      duration_ms: 0,
      trials: k,
      counts: { cases: n, trials: n * k, pass: 0, fail: 0, error: 0 },
      usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
      failure_modes: Object.fromEntries(MODES.map((m) => [m, { severity: 'critical' as const }])),
      gate: GATE,
    },
    cases,
  };
}

/** Base pass probabilities: `flaky` share of (case, mode) with p ~ Beta(2,2), else 1 or 0. */
function baseProbs(n: number, flaky: number, r: Rand): Float64Array {
  const p = new Float64Array(n * M);
  for (let j = 0; j < p.length; j++) {
    if (r() < flaky) {
      // Beta(2,2) is the median of three uniforms.
      const a = r();
      const b = r();
      const c = r();
      p[j] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    } else p[j] = r() < 0.8 ? 1 : 0;
  }
  return p;
}

type Change = 'none' | 'concentrated' | 'diffuse';

/** Head probabilities: a drop of `drop` (a rate) in mode m1, in a few cases or all of them. */
function headProbs(
  base: Float64Array,
  n: number,
  change: Change,
  drop: number,
): { p: Float64Array; broken: Set<number> } {
  const p = Float64Array.from(base);
  const broken = new Set<number>();
  if (change === 'concentrated') {
    // Cases that always passed mode m1 now always fail it: a drop of exactly `drop`.
    const want = Math.round(drop * n);
    for (let i = 0; i < n && broken.size < want; i++) {
      if (base[i * M] === 1) {
        p[i * M] = 0;
        broken.add(i);
      }
    }
  } else if (change === 'diffuse') {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += base[i * M];
    mean /= n;
    const f = Math.max(0, 1 - drop / mean);
    for (let i = 0; i < n; i++) p[i * M] = base[i * M] * f;
  }
  return { p, broken };
}

interface PrOutcome {
  block: boolean;
  /** The verdict was error (e.g. the error share above max_error_share). */
  errorVerdict: boolean;
  /** The built-in errors mode regressed (fixed design). */
  errorsModeBlock: boolean;
  /** As `block` and `errorsModeBlock`, under min_drop 0.05 (the default floor). */
  blockAtFloor: boolean;
  errorsModeBlockAtFloor: boolean;
  naive: boolean;
  modeBlocks: number;
  adaptiveBlock: boolean;
  /** Stage-1 plus stage-2 trials, over stage-1 trials. */
  cost: number;
  /** Cases labelled new_failure (in any mode) that were not broken. */
  falseFlags: number;
  /** Broken cases labelled new_failure in m1. */
  found: number;
  broken: number;
}

function simulate(
  seed: number,
  n: number,
  k: number,
  flaky: number,
  change: Change,
  drop: number,
  gate: GateConfig,
  adaptive: boolean,
  errors?: { base: number; head: number; crashShare?: number },
): PrOutcome {
  const r = rng(seed);
  const pb = baseProbs(n, flaky, r);
  const { p: ph, broken } = headProbs(pb, n, change, drop);
  // Random errors at a rate per side; `crashShare` of the cases always error on the head.
  const eb = errors ? new Float64Array(n).fill(errors.base) : undefined;
  const eh = errors ? new Float64Array(n).fill(errors.head) : undefined;
  if (errors?.crashShare) for (let i = 0; i < Math.round(errors.crashShare * n); i++) eh![i] = 1;
  const base = results('base', pb, n, k, r, eb);
  const head = results('head', ph, n, k, r, eh);
  const fixed = compare(base, head, { gate });
  const out: PrOutcome = {
    block: fixed.verdict === 'block',
    errorVerdict: fixed.verdict === 'error',
    errorsModeBlock: fixed.modes.some((m) => m.mode === 'errors' && m.verdict === 'regressed'),
    // The same comparison under the default floor (min_drop 0.05): a regression must also be a
    // drop of at least 5 points.
    blockAtFloor: fixed.modes.some((m) => m.verdict === 'regressed' && m.effect <= -0.05),
    errorsModeBlockAtFloor: fixed.modes.some(
      (m) => m.mode === 'errors' && m.verdict === 'regressed' && m.effect <= -0.05,
    ),
    naive: fixed.modes.some((m) => m.head.rate < m.base.rate - 0.02),
    modeBlocks: fixed.modes.filter((m) => m.verdict === 'regressed').length,
    adaptiveBlock: false,
    cost: 1,
    falseFlags: 0,
    found: 0,
    broken: broken.size,
  };
  if (!adaptive) return out;
  const agate = { ...gate, adaptive: true };
  const plan = planStage2(base, head, agate);
  // The adaptive design is in effect even when nothing needs a re-run (see compare).
  head.meta.stage2_modes = [];
  if (plan.modes.length > 0) {
    const rerun = new Set(plan.caseIds);
    for (const [res, probs, errs] of [
      [base, pb, eb],
      [head, ph, eh],
    ] as const) {
      for (let i = 0; i < n; i++) {
        if (!rerun.has(`c${i}`)) continue;
        const trials = res.cases[i].trials;
        for (let t = 0; t < plan.trials; t++) trials.push(trial(probs, i, r, k + t, 2, errs));
      }
    }
    head.meta.stage2_modes = plan.modes;
    out.cost = (n * k + rerun.size * plan.trials) / (n * k);
  }
  const ad: Comparison = compare(base, head, { gate: agate });
  out.adaptiveBlock = ad.verdict === 'block';
  ad.cases.forEach((c, i) => {
    for (const cm of c.modes) {
      if (cm.label !== 'new_failure') continue;
      if (cm.mode === 'm1' && broken.has(i)) out.found++;
      else out.falseFlags++;
    }
  });
  return out;
}

function run(rows: number, f: (seed: number) => PrOutcome, seedBase: number): PrOutcome[] {
  const out: PrOutcome[] = [];
  for (let j = 0; j < rows; j++) out.push(f(seedBase * 100_003 + j));
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const share = (xs: PrOutcome[], f: (o: PrOutcome) => boolean) => xs.filter(f).length / xs.length;
const mean = (xs: PrOutcome[], f: (o: PrOutcome) => number) =>
  xs.reduce((s, o) => s + f(o), 0) / xs.length;
const max = (xs: PrOutcome[], f: (o: PrOutcome) => number) =>
  xs.reduce((m, o) => Math.max(m, f(o)), 0);
/** "1.43x (max 1.50x)": the adaptive design's trials over the first stage's. */
const cost = (xs: PrOutcome[]) =>
  `${mean(xs, (o) => o.cost).toFixed(2)}x (max ${max(xs, (o) => o.cost).toFixed(2)}x)`;
/** The budget: stage 1 plus at most BUDGET of it. */
const overBudget = (xs: PrOutcome[]) => max(xs, (o) => o.cost) > 1 + BUDGET + 1e-9;
const se = (p: number, n: number) => Math.sqrt(Math.max(p * (1 - p), 1e-12) / n);

const started = performance.now();
console.log(
  `evalgate gate calibration (${QUICK ? 'quick' : 'full'}): alpha ${GATE.alpha} one-sided, Holm over ${M} blocking modes, ${RERUN} re-run trials per side, re-run budget +${BUDGET * 100}% (at most ${(1 + BUDGET).toFixed(2)}x)`,
);
console.log();
console.log(`## No change: ${NO_CHANGE_PRS} PRs per row (min_drop 0)`);
console.log();
console.log(
  '| N | k | flaky | false block | MC SE | limit (alpha + 2 SE) | per mode | adaptive false block | adaptive cost | false new-failure flags / PR | naive >2 pts |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
let misses = 0;
let row = 0;
for (const n of [50, 200, 1000]) {
  for (const k of [1, 3]) {
    for (const flaky of [0.3, 0.5]) {
      row++;
      const xs = run(
        NO_CHANGE_PRS,
        (seed) => simulate(seed, n, k, flaky, 'none', 0, GATE, true),
        row,
      );
      const fb = share(xs, (o) => o.block);
      const afb = share(xs, (o) => o.adaptiveBlock);
      const s = se(GATE.alpha, xs.length);
      const limit = Math.min(0.02, GATE.alpha + 2 * s);
      const flags = mean(xs, (o) => o.falseFlags);
      const ok = fb <= limit && afb <= limit && flags <= 0.1 && !overBudget(xs);
      if (!ok) misses++;
      console.log(
        `| ${n} | ${k} | ${flaky * 100}% | ${pct(fb)} | ${pct(se(fb, xs.length))} | ${pct(limit)} | ${pct(mean(xs, (o) => o.modeBlocks) / M)} | ${pct(afb)} | ${cost(xs)} | ${flags.toFixed(3)} | ${pct(share(xs, (o) => o.naive))} |${ok ? '' : ' MISS'}`,
      );
    }
  }
}

console.log();
console.log(
  `## Power: N = 200, drop in one of ${M} modes, 30% flaky, ${POWER_PRS} PRs per row (min_drop 0.02)`,
);
console.log();
console.log(
  '| drop | k | fixed power | adaptive power | adaptive cost | new failures named (m1, adaptive) | false flags / PR |',
);
console.log('|---|---|---|---|---|---|---|');
const powerRows: [string, Change, number, number][] = [
  ['10 pts, concentrated', 'concentrated', 0.1, 3],
  ['10 pts, diffuse', 'diffuse', 0.1, 3],
  ['5 pts, concentrated', 'concentrated', 0.05, 3],
  ['5 pts, diffuse', 'diffuse', 0.05, 3],
  ['10 pts, concentrated', 'concentrated', 0.1, 1],
];
for (const [name, change, drop, k] of powerRows) {
  row++;
  const xs = run(
    POWER_PRS,
    (seed) => simulate(seed, 200, k, 0.3, change, drop, POWER_GATE, true),
    row,
  );
  const found = xs.reduce((s, o) => s + o.found, 0);
  const broken = xs.reduce((s, o) => s + o.broken, 0);
  if (overBudget(xs)) misses++;
  console.log(
    `| ${name} | ${k} | ${pct(share(xs, (o) => o.block))} | ${pct(share(xs, (o) => o.adaptiveBlock))} | ${cost(xs)} | ${broken > 0 ? `${pct(found / broken)} (${(found / xs.length).toFixed(1)} of ${(broken / xs.length).toFixed(0)})` : 'n/a'} | ${mean(xs, (o) => o.falseFlags).toFixed(3)} |`,
  );
}
console.log();
console.log(
  `## Errors: 5% random errored trials on both sides (A/A), ${NO_CHANGE_PRS} PRs per row (min_drop 0, max_error_share 0.2)`,
);
console.log();
console.log(
  '| N | k | flaky | false block | errors mode false block | adaptive false block | adaptive cost | false block, min_drop 0.05 | errors mode, min_drop 0.05 | error verdicts |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
const ERR_GATE: GateConfig = { ...GATE, max_error_share: 0.2 };
for (const n of [50, 200, 1000]) {
  for (const k of [1, 3]) {
    row++;
    const xs = run(
      NO_CHANGE_PRS,
      (seed) => simulate(seed, n, k, 0.3, 'none', 0, ERR_GATE, true, { base: 0.05, head: 0.05 }),
      row,
    );
    const fb = share(xs, (o) => o.block);
    const afb = share(xs, (o) => o.adaptiveBlock);
    const limit = Math.min(0.02, GATE.alpha + 2 * se(GATE.alpha, xs.length));
    const ok = fb <= limit && afb <= limit && !overBudget(xs);
    if (!ok) misses++;
    console.log(
      `| ${n} | ${k} | 30% | ${pct(fb)} | ${pct(share(xs, (o) => o.errorsModeBlock))} | ${pct(afb)} | ${cost(xs)} | ${pct(share(xs, (o) => o.blockAtFloor))} | ${pct(share(xs, (o) => o.errorsModeBlockAtFloor))} | ${pct(share(xs, (o) => o.errorVerdict))} |${ok ? '' : ' MISS'}`,
    );
  }
}
console.log();
console.log(
  `## Errors, power: N = 200, 5% random errors on both sides, and the head crashes on some cases, ${POWER_PRS} PRs per row (min_drop 0.02)`,
);
console.log();
console.log('| head crashes on | k | fixed power | adaptive power | adaptive cost |');
console.log('|---|---|---|---|---|');
for (const [crash, k] of [
  [0.05, 3],
  [0.1, 3],
  [0.1, 1],
] as const) {
  row++;
  const xs = run(
    POWER_PRS,
    (seed) =>
      simulate(seed, 200, k, 0.3, 'none', 0, { ...POWER_GATE, max_error_share: 0.3 }, true, {
        base: 0.05,
        head: 0.05,
        crashShare: crash,
      }),
    row,
  );
  if (overBudget(xs)) misses++;
  console.log(
    `| ${crash * 100}% of cases | ${k} | ${pct(share(xs, (o) => o.block))} | ${pct(share(xs, (o) => o.adaptiveBlock))} | ${cost(xs)} |${overBudget(xs) ? ' MISS' : ''}`,
  );
}

console.log();
console.log(
  `rows outside their limits (false blocks, flags, or over the re-run budget): ${misses}`,
);
console.log(`elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`);
