import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wilsonHalfWidth } from '../src/sample/sampler.ts';
import { makeResults } from './helpers/compare-results.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');

function evalgate(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 200 imported traces: 30 errored, 20 with a failed span, 150 fine. */
function tracesFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-sample-'));
  const lines = [];
  for (let i = 0; i < 200; i++) {
    const t: Record<string, unknown> = { output: `answer ${i}`, trace_id: `t-${i}`, metadata: {} };
    if (i % 10 === 3 || i % 20 === 7) t.error = 'upstream timeout';
    else if (i % 10 === 5) t.metadata = { span_errors: [{ span_id: 'x', message: 'tool 503' }] };
    lines.push(JSON.stringify(t));
  }
  const file = join(dir, 'traces.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const ids = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { trace_id: string; metadata: { sample: { stratum: string } } });

describe('evalgate sample', () => {
  it('stratifies by failure and is reproducible with a seed', () => {
    const file = tracesFile();
    const args = ['sample', file, '--per-mode', '8', '--passing', '5'];
    const a = evalgate([...args, '--seed', '1']);
    expect(a.code).toBe(0);
    const picked = ids(a.stdout);
    const count = (s: string) => picked.filter((p) => p.metadata.sample.stratum === s).length;
    expect([count('error'), count('span_error'), count('passing')]).toEqual([8, 8, 5]);
    expect(a.stderr).toMatch(/error: 8 of 30 trace\(s\)/);
    expect(a.stderr).toMatch(/passing: 5 of 150 trace\(s\)/);
    const half = Math.round(wilsonHalfWidth(21) * 100);
    expect(a.stderr).toContain(`sampled 21 trace(s) with seed 1`);
    expect(a.stderr).toContain(`to ±${half} points (95% Wilson interval, worst case)`);
    // Same seed, same sample; another seed, another sample.
    expect(evalgate([...args, '--seed', '1']).stdout).toBe(a.stdout);
    expect(evalgate([...args, '--seed', '2']).stdout).not.toBe(a.stdout);
  });

  it('uses the failed checks of a results file as the strata', () => {
    const results = makeResults([
      ...Array.from({ length: 6 }, (_, i) => ({
        id: `c${i}`,
        trials: [{ accuracy: 'fail' as const, tone: 'pass' as const }],
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        id: `d${i}`,
        trials: [{ accuracy: 'pass' as const, tone: 'pass' as const }],
      })),
      { id: 'e0', trials: [{ accuracy: 'pass' as const, tone: 'fail' as const }] },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-sample-'));
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(results, null, 2));
    const out = join(dir, 'sample.jsonl');
    const r = evalgate([
      'sample',
      file,
      '--seed',
      '3',
      '--per-mode',
      '4',
      '--passing',
      '2',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const picked = ids(readFileSync(out, 'utf8')) as unknown as {
      metadata: { sample: { stratum: string; case: string; failed_modes?: string[] } };
    }[];
    const strata = picked.map((p) => p.metadata.sample.stratum);
    expect(strata).toEqual([
      'accuracy',
      'accuracy',
      'accuracy',
      'accuracy',
      'tone',
      'passing',
      'passing',
    ]);
    expect(picked[4].metadata.sample).toMatchObject({ case: 'e0', failed_modes: ['tone'] });
  });

  it('a line that is not a trace: file and line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-sample-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"output": "ok"}\n{"output": 3}\n');
    const r = evalgate(['sample', file, '--seed', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:2: not a trace: output/);
  });
});
