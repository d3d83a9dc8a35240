/**
 * The trace cache: a trial whose system, request, trial number and stage were all seen before
 * is answered from the trace then recorded, without calling the target. Checks still run on it,
 * so a change to checks, modes or the gate alone calls no target.
 *
 *   .evalgate/cache/traces/<fingerprint>.jsonl   {"k":"<request hash>|<trial>|<stage>","t":{…Trace}}
 *
 * The fingerprint is a hash over the files that define the system under test (by default the
 * tree's git-tracked files minus the suite's datasets and config and `.evalgate/`; or the
 * config's `cache.files` globs) and the target config. One JSONL per fingerprint: a run loads
 * only its own systems' files, and eviction (oldest first, past `cache.max_mb`) drops whole
 * systems no longer run. Errored traces are never stored, so errors are retried.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import pLimit from 'p-limit';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { sha256, stableStringify } from '../suite/hash.ts';
import type { CaseRequest, Suite, Trace } from '../types.ts';
import { makeDir } from './evalgate-dir.ts';
import { git } from './git.ts';
import { linesOf } from './lines.ts';

export const CACHE_SCHEMA = 'evalgate/trace-cache@1';
export const DEFAULT_CACHE_MAX_MB = 200;

/** The folder of the trace cache under a repository (or suite) root. */
export function traceCacheDir(root: string): string {
  return join(root, '.evalgate', 'cache', 'traces');
}

/**
 * The fingerprint of the system under test in `tree` (the root of a checkout): sha256 over each
 * file's path and content, sorted by path, and the target config. `configRel` is the suite's
 * config file relative to the tree (`/` separators): it and the datasets are the suite's own.
 */
export async function systemFingerprint(
  tree: string,
  suite: Pick<Suite, 'config'>,
  configRel: string,
): Promise<string> {
  const files = (await systemFiles(tree, suite, configRel)).sort();
  const hash = createHash('sha256').update(CACHE_SCHEMA).update('\0');
  // The target config holds env values: they enter only this hash, never a file.
  hash.update(stableStringify(suite.config.target)).update('\0');
  const limit = pLimit(32);
  const contents = await Promise.all(
    files.map((f) =>
      limit(() => readFile(join(tree, f)).catch(() => undefined /* tracked, now deleted */)),
    ),
  );
  for (let i = 0; i < files.length; i++) {
    const c = contents[i];
    hash.update(files[i]).update('\0');
    if (c === undefined) hash.update('-\0');
    else hash.update(`${c.length}\0`).update(c);
  }
  return hash.digest('hex');
}

/** The files that define the system in `tree`, relative with `/` separators. */
async function systemFiles(
  tree: string,
  suite: Pick<Suite, 'config'>,
  configRel: string,
): Promise<string[]> {
  const { cache, datasets } = suite.config;
  const globs = cache && cache.files;
  const listed = globs
    ? await glob(globs, { cwd: tree, dot: true, onlyFiles: true, ignore: ['**/.evalgate/**'] })
    : (await git(tree, ['ls-files', '-z'])).split('\0').filter(Boolean);
  const dir = posix.dirname(configRel);
  const own = picomatch(
    datasets.map((d) => posix.join(dir, d)),
    { dot: true },
  );
  return listed.filter((f) => f !== configRel && !own(f) && !f.split('/').includes('.evalgate'));
}

/** The key of a trial: what the system receives (the request minus its trial), trial, stage. */
export function traceKey(request: CaseRequest, extra: object, stage: number): string {
  const { trial, ...rest } = request;
  return `${sha256(stableStringify({ ...rest, ...extra }))}|${trial}|${stage}`;
}

/**
 * A file of cache lines (`{"k":…,"t":…}`) read back by byte offset. `append` adds lines at the
 * end. An anonymous file (no path) is a temporary file unlinked as soon as it is open: only
 * this process holds it, and it is gone when the process ends.
 */
export class TraceFile {
  readonly path: string | undefined;
  private fd: number | undefined;
  private appendFd: number | undefined;
  /** Bytes in the file: where the next appended line starts. */
  size: number;

  private constructor(path: string | undefined, fd: number | undefined, size: number) {
    this.path = path;
    this.fd = fd;
    this.size = size;
  }

  /** A bucket file of the cache folder: read from, appended to (created on the first append). */
  static at(path: string, size: number): TraceFile {
    return new TraceFile(path, undefined, size);
  }

