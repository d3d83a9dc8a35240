/**
 * Judge calibration: the figures on a small labelled set with a known answer (kappa worked out by
 * hand below), `evalgate calibrate` end to end against an OpenAI-compatible server on 127.0.0.1
 * spoken to by the real `openai` client, labels from cases and from a labels file, and the
 * `human:` field's rules.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementOf, judgeStatus, parseLabels, traceHash } from '../src/calibrate/index.ts';
import { loadSuite } from '../src/suite/index.ts';
import { isSuiteError } from '../src/suite/errors.ts';
import type { Results } from '../src/types.ts';
import { completion, startFakeOpenAI, type FakeOpenAI } from './helpers/openai-server.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');

function evalgate(args: string[], cwd: string, env: Record<string, string> = {}, entry = [bin]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd,
      env: { ...process.env, OPENAI_API_KEY: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * The labelled set, by hand: 12 traces, the person's label and the judge's verdict.
 *
 *              judge pass  judge fail
 *   human pass      6           2        (8)
 *   human fail      1           3        (4)
 *                  (7)         (5)
 *
 * po = 9/12 = 0.75; pe = (8*7 + 4*5) / 144 = 76/144; kappa = (108 - 76) / (144 - 76) = 32/68 = 8/17.
 * SE = sqrt(po (1 - po) / (n (1 - pe)^2)) = sqrt((3/16) / (12 * (68/144)^2)) = 0.264706,
 * so the 95% interval is 8/17 -+ 1.959964 * 0.264706 = -0.048224 to 0.989401.
 * True-pass rate 6/8, true-fail rate 3/4.
 */
const KAPPA = 8 / 17;
const SE = Math.sqrt(3 / 16 / (12 * (68 / 144) ** 2));

describe('agreement figures', () => {
  it('match the hand-computed kappa, its interval and the rates', () => {
    const a = agreementOf({ pass_pass: 6, pass_fail: 2, fail_pass: 1, fail_fail: 3 });
    expect(a.n).toBe(12);
    expect(a.agreement).toBeCloseTo(0.75, 12);
    expect(a.kappa).toBeCloseTo(KAPPA, 12);
    expect(SE).toBeCloseTo(0.264706, 6);
    expect(a.kappa_ci![0]).toBeCloseTo(-0.048224, 5);
    expect(a.kappa_ci![1]).toBeCloseTo(0.989401, 5);
    expect(a.true_pass_rate).toBe(0.75);
    expect(a.true_fail_rate).toBe(0.75);
  });

  it('has no kappa when every label and verdict is the same (chance agreement 1)', () => {
    const a = agreementOf({ pass_pass: 10, pass_fail: 0, fail_pass: 0, fail_fail: 0 });
    expect(a.agreement).toBe(1);
    expect(a.kappa).toBeNull();
    expect(a.true_fail_rate).toBeNull();
    const floors = { min_kappa: 0.6, min_labels: 5, min_true_fail_rate: 0.7 };
    expect(judgeStatus(a, floors).calibrated).toBe(false);
  });

  it('a judge needs enough labels, kappa and true-fail rate to block', () => {
    const floors = { min_kappa: 0.6, min_labels: 20, min_true_fail_rate: 0.7 };
    const good = agreementOf({ pass_pass: 14, pass_fail: 1, fail_pass: 1, fail_fail: 7 });
    expect(judgeStatus(good, floors)).toEqual({
      calibrated: true,
      note: `judge calibrated (kappa ${good.kappa!.toFixed(2)} on 23 labels)`,
    });
    const poor = agreementOf({ pass_pass: 12, pass_fail: 3, fail_pass: 4, fail_fail: 4 });
    expect(judgeStatus(poor, floors)).toEqual({
      calibrated: false,
      note: `judge not calibrated (kappa ${poor.kappa!.toFixed(2)} on 23 labels)`,
    });
    // High kappa is not enough when the judge misses failures.
    const blind = agreementOf({ pass_pass: 40, pass_fail: 0, fail_pass: 3, fail_fail: 5 });
    expect(blind.kappa!).toBeGreaterThan(0.7);
    expect(judgeStatus(blind, floors)).toMatchObject({ calibrated: false });
    expect(judgeStatus(blind, floors).note).toContain('catches 63% of failures');
    expect(judgeStatus(good, { ...floors, min_labels: 30 }).note).toBe(
      'judge not calibrated (23 labels, needs 30)',
    );
    expect(judgeStatus(undefined, floors).note).toBe('judge not calibrated (no human labels)');
    expect(judgeStatus(undefined, { ...floors, min_labels: 0 }).calibrated).toBe(true);
  });
});

