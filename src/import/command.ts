/** The `evalgate import` command: files in, one traces file (or stdout) out, a summary on stderr. */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { displayPath, suiteError } from '../suite/errors.ts';
import { importFile, lineWriter, type ImportStats } from './index.ts';

export async function importCommand(
  files: string[],
  out: string | undefined,
  log: (line: string) => void,
): Promise<number> {
  if (files.length === 0)
    throw suiteError([{ file: 'evalgate import', message: 'name the exported files to import' }]);
  const stream = out ? createWriteStream(out) : process.stdout;
  const write = lineWriter(stream);
  const total: ImportStats = { traces: 0, bySource: {}, lateSpans: 0, rootless: 0 };
  try {
    for (const file of files) {
      const s = await importFile(file, displayPath(file), write);
      total.traces += s.traces;
      total.lateSpans += s.lateSpans;
      total.rootless += s.rootless;
      for (const [k, v] of Object.entries(s.bySource))
        total.bySource[k] = (total.bySource[k] ?? 0) + v;
    }
  } catch (err) {
    // No half-written traces file that looks like a finished import.
    if (out) {
      stream.destroy();
      await rm(out, { force: true });
    }
    throw err;
  }
  if (out) {
    stream.end();
    await finished(stream);
  }
  const sources = Object.entries(total.bySource)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  log(
    `imported ${total.traces} trace(s)${sources ? ` (${sources})` : ''}${out ? ` to ${displayPath(out)}` : ''}`,
  );
  if (total.rootless)
    log(
      `${total.rootless} trace(s) had no root span (a cut export?): written from the spans found`,
    );
  if (total.lateSpans)
    log(`${total.lateSpans} span(s) arrived after their trace's root span and were not merged`);
  return 0;
}
