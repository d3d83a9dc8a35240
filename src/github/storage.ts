/**
 * Where baselines (results of a base sha, reused by later PRs) and artifacts (the trace viewer,
 * results files) go. Two implementations:
 *
 * - `FsStorage`: a plain folder. Tests use it, and the CLI's `--store <dir>` (a shared volume on
 *   another CI, a laptop).
 * - `ActionsStorage`: the Actions cache for baselines and the artifact service for artifacts.
 *   Both services exist only inside a real Actions job (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL
 *   / ACTIONS_CACHE_URL); anywhere else, or when the service fails, it logs a notice and reports
 *   a miss: a missing baseline means "run the base too", never a failed gate.
 */
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface RestoreResult {
  hit: boolean;
  /** The key that matched (exact or the newest entry with a matching prefix). */
  key?: string;
  /** Folder holding the restored files. */
  path?: string;
}

export interface UploadResult {
  id?: number;
  url?: string;
  /** Why nothing was uploaded. */
  reason?: string;
}

export interface Storage {
  /** Stores the contents of `dir` under `key`. Returns false (with a notice) when it could not. */
  saveBaseline(key: string, dir: string): Promise<boolean>;
  /** The first key that hits; each key also matches as a prefix of saved keys (newest wins). */
  restoreBaseline(keys: string[], dir: string): Promise<RestoreResult>;
  /** Uploads `files` (absolute or relative to `rootDir`) as one artifact. */
  uploadArtifact(name: string, files: string[], rootDir: string): Promise<UploadResult>;
}

/** Keys become folder names: keep them portable and unable to escape the store. */
export function safeKey(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  return cleaned.slice(0, 200) || '_';
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

export class FsStorage implements Storage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private baselineDir(key: string): string {
    return join(this.root, 'baselines', safeKey(key));
  }

  async saveBaseline(key: string, dir: string): Promise<boolean> {
    const target = this.baselineDir(key);
    // Copy next to the target, then swap: a reader never sees half a baseline.
    const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
    await mkdir(dirname(target), { recursive: true });
    await cp(dir, tmp, { recursive: true });
    await rm(target, { recursive: true, force: true });
    await rename(tmp, target);
    return true;
  }

  async restoreBaseline(keys: string[], dir: string): Promise<RestoreResult> {
    const base = join(this.root, 'baselines');
    const saved = (await exists(base)) ? await readdir(base, { withFileTypes: true }) : [];
    const names = saved
      .filter((d) => d.isDirectory() && !d.name.includes('.tmp-'))
      .map((d) => d.name);
    for (const key of keys) {
      const k = safeKey(key);
      let found = names.includes(k) ? k : undefined;
      if (!found) {
        // Prefix match, like actions/cache restore-keys: the most recently saved wins.
        const candidates = names.filter((n) => n.startsWith(k));
        let newest = -1;
        for (const c of candidates) {
          const m = (await stat(join(base, c))).mtimeMs;
          if (m > newest) [newest, found] = [m, c];
        }
      }
      if (found) {
        await mkdir(dir, { recursive: true });
        await cp(join(base, found), dir, { recursive: true });
        return { hit: true, key: found, path: resolve(dir) };
      }
    }
    return { hit: false };
  }

  async uploadArtifact(name: string, files: string[], rootDir: string): Promise<UploadResult> {
    const target = join(this.root, 'artifacts', safeKey(name));
    await rm(target, { recursive: true, force: true });
    for (const f of files) {
      const abs = isAbsolute(f) ? f : resolve(rootDir, f);
      const rel = relative(resolve(rootDir), abs);
      // Files outside rootDir keep only their name, as the artifact service would refuse them.
      const dest = join(
        target,
        rel.startsWith('..') || isAbsolute(rel) ? abs.split(sep).pop()! : rel,
      );
      await mkdir(dirname(dest), { recursive: true });
      await cp(abs, dest);
    }
    return { url: `file://${target}` };
  }
}

/** Minimal logging surface, so the Actions implementation can be given `@actions/core`. */
export interface Notifier {
  notice(message: string): void;
  warning(message: string): void;
}

