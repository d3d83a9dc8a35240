import { z } from 'zod';
import { checkSchema, error, errorMessage } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('judge'),
  /** What a good answer does, in plain words; the judge model grades the trace against it. */
  rubric: z.string().min(1),
});

export const judge: CheckDefinition<z.infer<typeof schema>> = {
  type: 'judge',
  description:
    'An LLM judge grades the trace against a rubric (cached by model, rubric and trace).',
  schema,
  async run(spec, trace, ctx) {
    if (!ctx.judge) return error('no judge configured (add judge: {model: ...} to the config)');
    try {
      return await ctx.judge.grade(spec.rubric, trace, ctx.case);
    } catch (err) {
      // JudgeClient promises never to throw; a custom one might anyway.
      return error(`judge threw: ${errorMessage(err)}`);
    }
  },
};
