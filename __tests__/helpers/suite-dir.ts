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

/**
 * The files of a suite whose system answers 100 KB per trial ("ok <id> xxx…"): `count` cases x 3
 * trials, for tests that hold evalgate to a heap smaller than the traces. `extraConfig` is
 * appended to evalgate.yml (one YAML line or more, each ending in a newline).
 */
export function bigAnswerSuite(count: number, extraConfig = ''): Record<string, string> {
  const ids = Array.from({ length: count }, (_, i) => `case-${i}`);
  return {
    'evalgate.yml': `version: 1
target: {module: "./agent.mjs#run"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 3
concurrency: 8
timeout: 30s
${extraConfig}`,
    'cases.jsonl': ids
      .map((id) =>
        JSON.stringify({
          id,
          input: id,
          checks: [{ type: 'contains', value: 'ok', mode: 'correct' }],
        }),
      )
      .join('\n'),
    'agent.mjs': `export async function run(c) {
  return { output: 'ok ' + c.id + ' ' + 'x'.repeat(100_000), usage: { input_tokens: 1 } };
}
`,
  };
}
