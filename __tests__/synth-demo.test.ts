/**
 * `evalgate synth` on the demo suite with the demo's built-in model server (offline,
 * deterministic), from the sources and from the bundle (dist/cli/index.js, `npm run bundle`
 * first); and the PR comment and text report when the suite has synthetic cases.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLLM, type MockLLM } from '../examples/refund-assistant/mock-llm.ts';
import { renderComment, renderTextReport } from '../src/report/index.ts';
import { splitByOrigin } from '../src/compare/synthetic.ts';
import type { Comparison } from '../src/types.ts';
import { demoSuite } from './helpers/report-fixtures.ts';
import { evalgateAsync } from './helpers/cli-async.ts';

const root = join(import.meta.dirname, '..');
const CLI = join(root, 'dist', 'cli', 'index.js');

function demoCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-synth-demo-'));
  cpSync(join(root, 'evalgate.yml'), join(dir, 'evalgate.yml'));
  cpSync(join(root, 'datasets'), join(dir, 'datasets'), { recursive: true });
  return dir;
}

let mock: MockLLM;
beforeAll(async () => {
  mock = await startMockLLM();
});
afterAll(() => mock.close());

const ARGS = [
  'synth',
  'datasets/conversations.yaml',
  '--ids',
  'conv-refund-order-from-turn-1,hours-pinned-docs',
  '--n',
  '2',
];

describe('synth with the demo model server', () => {
  for (const [name, entry] of [
    ['src/bin.ts', join(root, 'src', 'bin.ts')],
    ['dist/cli/index.js', CLI],
  ] as const) {
    it.skipIf(name.startsWith('dist') && !existsSync(CLI))(
      `writes every kind offline, deterministically, and the suite validates (${name})`,
      async () => {
        const dir = demoCopy();
        // The demo's config has no synth: section: synth uses its judge's endpoint.
        const env = { EVALGATE_DEMO_JUDGE_URL: mock.url };
        const a = await evalgateAsync([...ARGS, '--out', 'synth.jsonl'], dir, env, entry);
        expect(a.stderr).toContain('0 unusable model answer(s); 0 failed call(s)');
        expect(a.code).toBe(0);
        const b = await evalgateAsync(ARGS, dir, env, entry);
        const written = readFileSync(join(dir, 'synth.jsonl'), 'utf8');
        expect(b.stdout).toBe(written);
        const rows = written
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
        expect(rows).toHaveLength(20);
        const turns = rows.find((r) => r.id === 'conv-refund-order-from-turn-1~syn-typo-1');
        expect(turns.turns).toHaveLength(3);
        expect(turns.turns[0].user).not.toBe('Hi, my order number is A1011.');
        expect(turns.turns[0].user).toContain('A1011');
        // The pinned document's hours change, and the check that expected them follows.
        const fact = rows.find((r) => r.id === 'hours-pinned-docs~syn-fact-1');
        expect(fact.context.documents[0].text).toContain('Support hours are 10-5');
        expect(fact.checks).toContainEqual({
          type: 'contains',
          value: '10-5',
          mode: 'ungrounded_answer',
        });
        cpSync(join(dir, 'synth.jsonl'), join(dir, 'datasets', 'synth.jsonl'));
        const v = await evalgateAsync(['validate'], dir, {}, entry);
        expect(v.stdout).toContain('ok, 100 cases in 9 file(s)'); // 80 + 20
        expect(v.stderr).toBe('');
        expect(v.code).toBe(0);
      },
    );
  }
});

/** The demo fixture's comparison with two of its new failures from synthetic cases. */
function withSynthetic(): Comparison {
  const c = structuredClone(demoSuite().comparison);
  const failing = c.cases.filter((k) => k.label === 'new_failure');
  for (const k of failing.slice(0, 2)) k.tags = [...k.tags, 'synthetic'];
  return c;
}

describe('reports with synthetic cases', () => {
  it('count new failures of real and synthetic cases apart and mark the synthetic ones', () => {
    const c = withSynthetic();
    const split = splitByOrigin(c.cases)!;
    expect(split.new_failure).toEqual({ real: 4, synthetic: 2 });
    const md = renderComment(c);
    expect(md).toContain('### 6 new failures\n\n4 real, 2 synthetic (🧪 synthetic: a generated');
    expect(md.match(/🧪 _synthetic_/g)).toHaveLength(2);
    const text = renderTextReport(c);
    expect(text).toContain('New failures: 6 (4 real, 2 synthetic)');
    expect(text.match(/ \[synthetic\]/g)).toHaveLength(2);
  });

  it('leave reports without synthetic cases as they were', () => {
    const c = demoSuite().comparison;
    expect(splitByOrigin(c.cases)).toBeUndefined();
    expect(renderComment(c)).not.toMatch(/synthetic/);
    expect(renderTextReport(c)).not.toMatch(/synthetic/);
  });
});
