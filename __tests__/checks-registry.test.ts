import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTypes, getCheck, runChecks } from '../src/checks/registry.ts';
import type { CheckSpec } from '../src/types.ts';
import { ctxFor } from './fixtures/checks/run.ts';
import { goodRefund, hallucinatedRefund } from './fixtures/checks/traces.ts';

const specs: CheckSpec[] = [
  {
    type: 'claim_requires_tool',
    mode: 'hallucinated_action',
    claim: 'refund (has been|was) (processed|issued)',
    tool: 'issue_refund',
  },
  { type: 'tool_called', mode: 'wrong_tool', name: 'lookup_order', args: { order_id: 'A17' } },
  { type: 'grounded', mode: 'ungrounded_answer', name: 'policy facts' },
  { type: 'script', mode: 'amounts', module: 'scripts/refund-checks.js#amountMatchesOrder' },
];

describe('registry', () => {
  it('lists every check type of the design', () => {
    expect(checkTypes()).toEqual([
      'answers_question',
      'claim_requires_tool',
      'contains',
      'context_used',
      'equals',
      'faithful',
      'follows_policy',
      'goal_reached',
      'grounded',
      'json_schema',
      'judge',
      'max_cost',
      'max_latency',
      'max_steps',
      'max_tokens',
      'max_turns',
      'no_repeated_question',
      'no_tool_loop',
      'not_contains',
      'pairwise',
      'refusal',
      'regex',
      'remembers',
      'retrieval_precision',
      'retrieval_recall',
      'script',
      'tool_args',
      'tool_called',
      'tool_error_handled',
      'tool_not_called',
      'tool_sequence',
    ]);
    for (const type of checkTypes()) {
      const def = getCheck(type)!;
      expect(def.type).toBe(type);
      expect(def.description.length).toBeGreaterThan(10);
    }
    expect(getCheck('nope')).toBeUndefined();
  });

  it('runs a case’s checks in order, sync and async alike', async () => {
    const results = await runChecks(specs, hallucinatedRefund(), ctxFor());
    expect(results.map((r) => [r.index, r.type, r.mode, r.status])).toEqual([
      [0, 'claim_requires_tool', 'hallucinated_action', 'fail'],
      [1, 'tool_called', 'wrong_tool', 'pass'],
      [2, 'grounded', 'ungrounded_answer', 'fail'],
      [3, 'script', 'amounts', 'fail'],
    ]);
    expect(results[2].name).toBe('policy facts');
    expect(results[3].reason).toBe('no refund issued');
    const good = await runChecks(specs, goodRefund(), ctxFor());
    expect(good.map((r) => r.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('an errored trace makes every check error, never pass or fail', async () => {
    const t = goodRefund();
    t.error = { kind: 'timeout', message: 'no answer within 60000 ms' };
    const results = await runChecks(specs, t, ctxFor());
    expect(results).toHaveLength(4);
    for (const r of results) {
      expect(r.status).toBe('error');
      expect(r.reason).toBe('run errored: timeout (no answer within 60000 ms)');
    }
  });

  it('an unknown type or a throwing check is an error, and the others still run', async () => {
    // An unvalidated spec makes `equals` call null.trim(): the runner must contain the throw.
    const throwing = { type: 'equals', mode: 'm', value: null, trim: true } as CheckSpec;
    const results = await runChecks(
      [
        { type: 'contians', mode: 'tone', value: 'sorry' },
        throwing,
        { type: 'contains', mode: 'tone', value: 'A17' },
      ],
      goodRefund(),
      ctxFor(),
    );
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'pass']);
    expect(results[0].reason).toBe('unknown check type contians');
    expect(results[1].reason).toMatch(/^check threw: /);
  });

  it('an async check that rejects is an error', async () => {
    const judge = {
      grade: () => Promise.reject(new Error('socket hang up')),
    };
    const [r] = await runChecks(
      [{ type: 'judge', mode: 'tone', rubric: 'polite' }],
      goodRefund(),
      ctxFor({ judge }),
    );
    expect(r).toMatchObject({ status: 'error', reason: 'judge threw: socket hang up' });
  });

  it('an empty list of checks gives no results', async () => {
    expect(await runChecks([], goodRefund(), ctxFor())).toEqual([]);
  });
});

describe('evalgate validate --list-checks', () => {
  it('prints every registered type, the trajectory and retrieval checks among them', () => {
    const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');
    const r = spawnSync(process.execPath, [bin, 'validate', '--list-checks'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const listed = r.stdout.trim().split('\n');
    expect(listed).toEqual([...checkTypes()]);
    for (const t of ['tool_args', 'no_tool_loop', 'max_steps', 'tool_error_handled']) {
      expect(listed).toContain(t);
    }
    for (const t of ['retrieval_recall', 'retrieval_precision', 'context_used']) {
      expect(listed).toContain(t);
    }
    for (const t of ['faithful', 'answers_question', 'follows_policy', 'pairwise']) {
      expect(listed).toContain(t);
    }
  });
});