export interface ActionsStorageOptions {
  notifier?: Notifier;
  /** For artifact links: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}/artifacts/${id}`. */
  runUrl?: string;
  retentionDays?: number;
  env?: Record<string, string | undefined>;
}

/** Is the error the toolkit's way of saying "no cache/artifact service here"? */
export function isServiceUnavailable(err: unknown): boolean {
  const msg = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL|not available|GHESNotSupported|not supported on GHES|service.*(unavailable|disabled)|Cache Service Url/i.test(
    msg,
  );
}

export class ActionsStorage implements Storage {
  private readonly opts: ActionsStorageOptions;

  constructor(opts: ActionsStorageOptions = {}) {
    this.opts = opts;
  }

  private async notify(message: string) {
    if (this.opts.notifier) {
      this.opts.notifier.notice(message);
      return;
    }
    const log = await import('./log.ts');
    log.notice(message);
  }

  /** What a cache key holds, for the notices: the same cache stores three kinds of entries. */
  private what(key: string | undefined): string {
    if (key?.startsWith('evalgate-traces-')) return 'trace cache';
    if (key?.startsWith('evalgate-verdict-')) return 'stored comparison';
    return 'baseline';
  }

  private why(err: unknown): string {
    const msg = err instanceof Error ? err.message : String(err);
    return isServiceUnavailable(err)
      ? `the service is not available in this environment (${msg.split('\n')[0]})`
      : msg.split('\n')[0];
  }

  async saveBaseline(key: string, dir: string): Promise<boolean> {
    try {
      const cache = await import('@actions/cache');
      if (!cache.isFeatureAvailable()) {
        await this.notify(
          `evalgate: ${this.what(key)} not saved: the Actions cache is not available here`,
        );
        return false;
      }
      await cache.saveCache([dir], key);
      return true;
    } catch (err) {
      // "Unable to reserve cache ... another job may be creating this cache" is the normal race
      // of two jobs saving the same key: the other one wins, which is fine.
      await this.notify(`evalgate: ${this.what(key)} not saved under ${key}: ${this.why(err)}`);
      return false;
    }
  }

  async restoreBaseline(keys: string[], dir: string): Promise<RestoreResult> {
    if (keys.length === 0) return { hit: false };
    try {
      const cache = await import('@actions/cache');
      if (!cache.isFeatureAvailable()) {
        await this.notify(
          `evalgate: no ${this.what(keys[0])} restored: the Actions cache is not available here`,
        );
        return { hit: false };
      }
      await mkdir(dir, { recursive: true });
      const [primary, ...restoreKeys] = keys;
      const key = await cache.restoreCache([dir], primary, restoreKeys);
      return key ? { hit: true, key, path: resolve(dir) } : { hit: false };
    } catch (err) {
      await this.notify(`evalgate: no ${this.what(keys[0])} restored: ${this.why(err)}`);
      return { hit: false };
    }
  }

  async uploadArtifact(name: string, files: string[], rootDir: string): Promise<UploadResult> {
    const env = this.opts.env ?? process.env;
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
      const reason =
        'the artifact service is not available here (no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL)';
      await this.notify(`evalgate: artifact ${name} not uploaded: ${reason}`);
      return { reason };
    }
    try {
      const { DefaultArtifactClient } = await import('@actions/artifact');
      const client = new DefaultArtifactClient();
      const abs = files.map((f) => (isAbsolute(f) ? f : resolve(rootDir, f)));
      const res = await client.uploadArtifact(name, abs, resolve(rootDir), {
        ...(this.opts.retentionDays ? { retentionDays: this.opts.retentionDays } : {}),
      });
      // Artifact pages live under the run, not under one attempt of it.
      const run = this.opts.runUrl?.replace(/\/attempts\/\d+$/, '');
      const url = res.id !== undefined && run ? `${run}/artifacts/${res.id}` : undefined;
      return { id: res.id, url };
    } catch (err) {
      const reason = this.why(err);
      await this.notify(`evalgate: artifact ${name} not uploaded: ${reason}`);
      return { reason };
    }
  }
}
