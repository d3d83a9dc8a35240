// The pure parts of the action's trace cache (src/github/trace-cache.ts) and of the accept label's
// reuse of a stored comparison (src/github/reuse.ts, withAccepted).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.ts';
import { withAccepted } from '../src/compare/verdict.ts';
import { eventInfo } from '../src/github/context.ts';
import {
  isLabelEvent,
  readStoredVerdict,
  relabel,
  storedVerdict,
  verdictKey,
} from '../src/github/reuse.ts';
import {
  ActionTraceStore,
  cacheSetting,
  loadEntries,
  traceKeys,
  writeEntries,
  type Entries,
} from '../src/github/trace-cache.ts';
import { addKnownSecrets, clearKnownSecrets } from '../src/report/redact.ts';
import type { Trace } from '../src/types.ts';
import { makeResults, trials } from './helpers/compare-results.ts';

const FP_BASE = 'a'.repeat(64);
const FP_HEAD = 'b'.repeat(64);
const trace = (output: string): Trace => ({ output }) as Trace;
const entries = (fp: string, rows: [string, string][]): Entries =>
  new Map([[fp, new Map(rows.map(([k, o]) => [k, trace(o)]))]]);

/** Restored entries are indexes of their files: their traces, read, as plain maps. */
const inMemory = (e: Entries) => new Map([...e].map(([fp, m]) => [fp, new Map(m)]));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-acs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('traceKeys', () => {
  it('a PR restores the branch by the base sha, its own by PR, and saves under PR and head', () => {
    const k = traceKeys(
      'evalgate.yml',
      { kind: 'pr', number: 7, baseSha: 'b1', headSha: 'h1' },
      '42-1',
    );
    const p = k.save.slice(0, k.save.indexOf('pr-'));
    expect(p).toMatch(/^evalgate-traces-v1-[0-9a-f]{12}-$/);
    expect(k.trusted).toEqual([`${p}sha-b1-`, `${p}sha-b1-`, `${p}sha-`]);
    expect(k.own).toEqual([`${p}pr-7-h1-`, `${p}pr-7-h1-`, `${p}pr-7-`]);
    expect(k.save).toBe(`${p}pr-7-h1-42-1`);
    // Nothing a PR saves matches what a push run (or another PR) restores as the branch's.
    for (const prefix of k.trusted) expect(k.save.startsWith(prefix)).toBe(false);
    expect(k.save.startsWith(`${p}pr-70-`)).toBe(false);
  });

  it('a push run saves under its sha; suites of other config files never share keys', () => {
    const a = traceKeys('evalgate.yml', { kind: 'one-side', sha: 's1' }, '9-2');
    const b = traceKeys('other/evalgate.yml', { kind: 'one-side', sha: 's1' }, '9-2');
    expect(a.save).toMatch(/-sha-s1-9-2$/);
    expect(a.own).toEqual([]);
    expect(a.save.startsWith(a.trusted[0])).toBe(true);
    expect(b.save).not.toBe(a.save);
  });
});

describe('ActionTraceStore', () => {
  it("serves the base only the branch's entries, the head also the PR's own", async () => {
    const store = new ActionTraceStore(
      entries(FP_BASE, [['k1|0|1', 'branch']]),
      entries(FP_BASE, [['k2|0|1', 'pr-own']]),
    );
    const base = await store.side(FP_BASE, 'base');
    const head = await store.side(FP_BASE, 'head');
    expect(base.bucket.get('k1|0|1')?.output).toBe('branch');
    expect(base.bucket.get('k2|0|1')).toBeUndefined();
    expect(head.bucket.get('k2|0|1')?.output).toBe('pr-own');
    expect(head.bucket.get('k1|0|1')?.output).toBe('branch');
  });

  it("a PR saves the head's own and new entries, never the branch's nor the base's system", async () => {
    const store = new ActionTraceStore(
      new Map([...entries(FP_BASE, [['b|0|1', 'base']]), ...entries(FP_HEAD, [['x|0|1', 'x']])]),
      entries(FP_HEAD, [['o|0|1', 'own']]),
    );
    const head = await store.side(FP_HEAD, 'head');
    const base = await store.side(FP_BASE, 'base');
    head.bucket.put('n|0|1', trace('new'));
    head.bucket.put('e|0|1', {
      output: '',
      error: { kind: 'crash', message: 'boom' },
    } as unknown as Trace);
    base.bucket.put('nb|0|1', trace('new base'));
    const saved = store.prEntries();
    expect([...saved.keys()]).toEqual([FP_HEAD]);
    expect([...saved.get(FP_HEAD)!.keys()].sort()).toEqual(['n|0|1', 'o|0|1']);
    expect(store.added()).toBe(2);
  });

  it("a PR whose system is the base's, or whose base is unknown, saves nothing", async () => {
    const same = new ActionTraceStore(new Map());
    (await same.side(FP_BASE, 'head')).bucket.put('n|0|1', trace('new'));
    expect(same.prEntries().size).toBe(0); // base fingerprint never given
    await same.side(FP_BASE, 'base');
    expect(same.prEntries().size).toBe(0); // the base's system
  });

  it('a push run saves its system: restored and new', async () => {
    const store = new ActionTraceStore(entries(FP_HEAD, [['r|0|1', 'restored']]));
    (await store.side(FP_HEAD, 'head')).bucket.put('n|0|1', trace('new'));
    expect([...store.branchEntries().get(FP_HEAD)!.keys()].sort()).toEqual(['n|0|1', 'r|0|1']);
  });

  it('memory buckets write no file', async () => {
    const store = new ActionTraceStore(new Map());
    const side = await store.side(FP_HEAD, 'head');
    for (let i = 0; i < 600; i++) side.bucket.put(`k${i}|0|1`, trace('t'));
    side.bucket.flush();
    expect(side.bucket.path).toBeUndefined();
    expect(side.bucket.added.size).toBe(600);
  });
});

