import path from 'node:path';

/**
 * Errors in a suite (config or datasets) are for people: each problem is one line that names
 * the file, the line and the field, the way compilers do, so an editor or a CI log links to it:
 *
 *   datasets/refunds.jsonl:37: checks[1].mode: unknown failure mode "tonee" (known: ...)
 *
 * A bad suite usually has several problems; we report them together (up to MAX_PROBLEMS) so a
 * user fixes them in one pass instead of one re-run per typo.
 */

export interface SuiteProblem {
  /** The file as shown in messages: relative to the cwd when it is below it, else absolute. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known (syntax errors). */
  column?: number;
  /** The field path inside the config or the case, e.g. `checks[1].mode`. */
  field?: string;
  /** What is wrong, without the location prefix. */
  message: string;
}

/** How many problems one error lists; the rest are counted. */
export const MAX_PROBLEMS = 20;

/** `file:line[:column]: [field: ]message`. */
export function formatProblem(p: SuiteProblem): string {
  let where = p.file;
  if (p.line !== undefined) {
    where += `:${p.line}`;
    if (p.column !== undefined) where += `:${p.column}`;
  }
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

export class SuiteError extends Error {
  override name = 'SuiteError';
  /** The first problem's location, for callers that show one. */
  file: string;
  line?: number;
  column?: number;
  field?: string;
  /** Every problem found (at most MAX_PROBLEMS). */
  problems: SuiteProblem[];
  /** Problems found beyond MAX_PROBLEMS, counted but not listed. */
  omitted: number;

  constructor(problems: SuiteProblem[], omitted = 0) {
    if (problems.length === 0) throw new TypeError('SuiteError needs at least one problem');
    const lines = problems.map(formatProblem);
    if (omitted > 0) lines.push(`... and ${omitted} more problem${omitted === 1 ? '' : 's'}`);
    super(lines.join('\n'));
    const first = problems[0];
    this.file = first.file;
    this.line = first.line;
    this.column = first.column;
    this.field = first.field;
    this.problems = problems;
    this.omitted = omitted;
  }
}

export function isSuiteError(err: unknown): err is SuiteError {
  return err instanceof SuiteError;
}

/** One SuiteError for a list of problems, keeping the first MAX_PROBLEMS. */
export function suiteError(problems: readonly SuiteProblem[]): SuiteError {
  return new SuiteError(
    problems.slice(0, MAX_PROBLEMS),
    Math.max(0, problems.length - MAX_PROBLEMS),
  );
}

/** Collects problems across files and throws them as one SuiteError. */
export class ProblemList {
  readonly items: SuiteProblem[] = [];
  /** Problems past the cap: counted, not kept. */
  omitted = 0;

  add(p: SuiteProblem): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push(p);
    else this.omitted++;
  }

  addAll(ps: Iterable<SuiteProblem>): void {
    for (const p of ps) this.add(p);
  }

  get size(): number {
    return this.items.length + this.omitted;
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new SuiteError(this.items, this.omitted);
  }
}

/**
 * A path as people should read it: relative to the cwd when the file is inside it (short, and
 * what GitHub annotations and editors expect), otherwise absolute. Always `/` separators.
 */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
  return shown.split(path.sep).join('/');
}
