/**
 * The test of one failure mode (docs/statistics.md "The test"): per-case differences, the paired
 * interval, the stratified exact test of stage 1 (and of stage 2), or the sign-flip test.
 */
import type { RateStats } from '../types.ts';
import { BASE, HEAD, slot, type Prepared } from './prepare.ts';
import { pairedInterval, signFlipTest, stratifiedTest, wilson, type TestResult } from './stats.ts';

export interface ModeStats {
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
export interface Scratch {
  kb: Int32Array;
  xb: Int32Array;
  kh: Int32Array;
  xh: Int32Array;
  d: Float64Array;
}

export function scratch(U: number): Scratch {
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

export function analyseMode(
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
