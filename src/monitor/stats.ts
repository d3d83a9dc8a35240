/**
 * The numbers of `evalgate monitor` (docs/monitor.md): per failure mode and window, the pass rate
 * among traces whose checks of that mode gave an outcome, with its 95% Wilson interval; the
 * latest window against the previous ones pooled, by Fisher's exact test (the two windows are
 * different traces: unpaired), one-sided each way; Holm over the modes. Pure.
 */
import { holm, hypergeomTails, logChoose, wilson } from '../compare/stats.ts';

export interface Tally {
  pass: number;
  fail: number;
  /** Traces whose checks of the mode errored (and none failed): unknown, in neither rate term. */
  error: number;
}

export interface RateStats extends Tally {
  /** pass + fail: the traces with a known outcome. */
  n: number;
  /** pass / n; null when n = 0. */
  rate: number | null;
  /** 95% Wilson interval; null when n = 0. */
  ci: [number, number] | null;
}

export type ModeVerdict = 'worsened' | 'improved' | 'steady' | 'too_few_traces';

export interface ModeTest {
  previous: RateStats;
  latest: RateStats;
  /** latest.rate - previous.rate; null when either is unknown. */
  change: number | null;
  /** One-sided Fisher p-values; null when too few traces to test. */
  p_worse: number | null;
  p_better: number | null;
  /** Holm-adjusted over the modes tested, each direction its own family. */
  p_worse_adjusted: number | null;
  p_better_adjusted: number | null;
  verdict: ModeVerdict;
}

export function rateStats(t: Tally): RateStats {
  const n = t.pass + t.fail;
  return {
    ...t,
    n,
    rate: n > 0 ? t.pass / n : null,
    ci: n > 0 ? wilson(t.pass, n) : null,
  };
}

export function pooled(tallies: readonly Tally[]): Tally {
  const out = { pass: 0, fail: 0, error: 0 };
  for (const t of tallies) {
    out.pass += t.pass;
    out.fail += t.fail;
    out.error += t.error;
  }
  return out;
}

/**
 * Whether no outcome of the latest window could be significant at `alpha`: the smallest p-value
 * Fisher's test can give with these sample sizes (every previous trace passed, every latest one
 * failed) is 1 / C(nPrevious + nLatest, nLatest). With one trace against nineteen it is 1/20:
 * nothing short of that says anything at 0.05, so the verdict is "too few traces" rather than a
 * "steady" that was never in question.
 */
export function tooFew(nPrevious: number, nLatest: number, alpha: number): boolean {
  if (nPrevious === 0 || nLatest === 0) return true;
  // The tolerance keeps a best p of exactly alpha (1/20 at 0.05) testable despite rounding.
  return -logChoose(nPrevious + nLatest, nLatest) > Math.log(alpha) + 1e-12;
}

/**
 * Compares the latest window with the pooled previous ones, per mode, and decides. `latest[m]`
 * and `previous[m]` are mode m's tallies.
 */
export function testModes(
  previous: readonly Tally[],
  latest: readonly Tally[],
  alpha: number,
): ModeTest[] {
  const tests: ModeTest[] = previous.map((prevTally, m) => {
    const prev = rateStats(prevTally);
    const last = rateStats(latest[m]);
    const testable = !tooFew(prev.n, last.n, alpha);
    // hypergeomTails(base n, base passes, head n, head passes): [P(X <= x), P(X >= x)] for the
    // latest window's passes X given the total passes: the first small = fewer passes = worse.
    const tails = testable ? hypergeomTails(prev.n, prev.pass, last.n, last.pass) : null;
    return {
      previous: prev,
      latest: last,
      change: prev.rate !== null && last.rate !== null ? last.rate - prev.rate : null,
      p_worse: tails ? tails[0] : null,
      p_better: tails ? tails[1] : null,
      p_worse_adjusted: null,
      p_better_adjusted: null,
      verdict: testable ? 'steady' : 'too_few_traces',
    };
  });
  const tested = tests.filter((t) => t.p_worse !== null);
  const worse = holm(tested.map((t) => t.p_worse!));
  const better = holm(tested.map((t) => t.p_better!));
  tested.forEach((t, i) => {
    t.p_worse_adjusted = worse[i];
    t.p_better_adjusted = better[i];
    if (worse[i] <= alpha) t.verdict = 'worsened';
    else if (better[i] <= alpha) t.verdict = 'improved';
  });
  return tests;
}
