/**
 * A warm trace cache costs little memory: buckets hold where each trace is (file, offset, length,
 * and in the action a digest), and read a trace back when it is served. 300 cases x 3 trials of
 * 100 KB answers are 90 MB of cached traces, which do not fit an 80 MB heap; a warm `run` served
 * from them, and the action's store (restored, served, saved again), must finish within it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunMeta } from '../src/types.ts';
import { bigAnswerSuite, suiteDir } from './helpers/suite-dir.ts';

const src = join(import.meta.dirname, '..', 'src');
const bin = join(src, 'bin.ts');
const CAP = '--max-old-space-size=80';

function node(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The meta of a results file (its first line, in evalgate's one-case-per-line layout). */
function metaOf(path: string): RunMeta {
  const first = readFileSync(path, 'utf8').split('\n')[0];
  return (JSON.parse(first.replace(/,"cases":\[$/, '}')) as { meta: RunMeta }).meta;
}

describe('a warm trace cache of 90 MB', () => {
  const dir = suiteDir(bigAnswerSuite(300, 'cache: {files: [agent.mjs], max_mb: 500}\n'));
  const cacheDir = join(dir, '.evalgate', 'cache', 'traces');

  it('serves a warm run within an 80 MB heap', { timeout: 180_000 }, () => {
    const cold = node([bin, 'run', '--out', 'cold.json', '--quiet'], dir);
    expect(cold.code, cold.stderr).toBe(0);
    expect(metaOf(join(dir, 'cold.json')).cache).toEqual({ hits: 0, misses: 900 });
    const warm = node([CAP, bin, 'run', '--out', 'warm.json', '--quiet'], dir);
    expect(warm.stderr).not.toMatch(/heap out of memory/);
    expect(warm.code, warm.stderr.slice(-2000)).toBe(0);
    expect(metaOf(join(dir, 'warm.json')).cache).toEqual({ hits: 900, misses: 0 });
    const line = readFileSync(join(dir, 'warm.json'), 'utf8').split('\n')[1];
    expect(line).toMatch(/"output":"ok case-\d+ x{100000}"/);
  });

  it(
    'the action store restores, serves and saves it within an 80 MB heap',
    { timeout: 180_000 },
    () => {
      const [file] = readdirSync(cacheDir).filter((n) => n.endsWith('.jsonl'));
      const fingerprint = file.replace(/\.jsonl$/, '');
      const url = (p: string) => JSON.stringify(pathToFileURL(join(src, p)).href);
      const script = `
      const { loadEntries, ActionTraceStore, writeEntries, entryCount } = await import(${url('github/trace-cache.ts')});
      const { rmSync } = await import('node:fs');
      const restored = await loadEntries(process.env.CACHE_DIR, 500 * 2 ** 20);
      rmSync(process.env.CACHE_DIR, { recursive: true }); // as the action does, before the PR's code
      const store = new ActionTraceStore(restored);
      const side = await store.side(process.env.FP, 'head');
      let served = 0;
      for (const key of restored.get(process.env.FP).keys())
        if (side.bucket.get(key)?.output.length > 100_000) served++;
      const w = await writeEntries(process.env.OUT_DIR, store.branchEntries(), 500 * 2 ** 20);
      console.log(JSON.stringify({ restored: entryCount(restored), served, saved: w.entries }));
    `;
      const r = node([CAP, '--input-type=module', '-e', script], dir, {
        CACHE_DIR: cacheDir,
        FP: fingerprint,
        OUT_DIR: join(dir, 'saved'),
      });
      expect(r.stderr).not.toMatch(/heap out of memory/);
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ restored: 900, served: 900, saved: 900 });
    },
  );
});
