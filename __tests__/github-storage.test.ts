// Baseline and artifact storage: the folder implementation end to end, and the Actions one
// outside Actions (it must report a miss with a notice, never fail the run).
import { mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionsStorage, FsStorage, safeKey } from '../src/github/storage.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-storage-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function writeTree(root: string, files: Record<string, string>) {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), text);
  }
}

describe('FsStorage', () => {
  it('round-trips a baseline by exact key and by prefix (newest wins)', async () => {
    const store = new FsStorage(join(dir, 'store'));
    await writeTree(join(dir, 'a'), { 'results.json': '{"side":"a"}', 'sub/traces.jsonl': 'a' });
    await writeTree(join(dir, 'b'), { 'results.json': '{"side":"b"}' });
    expect(await store.saveBaseline('evalgate-base-main-aaa', join(dir, 'a'))).toBe(true);
    expect(await store.saveBaseline('evalgate-base-main-bbb', join(dir, 'b'))).toBe(true);
    // Make "aaa" clearly older than "bbb" whatever the file system's timestamp resolution.
    await utimes(
      join(dir, 'store', 'baselines', 'evalgate-base-main-aaa'),
      new Date(1e12),
      new Date(1e12),
    );

    const exact = await store.restoreBaseline(['evalgate-base-main-aaa'], join(dir, 'out1'));
    expect(exact).toMatchObject({ hit: true, key: 'evalgate-base-main-aaa' });
    expect(await readFile(join(exact.path!, 'sub/traces.jsonl'), 'utf8')).toBe('a');

    const prefix = await store.restoreBaseline(
      ['evalgate-base-main-zzz', 'evalgate-base-main-'],
      join(dir, 'out2'),
    );
    expect(prefix).toMatchObject({ hit: true, key: 'evalgate-base-main-bbb' });
    expect(await readFile(join(prefix.path!, 'results.json'), 'utf8')).toBe('{"side":"b"}');

    expect(await store.restoreBaseline(['other-'], join(dir, 'out3'))).toEqual({ hit: false });
  });

  it('overwrites a baseline saved again under the same key', async () => {
    const store = new FsStorage(join(dir, 'store'));
    await writeTree(join(dir, 'v1'), { 'old.json': '1' });
    await writeTree(join(dir, 'v2'), { 'new.json': '2' });
    await store.saveBaseline('k', join(dir, 'v1'));
    await store.saveBaseline('k', join(dir, 'v2'));
    const r = await store.restoreBaseline(['k'], join(dir, 'out'));
    expect(await readdir(r.path!)).toEqual(['new.json']);
  });

  it('keeps keys inside the store', async () => {
    expect(safeKey('../../etc/passwd')).not.toContain('/');
    expect(safeKey('..')).not.toBe('..');
    const store = new FsStorage(join(dir, 'store'));
    await writeTree(join(dir, 'x'), { 'f.txt': 'x' });
    await store.saveBaseline('../escape', join(dir, 'x'));
    expect(await readdir(join(dir, 'store', 'baselines'))).toHaveLength(1);
  });

  it('uploads artifacts keeping paths relative to the root', async () => {
    const store = new FsStorage(join(dir, 'store'));
    await writeTree(join(dir, 'work'), { 'report/index.html': '<html>', 'comparison.json': '{}' });
    const res = await store.uploadArtifact(
      'evalgate-report',
      ['report/index.html', join(dir, 'work', 'comparison.json')],
      join(dir, 'work'),
    );
    expect(res.url).toMatch(/^file:\/\//);
    const root = join(dir, 'store', 'artifacts', 'evalgate-report');
    expect(await readFile(join(root, 'report/index.html'), 'utf8')).toBe('<html>');
    expect(await readFile(join(root, 'comparison.json'), 'utf8')).toBe('{}');
  });
});

describe('ActionsStorage outside Actions', () => {
  it('reports misses with notices instead of throwing', async () => {
    const notices: string[] = [];
    const notifier = {
      notice: (m: string) => notices.push(m),
      warning: (m: string) => notices.push(m),
    };
    const saved = { ...process.env };
    for (const k of [
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_RESULTS_URL',
      'ACTIONS_CACHE_URL',
      'ACTIONS_CACHE_SERVICE_V2',
    ]) {
      delete process.env[k];
    }
    try {
      const store = new ActionsStorage({ notifier, env: {} });
      await writeTree(join(dir, 'a'), { 'results.json': '{}' });
      expect(await store.saveBaseline('k', join(dir, 'a'))).toBe(false);
      expect(await store.restoreBaseline(['k'], join(dir, 'out'))).toEqual({ hit: false });
      const up = await store.uploadArtifact('x', ['results.json'], join(dir, 'a'));
      expect(up.id).toBeUndefined();
      expect(up.reason).toMatch(/not available/);
      expect(notices).toHaveLength(3);
      expect(notices.every((n) => /not available/.test(n))).toBe(true);
    } finally {
      process.env = saved;
    }
  });
});
