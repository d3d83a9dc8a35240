/**
 * The comment's and the text report's cost lines: the judge's cost apart from the system's,
 * model-call retries, and the cost per failure mode (collapsed).
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.ts';
import { renderComment, renderTextReport } from '../src/report/index.ts';
import { recount } from '../src/run/runner.ts';
import type { Results } from '../src/types.ts';
import { makeResults, trials } from './helpers/compare-results.ts';

const MODES = { tone: { severity: 'minor' as const }, refusal: { severity: 'critical' as const } };

/** Ten cases of two modes; `judged` puts a judge's cost on the tone checks, `retries` on traces. */
function side(label: string, o: { judged?: number; retries?: number; system?: number } = {}) {
  const r: Results = makeResults(
    Array.from({ length: 10 }, (_, i) => ({
      id: `c${i}`,
      trials: trials('tone', 3, 3).map((t, j) => ({ ...t, refusal: j < 3 ? 'pass' : 'fail' })),
    })),
    { label, modes: MODES },
  );
  for (const c of r.cases)
    for (const t of c.trials) {
      t.trace.usage = { input_tokens: 100, output_tokens: 10, cost_usd: o.system ?? 0.001 };
      for (const k of t.checks)
        if (o.judged && k.mode === 'tone')
          k.usage = { input_tokens: 500, output_tokens: 20, cost_usd: o.judged };
    }
  if (o.retries) r.cases[0].trials[0].trace.metadata = { retries: o.retries };
  // What the runner does at the end of a run: totals, the judge's apart, retries.
  return recount(r);
}

describe('cost lines', () => {
  it('show the judge apart, the retries, and the cost per failure mode (collapsed)', () => {
    const c = compare(
      side('base', { judged: 0.0002 }),
      side('head', { judged: 0.0004, retries: 3, system: 0.002 }),
    );
    expect(c.head.retries).toBe(3);
    expect(c.base.retries).toBeUndefined();
    const md = renderComment(c);
    expect(md).toContain('| Cost (system) | $0.03 | $0.06 | +$0.03 (+100%) |');
    expect(md).toContain('| Cost (judge) | $0.0060 | $0.01 | +$0.0060 (+100%) |');
    expect(md).toContain('| Retried model calls | 0 | 3 | +3 |');
    const perMode = md.slice(md.indexOf('<details><summary>Cost per failure mode</summary>'));
    expect(perMode).toContain('| Mode | Base | Head | Change |');
    // tone: the system's cost of its cases' trials plus its own checks' judge cost.
    expect(perMode).toContain(
      '| `tone` | $0.04 (judge $0.0060) | $0.07 (judge $0.01) | +$0.04 (+100%) |',
    );
    expect(perMode).toContain('| `refusal` | $0.03 | $0.06 | +$0.03 (+100%) |');
    expect(perMode).toContain('do not add up to the total');

    const text = renderTextReport(c);
    expect(text).toContain('Cost: $0.03 -> $0.06;');
    expect(text).toContain('Judge cost: $0.0060 -> $0.01; judge tokens: 15,600 -> 15,600');
    expect(text).toContain('Retried model calls: 0 -> 3');
  });

  it('without a judge or retries: one cost row and no retry row', () => {
    const c = compare(side('base'), side('head'));
    const md = renderComment(c);
    expect(md).toContain('| Cost | $0.03 | $0.03 | ±$0 (0%) |');
    expect(md).not.toContain('Cost (judge)');
    expect(md).not.toContain('Retried model calls');
    expect(md).toContain('| `tone` | $0.03 | $0.03 | ±$0 (0%) |');
    const text = renderTextReport(c);
    expect(text).not.toContain('Judge cost');
    expect(text).not.toContain('Retried');
  });

  it('a side that graded nothing spent $0 on the judge, not "not reported"', () => {
    const c = compare(side('base'), side('head', { judged: 0.0004 }));
    expect(renderComment(c)).toContain('| Cost (judge) | $0 | $0.01 | +$0.01 |');
    expect(renderTextReport(c)).toContain('Judge cost: $0 -> $0.01');
  });
});
