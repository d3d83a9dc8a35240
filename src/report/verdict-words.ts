/**
 * The words and marks of a failure mode's verdict, shared by the reports so that the comment,
 * the text report and the trace viewer say the same thing: a regressed mode that does not block
 * is never shown like one that does.
 */
import type { ModeComparison } from '../types.ts';

/** The look of a verdict: one CSS class (viewer) per tone. */
export type VerdictTone = 'blocking' | 'regressed' | 'improved' | 'unchanged' | 'inconclusive';

export interface VerdictWords {
  /** The comment's mark: 🔴 blocking regression, 🟠 regression that does not block, ... */
  icon: string;
  /** "regressed", "regressed (not blocking)", "improved", "unchanged", "inconclusive". */
  text: string;
  tone: VerdictTone;
}

const WORDS: Record<ModeComparison['verdict'], VerdictWords> = {
  regressed: { icon: '🔴', text: 'regressed', tone: 'blocking' },
  improved: { icon: '🟢', text: 'improved', tone: 'improved' },
  unchanged: { icon: '⚪', text: 'unchanged', tone: 'unchanged' },
  inconclusive: { icon: '🟡', text: 'inconclusive', tone: 'inconclusive' },
};
const NOT_BLOCKING: VerdictWords = {
  icon: '🟠',
  text: 'regressed (not blocking)',
  tone: 'regressed',
};

export function modeVerdictWords(m: Pick<ModeComparison, 'verdict' | 'blocking'>): VerdictWords {
  if (m.verdict === 'regressed' && !m.blocking) return NOT_BLOCKING;
  return WORDS[m.verdict] ?? { icon: '', text: String(m.verdict), tone: 'inconclusive' };
}

/** "🔴 regressed", "🟠 regressed (not blocking)": the comment's verdict cell, as plain text. */
export function modeVerdictCell(m: Pick<ModeComparison, 'verdict' | 'blocking'>): string {
  const w = modeVerdictWords(m);
  return w.icon ? `${w.icon} ${w.text}` : w.text;
}

export { NOT_REPORTED } from './format.ts';
