import { z } from 'zod';
import { checkSchema, error, fail, pass } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('max_latency'),
  /** The most the case may take, in milliseconds (compared with the trace's latency_ms). */
  ms: z.number().positive(),
});

export const maxLatency: CheckDefinition<z.infer<typeof schema>> = {
  type: 'max_latency',
  description: "The trace's latency_ms is at most `ms`.",
  schema,
  run(spec, trace) {
    const ms = trace.latency_ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms)) return error('trace has no latency_ms');
    const shown = `${Math.round(ms).toLocaleString('en-US')} ms`;
    const limit = `${spec.ms.toLocaleString('en-US')} ms`;
    return ms <= spec.ms
      ? pass(`latency ${shown} ≤ ${limit}`)
      : fail(`latency ${shown} > ${limit}`);
  },
};
