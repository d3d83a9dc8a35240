/**
 * The pairwise judge in `evalgate pr` (runPr in a real temporary git repository, the judge an
 * OpenAI-compatible server on 127.0.0.1): head trial k is compared with base trial k in both
 * orders; a head worse than the base regresses the mode, a position-biased judge does not.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runPr } from '../src/pipeline/pr.ts';
import { runSuite } from '../src/pipeline/run-suite.ts';
import { REFERENCE } from '../src/checks/model/pairwise-check.ts';
import { renderComment, renderTextReport } from '../src/report/index.ts';
import { loadSuite } from '../src/suite/index.ts';
import { completion, startFakeOpenAI, type FakeOpenAI } from './helpers/openai-server.ts';
import { suiteDir } from './helpers/suite-dir.ts';

vi.setConfig({ testTimeout: 120_000 });

const root = join(import.meta.dirname, '..');
const system = readFileSync(join(root, '__tests__', 'fixtures', 'run', 'system.mjs'), 'utf8');
const ids = Array.from({ length: 10 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.usage = { prompt_tokens: 1000, completion_tokens: 50 };
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.seen.length = 0;
});

/** The final answer shown as A or B in a pairwise prompt. */
function answerOf(user: string, which: 'a' | 'b'): string {
  const s = user.slice(user.indexOf(`\n<answer_${which}>\n`), user.indexOf(`\n</answer_${which}>`));
  return s.slice(s.indexOf('Final answer:') + 'Final answer:'.length).trim();
}

/** Prefers an answer saying "ok" over one saying "nope", wherever it is shown. */
const consistent = (body: any) => {
  const user = body.messages[1].content as string;
  const a = answerOf(user, 'a');
  const b = answerOf(user, 'b');
  const better = a === b ? 'same' : a === 'ok' ? 'A' : 'B';
  return completion({ content: JSON.stringify({ better, reason: `"${better}" reads better` }) });
};

/** Always prefers whichever answer is shown first. */
const biased = () =>
  completion({ content: JSON.stringify({ better: 'A', reason: 'the first is better' }) });

const config = () => `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {tone: critical}
trials: 2
concurrency: 4
timeout: 10s
judge: {model: judge-mini, base_url: "${fake.url}"}
prices: {judge-mini: {input: 1, output: 2}}
gate: {adaptive: false}
`;

const cases = ids
  .map((id) =>
    JSON.stringify({
      id,
      input: { q: id },
      checks: [{ type: 'pairwise', rubric: 'Says ok.', mode: 'tone' }],
    }),
  )
  .join('\n');

/**
 * A repo whose `base` tag answers "nope" for `baseWorse` and "ok" elsewhere; its head answers
 * "nope" for `worse`.
 */
function repo(worse: string[], baseWorse: string[] = []) {
  const dir = suiteDir({
    'system.mjs': system,
    'evalgate.yml': config(),
    'cases.jsonl': cases,
    '.gitignore': '.evalgate/\n',
    'behaviour.json': JSON.stringify({ fail: baseWorse }),
  });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
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
  writeFileSync(join(dir, 'behaviour.json'), JSON.stringify({ fail: worse }));
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  return dir;
}

