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

/** The outcome of one pair: the head trial's check and the base trial's. */
export interface PairOutcome {
  head: CheckOutcome;
  base: CheckOutcome;
}

/** The base's check when the head was not better: the reference answer. */
export const REFERENCE =
  'reference of a pairwise comparison: the head was not better in both orders';

/**
 * Compares the head's and the base's answers in both orders (A=base,B=head then A=head,B=base),
 * cancelling the judge's position bias. For the head trial's check:
 *
 * - head worse in both orders: fail;
 * - head better or as good in both: pass;
 * - the orders disagree: a tie, counted as a pass (the judge could not tell them apart: a tie
 *   must not fail the head), its reason says so.
 *
 * The base trial's check mirrors it: it fails only when the head was better in both orders, and
 * passes otherwise. So a pair where the head won counts against the base exactly as one where it
 * lost counts against the head, and the mode's paired test weighs head-worse pairs against
 * head-better ones: two samples of the same system (an A/A run) lose and win alike, and do not
 * regress (docs/statistics.md, "Pairwise modes").
 *
 * An error in either order is the outcome of both sides (unknown is not a verdict, and it is no
 * fault of either system). Never throws. The judge's spend is on the head's outcome.
 */
export async function comparePair(
  judge: JudgeClient | undefined,
  spec: PairwiseSpec,
  base: Trace,
  head: Trace,
  c: Case,
): Promise<PairOutcome> {
  const both = (o: CheckOutcome): PairOutcome => ({
    head: o,
    base: { status: 'error', reason: o.reason },
  });
  if (!judge) return both(error(NO_JUDGE));
  if (!judge.prefer) return both(error('the configured judge cannot compare two answers'));
  const fields = spec.fields ?? PAIRWISE_DEFAULT_FIELDS;
  let answers: (Preference | CheckOutcome)[];
  try {
    answers = await Promise.all([
      judge.prefer(spec.rubric, base, head, c, fields),
      judge.prefer(spec.rubric, head, base, c, fields),
    ]);
  } catch (err) {
    return both(error(`judge threw: ${errorMessage(err)}`));
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
  const failed = [baseFirst, headFirst].find((a) => !isPreference(a)) as CheckOutcome | undefined;
  if (failed) {
    const o = both({ ...failed, status: 'error' });
    o.head = { ...o.head, ...spent };
    return o;
  }
  const b1 = baseFirst as Preference;
  const h1 = headFirst as Preference;
  const headWorse = b1.better === 'A' && h1.better === 'B';
  const headBetter = b1.better === 'B' && h1.better === 'A';
  const reference: CheckOutcome = { status: 'pass', reason: REFERENCE };
  if (headWorse)
    return {
      head: {
        status: 'fail',
        reason: oneLine(`head worse than base in both orders${why(h1)}`),
        ...spent,
      },
      base: reference,
    };
  if (headBetter)
    return {
      head: {
        status: 'pass',
        reason: oneLine(`head better than base in both orders${why(h1)}`),
        ...spent,
      },
      base: { status: 'fail', reason: oneLine(`head better than base in both orders${why(h1)}`) },
    };
  if (b1.better === 'same' && h1.better === 'same')
    return {
      head: {
        status: 'pass',
        reason: oneLine(`head as good as base in both orders${why(h1)}`),
        ...spent,
      },
      base: reference,
    };
  // The orders disagree (one of them may say "same"): the judge cannot tell them apart.
  const firstWins = b1.better === 'A' && h1.better === 'A';
  const secondWins = b1.better === 'B' && h1.better === 'B';
  const tie = firstWins
    ? 'tie: the judge preferred whichever answer came first (position bias), so head and base are not told apart'
    : secondWins
      ? 'tie: the judge preferred whichever answer came second (position bias), so head and base are not told apart'
      : 'tie: the two orders disagree, so head and base are not told apart';
  return { head: { status: 'pass', reason: tie, ...spent }, base: reference };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? flat.slice(0, 299) + '…' : flat;
}
