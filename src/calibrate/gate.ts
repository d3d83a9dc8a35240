/**
 * What the gate does with calibration (docs/statistics.md "Judges that may not block"): per
 * failure mode, its judges' standing, and the judged checks whose failures may not block (those
 * of judges below the floors). Pure: the caller reads the calibration from a trusted place (a
 * pull request's base commit, see src/pipeline/pr.ts).
 */
import type { Case } from '../types.ts';
import { judgeStatus, type Calibration, type Floors, type JudgeStatus } from './calibration.ts';
import { isJudged, judgeIdentity } from './identity.ts';

export interface ModeJudge extends JudgeStatus {
  title: string;
}

export interface JudgeGate {
  /** Per failure mode with judged checks: each of its judges (distinct), with its standing. */
  modes: Record<string, ModeJudge[]>;
  /** The checks of judges that may not block: case id -> indexes into the case's checks. */
  uncalibrated: Map<string, Set<number>>;
}

/**
 * `calibration` undefined: no figures (none committed, or unreadable); `why` then says so in the
 * notes. A judge's figures count only for the model they were measured with.
 */
export function judgeGate(
  cases: Case[],
  calibration: Calibration | undefined,
  floors: Floors,
  model: string | undefined,
  why?: string,
): JudgeGate | undefined {
  const byId = new Map((calibration?.judges ?? []).map((j) => [j.id, j]));
  const status = new Map<string, ModeJudge>();
  const modes: Record<string, ModeJudge[]> = {};
  const uncalibrated = new Map<string, Set<number>>();
  for (const c of cases) {
    c.checks.forEach((spec, i) => {
      if (!isJudged(spec)) return;
      const id = judgeIdentity(spec);
      let s = status.get(id.id);
      if (!s) {
        const measured = byId.get(id.id);
        const usable = measured && measured.model === model ? measured : undefined;
        let st = judgeStatus(usable, floors);
        if (!st.calibrated && !usable) {
          if (measured)
            st = {
              ...st,
              note: `judge not calibrated (measured with ${measured.model}, grading with ${model ?? 'no model'})`,
            };
          else if (why) st = { ...st, note: `judge not calibrated (${why})` };
        }
        s = { title: id.title, ...st };
        status.set(id.id, s);
        (modes[id.mode] ??= []).push(s);
      }
      if (!s.calibrated) {
        let set = uncalibrated.get(c.id);
        if (!set) uncalibrated.set(c.id, (set = new Set()));
        set.add(i);
      }
    });
  }
  return status.size ? { modes, uncalibrated } : undefined;
}
