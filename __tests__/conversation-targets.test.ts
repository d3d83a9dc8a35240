/**
 * The turn protocol against real targets of every kind (command, worker, http, module), in both
 * conversation modes, through `evalgate run`'s own path (loadSuite + runSuite): scripted
 * conversations, the state handle passed back, a system that crashes mid-conversation (an
 * error, never a pass) and one that returns fewer turns than scripted.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../src/pipeline/run-suite.ts';
import { loadSuite } from '../src/suite/index.ts';
import type { CaseResult, Results, TrialResult } from '../src/types.ts';
import { suiteDir } from './helpers/suite-dir.ts';
import { node } from './helpers/targets.ts';

const FIX = join(import.meta.dirname, 'fixtures', 'conversation');

const SCRIPT = [
  { user: 'Hi, my order is A-1001.' },
  { user: 'It arrived broken.' },
  { user: 'Please refund it.' },
];

const CHECKS = [
  { type: 'remembers', mode: 'memory', value: 'A-1001' },
  {
    type: 'tool_called',
    mode: 'refunds',
    name: 'issue_refund',
    args: { order_id: 'A-1001' },
    turn: 3,
  },
  { type: 'tool_not_called', mode: 'refunds', name: 'issue_refund', turn: 1 },
  { type: 'contains', mode: 'refunds', value: 'has been issued' },
  {
    type: 'claim_requires_tool',
    mode: 'refunds',
    claim: 'refund .* has been issued',
    tool: 'issue_refund',
  },
  { type: 'goal_reached', mode: 'refunds', tool: 'issue_refund', within: 3 },
  { type: 'no_repeated_question', mode: 'memory' },
];

const CASES = [
  { id: 'remember', turns: SCRIPT, checks: CHECKS },
  { id: 'forgetful', input: { behaviour: 'forgetful' }, turns: SCRIPT, checks: CHECKS },
  {
    id: 'crash',
    input: { behaviour: 'crash', at: 2 },
    turns: SCRIPT,
    checks: [
      { type: 'contains', mode: 'refunds', value: 'noted', turn: 1 },
      { type: 'contains', mode: 'refunds', value: 'issued' },
    ],
  },
  {
    id: 'short',
    input: { behaviour: 'short' },
    turns: SCRIPT,
    checks: [
      { type: 'contains', mode: 'refunds', value: 'noted', turn: 1 },
      { type: 'tool_called', mode: 'refunds', name: 'issue_refund', turn: 3 },
      { type: 'contains', mode: 'refunds', value: 'issued' },
    ],
  },
  {
    id: 'single',
    input: { q: 1 },
    checks: [{ type: 'contains', mode: 'refunds', value: 'single' }],
  },
];

const TARGETS: Record<string, string> = {
  command: `{command: '${node(join(FIX, 'command.mjs'))}'}`,
  worker: `{worker: '${node(join(FIX, 'worker.mjs'))}', workers: 1}`,
  http: `{http: {url: "http://127.0.0.1:{port}/eval", start: '${node(join(FIX, 'server.mjs'))}'}}`,
  module: `{module: "${join(FIX, 'module.mjs')}#runCase"}`,
};

function withMode(target: string, mode: string): string {
  return `${target.slice(0, -1)}, conversation: ${mode}}`;
}

async function run(kind: string, mode: 'turns' | 'whole', cases = CASES): Promise<Results> {
  const dir = suiteDir({
    'evalgate.yml': `version: 1
target: ${withMode(TARGETS[kind], mode)}
datasets: [cases.jsonl]
failure_modes: {memory: major, refunds: critical}
trials: 1
concurrency: 1
timeout: 10s
retries: 0
`,
    'cases.jsonl': cases.map((c) => JSON.stringify(c)).join('\n'),
  });
  const suite = await loadSuite(join(dir, 'evalgate.yml'));
  return runSuite({ suite, label: 'head' });
}

function trial(results: Results, id: string): TrialResult {
  const c = results.cases.find((x: CaseResult) => x.id === id);
  if (!c) throw new Error(`no case ${id}`);
  return c.trials[0];
}

const statuses = (t: TrialResult) => t.checks.map((k) => `${k.type}${k.turn ?? ''}:${k.status}`);

describe.each(['command', 'worker', 'http', 'module'])('a %s target', (kind) => {
  it('runs a scripted conversation turn by turn, passing its state back', async () => {
    const results = await run(kind, 'turns');

    const good = trial(results, 'remember');
    expect(good.status).toBe('pass');
    const turns = good.trace.turns!;
    expect(turns.map((t) => t.user)).toEqual(SCRIPT.map((s) => s.user));
    expect(turns.map((t) => t.output)).toEqual([
      'Thanks, I have noted order A-1001.',
      'Hello! How can I help you today?',
      'Your refund for A-1001 has been issued.',
    ]);
    // Each turn saw the conversation so far and the state the system returned the turn before.
    expect(turns.map((t) => t.metadata?.seen)).toEqual([
      { turn: 1, messages: 1, state: null },
      { turn: 2, messages: 3, state: { order_id: 'A-1001' } },
      { turn: 3, messages: 5, state: { order_id: 'A-1001' } },
    ]);
    // The top level describes the whole conversation.
    expect(good.trace.output).toBe(turns[2].output);
    expect(good.trace.tool_calls!.map((c) => c.name)).toEqual(['lookup_order', 'issue_refund']);
    expect(good.trace.usage).toEqual({ input_tokens: 30, output_tokens: 15 });
    expect(good.attempts).toBe(3);

    // A system that loses what the user said asks again: a fail, not an error.
    const forgetful = trial(results, 'forgetful');
    expect(forgetful.status).toBe('fail');
    const remembers = forgetful.checks.find((k) => k.type === 'remembers')!;
    expect(remembers.status).toBe('fail');
    expect(remembers.reason).toMatch(/turn 3 asks again for "A-1001"/);

    // A crash in turn 2 is an error trial, whatever the checks of turn 1 would say.
    const crash = trial(results, 'crash');
    expect(crash.status).toBe('error');
    expect(crash.trace.error!.message).toMatch(/^turn 2: /);
    expect(crash.trace.turns).toHaveLength(1);
    expect(crash.checks.every((k) => k.status === 'error')).toBe(true);

    // A single-turn case runs exactly as before: no conversation in the request or the trace.
    const single = trial(results, 'single');
    expect(single.status).toBe('pass');
    expect(single.trace.output).toBe('single: {"q":1}');
    expect(single.trace.turns).toBeUndefined();
  });

  it('runs the whole script in one request when conversation: whole', async () => {
    const results = await run(kind, 'whole');

    const good = trial(results, 'remember');
    expect(good.status).toBe('pass');
    expect(good.attempts).toBe(1);
    expect(good.trace.turns!.map((t) => t.user)).toEqual(SCRIPT.map((s) => s.user));
    expect(good.trace.output).toBe('Your refund for A-1001 has been issued.');

    expect(trial(results, 'forgetful').status).toBe('fail');

    const crash = trial(results, 'crash');
    expect(crash.status).toBe('error');
    expect(crash.checks.every((k) => k.status === 'error')).toBe(true);

    // Two turns back for three scripted: turn 1 is graded, the missing turn 3 and the whole
    // conversation (whose end is missing) are errors, never passes.
    const short = trial(results, 'short');
    expect(short.trace.turns).toHaveLength(2);
    expect(short.status).toBe('error');
    expect(statuses(short)).toEqual(['contains1:pass', 'tool_called3:error', 'contains:error']);
    expect(short.checks[1].reason).toBe('turn 3: the system returned 2 turns, the case scripts 3');
    expect(short.checks[2].reason).toBe('the system returned 2 turns, the case scripts 3');
  });
});

describe('retries in a conversation', () => {
  it('a transient error in turn 2 retries turn 2, not the conversation', async () => {
    const dir = suiteDir({
      'evalgate.yml': `version: 1
target: ${TARGETS.http}
datasets: [cases.jsonl]
failure_modes: {refunds: critical}
trials: 1
timeout: 10s
retries: 2
`,
      'cases.jsonl': JSON.stringify({
        id: 'flaky',
        input: { behaviour: 'flaky', at: 2 },
        turns: SCRIPT,
        checks: [{ type: 'tool_called', mode: 'refunds', name: 'issue_refund', turn: 3 }],
      }),
    });
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    const results = await runSuite({ suite, label: 'head' });
    const t = trial(results, 'flaky');
    expect(t.status).toBe('pass');
    // Three turns, one of them sent twice: turn 1 was not repeated.
    expect(t.attempts).toBe(4);
    expect(t.trace.turns!.map((x) => x.metadata?.seen)).toEqual([
      { turn: 1, messages: 1, state: null },
      { turn: 2, messages: 3, state: { order_id: 'A-1001' } },
      { turn: 3, messages: 5, state: { order_id: 'A-1001' } },
    ]);
  });
});
