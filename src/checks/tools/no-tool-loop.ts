import { z } from 'zod';
import { stableStringify } from '../../suite/hash.ts';
import type { ToolCall } from '../../types.ts';
import { checkSchema, fail, formatCall, pass, plural, toolCallsOf } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { argsOf } from './args.ts';

const schema = checkSchema({
  type: z.literal('no_tool_loop'),
  /** The most times one call (same tool, same arguments) may happen. Default 2: one retry. */
  max: z.number().int().positive().optional(),
  /** Only calls of this tool count (default: every tool). */
  name: z.string().min(1).optional(),
  /** true: only back-to-back repeats count (a poll between other calls is fine). */
  consecutive: z.boolean().optional(),
});

type Spec = z.infer<typeof schema>;

const DEFAULT_MAX = 2;

/** Same tool, same arguments (key order and formatting do not matter). */
const callKey = (call: ToolCall) => `${call.name}\u0000${stableStringify(argsOf(call))}`;

export const noToolLoop: CheckDefinition<Spec> = {
  type: 'no_tool_loop',
  description:
    'No call (same tool, same arguments) happens more than `max` times (default 2), optionally only back to back.',
  schema,
  run(spec, trace) {
    const max = spec.max ?? DEFAULT_MAX;
    const calls = toolCallsOf(trace).filter((c) => spec.name === undefined || c.name === spec.name);
    let worst: { call: ToolCall; n: number } | undefined;
    if (spec.consecutive) {
      let run = 0;
      let prev = '';
      for (const call of calls) {
        const key = callKey(call);
        run = key === prev ? run + 1 : 1;
        prev = key;
        if (run > (worst?.n ?? max)) worst = { call, n: run };
      }
    } else {
      const counts = new Map<string, number>();
      for (const call of calls) {
        const key = callKey(call);
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        if (n > (worst?.n ?? max)) worst = { call, n };
      }
    }
    const how = spec.consecutive ? ' in a row' : '';
    if (!worst) {
      return pass(
        `no call repeated more than ${plural(max, 'time')}${how} (${plural(calls.length, 'call')})`,
      );
    }
    return fail(`${formatCall(worst.call)} called ${worst.n} times${how}, at most ${max} allowed`);
  },
};
