/**
 * One line about the adaptive re-runs, for the comment and the text report: what ran and what
 * it cost, e.g. "Re-ran 29 ambiguous cases for `tone`: +45% trials (budget +50%)."
 */
import type { Comparison } from '../types.ts';

/** `code` formats a mode name for the output (a Markdown code span, or the name as it is). */
export function rerunNote(c: Comparison, code: (s: string) => string): string | undefined {
  const modes = c.stage2_modes ?? [];
  if (!modes.length) return undefined;
  const shown = modes.slice(0, 20).map(code).join(', ') + (modes.length > 20 ? ', …' : '');
  const cost = c.stage2;
  if (!cost) return `Re-ran ambiguous cases for ${shown}.`;
  const cases = `${cost.cases.toLocaleString('en-US')} ambiguous case${cost.cases === 1 ? '' : 's'}`;
  const budget =
    typeof c.gate?.rerun_budget === 'number'
      ? `budget +${Math.round(c.gate.rerun_budget * 100)}%`
      : '';
  const left = cost.deferred ? `${cost.deferred.toLocaleString('en-US')} more not re-run` : '';
  const paren = [budget, left].filter(Boolean).join('; ');
  return `Re-ran ${cases} for ${shown}: +${Math.round(cost.share * 100)}% trials${paren ? ` (${paren})` : ''}.`;
}
