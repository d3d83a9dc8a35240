/**
 * Judges below the calibration floors cannot block (docs/statistics.md "Judges that may not
 * block"). A mode that regressed and blocks is compared again without the checks of its
 * uncalibrated judges: if it still regresses, the other checks carry the regression and it
 * blocks; if not, the regression rests on those judges and is demoted (reported, not blocking).
 * So adding an uncalibrated judge to a mode never stops its other checks from blocking.
 */
import type { JudgeGate } from '../calibrate/gate.ts';
import type { CaseResult, ModeComparison, Results } from '../types.ts';

/** The results without the check results of uncalibrated judges (shallow copies: only what changes). */
export function withoutChecks(r: Results, drop: JudgeGate['uncalibrated']): Results {
  if (drop.size === 0) return r;
  const cases = (r.cases ?? []).map((c): CaseResult => {
    const gone = drop.get(c.id);
    if (!gone || !Array.isArray(c.trials)) return c;
    return {
      ...c,
      trials: c.trials.map((t) => ({
        ...t,
        checks: (Array.isArray(t.checks) ? t.checks : []).filter((k) => !gone.has(k?.index)),
      })),
    };
  });
  return { ...r, cases };
}

/**
 * Marks each mode with its judges' standing and demotes the blocking regressions that rest on
 * uncalibrated judges. `recompute` gives the mode verdicts without those judges' checks; it is
 * called only when some blocking regression has an uncalibrated judge.
 */
export function applyJudgeGate(
  modes: ModeComparison[],
  gate: JudgeGate,
  recompute: () => ModeComparison[],
): void {
  const suspects: ModeComparison[] = [];
  for (const m of modes) {
    const judges = gate.modes[m.mode];
    if (!judges?.length) continue;
    m.judges = judges.map((j) => ({ title: j.title, calibrated: j.calibrated, note: j.note }));
    if (m.verdict === 'regressed' && m.blocking && judges.some((j) => !j.calibrated))
      suspects.push(m);
  }
  if (!suspects.length) return;
  const without = new Map(recompute().map((m) => [m.mode, m]));
  for (const m of suspects) {
    if (without.get(m.mode)?.verdict === 'regressed') continue;
    m.blocking = false;
    const notes = [...new Set(gate.modes[m.mode].filter((j) => !j.calibrated).map((j) => j.note))];
    m.demoted = notes.join('; ');
  }
}
