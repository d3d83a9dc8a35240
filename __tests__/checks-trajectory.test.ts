/**
 * Agent trajectory checks: tool_sequence's match modes and per-step arguments, tool_args,
 * no_tool_loop, max_steps and tool_error_handled, each passing, failing and erroring on traces.
 */
import { describe, expect, it } from 'vitest';
import { getCheck, runChecks } from '../src/checks/registry.ts';
import { toolErrorOf } from '../src/checks/tools/tool-error-handled.ts';
import type { CheckSpec, ToolCall, Trace } from '../src/types.ts';
import { check, ctxFor, specIssues } from './fixtures/checks/run.ts';
import { goodRefund, hallucinatedRefund } from './fixtures/checks/traces.ts';

const call = (name: string, args: Record<string, unknown> = {}, result?: unknown): ToolCall =>
  result === undefined ? { name, arguments: args } : { name, arguments: args, result };

const withCalls = (tool_calls: ToolCall[], output = 'Done.'): Trace => ({ output, tool_calls });

/** lookup_order(A17) → check_policy → issue_refund(A17, 50) */
const agent = () =>
  withCalls([
    call('lookup_order', { order_id: 'A17' }),
    call('check_policy', { topic: 'refunds' }),
    call('issue_refund', { order_id: 'A17', amount: 50 }),
  ]);

const errored: Trace = { output: '', error: { kind: 'crash', message: 'exit 1' } };

/** Every check of a trace whose run errored is `error`, never pass or fail. */
async function statusOnErroredRun(spec: Record<string, unknown>) {
  const [r] = await runChecks([{ mode: 'm', ...spec } as CheckSpec], errored, ctxFor());
  return r.status;
}

