import type { GateConfig } from './types.ts';

/** Name of the built-in failure mode that fails a trial when it errored (crash, timeout, ...). */
export const ERRORS_MODE = 'errors';

/**
 * The gate's defaults, in one place: the suite loader fills a config's `gate` with them, and
 * compare falls back on them for results files that do not record a gate.
 */
export const DEFAULT_GATE: GateConfig = {
  block: ['critical', 'major'],
  alpha: 0.01,
  min_drop: 0.05,
  tolerance: 0.05,
  max_error_share: 0.2,
  accept_label: 'eval-regression-accepted',
  robust: false,
  adaptive: true,
  rerun_trials: 5,
  rerun_budget: 0.5,
  errors_severity: 'critical',
};

/**
 * The floors a judge must clear on human labels before its failures may block (docs/checks.md
 * "Calibration"): enough labels, Cohen's kappa, and the share of human-failed traces it fails.
 */
export const DEFAULT_CALIBRATION = {
  min_kappa: 0.6,
  min_labels: 20,
  min_true_fail_rate: 0.7,
} as const;
