import { z } from 'zod';
import { checkSchema, error, fail, pass } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('max_tokens'),
  tokens: z.number().int().positive(),
  /** Which count: input + output (default), input only, or output only. */
  count: z.enum(['total', 'input', 'output']).optional(),
});

export const maxTokens: CheckDefinition<z.infer<typeof schema>> = {
  type: 'max_tokens',
  description: "The trace's token usage (total, input or output) is at most `tokens`.",
  schema,
  run(spec, trace) {
    const count = spec.count ?? 'total';
    const input = trace.usage?.input_tokens;
    const output = trace.usage?.output_tokens;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    let used: number;
    if (count === 'input') {
      if (!ok(input)) return error('trace has no usage.input_tokens');
      used = input;
    } else if (count === 'output') {
      if (!ok(output)) return error('trace has no usage.output_tokens');
      used = output;
    } else {
      if (!ok(input) && !ok(output)) return error('trace has no token usage');
      used = (ok(input) ? input : 0) + (ok(output) ? output : 0);
    }
    const what = count === 'total' ? 'tokens' : `${count} tokens`;
    return used <= spec.tokens
      ? pass(`${used} ${what} ≤ ${spec.tokens}`)
      : fail(`${used} ${what} > ${spec.tokens}`);
  },
};
