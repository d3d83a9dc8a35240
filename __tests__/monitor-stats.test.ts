/**
 * The monitor's numbers against values computed by hand (exact fractions) and R:
 *   Wilson:  prop.test(8, 10, correct = FALSE)$conf.int  -> 0.4901625 0.9433178
 *   Fisher:  fisher.test(matrix(c(5, 5, 18, 2), 2), alternative = "less")$p.value -> 1/39
 * and the windowing of trace times.
 */
import { describe, expect, it } from 'vitest';
import { pooled, rateStats, testModes, tooFew } from '../src/monitor/stats.ts';
import { traceTime, windowIndex, windowsEndingAt } from '../src/monitor/windows.ts';

const DAY = 86_400_000;
const t = (pass: number, fail: number, error = 0) => ({ pass, fail, error });

describe('rates and Wilson intervals', () => {
  it('gives the 95% Wilson interval of 8 of 10 (R: 0.4901625, 0.9433178)', () => {
    const r = rateStats(t(8, 2, 5));
    expect(r.n).toBe(10);
    expect(r.rate).toBe(0.8);
    expect(r.ci![0]).toBeCloseTo(0.4901625, 6);
    expect(r.ci![1]).toBeCloseTo(0.9433178, 6);
    // Errors are not in the rate: 5 errored traces change neither n nor the interval.
    expect(r.error).toBe(5);
  });

  it('has no rate and no interval without a known outcome', () => {
    const r = rateStats(t(0, 0, 7));
    expect(r).toMatchObject({ n: 0, rate: null, ci: null, error: 7 });
  });

  it('pools windows by summing their counts', () => {
    expect(pooled([t(1, 2, 3), t(10, 20, 30)])).toEqual(t(11, 22, 33));
  });
});

describe("Fisher's exact test, latest window against the previous ones", () => {
  it('previous 18 of 20, latest 5 of 10: p (worse) = 1/39', () => {
    // P(X <= 5), X ~ Hypergeometric(30 traces, 23 passes, 10 drawn):
    // [C(23,3)C(7,7) + C(23,4)C(7,6) + C(23,5)C(7,5)] / C(30,10) = (1771 + 61985 + 706629) / 30045015
    const [m] = testModes([t(18, 2)], [t(5, 5)], 0.05);
    expect(m.p_worse).toBeCloseTo(1 / 39, 12);
    expect((1771 + 61985 + 706629) / 30045015).toBeCloseTo(1 / 39, 12);
    expect(m.p_better).toBeCloseTo(0.9978779840848806, 12);
    expect(m.change).toBeCloseTo(0.5 - 0.9, 12);
    expect(m.verdict).toBe('worsened');
  });

  it('previous 95 of 100, latest 30 of 40: p (worse) = 14792550457/10953045413652', () => {
    const [m] = testModes([t(95, 5)], [t(30, 10)], 0.05);
    expect(m.p_worse).toBeCloseTo(14792550457 / 10953045413652, 14);
  });

  it('previous 18 of 20, latest 9 of 10: steady (p = 146/203)', () => {
    const [m] = testModes([t(18, 2)], [t(9, 1)], 0.05);
    expect(m.p_worse).toBeCloseTo(146 / 203, 12);
    expect(m.verdict).toBe('steady');
  });

  it('is one-sided: a better latest window is improved, never worsened', () => {
    const [m] = testModes([t(5, 5)], [t(18, 2)], 0.05);
    expect(m.p_better).toBeCloseTo(1 / 39, 12);
    expect(m.verdict).toBe('improved');
  });
});

