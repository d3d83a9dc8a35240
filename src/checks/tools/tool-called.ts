import { z } from 'zod';
import {
  argsRecord,
  callNames,
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
  type: z.literal('tool_called'),
  name: z.string().min(1),
  /** A subset of the arguments (deep partial match): extra arguments in the call are fine. */
  args: argsRecord.optional(),
  /** Exactly this many matching calls. */
  times: z.number().int().min(0).optional(),
  /** At least this many matching calls (default 1). */
  min_times: z.number().int().min(0).optional(),
}).refine((s) => s.times === undefined || s.min_times === undefined, {
  message: 'give times or min_times, not both',
});

type Spec = z.infer<typeof schema>;

export const toolCalled: CheckDefinition<Spec> = {
  type: 'tool_called',
  description: 'A tool was called (optionally with a subset of arguments, a number of times).',
  schema,
  run(spec, trace) {
    const calls = toolCallsOf(trace);
    const matched = matchingCalls(calls, spec.name, spec.args);
    const what = spec.args ? `${spec.name} with ${safeJson(spec.args)}` : spec.name;
    const n = matched.length;
    if (spec.times !== undefined) {
      return n === spec.times
        ? pass(`${what} called ${plural(n, 'time')}`)
        : fail(
            `${what} called ${plural(n, 'time')}, expected exactly ${spec.times}${hint(spec, trace)}`,
          );
    }
    const min = spec.min_times ?? 1;
    if (n >= min) return pass(`${what} called ${plural(n, 'time')}`);
    return fail(
      n === 0
        ? `${what} not called${hint(spec, trace)}`
        : `${what} called ${plural(n, 'time')}, expected at least ${min}`,
    );
  },
};

/** What happened instead: calls of the same tool with other arguments, or which tools ran. */
function hint(spec: Spec, trace: Parameters<typeof toolCallsOf>[0]): string {
  const calls = toolCallsOf(trace);
  const sameName = calls.filter((c) => c.name === spec.name);
  if (spec.args && sameName.length > 0) {
    return `; ${spec.name} was called as ${formatCall(sameName[0])}`;
  }
  return `; called: ${callNames(calls)}`;
}
