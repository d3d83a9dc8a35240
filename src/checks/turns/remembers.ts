import { z } from 'zod';
import type { TraceTurn } from '../../types.ts';
import {
  checkSchema,
  compileRegex,
  error,
  fail,
  pass,
  perSpec,
  quote,
  regexString,
  safeJson,
  toolCallsOf,
} from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { conversationOf, questionsIn } from './conversation.ts';

const schema = checkSchema({
  type: z.literal('remembers'),
  /** The value the user gives, e.g. an order id. */
  value: z.string().min(1).optional(),
  /** Or a regex for it: its match in the user's message is the value to remember. */
  pattern: regexString.optional(),
  /** The turn whose user message gives it. Default: the first that does. */
  from_turn: z.int().min(1).optional(),
  /**
   * A regex (case-insensitive) for a question that asks for the value again, e.g. "order
   * (number|id)". Default: any question that requests information (see docs/checks.md).
   */
  ask: regexString.optional(),
}).refine((s) => (s.value === undefined) !== (s.pattern === undefined), {
  message: 'give value or pattern (one of them)',
  path: ['value'],
});

type Spec = z.infer<typeof schema>;

/**
 * A question that asks the user for an identifying detail, when the check has no `ask` of its
 * own: a request ("what is", "could you", "please"...) for "your/the ... number, id, code...".
 * "Would you like a refund?" is not one.
 */
const REQUEST =
  /\b(?:what(?:'s| is| was| are)|which|could you|can you|would you|may i|please)\b[^?]*\b(?:your|the)\s+(?:[\w-]+\s+){0,2}(?:number|id|code|name|e-?mail|address|account|order|reference|date|details?)\b/i;

const compiled = perSpec((spec: Spec) => ({
  pattern: spec.pattern === undefined ? undefined : compileRegex(spec.pattern),
  ask: spec.ask === undefined ? REQUEST : compileRegex(spec.ask, 'i'),
}));

/** The value in `text`, or undefined. */
function find(spec: Spec, pattern: RegExp | undefined, text: string): string | undefined {
  if (pattern) return pattern.exec(text)?.[0] || undefined;
  return text.includes(spec.value!) ? spec.value : undefined;
}

/** Does the assistant, in this turn, use the value (in a tool call's arguments or its answer)? */
function uses(turn: TraceTurn, value: string): boolean {
  if (turn.output.includes(value)) return true;
  return toolCallsOf(turn).some((c) => c.arguments && safeJson(c.arguments).includes(value));
}

export const remembers: CheckDefinition<Spec> = {
  type: 'remembers',
  description:
    'A value the user gave in one turn is used later (tool arguments or answers) and never asked for again.',
  schema: schema as unknown as z.ZodType<Spec>,
  needsConversation: true,
  checkCase(spec, c) {
    // A script that never gives the value is a broken case, not a failing system.
    if (!c.turns) return undefined;
    const pattern = spec.pattern === undefined ? undefined : compileRegex(spec.pattern);
    if (typeof pattern === 'string') return undefined;
    const from = spec.from_turn;
    if (from !== undefined && from > c.turns.length) {
      return {
        field: 'from_turn',
        message: `turn ${from}, but the case scripts ${c.turns.length}`,
      };
    }
    const candidates = from !== undefined ? [c.turns[from - 1]] : c.turns;
    if (candidates.some((t) => find(spec, pattern, t.user) !== undefined)) return undefined;
    const what = spec.value !== undefined ? quote(spec.value, 40) : `/${spec.pattern}/`;
    const where = from !== undefined ? `turn ${from}'s user message` : 'no scripted user message';
    return {
      field: spec.value !== undefined ? 'value' : 'pattern',
      message:
        from !== undefined
          ? `${where} does not contain ${what}`
          : `${where} contains ${what}: nothing to remember`,
    };
  },
  run(spec, trace) {
    const turns = conversationOf(trace);
    if (!turns) return error('remembers reads a conversation, and this trace has a single turn');
    const re = compiled(spec);
    if (typeof re.pattern === 'string') return error(re.pattern);
    if (typeof re.ask === 'string') return error(re.ask);
    const pattern = re.pattern;
    const ask = re.ask;

    let from = -1;
    let value: string | undefined;
    if (spec.from_turn !== undefined) {
      const t = turns[spec.from_turn - 1];
      if (!t) return error(`turn ${spec.from_turn}: the conversation has ${turns.length} turns`);
      from = spec.from_turn - 1;
      value = find(spec, pattern, t.user);
      if (value === undefined) return error(`the user did not give it in turn ${spec.from_turn}`);
    } else {
      for (let i = 0; i < turns.length && value === undefined; i++) {
        value = find(spec, pattern, turns[i].user);
        if (value !== undefined) from = i;
      }
      if (value === undefined) return error('the user never gave the value: nothing to remember');
    }

    // From the answer to the turn that gave it, on: asked again, or used?
    let used: number | undefined;
    for (let k = from; k < turns.length; k++) {
      const turn = turns[k];
      for (const q of questionsIn(turn.output)) {
        if (!q.includes(value) && ask.test(q)) {
          return fail(
            `turn ${k + 1} asks again for ${quote(value, 40)} (given in turn ${from + 1}): ${quote(q, 100)}`,
          );
        }
      }
      if (used === undefined && uses(turn, value)) used = k + 1;
    }
    if (used === undefined) {
      return fail(
        `${quote(value, 40)} (given in turn ${from + 1}) is never used after it, in a tool call or an answer`,
      );
    }
    return pass(
      `${quote(value, 40)} from turn ${from + 1} used in turn ${used}, never asked again`,
    );
  },
};
