/**
 * The pairwise judge: is the head's answer worse than the base's, under a rubric? It needs both
 * sides' traces, so it is graded in `evalgate pr` after the trials ran (src/pipeline/pairwise.ts);
 * run on one side it is an `error` saying so. The verdict logic (both orders) lives here, pure.
 */
import { z } from 'zod';
import type { Case, CheckOutcome, Trace } from '../../types.ts';
import { checkSchema, error, errorMessage } from '../common.ts';
import type { CheckDefinition, JudgeClient, Preference } from '../definition.ts';
import type { JudgeField } from './judge-prompt.ts';
import { fieldsSchema, NO_JUDGE } from './judge-spec.ts';

const schema = checkSchema({
  type: z.literal('pairwise'),
  /** What makes one answer better than another, in plain words. */
  rubric: z.string().min(1),
  /** The parts of each run the judge sees. Default: the input and the final answer. */
  fields: fieldsSchema.optional(),
});

export type PairwiseSpec = z.infer<typeof schema>;

export const PAIRWISE_DEFAULT_FIELDS: readonly JudgeField[] = ['input', 'output'];

export const NEEDS_BASE =
  "pairwise needs a base: run it in evalgate pr (it compares the head's answer with the base's)";

export const pairwise: CheckDefinition<PairwiseSpec> = {
  type: 'pairwise',
  description:
    "LLM judge, pull requests only: the head's answer is not worse than the base's (both orders shown).",
  schema,
  run() {
    return error(NEEDS_BASE);
  },
};

const isPreference = (p: Preference | CheckOutcome): p is Preference => 'better' in p;

/** The reason a side gave, trimmed for a one-line verdict. */
const why = (p: Preference) => (p.reason ? `: ${p.reason}` : '');

/**
 * Compares the head's and the base's answers in both orders (A=base,B=head then A=head,B=base),
 * cancelling the judge's position bias:
 *
 * - head worse in both orders: fail;
 * - head better or as good in both: pass;
 * - the orders disagree: a tie, counted as a pass (the judge could not tell them apart: a tie
 *   must not fail the head), its reason says so.
 *
 * An error in either order is the outcome (unknown is not a verdict). Never throws.
 */
export async function comparePair(
  judge: JudgeClient | undefined,
  spec: PairwiseSpec,
  base: Trace,
  head: Trace,
  c: Case,
): Promise<CheckOutcome> {
  if (!judge) return error(NO_JUDGE);
  if (!judge.prefer) return error('the configured judge cannot compare two answers');
  const fields = spec.fields ?? PAIRWISE_DEFAULT_FIELDS;
  let answers: (Preference | CheckOutcome)[];
  try {
    answers = await Promise.all([
      judge.prefer(spec.rubric, base, head, c, fields),
      judge.prefer(spec.rubric, head, base, c, fields),
    ]);
  } catch (err) {
    return error(`judge threw: ${errorMessage(err)}`);
  }
  const [baseFirst, headFirst] = answers;
  // Both orders' spend counts, whatever the verdict.
  const spent: Pick<CheckOutcome, 'usage' | 'retries'> = {};
  for (const a of answers) {
    if (a.usage) {
      const u = (spent.usage ??= {});
      u.input_tokens = (u.input_tokens ?? 0) + (a.usage.input_tokens ?? 0);
      u.output_tokens = (u.output_tokens ?? 0) + (a.usage.output_tokens ?? 0);
      if (a.usage.cost_usd !== undefined) u.cost_usd = (u.cost_usd ?? 0) + a.usage.cost_usd;
    }
    if (a.retries) spent.retries = (spent.retries ?? 0) + a.retries;
  }
  if (!isPreference(baseFirst)) return { ...baseFirst, status: 'error', ...spent };
  if (!isPreference(headFirst)) return { ...headFirst, status: 'error', ...spent };
  const worseWhenBaseFirst = baseFirst.better === 'A';
  const worseWhenHeadFirst = headFirst.better === 'B';
  if (worseWhenBaseFirst && worseWhenHeadFirst)
    return {
      status: 'fail',
      reason: oneLine(`head worse than base in both orders${why(headFirst)}`),
      ...spent,
    };
  if (!worseWhenBaseFirst && !worseWhenHeadFirst) {
    const same = baseFirst.better === 'same' && headFirst.better === 'same';
    return {
      status: 'pass',
      reason: oneLine(
        same
          ? `head as good as base in both orders${why(headFirst)}`
          : `head not worse than base in both orders${why(headFirst)}`,
      ),
      ...spent,
    };
  }
  const firstWins = baseFirst.better === 'A' && headFirst.better === 'A';
  return {
    status: 'pass',
    reason: firstWins
      ? 'tie: the judge preferred whichever answer came first (position bias), so head and base are not told apart'
      : 'tie: the two orders disagree, so head and base are not told apart',
    ...spent,
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? flat.slice(0, 299) + '…' : flat;
}
