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
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join, posix } from 'node:path';
import pLimit from 'p-limit';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { sha256, stableStringify } from '../suite/hash.ts';
import type { CaseRequest, Suite, Trace } from '../types.ts';
import { makeDir } from './evalgate-dir.ts';
import { git } from './git.ts';

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
 * One system's cached traces. With a `path`, new entries are appended to that file as the run
 * goes; without one (the action's cache, src/github/trace-cache.ts) they stay in memory, and
 * `added` names them, so the action saves only what this run stored itself.
 */
export class TraceBucket {
  private readonly entries: Map<string, Trace>;
  private readonly queued: string[] = [];
  readonly path: string | undefined;
  /** Keys put by this run (memory-only buckets). */
  readonly added = new Set<string>();

  constructor(path: string | undefined, entries: Map<string, Trace>) {
    this.path = path;
    this.entries = entries;
  }

  /** The entry of `key`, errored or not (for writing a bucket out). */
  entry(key: string): Trace | undefined {
    return this.entries.get(key);
  }

  /** Every entry held: restored and added. */
  all(): IterableIterator<[string, Trace]> {
    return this.entries.entries();
  }

  get(key: string): Trace | undefined {
    const t = this.entries.get(key);
    return t && !t.error ? t : undefined;
  }

  put(key: string, trace: Trace): void {
    if (trace.error) return; // errors are retried, never served
    this.entries.set(key, trace);
    if (this.path === undefined) {
      this.added.add(key);
      return;
    }
    this.queued.push(JSON.stringify({ k: key, t: trace }) + '\n');
    // Written in batches as the run goes, so a long run holds no backlog of lines.
    if (this.queued.length >= 500) this.flush();
  }

  /** Appends the new entries to the bucket's file. */
  flush(): void {
    if (!this.queued.length || this.path === undefined) return;
    const fd = openSync(this.path, 'a');
    try {
      const buf = Buffer.from(this.queued.join(''));
      for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off);
    } finally {
      closeSync(fd);
    }
    this.queued.length = 0;
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
    const entries = new Map<string, Trace>();
    const text = await readFile(path, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const row = JSON.parse(line) as { k?: unknown; t?: Trace };
        if (typeof row.k === 'string' && row.t && typeof row.t === 'object')
          entries.set(row.k, row.t);
      } catch {
        // A line cut short by a killed run: the entry is simply not cached.
      }
    }
    if (text) await utimes(path, new Date(), new Date()).catch(() => undefined);
    return new TraceBucket(path, entries);
  }

  /** Writes new entries, then evicts the least recently used systems past the size bound. */
  async close(): Promise<void> {
    const used = new Set<string>();
    for (const b of this.buckets.values()) {
      const bucket = await b;
      bucket.flush();
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
