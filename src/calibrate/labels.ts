/**
 * The labels file: one JSON object per line, a person's verdict on one judged check of one stored
 * trace, so labels are collected while reviewing traces, without editing cases:
 *
 *   {"trace_hash": "<64 hex>", "case": "refund-1", "check": 2, "label": "fail", "note": "..."}
 *
 * `check` is the check's index in the case's `checks` or its `name`. The trace viewer writes
 * this format. Pure apart from reading the file.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { suiteError, type SuiteProblem } from '../suite/errors.ts';
import { parseJsonl } from '../suite/jsonl.ts';
import { fromZodIssues } from '../suite/issues.ts';

export interface LabelRow {
  trace_hash: string;
  case: string;
  check: number | string;
  label: 'pass' | 'fail';
  note?: string;
  /** Where it was written, for messages. */
  line: number;
}

const labelSchema = z.strictObject({
  trace_hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64 hex digits the viewer shows'),
  case: z.string().min(1),
  check: z.union([z.int().min(0), z.string().min(1)]),
  label: z.enum(['pass', 'fail']),
  note: z.string().optional(),
  /** Who labelled and when: kept in the file, not used. */
  reviewer: z.string().optional(),
  labelled_at: z.string().optional(),
});

/** Parses a labels file's text; throws a SuiteError naming every bad line. */
export function parseLabels(text: string, file: string): LabelRow[] {
  const problems: SuiteProblem[] = [];
  const rows: LabelRow[] = [];
  const { problems: syntax } = parseJsonl(text, file, ({ line, value }) => {
    const r = labelSchema.safeParse(value, { reportInput: true });
    if (!r.success) {
      for (const issue of fromZodIssues(r.error.issues, labelSchema, value))
        problems.push({
          file,
          line,
          field: issue.path.length ? issue.path.join('.') : undefined,
          message: issue.message,
        });
      return;
    }
    const { reviewer: _r, labelled_at: _a, ...row } = r.data;
    rows.push({ ...row, line });
  });
  problems.unshift(...syntax);
  if (problems.length) throw suiteError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return rows;
}

export async function readLabels(path: string, shown = path): Promise<LabelRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw suiteError([
      { file: shown, message: `cannot read the labels file: ${(err as Error).message}` },
    ]);
  }
  return parseLabels(text, shown);
}
