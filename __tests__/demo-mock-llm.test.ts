import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockLLM, type MockLLM } from '../examples/refund-assistant/mock-llm.ts';
import { TOOL_DEFINITIONS } from '../examples/refund-assistant/store.ts';

let mock: MockLLM;
let client: OpenAI;

beforeAll(async () => {
  mock = await startMockLLM();
  client = new OpenAI({ apiKey: 'test', baseURL: mock.url, maxRetries: 0 });
});
afterAll(async () => {
  await mock.close();
});

const system = [
  'You are a support assistant.',
  '- Never tell a customer that a refund has been issued unless `issue_refund` returned ok.',
  '- Answer only from the policy documents below.',
  '',
  '## Policy documents',
  '',
  '### kb/hours.md',
  'Our support team is available Monday to Friday, 8:00 to 18:00 CET.',
  '',
  '## Session',
  '',
  'Signed-in customer: C-101',
].join('\n');

describe('mock LLM server', () => {
  it('answers the official SDK with a tool call, then a final answer after the tool result', async () => {
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'system', content: system },
      { role: 'user', content: 'Where is my order A1004?' },
    ];
    const first = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages,
      tools: TOOL_DEFINITIONS,
      seed: 7,
    });
    expect(first.object).toBe('chat.completion');
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    const call = first.choices[0].message.tool_calls?.[0];
    expect(call?.type).toBe('function');
    if (call?.type !== 'function') throw new Error('expected a function call');
    expect(call.function.name).toBe('lookup_order');
    expect(JSON.parse(call.function.arguments)).toEqual({ order_id: 'A1004' });
    expect(first.usage?.total_tokens).toBe(
      (first.usage?.prompt_tokens ?? 0) + (first.usage?.completion_tokens ?? 0),
    );

    messages.push(first.choices[0].message, {
      role: 'tool',
      tool_call_id: call.id,
      content: JSON.stringify({
        ok: true,
        order: {
          order_id: 'A1004',
          item: 'Desk lamp',
          status: 'shipped',
          estimated_delivery: '2025-06-17',
        },
        belongs_to_signed_in_customer: true,
      }),
    });
    const second = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages,
      tools: TOOL_DEFINITIONS,
      seed: 7,
    });
    expect(second.choices[0].finish_reason).toBe('stop');
    expect(second.choices[0].message.tool_calls).toBeUndefined();
    expect(second.choices[0].message.content).toContain('2025-06-17');
  });

  it('answers policy questions from the documents in the system prompt, deterministically per seed', async () => {
    const ask = (seed: number) =>
      client.chat.completions.create({
        model: 'gpt-4.1-mini',
        seed,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: 'What are your support hours?' },
        ],
      });
    const a = await ask(1);
    const b = await ask(1);
    expect(a.choices[0].message.content).toContain('8:00 to 18:00');
    expect(b.choices[0].message.content).toBe(a.choices[0].message.content);
    expect(b.id).toBe(a.id);
  });

  it('lists models and rejects bad requests in the OpenAI error shape', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain('gpt-4.1-mini');

    const bad = await fetch(`${mock.url}/chat/completions`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/not valid JSON/);
    const empty = await fetch(`${mock.url}/chat/completions`, {
      method: 'POST',
      body: '{"messages":[]}',
    });
    expect(empty.status).toBe(400);
    const missing = await fetch(`${mock.url}/nope`);
    expect(missing.status).toBe(404);
    await expect(
      client.chat.completions.create({
        model: 'x',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
      }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
