/**
 * compare() on two results files, read line by line (src/run/results-stream.ts): the trials are
 * held slim, without their traces, and the excerpts of new failures are built afterwards from
 * those few cases read back in full. The Comparison is the same as compare() on the whole files.
 */
import type { CaseResult, Comparison } from '../types.ts';
import { readSlimResults, type SlimResults } from '../run/results-stream.ts';
import { caseExcerpt, type PendingExcerpt } from './case-labels.ts';
import { compare, type CompareOptions } from './compare.ts';
import { compareCase } from './slim-case.ts';

export async function compareFiles(
  basePath: string,
  headPath: string,
  options: Omit<CompareOptions, 'pendingExcerpts'> = {},
): Promise<Comparison> {
  const base = await readSlimResults(basePath, { slim: compareCase });
  let head: SlimResults | undefined;
  try {
    head = await readSlimResults(headPath, { slim: compareCase });
    const pending: PendingExcerpt[] = [];
    const comparison = compare(base.results, head.results, {
      ...options,
      pendingExcerpts: pending,
    });
    await addExcerpts(pending, base, head);
    return comparison;
  } finally {
    await base.close();
    await head?.close();
  }
}

/** Builds each pending excerpt from its cases in full, one case at a time. */
async function addExcerpts(
  pending: PendingExcerpt[],
  base: SlimResults,
  head: SlimResults,
): Promise<void> {
  for (const p of pending) {
    const hc = await head.fullCase(p.head);
    const bc: CaseResult | undefined = p.base >= 0 ? await base.fullCase(p.base) : undefined;
    p.case.excerpt = caseExcerpt(hc, p.headRef, bc, p.baseRef);
  }
}