  /** The file at `path`, opened now: later reads go to what it holds now even once it is removed. */
  static held(path: string): TraceFile {
    const fd = openSync(path, 'r');
    return new TraceFile(undefined, fd, fstatSync(fd).size);
  }

  /** A new temporary file, unlinked at once (see above). */
  static anonymous(): TraceFile {
    const path = join(tmpdir(), `evalgate-traces-${process.pid}-${randomBytes(6).toString('hex')}`);
    const fd = openSync(path, 'wx+', 0o600);
    rmSync(path, { force: true });
    const f = new TraceFile(undefined, fd, 0);
    f.appendFd = fd;
    return f;
  }

  read(offset: number, length: number): string {
    if (this.fd === undefined) this.fd = openSync(this.path!, 'r');
    const buf = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const n = readSync(this.fd, buf, got, length - got, offset + got);
      if (n === 0) throw new Error('the trace cache file is shorter than its index');
      got += n;
    }
    return buf.toString('utf8');
  }

  append(data: Buffer): void {
    if (this.appendFd === undefined) this.appendFd = openSync(this.path!, 'a');
    // Positioned writes for an anonymous file (its one descriptor is also read from).
    for (let off = 0; off < data.length;)
      off += writeSync(
        this.appendFd,
        data,
        off,
        data.length - off,
        this.path ? null : this.size + off,
      );
    this.size += data.length;
  }

  close(): void {
    if (this.appendFd !== undefined && this.appendFd !== this.fd) closeSync(this.appendFd);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = this.appendFd = undefined;
  }
}

/** 16 bytes of sha256: what a line read back must hash to (`verify`). */
const DIGEST = 16;
const digestOf = (line: string) => createHash('sha256').update(line).digest().subarray(0, DIGEST);

/**
 * A read-only map of traces read one at a time: its entries, values and forEach come from its
 * keys and get (what each map below defines), so none holds its traces.
 */
abstract class TraceMap implements ReadonlyMap<string, Trace> {
  abstract readonly size: number;
  abstract has(key: string): boolean;
  abstract get(key: string): Trace | undefined;
  abstract keys(): MapIterator<string>;

  *entries(): MapIterator<[string, Trace]> {
    for (const k of this.keys()) {
      const t = this.get(k);
      if (t) yield [k, t];
    }
  }

  *values(): MapIterator<Trace> {
    for (const [, t] of this.entries()) yield t;
  }

  [Symbol.iterator](): MapIterator<[string, Trace]> {
    return this.entries();
  }

  forEach(fn: (value: Trace, key: string, map: ReadonlyMap<string, Trace>) => void): void {
    for (const [k, t] of this.entries()) fn(t, k, this);
  }
}

/**
 * Cached traces held as where their lines are (file, byte offset, length), not as traces: a
 * trace is read back when it is asked for. With `verify`, each line's digest is held too and a
 * line read back must match it (a file someone rewrote since is a miss, never served). A line
 * that no longer reads, or holds another key, is a miss too. Read-only as a map.
 */
export class TraceIndex extends TraceMap {
  private readonly slots = new Map<string, number>();
  private readonly files: TraceFile[] = [];
  private readonly fileOf: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private digests: Buffer | undefined;
  readonly verify: boolean;

  constructor(verify = false) {
    super();
    this.verify = verify;
    if (verify) this.digests = Buffer.alloc(1024 * DIGEST);
  }

  /** Records where `key`'s line is (`line` is its text, for the digest). */
  locate(key: string, file: TraceFile, offset: number, length: number, line?: string): void {
    let f = this.files.lastIndexOf(file);
    if (f < 0) f = this.files.push(file) - 1;
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.offsets.length;
      this.slots.set(key, slot);
    }
    this.fileOf[slot] = f;
    this.offsets[slot] = offset;
    this.lengths[slot] = length;
    if (this.digests) {
      if ((slot + 1) * DIGEST > this.digests.length) {
        const grown = Buffer.alloc(this.digests.length * 2);
        this.digests.copy(grown);
        this.digests = grown;
      }
      digestOf(line ?? '').copy(this.digests, slot * DIGEST);
    }
  }

  get size(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  get(key: string): Trace | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    let line: string;
    try {
      line = this.files[this.fileOf[slot]].read(this.offsets[slot], this.lengths[slot]);
    } catch {
      return undefined;
    }
    if (this.digests) {
      const at = slot * DIGEST;
      if (!digestOf(line).equals(this.digests.subarray(at, at + DIGEST))) return undefined;
    }
    try {
      const row = JSON.parse(line) as { k?: unknown; t?: Trace };
      return row.k === key && row.t && typeof row.t === 'object' ? row.t : undefined;
    } catch {
      return undefined;
    }
  }

  keys(): MapIterator<string> {
    return this.slots.keys();
  }

  close(): void {
    for (const f of this.files) f.close();
  }
}

