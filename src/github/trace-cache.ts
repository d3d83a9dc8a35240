/**
 * The trace cache in the action (docs/cache.md "In the GitHub Action"). The Actions cache holds
 * one folder per saved run, `<fingerprint>.jsonl` files in the format of the local cache, under
 *
 *   evalgate-traces-v1-<config id>-sha-<sha>-<run>                push / workflow_dispatch runs
 *   evalgate-traces-v1-<config id>-pr-<number>-<head sha>-<run>   pull-request runs (head only)
 *
 * A PR job runs the PR's code (its setup, its target), which can write anywhere this user can.
 * So each restored file is opened, read through once and indexed before that code runs: each
 * entry's key, where its line is, and a digest of the line (TraceIndex in src/run/trace-cache.ts).
 * The restored folder is then deleted; traces are read back through the descriptors opened
 * before, and a line that no longer matches its digest is a miss, never served: what the PR's
 * code writes (even through /proc) is never served or saved. The traces themselves are not held
 * in memory, so a warm cache of 300,000 traces costs tens of MB, not GB. This run's new entries
 * go to an unlinked temporary file, digested the same way. The base side is served only from the
 * branch's entries (`sha-` keys), never from the PR's own (`pr-` keys); and what a run saves is
 * written after its targets ended, into a folder emptied first, from verified entries only. A PR
 * job saves the head side's entries, and none when the head's system is the base's (those would
 * be base entries written by a PR).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  indexLines,
  LayeredTraces,
  TraceBucket,
  TraceFile,
  TraceIndex,
  type SideCache,
  type TraceStore,
} from '../run/trace-cache.ts';
import { redactedJson } from '../report/redact.ts';
import { parseYaml } from '../suite/yaml.ts';
import type { Trace } from '../types.ts';

/**
 * Traces by fingerprint, then by key (`<request hash>|<trial>|<stage>`). Restored entries are
 * TraceIndex maps (read from their file when asked for), not traces in memory.
 */
export type Entries = Map<string, ReadonlyMap<string, Trace>>;

/** The 12 hex digits that tell suites (config files) of one repository apart in cache keys. */
export function configId(configRel: string): string {
  return createHash('sha256').update(configRel).digest('hex').slice(0, 12);
}

export type TraceRun =
  | { kind: 'pr'; number: number; baseSha: string; headSha: string }
  | { kind: 'one-side'; sha: string };

export interface TraceKeys {
  /** Entries of the branch (push runs): the base side of a PR may use these. */
  trusted: string[];
  /** The PR's own earlier entries: the head side only. */
  own: string[];
  /** Where this run's entries are saved. */
  save: string;
}

/**
 * The cache keys of a run. Restore keys are prefixes (the newest saved entry wins); the first is
 * given twice because the Actions cache matches its primary key exactly, only the rest as
 * prefixes. `runId` makes each save a new key (keys are immutable; a re-run may add entries).
 */
export function traceKeys(configRel: string, run: TraceRun, runId: string): TraceKeys {
  const p = `evalgate-traces-v1-${configId(configRel)}-`;
  const branch = (sha: string) => [`${p}sha-${sha}-`, `${p}sha-${sha}-`, `${p}sha-`];
  if (run.kind === 'one-side')
    return { trusted: branch(run.sha), own: [], save: `${p}sha-${run.sha}-${runId}` };
  const pr = `${p}pr-${run.number}-`;
  return {
    trusted: branch(run.baseSha),
    own: [`${pr}${run.headSha}-`, `${pr}${run.headSha}-`, pr],
    save: `${pr}${run.headSha}-${runId}`,
  };
}

const FINGERPRINT_FILE = /^([0-9a-f]{64})\.jsonl$/;

/**
 * Indexes the bucket files of a restored folder: each file is opened now and read through once
 * (keys, where each line is, its digest); its traces are read back from that descriptor when
 * served, after the folder is gone. A file bigger than `maxBytes` is skipped (a cache of this
 * size bound never holds one), as is any line that does not parse, and errored traces.
 */
export async function loadEntries(dir: string, maxBytes: number): Promise<Entries> {
  const out: Entries = new Map();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = FINGERPRINT_FILE.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const s = await stat(path).catch(() => undefined);
    if (!s?.isFile() || s.size > maxBytes) continue;
    const file = TraceFile.held(path);
    const index = new TraceIndex(true);
    await indexLines(path, file, index, true);
    if (index.size) out.set(m[1], index);
    else file.close();
  }
  return out;
}