describe('writeEntries / loadEntries', () => {
  it('round-trips, empties the folder first, and stops at the size bound', async () => {
    await writeFile(join(dir, `${FP_BASE}.jsonl`), '{"k":"planted|0|1","t":{"output":"x"}}\n');
    const e = entries(FP_HEAD, [
      ['a|0|1', 'one'],
      ['b|0|1', 'two'],
    ]);
    const w = await writeEntries(dir, e, 1024);
    expect(w).toMatchObject({ entries: 2, dropped: 0 });
    expect(await readdir(dir)).toEqual([`${FP_HEAD}.jsonl`]);
    expect(inMemory(await loadEntries(dir, 1024))).toEqual(e);

    const line = (await readFile(join(dir, `${FP_HEAD}.jsonl`), 'utf8')).split('\n')[0];
    const bounded = await writeEntries(dir, e, line.length + 2);
    expect(bounded).toMatchObject({ entries: 1, dropped: 1 });
  });

  it('redacts known secrets, as results files are', async () => {
    addKnownSecrets(['zq-known-secret-value-4711']);
    try {
      await writeEntries(
        dir,
        entries(FP_HEAD, [['a|0|1', 'the key is zq-known-secret-value-4711']]),
        1e6,
      );
      const text = await readFile(join(dir, `${FP_HEAD}.jsonl`), 'utf8');
      expect(text).not.toContain('zq-known-secret-value-4711');
      expect(text).toContain('"k":"a|0|1"');
    } finally {
      clearKnownSecrets();
    }
  });

  it('skips files over the bound, odd names, cut lines and errored traces', async () => {
    await writeFile(
      join(dir, `${FP_HEAD}.jsonl`),
      '{"k":"a|0|1","t":{"output":"ok"}}\n{"k":"e|0|1","t":{"output":"","error":"x"}}\n{"k":"cut',
    );
    await writeFile(join(dir, `${FP_BASE}.jsonl`), 'x'.repeat(5000));
    await writeFile(join(dir, 'notes.jsonl'), '{"k":"n|0|1","t":{"output":"n"}}\n');
    const loaded = await loadEntries(dir, 1000);
    expect([...loaded.keys()]).toEqual([FP_HEAD]);
    expect([...loaded.get(FP_HEAD)!.keys()]).toEqual(['a|0|1']);
  });
});

describe('restored entries rewritten on disk after they were read', () => {
  const rows = Array.from(
    { length: 50 },
    (_, i) => [`k${i}|0|1`, `trace ${i}`] as [string, string],
  );

  it('are misses, never served nor saved; the folder can be deleted once read', async () => {
    await writeEntries(dir, entries(FP_BASE, rows), 1e6);
    const path = join(dir, `${FP_BASE}.jsonl`);
    const store = new ActionTraceStore(await loadEntries(dir, 1e6));
    // The PR's code runs now: it rewrites one trace in place (same length) and appends another.
    const text = await readFile(path, 'utf8');
    await writeFile(
      path,
      text.replace('"trace 7"', '"poison!"') + '{"k":"planted|0|1","t":{"output":"p"}}\n',
    );
    const base = await store.side(FP_BASE, 'base');
    expect(base.bucket.get('k7|0|1')?.output).not.toBe('poison!');
    expect(base.bucket.get('k8|0|1')?.output).toBe('trace 8');
    expect(base.bucket.get('planted|0|1')).toBeUndefined();
    // Deleting the file changes nothing either: the descriptor opened before serves.
    await rm(dir, { recursive: true, force: true });
    expect(base.bucket.get('k9|0|1')?.output).toBe('trace 9');
    const head = await store.side(FP_HEAD, 'head');
    head.bucket.put('n|0|1', trace('new'));
    expect(head.bucket.get('n|0|1')?.output).toBe('new');
    const saved = inMemory(store.branchEntries());
    expect(saved.get(FP_HEAD)).toEqual(new Map([['n|0|1', trace('new')]]));
  });
});

