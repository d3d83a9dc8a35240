import { z } from 'zod';
import type { Trace } from '../../types.ts';
import { checkSchema, error, fail, pass, toolCallsOf } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('max_turns'),
  /** The most model turns: assistant messages, each tool-call round counting as one. */
  turns: z.number().int().positive(),
});

const ASSISTANT = new Set(['assistant', 'model', 'ai']);

/**
 * Model turns in a trace: its assistant messages (a message that requests tools is one round,
 * the final answer another). A trace with no messages but an output and no tool calls is one
 * turn; one with tool calls but no messages cannot be counted (calls may have been parallel).
 */
export function countTurns(trace: Trace): number | undefined {
  if (Array.isArray(trace.messages) && trace.messages.length > 0) {
    let n = 0;
    for (const m of trace.messages) if (m && ASSISTANT.has(String(m.role))) n++;
    if (n > 0) return n;
  }
  if (toolCallsOf(trace).length > 0) return undefined;
  return trace.output ? 1 : 0;
}

export const maxTurns: CheckDefinition<z.infer<typeof schema>> = {
  type: 'max_turns',
  description: 'The trace has at most `turns` assistant turns (tool-call rounds plus the answer).',
  schema,
  run(spec, trace) {
    const n = countTurns(trace);
    if (n === undefined) return error('trace has tool calls but no messages: cannot count turns');
    return n <= spec.turns
      ? pass(`${n} turns ≤ ${spec.turns}`)
      : fail(`${n} turns > ${spec.turns}`);
  },
};
