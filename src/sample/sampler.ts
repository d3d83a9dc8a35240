/**
 * Stratified, seeded sampling of traces for review: up to `perStratum` traces of each failure
 * mode (the checks that failed, or the error) and `passing` traces that failed nothing, to find
 * what no check catches yet. Each stratum is a reservoir (Algorithm R), so memory holds the
 * sample, not the input, and the same seed over the same input gives the same sample. Pure.
 */
import { wilson } from '../compare/stats.ts';
import { seededRandom } from '../random.ts';

export { seededRandom };

export const PASSING = 'passing';

interface Reservoir<T> {
  seen: number;
  items: { index: number; item: T }[];
}

export class StratifiedSampler<T> {
  private readonly strata = new Map<string, Reservoir<T>>();
  private readonly random: () => number;
  private index = 0;
  private readonly perStratum: number;
  private readonly passing: number;

  constructor(opts: { seed: number; perStratum: number; passing: number }) {
    this.random = seededRandom(opts.seed);
    this.perStratum = opts.perStratum;
    this.passing = opts.passing;
  }

  /** Offers one trace; `stratum` is its failure mode, or PASSING. */
  add(item: T, stratum: string): void {
    const index = this.index++;
    let r = this.strata.get(stratum);
    if (!r) this.strata.set(stratum, (r = { seen: 0, items: [] }));
    r.seen++;
    const capacity = stratum === PASSING ? this.passing : this.perStratum;
    if (r.items.length < capacity) r.items.push({ index, item });
    else {
      const j = Math.floor(this.random() * r.seen);
      if (j < capacity) r.items[j] = { index, item };
    }
  }

  /** The sample: failure strata first (by name), then the passing share, each in input order. */
  result(): { stratum: string; seen: number; items: T[] }[] {
    const names = [...this.strata.keys()].filter((s) => s !== PASSING).sort();
    if (this.strata.has(PASSING)) names.push(PASSING);
    return names.map((stratum) => {
      const r = this.strata.get(stratum)!;
      const items = [...r.items].sort((x, y) => x.index - y.index).map((x) => x.item);
      return { stratum, seen: r.seen, items };
    });
  }
}

/**
 * The half-width of the 95% Wilson interval for a rate estimated from `n` reviewed traces, at
 * the worst case (a rate of one half): what share of a failure rate the sample can tell.
 */
export function wilsonHalfWidth(n: number): number {
  const [lo, hi] = wilson(n / 2, n);
  return (hi - lo) / 2;
}