describe('cacheSetting', () => {
  it('reads cache: false and max_mb without loading the suite', () => {
    expect(cacheSetting('version: 1\ncache: false\n', 'e.yml')).toEqual({ off: true });
    expect(cacheSetting('cache:\n  max_mb: 5\n', 'e.yml')).toEqual({ off: false, maxMb: 5 });
    expect(cacheSetting('trials: 2\n', 'e.yml')).toEqual({ off: false, maxMb: undefined });
    expect(cacheSetting('cache: [', 'e.yml')).toEqual({ off: false });
  });
});

describe('the accept label on a stored comparison', () => {
  const pair = (headFails: number) => ({
    base: makeResults(
      Array.from({ length: 100 }, (_, i) => ({
        id: `c${i}`,
        trials: trials('refusal_policy', 3, 3),
      })),
      { label: 'base' },
    ),
    head: makeResults(
      Array.from({ length: 100 }, (_, i) => ({
        id: `c${i}`,
        trials: trials('refusal_policy', i < headFails ? 0 : 3, 3),
      })),
      { label: 'head' },
    ),
  });

  it('withAccepted is exactly what compare makes with the label, both ways', () => {
    const { base, head } = pair(20);
    const off = compare(base, head, {});
    const on = compare(base, head, { accepted: true });
    expect(off.verdict).toBe('block');
    expect(withAccepted(off, true)).toEqual(on);
    expect(withAccepted(on, false)).toEqual(off);
    expect(withAccepted(off, false)).toBe(off);
  });

  it('a pass stays a pass without an accepted mark', () => {
    const { base, head } = pair(0);
    const off = compare(base, head, {});
    expect(withAccepted(off, true)).toEqual(compare(base, head, { accepted: true }));
    expect(withAccepted(off, true).accepted).toBeUndefined();
  });

  it("is stored without the label, read back only for the same shas, relabelled by the gate's label", async () => {
    const { base, head } = pair(20);
    const accepted = compare(base, head, { accepted: true });
    const stored = storedVerdict(accepted, { base: 'b1', head: 'h1' }, { baseSource: 'run' });
    expect(stored.comparison.verdict).toBe('block');
    await writeFile(join(dir, 'verdict.json'), JSON.stringify(stored));
    expect(await readStoredVerdict(dir, { base: 'b1', head: 'h2' })).toBeUndefined();
    expect(await readStoredVerdict(dir, { base: 'b2', head: 'h1' })).toBeUndefined();
    const back = (await readStoredVerdict(dir, { base: 'b1', head: 'h1' }))!;
    expect(relabel(back, ['bug'])).toEqual(compare(base, head, {}));
    expect(relabel(back, ['bug', accepted.gate.accept_label])).toEqual(accepted);
    expect(await readStoredVerdict(join(dir, 'missing'), { base: 'b1', head: 'h1' })).toBe(
      undefined,
    );
  });

  it('keys differ by commit and inputs; only label events reuse', () => {
    expect(verdictKey('e.yml', 'b', 'h', 'i')).not.toBe(verdictKey('e.yml', 'b', 'h2', 'i'));
    expect(verdictKey('e.yml', 'b', 'h', 'i')).not.toBe(verdictKey('e.yml', 'b', 'h', 'j'));
    expect(isLabelEvent('labeled')).toBe(true);
    expect(isLabelEvent('unlabeled')).toBe(true);
    expect(isLabelEvent('synchronize')).toBe(false);
    expect(isLabelEvent(undefined)).toBe(false);
  });

  it("the event's action is read from the payload", () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'o/r' };
    const pr = { number: 1, head: { sha: 'h', repo: { full_name: 'o/r' } }, base: { sha: 'b' } };
    expect(eventInfo(env, { action: 'labeled', pull_request: pr }).action).toBe('labeled');
    expect(eventInfo(env, { pull_request: pr }).action).toBeUndefined();
  });
});