/**
 * Reads the lines of a bucket file into an index: each line's key and where it is, its trace
 * parsed once to check it and dropped. Lines that do not parse (cut by a killed run) are
 * skipped, and errored traces too with `skipErrors`.
 */
export async function indexLines(
  path: string,
  file: TraceFile,
  index: TraceIndex,
  skipErrors = false,
): Promise<void> {
  for await (const line of linesOf(path)) {
    if (!line.text || !line.complete) continue;
    let row: { k?: unknown; t?: Trace };
    try {
      row = JSON.parse(line.text) as { k?: unknown; t?: Trace };
    } catch {
      continue; // a line cut short by a killed run: the entry is simply not cached
    }
    if (typeof row?.k !== 'string' || !row.t || typeof row.t !== 'object') continue;
    if (skipErrors && row.t.error) continue;
    index.locate(row.k, file, line.offset, line.length, index.verify ? line.text : undefined);
  }
}

/**
 * Several read-only trace maps as one: a key is served by the first that holds it. Sizes and
 * keys are of the union; traces are read one at a time.
 */
export class LayeredTraces extends TraceMap {
  private readonly layers: ReadonlyMap<string, Trace>[];

  constructor(layers: (ReadonlyMap<string, Trace> | undefined)[]) {
    super();
    this.layers = layers.filter((l): l is ReadonlyMap<string, Trace> => !!l);
  }

  get size(): number {
    if (this.layers.length === 1) return this.layers[0].size;
    let n = 0;
    for (const _ of this.keys()) n++;
    return n;
  }

  has(key: string): boolean {
    return this.layers.some((l) => l.has(key));
  }

  get(key: string): Trace | undefined {
    for (const l of this.layers) if (l.has(key)) return l.get(key);
    return undefined;
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.layers.length; i++) {
      next: for (const k of this.layers[i].keys()) {
        for (let j = 0; j < i; j++) if (this.layers[j].has(k)) continue next;
        yield k;
      }
    }
  }
}

/**
 * One system's cached traces: where they are, read back when served (TraceIndex), so a warm
 * cache of hundreds of thousands of traces costs little memory. With a `path`, new entries are
 * appended to that file as the run goes; without one (the action's cache,
 * src/github/trace-cache.ts) they go to an anonymous temporary file, with digests, and `added`
 * names them, so the action saves only what this run stored itself. `restored` are read-only
 * entries served after this run's own, the first holding a key winning.
 */
export class TraceBucket {
  /** Entries this run put, written out (or, for the cache folder, loaded from its file). */
  private readonly own: TraceIndex;
  /** Entries put and not yet written (the cache folder's file is appended in batches). */
  private readonly pending = new Map<string, Trace>();
  private readonly queued: { key: string; line: string }[] = [];
  private queuedBytes = 0;
  private readonly file: TraceFile | undefined;
  private readonly view: LayeredTraces;
  readonly path: string | undefined;
  /** Keys put by this run (buckets without a path). */
  readonly added = new Set<string>();

  constructor(
    path: string | undefined,
    restored: (ReadonlyMap<string, Trace> | undefined)[] = [],
    own?: { index: TraceIndex; file: TraceFile },
  ) {
    this.path = path;
    this.own = own?.index ?? new TraceIndex(path === undefined);
    this.file = own?.file;
    this.view = new LayeredTraces([this.pending, this.own, ...restored]);
  }

  /** The entry of `key`, errored or not (for writing a bucket out). */
  entry(key: string): Trace | undefined {
    return this.view.get(key);
  }

  /** Every entry held: restored and added, read one at a time. */
  all(): IterableIterator<[string, Trace]> {
    return this.view.entries();
  }

  /** Every entry held, as a read-only map (traces read one at a time). */
  entries(): ReadonlyMap<string, Trace> {
    return this.view;
  }

  /** The entries this run put (buckets without a path), read one at a time. */
  addedEntries(): ReadonlyMap<string, Trace> {
    return new LayeredTraces([this.pending, this.own]);
  }

  get(key: string): Trace | undefined {
    const t = this.view.get(key);
    return t && !t.error ? t : undefined;
  }

