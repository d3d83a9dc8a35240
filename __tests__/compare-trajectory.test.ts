/**
 * Trajectories of a new failure: the first step where the head's tool calls leave the base's
 * (pure), carried by compare() in the excerpt, and shown by the comment and the text report.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.ts';
import { canonicalJson, firstDivergence } from '../src/compare/trajectory.ts';
import { renderComment, renderTextReport } from '../src/report/index.ts';
import type { Results, ToolCall, TraceTurn } from '../src/types.ts';
import { makeResults, trials } from './helpers/compare-results.ts';
import { gfm, HAS_CMARK, inertProblems } from './helpers/gfm.ts';

const lookup = (id = 'A1'): ToolCall => ({ name: 'lookup_order', arguments: { order_id: id } });
const refund = (id = 'A1', amount = 50): ToolCall => ({
  name: 'issue_refund',
  arguments: { order_id: id, amount },
});

describe('firstDivergence', () => {
  it('is undefined for the same trajectory, whatever the key order of the arguments', () => {
    const a = [lookup(), { name: 'issue_refund', arguments: { amount: 50, order_id: 'A1' } }];
    expect(firstDivergence(a, [lookup(), refund()])).toBeUndefined();
    expect(firstDivergence([], [])).toBeUndefined();
  });

  it('finds another tool at the first step', () => {
    expect(firstDivergence([refund(), lookup()], [lookup(), refund()])).toBe(0);
  });

  it('finds the same tool with other arguments, nested values included', () => {
    expect(firstDivergence([lookup(), refund('A1', 75)], [lookup(), refund()])).toBe(1);
    expect(
      firstDivergence(
        [{ name: 't', arguments: { a: { b: [1, 2] } } }],
        [{ name: 't', arguments: { a: { b: [1, 3] } } }],
      ),
    ).toBe(0);
    // A missing arguments object is the empty one; "50" is not 50.
    expect(firstDivergence([{ name: 't' }], [{ name: 't', arguments: {} }])).toBeUndefined();
    expect(firstDivergence([refund('A1', '50' as never)], [refund()])).toBe(0);
  });

  it('points past the shorter trajectory when one is a prefix of the other', () => {
    expect(firstDivergence([lookup()], [lookup(), refund()])).toBe(1);
    expect(firstDivergence([lookup(), refund(), lookup()], [lookup(), refund()])).toBe(2);
    expect(firstDivergence([], [lookup()])).toBe(0);
  });

  it('never throws on what an untrusted trace may hold', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const odd = [null, 7, { name: 'x', arguments: cyclic }] as never[];
    expect(firstDivergence(odd, odd)).toBeUndefined();
    expect(firstDivergence(odd, [lookup()])).toBe(0);
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});

/** 12 cases of `wrong_tool`; c0 fails every head trial, with `headCalls` as its trajectory. */
function regression(opts: {
  headCalls: ToolCall[];
  baseCalls: ToolCall[][];
  baseStatus?: ('pass' | 'fail')[];
  turns?: TraceTurn[];
}): { base: Results; head: Results } {
  const ids = Array.from({ length: 12 }, (_, i) => `c${i}`);
  const base = makeResults(
    ids.map((id, i) => ({
      id,
      trials:
        i === 0 && opts.baseStatus
          ? opts.baseStatus.map((s) => ({ wrong_tool: s }))
          : trials('wrong_tool', 3, 3),
    })),
    { label: 'base' },
  );
  const head = makeResults(
    ids.map((id, i) => ({ id, trials: trials('wrong_tool', i < 6 ? 0 : 3, 3) })),
    { label: 'head' },
  );
  head.cases[0].trials.forEach((t) => {
    t.trace.tool_calls = opts.headCalls;
    if (opts.turns) t.trace.turns = opts.turns;
  });
  base.cases[0].trials.forEach((t, k) => (t.trace.tool_calls = opts.baseCalls[k]));
  return { base, head };
}

