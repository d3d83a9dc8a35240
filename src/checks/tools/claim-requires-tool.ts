import { z } from 'zod';
import {
  argsRecord,
  callNames,
  checkSchema,
  compileRegex,
  error,
  fail,
  matchingCalls,
  pass,
  perSpec,
  quote,
  regexString,
  safeJson,
  toolCallsOf,
} from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import type { ToolCall, Trace } from '../../types.ts';

const schema = checkSchema({
  type: z.literal('claim_requires_tool'),
  /** A regex (case-insensitive) for the claim, e.g. "refund (has been|was) (processed|issued)". */
  claim: regexString,
  /** The tool that must have been called when the output makes the claim. */
  tool: z.string().min(1),
  /** Optionally, a subset of the arguments that call must have had. */
  args: argsRecord.optional(),
});

type Spec = z.infer<typeof schema>;

const compiled = perSpec((spec: Spec) => compileRegex(spec.claim, 'i'));

export const claimRequiresTool: CheckDefinition<Spec> = {
  type: 'claim_requires_tool',
  description:
    'If the output makes a claim (regex), the tool that performs it must have been called.',
  schema,
  run(spec, trace) {
    const re = compiled(spec);
    if (typeof re === 'string') return error(re);
    if (trace.turns?.length) return acrossTurns(spec, re, trace);
    const m = re.exec(trace.output);
    if (!m) return pass('no claim made');
    const calls = toolCallsOf(trace);
    const what = spec.args ? `${spec.tool} with ${safeJson(spec.args)}` : spec.tool;
    if (matchingCalls(calls, spec.tool, spec.args).length > 0) {
      return pass(`claims ${quote(m[0], 60)} and ${what} was called`);
    }
    return fail(
      `claims ${quote(m[0], 60)} but ${what} was not called (called: ${callNames(calls)})`,
    );
  },
};

/**
 * A conversation: a claim in turn k needs the call in turns 1..k (made before or in the turn
 * that claims it). Scoped to `turn: k`, only turn k's claim is read; else every turn's.
 */
function acrossTurns(spec: Spec, re: RegExp, trace: Trace) {
  const turns = trace.turns!;
  const what = spec.args ? `${spec.tool} with ${safeJson(spec.args)}` : spec.tool;
  const first = trace.turn ?? 1;
  const called: ToolCall[] = [];
  let claims = 0;
  for (let k = 1; k <= turns.length; k++) {
    const turn = turns[k - 1];
    called.push(...toolCallsOf(turn));
    if (k < first) continue;
    const m = re.exec(turn.output);
    if (!m) continue;
    claims++;
    if (matchingCalls(called, spec.tool, spec.args).length === 0) {
      return fail(
        `turn ${k} claims ${quote(m[0], 60)} but ${what} was not called in turns 1–${k} (called: ${callNames(called)})`,
      );
    }
  }
  if (claims === 0) return pass('no claim made');
  return pass(`${claims === 1 ? 'the claim' : `${claims} claims`} came after ${what} was called`);
}
