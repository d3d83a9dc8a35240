/**
 * base Results + head Results -> Comparison (docs/statistics.md). Pure: no I/O.
 *
 * Hot path: the trials are scanned once into per-mode integer count arrays (per side, per stage);
 * the tests then run on those arrays. Only then are the per-case objects of the output built.
 */
import type {
  CaseComparison,
  CaseLabel,
  CaseModeComparison,
  CaseResult,
  CaseSide,
  Comparison,
  FailingCheck,
  GateConfig,
  LatencyStats,
  ModeComparison,
  ModeVerdict,
  RateStats,
  Results,
  RunCounts,
  Severity,
  SideSummary,
  TraceExcerpt,
  TrialResult,
  Usage,
} from '../types.ts';
import {
  benjaminiHochberg,
  holm,
  hypergeomTails,
  normalQuantile,
  pairedInterval,
  signFlipTest,
  stratifiedTest,
  wilson,
  type TestResult,
} from './stats.ts';
import { DEFAULT_GATE } from '../defaults.ts';

export { DEFAULT_GATE };

/** False discovery rate of the per-case labels (section 6). */
export const CASE_FDR = 0.1;
/** Share of alpha spent on stage 1 of the adaptive design (section 5). */
const STAGE1_SHARE = 0.2;
/** Stage-1 p above which a mode stops without re-runs. */
const STAGE1_FUTILITY = 0.5;

export interface CompareOptions {
  gate?: Partial<GateConfig>;
  /** The accept label is on the PR: a block becomes a pass, with its reasons kept. */
  accepted?: boolean;
  basePath?: string;
  headPath?: string;
}

const LABEL_ORDER: CaseLabel[] = [
  'new_failure',
  'suspected_new_failure',
  'errored',
  'fixed',
  'flaky',
  'stable_fail',
  'stable_pass',
];
const LABEL_RANK: Record<CaseLabel, number> = {
  ...(Object.fromEntries(LABEL_ORDER.map((l, i) => [l, i])) as Record<CaseLabel, number>),
  added: 99,
  removed: 99,
};

// ---------------------------------------------------------------------------------------------
// Preparation: one scan of the trials into integer arrays
// ---------------------------------------------------------------------------------------------

const BASE = 0;
const HEAD = 1;

/** Trial counts per case: bytes when no case has more than 255 trials (the usual), else 16 bits. */
type CountArray = Uint8Array | Uint16Array;

interface Prepared {
  modes: string[];
  /** Union of case ids: head order, then base-only cases. */
  ids: string[];
  /** Index into base.cases / head.cases, or -1. */
  side: [Int32Array, Int32Array];
  /**
   * Counts per (mode, side, stage, case): at ((m * 2 + side) * 2 + stage) * U + i. Stage 0 is the
   * first run, stage 1 the adaptive re-runs (any stage >= 2).
   */
  pass: CountArray;
  use: CountArray;
  err: CountArray;
  U: number;
  scan: [SideScan, SideScan];
}

function slot(p: Prepared, m: number, side: number, stage: number): number {
  return ((m * 2 + side) * 2 + stage) * p.U;
}

function trialsOf(c: CaseResult | undefined): TrialResult[] {
  return c && Array.isArray(c.trials) ? c.trials : [];
}

function collectModes(base: Results, head: Results, scanChecks: boolean): string[] {
  const seen = new Set<string>();
  for (const r of [base, head]) {
    let last: unknown;
    for (const c of r.cases ?? []) {
      // Loaders often share one `modes` array between cases: skip repeats cheaply.
      if (c.modes !== last && Array.isArray(c.modes))
        for (const m of c.modes) if (typeof m === 'string') seen.add(m);
      last = c.modes;
      // The checks themselves are the truth; scanned only when `modes` lists turned out short.
      if (!scanChecks) continue;
      for (const t of trialsOf(c)) {
        for (const ch of Array.isArray(t.checks) ? t.checks : []) {
          if (typeof ch?.mode === 'string') seen.add(ch.mode);
        }
      }
    }
  }
  // Declared modes first, in the config's order; undeclared ones (sorted) after.
  const declared = Object.keys(head.meta?.failure_modes ?? {}).filter((m) => seen.has(m));
  const rest = [...seen].filter((m) => !declared.includes(m)).sort();
  return [...declared, ...rest];
}

/** Per side: run totals and per-case trial counts (by trial status, all modes together). */
interface SideScan {
  counts: RunCounts;
  usage: Required<Usage>;
  latencies: number[];
  casePass: Int32Array;
  caseUse: Int32Array;
  caseErr: Int32Array;
  /** First failing trial, else 0. */
  caseRep: Int32Array;
  caseFailed: Uint8Array;
}

function prepare(base: Results, head: Results): Prepared {
  return prepareWith(base, head, false) ?? prepareWith(base, head, true)!;
}

