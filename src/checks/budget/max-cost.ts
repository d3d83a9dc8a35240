import { z } from 'zod';
import { checkSchema, error, fail, pass } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';

const schema = checkSchema({
  type: z.literal('max_cost'),
  /** The most one run of the case may cost, in US dollars (the trace's usage.cost_usd). */
  usd: z.number().nonnegative(),
});

/** Enough digits for sub-cent model costs: $0.0042, $1.25. */
function dollars(n: number): string {
  return '$' + (n >= 1 ? n.toFixed(2) : Number(n.toPrecision(2)).toString());
}

export const maxCost: CheckDefinition<z.infer<typeof schema>> = {
  type: 'max_cost',
  description: "The trace's usage.cost_usd is at most `usd`.",
  schema,
  run(spec, trace) {
    const cost = trace.usage?.cost_usd;
    if (typeof cost !== 'number' || !Number.isFinite(cost)) {
      return error('trace has no usage.cost_usd');
    }
    return cost <= spec.usd
      ? pass(`cost ${dollars(cost)} ≤ ${dollars(spec.usd)}`)
      : fail(`cost ${dollars(cost)} > ${dollars(spec.usd)}`);
  },
};
