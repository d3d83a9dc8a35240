/**
 * `compare` memory grows with what a comparison can tell apart, not with the number of trials:
 * passing trials that differ only in what a comparison never reads (duration, attempts, trace
 * text) are held once (src/compare/slim-case.ts), and the comparison file is written case by case
 * (src/compare/comparison-file.ts), the same JSON as before with one case per line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readComparisonFile } from '../src/compare/comparison-file.ts';
import { compareFiles } from '../src/compare/index.ts';
import { renderComment } from '../src/report/index.ts';
import { redactedJson } from '../src/report/redact.ts';
import { compare } from '../src/compare/index.ts';
import { readResults, writeJson } from '../src/run/results-io.ts';
import type { CaseResult, Results, TrialResult } from '../src/types.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');

/**
 * A results file in evalgate's one-case-per-line layout, written without building it in memory:
 * `cases` cases of `trials` trials, one check each; with `failEvery`, every such case fails its
 * even trials. Durations vary per trial, as measured ones do.
 */
function resultsFile(path: string, label: string, cases: number, trials: number, failEvery = 0) {
  const meta = {
    tool: 'evalgate',
    version: 'test',
    label,
    config_path: 'evalgate.yml',
    suite_hash: 'x',
    started_at: '2026-01-01T00:00:00.000Z',
    finished_at: '2026-01-01T00:00:01.000Z',
    duration_ms: 1000,
    trials,
    counts: { cases, trials: cases * trials, pass: 0, fail: 0, error: 0 },
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    failure_modes: { correct: { severity: 'critical' } },
  };
  const lines: string[] = [];
  for (let i = 0; i < cases; i++) {
    const fails = failEvery > 0 && i % failEvery === 0;
    const list = [];
    for (let t = 0; t < trials; t++) {
      const status = fails && t % 2 === 0 ? 'fail' : 'pass';
      const reason = status === 'pass' ? 'has ok' : 'no ok';
      list.push({
        trial: t,
        stage: 1,
        status,
        checks: [{ type: 'contains', mode: 'correct', index: 0, status, reason }],
        trace: { output: 'ok' },
        attempts: 1,
        duration_ms: (i * 7 + t) % 1000,
      });
    }
    lines.push(
      JSON.stringify({
        id: `case-${i}`,
        hash: `h${i}`,
        source: { file: 'cases.jsonl', line: i + 1 },
        tags: [],
        input: { q: i },
        modes: ['correct'],
        trials: list,
      }),
    );
  }
  const opening = JSON.stringify({ schema: 'evalgate/results@1', meta }).slice(0, -1);
  writeFileSync(path, `${opening},"cases":[\n${lines.join(',\n')}\n]}\n`);
}

