/**
 * `evalgate review <sample.jsonl>`: writes the review page of a sample (`evalgate sample`'s
 * output, or any evalgate traces file). A person reads each trace, writes a note, picks a
 * failure mode (the config's, or a new one) or "no failure", and downloads the labels file
 * `evalgate promote --labels` reads (docs/import.md "Reviewing a sample").
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { displayPath, suiteError } from '../suite/errors.ts';
import { readJsonLines } from '../suite/jsonl-stream.ts';
import { normalizeTrace } from '../targets/trace.ts';
import { renderReviewPage, type ReviewMode, type ReviewTrace } from './page.ts';

export interface ReviewOptions {
  sample: string;
  out: string;
  modes: ReviewMode[];
  traceUrl?: string;
}

/** sha256 of the file's bytes, streamed. */
async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The sample's traces; a trace id seen before is dropped (a label names one trace). */
async function readSample(path: string, log: (line: string) => void): Promise<ReviewTrace[]> {
  const shown = displayPath(path);
  const traces: ReviewTrace[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  try {
    for await (const { value, line } of readJsonLines(path, shown)) {
      const r = normalizeTrace(value);
      if ('error' in r)
        throw suiteError([{ file: shown, line, message: `not a trace: ${r.error}` }]);
      const id = r.trace.trace_id;
      if (id) {
        if (seen.has(id)) {
          duplicates++;
          continue;
        }
        seen.add(id);
      }
      traces.push({ trace: r.trace, line });
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code)
      throw suiteError([{ file: shown, message: `cannot read: ${(err as Error).message}` }]);
    throw err;
  }
  if (duplicates) log(`${duplicates} trace(s) repeat an earlier trace id: shown once`);
  const noId = traces.filter((t) => !t.trace.trace_id).length;
  if (noId)
    log(
      `${noId} trace(s) have no trace_id: shown, but they cannot be labelled (promote finds traces by id)`,
    );
  return traces;
}

export async function reviewCommand(
  opts: ReviewOptions,
  log: (line: string) => void,
): Promise<number> {
  const traces = await readSample(opts.sample, log);
  const html = renderReviewPage(traces, {
    sampleName: basename(opts.sample),
    sampleHash: await fileHash(opts.sample),
    modes: opts.modes,
    traceUrl: opts.traceUrl,
  });
  await writeFile(opts.out, html);
  log(
    `wrote the review page of ${traces.length} trace(s) (${opts.modes.length} failure mode(s) to pick from) to ${displayPath(opts.out)}: open it in a browser, label, download, then evalgate promote --labels`,
  );
  return 0;
}
