import { z } from 'zod';
import { checkSchema, fail, pass, quote, quoteAround } from '../common.ts';
import { findValue } from './contains.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('not_contains'),
  value: z.string().min(1),
  ignore_case: z.boolean().optional(),
});

export const notContains: CheckDefinition<z.infer<typeof schema>> = {
  type: 'not_contains',
  description: 'The output does not contain a string.',
  schema,
  run(spec, trace) {
    const at = findValue(trace.output, spec);
    return at < 0
      ? pass(`output does not contain ${quote(spec.value)}`)
      : fail(
          `output contains ${quote(spec.value)}: ${quoteAround(trace.output, at, at + spec.value.length)}`,
        );
  },
};
