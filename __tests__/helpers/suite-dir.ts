import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes a suite folder (config + files) into a new temp dir and returns its path. */
export function suiteDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** JSONL of simple cases: each must make the system say "ok" (mode `correct`). */
export function okCases(ids: string[], mode = 'correct'): string {
  return ids
    .map((id) =>
      JSON.stringify({ id, input: { q: id }, checks: [{ type: 'contains', value: 'ok', mode }] }),
    )
    .join('\n');
}
