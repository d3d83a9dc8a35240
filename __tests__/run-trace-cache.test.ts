/**
 * The trace cache, for real: a command target in a temporary git repository appends a line to a
 * counter file per call, so each test counts the target calls a run made.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runPr } from '../src/pipeline/pr.ts';
import { runSuite } from '../src/pipeline/run-suite.ts';
import { renderComment, renderTextReport } from '../src/report/index.ts';
import { runTrials } from '../src/run/runner.ts';
import { systemFingerprint, TraceCache, traceCacheDir } from '../src/run/trace-cache.ts';
import { loadSuite } from '../src/suite/index.ts';
import { createTarget } from '../src/targets/index.ts';
import type { Results } from '../src/types.ts';
import { suiteDir } from './helpers/suite-dir.ts';

vi.setConfig({ testTimeout: 120_000 });

const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');
const ids = ['a', 'b', 'c', 'd'];

/** Answers "ok: <q>" and appends a line to the counter file; errors on the input "boom". */
function system(counter: string, note = ''): string {
  return `// ${note}
import { appendFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const c = JSON.parse(input);
  appendFileSync(${JSON.stringify(counter)}, c.id + ' ' + c.trial + '\\n');
  if (c.input.q === 'boom') process.exit(3);
  const usage = { input_tokens: 10, output_tokens: 5, cost_usd: 1 };
  process.stdout.write(JSON.stringify({ output: 'ok: ' + c.input.q, usage }) + '\\n');
});
`;
}

function cases(value = 'ok', inputs: Record<string, string> = {}): string {
  return ids
    .map((id) =>
      JSON.stringify({
        id,
        input: { q: inputs[id] ?? id },
        checks: [{ type: 'contains', value, mode: 'correct' }],
      }),
    )
    .join('\n');
}

const CONFIG = `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 2
concurrency: 4
timeout: 10s
retries: 0
`;

