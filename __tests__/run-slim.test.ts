/**
 * Slim trials (src/run/slim.ts) keep what summaries read and share what repeats (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { slimTrace } from '../src/run/slim.ts';
import type { Trace } from '../src/types.ts';

const usage = () => ({ input_tokens: 120, output_tokens: 30, cost_usd: 0.0001 });

describe('slim traces', () => {
  it('share one object for equal usage and latency, and keep every value summaries read', () => {
    const a = slimTrace({ output: 'a long answer', usage: usage(), latency_ms: 12 });
    const b = slimTrace({ output: 'another answer', usage: usage(), latency_ms: 12 });
    expect(b).toBe(a);
    expect(a).toEqual({ output: '', usage: usage(), latency_ms: 12 });
    const c = slimTrace({ output: 'x', usage: usage(), latency_ms: 13 });
    expect(c).not.toBe(a);
    expect(c.latency_ms).toBe(13);
    const d = slimTrace({ output: 'x', usage: { ...usage(), output_tokens: 31 }, latency_ms: 12 });
    expect(d).not.toBe(a);
    expect(d.usage?.output_tokens).toBe(31);
  });

  it('keep errors, trace ids and retries per trial', () => {
    const err: Trace = {
      output: '',
      error: { kind: 'timeout', message: 'timed out after 30s' },
      usage: usage(),
      latency_ms: 12,
    };
    expect(slimTrace(err)).toEqual(err);
    expect(slimTrace(err)).not.toBe(slimTrace({ output: '', usage: usage(), latency_ms: 12 }));
    const id = { output: 'x', trace_id: 't-1', latency_ms: 5 };
    expect(slimTrace(id)).toEqual({ output: '', trace_id: 't-1', latency_ms: 5 });
    const retried = { output: 'x', latency_ms: 5, metadata: { retries: 2, other: 1 } };
    expect(slimTrace(retried)).toEqual({ output: '', latency_ms: 5, metadata: { retries: 2 } });
  });
});
