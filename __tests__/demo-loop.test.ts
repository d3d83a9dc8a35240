/**
 * `npm run demo:loop` as users run it (scripts/demo-loop.ts, offline, in a temp folder): the
 * production export imports, the seeded sample holds the labelled traces and is the same when
 * drawn again, the promoted dataset validates, and the two promoted cases pass on the demo PR's
 * base and are new failures on its head. The checked-in export is what its generator writes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../src/types.ts';

const ROOT = join(import.meta.dirname, '..');
const PRODUCTION = join(ROOT, 'examples', 'refund-assistant', 'production');
let dir: string;
let output: string;

const evalgate = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'src', 'bin.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
const lines = (file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n');

beforeAll(() => {
  // Inside the checkout (ignored by git): the demo's worker resolves `openai` from node_modules.
  mkdirSync(join(ROOT, '.evalgate'), { recursive: true });
  dir = mkdtempSync(join(ROOT, '.evalgate', 'demo-loop-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, EVALGATE_DEMO_LOOP_DIR: dir };
  delete env.OPENAI_API_KEY;
  delete env.EVALGATE_DEMO_REAL_API;
  output = execFileSync(process.execPath, ['scripts/demo-loop.ts'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo:loop', () => {
  const labelled = readFileSync(join(PRODUCTION, 'labels.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { trace_id: string; mode: string });

  it('imports every production trace, with its timestamp for the monitor', () => {
    const traces = lines('traces.jsonl').map((l) => JSON.parse(l));
    expect(traces).toHaveLength(
      readFileSync(join(PRODUCTION, 'otel-export.jsonl'), 'utf8').trim().split('\n').length,
    );
    for (const t of traces) expect(t.metadata.started_at).toMatch(/^2025-06-(0[89]|1[0-5])T/);
  });

  it('draws a reproducible sample that holds the labelled traces', () => {
    const sample = readFileSync(join(dir, 'sample.jsonl'), 'utf8');
    const seed = /--seed (\d+)/.exec(output)![1];
    const again = evalgate(
      'sample',
      'traces.jsonl',
      '--seed',
      seed,
      '--per-mode',
      '5',
      '--passing',
      '40',
    );
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(sample);
    const ids = new Set(
      sample
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).trace_id),
    );
    for (const l of labelled) expect(ids).toContain(l.trace_id);
  });

  it('promotes the two labelled traces into a dataset that validates', () => {
    const cases = lines('suite/datasets/promoted.jsonl').map((l) => JSON.parse(l));
    expect(cases.map((c) => c.checks[0].mode)).toEqual(labelled.map((l) => l.mode));
    const v = evalgate('validate', '--config', 'suite/evalgate.yml');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/suite\/evalgate\.yml: ok, \d+ cases in 9 file\(s\)/);
  });

  it("catches the demo PR's regression with the promoted cases: pass on base, new failures on head", () => {
    const comparison = JSON.parse(
      readFileSync(join(dir, 'pr', 'comparison.json'), 'utf8'),
    ) as Comparison;
    expect(comparison.verdict).toBe('block');
    const ids = lines('suite/datasets/promoted.jsonl').map((l) => JSON.parse(l).id as string);
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const c = comparison.cases.find((x) => x.id === id)!;
      expect(c.label).toBe('new_failure');
      for (const m of c.modes) {
        expect(m.base!.passes).toBe(m.base!.trials);
        expect(m.head!.passes).toBeLessThan(m.head!.trials);
      }
    }
    expect(output).toMatch(
      /The 2 promoted cases pass on the base and are new failures on the head/,
    );
  });

  it('runs the monitor when this evalgate has it (the last day worsened), and says so when not', () => {
    if (evalgate('monitor', '--help').status !== 0) {
      expect(output).toMatch(/monitor not available/);
      return;
    }
    for (const f of ['dashboard.html', 'monitor.json', 'summary.md'])
      expect(readFileSync(join(dir, 'monitor', f), 'utf8').length).toBeGreaterThan(0);
    expect(output).toMatch(/A mode worsened on the last day/);
  });

  it('ships the export its generator writes', () => {
    const out = join(dir, 'regenerated.jsonl');
    execFileSync(process.execPath, [join(PRODUCTION, 'generate.ts'), '--out', out], {
      encoding: 'utf8',
    });
    expect(readFileSync(out, 'utf8')).toBe(
      readFileSync(join(PRODUCTION, 'otel-export.jsonl'), 'utf8'),
    );
  });
});
