/** A run in which nothing was measured: every trial errored. */
import type { Results } from '../types.ts';

/**
 * When every trial of `results` errored: the first error, with its case and trial (most likely
 * the target cannot run at all: a missing key, a wrong command). The case id is quoted: it is
 * untrusted text, and this line goes to a terminal or a CI log (still masked and escaped there).
 */
export function allErrored(results: Results): string | undefined {
  const { counts } = results.meta;
  if (counts.trials === 0 || counts.error !== counts.trials) return undefined;
  const c = results.cases.find((k) => k.trials?.length);
  if (!c) return undefined;
  const trial = c.trials[0];
  const check = trial.checks.find((k) => k.status === 'error');
  const what = trial.trace.error
    ? `${trial.trace.error.kind}: ${trial.trace.error.message}`
    : check
      ? `check ${check.name ?? check.type}: ${check.reason}`
      : 'error';
  return `${JSON.stringify(c.id)} trial ${trial.trial}: ${what}`;
}
