/**
 * The adaptive design's second stage (docs/statistics.md "Adaptive re-runs"): which modes and
 * cases to re-run after stage 1, and how the two stages share alpha.
 */
import type { GateConfig, Results } from '../types.ts';
import { analyseMode, scratch } from './mode-test.ts';
import { BASE, HEAD, prepare, slot } from './prepare.ts';

/** Share of alpha spent on stage 1 of the adaptive design (section 5). */
export const STAGE1_SHARE = 0.2;
/** Stage-1 p above which a mode stops without re-runs. */
const STAGE1_FUTILITY = 0.5;

export function stage2Modes(head: Results): Set<string> {
  const list = head.meta?.stage2_modes;
  return new Set(Array.isArray(list) ? list.filter((m) => typeof m === 'string') : []);
}

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