describe('pairwise in evalgate pr', () => {
  it('a head worse than the base in both orders regresses the mode; base trials are the reference', async () => {
    fake.model = consistent;
    const dir = repo(ids.slice(0, 8));
    try {
      const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
      const mode = out.comparison.modes.find((m) => m.mode === 'tone')!;
      expect(mode.verdict).toBe('regressed');
      expect(out.comparison.verdict).toBe('block');
      expect(mode.base).toMatchObject({ passes: 20, trials: 20 });
      expect(mode.head).toMatchObject({ passes: 4, trials: 20 });
      // Two requests (both orders) per distinct pair: the trials of a case answer alike, so their
      // pairs share the judge's answers; where base and head answer alike both orders are one
      // question (8 x 2 + 2 x 1).
      expect(fake.seen).toHaveLength(18);
      const worse = out.head.cases.find((c) => c.id === 'case-00')!;
      expect(worse.trials.map((t) => t.status)).toEqual(['fail', 'fail']);
      expect(worse.trials[0].checks[0]).toMatchObject({
        type: 'pairwise',
        status: 'fail',
        reason: 'head worse than base in both orders: "B" reads better',
      });
      // One of its trials paid for both orders; the other reused the answers.
      expect(worse.trials.map((t) => t.checks[0].usage?.input_tokens ?? 0).sort()).toEqual([
        0, 2000,
      ]);
      const same = out.head.cases.find((c) => c.id === 'case-09')!;
      expect(same.trials[1].checks[0]).toMatchObject({
        status: 'pass',
        reason: expect.stringMatching(/^head as good as base in both orders/),
      });
      for (const c of out.base.cases)
        for (const t of c.trials) {
          expect(t.status).toBe('pass');
          expect(t.checks[0]).toEqual(
            expect.objectContaining({ status: 'pass', reason: REFERENCE }),
          );
          expect(t.checks[0].usage).toBeUndefined();
        }
      // The judge's cost is the head's (it graded the head's answers), apart from the system's.
      expect(out.head.meta.judge_usage).toEqual({
        input_tokens: 18_000,
        output_tokens: 900,
        cost_usd: 0.0198,
      });
      expect(out.base.meta.judge_usage).toBeUndefined();
      expect(out.head.meta.counts).toMatchObject({ trials: 20, pass: 4, fail: 16, error: 0 });
      expect(renderComment(out.comparison)).toContain('tone');
      expect(renderTextReport(out.comparison)).toContain('Judge cost: $0 -> $0.02');
      expect(renderComment(out.comparison)).toContain('| Cost (judge) | $0 | $0.02 | +$0.02 |');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a position-biased judge: the orders disagree, every pair is a tie, the head is not failed', async () => {
    fake.model = biased;
    const dir = repo(ids.slice(0, 8));
    try {
      const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
      const mode = out.comparison.modes.find((m) => m.mode === 'tone')!;
      expect(mode.head).toMatchObject({ passes: 20, trials: 20 });
      expect(mode.verdict).not.toBe('regressed');
      expect(out.comparison.verdict).not.toBe('block');
      expect(out.head.cases[0].trials[0].checks[0].reason).toMatch(
        /^tie: the judge preferred whichever answer came first/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a head that wins as many pairs as it loses does not regress (the base is not always right)', async () => {
    fake.model = consistent;
    // The head breaks 4 cases and fixes 4 others: as often worse as better than the base.
    const dir = repo(ids.slice(0, 4), ids.slice(4, 8));
    try {
      const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
      const mode = out.comparison.modes.find((m) => m.mode === 'tone')!;
      expect(mode.head).toMatchObject({ passes: 12, trials: 20 });
      expect(mode.base).toMatchObject({ passes: 12, trials: 20 });
      expect(mode.verdict).not.toBe('regressed');
      expect(out.comparison.verdict).not.toBe('block');
      const fixed = out.base.cases.find((c) => c.id === 'case-05')!;
      expect(fixed.trials[0].checks[0]).toMatchObject({
        status: 'fail',
        reason: 'head better than base in both orders: "A" reads better',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cached baseline (from evalgate run, where pairwise errored) is paired with the head', async () => {
    fake.model = consistent;
    const dir = repo(ids.slice(0, 8));
    const baseCopy = suiteDir({
      'system.mjs': system,
      'evalgate.yml': config(),
      'cases.jsonl': cases,
    });
    try {
      const baseline = await runSuite({
        suite: await loadSuite(join(baseCopy, 'evalgate.yml')),
        label: 'base',
      });
      expect(baseline.meta.counts.error).toBe(20);
      const out = await runPr({
        repoDir: dir,
        baseRef: 'base',
        configPath: 'evalgate.yml',
        baseline,
      });
      expect(out.baseSource).toBe('baseline');
      expect(out.base.meta.counts).toMatchObject({ trials: 20, pass: 20, error: 0 });
      expect(out.comparison.modes.find((m) => m.mode === 'tone')!.verdict).toBe('regressed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(baseCopy, { recursive: true, force: true });
    }
  });

  it('a judge error is an error on both sides of the pair, never a pass', async () => {
    fake.model = () => completion({ content: 'B is better' });
    const dir = repo(ids.slice(0, 2));
    try {
      const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml' });
      const h = out.head.cases[0].trials[0];
      const b = out.base.cases[0].trials[0];
      expect(h.status).toBe('error');
      expect(h.checks[0].reason).toContain('returned malformed output');
      expect(b.status).toBe('error');
      expect(b.checks[0].reason).toBe(h.checks[0].reason);
      expect(out.comparison.verdict).toBe('error');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in evalgate run (one side) a pairwise check is an error saying why', async () => {
    fake.model = consistent;
    const dir = suiteDir({ 'system.mjs': system, 'evalgate.yml': config(), 'cases.jsonl': cases });
    try {
      const r = await runSuite({ suite: await loadSuite(join(dir, 'evalgate.yml')), trials: 1 });
      expect(r.meta.counts).toMatchObject({ trials: 10, error: 10 });
      expect(r.cases[0].trials[0].checks[0]).toMatchObject({
        status: 'error',
        reason: expect.stringContaining('pairwise needs a base: run it in evalgate pr'),
      });
      expect(fake.seen).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
