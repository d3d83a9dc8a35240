import { describe, expect, it } from 'vitest';
import { normalizeTrace } from '../src/targets/trace.ts';

const ok = (raw: unknown) => {
  const r = normalizeTrace(raw);
  if ('error' in r) throw new Error(`expected a trace, got: ${r.error}`);
  return r.trace;
};
const bad = (raw: unknown) => {
  const r = normalizeTrace(raw);
  if ('trace' in r) throw new Error('expected an error');
  return r.error;
};

describe('normalizeTrace', () => {
  it('accepts output alone', () => {
    expect(ok({ output: 'hi' })).toEqual({ output: 'hi' });
  });

  it('rejects non-objects with the type in the reason', () => {
    expect(bad('hello')).toMatch(/JSON object, got a string/);
    expect(bad([1])).toMatch(/got an array/);
    expect(bad(null)).toMatch(/got null/);
    expect(bad(undefined)).toMatch(/got undefined/);
  });

  it('requires output unless an error is set', () => {
    expect(bad({})).toBe('output: required (a string) unless error is set');
    expect(bad({ output: null })).toMatch(/^output: required/);
    expect(ok({ error: 'model down' })).toEqual({
      output: '',
      error: { kind: 'target', message: 'model down' },
    });
  });

  it('names the field of a wrong type', () => {
    expect(bad({ output: 42 })).toBe('output: expected string, received number');
    expect(bad({ output: 'x', tool_calls: [{ name: 'a' }, { name: 3 }] })).toMatch(
      /^tool_calls\[1\]\.name: /,
    );
    expect(bad({ output: 'x', tool_calls: [{ arguments: {} }] })).toBe(
      'tool_calls[0].name: required (string)',
    );
    expect(bad({ output: 'x', latency_ms: -1 })).toMatch(/^latency_ms: /);
    expect(bad({ output: 'x', retrieved: [{ id: 'a' }] })).toMatch(/^retrieved\[0\]\.text: /);
    expect(bad({ output: 'x', messages: 'hi' })).toMatch(/^messages: expected array/);
    expect(bad({ output: 'x', error: 5 })).toMatch(/^error: expected a string or an object/);
  });

  it('flattens OpenAI-style tool calls and parses their JSON arguments', () => {
    const t = ok({
      output: 'done',
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'issue_refund', arguments: '{"order_id":"A17","amount":50}' },
        },
        { name: 'lookup_order', arguments: '{"order_id":"A17"}', result: { status: 'shipped' } },
        { name: 'ping', arguments: '' },
        { name: 'broken', arguments: '{"order_id": ' },
        { name: 'nulls', arguments: null, id: 7 },
      ],
    });
    expect(t.tool_calls).toEqual([
      { id: 'call_1', name: 'issue_refund', arguments: { order_id: 'A17', amount: 50 } },
      { name: 'lookup_order', arguments: { order_id: 'A17' }, result: { status: 'shipped' } },
      { name: 'ping', arguments: {} },
      { name: 'broken', arguments: { _unparsed: '{"order_id": ' } },
      { name: 'nulls', id: '7' },
    ]);
  });

  it('keeps a null tool result (it is a value) but drops absent fields', () => {
    const t = ok({ output: 'x', tool_calls: [{ name: 'a', result: null }, { name: 'b' }] });
    expect(t.tool_calls).toEqual([{ name: 'a', result: null }, { name: 'b' }]);
    expect('result' in t.tool_calls![1]).toBe(false);
  });

  it('accepts retrieved documents as objects or plain strings', () => {
    const t = ok({
      output: 'x',
      retrieved: [
        'Refunds take 5 days.',
        { id: 3, text: 'Open 9-5', score: 0.8 },
        { text: 't', id: null },
      ],
    });
    expect(t.retrieved).toEqual([
      { text: 'Refunds take 5 days.' },
      { id: '3', text: 'Open 9-5', score: 0.8 },
      { text: 't' },
    ]);
  });

  it('maps OpenAI usage names and treats null fields as absent (Python None)', () => {
    const t = ok({
      output: 'x',
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15, cost_usd: null },
      trace_id: null,
      latency_ms: null,
      retrieved: null,
      tool_calls: null,
      messages: null,
      error: null,
    });
    expect(t).toEqual({ output: 'x', usage: { input_tokens: 12, output_tokens: 3 } });
  });

  it('prefers our usage names over OpenAI ones when both are present', () => {
    const t = ok({ output: 'x', usage: { input_tokens: 1, prompt_tokens: 2 } });
    expect(t.usage).toEqual({ input_tokens: 1 });
  });

  it('turns a system-reported error object into kind target, keeping transient and status', () => {
    const t = ok({
      output: 'partial',
      error: {
        type: 'RateLimitError',
        message: 'slow down',
        transient: true,
        status: 429,
        kind: 'x',
      },
    });
    expect(t.output).toBe('partial');
    expect(t.error).toEqual({
      kind: 'target',
      message: 'RateLimitError: slow down',
      transient: true,
      status: 429,
    });
    expect(ok({ output: 'x', error: { code: 12 } }).error?.message).toMatch(/\{"code":12\}/);
    expect(ok({ output: 'x', error: false }).error).toBeUndefined();
    expect(ok({ output: 'x', error: '' }).error).toBeUndefined();
  });

  it('puts unknown fields into metadata, merged with a metadata object', () => {
    const t = ok({ output: 'x', model: 'gpt-x', metadata: { run: 1 }, steps: [1, 2] });
    expect(t.metadata).toEqual({ run: 1, model: 'gpt-x', steps: [1, 2] });
    expect(ok({ output: 'x', metadata: 'note' }).metadata).toEqual({ metadata: 'note' });
    expect(ok({ output: 'x' }).metadata).toBeUndefined();
  });

  it('keeps a __proto__ key as data, never as a prototype', () => {
    const raw = JSON.parse('{"output":"x","__proto__":{"polluted":true}}');
    const t = ok(raw);
    expect(Object.getPrototypeOf(t.metadata)).toBe(Object.prototype);
    expect((t.metadata as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(t.metadata!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps messages with their extra fields, dropping nulls', () => {
    const t = ok({
      output: 'x',
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: null, tool_calls: [{ id: '1' }], refusal: null, extra: 1 },
      ],
    });
    expect(t.messages).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', tool_calls: [{ id: '1' }], extra: 1 },
    ]);
    expect(bad({ output: 'x', messages: [{ content: 'no role' }] })).toMatch(
      /^messages\[0\]\.role/,
    );
  });

  it('is fast enough for the hot path', () => {
    const raw = {
      output: 'a'.repeat(200),
      tool_calls: Array.from({ length: 5 }, (_, i) => ({ name: `t${i}`, arguments: { i } })),
      retrieved: ['a', 'b', 'c'],
      usage: { input_tokens: 1, output_tokens: 2 },
    };
    const start = performance.now();
    for (let i = 0; i < 2000; i++) ok(raw);
    // Generous: a few µs per call expected; this only catches a pathological regression
    // (such as rebuilding schemas per call).
    expect(performance.now() - start).toBeLessThan(1500);
  });
});
