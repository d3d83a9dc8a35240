/**
 * The calibration file (`evalgate/calibration@1`): per judge of the suite, how it agreed with
 * people on labelled traces, and whether that clears the floors a judge needs to block. Written
 * by `evalgate calibrate`; a pull request's gate reads it at the base commit. Pure.
 */
import { DEFAULT_CALIBRATION } from '../defaults.ts';
import type { JudgeConfig } from '../types.ts';
import type { Agreement, Verdict } from './agreement.ts';

export interface Floors {
  min_kappa: number;
  min_labels: number;
  min_true_fail_rate: number;
}

export interface Disagreement {
  case: string;
  /** Index of the check in the case's `checks`. */
  check: number;
  trace_hash: string;
  human: Verdict;
  judge: Verdict;
  /** The judge's reason. */
  reason: string;
  /** The person's note, when they wrote one. */
  note?: string;
}

export interface JudgeCalibration extends Agreement {
  /** judgeIdentity(spec).id: mode, type and the hash of what the judge is asked. */
  id: string;
  mode: string;
  type: string;
  title: string;
  spec_hash: string;
  /** The judge model graded with. A different model is a different judge. */
  model: string;
  /** Labelled traces the judge could not grade (API errors, malformed answers): not in `n`. */
  errors: number;
  /** Why the first of those failed. */
  first_error?: string;
  disagreements: Disagreement[];
}

export interface Calibration {
  schema: 'evalgate/calibration@1';
  created_at: string;
  model: string;
  /** The floors of the config it was made with (the gate applies its own). */
  floors: Floors;
  judges: JudgeCalibration[];
  /** Labels that were not used, by reason. */
  skipped: { reason: string; count: number; examples: string[] }[];
}

export function floorsOf(judge: JudgeConfig | undefined): Floors {
  return {
    min_kappa: judge?.min_kappa ?? DEFAULT_CALIBRATION.min_kappa,
    min_labels: judge?.min_labels ?? DEFAULT_CALIBRATION.min_labels,
    min_true_fail_rate: judge?.min_true_fail_rate ?? DEFAULT_CALIBRATION.min_true_fail_rate,
  };
}

export interface JudgeStatus {
  /** Clears every floor: its failures may block. */
  calibrated: boolean;
  /** "judge calibrated (kappa 0.82 on 24 labels)", "judge not calibrated (kappa 0.41 on 23 labels)". */
  note: string;
}

const k2 = (x: number) => x.toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Whether a judge may block, and why in one line. A judge needs `min_labels` labelled traces
 * (with both verdicts among them), kappa >= min_kappa and a true-fail rate >= min_true_fail_rate.
 * `min_labels: 0` lets a judge without labels block (the behaviour before calibration existed);
 * a judge with labels must still clear the other floors.
 */
export function judgeStatus(j: Partial<Agreement> | undefined, floors: Floors): JudgeStatus {
  const n = j?.n ?? 0;
  if (n === 0) {
    return floors.min_labels === 0
      ? { calibrated: true, note: 'judge without human labels (judge.min_labels is 0)' }
      : { calibrated: false, note: 'judge not calibrated (no human labels)' };
  }
  const on = `on ${n} label${n === 1 ? '' : 's'}`;
  if (n < floors.min_labels)
    return {
      calibrated: false,
      note: `judge not calibrated (${n} label${n === 1 ? '' : 's'}, needs ${floors.min_labels})`,
    };
  const kappa = typeof j?.kappa === 'number' ? j.kappa : null;
  if (kappa === null) {
    return {
      calibrated: false,
      note: `judge not calibrated (kappa undefined ${on}: the labels or the verdicts are all one way)`,
    };
  }
  if (kappa < floors.min_kappa)
    return { calibrated: false, note: `judge not calibrated (kappa ${k2(kappa)} ${on})` };
  const tfr = typeof j?.true_fail_rate === 'number' ? j.true_fail_rate : null;
  if (tfr === null)
    return {
      calibrated: false,
      note: `judge not calibrated (no human-failed trace ${on}: its sensitivity to failures is unknown)`,
    };
  if (tfr < floors.min_true_fail_rate)
    return {
      calibrated: false,
      note: `judge not calibrated (catches ${pct(tfr)} of failures, kappa ${k2(kappa)} ${on})`,
    };
  return { calibrated: true, note: `judge calibrated (kappa ${k2(kappa)} ${on})` };
}

/** A calibration file's JSON, checked just enough to be read safely; undefined when it is not one. */
export function parseCalibration(text: string): Calibration | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const c = v as Partial<Calibration>;
  if (c.schema !== 'evalgate/calibration@1' || !Array.isArray(c.judges)) return undefined;
  const judges = c.judges.filter(
    (j): j is JudgeCalibration =>
      !!j &&
      typeof j === 'object' &&
      typeof j.id === 'string' &&
      typeof j.model === 'string' &&
      typeof j.n === 'number',
  );
  return { ...(c as Calibration), judges };
}
