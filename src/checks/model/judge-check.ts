import { z } from 'zod';
import { checkSchema } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { examplesSchema, fieldsSchema, gradeWith } from './judge-spec.ts';

const schema = checkSchema({
  type: z.literal('judge'),
  /** What a good answer does, in plain words; the judge model grades the trace against it. */
  rubric: z.string().min(1),
  /** Graded runs shown to the judge as examples (few-shot), never as instructions. */
  examples: examplesSchema.optional(),
  /** The parts of the run the judge sees. Default: input, turns, tool calls, retrieved ids, output. */
  fields: fieldsSchema.optional(),
});

export const judge: CheckDefinition<z.infer<typeof schema>> = {
  type: 'judge',
  description:
    'An LLM judge grades the trace against a rubric, with optional graded examples and the fields it sees (cached).',
  schema,
  run(spec, trace, ctx) {
    return gradeWith(ctx, spec.rubric, trace, ctx.case, {
      fields: spec.fields,
      examples: spec.examples,
    });
  },
};
