/**
 * A results file for readers that still take a whole `Results` object (the HTML viewer): each
 * case's id, hash, source, tags and modes are held, and its input and trials are read back from
 * the file when they are read (the last case read is kept, so reading a case's trials and then
 * its input reads it once). Showing a large PR's traces then does not hold them all at once.
 *
 * TODO(viewer): once the viewer reads results files itself (readCases in
 * src/run/results-stream.ts), `evalgate pr` and the action can give it the paths and this goes.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { CaseResult, Results } from '../types.ts';
import { linesOf } from '../run/lines.ts';
import { InputError, readResults } from '../run/results-io.ts';

const OPENING = '{"schema":"evalgate/results@1",';
const CASES = ',"cases":[';

/** The case lines of a results file by their byte offset and length, read synchronously. */
class CaseLines {
  private fd: number | undefined;
  private lastIndex = -1;
  private last: CaseResult | undefined;
  readonly path: string;
  readonly offsets: number[] = [];
  readonly lengths: number[] = [];

  constructor(path: string) {
    this.path = path;
  }

  read(i: number): CaseResult {
    if (i === this.lastIndex) return this.last!;
    this.fd ??= openSync(this.path, 'r');
    const length = this.lengths[i];
    const buf = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const n = readSync(this.fd, buf, got, length - got, this.offsets[i] + got);
      if (n === 0) throw new Error(`${this.path}: the file is shorter than when it was read`);
      got += n;
    }
    const text = buf.toString('utf8');
    this.last = JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as CaseResult;
    this.lastIndex = i;
    return this.last;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.last = undefined;
    this.lastIndex = -1;
  }
}

/** A case whose input and trials stay in the file until read. */
class LazyCase {
  readonly id: string;
  readonly hash: string;
  readonly source: CaseResult['source'];
  readonly tags: string[];
  readonly modes: string[];
  readonly #lines: CaseLines;
  readonly #index: number;

  constructor(c: CaseResult, lines: CaseLines, index: number) {
    this.id = c.id;
    this.hash = c.hash;
    this.source = c.source;
    this.tags = c.tags;
    this.modes = c.modes;
    this.#lines = lines;
    this.#index = index;
  }

  get input(): CaseResult['input'] {
    return this.#lines.read(this.#index).input;
  }

  get trials(): CaseResult['trials'] {
    return this.#lines.read(this.#index).trials;
  }
}

export interface LazyResults {
  /** Cases hold id, hash, source, tags and modes; input and trials are read on access. */
  results: Results;
  close(): void;
}

/**
 * Reads a results file written by evalgate (one case per line) into lazy cases; any other
 * layout is read whole, as readResults reads it.
 */
export async function lazyResults(path: string): Promise<LazyResults> {
  const lines = new CaseLines(path);
  const cases: CaseResult[] = [];
  let results: Results | undefined;
  let ended = false;
  for await (const line of linesOf(path)) {
    if (!results) {
      if (!line.complete || !line.text.startsWith(OPENING) || !line.text.endsWith(CASES)) break;
      const head = JSON.parse(`${line.text.slice(0, -CASES.length)}}`) as Results;
      results = { schema: head.schema, meta: head.meta, cases };
      continue;
    }
    if (!line.text || ended) continue;
    const text = line.text.endsWith(',') ? line.text.slice(0, -1) : line.text;
    if (text === ']}') {
      ended = true;
      continue;
    }
    const c = JSON.parse(text) as CaseResult;
    if (!c || typeof c.id !== 'string' || !Array.isArray(c.trials))
      throw new InputError(`cases[${cases.length}] has no id or no trials`, path);
    lines.offsets.push(line.offset);
    lines.lengths.push(line.length);
    cases.push(new LazyCase(c, lines, cases.length) as unknown as CaseResult);
  }
  if (!results || !ended) return { results: await readResults(path), close: () => {} };
  return { results, close: () => lines.close() };
}
