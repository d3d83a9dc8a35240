/**
 * Fresh context: a case pins knowledge-base documents in `context.documents`; the target gets
 * them with the case, loads them into its retriever, and reports what it retrieved. A system
 * that answers from its retrieval passes `grounded`; one that answers from memory ("24/7")
 * fails it — against what it actually retrieved in that trace, not a frozen reference answer.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Results } from '../src/types.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, '__tests__', 'fixtures', 'fresh-context');
const read = (f: string) => readFileSync(join(fixtures, f), 'utf8');

/** Runs the suite against one export of the tiny system; returns check statuses by type. */
function run(exportName: string): Record<string, string> {
  const dir = suiteDir({
    'evalgate.yml': `version: 1
target: {module: "system.mjs#${exportName}"}
datasets: [cases.jsonl]
failure_modes: {stale_answer: critical, retrieval: major}
trials: 1
`,
    'cases.jsonl': read('cases.jsonl'),
    'system.mjs': read('system.mjs'),
  });
  const r = spawnSync(
    process.execPath,
    [join(root, 'src', 'bin.ts'), 'run', '--out', 'r.json', '-q'],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    },
  );
  expect(r.stderr).not.toMatch(/Error|at .*\.ts:/);
  const results = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Results;
  const [trial] = results.cases[0].trials;
  return Object.fromEntries(trial.checks.map((c) => [c.type, `${c.status}: ${c.reason}`]));
}

describe('pinned knowledge-base documents', () => {
  it('a system answering from the documents it retrieved passes grounded and context_used', () => {
    const checks = run('fromDocs');
    expect(checks.grounded).toMatch(/^pass: 2 facts found in retrieved context \[kb\/hours\.md/);
    expect(checks.context_used).toMatch(/^pass: /);
    expect(checks.retrieval_recall).toBe(
      'pass: 1 of 1 expected documents in the top 1: kb/hours.md',
    );
    expect(checks.retrieval_precision).toMatch(/^pass: /);
  });

  it('a system answering from memory fails grounded against what it retrieved', () => {
    const checks = run('fromMemory');
    expect(checks.grounded).toBe(
      'fail: not in retrieved context [kb/hours.md, kb/returns.md]: "24/7" (schedule)',
    );
    expect(checks.context_used).toMatch(
      /^fail: 0 facts from the retrieved context .*in neither: "24\/7"/,
    );
    // Its retrieval was fine: the failure is the answer's, and the modes say so.
    expect(checks.retrieval_recall).toMatch(/^pass: /);
  });
});