describe('tool_sequence match modes', () => {
  const seq = (tools: unknown[], extra: Record<string, unknown> = {}) => ({
    type: 'tool_sequence',
    tools,
    ...extra,
  });

  it('keeps today’s spec: names as a subsequence by default, strict: true back to back', async () => {
    expect(await check(seq(['lookup_order', 'issue_refund']), agent())).toMatchObject({
      status: 'pass',
      reason: 'called lookup_order → issue_refund in order',
    });
    const tight = await check(seq(['lookup_order', 'issue_refund'], { strict: true }), agent());
    expect(tight.status).toBe('fail');
    expect(tight.reason).toContain('back to back; matched 1 of 2 (next: issue_refund)');
    expect(
      await check(seq(['check_policy', 'issue_refund'], { strict: true }), agent()),
    ).toMatchObject({ status: 'pass' });
  });

  it('refund before lookup fails in_order, and the reason shows the trajectory', async () => {
    const t = withCalls([call('issue_refund', { order_id: 'A17' }), call('lookup_order')]);
    const r = await check(seq(['lookup_order', 'issue_refund'], { match: 'in_order' }), t);
    expect(r.status).toBe('fail');
    expect(r.reason).toBe(
      'expected lookup_order → issue_refund in order; matched 1 of 2 (next: issue_refund); called: issue_refund → lookup_order',
    );
  });

  it('strict: exactly these calls in this order, nothing else', async () => {
    const three = ['lookup_order', 'check_policy', 'issue_refund'];
    expect(await check(seq(three, { match: 'strict' }), agent())).toMatchObject({
      status: 'pass',
    });
    const extra = await check(seq(['lookup_order', 'check_policy'], { match: 'strict' }), agent());
    expect(extra.status).toBe('fail');
    expect(extra.reason).toContain('step 3: unexpected issue_refund(');
    const order = await check(seq([three[1], three[0], three[2]], { match: 'strict' }), agent());
    expect(order.reason).toContain('step 1: expected check_policy, got lookup_order(');
    const short = await check(seq([...three, 'send_email'], { match: 'strict' }), agent());
    expect(short.reason).toContain('step 4: expected send_email, no more calls');
  });

  it('unordered: the same multiset of calls', async () => {
    const spec = seq(['issue_refund', 'check_policy', 'lookup_order'], { match: 'unordered' });
    expect(await check(spec, agent())).toMatchObject({ status: 'pass' });
    const twice = agent();
    twice.tool_calls!.push(call('issue_refund', { order_id: 'A17', amount: 50 }));
    const r = await check(spec, twice);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('unexpected issue_refund(');
    const missing = await check(
      seq(['lookup_order', 'lookup_order', 'check_policy', 'issue_refund'], { match: 'unordered' }),
      agent(),
    );
    expect(missing.reason).toContain('missing lookup_order');
  });

  it('superset: these calls all happen, in any order, others allowed', async () => {
    const spec = seq(['issue_refund', 'lookup_order'], { match: 'superset' });
    expect(await check(spec, agent())).toMatchObject({ status: 'pass' });
    const r = await check(seq(['issue_refund', 'escalate'], { match: 'superset' }), agent());
    expect(r).toMatchObject({ status: 'fail' });
    expect(r.reason).toContain('missing escalate');
  });

  it('subset: every call is one of these', async () => {
    const allowed = ['lookup_order', 'check_policy', 'issue_refund', 'send_email'];
    expect(await check(seq(allowed, { match: 'subset' }), agent())).toMatchObject({
      status: 'pass',
    });
    expect(await check(seq(allowed, { match: 'subset' }), withCalls([]))).toMatchObject({
      status: 'pass',
    });
    const r = await check(seq(['lookup_order', 'check_policy'], { match: 'subset' }), agent());
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('not among the expected calls: issue_refund(');
  });

  it('steps match arguments: exact subset, a regex per argument, a JSON Schema', async () => {
    const steps = [
      { name: 'lookup_order', args_match: { order_id: '^A\\d+$' } },
      { name: 'issue_refund', args: { order_id: 'A17' }, args_schema: amountAtMost(50) },
    ];
    expect(await check(seq(steps), agent())).toMatchObject({ status: 'pass' });
    for (const match of ['strict', 'unordered', 'superset', 'subset', 'contiguous']) {
      const t = agent();
      if (match === 'strict' || match === 'unordered' || match === 'contiguous') {
        t.tool_calls!.splice(1, 1);
      }
      expect((await check(seq(steps, { match }), t)).status, match).toBe(
        match === 'subset' ? 'fail' : 'pass',
      );
    }
    const over = agent();
    over.tool_calls![2].arguments = { order_id: 'A17', amount: 75 };
    const r = await check(seq(steps), over);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain(
      '(next: issue_refund with {"order_id":"A17"}, matching args_schema)',
    );
    expect(r.reason).toContain('args_schema: /amount must be <= 50');
    const wrongId = agent();
    wrongId.tool_calls![0].arguments = { order_id: 'B-9' };
    const w = await check(seq(steps, { match: 'strict' }), wrongId);
    expect(w.reason).toContain('order_id "B-9" does not match /^A\\d+$/');
  });

  it('overlapping steps are matched to distinct calls', async () => {
    // The general step must not take the only call the specific step can match.
    const t = withCalls([call('search', { q: 'hours' }), call('search', { q: 'refunds' })]);
    const spec = seq([{ name: 'search' }, { name: 'search', args: { q: 'hours' } }], {
      match: 'unordered',
    });
    expect(await check(spec, t)).toMatchObject({ status: 'pass' });
  });

  it('rejects bad specs at load: unknown mode, match with strict, a bad step', () => {
    expect(specIssues(seq(['a'], { match: 'any_order' }))).toMatch(/in_order/);
    expect(specIssues(seq(['a'], { match: 'strict', strict: true }))).toMatch(/not both/);
    expect(specIssues(seq([{ name: 'a', arg: {} }]))).toMatch(/arg/);
    expect(specIssues(seq([{ name: 'a', args_match: { id: '(' } }]))).toMatch(/regular/);
    expect(specIssues(seq([{ name: 'a', args_schema: { type: 'nope' } }]))).toMatch(/JSON Schema/);
  });

  it('errors when the run errored', async () => {
    expect(await statusOnErroredRun(seq(['a'], { match: 'strict' }))).toBe('error');
  });
});

