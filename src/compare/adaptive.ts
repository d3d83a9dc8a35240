/**
 * The adaptive design's second stage (docs/statistics.md "Adaptive re-runs"): which modes and
 * cases to re-run after stage 1, within the re-run budget, and how the two stages share alpha.
 */
import type { GateConfig, Results } from '../types.ts';
import { analyseMode, scratch } from './mode-test.ts';
import { BASE, HEAD, prepare, slot } from './prepare.ts';

/** Share of alpha spent on stage 1 of the adaptive design (section 5). */
export const STAGE1_SHARE = 0.2;
/** Stage-1 p above which a mode stops without re-runs. */
export const STAGE1_FUTILITY = 0.5;

export function stage2Modes(head: Results): Set<string> {
  const list = head.meta?.stage2_modes;
  return new Set(Array.isArray(list) ? list.filter((m) => typeof m === 'string') : []);
}

export interface Stage2Plan {
  /** Modes in the re-run band, most suspect (lowest stage-1 p_regressed) first. */
  modes: string[];
  /** Cases to re-run on both sides, in priority order. */
  caseIds: string[];
  /** Trials per side for each re-run case (`rerun_trials`, fewer when the budget is tiny). */
  trials: number;
  /** Ambiguous cases found in those modes: caseIds plus those the budget left out. */
  candidates: number;
}

/**
 * How many cases, and how many trials each, the budget allows: `budget` x the stage-1 trials of
 * one side, in whole trials. Full `rerunTrials` per case while at least one case fits; else one
 * case with what is left. Depends only on sizes (never on outcomes), so it keeps the test valid.
 */
export function stage2Size(
  stage1Trials: number,
  candidates: number,
  rerunTrials: number,
  budget: number,
): { cases: number; trials: number } {
  const allowed = Math.floor(Math.max(0, budget) * stage1Trials + 1e-9);
  if (candidates <= 0 || allowed <= 0 || rerunTrials <= 0) return { cases: 0, trials: 0 };
  if (allowed < rerunTrials) return { cases: 1, trials: allowed };
  return { cases: Math.min(candidates, Math.floor(allowed / rerunTrials)), trials: rerunTrials };
}

/**
 * How much a case's re-run can tell, from its pooled stage-1 count alone: t passes of n usable
 * trials (both sides). t (n - t) / n^2 is largest for even splits (a case that passed every base
 * trial and failed every head trial, and the flakiest ones) and 0 for cases without information.
 */
export function informativeness(t: number, n: number): number {
  return n > 0 ? (t * (n - t)) / (n * n) : 0;
}

/** FNV-1a of the id: a tie-break that ignores outcomes and the case's place in the dataset. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Which modes and cases to re-run after stage 1, within `gate.rerun_budget`.
 *
 * Modes: p_reg <= 0.5 and an interval that still allows a drop of min_drop (the undecided ones
 * for the verdict, those regressed already for the per-case labels). Cases: those with mixed
 * pooled stage-1 outcomes (0 < t < n) in those modes. When they cost more than the budget, the
 * modes are taken most suspect first (lowest stage-1 p_reg) and, within a mode, the cases most
 * informative by t and n first (ties by a hash of the id), until the budget is spent.
 *
 * Validity: a case is chosen by its pooled count t (and n) and by mode-level stage-1 results,
 * never by how its passes split between base and head; the stage-2 trials are fresh, so the
 * stage-2 test is exact whichever cases were chosen, and the alpha split (0.2 / 0.8) holds. The
 * robust (sign-flip) mode has no second stage.
 */
export function planStage2(base: Results, head: Results, gate: GateConfig): Stage2Plan {
  const none: Stage2Plan = { modes: [], caseIds: [], trials: 0, candidates: 0 };
  if (gate.robust) return none;
  const p = prepare(base, head);
  const s = scratch(p.U);
  // Unlike STATISTICS.md's "p_reg <= 0.2 alpha: regressed now, no re-run", modes that already
  // regressed are re-run too: the block does not need it, but the per-case labels do (with
  // k <= 3 no single case can be confirmed). That stays valid: the alpha split holds whatever the
  // stage-1 outcome, and the cases are still chosen by t alone. Only p_reg > 0.5 stops a mode.
  const band: { m: number; p: number }[] = [];
  p.modes.forEach((_, m) => {
    const x = analyseMode(p, m, s, { robust: false, stage2: false });
    if (x.stage1.p_reg <= STAGE1_FUTILITY && x.paired > 0 && x.ci[0] <= -gate.min_drop)
      band.push({ m, p: x.stage1.p_reg });
  });
  if (!band.length) return none;
  band.sort((a, b) => a.p - b.p || a.m - b.m);

  // Per mode, its ambiguous cases by informativeness.
  const hashes = new Map<number, number>();
  const hashOf = (i: number) => {
    let h = hashes.get(i);
    if (h === undefined) hashes.set(i, (h = idHash(p.ids[i])));
    return h;
  };
  const seen = new Uint8Array(p.U);
  const order: number[] = [];
  for (const { m } of band) {
    const mine: { i: number; score: number }[] = [];
    const b0 = slot(p, m, BASE, 0);
    const h0 = slot(p, m, HEAD, 0);
    for (let i = 0; i < p.U; i++) {
      if (seen[i]) continue;
      const ub = p.use[b0 + i];
      const uh = p.use[h0 + i];
      const t = p.pass[b0 + i] + p.pass[h0 + i];
      if (ub > 0 && uh > 0 && t > 0 && t < ub + uh)
        mine.push({ i, score: informativeness(t, ub + uh) });
    }
    mine.sort((a, b) => b.score - a.score || hashOf(a.i) - hashOf(b.i) || a.i - b.i);
    for (const { i } of mine) {
      seen[i] = 1;
      order.push(i);
    }
  }
  if (!order.length) return none;

  // The budget is counted in trials of one side's first stage (both sides re-run alike).
  const stage1 = headStage1Trials(head);
  const size = stage2Size(stage1, order.length, gate.rerun_trials, gate.rerun_budget);
  if (!size.cases) return { ...none, candidates: order.length };
  const picked = order.slice(0, size.cases);
  // The modes listed are those the re-run cases hold ambiguous outcomes for.
  const inPlan = band.filter(({ m }) => {
    const b0 = slot(p, m, BASE, 0);
    const h0 = slot(p, m, HEAD, 0);
    return picked.some((i) => {
      const n = p.use[b0 + i] + p.use[h0 + i];
      const t = p.pass[b0 + i] + p.pass[h0 + i];
      return p.use[b0 + i] > 0 && p.use[h0 + i] > 0 && t > 0 && t < n;
    });
  });
  return {
    modes: inPlan.map(({ m }) => p.modes[m]),
    caseIds: picked.map((i) => p.ids[i]),
    trials: size.trials,
    candidates: order.length,
  };
}

/** Stage-1 trials of the head side: what the budget is a share of. */
function headStage1Trials(head: Results): number {
  let n = 0;
  for (const c of head.cases ?? []) {
    for (const t of Array.isArray(c.trials) ? c.trials : []) if (!(t.stage >= 2)) n++;
  }
  return n;
}