describe('Holm over the modes', () => {
  it('adjusts each p by its rank: 2 modes, the smaller x2, the larger x1 (never below the smaller)', () => {
    // p = 1/39 (0.0256) and 0.00135: Holm -> 0.0027, max(0.0256, 0.0027) = 0.0256.
    const tests = testModes([t(18, 2), t(95, 5)], [t(5, 5), t(30, 10)], 0.05);
    const p1 = 1 / 39;
    const p2 = 14792550457 / 10953045413652;
    expect(tests[1].p_worse_adjusted).toBeCloseTo(2 * p2, 12);
    expect(tests[0].p_worse_adjusted).toBeCloseTo(p1, 12);
    expect(tests.map((x) => x.verdict)).toEqual(['worsened', 'worsened']);
  });

  it('three modes at alpha 0.05: a raw 0.0256 is not enough when it ranks first of three', () => {
    // The same 1/39 three times: Holm multiplies the smallest by 3 -> 0.077 > 0.05.
    const tests = testModes([t(18, 2), t(18, 2), t(18, 2)], [t(5, 5), t(5, 5), t(5, 5)], 0.05);
    for (const x of tests) {
      expect(x.p_worse_adjusted).toBeCloseTo(3 / 39, 12);
      expect(x.verdict).toBe('steady');
    }
  });

  it('leaves modes with too few traces out of the family', () => {
    const tests = testModes([t(18, 2), t(0, 0)], [t(5, 5), t(3, 4)], 0.05);
    expect(tests[1].verdict).toBe('too_few_traces');
    expect(tests[1].p_worse).toBeNull();
    // Alone in the family: not multiplied.
    expect(tests[0].p_worse_adjusted).toBeCloseTo(1 / 39, 12);
  });
});

describe('too few traces', () => {
  it('when no outcome could reach alpha: 1 / C(n, latest n) > alpha', () => {
    // 19 previous and 1 latest: the best possible p is 1/20 = 0.05, not above 0.05: testable.
    expect(tooFew(19, 1, 0.05)).toBe(false);
    // 18 and 1: 1/19 > 0.05.
    expect(tooFew(18, 1, 0.05)).toBe(true);
    // 3 and 2: 1/C(5,2) = 0.1.
    expect(tooFew(3, 2, 0.05)).toBe(true);
    expect(tooFew(0, 50, 0.05)).toBe(true);
    expect(tooFew(50, 0, 0.05)).toBe(true);
  });

  it('every latest trace failing after 18 passes is still "too few", not "steady"', () => {
    const [m] = testModes([t(18, 0)], [t(0, 1)], 0.05);
    expect(m.verdict).toBe('too_few_traces');
  });
});

describe('windows', () => {
  const now = Date.parse('2026-11-30T00:00:00Z');

  it('are (start, end]: a trace at now is in the latest, one at a boundary in the older', () => {
    expect(windowIndex(now, now, DAY, 8)).toBe(7);
    expect(windowIndex(now - 1, now, DAY, 8)).toBe(7);
    expect(windowIndex(now - DAY, now, DAY, 8)).toBe(6);
    expect(windowIndex(now - DAY + 1, now, DAY, 8)).toBe(7);
    expect(windowIndex(now - 8 * DAY + 1, now, DAY, 8)).toBe(0);
    expect(windowIndex(now - 8 * DAY, now, DAY, 8)).toBe(-2);
    expect(windowIndex(now + 1, now, DAY, 8)).toBe(-1);
  });

  it('list oldest first, ending at now', () => {
    const w = windowsEndingAt(now, 12 * 3_600_000, 3);
    expect(w.map((x) => [new Date(x.start).toISOString(), new Date(x.end).toISOString()])).toEqual([
      ['2026-11-28T12:00:00.000Z', '2026-11-29T00:00:00.000Z'],
      ['2026-11-29T00:00:00.000Z', '2026-11-29T12:00:00.000Z'],
      ['2026-11-29T12:00:00.000Z', '2026-11-30T00:00:00.000Z'],
    ]);
  });

  it("read a trace's time from metadata.started_at, ISO only", () => {
    expect(traceTime({ started_at: '2026-11-29T10:00:00.000Z' })).toBe(
      Date.parse('2026-11-29T10:00:00Z'),
    );
    expect(traceTime({})).toMatch(/no metadata.started_at/);
    expect(traceTime(undefined)).toMatch(/no metadata.started_at/);
    expect(traceTime({ started_at: '3/4/2025' })).toMatch(/ISO 8601/);
    expect(traceTime({ started_at: 1764460800000 })).toMatch(/ISO 8601/);
    expect(traceTime({ started_at: '2026-13-45T99:00:00Z' })).toMatch(/not a valid time/);
  });
});
