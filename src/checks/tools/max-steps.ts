import { z } from 'zod';
import type { Trace } from '../../types.ts';
import { checkSchema, error, fail, pass, plural, toolCallsOf } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('max_steps'),
  /** The most steps the agent may take. */
  steps: z.number().int().positive(),
  /**
   * What a step is: `tool_calls` (default), every tool call; or `messages`, every message the
   * agent produced or received from its tools (all of `messages` except system and user ones).
   */
  count: z.enum(['tool_calls', 'messages']).optional(),
});

type Spec = z.infer<typeof schema>;

const NOT_A_STEP = new Set(['system', 'developer', 'user', 'human']);

/** The agent's own messages and its tools' results, or undefined without a message log. */
function agentMessages(trace: Trace): number | undefined {
  if (!Array.isArray(trace.messages) || trace.messages.length === 0) return undefined;
  let n = 0;
  for (const m of trace.messages) if (m && !NOT_A_STEP.has(String(m.role))) n++;
  return n;
}

export const maxSteps: CheckDefinition<Spec> = {
  type: 'max_steps',
  description:
    'The agent takes at most `steps` steps: tool calls (default) or messages other than system and user.',
  schema,
  run(spec, trace) {
    const byMessages = spec.count === 'messages';
    const n = byMessages ? agentMessages(trace) : toolCallsOf(trace).length;
    if (n === undefined) return error('count: messages, but the trace has no messages');
    const unit = byMessages ? 'message' : 'tool call';
    return n <= spec.steps
      ? pass(`${plural(n, unit)} ≤ ${spec.steps}`)
      : fail(`${plural(n, unit)} > ${spec.steps}`);
  },
};
