import { z } from 'zod';
import { callNames, checkSchema, fail, pass, toolCallsOf } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('tool_sequence'),
  /** Tool names in the order they must be called. */
  tools: z.array(z.string().min(1)).min(1),
  /** true: the tools must be called back to back, with no other call in between. */
  strict: z.boolean().optional(),
});

type Spec = z.infer<typeof schema>;

/** Longest prefix of `want` found in order in `got` (as a subsequence). */
function subsequencePrefix(want: string[], got: string[]): number {
  let i = 0;
  for (const name of got) {
    if (i < want.length && name === want[i]) i++;
  }
  return i;
}

/** Longest prefix of `want` found contiguously anywhere in `got`. */
function contiguousPrefix(want: string[], got: string[]): number {
  let best = 0;
  for (let start = 0; start < got.length && best < want.length; start++) {
    let k = 0;
    while (k < want.length && start + k < got.length && got[start + k] === want[k]) k++;
    if (k > best) best = k;
  }
  return best;
}

export const toolSequence: CheckDefinition<Spec> = {
  type: 'tool_sequence',
  description:
    'Tools were called in this order (as a subsequence; strict: true for back-to-back calls).',
  schema,
  run(spec, trace) {
    const calls = toolCallsOf(trace);
    const got = calls.map((c) => c.name);
    const matched = spec.strict
      ? contiguousPrefix(spec.tools, got)
      : subsequencePrefix(spec.tools, got);
    const want = spec.tools.join(' → ');
    if (matched === spec.tools.length) {
      return pass(`called ${want}${spec.strict ? ' back to back' : ' in order'}`);
    }
    const missing = spec.tools[matched];
    return fail(
      `expected ${want}${spec.strict ? ' back to back' : ' in order'}; ` +
        `matched ${matched} of ${spec.tools.length} (next: ${missing}); called: ${callNames(calls, 8).replace(/, /g, ' → ')}`,
    );
  },
};
