import { z } from 'zod';
import {
  checkSchema,
  compileRegex,
  error,
  fail,
  pass,
  perSpec,
  quote,
  quoteAround,
  regexString,
} from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('regex'),
  pattern: regexString,
  /** JavaScript flags (i, m, s, u, v); `g` and `y` are ignored: only "matches or not" counts. */
  flags: z
    .string()
    .regex(/^[dgimsuvy]*$/, 'flags may only contain d g i m s u v y')
    .optional(),
  /** true (default): the output must match; false: it must not. */
  must_match: z.boolean().optional(),
});

type Spec = z.infer<typeof schema>;

const compiled = perSpec((spec: Spec) => compileRegex(spec.pattern, spec.flags ?? ''));

export const regex: CheckDefinition<Spec> = {
  type: 'regex',
  description:
    'The output matches (or, with must_match: false, does not match) a regular expression.',
  schema,
  run(spec, trace) {
    const re = compiled(spec);
    if (typeof re === 'string') return error(re);
    const m = re.exec(trace.output);
    const shown = `/${spec.pattern}/${re.flags}`;
    if (spec.must_match === false) {
      return m
        ? fail(
            `output matches ${shown}: ${quoteAround(trace.output, m.index, m.index + m[0].length)}`,
          )
        : pass(`output does not match ${shown}`);
    }
    return m
      ? pass(`output matches ${shown}: ${quote(m[0], 60)}`)
      : fail(`output does not match ${shown}; output: ${quote(trace.output)}`);
  },
};
