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
