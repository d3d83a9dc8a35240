/**
 * A JSON-lines file read one value at a time (imports, samples, labelled traces: files that can
 * be larger than memory should hold). Blank lines are skipped; a line that is not JSON is a
 * SuiteError with the file and the line, like every other input error.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { suiteError } from './errors.ts';

export async function* readJsonLines(
  path: string,
  /** The file as messages name it. */
  shown: string,
  /** A cheap test on the raw line: lines it rejects are not parsed at all. */
  keep?: (text: string) => boolean,
): AsyncGenerator<{ value: unknown; line: number }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim() || (keep && !keep(text))) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      // V8 appends "(line 1 column n)" of the one line: the file's line says more.
      const message = (err as Error).message.replace(/\s*\(line.*$/, '');
      throw suiteError([{ file: shown, line, message: `not valid JSON: ${message}` }]);
    }
    yield { value, line };
  }
}
