import { z } from 'zod';
import {
  argsRecord,
  checkSchema,
  fail,
  formatCall,
  matchingCalls,
  pass,
  plural,
  safeJson,
  toolCallsOf,
} from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('tool_not_called'),
  name: z.string().min(1),
  /** Only calls whose arguments include these (deep partial match) count. */
  args: argsRecord.optional(),
});

export const toolNotCalled: CheckDefinition<z.infer<typeof schema>> = {
  type: 'tool_not_called',
  description: 'A tool was not called (optionally: not with these arguments).',
  schema,
  run(spec, trace) {
    const matched = matchingCalls(toolCallsOf(trace), spec.name, spec.args);
    const what = spec.args ? `${spec.name} with ${safeJson(spec.args)}` : spec.name;
    return matched.length === 0
      ? pass(`${what} not called`)
      : fail(`${what} called ${plural(matched.length, 'time')}: ${formatCall(matched[0])}`);
  },
};