describe('compare: the trajectory of a new failure', () => {
  it('carries the base trajectory and the first divergent step (refund before lookup)', () => {
    const { base, head } = regression({
      headCalls: [refund(), lookup()],
      baseCalls: [
        [lookup(), refund()],
        [lookup(), refund()],
        [lookup(), refund()],
      ],
    });
    const c = compare(base, head);
    const k = c.cases.find((x) => x.id === 'c0')!;
    expect(k.label).toBe('new_failure');
    expect(k.excerpt?.tool_calls.map((t) => t.name)).toEqual(['issue_refund', 'lookup_order']);
    expect(k.excerpt?.base_tool_calls?.map((t) => t.name)).toEqual([
      'lookup_order',
      'issue_refund',
    ]);
    expect(k.excerpt?.divergence).toEqual({
      step: 0,
      head: { name: 'issue_refund', arguments: '{"order_id":"A1","amount":50}' },
      base: { name: 'lookup_order', arguments: '{"order_id":"A1"}' },
    });
    // Only failures carry it: the other cases have no excerpt at all.
    expect(c.cases.filter((x) => x.excerpt?.base_tool_calls).map((x) => x.id)).toEqual(['c0']);
  });

  it('sets the head against a base trial that passes the mode, not one that fails it too', () => {
    const { base, head } = regression({
      headCalls: [lookup(), refund('A1', 75)],
      baseCalls: [[lookup()], [lookup(), refund()], [lookup(), refund()]],
      baseStatus: ['fail', 'pass', 'pass'],
    });
    const k = compare(base, head).cases.find((x) => x.id === 'c0')!;
    expect(k.excerpt?.base_tool_calls?.length).toBe(2);
    expect(k.excerpt?.divergence?.step).toBe(1);
    expect(k.excerpt?.divergence?.head?.arguments).toContain('75');
  });

  it('leaves the base out when the trajectories are the same', () => {
    const { base, head } = regression({
      headCalls: [lookup(), refund()],
      baseCalls: [
        [lookup(), refund()],
        [lookup(), refund()],
        [lookup(), refund()],
      ],
    });
    const k = compare(base, head).cases.find((x) => x.id === 'c0')!;
    expect(k.label).toBe('new_failure');
    expect(k.excerpt?.divergence).toBeUndefined();
    expect(k.excerpt?.base_tool_calls).toBeUndefined();
  });

  it('a head that stops early: the divergent step is the base call it never made', () => {
    const { base, head } = regression({
      headCalls: [lookup()],
      baseCalls: [
        [lookup(), refund()],
        [lookup(), refund()],
        [lookup(), refund()],
      ],
    });
    const k = compare(base, head).cases.find((x) => x.id === 'c0')!;
    expect(k.excerpt?.divergence).toEqual({
      step: 1,
      base: { name: 'issue_refund', arguments: '{"order_id":"A1","amount":50}' },
    });
    expect(renderComment(compare(base, head), {})).toContain(
      '  1. lookup_order {"order_id":"A1"}\n  2. (no call)   ← head diverges here: base called issue_refund, head stopped\ntool calls (base):',
    );
  });

  it('keeps a conversation turn by turn, cut', () => {
    const { base, head } = regression({
      headCalls: [refund()],
      baseCalls: [
        [lookup(), refund()],
        [lookup(), refund()],
        [lookup(), refund()],
      ],
      turns: [
        { user: 'My order is A1.', output: 'Thanks!' },
        { user: 'x'.repeat(2000), output: 'Refunded.' },
      ],
    });
    const k = compare(base, head).cases.find((x) => x.id === 'c0')!;
    expect(k.excerpt?.turns?.[0]).toEqual({ user: 'My order is A1.', output: 'Thanks!' });
    expect(k.excerpt?.turns?.[1].user.length).toBeLessThanOrEqual(301);
  });
});

describe('reports: the divergent step', () => {
  const { base, head } = regression({
    headCalls: [refund(), lookup()],
    baseCalls: [
      [lookup(), refund()],
      [lookup(), refund()],
      [lookup(), refund()],
    ],
  });
  const c = compare(base, head);

  it('the comment numbers the steps and marks where the head diverges, then lists the base', () => {
    const md = renderComment(c, {});
    expect(md).toContain(
      '  1. issue_refund {"order_id":"A1","amount":50}   ← head diverges here: base called lookup_order, head called issue_refund',
    );
    expect(md).toContain(
      '  2. lookup_order {"order_id":"A1"}\ntool calls (base):\n  1. lookup_order',
    );
  });

  it('the text report says it in two lines', () => {
    const txt = renderTextReport(c);
    expect(txt).toContain(
      '      trajectory: head issue_refund -> lookup_order; base lookup_order -> issue_refund',
    );
    expect(txt).toContain(
      '      diverges at step 1: base called lookup_order {"order_id":"A1"}, head called issue_refund {"order_id":"A1","amount":50}',
    );
  });

  it('a conversation shows as turns in the comment', () => {
    const conv = regression({
      headCalls: [refund()],
      baseCalls: [
        [lookup(), refund()],
        [lookup(), refund()],
        [lookup(), refund()],
      ],
      turns: [
        { user: 'My order is A1.', output: 'Thanks!' },
        { user: 'Refund it.', output: 'Done.\nAll good.' },
      ],
    });
    const md = renderComment(compare(conv.base, conv.head), {});
    expect(md).toContain(
      'conversation:\n  turn 1: My order is A1. → Thanks!\n  turn 2: Refund it. → Done. All good.',
    );
  });

  it('untrusted names and arguments stay inert and redacted', () => {
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    const evil = regression({
      headCalls: [{ name: '<img src=x onerror=alert(1)> @admin\n```', arguments: { key: token } }],
      baseCalls: [[lookup()], [lookup()], [lookup()]],
    });
    const cmp = compare(evil.base, evil.head);
    const md = renderComment(cmp, {});
    expect(md).not.toContain(token);
    expect(md).toContain('← head diverges here: base called lookup_order, head called <img');
    if (HAS_CMARK) expect(inertProblems(gfm(md), [])).toEqual([]);
    const txt = renderTextReport(cmp);
    expect(txt).not.toContain(token);
    expect(txt).toContain('diverges at step 1: base called lookup_order');
  });
});
