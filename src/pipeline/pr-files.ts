/**
 * A PR run's results files and viewer. `runPr` with an `outDir` writes the results files
 * itself and returns slim results (no trace text); these write what the caller still needs
 * from those files, never from the slim results.
 */
import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileSide, writeViewer, writeViewerStream } from '../report/index.ts';
import { writeJson } from '../run/results-io.ts';
import type { Comparison, Results } from '../types.ts';

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
 * The viewer of a PR run. With results files, each side is read from its file line by line
 * (fileSide), block by block: never both sides' traces in memory at once.
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
  await writeViewerStream(path, outcome.comparison, {
    base: fileSide(files.base),
    head: fileSide(files.head),
  });
}
