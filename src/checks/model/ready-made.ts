/**
 * Ready-made judges: a documented rubric and the fields it needs, on top of the `judge` check.
 * Each builds a grading request and delegates to the suite's judge client (cached like `judge`).
 * The rubrics are quoted in docs/checks.md: keep them in step.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { Trace } from '../../types.ts';
import { checkSchema, error, errorMessage, perSpec, quote } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { inert, type JudgeField } from './judge-prompt.ts';
import { examplesSchema, gradeWith } from './judge-spec.ts';

export const FAITHFUL_RUBRIC = [
  'Every claim in the final answer must be supported by the retrieved documents shown.',
  'Fail if the answer states any fact (a number, date, name, price, rule, promise or step) that',
  'the documents do not state or that contradicts them, even if it is true in general.',
  'Sentences that claim nothing (greetings, offers to help, questions to the user) need no support.',
  'With no documents retrieved, pass only if the answer makes no factual claim (for example, it',
  'says it does not know).',
].join(' ');

export const ANSWERS_QUESTION_RUBRIC = [
  "The final answer must address the user's question or request: it answers what was asked,",
  'does what was asked, or says plainly why it cannot. Fail if it answers a different question,',
  'leaves the main point unanswered, only asks something back when the request was clear, or',
  'evades. Whether the answer is correct is not graded here, only whether it responds to what',
  'was asked.',
].join(' ');

export const FOLLOWS_POLICY_RUBRIC = [
  'The assistant must follow the policy between <policy> and </policy>.',
  'Fail if its final answer or any of its tool calls breaks a rule of the policy: does something',
  'the policy forbids, or leaves out something the policy requires in this situation. Rules that',
  'do not apply to this situation cannot be broken. Name the rule that was broken.',
].join(' ');

const examples = examplesSchema.optional();

const faithfulSchema = checkSchema({ type: z.literal('faithful'), examples });

export const faithful: CheckDefinition<z.infer<typeof faithfulSchema>> = {
  type: 'faithful',
  description:
    'LLM judge: every claim in the answer is supported by the documents retrieved in that trace.',
  schema: faithfulSchema,
  run(spec, trace, ctx) {
    return gradeWith(ctx, FAITHFUL_RUBRIC, trace, ctx.case, {
      fields: ['output', 'retrieved'],
      examples: spec.examples,
    });
  },
};

const answersSchema = checkSchema({ type: z.literal('answers_question'), examples });

/** A conversation is the question of a multi-turn case; a single turn's is the input. */
function questionFields(trace: Trace): JudgeField[] {
  return trace.turns?.length ? ['turns', 'output'] : ['input', 'output'];
}

export const answersQuestion: CheckDefinition<z.infer<typeof answersSchema>> = {
  type: 'answers_question',
  description: "LLM judge: the answer addresses the user's question (not whether it is correct).",
  schema: answersSchema,
  run(spec, trace, ctx) {
    return gradeWith(ctx, ANSWERS_QUESTION_RUBRIC, trace, ctx.case, {
      fields: questionFields(trace),
      examples: spec.examples,
    });
  },
};

const policySchema = checkSchema({
  type: z.literal('follows_policy'),
  /** The policy, in words. */
  policy: z.string().trim().min(1).optional(),
  /** Or a file holding it, relative to the suite root (and inside it). */
  policy_file: z
    .string()
    .min(1)
    .refine((p) => !isAbsolute(p) && !p.split(/[\\/]/).includes('..'), {
      message: 'policy_file is a path inside the suite folder (relative, without ..)',
    })
    .optional(),
  examples,
}).refine((s) => (s.policy === undefined) !== (s.policy_file === undefined), {
  message: 'give policy (the text) or policy_file (a file relative to the suite root), not both',
  path: ['policy'],
});

type PolicySpec = z.infer<typeof policySchema>;

/** Policy files are read once per spec (and suite root): cases share the spec object. */
const policyText = perSpec<PolicySpec, Map<string, Promise<string | { error: string }>>>(
  () => new Map(),
);

async function readPolicy(file: string, rootDir: string): Promise<string | { error: string }> {
  const path = resolve(rootDir, file);
  if (relative(rootDir, path).split(sep)[0] === '..')
    return { error: `policy_file ${quote(file, 80)} is outside the suite folder` };
  try {
    const text = (await readFile(path, 'utf8')).trim();
    return text ? text : { error: `policy_file ${quote(file, 80)} is empty` };
  } catch (err) {
    return { error: `policy_file ${quote(file, 80)} cannot be read: ${errorMessage(err)}` };
  }
}

export const followsPolicy: CheckDefinition<PolicySpec> = {
  type: 'follows_policy',
  description:
    'LLM judge: the answer and the tool calls follow a policy (text, or a file in the suite).',
  schema: policySchema as unknown as z.ZodType<PolicySpec>,
  async run(spec, trace, ctx) {
    let policy = spec.policy;
    if (policy === undefined) {
      const byRoot = policyText(spec);
      let p = byRoot.get(ctx.rootDir);
      if (!p) byRoot.set(ctx.rootDir, (p = readPolicy(spec.policy_file!, ctx.rootDir)));
      const read = await p;
      if (typeof read !== 'string') return error(read.error);
      policy = read;
    }
    const rubric = `${FOLLOWS_POLICY_RUBRIC}\n\n<policy>\n${inert(policy.slice(0, 20_000))}\n</policy>`;
    return gradeWith(ctx, rubric, trace, ctx.case, {
      fields: ['tool_calls', 'output'],
      examples: spec.examples,
    });
  },
};
