import OpenAI from 'openai';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costUsd, runCase, seedFor } from '../examples/refund-assistant/agent.ts';
import { startMockLLM, type MockLLM } from '../examples/refund-assistant/mock-llm.ts';
import { materializeVariant } from '../examples/refund-assistant/variant.ts';
import type { CaseRequest, Trace } from '../src/types.ts';

let mock: MockLLM;
let client: OpenAI;
let regressedDir: string;

beforeAll(async () => {
  mock = await startMockLLM({ latencyMs: [0, 0] });
  client = new OpenAI({ apiKey: 'test', baseURL: mock.url, maxRetries: 0 });
  regressedDir = materializeVariant('regressed');
});
afterAll(async () => {
  await mock.close();
  rmSync(regressedDir, { recursive: true, force: true });
});

function request(
  id: string,
  content: string,
  context: Record<string, unknown>,
  trial = 0,
): CaseRequest {
  return { id, input: { messages: [{ role: 'user', content }] }, context, tags: [], trial };
}

const names = (t: Trace) => (t.tool_calls ?? []).map((c) => c.name);
const REFUND = [
  'refund-eligible-headphones',
  'Please refund order A1001, the headphones stopped working.',
  { customer_id: 'C-101' },
] as const;
const HOURS = ['hours-basic', 'What are your support hours?', { customer_id: 'C-101' }] as const;

