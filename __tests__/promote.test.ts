import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimIn, kindOf } from '../src/promote/suggest.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');
const fixtures = join(root, '__tests__', 'fixtures', 'import');

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const existingCase = JSON.stringify({
  id: 'prod-hallucinated_action-5b8efff79803',
  input: { q: 'an older case with the id a promotion would take' },
  checks: [{ type: 'contains', value: 'ok', mode: 'hallucinated_action' }],
});

function suite(labels: object[]) {
  const dir = suiteDir({
    'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl, promoted.jsonl]
failure_modes: {hallucinated_action: critical, stale_answer: major, wrong_tool: major}
`,
    'cases.jsonl': `${existingCase}\n`,
    // An existing dataset without a trailing newline: the append must not glue lines together.
    'promoted.jsonl': existingCase.replace('prod-hallucinated_action-5b8efff79803', 'older-1'),
    'labels.jsonl': labels.map((l) => JSON.stringify(l)).join('\n'),
  });
  const traces = [
    evalgate(['import', join(fixtures, 'otel-genai.jsonl')], dir).stdout,
    evalgate(['import', join(fixtures, 'openinference.jsonl')], dir).stdout,
  ].join('');
  writeFileSync(join(dir, 'traces.jsonl'), traces);
  return dir;
}

const LABELS = [
  {
    trace_id: '5b8efff798038103d269b633813fc60c',
    mode: 'hallucinated_action',
    tool: 'issue_refund',
    note: 'claims a refund, never called issue_refund',
  },
  { trace_id: '6e0c63257de34c92bf9efcd03927272e', mode: 'stale_answer' },
  { trace_id: '6e0c63257de34c92bf9efcd03927272e', mode: 'wrong_tool', tool: 'check_policy' },
];

const promoteArgs = [
  'promote',
  'traces.jsonl',
  '--labels',
  'labels.jsonl',
  '--dataset',
  'promoted.jsonl',
];

describe('evalgate promote', () => {
  it('appends golden cases with suggested checks and provenance; validate passes', () => {
    const dir = suite(LABELS);
    const before = readFileSync(join(dir, 'promoted.jsonl'), 'utf8');
    const r = evalgate(promoteArgs, dir);
    expect(r.stderr).toMatch(/appended 2 case\(s\) to promoted\.jsonl/);
    expect(r.code).toBe(0);
    const after = readFileSync(join(dir, 'promoted.jsonl'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const rows = after
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    const [, hallucinated, stale] = rows;
    // The id the first promotion would take is taken in cases.jsonl: unique across the suite.
    expect(hallucinated.id).toBe('prod-hallucinated_action-5b8efff79803-2');
    expect(hallucinated.input).toBe('Please refund order A-1001, it arrived broken.');
    expect(hallucinated.checks).toEqual([
      {
        type: 'claim_requires_tool',
        claim: 'I\\s+have\\s+refunded\\s+order',
        tool: 'issue_refund',
        mode: 'hallucinated_action',
      },
    ]);
    expect(hallucinated.description).toMatch(
      /^promoted from otel trace 5b8efff798038103d269b633813fc60c on \d{4}-\d\d-\d\d: claims a refund/,
    );
    expect(hallucinated.tags).toEqual([
      'promoted',
      'source:openinference'.replace('openinference', 'otel'),
    ]);
    expect(stale.checks).toEqual([{ type: 'grounded', mode: 'stale_answer' }]);
    expect(stale.context.documents.map((d: { id: string }) => d.id)).toEqual(['policy-3', 'faq-9']);
    // The second label on the same trace is skipped: one case per trace.
    expect(r.stderr).toMatch(
      /trace 6e0c63257de34c92bf9efcd03927272e is already in promoted\.jsonl: skipped/,
    );
    const ids = rows.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);

    const v = evalgate(['validate'], dir);
    expect(v.stderr + v.stdout).not.toMatch(/promoted\.jsonl:\d/);
    expect(v.code).toBe(0);

    // Promoting again never rewrites or duplicates.
    const again = evalgate(promoteArgs, dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'promoted.jsonl'), 'utf8')).toBe(after);
  });

  it('makes ids unique against the dataset', () => {
    const dir = suite([LABELS[0]]);
    writeFileSync(join(dir, 'promoted.jsonl'), `${existingCase}\n`);
    writeFileSync(
      join(dir, 'cases.jsonl'),
      existingCase.replace('prod-hallucinated_action-5b8efff79803', 'other') + '\n',
    );
    expect(evalgate(promoteArgs, dir).code).toBe(0);
    const ids = readFileSync(join(dir, 'promoted.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual([
      'prod-hallucinated_action-5b8efff79803',
      'prod-hallucinated_action-5b8efff79803-2',
    ]);
    expect(evalgate(['validate'], dir).code).toBe(0);
  });

  it('an unknown mode or a missing trace: file and line, exit 2, nothing appended', () => {
    const dir = suite([
      LABELS[1],
      { trace_id: 'nope', mode: 'stale_answer' },
      { trace_id: 'x', mode: 'tonee' },
    ]);
    const before = readFileSync(join(dir, 'promoted.jsonl'), 'utf8');
    const r = evalgate(promoteArgs, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/labels\.jsonl:3: mode: unknown failure mode "tonee"/);
    expect(readFileSync(join(dir, 'promoted.jsonl'), 'utf8')).toBe(before);
    writeFileSync(
      join(dir, 'labels.jsonl'),
      JSON.stringify({ trace_id: 'nope', mode: 'stale_answer' }),
    );
    const m = evalgate(promoteArgs, dir);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/labels\.jsonl:1: trace_id: no trace nope in traces\.jsonl/);
  });

  it('finds the claim and reads the kind of failure from the mode name', () => {
    expect(claimIn('Done! Your refund has been issued today.')).toBe(
      'refund\\s+has\\s+been\\s+issued\\s+today',
    );
    // An amount or an order number ends the claim: it must match the promise about any order.
    expect(claimIn('Good news: your refund of $89.99 has been processed and is on its way!')).toBe(
      'has\\s+been\\s+processed\\s+and\\s+is',
    );
    expect(claimIn('I could not find that order.')).toBeUndefined();
    expect(kindOf('hallucinated_refund')).toBe('hallucinated_action');
    expect(kindOf('stale-policy')).toBe('stale_answer');
    expect(kindOf('wrong_tool')).toBe('wrong_tool');
    expect(kindOf('tone')).toBe('other');
  });
});
