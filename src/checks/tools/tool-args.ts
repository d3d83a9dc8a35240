import { z } from 'zod';
import type { ToolCall } from '../../types.ts';
import {
  callNames,
  checkSchema,
  error,
  fail,
  formatCall,
  pass,
  perSpec,
  plural,
  toolCallsOf,
} from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { argFields, argsOf, compileArgs } from './args.ts';

const schema = checkSchema({
  type: z.literal('tool_args'),
  /** The tool whose calls are checked. */
  name: z.string().min(1),
  ...argFields,
  /**
   * Which calls of that tool must match: `all` (default), `any` (at least one), `first`, `last`,
   * or n (1-based: the nth call of that tool).
   */
  call: z.union([z.enum(['all', 'any', 'first', 'last']), z.number().int().positive()]).optional(),
  /** false: no call of the tool at all passes (only calls that happen are checked). Default true. */
  required: z.boolean().optional(),
}).refine(
  (s) => s.args !== undefined || s.args_schema !== undefined || s.args_match !== undefined,
  { message: 'give at least one of args, args_schema or args_match' },
);

type Spec = z.infer<typeof schema>;

const compiled = perSpec((spec: Spec) => compileArgs(spec));

/** The calls the spec selects, and how to name them in a reason. */
function selected(spec: Spec, calls: ToolCall[]): { chosen: ToolCall[]; which: string } {
  const which = spec.call ?? 'all';
  switch (which) {
    case 'all':
    case 'any':
      return { chosen: calls, which: which === 'all' ? 'every call' : 'a call' };
    case 'first':
      return { chosen: calls.slice(0, 1), which: 'the first call' };
    case 'last':
      return { chosen: calls.slice(-1), which: 'the last call' };
    default:
      return { chosen: calls.slice(which - 1, which), which: `call #${which}` };
  }
}

export const toolArgs: CheckDefinition<Spec> = {
  type: 'tool_args',
  description:
    "A tool's arguments match exact values, a JSON Schema or patterns (every call, any, the first, the last or the nth).",
  schema,
  run(spec, trace) {
    const matcher = compiled(spec);
    if (typeof matcher === 'string') return error(matcher);
    if (!matcher) return error('give at least one of args, args_schema or args_match');
    const all = toolCallsOf(trace);
    const calls = all.filter((c) => c.name === spec.name);
    const { chosen, which } = selected(spec, calls);
    const what = `${spec.name} ${matcher.label}`;
    if (chosen.length === 0) {
      if (calls.length === 0 && spec.required === false) return pass(`${spec.name} not called`);
      return fail(
        calls.length === 0
          ? `${spec.name} not called (called: ${callNames(all)})`
          : `${spec.name} called ${plural(calls.length, 'time')}, no ${which}`,
      );
    }
    const bad: { call: ToolCall; why: string; n: number }[] = [];
    for (const call of chosen) {
      const why = matcher.mismatch(argsOf(call));
      if (why !== undefined) bad.push({ call, why, n: calls.indexOf(call) + 1 });
    }
    if (spec.call === 'any') {
      return bad.length < chosen.length
        ? pass(`${what}: ${chosen.length - bad.length} of ${chosen.length} calls match`)
        : fail(`no call of ${what}; ${formatCall(bad[0].call)}: ${bad[0].why}`);
    }
    if (bad.length === 0) {
      const n = chosen.length;
      const matched =
        which === 'every call'
          ? n === 1
            ? '1 call matches'
            : `${n} calls match`
          : `${which} matches`;
      return pass(`${what}: ${matched}`);
    }
    const b = bad[0];
    return fail(
      `${which} of ${what}: call #${b.n} ${formatCall(b.call)}: ${b.why}` +
        (bad.length > 1 ? ` (${bad.length} of ${chosen.length} calls do not match)` : ''),
    );
  },
};