function amountAtMost(max: number) {
  return {
    type: 'object',
    required: ['amount'],
    properties: { amount: { type: 'number', maximum: max } },
  };
}

describe('tool_args', () => {
  const spec = (extra: Record<string, unknown>) => ({
    type: 'tool_args',
    name: 'issue_refund',
    ...extra,
  });
  const refunds = (...amounts: number[]) =>
    withCalls(amounts.map((amount) => call('issue_refund', { order_id: 'A17', amount })));

  it('every call by default; a JSON Schema, exact values, patterns', async () => {
    const s = spec({ args_schema: amountAtMost(50), args: { order_id: 'A17' } });
    expect(await check(s, refunds(20, 50))).toMatchObject({
      status: 'pass',
      reason: 'issue_refund with {"order_id":"A17"}, matching args_schema: 2 calls match',
    });
    const r = await check(s, refunds(20, 80));
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('every call of issue_refund');
    expect(r.reason).toContain('call #2 issue_refund({"order_id":"A17","amount":80})');
    expect(r.reason).toContain('/amount must be <= 50');
    const p = await check(spec({ args_match: { amount: '^\\d{2}$' } }), refunds(20, 100));
    expect(p.reason).toContain('amount 100 does not match /^\\d{2}$/');
  });

  it('which call: first, last, nth, any', async () => {
    const s = (call: unknown) => spec({ call, args_schema: amountAtMost(50) });
    const t = refunds(80, 20);
    expect((await check(s('first'), t)).status).toBe('fail');
    expect(await check(s('last'), t)).toMatchObject({
      status: 'pass',
      reason: 'issue_refund matching args_schema: the last call matches',
    });
    expect((await check(s(2), t)).status).toBe('pass');
    expect(await check(s(3), t)).toMatchObject({
      status: 'fail',
      reason: 'issue_refund called 2 times, no call #3',
    });
    expect(await check(s('any'), t)).toMatchObject({ status: 'pass' });
    expect((await check(s('any'), refunds(80, 90))).status).toBe('fail');
  });

  it('not called: fails unless required: false', async () => {
    const s = spec({ args: { order_id: 'A17' } });
    const t = hallucinatedRefund();
    expect(await check(s, t)).toMatchObject({
      status: 'fail',
      reason: 'issue_refund not called (called: lookup_order)',
    });
    expect(await check({ ...s, required: false }, t)).toMatchObject({ status: 'pass' });
  });

  it('reads OpenAI-style messages when the trace has no tool_calls', async () => {
    const t = goodRefund();
    delete t.tool_calls;
    const s = spec({ args: { reason: 'damaged' }, args_match: { order_id: '^A17$' } });
    expect(await check(s, t)).toMatchObject({ status: 'pass' });
  });

  it('rejects a spec with nothing to match, or a bad call, at load; errors on an errored run', async () => {
    expect(specIssues(spec({}))).toMatch(/at least one of args, args_schema or args_match/);
    expect(specIssues(spec({ args: {}, call: 0 }))).toBeDefined();
    expect(specIssues(spec({ args: {}, call: 'second' }))).toBeDefined();
    expect(await statusOnErroredRun(spec({ args: {} }))).toBe('error');
    // Run without validation (a spec the loader would reject): an error, not a throw or a pass.
    const def = getCheck('tool_args')!;
    const out = def.run(
      { type: 'tool_args', mode: 'm', name: 'issue_refund', args_match: { x: '(' } },
      refunds(1),
      ctxFor(),
    );
    expect(out).toMatchObject({ status: 'error' });
  });
});