/**
 * Writes `entries` as bucket files into `dir`, emptied first, up to `maxBytes` in all (the
 * entries past it are dropped), every known secret redacted, errored traces left out. Entries are
 * read and written one at a time. Returns how many entries and bytes were written.
 */
export async function writeEntries(
  dir: string,
  entries: Entries,
  maxBytes: number,
): Promise<{ entries: number; bytes: number; dropped: number }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let written = 0;
  let bytes = 0;
  let dropped = 0;
  for (const [fingerprint, traces] of entries) {
    let out: Awaited<ReturnType<typeof open>> | undefined;
    let batch: string[] = [];
    let batchBytes = 0;
    const write = async () => {
      out ??= await open(join(dir, `${fingerprint}.jsonl`), 'w');
      await out.write(batch.join(''));
      batch = [];
      batchBytes = 0;
    };
    try {
      for (const [k, t] of traces) {
        if (t.error) continue;
        // Redacted as a results file is (a fork's PR can restore the branch's cache entries).
        const line = `{"k":${JSON.stringify(k)},"t":${redactedJson(t)}}\n`;
        const size = Buffer.byteLength(line);
        if (bytes + size > maxBytes) {
          dropped++;
          continue;
        }
        bytes += size;
        written++;
        batch.push(line);
        batchBytes += size;
        if (batchBytes > 1 << 20) await write();
      }
      if (batch.length) await write();
    } finally {
      await out?.close();
    }
  }
  return { entries: written, bytes, dropped };
}

/**
 * The action's trace store: buckets in memory, made from restored entries. The base side sees
 * only `trusted` entries; the head side sees `trusted` and `own` (the PR's earlier runs).
 */
export class ActionTraceStore implements TraceStore {
  private readonly trusted: Entries;
  private readonly own: Entries;
  private readonly buckets = new Map<string, TraceBucket>();
  /** The fingerprint each side asked for. */
  readonly fingerprints: { base?: string; head?: string } = {};

  constructor(trusted: Entries, own: Entries = new Map()) {
    this.trusted = trusted;
    this.own = own;
  }

  async side(fingerprint: string, label: 'base' | 'head'): Promise<SideCache> {
    this.fingerprints[label] = fingerprint;
    const id = `${label}:${fingerprint}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      // The branch's entries first: a PR's own entry never replaces one of the branch's.
      const restored = [this.trusted.get(fingerprint)];
      if (label === 'head') restored.push(this.own.get(fingerprint));
      bucket = new TraceBucket(undefined, restored);
      this.buckets.set(id, bucket);
    }
    return { bucket, hits: 0, misses: 0 };
  }

  async close(): Promise<void> {
    for (const b of this.buckets.values()) b.flush();
  }

  /** Entries this run stored itself (trials that called the target). */
  added(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.added.size;
    return n;
  }

  /**
   * What a pull-request run saves: the head's system's entries that are not the branch's (the
   * PR's earlier ones and this run's), and nothing when the head's system is the base's or the
   * base's fingerprint is unknown: a PR never saves entries of the base's system.
   */
  prEntries(): Entries {
    const { base, head } = this.fingerprints;
    const bucket = head && this.buckets.get(`head:${head}`);
    if (!bucket || !base || base === head) return new Map();
    const out = new LayeredTraces([bucket.addedEntries(), this.own.get(head)]);
    return out.size ? new Map([[head, out]]) : new Map();
  }

  /** What a push or manual run saves: its system's entries, restored and new. */
  branchEntries(): Entries {
    const { head } = this.fingerprints;
    const bucket = head && this.buckets.get(`head:${head}`);
    if (!bucket) return new Map();
    const out = bucket.entries();
    return out.size ? new Map([[head, out]]) : new Map();
  }
}

/** A `Map` of maps' total size. */
export function entryCount(entries: Entries): number {
  let n = 0;
  for (const m of entries.values()) n += m.size;
  return n;
}

/**
 * The config's `cache:` setting, read without loading the suite (the action decides whether to
 * restore before anything else runs): off when `cache: false`, else its `max_mb`. A config that
 * does not parse says nothing here; loading the suite reports it.
 */
export function cacheSetting(yamlText: string, file: string): { off: boolean; maxMb?: number } {
  const parsed = parseYaml(yamlText, file);
  if (!parsed.ok) return { off: false };
  const v = parsed.doc.value as { cache?: unknown } | null;
  const cache = v && typeof v === 'object' ? v.cache : undefined;
  if (cache === false) return { off: true };
  const maxMb =
    cache && typeof cache === 'object' ? (cache as { max_mb?: unknown }).max_mb : undefined;
  return { off: false, maxMb: typeof maxMb === 'number' && maxMb > 0 ? maxMb : undefined };
}
