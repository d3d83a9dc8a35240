/**
 * The gate and calibration: a regression that rests on a judge below the floors does not block
 * (its mode says why), one with a calibrated judge does, other checks of the mode still block on
 * their own; and the figures come from the base commit, never from the PR.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { judgeIdentity, type Calibration, type JudgeGate } from '../src/calibrate/index.ts';
import { compare } from '../src/compare/index.ts';
import { runPr } from '../src/pipeline/pr.ts';
import { renderComment } from '../src/report/index.ts';
import type { Results } from '../src/types.ts';
import { makeResults } from './helpers/compare-results.ts';
import { completion, startFakeOpenAI, type FakeOpenAI } from './helpers/openai-server.ts';
import { suiteDir } from './helpers/suite-dir.ts';

vi.setConfig({ testTimeout: 120_000 });

const NOTE = 'judge not calibrated (kappa 0.41 on 23 labels)';

/** 30 cases; `quality` passes everywhere on base and fails on 20 head cases. */
function sides(twoChecks: boolean): { base: Results; head: Results } {
  const mk = (label: string, failing: number) =>
    makeResults(
      Array.from({ length: 30 }, (_, i) => {
        const s = i < failing ? 'fail' : 'pass';
        const t = twoChecks ? { quality: s, quality_det: s } : { quality: s };
        return { id: `c${i}`, trials: [t, t, t] as Record<string, 'pass' | 'fail'>[] };
      }),
      { label },
    );
  const base = mk('base', 0);
  const head = mk('head', 20);
  if (twoChecks)
    // Two checks of the same mode: index 0 a judge, index 1 a deterministic check.
    for (const r of [base, head])
      for (const c of r.cases) {
        c.modes = ['quality'];
        for (const t of c.trials) for (const k of t.checks) k.mode = 'quality';
      }
  delete base.meta.failure_modes.quality_det;
  delete head.meta.failure_modes.quality_det;
  return { base, head };
}

function judges(calibrated: boolean): JudgeGate {
  return {
    modes: {
      quality: [
        {
          title: 'helpful',
          calibrated,
          note: calibrated ? 'judge calibrated (kappa 0.85 on 30 labels)' : NOTE,
        },
      ],
    },
    uncalibrated: calibrated
      ? new Map()
      : new Map(Array.from({ length: 30 }, (_, i) => [`c${i}`, new Set([0])])),
  };
}

describe('compare with judges', () => {
  it('a regression resting on an uncalibrated judge does not block, and says why', () => {
    const { base, head } = sides(false);
    expect(compare(base, head).verdict).toBe('block');
    const c = compare(base, head, { judges: judges(false) });
    expect(c.verdict).toBe('pass');
    const m = c.modes.find((x) => x.mode === 'quality')!;
    expect(m).toMatchObject({ verdict: 'regressed', blocking: false, demoted: NOTE });
    expect(c.reasons.join('\n')).toContain(`does not block: ${NOTE}`);
    const comment = renderComment(c);
    expect(comment).toContain(`🟠 regressed (not blocking): ${NOTE.replace(/[()]/g, '\\$&')}`);
    expect(comment).toContain('its regression rests on uncalibrated judges and does not block');
  });

  it('a calibrated judge blocks', () => {
    const { base, head } = sides(false);
    const c = compare(base, head, { judges: judges(true) });
    expect(c.verdict).toBe('block');
    const m = c.modes.find((x) => x.mode === 'quality')!;
    expect(m.blocking).toBe(true);
    expect(m.demoted).toBeUndefined();
    expect(m.judges).toEqual([
      { title: 'helpful', calibrated: true, note: 'judge calibrated (kappa 0.85 on 30 labels)' },
    ]);
  });

  it("an uncalibrated judge does not stop the mode's other checks from blocking", () => {
    const { base, head } = sides(true);
    const c = compare(base, head, { judges: judges(false) });
    expect(c.verdict).toBe('block');
    const m = c.modes.find((x) => x.mode === 'quality')!;
    expect(m.blocking).toBe(true);
    expect(m.demoted).toBeUndefined();
    expect(renderComment(c)).toContain('failures of uncalibrated judges cannot block');
  });
});