describe('labels file', () => {
  it('names the file and line of a bad label', () => {
    const ok = JSON.stringify({ trace_hash: 'a'.repeat(64), case: 'c1', check: 0, label: 'pass' });
    const text = `${ok}\n{"trace_hash": "abc", "case": "c2", "check": 1, "label": "fail"}\n${ok.replace('pass', 'maybe')}\nnot json\n`;
    let err: unknown;
    try {
      parseLabels(text, 'labels.jsonl');
    } catch (e) {
      err = e;
    }
    expect(isSuiteError(err)).toBe(true);
    const message = (err as Error).message;
    expect(message).toMatch(/^labels\.jsonl:2: trace_hash: must be the 64 hex digits/m);
    expect(message).toMatch(/^labels\.jsonl:3: label: /m);
    expect(message).toMatch(/^labels\.jsonl:4:\d+: invalid JSON/m);
    expect(parseLabels(ok, 'x')).toEqual([
      { trace_hash: 'a'.repeat(64), case: 'c1', check: 0, label: 'pass', line: 1 },
    ]);
  });
});

describe('human labels on a case', () => {
  const config = `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {quality: major}
judge: {model: judge-mini, base_url: "http://127.0.0.1:9/v1"}
`;
  const judged = (extra: Record<string, unknown>) =>
    JSON.stringify({
      id: 'c1',
      input: { q: 1 },
      checks: [{ type: 'judge', rubric: 'Be good.', mode: 'quality', ...extra }],
    });

  it('are accepted on judged checks and leave the case hash as it was', async () => {
    const plain = await loadSuite(
      join(suiteDir({ 'evalgate.yml': config, 'cases.jsonl': judged({}) }), 'evalgate.yml'),
    );
    const labelled = await loadSuite(
      join(
        suiteDir({
          'evalgate.yml': config,
          'cases.jsonl': judged({ human: { label: 'fail', note: 'rude' } }),
        }),
        'evalgate.yml',
      ),
    );
    expect(labelled.cases[0].checks[0].human).toEqual({ label: 'fail', note: 'rude' });
    expect(labelled.cases[0].hash).toBe(plain.cases[0].hash);
  });

  it('are refused on checks the judge does not grade, and when malformed', async () => {
    const dir = suiteDir({
      'evalgate.yml': config,
      'cases.jsonl': [
        JSON.stringify({
          id: 'c1',
          input: {},
          checks: [{ type: 'contains', value: 'x', mode: 'quality', human: 'pass' }],
        }),
        judged({ human: 'maybe' }).replace('"c1"', '"c2"'),
      ].join('\n'),
    });
    const err = await loadSuite(join(dir, 'evalgate.yml')).catch((e: unknown) => e);
    expect(isSuiteError(err)).toBe(true);
    expect((err as Error).message).toMatch(
      /cases\.jsonl:1: checks\[0\]\.human: human labels are for checks graded by the judge model/,
    );
    expect((err as Error).message).toMatch(
      /cases\.jsonl:2: checks\[0\]\.human: expected pass, fail or \{label: pass\|fail/,
    );
  });
});

describe('evalgate calibrate', () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI();
    // The judge: passes an answer that says GOOD.
    server.model = (body) => {
      const prompt = String(body.messages?.at(-1)?.content ?? '');
      const answer = /Final answer:\n([\s\S]*?)\n\n<\/trace>/.exec(prompt)?.[1] ?? '';
      const pass = answer.includes('GOOD');
      return completion({
        content: JSON.stringify({ pass, reason: pass ? 'says GOOD' : 'does not say GOOD' }),
      });
    };
  });
  afterAll(() => server.close());

  it('grades the labelled traces and reports kappa, rates and disagreements', async () => {
    // [answer, person's label, where the label is written]
    const set: [string, 'pass' | 'fail', 'case' | 'file'][] = [
      ['GOOD 1', 'pass', 'case'],
      ['GOOD 2', 'pass', 'case'],
      ['GOOD 3', 'pass', 'case'],
      ['GOOD 4', 'pass', 'file'],
      ['GOOD 5', 'pass', 'file'],
      ['GOOD 6', 'pass', 'case'],
      ['fine 1', 'pass', 'case'],
      ['fine 2', 'pass', 'file'],
      ['GOOD but wrong', 'fail', 'case'],
      ['bad 1', 'fail', 'case'],
      ['bad 2', 'fail', 'file'],
      ['bad 3', 'fail', 'case'],
    ];
    const cases = set.map(([answer, label, where], i) =>
      JSON.stringify({
        id: `c${i + 1}`,
        input: { answer },
        checks: [
          { type: 'contains', value: ' ', mode: 'quality' },
          {
            type: 'judge',
            name: 'good',
            rubric: 'The answer is good.',
            mode: 'quality',
            ...(where === 'case' ? { human: label } : {}),
          },
        ],
      }),
    );
    const dir = suiteDir({
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {quality: major}
trials: 1
judge: {model: judge-mini, base_url: "${server.url}", labels: labels.jsonl, calibration: cal/calibration.json, min_labels: 10}
`,
      'cases.jsonl': cases.join('\n'),
      'system.mjs': `let s = ''; process.stdin.on('data', (d) => (s += d)); process.stdin.on('end', () => process.stdout.write(JSON.stringify({ output: JSON.parse(s).input.answer })));`,
    });
    const run = await evalgate(['run', '--out', 'results.json', '-q'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    const labels = set
      .map(([, label, where], i) => ({
        label,
        where,
        c: results.cases.find((k) => k.id === `c${i + 1}`)!,
      }))
      .filter((x) => x.where === 'file')
      .map((x, j) =>
        JSON.stringify({
          trace_hash: traceHash(x.c.input, x.c.trials[0].trace),
          case: x.c.id,
          // By index and by name.
          check: j % 2 ? 1 : 'good',
          label: x.label,
          ...(x.label === 'fail' ? { note: 'plainly bad' } : {}),
        }),
      );
    // A label of a trace that is not in the results is skipped, not guessed.
    labels.push(
      JSON.stringify({ trace_hash: 'f'.repeat(64), case: 'c1', check: 1, label: 'fail' }),
    );
    writeFileSync(join(dir, 'labels.jsonl'), labels.join('\n') + '\n');
    const before = server.seen.length;

    const cal = await evalgate(['calibrate', 'results.json', '--out', 'calibration.md'], dir);
    expect(cal.code).toBe(0);
    // Graded again? No: the run's verdicts are in the judge cache.
    expect(server.seen.length).toBe(before);
    const figures = JSON.parse(readFileSync(join(dir, 'cal', 'calibration.json'), 'utf8'));
    expect(figures.schema).toBe('evalgate/calibration@1');
    expect(figures.judges).toHaveLength(1);
    const j = figures.judges[0];
    expect(j).toMatchObject({
      mode: 'quality',
      type: 'judge',
      title: 'good',
      model: 'judge-mini',
      n: 12,
      errors: 0,
      confusion: { pass_pass: 6, pass_fail: 2, fail_pass: 1, fail_fail: 3 },
      true_pass_rate: 0.75,
      true_fail_rate: 0.75,
    });
    expect(j.kappa).toBeCloseTo(KAPPA, 12);
    expect(j.kappa_ci[0]).toBeCloseTo(KAPPA - 1.959964 * SE, 6);
    expect(j.disagreements.map((d: { case: string }) => d.case).sort()).toEqual(['c7', 'c8', 'c9']);
    expect(j.disagreements.find((d: { case: string }) => d.case === 'c9')).toMatchObject({
      human: 'fail',
      judge: 'pass',
      reason: 'says GOOD',
    });
    expect(figures.skipped).toEqual([
      expect.objectContaining({
        reason: 'labels file: the trace is not in the results given',
        count: 1,
      }),
    ]);
    // The terminal table and the markdown file.
    expect(cal.stdout).toMatch(
      /good\s+quality\s+12\s+75%\s+0\.47 \(-0\.05 to 0\.99\)\s+75%\s+75%\s+0\s+no: kappa 0\.47 on 12 labels/,
    );
    expect(cal.stdout).toContain('c9 (check 1, trace ');
    const md = readFileSync(join(dir, 'calibration.md'), 'utf8');
    expect(md).toContain(
      '| good | `quality` | 12 | 75% | 0.47 (-0.05 to 0.99) | 75% | 75% | 0 | no: kappa 0.47 on 12 labels |',
    );
    expect(md).toMatch(/\| `c9` \| `[0-9a-f]{12}` \| fail \| pass \| says GOOD \|/);

    // The bundle (what `npx evalgate` runs) gives the same figures.
    if (existsSync(join(root, 'dist', 'cli', 'index.js'))) {
      const bundled = await evalgate(['calibrate', 'results.json', '--json', 'b.json'], dir, {}, [
        join(root, 'dist', 'cli', 'index.js'),
      ]);
      expect(bundled.code).toBe(0);
      const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
      expect({ ...b, created_at: 0 }).toEqual({ ...figures, created_at: 0 });
    }
  });

  it('says so and exits 3 when the judge grades nothing', async () => {
    const dir = suiteDir({
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {quality: major}
judge: {model: judge-mini, api_key_env: JUDGE_KEY}
`,
      'cases.jsonl': JSON.stringify({
        id: 'c1',
        input: { answer: 'x' },
        checks: [{ type: 'judge', rubric: 'Be good.', mode: 'quality', human: 'pass' }],
      }),
      'results.json': JSON.stringify({
        schema: 'evalgate/results@1',
        meta: {
          tool: 'evalgate',
          version: '0',
          config_path: 'evalgate.yml',
          suite_hash: 'x',
          started_at: '',
          finished_at: '',
          duration_ms: 0,
          trials: 1,
          counts: { cases: 1, trials: 1, pass: 1, fail: 0, error: 0 },
          usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
          failure_modes: {},
          gate: {},
        },
        cases: [
          {
            id: 'c1',
            hash: 'h',
            source: { file: 'cases.jsonl', line: 1 },
            tags: [],
            input: { answer: 'x' },
            modes: ['quality'],
            trials: [
              {
                trial: 0,
                stage: 1,
                status: 'pass',
                checks: [],
                trace: { output: 'x' },
                attempts: 1,
                duration_ms: 1,
              },
            ],
          },
        ],
      }),
    });
    const r = await evalgate(['calibrate', 'results.json'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('JUDGE_KEY');
    expect(r.stderr).toContain('every grading errored');
  });
});
