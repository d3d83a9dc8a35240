/**
 * A PR run's results files and viewer. `runPr` with an `outDir` writes the results files
 * itself and returns slim results (no trace text); these write what the caller still needs
 * from those files, never from the slim results.
 */
import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeViewer } from '../report/index.ts';
import { writeJson } from '../run/results-io.ts';
import type { Comparison, Results } from '../types.ts';
import { lazyResults } from './lazy-results.ts';

export interface PrResults {
  base: Results;
  head: Results;
  comparison: Comparison;
  /** Where runPr wrote the results files; `base` and `head` are then slim. */
  files?: { base: string; head: string };
}

/** Puts both sides' results files at `to`: copied from where runPr wrote them, or written. */
export async function placeResults(
  outcome: PrResults,
  to: { base: string; head: string },
): Promise<void> {
  for (const side of ['base', 'head'] as const) {
    const from = outcome.files?.[side];
    if (!from) await writeJson(to[side], outcome[side]);
    else if (resolve(from) !== resolve(to[side])) await copyFile(from, to[side]);
  }
}

/**
 * The viewer of a PR run. With results files, each case's traces are read from them as the
 * viewer reaches the case (lazy-results.ts), not held for both sides at once.
 */
export async function writePrViewer(
  path: string,
  outcome: PrResults,
  files: { base: string; head: string } | undefined = outcome.files,
): Promise<void> {
  if (!files) {
    await writeViewer(path, outcome.comparison, outcome.base, outcome.head);
    return;
  }
  const base = await lazyResults(files.base);
  try {
    const head = await lazyResults(files.head);
    try {
      await writeViewer(path, outcome.comparison, base.results, head.results);
    } finally {
      head.close();
    }
  } finally {
    base.close();
  }
}
