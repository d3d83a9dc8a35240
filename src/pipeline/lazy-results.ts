/**
 * A results file for readers that still take a whole `Results` object (the HTML viewer): each
 * case's id, hash, source, tags and modes are held, and its input and trials are read back from
 * the file when they are read (the last case read is kept, so reading a case's trials and then
 * its input reads it once). Showing a large PR's traces then does not hold them all at once.
 *
 * TODO(viewer): once the viewer reads results files itself (readCases in
 * src/run/results-stream.ts), `evalgate pr` and the action can give it the paths and this goes.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { CaseResult, Results } from '../types.ts';
import { linesOf, type Line } from '../run/lines.ts';
import { InputError, readResults } from '../run/results-io.ts';

const OPENING = '{"schema":"evalgate/results@1",';
const CASES = ',"cases":[';

const DIGEST = 16;
const digestOf = (text: string) => createHash('sha256').update(text).digest().subarray(0, DIGEST);

/**
 * The case lines of a results file by their byte offset and length, read synchronously. With
 * `verify`, each line's digest is held (16 bytes) and a line read back must match it.
 */
class CaseLines {
  private fd: number | undefined;
  private lastIndex = -1;
  private last: CaseResult | undefined;
  readonly path: string;
  readonly offsets: number[] = [];
  readonly lengths: number[] = [];
  private digests: Buffer | undefined;

  constructor(path: string, verify: boolean) {
    this.path = path;
    // Opened now: the lines read back later are this file's, even if the path is replaced.
    if (verify) {
      this.digests = Buffer.alloc(1024 * DIGEST);
      this.fd = openSync(path, 'r');
    }
  }

  add(offset: number, length: number, text: string): void {
    const i = this.offsets.length;
    this.offsets.push(offset);
    this.lengths.push(length);
    if (!this.digests) return;
    if ((i + 1) * DIGEST > this.digests.length) {
      const grown = Buffer.alloc(this.digests.length * 2);
      this.digests.copy(grown);
      this.digests = grown;
    }
    digestOf(text).copy(this.digests, i * DIGEST);
  }

  read(i: number): CaseResult {
    if (i === this.lastIndex) return this.last!;
    this.last = this.readFresh(i);
    this.lastIndex = i;
    return this.last;
  }

  /** The case at `i`, parsed anew (a copy the caller may change). */
  readFresh(i: number): CaseResult {
    this.fd ??= openSync(this.path, 'r');
    const length = this.lengths[i];
    const buf = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const n = readSync(this.fd, buf, got, length - got, this.offsets[i] + got);
      if (n === 0) throw new Error(`${this.path}: the file is shorter than when it was read`);
      got += n;
    }
    const text = buf.toString('utf8');
    if (this.digests) {
      const at = i * DIGEST;
      if (!digestOf(text).equals(this.digests.subarray(at, at + DIGEST)))
        throw new Error(`${this.path} changed on disk after it was read (case ${i + 1})`);
    }
    return JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text) as CaseResult;
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

  /** The whole case, parsed anew from its line. */
  read(): CaseResult {
    return this.#lines.readFresh(this.#index);
  }
}

/**
 * A case in full and free to change: read anew from its file when lazy, else a deep copy.
 */
export function caseCopy(c: CaseResult): CaseResult {
  return c instanceof LazyCase ? c.read() : structuredClone(c);
}

export interface LazyResults {
  /** Cases hold id, hash, source, tags and modes; input and trials are read on access. */
  results: Results;
  close(): void;
}

/**
 * Reads a results file written by evalgate (one case per line) into lazy cases; any other
 * layout is read whole, as readResults reads it. With `verify`, a case line read back later
 * must be the one read now (a digest of each line is held): a file rewritten since throws
 * rather than giving other trials than those checked here.
 */
export async function lazyResults(
  path: string,
  options: { verify?: boolean } = {},
): Promise<LazyResults> {
  const cases: CaseResult[] = [];
  let results: Results | undefined;
  let ended = false;
  const parse = <T>(text: string, what: string): T => {
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new InputError(`not valid JSON: ${what}: ${(err as Error).message}`, path);
    }
  };
  let source: AsyncGenerator<Line>;
  let lines: CaseLines;
  try {
    lines = new CaseLines(path, !!options.verify);
    source = linesOf(path);
    const first = await source.next();
    source = prepend(first.done ? undefined : first.value, source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read (${code})`, path);
  }
  for await (const line of source) {
    if (!results) {
      if (!line.complete || !line.text.startsWith(OPENING) || !line.text.endsWith(CASES)) break;
      const head = parse<Results>(`${line.text.slice(0, -CASES.length)}}`, 'the head');
      if (!head.meta || typeof head.meta !== 'object')
        throw new InputError('results file is missing `meta` or `cases`', path);
      results = { schema: head.schema, meta: head.meta, cases };
      continue;
    }
    if (!line.text || ended) continue;
    const text = line.text.endsWith(',') ? line.text.slice(0, -1) : line.text;
    if (text === ']}') {
      ended = true;
      continue;
    }
    const c = parse<CaseResult>(text, `cases[${cases.length}]`);
    if (!c || typeof c.id !== 'string' || !Array.isArray(c.trials))
      throw new InputError(`cases[${cases.length}] has no id or no trials`, path);
    lines.add(line.offset, line.length, line.text);
    cases.push(new LazyCase(c, lines, cases.length) as unknown as CaseResult);
  }
  if (!results || !ended) {
    lines.close();
    return { results: await readResults(path), close: () => {} };
  }
  return { results, close: () => lines.close() };
}

async function* prepend(first: Line | undefined, rest: AsyncGenerator<Line>): AsyncGenerator<Line> {
  if (first) yield first;
  yield* rest;
}
