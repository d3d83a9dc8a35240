import { z } from 'zod';
import type { Trace } from '../../types.ts';
import {
  argsRecord,
  checkSchema,
  error,
  fail,
  matchingCalls,
  pass,
  safeJson,
  toolCallsOf,
} from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { turnView } from './conversation.ts';

const schema = checkSchema({
  type: z.literal('goal_reached'),
  /** The goal is this tool call (deterministic)... */
  tool: z.string().min(1).optional(),
  /** ...with arguments including these. */
  args: argsRecord.optional(),
  /** ...or a goal in words, graded by the suite's judge over the conversation. */
  goal: z.string().trim().min(1).optional(),
  /** Reached by this turn at the latest. Default: by the end of the conversation. */
  within: z.int().min(1).optional(),
})
  .refine((s) => (s.tool === undefined) !== (s.goal === undefined), {
    message: 'give tool (a call that reaches the goal) or goal (in words, for the judge)',
    path: ['tool'],
  })
  .refine((s) => s.args === undefined || s.tool !== undefined, {
    message: 'args need a tool',
    path: ['args'],
  });

type Spec = z.infer<typeof schema>;

/** The conversation up to turn `n` (all of it when shorter), as a trace the judge can read. */
function firstTurns(trace: Trace, n: number): Trace {
  const turns = trace.turns;
  if (!turns || turns.length <= n) return trace;
  return turnView(trace, n) ?? trace;
}

export const goalReached: CheckDefinition<Spec> = {
  type: 'goal_reached',
  description:
    'The conversation reaches its goal (a tool call, or a goal in words for the judge) within N turns.',
  schema: schema as unknown as z.ZodType<Spec>,
  run(spec, trace, ctx) {
    const turns = trace.turns?.length ? trace.turns : [trace];
    const within = spec.within;
    const what = spec.tool
      ? `${spec.tool}${spec.args ? ` with ${safeJson(spec.args)}` : ''}`
      : 'the goal';
    const by = within !== undefined ? ` within ${within} turns` : '';
    if (spec.tool !== undefined) {
      for (let k = 0; k < turns.length; k++) {
        if (matchingCalls(toolCallsOf(turns[k]), spec.tool, spec.args).length === 0) continue;
        if (within !== undefined && k + 1 > within) {
          return fail(`${what} was first called in turn ${k + 1}, not${by}`);
        }
        return pass(`${what} called in turn ${k + 1}${by ? ` (≤ ${within})` : ''}`);
      }
      return fail(`${what} was never called in ${turns.length} turns`);
    }
    if (!ctx.judge) return error('goal_reached with a goal in words needs a judge in the config');
    const seen = within !== undefined ? firstTurns(trace, within) : trace;
    const rubric =
      `The user's goal: ${spec.goal}\n` +
      `Pass only if the assistant reached this goal in the conversation${by ? ` (its first ${within} turns)` : ''}: ` +
      'the goal is done (or definitely answered), not merely promised or asked about.';
    return ctx.judge.grade(rubric, seen, ctx.case);
  },
};
