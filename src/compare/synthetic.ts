/**
 * Synthetic cases (`evalgate synth`, tagged `synthetic`) apart from real ones: the reports say
 * how many new failures come from each, so a reviewer weighs a failure on a generated variation
 * differently from one on a case taken from production. Pure; one pass over the cases.
 */
import type { CaseComparison } from '../types.ts';

export const SYNTHETIC_TAG = 'synthetic';

export interface OriginCounts {
  real: number;
  synthetic: number;
}

export interface OriginSplit {
  /** Synthetic cases in the comparison. */
  synthetic_cases: number;
  new_failure: OriginCounts;
  suspected_new_failure: OriginCounts;
}

export function isSynthetic(k: Pick<CaseComparison, 'tags'>): boolean {
  return Array.isArray(k.tags) && k.tags.includes(SYNTHETIC_TAG);
}

/** New and suspected failures, real and synthetic apart; undefined when no case is synthetic. */
export function splitByOrigin(cases: readonly CaseComparison[]): OriginSplit | undefined {
  const out: OriginSplit = {
    synthetic_cases: 0,
    new_failure: { real: 0, synthetic: 0 },
    suspected_new_failure: { real: 0, synthetic: 0 },
  };
  for (const k of cases) {
    const syn = isSynthetic(k);
    if (syn) out.synthetic_cases++;
    if (k.label === 'new_failure' || k.label === 'suspected_new_failure')
      out[k.label][syn ? 'synthetic' : 'real']++;
  }
  return out.synthetic_cases ? out : undefined;
}

/** "5 real, 2 synthetic". */
export function originText(n: OriginCounts): string {
  return `${n.real} real, ${n.synthetic} synthetic`;
}
