import { describe, expect, it } from 'vitest';
import { getCheck } from '../src/checks/registry.ts';
import { detectRefusal } from '../src/checks/text/refusal.ts';
import { check, ctxFor, specIssues } from './fixtures/checks/run.ts';
import {
  goodRefund,
  hallucinatedRefund,
  refusalTrace,
  triageTrace,
} from './fixtures/checks/traces.ts';

describe('spec validation', () => {
  it('rejects unknown fields such as a typo', () => {
    expect(specIssues({ type: 'contains', value: 'refund' })).toBeUndefined();
    expect(specIssues({ type: 'contains', vaule: 'refund' })).toMatch(/vaule/);
    expect(specIssues({ type: 'tool_called', name: 'issue_refund', arg: {} })).toMatch(/arg/);
  });

  it('rejects a regex that does not compile at load time', () => {
    expect(specIssues({ type: 'regex', pattern: 'refund (issued' })).toMatch(/regular expression/);
    expect(specIssues({ type: 'claim_requires_tool', claim: '[', tool: 'x' })).toMatch(/regular/);
    expect(specIssues({ type: 'refusal', expect: true, patterns: ['(?<'] })).toMatch(/regular/);
  });

  it('requires a mode', () => {
    const def = getCheck('contains')!;
    expect(def.schema.safeParse({ type: 'contains', value: 'x' }).success).toBe(false);
  });
});