describe('no_tool_loop', () => {
  const poll = (n: number, args: Record<string, unknown> = { id: 'A17' }) =>
    Array.from({ length: n }, () => call('track_parcel', args));

  it('the same call more than max times fails; other arguments or key order do not matter', async () => {
    expect(await check({ type: 'no_tool_loop' }, withCalls(poll(2)))).toMatchObject({
      status: 'pass',
    });
    const r = await check({ type: 'no_tool_loop' }, withCalls(poll(3)));
    expect(r).toMatchObject({
      status: 'fail',
      reason: 'track_parcel({"id":"A17"}) called 3 times, at most 2 allowed',
    });
    const reordered = withCalls([
      call('f', { a: 1, b: 2 }),
      call('f', { b: 2, a: 1 }),
      call('f', { a: 1, b: 3 }),
    ]);
    expect((await check({ type: 'no_tool_loop', max: 1 }, reordered)).reason).toContain(
      'called 2 times',
    );
    expect((await check({ type: 'no_tool_loop', max: 1, name: 'g' }, reordered)).status).toBe(
      'pass',
    );
  });

  it('consecutive: only back-to-back repeats count', async () => {
    const t = withCalls([...poll(2), call('other'), ...poll(2)]);
    expect((await check({ type: 'no_tool_loop' }, t)).status).toBe('fail');
    expect((await check({ type: 'no_tool_loop', consecutive: true }, t)).status).toBe('pass');
    const loop = withCalls([call('other'), ...poll(3)]);
    expect(await check({ type: 'no_tool_loop', consecutive: true }, loop)).toMatchObject({
      status: 'fail',
      reason: 'track_parcel({"id":"A17"}) called 3 times in a row, at most 2 allowed',
    });
  });

  it('rejects max: 0 at load; errors on an errored run', async () => {
    expect(specIssues({ type: 'no_tool_loop', max: 0 })).toBeDefined();
    expect(await statusOnErroredRun({ type: 'no_tool_loop' })).toBe('error');
  });
});

describe('max_steps', () => {
  it('counts tool calls by default', async () => {
    expect(await check({ type: 'max_steps', steps: 3 }, agent())).toMatchObject({
      status: 'pass',
      reason: '3 tool calls ≤ 3',
    });
    expect(await check({ type: 'max_steps', steps: 2 }, agent())).toMatchObject({
      status: 'fail',
      reason: '3 tool calls > 2',
    });
  });

  it('count: messages counts every message but system and user ones', async () => {
    // goodRefund: system, user, assistant, tool, assistant, tool, assistant.
    const t = goodRefund();
    expect(await check({ type: 'max_steps', steps: 5, count: 'messages' }, t)).toMatchObject({
      status: 'pass',
      reason: '5 messages ≤ 5',
    });
    expect((await check({ type: 'max_steps', steps: 4, count: 'messages' }, t)).status).toBe(
      'fail',
    );
  });

  it('errors without messages to count, or when the run errored', async () => {
    const r = await check({ type: 'max_steps', steps: 4, count: 'messages' }, agent());
    expect(r).toMatchObject({ status: 'error' });
    expect(specIssues({ type: 'max_steps', steps: 4, count: 'turns' })).toBeDefined();
    expect(await statusOnErroredRun({ type: 'max_steps', steps: 4 })).toBe('error');
  });
});

