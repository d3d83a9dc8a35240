/**
 * Spec fields shared by the model-graded checks (`judge`, the ready-made judges, `pairwise`),
 * and the one way they ask the judge.
 */
import { z } from 'zod';
import type { Case, CheckOutcome, Trace } from '../../types.ts';
import { error, errorMessage } from '../common.ts';
import type { CheckContext } from '../definition.ts';
import { JUDGE_FIELDS, type GradeOptions } from './judge-prompt.ts';

/** The parts of a run the judge may see: at least one, each once. */
export const fieldsSchema = z
  .array(z.enum(JUDGE_FIELDS))
  .min(1)
  .refine((f) => new Set(f).size === f.length, { message: 'a field is listed twice' });

const exampleToolCall = z.object({
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).optional(),
  result: z.unknown().optional(),
});

/**
 * A graded example: the parts of a run it shows (written like a trace), its verdict and why.
 * Unknown keys are rejected, so a misspelt `ouptut` is a load error, not an empty example.
 */
const exampleSchema = z
  .object({
    input: z.unknown().optional(),
    output: z.string().optional(),
    tool_calls: z.array(exampleToolCall).optional(),
    retrieved: z.array(z.object({ id: z.string().optional(), text: z.string() })).optional(),
    messages: z
      .array(z.object({ role: z.string(), content: z.unknown().optional() }).loose())
      .optional(),
    turns: z
      .array(
        z.object({
          user: z.string(),
          output: z.string(),
          tool_calls: z.array(exampleToolCall).optional(),
        }),
      )
      .optional(),
    verdict: z.enum(['pass', 'fail']),
    reason: z.string().optional(),
  })
  .strict()
  .refine(
    (e) =>
      e.input !== undefined ||
      e.output !== undefined ||
      e.tool_calls !== undefined ||
      e.retrieved !== undefined ||
      e.messages !== undefined ||
      e.turns !== undefined,
    { message: 'an example shows at least one part of a run (output, input, tool_calls, ...)' },
  );

export const examplesSchema = z.array(exampleSchema).min(1).max(20);

export const NO_JUDGE = 'no judge configured (add judge: {model: ...} to the config)';

/** Grades through the suite's judge; an `error` without one, or when a custom judge throws. */
export async function gradeWith(
  ctx: CheckContext,
  rubric: string,
  trace: Trace,
  c: Case,
  options: GradeOptions,
): Promise<CheckOutcome> {
  if (!ctx.judge) return error(NO_JUDGE);
  try {
    return await ctx.judge.grade(rubric, trace, c, options);
  } catch (err) {
    // JudgeClient promises never to throw; a custom one might anyway.
    return error(`judge threw: ${errorMessage(err)}`);
  }
}
