import { z } from 'zod';
import { checkSchema, fail, pass, quote } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('contains'),
  value: z.string().min(1),
  ignore_case: z.boolean().optional(),
});

type Spec = z.infer<typeof schema>;

/** Position of `spec.value` in `output`, or -1. Shared with not_contains. */
export function findValue(output: string, spec: { value: string; ignore_case?: boolean }): number {
  return spec.ignore_case
    ? output.toLowerCase().indexOf(spec.value.toLowerCase())
    : output.indexOf(spec.value);
}

export const contains: CheckDefinition<Spec> = {
  type: 'contains',
  description: 'The output contains a string.',
  schema,
  run(spec, trace) {
    const at = findValue(trace.output, spec);
    return at >= 0
      ? pass(`output contains ${quote(spec.value)}`)
      : fail(`output does not contain ${quote(spec.value)}; output: ${quote(trace.output)}`);
  },
};
