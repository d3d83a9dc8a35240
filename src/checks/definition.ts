import type { z } from 'zod';
import type { Case, CheckOutcome, CheckSpec, Trace, Usage } from '../types.ts';
import type { GradeOptions, JudgeField } from './model/judge-prompt.ts';

/** What a check may use besides the trace. */
export interface CheckContext {
  /** Absolute path of the suite root (the config's folder): `script` paths are relative to it. */
  rootDir: string;
  case: Case;
  /** Aborted when the run is interrupted. */
  signal?: AbortSignal;
  /** Present when the suite configures a judge; model-graded checks error without it. */
  judge?: JudgeClient;
}

export interface JudgeClient {
  /**
   * Grades `trace` against `rubric`: pass/fail with a one-line reason. Never throws. `options`
   * choose the fields the judge sees and add graded examples.
   */
  grade(rubric: string, trace: Trace, c: Case, options?: GradeOptions): Promise<CheckOutcome>;
  /**
   * Which of two answers to case `c` meets `rubric` better, shown as A (`first`) and B
   * (`second`), or an `error` outcome. Never throws. Absent on a judge that cannot compare.
   */
  prefer?(
    rubric: string,
    first: Trace,
    second: Trace,
    c: Case,
    fields: readonly JudgeField[],
  ): Promise<Preference | CheckOutcome>;
}

/** A pairwise judge's answer for one order of the two answers. */
export interface Preference {
  better: 'A' | 'B' | 'same';
  reason: string;
  usage?: Usage;
  retries?: number;
}

export interface CaseIssue {
  field: string;
  message: string;
}

/**
 * One check type. Adding a check is one file exporting a CheckDefinition, plus one line in
 * registry.ts. `schema` validates the whole spec as written in the dataset (including `type`,
 * `mode` and the optional `name`), so the suite loader can name the bad field and line.
 */
export interface CheckDefinition<S extends CheckSpec = CheckSpec> {
  type: string;
  /** One line for docs and `evalgate validate --list-checks`. */
  description: string;
  schema: z.ZodType<S>;
  /**
   * True for checks that read a conversation (remembers, no_repeated_question): a case without
   * `turns` or `simulated_user` cannot use them, which the suite loader reports.
   */
  needsConversation?: boolean;
  /**
   * A problem with this check in this case that its schema alone cannot see (a value the
   * script never gives), as a message about the field `field` of the check. Run at load time.
   */
  checkCase?(spec: S, c: Pick<Case, 'turns' | 'simulated_user'>): CaseIssue | undefined;
  /** Must not throw: an exception is turned into `error` by the registry's runner anyway. */
  run(spec: S, trace: Trace, ctx: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}