describe('compare memory', () => {
  it(
    'compares 6,000 cases x 50 trials per side (300,000 trials each) within a 48 MB heap',
    { timeout: 120_000 },
    () => {
      // Before the shared trials, each passing trial kept its own object: this failed at 64 MB.
      // It now passes at 24 MB; 48 leaves room for a loaded machine.
      const dir = suiteDir({});
      resultsFile(join(dir, 'base.json'), 'base', 6000, 50);
      resultsFile(join(dir, 'head.json'), 'head', 6000, 50, 100);
      const r = spawnSync(
        process.execPath,
        ['--max-old-space-size=48', bin, 'compare', 'base.json', 'head.json', '--out', 'c.json'],
        { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      expect(r.stderr).not.toMatch(/heap out of memory/);
      // 60 cases failing half their trials: new failures, but a drop (0.5%) below min_drop.
      expect(r.status).toBe(0);
      const c = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8'));
      expect(c.counts.new_failure).toBe(60);
      expect(c.head.counts).toMatchObject({ trials: 300_000, fail: 60 * 25 });
    },
  );

  it('writes the comparison case by case: the same JSON, redacted alike, one case per line', async () => {
    const dir = suiteDir({});
    resultsFile(join(dir, 'base.json'), 'base', 40, 3);
    resultsFile(join(dir, 'head.json'), 'head', 40, 3, 4);
    const comparison = await compareFiles(join(dir, 'base.json'), join(dir, 'head.json'));
    // A secret in a failing check's reason and in a note: masked in the file as in the whole JSON.
    const token = `ghp_${'a1B2c3D4e5'.repeat(4).slice(0, 36)}`;
    comparison.cases[0].head!.failing = [
      { type: 'contains', mode: 'correct', reason: `leaked ${token}` },
    ];
    comparison.gate_note = `note ${token}`;
    const path = join(dir, 'comparison.json');
    await writeJson(path, comparison);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual(JSON.parse(redactedJson(comparison)));
    // The opening line, one line per case, the closing line (and the final newline).
    const lines = text.split('\n');
    expect(lines.length).toBe(comparison.cases.length + 3);
    expect(lines[0]).toMatch(/^\{"schema":"evalgate\/comparison@1",.*"cases":\[$/);
    expect(JSON.parse(lines[1].replace(/,$/, '')).id).toBe('case-0');
    expect(lines.at(-2)).toMatch(/^\],"counts":/);
  });

  it('reads a comparison back line by line for the reports; older layouts and errors as before', async () => {
    const dir = suiteDir({});
    resultsFile(join(dir, 'base.json'), 'base', 200, 3);
    resultsFile(join(dir, 'head.json'), 'head', 200, 3, 4);
    const comparison = await compareFiles(join(dir, 'base.json'), join(dir, 'head.json'));
    const lines = join(dir, 'lines.json');
    await writeJson(lines, comparison);
    const single = join(dir, 'single.json');
    writeFileSync(single, redactedJson(comparison));
    const pretty = join(dir, 'pretty.json');
    writeFileSync(pretty, JSON.stringify(JSON.parse(redactedJson(comparison)), null, 2));
    const expected = JSON.parse(redactedJson(comparison));
    const markdown = renderComment(expected, {});
    for (const file of [lines, single, pretty]) {
      const read = await readComparisonFile(file);
      expect(read).toEqual(expected);
      expect(renderComment(read, {})).toBe(markdown);
    }
    // Stable cases share their sides: far fewer distinct objects than cases.
    const read = await readComparisonFile(lines);
    expect(new Set(read.cases.map((c) => c.base)).size).toBeLessThan(10);

    const text = readFileSync(lines, 'utf8').split('\n');
    writeFileSync(lines, text.slice(0, 50).join('\n'));
    await expect(readComparisonFile(lines)).rejects.toThrow(/lines\.json: not valid JSON/);
    writeFileSync(lines, '{"schema":"evalgate/results@1","meta":{},"cases":[]}');
    await expect(readComparisonFile(lines)).rejects.toThrow(/not an evalgate comparison file/);
  });

  it('shares trials only where a comparison cannot tell them apart: the same comparison as compare() on whole files', async () => {
    // Per case a different mix: plain passes (shared), trace ids, errors, judge costs, usage,
    // adaptive re-runs, failures; the same trial shapes repeat across cases and sides.
    const trialOf = (i: number, t: number, side: number): TrialResult => {
      const kind = (i + t * 3 + side * (i % 5 === 0 ? 1 : 0)) % 7;
      const broken = side === 1 && i % 6 === 0 && kind !== 5; // new failures on the head
      const status = kind === 4 || broken ? 'fail' : kind === 5 ? 'error' : 'pass';
      const trial: TrialResult = {
        trial: t,
        stage: t >= 3 ? 2 : 1,
        status,
        checks: [
          {
            type: 'contains',
            mode: 'correct',
            index: 0,
            status: status === 'error' ? 'pass' : status,
            reason: status === 'fail' ? 'no ok' : 'has ok',
          },
          {
            type: 'judge',
            mode: 'tone',
            index: 1,
            status: 'pass',
            reason: 'fine',
            ...(kind === 3 ? { usage: { cost_usd: 0.01 } } : {}),
          },
        ],
        trace: {
          output: `out ${i} ${t}`,
          usage: { input_tokens: kind === 2 ? 20 : 10, cost_usd: 0.001 },
          latency_ms: kind === 6 ? 50 : 5,
          ...(kind === 1 ? { trace_id: `tr-${side}-${i}-${t}` } : {}),
          ...(status === 'error' ? { error: { kind: 'timeout', message: `slow ${i}` } } : {}),
        },
        attempts: 1,
        duration_ms: i + t,
      };
      return trial;
    };
    const results = (label: string, side: number): Results => ({
      schema: 'evalgate/results@1',
      meta: {
        tool: 'evalgate',
        version: 'test',
        label,
        config_path: 'evalgate.yml',
        suite_hash: 'x',
        started_at: '2026-01-01T00:00:00.000Z',
        finished_at: '2026-01-01T00:00:01.000Z',
        duration_ms: 1,
        trials: 3,
        counts: { cases: 0, trials: 0, pass: 0, fail: 0, error: 0 },
        usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
        failure_modes: { correct: { severity: 'critical' }, tone: { severity: 'minor' } },
        stage2_modes: ['correct'],
        gate: {
          block: ['critical'],
          alpha: 0.05,
          min_drop: 0,
          tolerance: 0.05,
          max_error_share: 0.5,
          accept_label: 'accept',
          robust: false,
          adaptive: true,
          rerun_trials: 3,
          rerun_budget: 0.5,
          errors_severity: 'major',
        },
      },
      cases: Array.from({ length: 120 }, (_, i): CaseResult => ({
        id: `c${i}`,
        hash: i % 9 === 0 ? `h${i}-${side}` : `h${i}`,
        source: { file: 'cases.jsonl', line: i + 1 },
        tags: i % 4 ? [] : ['smoke'],
        input: { q: i },
        modes: ['correct', 'tone'],
        trials: Array.from({ length: i % 3 === 0 ? 5 : 3 }, (_, t) => trialOf(i, t, side)),
      })),
    });
    const dir = suiteDir({});
    await writeJson(join(dir, 'base.json'), results('base', 0));
    await writeJson(join(dir, 'head.json'), results('head', 1));
    const whole = compare(
      await readResults(join(dir, 'base.json')),
      await readResults(join(dir, 'head.json')),
    );
    const streamed = await compareFiles(join(dir, 'base.json'), join(dir, 'head.json'));
    expect(whole.counts.suspected_new_failure).toBeGreaterThan(0);
    expect(whole.cases.some((c) => c.excerpt)).toBe(true);
    expect(whole.head.first_error).toBeDefined();
    expect(JSON.stringify(streamed)).toBe(JSON.stringify(whole));
  });
});
