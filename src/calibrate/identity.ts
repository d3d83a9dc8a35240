/**
 * What calibration measures and labels refer to: a judge (a model-graded check, identified by its
 * mode and the hash of what it asks the model) and a trace (identified by the hash of what a
 * reviewer and the judge see of it). Pure.
 */
import type { CheckSpec, Trace } from '../types.ts';
import { sha256, stableStringify } from '../suite/hash.ts';

/**
 * Check types graded by the judge model. Their verdicts are what calibration measures; a
 * `human` label is accepted on them only.
 */
export const JUDGED_TYPES: ReadonlySet<string> = new Set([
  'judge',
  'faithful',
  'answers_question',
  'follows_policy',
]);

export function isJudged(spec: { type?: unknown }): boolean {
  return typeof spec.type === 'string' && JUDGED_TYPES.has(spec.type);
}

/** Fields of a check spec that do not change what the judge is asked. */
const NOT_GRADING = new Set(['mode', 'name', 'human']);

export interface JudgeIdentity {
  /** `mode:type:hash12`: the same rubric (and options) in the same mode is the same judge. */
  id: string;
  mode: string;
  type: string;
  /** sha256 of the spec without mode, name and human labels (the rubric, examples, turn...). */
  spec_hash: string;
  /** For people: the check's name, else its type and the start of its rubric. */
  title: string;
}

const identities = new WeakMap<CheckSpec, JudgeIdentity>();

export function judgeIdentity(spec: CheckSpec): JudgeIdentity {
  const known = identities.get(spec);
  if (known) return known;
  const grading: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) if (!NOT_GRADING.has(k)) grading[k] = v;
  const specHash = sha256(stableStringify(grading));
  const rubric = typeof spec.rubric === 'string' ? spec.rubric.replace(/\s+/g, ' ').trim() : '';
  const title =
    typeof spec.name === 'string' && spec.name
      ? spec.name
      : rubric
        ? `${spec.type}: ${rubric.length > 60 ? rubric.slice(0, 59) + '…' : rubric}`
        : spec.type;
  const id: JudgeIdentity = {
    id: `${spec.mode}:${spec.type}:${specHash.slice(0, 12)}`,
    mode: spec.mode,
    type: spec.type,
    spec_hash: specHash,
    title,
  };
  identities.set(spec, id);
  return id;
}

/**
 * The trace hash labels refer to: sha256 of the stable JSON (sorted keys) of the case input and
 * the trace's content, `{input, output, messages, tool_calls, retrieved, turns, error}`. Timing,
 * usage, trace ids, stderr and metadata are left out: two runs that did and said the same are
 * the same trace to a reviewer. The viewer shows this hash (computed here, when it is rendered).
 */
export function traceHash(input: unknown, trace: Trace): string {
  return sha256(
    stableStringify({
      input: input ?? null,
      output: trace?.output ?? '',
      messages: trace?.messages,
      tool_calls: trace?.tool_calls,
      retrieved: trace?.retrieved,
      turns: trace?.turns,
      error: trace?.error ?? null,
    }),
  );
}