describe('evalgate pr reads the calibration at the base commit', () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI();
    // The judge passes an answer of "ok".
    server.model = (body) => {
      const prompt = String(body.messages?.at(-1)?.content ?? '');
      const pass = /Final answer:\nok\n/.test(prompt);
      return completion({ content: JSON.stringify({ pass, reason: pass ? 'fine' : 'not ok' }) });
    };
  });
  afterAll(() => server.close());

  const system = readFileSync(join(import.meta.dirname, 'fixtures', 'run', 'system.mjs'), 'utf8');
  const ids = Array.from({ length: 12 }, (_, i) => `case-${i}`);
  const spec = { type: 'judge', rubric: 'The answer is ok.', mode: 'quality' };

  function calibration(kappa: number, n: number): string {
    const cal: Calibration = {
      schema: 'evalgate/calibration@1',
      created_at: '2026-01-01T00:00:00Z',
      model: 'judge-mini',
      floors: { min_kappa: 0.6, min_labels: 20, min_true_fail_rate: 0.7 },
      judges: [
        {
          ...judgeIdentity(spec),
          model: 'judge-mini',
          n,
          confusion: { pass_pass: 0, pass_fail: 0, fail_pass: 0, fail_fail: 0 },
          agreement: 0.8,
          kappa,
          kappa_ci: [kappa - 0.2, Math.min(1, kappa + 0.2)],
          true_pass_rate: 0.9,
          true_fail_rate: 0.9,
          errors: 0,
          disagreements: [],
        },
      ],
      skipped: [],
    };
    return JSON.stringify(cal);
  }

  /** Base: the good system and `baseCal`; head: a regressed system and a rosier calibration. */
  function repo(baseCal: string): string {
    const dir = suiteDir({
      'system.mjs': system,
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {quality: critical}
trials: 2
concurrency: 8
judge: {model: judge-mini, base_url: "${server.url}", calibration: calibration.json}
`,
      'cases.jsonl': ids.map((id) => JSON.stringify({ id, input: {}, checks: [spec] })).join('\n'),
      'calibration.json': baseCal,
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
    writeFileSync(join(dir, 'behaviour.json'), JSON.stringify({ fail: ids.slice(0, 9) }));
    // The PR marks its own judge calibrated: this must not count.
    writeFileSync(join(dir, 'calibration.json'), calibration(0.95, 50));
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
    return dir;
  }

  const pr = (dir: string) =>
    runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      env: { OPENAI_API_KEY: '' },
    });

  it('a judge the base measured below the floors cannot block, whatever the PR commits', async () => {
    const { comparison } = await pr(repo(calibration(0.41, 23)));
    const m = comparison.modes.find((x) => x.mode === 'quality')!;
    expect(m.verdict).toBe('regressed');
    expect(m.demoted).toBe(NOTE);
    expect(comparison.verdict).toBe('pass');
  });

  it('a judge the base measured above the floors blocks', async () => {
    const { comparison } = await pr(repo(calibration(0.82, 30)));
    const m = comparison.modes.find((x) => x.mode === 'quality')!;
    expect(m.judges?.[0]).toMatchObject({
      calibrated: true,
      note: 'judge calibrated (kappa 0.82 on 30 labels)',
    });
    expect(comparison.verdict).toBe('block');
  });

  it('without figures at the base, the judge is uncalibrated', async () => {
    const { comparison } = await pr(repo('not json'));
    const m = comparison.modes.find((x) => x.mode === 'quality')!;
    expect(m.demoted).toBe(
      'judge not calibrated (calibration.json at the base commit is not a calibration file)',
    );
    expect(comparison.verdict).toBe('pass');
  });
});
