/**
 * The comment says what the adaptive re-runs cost ("re-ran 29 cases, +45% trials"), from the
 * comparison's `stage2` record.
 */
import { describe, expect, it } from 'vitest';
import { renderComment } from '../src/report/index.ts';
import { rerunNote } from '../src/report/rerun-note.ts';
import type { Comparison } from '../src/types.ts';
import { demoSuite } from './helpers/report-fixtures.ts';

function withRerun(stage2?: Comparison['stage2']): Comparison {
  const c = structuredClone(demoSuite().comparison);
  c.stage2_modes = ['refusal_policy', 'tone'];
  c.gate = { ...c.gate, adaptive: true, rerun_budget: 0.5 };
  if (stage2) c.stage2 = stage2;
  return c;
}

describe('the re-run line', () => {
  it('states the cases, the extra trials and the budget', () => {
    const c = withRerun({ cases: 29, trials: 290, share: 0.4531 });
    expect(rerunNote(c, (s) => s)).toBe(
      'Re-ran 29 ambiguous cases for refusal_policy, tone: +45% trials (budget +50%).',
    );
    const md = renderComment(c);
    expect(md).toContain(
      '- Re-ran 29 ambiguous cases for `refusal_policy`, `tone`: +45% trials (budget +50%).',
    );
  });

  it('says how many ambiguous cases the budget left out', () => {
    const c = withRerun({ cases: 1, trials: 10, share: 0.5, deferred: 12 });
    expect(rerunNote(c, (s) => s)).toBe(
      'Re-ran 1 ambiguous case for refusal_policy, tone: +50% trials (budget +50%; 12 more not re-run).',
    );
  });

  it('falls back to the modes alone for comparisons that do not record the cost', () => {
    expect(rerunNote(withRerun(), (s) => s)).toBe(
      'Re-ran ambiguous cases for refusal_policy, tone.',
    );
    const none = structuredClone(demoSuite().comparison);
    expect(rerunNote(none, (s) => s)).toBeUndefined();
  });
});
