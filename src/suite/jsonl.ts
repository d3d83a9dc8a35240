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
  const lines = stripBom(text).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i];
    if (src.trim() === '') continue;
    const parsed = parseJsonLine(src, i + 1, file);
    if ('problem' in parsed) {
      problems.push(parsed.problem);
      continue;
    }
    const row = { line: i + 1, value: parsed.value };
    if (onRow) onRow(row);
    else rows.push(row);
  }
  return { rows, problems };
}

/** One non-blank line of a JSON-lines file: its value, or a problem naming line and column. */
export function parseJsonLine(
  src: string,
  line: number,
  file: string,
): { value: unknown } | { problem: SuiteProblem } {
  try {
    return { value: JSON.parse(src) };
  } catch (err) {
    const { message, offset } = jsonSyntaxError(err, src);
    return {
      problem: {
        file,
        line,
        column: offset + 1 > src.length ? src.length + 1 : offset + 1,
        message: `invalid JSON: ${message}`,
      },
    };
  }
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
