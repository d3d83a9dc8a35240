/**
 * Ctrl-C during `evalgate pr`: the run stops, and nothing it writes (the text report, the
 * comment, the comparison) says the PR passed: it says interrupted. Spawns the real CLI.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');
const ids = Array.from({ length: 40 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

describe('evalgate pr, interrupted', () => {
  it('writes a report and a comment that say interrupted, never passed; exits 130', async () => {
    const dir = suiteDir({
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 2
concurrency: 2
timeout: 10s
`,
      'cases.jsonl': okCases(ids),
      // Answers "ok" after a pause, and notes each answer in a log outside the repository.
      'system.mjs': `import { appendFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => setTimeout(() => {
  appendFileSync(${JSON.stringify(join('/tmp', `evalgate-int-${process.pid}.log`))}, 'x');
  process.stdout.write(JSON.stringify({ output: 'ok' }) + '\\n');
}, 150));
`,
    });
    const logFile = join('/tmp', `evalgate-int-${process.pid}.log`);
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@t.invalid',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@t.invalid',
          GIT_CONFIG_GLOBAL: '/dev/null',
        },
      });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');

    const child = spawn(process.execPath, [bin, 'pr', '--base', 'main', '-q'], {
      cwd: dir,
      env: { ...process.env, CI: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    // Stop once a few trials have answered (of 160), as someone pressing Ctrl-C would.
    const started = Date.now();
    while (!(existsSync(logFile) && readFileSync(logFile, 'utf8').length >= 6)) {
      if (Date.now() - started > 60_000) throw new Error(`no trial ran: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    const code = await exited;

    expect(code).toBe(130);
    expect(stdout).toMatch(
      /^INTERRUPTED: head is incomplete: \d+ of 40 selected cases have no trial \(interrupted\)/,
    );
    expect(stdout).not.toMatch(/PASSED/i);
    const out = join(dir, '.evalgate', 'pr');
    const comment = readFileSync(join(out, 'comment.md'), 'utf8');
    expect(comment).toMatch(
      /^⚠️ \*\*Interrupted\*\*: head is incomplete: \d+ of 40 selected cases/,
    );
    expect(comment).not.toMatch(/passed/i);
    const comparison = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(comparison.verdict).toBe('error');
    expect(comparison.counts.removed).toBe(0);
    expect(comparison.incomplete.head.interrupted).toBe(true);
  }, 120_000);
});
