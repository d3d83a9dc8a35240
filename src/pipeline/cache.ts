import { relative, sep } from 'node:path';
import { repoRoot } from '../run/git.ts';
import {
  systemFingerprint,
  TraceCache,
  traceCacheDir,
  type SideCache,
  type TraceStore,
} from '../run/trace-cache.ts';
import type { Results, Suite } from '../types.ts';

/**
 * The run's trace cache, or undefined when `--no-cache` or `cache: false` turns it off. `store`
 * (the action's, restored from the Actions cache) replaces the cache folder.
 */
export function openTraceCache(
  root: string,
  suite: Suite,
  off?: boolean,
  store?: TraceStore,
): TraceStore | undefined {
  const { cache } = suite.config;
  if (off || cache === false) return undefined;
  return store ?? new TraceCache(traceCacheDir(root), cache?.max_mb);
}

/**
 * A side's view of the cache: the system in `tree` (a checkout root), fingerprinted. Undefined,
 * with a log line, when the tree's files cannot be listed (not a git checkout, and no
 * `cache.files` globs): a system we cannot fingerprint is never served a trace.
 */
export async function sideCache(
  cache: TraceStore | undefined,
  tree: string,
  suite: Suite,
  configRel: string,
  log: (line: string) => void,
  label: 'base' | 'head' = 'head',
): Promise<SideCache | undefined> {
  if (!cache) return undefined;
  try {
    const fingerprint = await systemFingerprint(tree, suite, configRel.split(sep).join('/'));
    return await cache.side(fingerprint, label);
  } catch (err) {
    log(
      `trace cache off: cannot list the files of ${tree} (${(err as Error).message.split('\n')[0]})`,
    );
    return undefined;
  }
}

/**
 * The root `evalgate run` fingerprints: its git checkout, else (with `cache.files`) the suite's
 * folder. Undefined outside git without `cache.files`: nothing says what the system is, so no
 * cache.
 */
export async function runTree(suite: Suite): Promise<string | undefined> {
  const { cache } = suite.config;
  return repoRoot(suite.rootDir).catch(() => (cache && cache.files ? suite.rootDir : undefined));
}

/** Records a side's cache hits and misses in its results (nothing when the cache was off). */
export function recordCache(results: Results, cache: SideCache | undefined): void {
  if (cache) results.meta.cache = { hits: cache.hits, misses: cache.misses };
}

export function configRelTo(tree: string, suite: Suite): string {
  return relative(tree, suite.configPath);
}