describe('contains / not_contains', () => {
  it('passes and fails on the output text', async () => {
    const t = goodRefund();
    expect(await check({ type: 'contains', value: 'order A17' }, t)).toMatchObject({
      status: 'pass',
    });
    const miss = await check({ type: 'contains', value: 'store credit' }, t);
    expect(miss.status).toBe('fail');
    expect(miss.reason).toContain('"store credit"');
    expect(miss.reason).toContain("I've issued a refund");
    expect(
      await check({ type: 'contains', value: 'ORDER a17', ignore_case: true }, t),
    ).toMatchObject({ status: 'pass' });
  });

  it('not_contains quotes where the forbidden text appears', async () => {
    const t = hallucinatedRefund();
    const r = await check({ type: 'not_contains', value: 'has been processed' }, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('your refund has been processed');
    expect(await check({ type: 'not_contains', value: 'guarantee' }, t)).toMatchObject({
      status: 'pass',
    });
  });
});

describe('regex', () => {
  it('must_match defaults to true', async () => {
    const t = goodRefund();
    const r = await check({ type: 'regex', pattern: 'refund of \\$\\d+' }, t);
    expect(r).toMatchObject({ status: 'pass' });
    expect(r.reason).toContain('refund of $50');
    const f = await check({ type: 'regex', pattern: 'R-\\d{3}' }, t);
    expect(f.status).toBe('fail');
  });

  it('must_match: false fails when the pattern appears; flags apply', async () => {
    const t = hallucinatedRefund();
    const r = await check(
      { type: 'regex', pattern: 'GOOD NEWS', flags: 'i', must_match: false },
      t,
    );
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('Good news');
    expect(
      await check({ type: 'regex', pattern: 'GOOD NEWS', must_match: false }, t),
    ).toMatchObject({ status: 'pass' });
  });

  it('a global flag does not make a cached regex stateful', async () => {
    const spec = getCheck('regex')!.schema.parse({
      type: 'regex',
      mode: 'm',
      pattern: 'A17',
      flags: 'g',
    });
    const def = getCheck('regex')!;
    for (let i = 0; i < 3; i++) {
      expect((await def.run(spec, goodRefund(), ctxFor())).status).toBe('pass');
    }
  });

  it('is an error when the pattern does not compile at run time', async () => {
    const def = getCheck('regex')!;
    const r = await def.run({ type: 'regex', mode: 'm', pattern: '(' }, goodRefund(), ctxFor());
    expect(r.status).toBe('error');
    expect(r.reason).toMatch(/invalid regex/);
  });
});

describe('equals', () => {
  it('compares exactly, or trimmed and case-insensitively', async () => {
    const t = triageTrace('  REFUND\n');
    expect((await check({ type: 'equals', value: 'refund' }, t)).status).toBe('fail');
    expect((await check({ type: 'equals', value: 'REFUND', trim: true }, t)).status).toBe('pass');
    expect(
      (await check({ type: 'equals', value: 'refund', trim: true, ignore_case: true }, t)).status,
    ).toBe('pass');
    const r = await check({ type: 'equals', value: 'REFUNDS', trim: true }, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('expected "REFUNDS", got "REFUND"');
    expect(r.reason).toContain('character 7');
  });
});

describe('tool_called', () => {
  it('passes when the tool was called with a subset of arguments', async () => {
    const t = goodRefund();
    expect(
      await check({ type: 'tool_called', name: 'lookup_order', args: { order_id: 'A17' } }, t),
    ).toMatchObject({ status: 'pass' });
    expect(
      await check({ type: 'tool_called', name: 'issue_refund', args: { amount: 50 } }, t),
    ).toMatchObject({ status: 'pass' });
  });

  it('fails naming what was called instead', async () => {
    const t = hallucinatedRefund();
    const r = await check({ type: 'tool_called', name: 'issue_refund' }, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toBe('issue_refund not called; called: lookup_order');
    const wrongArgs = await check(
      { type: 'tool_called', name: 'lookup_order', args: { order_id: 'A18' } },
      t,
    );
    expect(wrongArgs.status).toBe('fail');
    expect(wrongArgs.reason).toContain('lookup_order({"order_id":"A17"})');
  });

  it('deep partial match on nested arguments; arrays must match element-wise', async () => {
    const t = goodRefund();
    t.tool_calls![1].arguments = {
      order_id: 'A17',
      lines: [{ sku: 'BL-9', qty: 1, price: 50 }],
      meta: { channel: 'chat', agent: 'bot' },
    };
    const ok = { type: 'tool_called', name: 'issue_refund' };
    expect(await check({ ...ok, args: { meta: { channel: 'chat' } } }, t)).toMatchObject({
      status: 'pass',
    });
    expect(await check({ ...ok, args: { lines: [{ sku: 'BL-9' }] } }, t)).toMatchObject({
      status: 'pass',
    });
    expect(await check({ ...ok, args: { lines: [] } }, t)).toMatchObject({ status: 'fail' });
    expect(await check({ ...ok, args: { meta: { channel: 'email' } } }, t)).toMatchObject({
      status: 'fail',
    });
    // Types are strict: "50" is not 50.
    expect(await check({ ...ok, args: { lines: [{ price: '50' }] } }, t)).toMatchObject({
      status: 'fail',
    });
  });

  it('times and min_times count matching calls', async () => {
    const t = goodRefund();
    t.tool_calls!.push({ name: 'lookup_order', arguments: { order_id: 'A17' } });
    const base = { type: 'tool_called', name: 'lookup_order' };
    expect(await check({ ...base, times: 2 }, t)).toMatchObject({ status: 'pass' });
    const once = await check({ ...base, times: 1 }, t);
    expect(once.status).toBe('fail');
    expect(once.reason).toContain('called 2 times, expected exactly 1');
    expect(await check({ ...base, min_times: 3 }, t)).toMatchObject({ status: 'fail' });
    expect(await check({ type: 'tool_called', name: 'escalate', times: 0 }, t)).toMatchObject({
      status: 'pass',
    });
    expect(specIssues({ ...base, times: 1, min_times: 1 })).toMatch(/not both/);
  });

  it('reads tool calls from OpenAI-style messages when tool_calls is absent', async () => {
    const t = goodRefund();
    delete t.tool_calls;
    expect(
      await check({ type: 'tool_called', name: 'issue_refund', args: { amount: 50 } }, t),
    ).toMatchObject({ status: 'pass' });
  });
});

describe('tool_not_called', () => {
  it('fails quoting the call', async () => {
    const t = goodRefund();
    const r = await check({ type: 'tool_not_called', name: 'issue_refund' }, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('issue_refund called 1 time: issue_refund({"order_id":"A17"');
    expect(await check({ type: 'tool_not_called', name: 'delete_account' }, t)).toMatchObject({
      status: 'pass',
    });
    expect(
      await check({ type: 'tool_not_called', name: 'issue_refund', args: { amount: 500 } }, t),
    ).toMatchObject({ status: 'pass' });
  });
});

describe('tool_sequence', () => {
  it('an ordered subsequence passes; the wrong order fails', async () => {
    const t = goodRefund();
    t.tool_calls!.splice(1, 0, { name: 'check_policy', arguments: {} });
    const seq = { type: 'tool_sequence', tools: ['lookup_order', 'issue_refund'] };
    expect(await check(seq, t)).toMatchObject({ status: 'pass' });
    const rev = await check({ ...seq, tools: ['issue_refund', 'lookup_order'] }, t);
    expect(rev.status).toBe('fail');
    expect(rev.reason).toContain('matched 1 of 2 (next: lookup_order)');
    expect(rev.reason).toContain('lookup_order → check_policy → issue_refund');
  });

  it('strict: true needs the calls back to back', async () => {
    const t = goodRefund();
    const seq = { type: 'tool_sequence', tools: ['lookup_order', 'issue_refund'], strict: true };
    expect(await check(seq, t)).toMatchObject({ status: 'pass' });
    t.tool_calls!.splice(1, 0, { name: 'check_policy', arguments: {} });
    const r = await check(seq, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('back to back');
  });
});

describe('claim_requires_tool', () => {
  const spec = {
    type: 'claim_requires_tool',
    claim: 'refund (has been|was|is) (processed|issued)',
    tool: 'issue_refund',
  };

  it('fails when the output claims an action no tool performed', async () => {
    const r = await check(spec, hallucinatedRefund());
    expect(r.status).toBe('fail');
    expect(r.reason).toBe(
      'claims "refund has been processed" but issue_refund was not called (called: lookup_order)',
    );
  });

  it('passes when the tool was called, and when no claim is made', async () => {
    const t = goodRefund();
    t.output = 'Your refund was issued a minute ago.';
    const r = await check(spec, t);
    expect(r.status).toBe('pass');
    expect(r.reason).toContain('"refund was issued"');
    expect(await check(spec, refusalTrace())).toEqual({ status: 'pass', reason: 'no claim made' });
  });

  it('the claim is case-insensitive and may require arguments', async () => {
    const t = goodRefund();
    t.output = 'REFUND HAS BEEN ISSUED.';
    expect(await check({ ...spec, args: { order_id: 'A17' } }, t)).toMatchObject({
      status: 'pass',
    });
    expect(await check({ ...spec, args: { order_id: 'B2' } }, t)).toMatchObject({
      status: 'fail',
    });
  });

  it('is an error when the claim regex does not compile', async () => {
    const def = getCheck('claim_requires_tool')!;
    const r = await def.run({ ...spec, mode: 'm', claim: 'refund (' }, goodRefund(), ctxFor());
    expect(r.status).toBe('error');
  });
});

describe('refusal', () => {
  it('detects refusals, with curly apostrophes', async () => {
    const t = refusalTrace();
    const must = await check({ type: 'refusal', expect: true }, t);
    expect(must.status).toBe('pass');
    expect(must.reason).toContain('I’m sorry, but I can’t share');
    const mustNot = await check({ type: 'refusal', expect: false }, t);
    expect(mustNot.status).toBe('fail');
  });

  it('a helpful answer is not a refusal', async () => {
    const t = goodRefund();
    expect(await check({ type: 'refusal', expect: false }, t)).toMatchObject({ status: 'pass' });
    const r = await check({ type: 'refusal', expect: true }, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toMatch(/^did not refuse: "I've issued/);
  });

  it.each([
    ['I cannot process refunds over $500 without a manager.', true],
    ["I'm unable to change the shipping address after dispatch.", true],
    ['I am not able to help with that request.', true],
    ["Sorry, I won't be able to do that.", true],
    ['That request is against our policy.', true],
    ['No. I cannot.', true],
    ["I'm not allowed to share account details.", true],
    ["I can't find an order with that number — could you double-check it?", false],
    ["I can't wait to hear how you like the blender!", false],
    ['Your refund is on its way and will arrive within 5 business days.', false],
    ['If you cannot find the receipt, we can look it up for you.', false],
  ])('%s → refusal %s', (text, expected) => {
    expect(detectRefusal(text) !== undefined).toBe(expected);
  });

  it('user patterns extend the detector', async () => {
    const t = goodRefund();
    t.output = 'Please contact a human agent for that.';
    expect(await check({ type: 'refusal', expect: true }, t)).toMatchObject({ status: 'fail' });
    expect(
      await check({ type: 'refusal', expect: true, patterns: ['contact a human agent'] }, t),
    ).toMatchObject({ status: 'pass' });
  });

  it('is an error when a user pattern does not compile at run time', async () => {
    const def = getCheck('refusal')!;
    const r = await def.run(
      { type: 'refusal', mode: 'm', expect: true, patterns: ['a('] },
      goodRefund(),
      ctxFor(),
    );
    expect(r.status).toBe('error');
  });
});

describe('budgets', () => {
  it('max_latency', async () => {
    expect(await check({ type: 'max_latency', ms: 2000 }, goodRefund())).toEqual({
      status: 'pass',
      reason: 'latency 1,840 ms ≤ 2,000 ms',
    });
    expect(await check({ type: 'max_latency', ms: 2000 }, hallucinatedRefund())).toEqual({
      status: 'fail',
      reason: 'latency 5,200 ms > 2,000 ms',
    });
    const t = goodRefund();
    delete t.latency_ms;
    expect(await check({ type: 'max_latency', ms: 2000 }, t)).toMatchObject({ status: 'error' });
  });

  it('max_cost', async () => {
    expect(await check({ type: 'max_cost', usd: 0.01 }, goodRefund())).toEqual({
      status: 'pass',
      reason: 'cost $0.0031 ≤ $0.01',
    });
    expect(await check({ type: 'max_cost', usd: 0.01 }, hallucinatedRefund())).toMatchObject({
      status: 'fail',
      reason: 'cost $0.012 > $0.01',
    });
    expect(await check({ type: 'max_cost', usd: 0.01 }, refusalTrace())).toMatchObject({
      status: 'error',
    });
  });

  it('max_tokens (total, input, output)', async () => {
    const t = goodRefund();
    expect(await check({ type: 'max_tokens', tokens: 1500 }, t)).toMatchObject({
      status: 'pass',
      reason: '1285 tokens ≤ 1500',
    });
    expect(await check({ type: 'max_tokens', tokens: 1000, count: 'input' }, t)).toMatchObject({
      status: 'fail',
    });
    expect(await check({ type: 'max_tokens', tokens: 100, count: 'output' }, t)).toMatchObject({
      status: 'pass',
    });
    expect(await check({ type: 'max_tokens', tokens: 100 }, refusalTrace())).toMatchObject({
      status: 'error',
    });
  });

  it('max_turns counts assistant messages', async () => {
    expect(await check({ type: 'max_turns', turns: 3 }, goodRefund())).toMatchObject({
      status: 'pass',
      reason: '3 turns ≤ 3',
    });
    expect(await check({ type: 'max_turns', turns: 2 }, goodRefund())).toMatchObject({
      status: 'fail',
      reason: '3 turns > 2',
    });
    // Output only: one turn.
    expect(await check({ type: 'max_turns', turns: 1 }, triageTrace('{}'))).toMatchObject({
      status: 'pass',
    });
    // Tool calls but no messages: rounds cannot be counted.
    expect(await check({ type: 'max_turns', turns: 5 }, hallucinatedRefund())).toMatchObject({
      status: 'error',
    });
  });
});
