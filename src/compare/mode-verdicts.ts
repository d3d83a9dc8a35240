/**
 * Per failure mode: the test (plain, adaptive or robust), Holm over the modes, and the mode's
 * verdict (docs/statistics.md "The verdict per mode").
 */
import type { GateConfig, ModeComparison, ModeVerdict, Severity } from '../types.ts';
import { STAGE1_SHARE } from './adaptive.ts';
import { analyseMode, scratch, type ModeStats } from './mode-test.ts';
import type { Prepared } from './prepare.ts';
import { holm, normalQuantile } from './stats.ts';
import { pts } from './text.ts';

export interface ModeVerdictOptions {
  gate: GateConfig;
  /** The adaptive design was in effect: stage 1 spends STAGE1_SHARE of alpha. */
  adaptive: boolean;
  /** Modes whose cases were re-run in stage 2. */
  stage2: Set<string>;
  severityOf: (mode: string) => Severity;
}

export function modeVerdicts(
  p: Prepared,
  o: ModeVerdictOptions,
): { modes: ModeComparison[]; stage2Used: string[] } {
  const { gate, adaptive } = o;
  const s = scratch(p.U);
  const robust = !!gate.robust;
  const stage2Used: string[] = [];
  // Per mode: tests, then Holm over modes (p_reg and p_imp separately).
  const stats = p.modes.map((mode, m) => {
    const inStage2 = adaptive && o.stage2.has(mode);
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

  const modes = stats.map((x, m): ModeComparison => {
    const severity = o.severityOf(x.mode);
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
  return { modes, stage2Used };
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