describe('tool_error_handled', () => {
  const failedRefund = (result: unknown, output: string): Trace =>
    withCalls(
      [call('lookup_order', { order_id: 'A17' }, { total: 50 }), call('issue_refund', {}, result)],
      output,
    );

  it('recognises error results in the documented shapes, and only those', () => {
    for (const r of [
      { error: 'gateway timeout' },
      { error: { code: 502, message: 'bad gateway' } },
      { ok: false },
      { success: false, message: 'card declined' },
      { is_error: true, content: 'denied' },
      { isError: true, content: [{ type: 'text', text: 'denied' }] },
      { status: 'error' },
      { errors: [{ message: 'not found' }] },
      'Error: payment gateway timeout',
      'ERROR 500',
      'Traceback (most recent call last): ...',
      'ValueError: amount must be positive',
      '{"error": "gateway timeout"}',
    ]) {
      expect(toolErrorOf(r), JSON.stringify(r)).toBeDefined();
    }
    for (const r of [
      { error: null },
      { error: '' },
      { error: false },
      { ok: true },
      { status: 'processed' },
      { errors: [] },
      'Refund R-1 processed. No errors.',
      '{"status": "ok"}',
      42,
      null,
    ]) {
      expect(toolErrorOf(r), JSON.stringify(r)).toBeUndefined();
    }
    expect(toolErrorOf({ error: { message: 'bad gateway' } })).toBe('bad gateway');
  });

  it('an error result and an answer claiming success fails; an honest answer passes', async () => {
    const err = { error: 'payment gateway timeout' };
    const r = await check(
      { type: 'tool_error_handled' },
      failedRefund(err, 'Good news! Your refund has been processed and will arrive in 5 days.'),
    );
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('issue_refund returned an error ("payment gateway timeout")');
    expect(r.reason).toContain(
      'but the answer claims success: "Good news! Your refund has been processed',
    );
    for (const honest of [
      "I'm sorry, I couldn't issue your refund right now: our payment system is down.",
      'The refund has not been processed yet; I have escalated it to a colleague.',
      'Your refund will be issued once the payment system is back.',
      'There was a problem with the refund. Please try again later.',
    ]) {
      expect(
        (await check({ type: 'tool_error_handled' }, failedRefund(err, honest))).status,
        honest,
      ).toBe('pass');
    }
  });

  it('a retry that succeeded makes the error handled', async () => {
    const t = withCalls(
      [
        call('issue_refund', { order_id: 'A17' }, 'Error: timeout'),
        call('issue_refund', { order_id: 'A17' }, { refund_id: 'R-1', status: 'processed' }),
      ],
      'Your refund has been issued.',
    );
    expect(await check({ type: 'tool_error_handled' }, t)).toMatchObject({
      status: 'pass',
      reason: 'issue_refund errored, then succeeded on a later call',
    });
  });

  it('no error result: passes whatever the answer says', async () => {
    expect(await check({ type: 'tool_error_handled' }, goodRefund())).toMatchObject({
      status: 'pass',
      reason: 'no tool result was an error',
    });
  });

  it('reads tool messages (OpenAI, Anthropic is_error) when tool_calls carry no results', async () => {
    const openai = goodRefund();
    delete openai.tool_calls;
    openai.messages![5] = { role: 'tool', tool_call_id: 'c2', content: 'Error: card declined' };
    const r = await check({ type: 'tool_error_handled' }, openai);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('issue_refund returned an error ("Error: card declined")');

    const anthropic: Trace = {
      output: "You're all set, the refund went through.",
      messages: [
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't1', name: 'issue_refund', input: {} }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't1', is_error: true, content: 'denied' }],
        },
      ],
      tool_calls: [{ name: 'issue_refund', id: 't1', arguments: {} }],
    };
    expect((await check({ type: 'tool_error_handled' }, anthropic)).status).toBe('fail');
  });

  it('tool: only that tool’s errors; claim: a pattern replacing the built-in phrases', async () => {
    const t = failedRefund({ ok: false }, 'Refund complete — all set!');
    expect((await check({ type: 'tool_error_handled', tool: 'lookup_order' }, t)).status).toBe(
      'pass',
    );
    expect((await check({ type: 'tool_error_handled' }, t)).status).toBe('fail');
    const custom = { type: 'tool_error_handled', claim: 'refund complete' };
    expect((await check(custom, t)).status).toBe('fail');
    expect(
      (await check(custom, failedRefund({ ok: false }, 'Your refund has been issued.'))).status,
    ).toBe('pass');
  });

  it('rejects a bad claim regex at load; errors on an errored run', async () => {
    expect(specIssues({ type: 'tool_error_handled', claim: '(' })).toMatch(/regular/);
    expect(await statusOnErroredRun({ type: 'tool_error_handled' })).toBe('error');
  });
});