function prepareWith(base: Results, head: Results, scanChecks: boolean): Prepared | undefined {
  const modes = collectModes(base, head, scanChecks);
  const modeIndex = new Map(modes.map((m, i) => [m, i]));
  const ids: string[] = [];
  const where = new Map<string, number>();
  const headCases = Array.isArray(head.cases) ? head.cases : [];
  const baseCases = Array.isArray(base.cases) ? base.cases : [];
  const hIdx: number[] = [];
  const bIdx: number[] = [];
  headCases.forEach((c, j) => {
    if (where.has(c.id)) return; // a duplicate id: the first one wins
    where.set(c.id, ids.length);
    ids.push(c.id);
    hIdx.push(j);
    bIdx.push(-1);
  });
  baseCases.forEach((c, j) => {
    const at = where.get(c.id);
    if (at === undefined) {
      where.set(c.id, ids.length);
      ids.push(c.id);
      hIdx.push(-1);
      bIdx.push(j);
    } else if (bIdx[at] === -1) bIdx[at] = j;
  });
  const U = ids.length;
  const M = modes.length;
  let maxTrials = 0;
  for (const c of headCases) maxTrials = Math.max(maxTrials, trialsOf(c).length);
  for (const c of baseCases) maxTrials = Math.max(maxTrials, trialsOf(c).length);
  const counts = (): CountArray =>
    maxTrials <= 255 ? new Uint8Array(M * 4 * U) : new Uint16Array(M * 4 * U);
  const scan = (): SideScan => ({
    counts: { cases: 0, trials: 0, pass: 0, fail: 0, error: 0 },
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    latencies: [],
    casePass: new Int32Array(U),
    caseUse: new Int32Array(U),
    caseErr: new Int32Array(U),
    caseRep: new Int32Array(U),
    caseFailed: new Uint8Array(U),
  });
  const p: Prepared = {
    modes,
    ids,
    side: [Int32Array.from(bIdx), Int32Array.from(hIdx)],
    pass: counts(),
    use: counts(),
    err: counts(),
    U,
    scan: [scan(), scan()],
  };
  // Per-trial state of each mode: 1 pass, 2 fail, 3 error; `stamp` avoids clearing per trial.
  const state = new Uint8Array(M);
  const stamp = new Int32Array(M).fill(-1);
  const touched = new Int32Array(Math.max(1, M));
  let nt: number;
  // Trials of a case list their checks in the same order: remember the mode at each position
  // and skip the Map lookup when it repeats (identical strings compare by pointer).
  const posMode: unknown[] = [];
  const posIdx: number[] = [];
  let trialNo = 0;
  for (let side = 0; side < 2; side++) {
    const cases = side === BASE ? baseCases : headCases;
    const index = p.side[side];
    const sc = p.scan[side];
    for (let i = 0; i < U; i++) {
      const j = index[i];
      if (j < 0) continue;
      const c = cases[j];
      sc.counts.cases++;
      const caseModes = Array.isArray(c.modes) ? c.modes : [];
      const trials = trialsOf(c);
      let rep = -1;
      for (let tj = 0; tj < trials.length; tj++) {
        const trial = trials[tj];
        trialNo++;
        nt = 0;
        // Run totals and the case's own counts, by trial status.
        sc.counts.trials++;
        if (trial.status === 'pass') {
          sc.counts.pass++;
          sc.casePass[i]++;
          sc.caseUse[i]++;
        } else if (trial.status === 'error') {
          sc.counts.error++;
          sc.caseErr[i]++;
        } else {
          sc.counts.fail++;
          sc.caseUse[i]++;
          sc.caseFailed[i] = 1;
          if (rep < 0) rep = tj;
        }
        const trace = trial.trace;
        if (trace) {
          const u = trace.usage;
          if (u) {
            if (typeof u.input_tokens === 'number' && Number.isFinite(u.input_tokens))
              sc.usage.input_tokens += u.input_tokens;
            if (typeof u.output_tokens === 'number' && Number.isFinite(u.output_tokens))
              sc.usage.output_tokens += u.output_tokens;
            if (typeof u.cost_usd === 'number' && Number.isFinite(u.cost_usd))
              sc.usage.cost_usd += u.cost_usd;
          }
          const l = trace.latency_ms;
          if (typeof l === 'number' && Number.isFinite(l)) sc.latencies.push(l);
        }
        // Per-mode outcome of this trial.
        const stage = typeof trial.stage === 'number' && trial.stage >= 2 ? 1 : 0;
        const checks = Array.isArray(trial.checks) ? trial.checks : [];
        for (let k = 0; k < checks.length; k++) {
          const ch = checks[k];
          const mode = ch?.mode;
          if (typeof mode !== 'string') continue;
          let mi: number | undefined;
          if (posMode[k] === mode) mi = posIdx[k];
          else {
            mi = modeIndex.get(mode);
            if (mi === undefined) {
              if (!scanChecks) return undefined; // a mode missing from `modes`: rescan properly
              continue;
            }
            posMode[k] = mode;
            posIdx[k] = mi;
          }
          if (stamp[mi] !== trialNo) {
            stamp[mi] = trialNo;
            state[mi] = 1;
            touched[nt++] = mi;
          }
          if (ch.status === 'error') state[mi] = 3;
          else if (ch.status !== 'pass' && state[mi] !== 3) state[mi] = 2;
        }
        // An errored trace makes the trial missing for every mode the case guards.
        if (trace?.error || (trial.status === 'error' && nt === 0)) {
          for (const m of caseModes) {
            const mi = modeIndex.get(m);
            if (mi === undefined) continue;
            if (stamp[mi] !== trialNo) {
              stamp[mi] = trialNo;
              touched[nt++] = mi;
            }
          }
          for (let q = 0; q < nt; q++) state[touched[q]] = 3;
        }
        for (let q = 0; q < nt; q++) {
          const mi = touched[q];
          const at = slot(p, mi, side, stage) + i;
          if (state[mi] === 3) p.err[at]++;
          else {
            p.use[at]++;
            if (state[mi] === 1) p.pass[at]++;
          }
        }
      }
      sc.caseRep[i] = rep < 0 ? 0 : rep;
    }
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Per-mode analysis
// ---------------------------------------------------------------------------------------------

interface ModeStats {
  base: RateStats;
  head: RateStats;
  paired: number;
  effect: number;
  ci: [number, number];
  /** Standard deviation of the per-case differences (for the `needed` estimate). */
  sd: number;
  stage1: TestResult;
  stage2?: TestResult;
  robust?: TestResult;
}

/** Scratch buffers reused across modes. */
interface Scratch {
  kb: Int32Array;
  xb: Int32Array;
  kh: Int32Array;
  xh: Int32Array;
  d: Float64Array;
}

function scratch(U: number): Scratch {
  return {
    kb: new Int32Array(U),
    xb: new Int32Array(U),
    kh: new Int32Array(U),
    xh: new Int32Array(U),
    d: new Float64Array(U),
  };
}

function rateStats(p: Prepared, m: number, side: number): RateStats {
  // Stage-1 trials only: re-runs sample the flaky cases again and would bias a trial-weighted rate.
  const at = slot(p, m, side, 0);
  const at2 = slot(p, m, side, 1);
  let passes = 0;
  let trials = 0;
  let errors = 0;
  let cases = 0;
  for (let i = 0; i < p.U; i++) {
    const u = p.use[at + i];
    const e = p.err[at + i];
    if (u + e + p.use[at2 + i] + p.err[at2 + i] > 0) cases++;
    passes += p.pass[at + i];
    trials += u;
    errors += e;
  }
  const rate = trials > 0 ? passes / trials : 0;
  return { passes, trials, cases, errors, rate, ci: wilson(passes, trials) };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function analyseMode(
  p: Prepared,
  m: number,
  s: Scratch,
  opts: { robust: boolean; stage2: boolean },
): ModeStats {
  const U = p.U;
  const b1 = slot(p, m, BASE, 0);
  const b2 = slot(p, m, BASE, 1);
  const h1 = slot(p, m, HEAD, 0);
  const h2 = slot(p, m, HEAD, 1);
  let paired = 0;
  let sumD = 0;
  let sumD2 = 0;
  let n1 = 0;
  // Pass 1: per-case differences (all stages pooled) and stage-1 strata of the paired cases.
  let lcm = 1;
  for (let i = 0; i < U; i++) {
    const ub = p.use[b1 + i] + p.use[b2 + i];
    const uh = p.use[h1 + i] + p.use[h2 + i];
    if (ub === 0 || uh === 0) continue;
    const d = (p.pass[h1 + i] + p.pass[h2 + i]) / uh - (p.pass[b1 + i] + p.pass[b2 + i]) / ub;
    s.d[paired] = d;
    paired++;
    sumD += d;
    sumD2 += d * d;
    if (opts.robust && lcm <= 360) {
      lcm = (lcm * ub) / gcd(lcm, ub);
      lcm = (lcm * uh) / gcd(lcm, uh);
    }
    s.kb[n1] = p.use[b1 + i];
    s.xb[n1] = p.pass[b1 + i];
    s.kh[n1] = p.use[h1 + i];
    s.xh[n1] = p.pass[h1 + i];
    n1++;
  }
  const { ci } = pairedInterval(sumD, sumD2, paired);
  const effect = paired > 0 ? sumD / paired : 0;
  const sd =
    paired > 1 ? Math.sqrt(Math.max(0, (sumD2 - paired * effect * effect) / (paired - 1))) : 0;
  const out: ModeStats = {
    base: rateStats(p, m, BASE),
    head: rateStats(p, m, HEAD),
    paired,
    effect,
    ci,
    sd,
    stage1: stratifiedTest(s.kb, s.xb, s.kh, s.xh, n1),
  };
  if (opts.robust) {
    // Integer differences: with equal trials per side, L = k and d = head passes - base passes.
    const scale = Math.min(lcm, 360);
    for (let i = 0; i < paired; i++) s.d[i] = Math.round(s.d[i] * scale);
    out.robust = signFlipTest(s.d, paired);
  }
  if (opts.stage2) {
    let n2 = 0;
    for (let i = 0; i < U; i++) {
      if (p.use[b2 + i] === 0 || p.use[h2 + i] === 0) continue;
      s.kb[n2] = p.use[b2 + i];
      s.xb[n2] = p.pass[b2 + i];
      s.kh[n2] = p.use[h2 + i];
      s.xh[n2] = p.pass[h2 + i];
      n2++;
    }
    out.stage2 = stratifiedTest(s.kb, s.xb, s.kh, s.xh, n2);
  }
  return out;
}

function stage2Modes(head: Results): Set<string> {
  const list = head.meta?.stage2_modes;
  return new Set(Array.isArray(list) ? list.filter((m) => typeof m === 'string') : []);
}

function resolveGate(head: Results, override?: Partial<GateConfig>): GateConfig {
  // Undefined fields (a partial or older results file) keep the defaults instead of erasing them.
  const defined = (o: object | undefined) =>
    Object.fromEntries(
      Object.entries(o ?? {}).filter(([, v]) => v !== undefined),
    ) as Partial<GateConfig>;
  const gate = { ...DEFAULT_GATE, ...defined(head.meta?.gate), ...defined(override) };
  if (!Array.isArray(gate.block)) gate.block = DEFAULT_GATE.block;
  return gate;
}

// ---------------------------------------------------------------------------------------------
// Adaptive stage 2 (section 5)
// ---------------------------------------------------------------------------------------------

/**
 * Which modes and cases to re-run after stage 1: modes with p_reg <= 0.5 whose interval still
 * allows a drop of min_drop (the undecided ones for the verdict, those regressed already for
 * the per-case labels), and the cases with mixed pooled stage-1 outcomes
 * (0 < t < n) in those modes. The choice depends only on t, which keeps the test valid. The
 * robust (sign-flip) mode has no second stage.
 */
export function planStage2(
  base: Results,
  head: Results,
  gate: GateConfig,
): { modes: string[]; caseIds: string[] } {
  if (gate.robust) return { modes: [], caseIds: [] };
  const p = prepare(base, head);
  const s = scratch(p.U);
  // Unlike STATISTICS.md's "p_reg <= 0.2 alpha: regressed now, no re-run", modes that already
  // regressed are re-run too: the block does not need it, but the per-case labels do (with
  // k <= 3 no single case can be confirmed). That stays valid: the alpha split holds whatever the
  // stage-1 outcome, and the cases are still chosen by t alone. Only p_reg > 0.5 stops a mode.
  const modes: number[] = [];
  p.modes.forEach((_, m) => {
    const x = analyseMode(p, m, s, { robust: false, stage2: false });
    if (x.stage1.p_reg <= STAGE1_FUTILITY && x.paired > 0 && x.ci[0] <= -gate.min_drop)
      modes.push(m);
  });
  const caseIds: string[] = [];
  for (let i = 0; i < p.U; i++) {
    for (const m of modes) {
      const b = slot(p, m, BASE, 0) + i;
      const h = slot(p, m, HEAD, 0) + i;
      const n = p.use[b] + p.use[h];
      const t = p.pass[b] + p.pass[h];
      if (p.use[b] > 0 && p.use[h] > 0 && t > 0 && t < n) {
        caseIds.push(p.ids[i]);
        break;
      }
    }
  }
  return { modes: modes.map((m) => p.modes[m]), caseIds };
}

// ---------------------------------------------------------------------------------------------
// compare
// ---------------------------------------------------------------------------------------------

export function compare(base: Results, head: Results, options: CompareOptions = {}): Comparison {
  const gate = resolveGate(head, options.gate);
  const p = prepare(base, head);
  const s = scratch(p.U);
  const severities: Record<string, { severity: Severity }> = {
    ...(base.meta?.failure_modes ?? {}),
    ...(head.meta?.failure_modes ?? {}),
  };
  const s2 = stage2Modes(head);
  const robust = !!gate.robust;
  // The adaptive design was in effect when the run recorded its stage-2 plan (runPr writes
  // `stage2_modes`, empty when nothing needed a re-run): then stage 1 spends only 0.2 alpha,
  // whether or not stage 2 ran. Two plain runs compared by hand never planned a stage 2 and keep
  // the whole alpha.
  const adaptive = !robust && Array.isArray(head.meta?.stage2_modes);
  const stage2Used: string[] = [];

  // Per mode: tests, then Holm over modes (p_reg and p_imp separately).
  const stats = p.modes.map((mode, m) => {
    const inStage2 = adaptive && s2.has(mode);
    const st = analyseMode(p, m, s, { robust, stage2: inStage2 });
    let pReg: number;
    let pImp: number;
    let test: string;
    if (st.robust) {
      pReg = st.robust.p_reg;
      pImp = st.robust.p_imp;
      test = 'sign-flip';
    } else if (adaptive) {
      // Alpha spending: 0.2 alpha at stage 1, 0.8 alpha on the (case, stage 2) strata.
      const p2r = st.stage2 ? st.stage2.p_reg / (1 - STAGE1_SHARE) : 1;
      const p2i = st.stage2 ? st.stage2.p_imp / (1 - STAGE1_SHARE) : 1;
      pReg = Math.min(1, st.stage1.p_reg / STAGE1_SHARE, p2r);
      pImp = Math.min(1, st.stage1.p_imp / STAGE1_SHARE, p2i);
      test = st.stage1.method;
      if (st.stage2) stage2Used.push(mode);
    } else {
      pReg = st.stage1.p_reg;
      pImp = st.stage1.p_imp;
      test = st.stage1.method;
    }
    return { mode, st, pReg, pImp, test };
  });
  const adjReg = holm(stats.map((x) => x.pReg));
  const adjImp = holm(stats.map((x) => x.pImp));

  const modes: ModeComparison[] = stats.map((x, m) => {
    const severity: Severity = severities[x.mode]?.severity ?? 'info';
    const { st } = x;
    let verdict: ModeVerdict;
    if (st.paired > 0 && adjReg[m] <= gate.alpha && st.effect <= -gate.min_drop + 1e-12)
      verdict = 'regressed';
    else if (st.paired > 0 && adjImp[m] <= gate.alpha) verdict = 'improved';
    else if (st.paired > 0 && st.ci[0] >= -gate.tolerance && st.ci[1] <= gate.tolerance)
      verdict = 'unchanged';
    else verdict = 'inconclusive';
    const mc: ModeComparison = {
      mode: x.mode,
      severity,
      blocking: gate.block.includes(severity),
      base: st.base,
      head: st.head,
      paired_cases: st.paired,
      effect: st.effect,
      effect_ci: st.ci,
      p_regressed: x.pReg,
      p_improved: x.pImp,
      p_regressed_adjusted: adjReg[m],
      p_improved_adjusted: adjImp[m],
      test: x.test,
      verdict,
    };
    if (verdict === 'inconclusive') mc.needed = needed(st, gate, p.modes.length);
    return mc;
  });

  const caseOut = buildCases(base, head, p, modes);

  // Sides, errors, verdict.
  const baseSide = sideSummary(base, p.scan[BASE], options.basePath);
  const headSide = sideSummary(head, p.scan[HEAD], options.headPath);
  const share = (c: RunCounts) => (c.trials > 0 ? c.error / c.trials : 0);
  const error_share = { base: share(baseSide.counts), head: share(headSide.counts) };
  const reasons: string[] = [];
  let verdict: Comparison['verdict'] = 'pass';
  let accepted: boolean | undefined;

  const usable = (r: Results) =>
    (r.cases ?? []).filter((c) => trialsOf(c).some((t) => t.status !== 'error')).length;
  for (const [name, r] of [
    ['base', base],
    ['head', head],
  ] as const) {
    if (usable(r) === 0) {
      verdict = 'error';
      reasons.push(`${name} has no usable cases (no cases, or every trial errored)`);
    }
  }
  for (const [name, sh] of [
    ['base', error_share.base],
    ['head', error_share.head],
  ] as const) {
    if (sh > gate.max_error_share) {
      verdict = 'error';
      reasons.push(`${name}: ${pct(sh)} of trials errored (limit ${pct(gate.max_error_share)})`);
    }
  }
  for (const mc of modes) {
    if (mc.verdict !== 'regressed') continue;
    const line = `${mc.mode} fell from ${pct(mc.base.rate)} to ${pct(mc.head.rate)} (${pts(mc.effect)} pts, 95% CI ${pts(mc.effect_ci[0])} to ${pts(mc.effect_ci[1])})`;
    if (mc.blocking) {
      if (verdict !== 'error') verdict = 'block';
      reasons.push(line);
    } else reasons.push(`${line}; ${mc.severity} does not block`);
  }
  const removedFailing = caseOut.removedFailing;
  if (removedFailing.length > 0) {
    const shown =
      removedFailing.slice(0, 5).join(', ') +
      (removedFailing.length > 5 ? `, and ${removedFailing.length - 5} more` : '');
    reasons.push(
      `warning: ${removedFailing.length} removed case(s) were failing on base (${shown}); removing a failing case is not a fix`,
    );
  }
  if (caseOut.counts.added > 0) {
    const [lo, hi] = wilson(caseOut.addedPasses, caseOut.addedTrials);
    const rate = caseOut.addedTrials > 0 ? caseOut.addedPasses / caseOut.addedTrials : 0;
    reasons.push(
      `${caseOut.counts.added} added case(s): ${pct(rate)} of their trials pass (95% CI ${pct(lo)} to ${pct(hi)})`,
    );
  }
  if (verdict === 'block' && options.accepted) {
    verdict = 'pass';
    accepted = true;
    reasons.push(`accepted: the "${gate.accept_label}" label turns the block into a pass`);
  }
  if (
    verdict === 'pass' &&
    !accepted &&
    !modes.some((m) => m.verdict === 'regressed' && m.blocking)
  ) {
    reasons.unshift('no failure mode of a blocking severity regressed');
  }

  const out: Comparison = {
    schema: 'evalgate/comparison@1',
    verdict,
    reasons,
    gate,
    base: baseSide,
    head: headSide,
    modes,
    cases: caseOut.cases,
    counts: caseOut.counts,
    error_share,
  };
  if (accepted) out.accepted = true;
  const traceUrl = head.meta?.trace_url ?? base.meta?.trace_url;
  if (traceUrl) out.trace_url = traceUrl;
  if (adaptive && stage2Used.length > 0) out.stage2_modes = stage2Used;
  return out;
}

/**
 * A simple power calculation from the observed spread of per-case differences. If the effect is
 * within the tolerance, the cases needed for the 95% interval to fit inside +-tolerance; else the
 * cases needed to detect the observed effect at alpha / modes with 80% power.
 */
function needed(st: ModeStats, gate: GateConfig, modeCount: number): ModeComparison['needed'] {
  const n = st.paired;
  if (n < 2) return { note: 'too few paired cases to estimate; add cases present on both sides' };
  const sd = Math.max(st.sd, 1 / Math.sqrt(n)); // a floor: an all-zero spread says little
  const e = Math.abs(st.effect);
  let total: number;
  let note: string;
  if (e < gate.tolerance) {
    total = Math.ceil(((1.959964 * sd) / (gate.tolerance - e)) ** 2);
    note = `about ${total} paired cases would put the 95% interval inside ±${Math.round(gate.tolerance * 100)} pts (per-case sd ${sd.toFixed(2)}, observed effect ${pts(st.effect)} pts); more trials per case also narrow it when cases are flaky`;
  } else {
    const za = normalQuantile(1 - gate.alpha / Math.max(1, modeCount));
    total = Math.ceil((((za + 0.8416) * sd) / e) ** 2);
    note = `about ${total} paired cases would detect a ${pts(st.effect)} pt change at alpha ${gate.alpha} with 80% power (per-case sd ${sd.toFixed(2)})`;
  }
  return { cases: Math.max(0, total - n), note };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function pts(x: number): string {
  const v = Math.round(x * 100) || 0;
  return v > 0 ? `+${v}` : `${v}`;
}

// ---------------------------------------------------------------------------------------------
// Per-case labels (section 6)
// ---------------------------------------------------------------------------------------------

interface CaseBuild {
  cases: CaseComparison[];
  counts: Record<CaseLabel, number>;
  removedFailing: string[];
  addedPasses: number;
  addedTrials: number;
}

function emptyCounts(): Record<CaseLabel, number> {
  return {
    new_failure: 0,
    suspected_new_failure: 0,
    fixed: 0,
    flaky: 0,
    stable_pass: 0,
    stable_fail: 0,
    added: 0,
    removed: 0,
    errored: 0,
  };
}

/** One-sided per-case p-values, both directions, stratified over stages. */
function caseTest(
  p: Prepared,
  m: number,
  i: number,
  cache: Map<number, [number, number]>,
): [number, number] | undefined {
  const b1 = slot(p, m, BASE, 0) + i;
  const h1 = slot(p, m, HEAD, 0) + i;
  const b2 = slot(p, m, BASE, 1) + i;
  const h2 = slot(p, m, HEAD, 1) + i;
  const kb1 = p.use[b1];
  const xb1 = p.pass[b1];
  const kh1 = p.use[h1];
  const xh1 = p.pass[h1];
  const kb2 = p.use[b2];
  const kh2 = p.use[h2];
  const xb2 = p.pass[b2];
  const xh2 = p.pass[h2];
  const inf1 = kb1 > 0 && kh1 > 0 && xb1 + xh1 > 0 && xb1 + xh1 < kb1 + kh1;
  const inf2 = kb2 > 0 && kh2 > 0 && xb2 + xh2 > 0 && xb2 + xh2 < kb2 + kh2;
  if (!inf1 && !inf2) return undefined;
  if (inf1 && inf2) {
    const r = stratifiedTest([kb1, kb2], [xb1, xb2], [kh1, kh2], [xh1, xh2], 2);
    return [r.p_reg, r.p_imp];
  }
  const [kb, xb, kh, xh] = inf1 ? [kb1, xb1, kh1, xh1] : [kb2, xb2, kh2, xh2];
  if (kb < 256 && kh < 256) {
    const key = ((kb * 256 + xb) * 256 + kh) * 256 + xh;
    let r = cache.get(key);
    if (!r) {
      r = hypergeomTails(kb, xb, kh, xh);
      cache.set(key, r);
    }
    return r;
  }
  return hypergeomTails(kb, xb, kh, xh);
}

function buildCases(base: Results, head: Results, p: Prepared, modes: ModeComparison[]): CaseBuild {
  const U = p.U;
  const M = p.modes.length;
  // Per (mode, case): the reported p and q (regressed direction unless the case is fixed) and
  // the BH outcome: 1 new failure, 2 fixed. p is NaN where the case carried no information.
  const pOut = new Float64Array(M * U).fill(NaN);
  const qOut = new Float64Array(M * U).fill(NaN);
  const found = new Uint8Array(M * U);
  const cache = new Map<number, [number, number]>();
  for (let m = 0; m < M; m++) {
    const idx: number[] = [];
    const pr: number[] = [];
    const pi: number[] = [];
    for (let i = 0; i < U; i++) {
      const r = caseTest(p, m, i, cache);
      if (!r) continue;
      idx.push(i);
      pr.push(r[0]);
      pi.push(r[1]);
    }
    // BH within the mode over the informative cases (an uninformative case cannot be rejected,
    // so counting it would only dilute the others).
    const qr = benjaminiHochberg(pr);
    const qi = benjaminiHochberg(pi);
    for (let j = 0; j < idx.length; j++) {
      const k = m * U + idx[j];
      if (qr[j] <= CASE_FDR) found[k] = 1;
      else if (qi[j] <= CASE_FDR) found[k] = 2;
      pOut[k] = found[k] === 2 ? pi[j] : pr[j];
      qOut[k] = found[k] === 2 ? qi[j] : qr[j];
    }
  }

  // A flip to "mostly fails" is only suspected where the mode as a whole is not shown unchanged or
  // improved: with 30% flaky cases and k = 3, thousands of 2/3 -> 1/3 flips per mode are noise.
  const suspectable = modes.map(
    (mc) => mc.verdict === 'regressed' || mc.verdict === 'inconclusive',
  );
  const counts = emptyCounts();
  const cases: CaseComparison[] = new Array(U);
  const removedFailing: string[] = [];
  let addedPasses = 0;
  let addedTrials = 0;
  const [sb, sh] = p.scan;
  for (let i = 0; i < U; i++) {
    const bc = p.side[BASE][i] >= 0 ? base.cases[p.side[BASE][i]] : undefined;
    const hc = p.side[HEAD][i] >= 0 ? head.cases[p.side[HEAD][i]] : undefined;
    const modeList: CaseModeComparison[] = [];
    let best: CaseLabel | undefined;
    for (let m = 0; m < M; m++) {
      const a1 = slot(p, m, BASE, 0) + i;
      const a2 = slot(p, m, BASE, 1) + i;
      const c1 = slot(p, m, HEAD, 0) + i;
      const c2 = slot(p, m, HEAD, 1) + i;
      const ub = p.use[a1] + p.use[a2];
      const uh = p.use[c1] + p.use[c2];
      const eb = p.err[a1] + p.err[a2];
      const eh = p.err[c1] + p.err[c2];
      const onBase = ub + eb > 0;
      const onHead = uh + eh > 0;
      if (!onBase && !onHead) continue;
      const xb = p.pass[a1] + p.pass[a2];
      const xh = p.pass[c1] + p.pass[c2];
      const k = m * U + i;
      let label: CaseLabel;
      let pv = NaN;
      let qv = NaN;
      if (!onBase) label = 'added';
      else if (!onHead) label = 'removed';
      else if (ub === 0 || uh === 0) label = 'errored';
      else if (found[k] === 1) {
        label = 'new_failure';
        pv = pOut[k];
        qv = qOut[k];
      } else if (found[k] === 2) {
        label = 'fixed';
        pv = pOut[k];
        qv = qOut[k];
      } else {
        pv = pOut[k];
        qv = qOut[k];
        if (xb === ub && xh === uh) label = 'stable_pass';
        else if (xb === 0 && xh === 0) label = 'stable_fail';
        else if (suspectable[m] && 2 * xb > ub && 2 * xh < uh) label = 'suspected_new_failure';
        // Mixed within a side, or a change that was not confirmed (e.g. fail -> pass once).
        else label = 'flaky';
      }
      if (LABEL_RANK[label] < (best === undefined ? 99 : LABEL_RANK[best])) best = label;
      // Stable passes are the bulk of a large suite: left out of the per-case list of modes.
      if (label === 'stable_pass') continue;
      const entry: CaseModeComparison = { mode: p.modes[m], label };
      if (onBase) entry.base = countsOf(xb, ub, eb);
      if (onHead) entry.head = countsOf(xh, uh, eh);
      if (!Number.isNaN(pv)) {
        entry.p = pv;
        entry.q = qv;
      }
      modeList.push(entry);
    }
    let label: CaseLabel;
    if (!bc) label = 'added';
    else if (!hc) label = 'removed';
    else if (sb.caseUse[i] === 0 || sh.caseUse[i] === 0)
      label = best === 'new_failure' || best === 'suspected_new_failure' ? best : 'errored';
    else
      label =
        best ??
        (sb.casePass[i] === sb.caseUse[i] && sh.casePass[i] === sh.caseUse[i]
          ? 'stable_pass'
          : 'flaky');
    counts[label]++;
    if (label === 'removed' && sb.caseFailed[i]) removedFailing.push(p.ids[i]);
    if (label === 'added') {
      addedPasses += sh.casePass[i];
      addedTrials += sh.caseUse[i];
    }
    const src = hc ?? bc!;
    const cc: CaseComparison = {
      id: p.ids[i],
      label,
      tags: Array.isArray(src.tags) ? src.tags : [],
      modes: modeList,
    };
    if (src.source) cc.source = src.source;
    if (bc) cc.base = caseSide(bc, sb, i);
    if (hc) cc.head = caseSide(hc, sh, i);
    if (bc && hc && bc.hash !== hc.hash) cc.changed = true;
    if ((label === 'new_failure' || label === 'suspected_new_failure') && hc)
      cc.excerpt = excerpt(hc, sh.caseRep[i]);
    cases[i] = cc;
  }
  return { cases, counts, removedFailing, addedPasses, addedTrials };
}

type Counts = { passes: number; trials: number; errors: number };
const COUNTS = new Map<number, Counts>();

/**
 * Per-case counts are a handful of small-integer triples repeated hundreds of thousands of times
 * in a large suite: one shared (frozen) object per triple saves most of the output's objects.
 */
function countsOf(passes: number, trials: number, errors: number): Counts {
  if (trials >= 1024 || errors >= 1024) return { passes, trials, errors };
  const key = (errors * 1024 + trials) * 1024 + passes;
  let c = COUNTS.get(key);
  if (!c) {
    c = Object.freeze({ passes, trials, errors });
    if (COUNTS.size < 100_000) COUNTS.set(key, c);
  }
  return c;
}

function caseSide(c: CaseResult, sc: SideScan, i: number): CaseSide {
  const rep = sc.caseRep[i];
  const t = trialsOf(c)[rep];
  const failing: FailingCheck[] = [];
  for (const ch of t && Array.isArray(t.checks) ? t.checks : []) {
    if (!ch || typeof ch !== 'object' || ch.status === 'pass') continue;
    // The check result itself is a FailingCheck (plus its status and index): shared, not
    // copied, because at 100,000 cases the copies were a third of the output's memory.
    if (
      typeof ch.type === 'string' &&
      typeof ch.mode === 'string' &&
      typeof ch.reason === 'string'
    ) {
      failing.push(ch);
      continue;
    }
    const f: FailingCheck = {
      type: String(ch.type),
      mode: String(ch.mode),
      reason: String(ch.reason ?? ''),
    };
    if (typeof ch.name === 'string') f.name = ch.name;
    failing.push(f);
  }
  const side: CaseSide = {
    passes: sc.casePass[i],
    trials: sc.caseUse[i],
    errors: sc.caseErr[i],
    failing,
    trial_ref: rep,
  };
  if (t?.trace?.trace_id) side.trace_id = t.trace.trace_id;
  return side;
}

/**
 * Cuts at `max`, dropping a word the cut split: the start of a token (20 of a GitHub token's
 * 40 characters) is too short for the reports' secret patterns to recognise.
 */
function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max).replace(/[\w-]{1,40}$/, '')}…` : s;
}

function safeJson(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

function excerpt(c: CaseResult, trialRef: number): TraceExcerpt {
  const trace = trialsOf(c)[trialRef]?.trace;
  const out: TraceExcerpt = {
    input: cut(safeJson(c.input), 500),
    output: cut(
      typeof trace?.output === 'string' ? trace.output : safeJson(trace?.output ?? ''),
      1000,
    ),
    tool_calls: (Array.isArray(trace?.tool_calls) ? trace.tool_calls : [])
      .slice(0, 20)
      .map((tc) => ({
        name: cut(String(tc?.name ?? ''), 100),
        arguments: cut(safeJson(tc?.arguments ?? {}), 300),
      })),
    retrieved: (Array.isArray(trace?.retrieved) ? trace.retrieved : [])
      .slice(0, 20)
      .map((r) => cut(typeof r?.id === 'string' ? r.id : safeJson(r?.text ?? ''), 100)),
  };
  if (trace?.error?.message) out.error = cut(String(trace.error.message), 500);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Side summaries
// ---------------------------------------------------------------------------------------------

function sideSummary(r: Results, sc: SideScan, path?: string): SideSummary {
  // The run's own totals also count the judge; prefer them when the runner filled them in.
  const mu = r.meta?.usage;
  const usage: Required<Usage> =
    mu && (mu.input_tokens > 0 || mu.output_tokens > 0 || mu.cost_usd > 0)
      ? { input_tokens: mu.input_tokens, output_tokens: mu.output_tokens, cost_usd: mu.cost_usd }
      : sc.usage;
  const out: SideSummary = { counts: sc.counts, usage, latency_ms: latency(sc.latencies) };
  if (r.meta?.git?.sha) out.sha = r.meta.git.sha;
  if (r.meta?.git?.ref) out.ref = r.meta.git.ref;
  if (r.meta?.label) out.label = r.meta.label;
  if (r.meta?.started_at) out.started_at = r.meta.started_at;
  if (typeof r.meta?.trials === 'number') out.trials_per_case = r.meta.trials;
  if (path) out.results_path = path;
  return out;
}

/** Nearest-rank percentiles; 0 when no trial reported a latency. */
function latency(values: number[]): LatencyStats {
  if (values.length === 0) return { p50: 0, p95: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: at(0.5), p95: at(0.95) };
}
