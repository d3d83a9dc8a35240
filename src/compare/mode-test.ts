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

/** A side's trial totals over the paired cases, gathered by analyseMode's pass over them. */
interface PairedSide {
  passes: number;
  trials: number;
  /** Sum of the per-case pass rates. */
  rates: number;
  /** Trials of the first paired case; -1 once two cases differ. */
  even: number;
}

const pairedSide = (): PairedSide => ({ passes: 0, trials: 0, rates: 0, even: 0 });

function addCase(s: PairedSide, x: number, u: number, first: boolean): void {
  s.passes += x;
  s.trials += u;
  s.rates += x / u;
  if (first) s.even = u;
  else if (s.even !== u) s.even = -1;
}

/**
 * The side's row in the mode table, over the same trials as the effect (docs/statistics.md
 * "One set of trials per row"): the paired cases, every stage, the rate their per-case mean.
 * Without a paired case there is no effect: then every usable trial of the side.
 */
function rateStats(
  p: Prepared,
  m: number,
  side: number,
  paired: number,
  ps: PairedSide,
): RateStats {
  const at = slot(p, m, side, 0);
  const at2 = slot(p, m, side, 1);
  let errors = 0;
  let cases = 0;
  let passes = 0;
  let trials = 0;
  for (let i = 0; i < p.U; i++) {
    const u = p.use[at + i] + p.use[at2 + i];
    const e = p.err[at + i] + p.err[at2 + i];
    errors += e;
    if (paired > 0) continue;
    if (u + e > 0) cases++;
    passes += p.pass[at + i] + p.pass[at2 + i];
    trials += u;
  }
  if (paired > 0) {
    const out: RateStats = {
      passes: ps.passes,
      trials: ps.trials,
      cases: paired,
      errors,
      rate: ps.rates / paired,
      ci: wilson(ps.passes, ps.trials),
    };
    if (ps.even < 0) out.uneven = true;
    return out;
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
  const pb = pairedSide();
  const ph = pairedSide();
  for (let i = 0; i < U; i++) {
    const ub = p.use[b1 + i] + p.use[b2 + i];
    const uh = p.use[h1 + i] + p.use[h2 + i];
    if (ub === 0 || uh === 0) continue;
    const xb = p.pass[b1 + i] + p.pass[b2 + i];
    const xh = p.pass[h1 + i] + p.pass[h2 + i];
    addCase(pb, xb, ub, paired === 0);
    addCase(ph, xh, uh, paired === 0);
    const d = xh / uh - xb / ub;
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
    base: rateStats(p, m, BASE, paired, pb),
    head: rateStats(p, m, HEAD, paired, ph),
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