function gitIn(dir: string) {
  return (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t.invalid',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    });
}

/** A committed repository holding the counting system and a suite; its counter. */
function repo(files: Record<string, string> = {}) {
  const counter = join(mkdtempSync(join(tmpdir(), 'evalgate-counter-')), 'calls');
  writeFileSync(counter, '');
  const dir = suiteDir({
    'system.mjs': system(counter),
    'evalgate.yml': CONFIG,
    'cases.jsonl': cases(),
    ...files,
  });
  const git = gitIn(dir);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  let seen = 0;
  /** Target calls since the last look. */
  const calls = () => {
    const lines = readFileSync(counter, 'utf8').split('\n').filter(Boolean);
    const n = lines.length - seen;
    seen = lines.length;
    return n;
  };
  return { dir, counter, git, calls };
}

async function run(dir: string, extra: Partial<Parameters<typeof runSuite>[0]> = {}) {
  return runSuite({ suite: await loadSuite(join(dir, 'evalgate.yml')), ...extra });
}

const outputs = (r: Results) => r.cases.flatMap((c) => c.trials.map((t) => t.trace.output));

describe('the trace cache', () => {
  it('serves a trace already held, and checks still run on it', async () => {
    const { dir, calls } = repo();
    const first = await run(dir);
    expect(calls()).toBe(8);
    expect(first.meta.cache).toEqual({ hits: 0, misses: 8 });
    // The check changes (a dataset edit): the system is the same, so no call; the new check runs.
    writeFileSync(join(dir, 'cases.jsonl'), cases('nope'));
    const second = await run(dir);
    expect(calls()).toBe(0);
    expect(second.meta.cache).toEqual({ hits: 8, misses: 0 });
    expect(outputs(second)).toEqual(outputs(first));
    expect(second.meta.counts).toMatchObject({ pass: 0, fail: 8 });
    expect(second.cases[0].trials.every((t) => t.cached)).toBe(true);
  });

  it('misses when a file of the system changes, and never serves another fingerprint', async () => {
    const { dir, counter, calls } = repo();
    await run(dir);
    calls();
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    const original = await systemFingerprint(dir, suite, 'evalgate.yml');
    // Poison the original system's entries: they must not answer the changed system.
    const bucket = join(traceCacheDir(dir), `${original}.jsonl`);
    writeFileSync(bucket, readFileSync(bucket, 'utf8').replaceAll('ok: ', 'poisoned: '));
    writeFileSync(join(dir, 'system.mjs'), system(counter, 'an edited prompt'));
    expect(await systemFingerprint(dir, suite, 'evalgate.yml')).not.toBe(original);
    const changed = await run(dir);
    expect(calls()).toBe(8);
    expect(changed.meta.cache).toEqual({ hits: 0, misses: 8 });
    expect(outputs(changed).some((o) => o.includes('poisoned'))).toBe(false);
    // Back to the original system: its (poisoned) entries are the ones served.
    writeFileSync(join(dir, 'system.mjs'), system(counter));
    const back = await run(dir);
    expect(calls()).toBe(0);
    expect(outputs(back).every((o) => o.startsWith('poisoned: '))).toBe(true);
  });

  it('misses for a changed case input, and for a trial index it does not hold', async () => {
    const { dir, calls } = repo();
    await run(dir);
    calls();
    writeFileSync(join(dir, 'cases.jsonl'), cases('ok', { b: 'something else' }));
    const edited = await run(dir);
    expect(calls()).toBe(2);
    expect(edited.meta.cache).toEqual({ hits: 6, misses: 2 });
    // Trials 0 and 1 are held; trial 2 is not, and no other index's trace answers it.
    const more = await run(dir, { trials: 3 });
    expect(calls()).toBe(4);
    expect(more.meta.cache).toEqual({ hits: 8, misses: 4 });
    expect(
      more.cases.flatMap((c) => c.trials.filter((t) => t.cached).map((t) => t.trial)),
    ).not.toContain(2);
  });

  it('misses for another stage', async () => {
    const { dir, calls } = repo();
    await run(dir);
    calls();
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    const cache = new TraceCache(traceCacheDir(dir));
    const side = await cache.side(await systemFingerprint(dir, suite, 'evalgate.yml'));
    const target = await createTarget(suite.config.target, { rootDir: dir, concurrency: 4 });
    try {
      const plan = {
        suite,
        cases: suite.cases,
        trials: 2,
        concurrency: 4,
        timeoutMs: 10_000,
        retries: 0,
      };
      const sides = [{ label: 'run', target, cache: side }];
      await runTrials({ ...plan, sides, stage: 1 });
      expect(calls()).toBe(0);
      await runTrials({ ...plan, sides, stage: 2 });
      expect(calls()).toBe(8);
      expect(side).toMatchObject({ hits: 8, misses: 8 });
    } finally {
      await target.close();
      await cache.close();
    }
  });

  it('counts no cost for a cached trace against max_cost', async () => {
    const { dir, calls } = repo();
    await run(dir);
    calls();
    const held = await run(dir, { maxCost: 3 });
    expect(calls()).toBe(0);
    expect(held.meta.stopped).toBeUndefined();
    expect(held.meta.counts.trials).toBe(8);
  });

  it('retries errored traces instead of serving them', async () => {
    const { dir, calls } = repo({ 'cases.jsonl': cases('ok', { a: 'boom' }) });
    const first = await run(dir);
    expect(first.meta.counts.error).toBe(2);
    expect(calls()).toBe(8);
    const second = await run(dir);
    expect(calls()).toBe(2);
    expect(second.meta.cache).toEqual({ hits: 6, misses: 2 });
  });

  it('is off with --no-cache and with cache: false', async () => {
    const { dir, calls } = repo();
    await run(dir);
    calls();
    const off = await run(dir, { noCache: true });
    expect(calls()).toBe(8);
    expect(off.meta.cache).toBeUndefined();
    writeFileSync(join(dir, 'evalgate.yml'), CONFIG + 'cache: false\n');
    await run(dir);
    expect(calls()).toBe(8);
    // The command line says what was saved, and --no-cache calls the target.
    writeFileSync(join(dir, 'evalgate.yml'), CONFIG);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'run', '--quiet', ...args], { cwd: dir, encoding: 'utf8' });
    expect(cli().stdout).toContain('trace cache: 0 of 8 target calls: all from cache');
    expect(calls()).toBe(0);
    expect(cli('--no-cache').stdout).not.toContain('trace cache');
    expect(calls()).toBe(8);
  });

  it('fingerprints the cache.files globs, also outside git (and is off there without them)', async () => {
    const counter = join(mkdtempSync(join(tmpdir(), 'evalgate-counter-')), 'calls');
    writeFileSync(counter, '');
    const dir = suiteDir({
      'system.mjs': system(counter),
      'evalgate.yml': CONFIG,
      'cases.jsonl': cases(),
      'notes.txt': 'a',
    });
    const count = () => readFileSync(counter, 'utf8').split('\n').filter(Boolean).length;
    await run(dir);
    await run(dir);
    expect(count()).toBe(16);
    writeFileSync(join(dir, 'evalgate.yml'), CONFIG + 'cache: {files: ["*.mjs"]}\n');
    await run(dir);
    const held = await run(dir);
    expect(count()).toBe(24);
    expect(held.meta.cache).toEqual({ hits: 8, misses: 0 });
    // A file outside the globs does not change the system; one inside does.
    writeFileSync(join(dir, 'notes.txt'), 'b');
    await run(dir);
    expect(count()).toBe(24);
    writeFileSync(join(dir, 'system.mjs'), system(counter, 'edited'));
    await run(dir);
    expect(count()).toBe(32);
  });

  it('stays within cache.max_mb, dropping the oldest systems first', async () => {
    const { dir, counter } = repo();
    await run(dir);
    writeFileSync(join(dir, 'system.mjs'), system(counter, 'second system'));
    writeFileSync(join(dir, 'evalgate.yml'), CONFIG + 'cache: {max_mb: 0.0001}\n');
    await run(dir);
    // The folder is over the bound with two systems: only the one just used stays.
    expect(readdirSync(traceCacheDir(dir)).filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);
  });
});

describe('a pull request that changes only checks, modes or the gate', () => {
  it('calls the target zero times on either side once the traces are held', async () => {
    const { dir, git, calls } = repo();
    git('tag', 'base');
    writeFileSync(join(dir, 'cases.jsonl'), cases('ok:'));
    writeFileSync(join(dir, 'evalgate.yml'), CONFIG.replace('critical', 'major'));
    git('commit', '-q', '-am', 'head: checks and modes only');
    const pr = () => runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
    const first = await pr();
    expect(calls()).toBeGreaterThan(0);
    expect(first.comparison.verdict).toBe('pass');
    const second = await pr();
    expect(calls()).toBe(0);
    expect(second.base.meta.cache).toEqual({ hits: 8, misses: 0 });
    expect(second.head.meta.cache).toEqual({ hits: 8, misses: 0 });
    expect(second.comparison.verdict).toBe('pass');
    expect(renderComment(second.comparison)).toContain('0 of 16 target calls: all from cache');
    expect(renderTextReport(second.comparison)).toContain(
      'Trace cache: 0 of 16 target calls: all from cache',
    );
    // --no-cache runs both sides again.
    await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml', noCache: true });
    expect(calls()).toBe(16);
  });
});
