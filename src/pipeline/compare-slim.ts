/**
 * compare() on results held slim in memory (trials spooled to a journal, src/run/spool.ts):
 * the verdict, rates and tests come from the slim trials, and the excerpts of new failures are
 * built afterwards from those few cases' full trials, read back one case at a time. The same
 * design as compareFiles (src/compare/files.ts), without reading the results files: `evalgate
 * pr` and the action keep deciding from what is in memory.
 */
import { caseExcerpt, type PendingExcerpt } from '../compare/case-labels.ts';
import { compare, type CompareOptions } from '../compare/index.ts';
import { anySpooled, fullTrial } from '../run/spool.ts';
import type { CaseResult, Comparison, Results } from '../types.ts';

export function compareSlim(
  base: Results,
  head: Results,
  options: Omit<CompareOptions, 'pendingExcerpts'> = {},
): Comparison {
  const pending: PendingExcerpt[] = [];
  const comparison = compare(base, head, { ...options, pendingExcerpts: pending });
  for (const p of pending) {
    const hc = full(head.cases[p.head]);
    const bc = p.base >= 0 ? full(base.cases[p.base]) : undefined;
    p.case.excerpt = caseExcerpt(hc, p.headRef, bc, p.baseRef);
  }
  return comparison;
}

/** The case with its full trials (read back from the journal when held slim). */
function full(c: CaseResult): CaseResult {
  // `input` by name: a case held by its dataset line reads it back through a getter.
  return anySpooled(c.trials) ? { ...c, input: c.input, trials: c.trials.map(fullTrial) } : c;
}
