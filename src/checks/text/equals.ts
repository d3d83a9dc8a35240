import { z } from 'zod';
import { checkSchema, fail, pass, perSpec, quote } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('equals'),
  value: z.string(),
  /** Ignore leading and trailing whitespace on both sides. */
  trim: z.boolean().optional(),
  ignore_case: z.boolean().optional(),
});

type Spec = z.infer<typeof schema>;

function normalise(text: string, spec: Spec): string {
  let s = spec.trim ? text.trim() : text;
  if (spec.ignore_case) s = s.toLowerCase();
  return s;
}

const expected = perSpec((spec: Spec) => normalise(spec.value, spec));

export const equals: CheckDefinition<Spec> = {
  type: 'equals',
  description: 'The output is exactly a string (optionally trimmed, case-insensitive).',
  schema,
  run(spec, trace) {
    const want = expected(spec);
    const got = normalise(trace.output, spec);
    if (got === want) return pass(`output equals ${quote(spec.value, 60)}`);
    // Point at the first difference: long outputs often differ only at the end.
    let i = 0;
    while (i < want.length && i < got.length && want[i] === got[i]) i++;
    const where = i === 0 ? '' : ` (differs at character ${i + 1})`;
    return fail(`expected ${quote(spec.value, 60)}, got ${quote(trace.output, 60)}${where}`);
  },
};