  put(key: string, trace: Trace): void {
    if (trace.error) return; // errors are retried, never served
    if (this.path === undefined) this.added.add(key);
    this.pending.set(key, trace);
    const line = JSON.stringify({ k: key, t: trace }) + '\n';
    this.queued.push({ key, line });
    this.queuedBytes += line.length;
    // Written in batches as the run goes, so a long run holds no backlog of traces.
    if (this.queued.length >= 500 || this.queuedBytes > 1 << 20) this.flush();
  }

  /** Writes the new entries out (to the bucket's file, or the anonymous one). */
  flush(): void {
    if (!this.queued.length) return;
    const file = this.writable();
    let offset = file.size;
    file.append(Buffer.from(this.queued.map((q) => q.line).join('')));
    // A key put twice (two sides of one system) is served from its last line.
    for (const { key, line } of this.queued) {
      const length = Buffer.byteLength(line) - 1;
      this.own.locate(key, file, offset, length, this.own.verify ? line.slice(0, -1) : undefined);
      offset += length + 1;
    }
    this.queued.length = 0;
    this.queuedBytes = 0;
    this.pending.clear();
  }

  private fileOut: TraceFile | undefined;
  private writable(): TraceFile {
    this.fileOut ??= this.file ?? (this.path ? TraceFile.at(this.path, 0) : TraceFile.anonymous());
    return this.fileOut;
  }

  close(): void {
    this.flush();
    this.own.close();
    this.fileOut?.close();
  }
}

/** What a side's trials took from the cache: hits were served, misses called the target. */
export interface SideCache {
  bucket: TraceBucket;
  hits: number;
  misses: number;
}

/**
 * Where a run's sides get their buckets: the cache folder (`TraceCache`), or the action's
 * in-memory store, which serves the base side only from entries it trusts.
 */
export interface TraceStore {
  side(fingerprint: string, label: 'base' | 'head'): Promise<SideCache>;
  close(): Promise<void>;
}

/** The cache folder of a run: buckets by fingerprint, evicted by age past `maxMb`. */
export class TraceCache implements TraceStore {
  private readonly buckets = new Map<string, Promise<TraceBucket>>();
  readonly dir: string;
  readonly maxMb: number;

  constructor(dir: string, maxMb = DEFAULT_CACHE_MAX_MB) {
    this.dir = dir;
    this.maxMb = maxMb;
  }

  /** A side's view of the bucket of `fingerprint` (loaded once per run). */
  async side(fingerprint: string): Promise<SideCache> {
    let b = this.buckets.get(fingerprint);
    if (!b) {
      b = this.load(fingerprint);
      this.buckets.set(fingerprint, b);
    }
    return { bucket: await b, hits: 0, misses: 0 };
  }

  private async load(fingerprint: string): Promise<TraceBucket> {
    await makeDir(this.dir);
    const path = join(this.dir, `${fingerprint}.jsonl`);
    const size = (await stat(path).catch(() => undefined))?.size ?? 0;
    const file = TraceFile.at(path, size);
    const index = new TraceIndex();
    // Read line by line into where each trace is; the traces themselves stay in the file.
    if (size) {
      await indexLines(path, file, index).catch(() => undefined);
      await utimes(path, new Date(), new Date()).catch(() => undefined);
    }
    return new TraceBucket(path, [], { index, file });
  }

  /** Writes new entries, then evicts the least recently used systems past the size bound. */
  async close(): Promise<void> {
    const used = new Set<string>();
    for (const b of this.buckets.values()) {
      const bucket = await b;
      bucket.close();
      if (bucket.path) used.add(bucket.path);
    }
    await evict(this.dir, this.maxMb * 1024 * 1024, used);
  }
}

/** Deletes the oldest bucket files until the folder is within `maxBytes` (never `keep`). */
export async function evict(dir: string, maxBytes: number, keep: Set<string>): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = await Promise.all(
    names
      .filter((n) => n.endsWith('.jsonl'))
      .map(async (n) => {
        const path = join(dir, n);
        const s = await stat(path).catch(() => undefined);
        return { path, size: s?.size ?? 0, mtime: s?.mtimeMs ?? 0 };
      }),
  );
  files.sort((a, b) => b.mtime - a.mtime);
  let total = 0;
  for (const f of files) {
    total += f.size;
    if (total > maxBytes && !keep.has(f.path)) await rm(f.path, { force: true });
  }
}
