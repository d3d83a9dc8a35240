/**
 * `runPr` in a real temporary git repository: the gate comes from the base commit's config (a PR
 * cannot loosen the gate it is judged by), the accept label is the base's, explicit overrides
 * still win, removed cases show, and a cached baseline keeps the base side complete.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runPr } from '../src/pipeline/pr.ts';
import { renderComment, renderTextReport } from '../src/report/index.ts';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

// Each runPr spawns the system once per case, trial and side; the CPU is shared in CI.
vi.setConfig({ testTimeout: 120_000 });

const root = join(import.meta.dirname, '..');
const system = readFileSync(join(root, '__tests__', 'fixtures', 'run', 'system.mjs'), 'utf8');
const ids = Array.from({ length: 12 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

const CONFIG = `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 2
concurrency: 8
timeout: 10s
`;

/** A repo whose `base` tag holds `files`; the working tree then gets `head` on top. */
function repo(files: Record<string, string>, head: Record<string, string | null>) {
  const dir = suiteDir({ 'system.mjs': system, ...files });
  const git = (...args: string[]) =>
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
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('tag', 'base');
  for (const [name, text] of Object.entries(head)) {
    if (text === null) rmSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  return dir;
}

const regress = JSON.stringify({ fail: ids.slice(0, 7) });

describe('the gate of a PR comes from the base commit', () => {
  it('a PR setting gate.block: [] and lowering its mode does not pass its own regression', async () => {
    const dir = repo(
      { 'evalgate.yml': CONFIG, 'cases.jsonl': okCases(ids) },
      {
        'behaviour.json': regress,
        'evalgate.yml': CONFIG.replace('correct: critical', 'correct: info').concat(
          'gate: {block: [], accept_label: ok-to-merge}\n',
        ),
      },
    );
    const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
    const c = out.comparison;
    expect(c.verdict).toBe('block');
    expect(c.gate.block).toEqual(['critical', 'major']);
    expect(c.modes[0]).toMatchObject({ mode: 'correct', severity: 'critical', blocking: true });
    expect(out.gate.source).toBe('base');
    expect(c.gate_note).toBe(
      'This PR changes the gate (block: critical, major → none; accept_label: eval-regression-accepted → ok-to-merge; correct severity: critical → info); the change takes effect after merge.',
    );
    const comment = renderComment(c);
    expect(comment).toMatch(/^❌ \*\*Blocked\*\*/);
    expect(comment).toContain('the change takes effect after merge.');
    expect(renderTextReport(c)).toContain(
      'This PR changes the gate (block: critical, major → none',
    );

    // The label that accepts is the base's, not the one the PR wrote into its own config.
    const own = await runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      labels: ['ok-to-merge'],
    });
    expect(own.comparison.verdict).toBe('block');
    const trustedLabel = await runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      labels: ['eval-regression-accepted'],
    });
    expect(trustedLabel.comparison).toMatchObject({ verdict: 'pass', accepted: true });

    // Explicit overrides (the workflow's inputs, command-line flags) still win.
    const overridden = await runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      gate: { block: [] },
    });
    expect(overridden.comparison.verdict).toBe('pass');
    expect(overridden.comparison.gate_note).not.toMatch(/block:/);
  });

  it("a mode only on the head uses the head's severity", async () => {
    const withStyle = CONFIG.replace('correct: critical', 'correct: critical, style: minor');
    const dir = repo(
      { 'evalgate.yml': CONFIG, 'cases.jsonl': okCases(ids) },
      {
        'behaviour.json': regress,
        'evalgate.yml': withStyle,
        'cases.jsonl': okCases(ids, 'style'),
      },
    );
    const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
    expect(out.comparison.modes[0]).toMatchObject({ mode: 'style', severity: 'minor' });
    expect(out.comparison.verdict).toBe('pass');
    expect(out.comparison.gate_note).toBeUndefined();
  });

  it("a PR shrinking its own sample or trials runs the base's (the workflow's inputs still win)", async () => {
    const dir = repo(
      { 'evalgate.yml': CONFIG, 'cases.jsonl': okCases(ids) },
      {
        'behaviour.json': regress,
        'evalgate.yml': CONFIG.replace('trials: 2', 'trials: 1').concat(
          'pull_request: {sample: 1}\n',
        ),
      },
    );
    // The action and `evalgate pr` (without --full) run the config's sample: the base's.
    const out = await runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      configSample: true,
    });
    expect(out.head.cases).toHaveLength(12);
    expect(out.head.meta.trials).toBe(2);
    expect(out.head.cases.every((c) => c.trials.filter((t) => t.stage === 1).length === 2)).toBe(
      true,
    );
    expect(out.comparison.verdict).toBe('block');
    expect(out.comparison.gate_note).toBe(
      'This PR changes the gate (pull_request.sample: all cases → 1; trials: 2 → 1); the change takes effect after merge.',
    );
    // An explicit --trials / sample input (the workflow's) is not the PR's to change.
    const explicit = await runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      configSample: true,
      selection: { sample: 6 },
      trials: 1,
    });
    expect(explicit.head.cases).toHaveLength(6);
    expect(explicit.head.meta.trials).toBe(1);
    expect(explicit.comparison.gate_note).toBeUndefined();
  });

  it("without a config on the base, the head's gate applies and a line says so", async () => {
    const dir = repo(
      { 'cases.jsonl': okCases(ids) },
      { 'evalgate.yml': CONFIG.concat('gate: {alpha: 0.05}\n') },
    );
    const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
    expect(out.gate.source).toBe('head');
    expect(out.comparison.gate.alpha).toBe(0.05);
    expect(out.comparison.gate_note).toMatch(
      /^The base commit \([0-9a-f]{7}\) has no evalgate\.yml: this PR is gated by its own config's gate\.$/,
    );
  });
});

describe('removed cases', () => {
  it('are counted in the first lines, with how many passed on base; also from a cached baseline', async () => {
    const dir = repo(
      {
        'evalgate.yml': CONFIG,
        'cases.jsonl': okCases(ids),
        'behaviour.json': JSON.stringify({ fail: ['case-11'] }),
      },
      { 'cases.jsonl': okCases(ids.slice(0, 9)) },
    );
    const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
    const c = out.comparison;
    expect(c.counts.removed).toBe(3);
    expect(c.verdict).toBe('pass');
    expect(c.incomplete).toBeUndefined();
    const firstLines = renderComment(c).split('\n').slice(0, 6).join('\n');
    expect(firstLines).toContain('⚠️ 3 cases removed by this PR, 2 of them passing on base.');
    expect(renderTextReport(c)).toContain('! 3 cases removed from head, 2 of them passing on base');

    // With the base's results cached (what a baseline run stores), nothing runs on the base and
    // the removed cases come from the cache; the base side is still complete.
    const cached = await runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      baseline: out.base,
    });
    expect(cached.baseSource).toBe('baseline');
    expect(cached.comparison.counts.removed).toBe(3);
    expect(cached.comparison.incomplete).toBeUndefined();
    expect(cached.comparison.verdict).toBe('pass');
    expect(cached.base.meta.selected?.count).toBe(12);
  });
});
