import type { SuiteProblem } from './errors.ts';
import type { Located, ParseResult } from './yaml.ts';
import { parseYaml } from './yaml.ts';

/**
 * JSON Lines and JSON parsing with line numbers. Pure: works on strings.
 */

export interface JsonlRow {
  /** 1-based line in the file. */
  line: number;
  value: unknown;
  /** Where the line starts in the text given (in characters), and its text without the newline. */
  start: number;
  src: string;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * V8's JSON.parse messages carry "in JSON at position N (line L column C)"; we keep the words,
 * drop V8's position (it counts within the string we gave it) and compute our own.
 */
export function jsonSyntaxError(err: unknown, text: string): { message: string; offset: number } {
  const raw = err instanceof Error ? err.message : String(err);
  const m = /\bat position (\d+)/.exec(raw);
  const offset = m ? Number(m[1]) : text.length;
  const words = raw
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
  return { message: words, offset };
}

/**
 * One JSON value per non-blank line. A bad line is a problem naming its line and column; the
 * other lines are still returned so one run reports every bad line.
 */
export function parseJsonl(
  text: string,
  file: string,
  /** Called for each row instead of collecting them: a large dataset is then never held twice. */
  onRow?: (row: JsonlRow) => void,
): { rows: JsonlRow[]; problems: SuiteProblem[] } {
  const rows: JsonlRow[] = [];
  const problems: SuiteProblem[] = [];
  // Line by line with indexOf rather than split: the same lines (split at \n, a \r before it
  // dropped), and each line's start, which a suite held by line offsets needs (held-case.ts).
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = 0; start <= text.length; i++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const lineStart = start;
    const src = text.slice(start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : end);
    start = end + 1;
    if (src.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(src);
    } catch (err) {
      const { message, offset } = jsonSyntaxError(err, src);
      problems.push({
        file,
        line: i + 1,
        column: offset + 1 > src.length ? src.length + 1 : offset + 1,
        message: `invalid JSON: ${message}`,
      });
      continue;
    }
    const row = { line: i + 1, value, start: lineStart, src };
    if (onRow) onRow(row);
    else rows.push(row);
  }
  return { rows, problems };
}

/**
 * A whole-file JSON document. JSON.parse decides validity and the value; the YAML parser (JSON
 * is a subset of YAML 1.2) supplies the line of each node for later messages.
 */
export function parseJson(text: string, file: string): ParseResult {
  const src = stripBom(text);
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (err) {
    const { message, offset } = jsonSyntaxError(err, src);
    const { line, column } = lineColumn(src, offset);
    return { ok: false, problems: [{ file, line, column, message: `invalid JSON: ${message}` }] };
  }
  // Reading the file a second time as YAML costs as much as the first; only errors need lines.
  let lineOf: Located['lineOf'] | undefined;
  const doc: Located = {
    value,
    lineOf: (path) => {
      if (!lineOf) {
        const located = parseYaml(src, file);
        // Should the YAML reading of valid JSON fail (exotic input), we only lose line numbers.
        lineOf = located.ok ? located.doc.lineOf : () => undefined;
      }
      return lineOf(path);
    },
  };
  return { ok: true, doc };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
