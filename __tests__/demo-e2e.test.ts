/**
 * `npm run demo` as users run it (scripts/demo.ts, offline, in a temp folder): the regression
 * blocks, and each kind of case issue 10 added is caught under its own failure mode: the
 * conversations' refund before lookup under wrong_tool (tool_sequence, with the divergent step
 * in the comment), the payment-provider error under hallucinated_action (tool_error_handled),
 * the pinned support hours under ungrounded_answer (grounded). An A/A run of the same demo
 * repository does not block.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLLM } from '../examples/refund-assistant/mock-llm.ts';
import { runPr } from '../src/pipeline/pr.ts';
import type { CaseComparison, Comparison } from '../src/types.ts';

const ROOT = join(import.meta.dirname, '..');
let dir: string;
let comparison: Comparison;
let comment: string;

beforeAll(() => {
  // Inside the checkout (ignored by git): the demo's worker resolves `openai` from node_modules.
  mkdirSync(join(ROOT, '.evalgate'), { recursive: true });
  dir = mkdtempSync(join(ROOT, '.evalgate', 'demo-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, EVALGATE_DEMO_DIR: dir };
  delete env.OPENAI_API_KEY;
  delete env.EVALGATE_DEMO_REAL_API;
  execFileSync(process.execPath, ['scripts/demo.ts'], { cwd: ROOT, env, stdio: 'pipe' });
  comparison = JSON.parse(readFileSync(join(dir, 'comparison.json'), 'utf8')) as Comparison;
  comment = readFileSync(join(dir, 'comment.md'), 'utf8');
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function caseOf(id: string): CaseComparison {
  const k = comparison.cases.find((c) => c.id === id);
  if (!k) throw new Error(`no case ${id}`);
  return k;
}

/** The case is a new failure in `mode`, and a failing head trial fails it through `check`. */
function caughtAs(id: string, mode: string, check: string) {
  const k = caseOf(id);
  expect(k.label).toBe('new_failure');
  const m = k.modes.find((x) => x.mode === mode);
  expect(m?.label).toBe('new_failure');
  expect(m?.head_trial?.failing.map((f) => f.type)).toContain(check);
  return k;
}

describe('npm run demo', () => {
  it('blocks on the regression', () => {
    expect(comparison.verdict).toBe('block');
    const regressed = comparison.modes.filter((m) => m.verdict === 'regressed').map((m) => m.mode);
    expect(regressed).toEqual(expect.arrayContaining(['hallucinated_action', 'ungrounded_answer']));
  });

  it('catches the refund before the lookup in a conversation, under wrong_tool', () => {
    for (const id of ['conv-refund-order-from-turn-1', 'conv-refund-sunglasses-named-earlier']) {
      const k = caughtAs(id, 'wrong_tool', 'tool_sequence');
      expect(k.excerpt?.turns).toHaveLength(3);
      expect(k.excerpt?.divergence).toMatchObject({
        step: 0,
        base: { name: 'lookup_order' },
        head: { name: 'issue_refund' },
      });
    }
    expect(comment).toContain(
      "  turn 1: Hi, my order number is A1011. → Thanks, I've noted order A1011. How can I help with it?",
    );
    expect(comment).toContain(
      '  1. issue_refund {"order_id":"A1011","amount":74.5,"reason":"customer request"}   ← head diverges here: base called lookup_order, head called issue_refund',
    );
  });

  it('catches a success claimed over a tool error, under hallucinated_action', () => {
    caughtAs('refund-provider-error', 'hallucinated_action', 'tool_error_handled');
  });

  it('catches hours answered from memory over the pinned documents, under ungrounded_answer', () => {
    caughtAs('hours-pinned-docs', 'ungrounded_answer', 'grounded');
  });

  it('an A/A run of the demo repository does not block', async () => {
    // The judged cases' judge is the built-in model server, as in the demo.
    const judge = await startMockLLM({ unref: true });
    try {
      const out = await runPr({
        repoDir: join(dir, 'repo'),
        baseRef: 'base',
        headRef: 'base',
        configPath: 'evalgate.yml',
        env: { REFUND_ASSISTANT_MOCK: '1', EVALGATE_DEMO_JUDGE_URL: judge.url },
      });
      expect(out.comparison.reasons).not.toContainEqual(expect.stringMatching(/incomplete/));
      expect(out.comparison.verdict).toBe('pass');
      expect(out.comparison.counts.new_failure).toBe(0);
    } finally {
      await judge.close();
    }
  }, 120_000);
});