describe('refund assistant agent', () => {
  it('looks the order up, issues the refund and records the whole run in the trace', async () => {
    const trace = await runCase(request(...REFUND), { client });
    expect(trace.error).toBeNull();
    expect(names(trace)).toEqual(['lookup_order', 'issue_refund']);
    const [lookup, refund] = trace.tool_calls!;
    expect(lookup.arguments).toEqual({ order_id: 'A1001' });
    expect(lookup.result).toMatchObject({ ok: true, refund_eligible: true });
    expect(refund.arguments).toMatchObject({ order_id: 'A1001', amount: 89.99 });
    expect(refund.result).toMatchObject({ ok: true, refund_id: 'R-A1001-1' });
    expect(trace.output).toContain("I've issued a refund of $89.99");
    // system, user, assistant(tool call), tool, assistant(tool call), tool, assistant(answer)
    expect(trace.messages?.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(trace.retrieved?.length).toBeGreaterThan(0);
    expect(trace.retrieved?.every((d) => d.id?.startsWith('kb/') && d.text.length > 0)).toBe(true);
    expect(trace.usage?.input_tokens).toBeGreaterThan(0);
    expect(trace.usage?.cost_usd).toBeCloseTo(
      costUsd('gpt-4.1-mini', trace.usage!.input_tokens!, trace.usage!.output_tokens!),
      10,
    );
    expect(trace.latency_ms).toBeGreaterThanOrEqual(0);
    expect(trace.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(trace.metadata).toMatchObject({
      model: 'gpt-4.1-mini',
      seed: seedFor('refund-eligible-headphones', 0),
    });
  });

  it('retrieves the hours policy and answers from it', async () => {
    const trace = await runCase(request(...HOURS), { client });
    expect(trace.retrieved?.[0].id).toBe('kb/hours.md');
    expect(trace.output).toContain('8:00 to 18:00');
    expect(names(trace)).toEqual([]);
  });

  it("never refunds an order outside the window, and never another customer's order", async () => {
    const late = await runCase(
      request('late', 'Refund A1006 please, the yoga mat smells.', { customer_id: 'C-103' }),
      { client },
    );
    expect(names(late)).toEqual(['lookup_order']);
    expect(late.output).toMatch(/can't refund order A1006: it was delivered 45 days ago/);
    const foreign = await runCase(
      request('foreign', 'Refund order A1003 please.', { customer_id: 'C-101' }),
      { client },
    );
    expect(names(foreign)).not.toContain('issue_refund');
    expect(foreign.output).not.toContain('Tom Becker');
  });

  it('the regressed prompt claims refunds it never issued and states hours from memory; the good one does not', async () => {
    const trials = [0, 1, 2, 3, 4, 5];
    const run = (c: typeof REFUND | typeof HOURS, appDir?: string) =>
      Promise.all(trials.map((t) => runCase(request(c[0], c[1], c[2], t), { client, appDir })));

    const goodRefunds = await run(REFUND);
    const badRefunds = await run(REFUND, regressedDir);
    expect(goodRefunds.every((t) => names(t).includes('issue_refund'))).toBe(true);
    const hallucinated = badRefunds.filter(
      (t) => /has been processed/.test(t.output) && !names(t).includes('issue_refund'),
    );
    expect(hallucinated.length).toBeGreaterThan(0);
    expect(hallucinated.length).toBeLessThan(trials.length); // sometimes, not always: a flaky regression

    const goodHours = await run(HOURS);
    const badHours = await run(HOURS, regressedDir);
    expect(goodHours.every((t) => t.output.includes('8:00 to 18:00'))).toBe(true);
    expect(badHours.some((t) => t.output.includes('24/7'))).toBe(true);
    // Both versions retrieved the same document: the regression is in using it, not finding it.
    expect(badHours.every((t) => t.retrieved?.[0].id === 'kb/hours.md')).toBe(true);
  });

  /** Plays a script turn by turn as evalgate does: the messages so far, and the last state. */
  async function converse(id: string, script: string[], customer: string, appDir?: string) {
    const messages: { role: 'user' | 'assistant'; content: string }[] = [];
    const turns: Trace[] = [];
    let state: unknown;
    for (const [i, user] of script.entries()) {
      messages.push({ role: 'user', content: user });
      const conversation = {
        mode: 'turns' as const,
        turn: i + 1,
        user,
        messages: messages.slice(),
        ...(state !== undefined ? { state } : {}),
      };
      const req = { id, input: {}, context: { customer_id: customer }, tags: [], trial: 0 };
      const t = await runCase({ ...req, conversation }, { client, appDir });
      expect(t.error).toBeNull();
      turns.push(t);
      messages.push({ role: 'assistant', content: t.output });
      state = (t as Trace & { state?: unknown }).state;
    }
    return turns;
  }
  const SCRIPT = [
    'Hi, my order number is A1011.',
    "It's the mechanical keyboard, I paid $74.50 for it.",
    "Some keys don't register anymore. I'd like my money back, please.",
  ];

  it('speaks the turn protocol: the order id of turn 1 is remembered in turn 3, through state', async () => {
    const [t1, t2, t3] = await converse('conv', SCRIPT, 'C-106');
    expect(t1.output).toBe("Thanks, I've noted order A1011. How can I help with it?");
    expect(names(t1)).toEqual([]);
    expect(names(t2)).toEqual([]);
    expect(names(t3)).toEqual(['lookup_order', 'issue_refund']);
    expect(t3.tool_calls?.[1].arguments).toMatchObject({ order_id: 'A1011', amount: 74.5 });
    expect(t3.output).toContain("I've issued a refund of $74.50 for order A1011");
    // The state carries the transcript, tool calls included, without the system prompt.
    const state = (t3 as Trace & { state: { history: { role: string }[] } }).state;
    expect(state.history.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
      'tool',
      'assistant',
      'tool',
      'assistant',
    ]);
  });

  it('the regressed prompt refunds an order named earlier before looking it up', async () => {
    const turns = await converse('conv', SCRIPT, 'C-106', regressedDir);
    expect(names(turns[2])).toEqual(['issue_refund', 'lookup_order']);
  });

  it('conversation: whole returns every turn', async () => {
    const t = await runCase(
      {
        id: 'conv',
        input: {},
        context: { customer_id: 'C-106' },
        tags: [],
        trial: 0,
        conversation: { mode: 'whole', turns: SCRIPT.map((user) => ({ user })) },
      },
      { client },
    );
    expect(t.turns?.map((x) => x.user)).toEqual(SCRIPT);
    expect(t.turns?.[2].tool_calls?.map((c) => c.name)).toEqual(['lookup_order', 'issue_refund']);
  });

  it('answers from pinned documents, and owns up to a tool error', async () => {
    const documents = [
      { id: 'kb/hours.md', text: '# Support hours\n\nSupport hours are 9-5, Monday to Friday.' },
    ];
    const pinned = await runCase(request('pinned', 'What are your support hours?', { documents }), {
      client,
    });
    expect(pinned.retrieved?.map((d) => d.id)).toEqual(['kb/hours.md']);
    expect(pinned.output).toContain('Support hours are 9-5, Monday to Friday.');

    const failed = await runCase(
      request('provider', 'Please refund A1018. The speaker crackles.', { customer_id: 'C-110' }),
      { client },
    );
    expect(names(failed)).toEqual(['lookup_order', 'issue_refund']);
    expect(failed.tool_calls?.[1].result).toMatchObject({ ok: false });
    expect(failed.output).toMatch(/the refund did not go through \(payment provider timeout/);
  });

  it('returns an error trace instead of throwing when the model is unreachable', async () => {
    const down = await startMockLLM();
    await down.close();
    const dead = new OpenAI({ apiKey: 'x', baseURL: down.url, maxRetries: 0 });
    const trace = await runCase(request(...HOURS), { client: dead });
    expect(trace.error).toMatchObject({ kind: 'connection', transient: true });
    expect(trace.output).toBe('');
    expect(trace.retrieved?.length).toBeGreaterThan(0);
  });
});
