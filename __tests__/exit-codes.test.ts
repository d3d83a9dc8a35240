import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function suiteWith(target: string) {
  return suiteDir({
    'evalgate.yml': `version: 1
target: ${target}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 1
retries: 0
timeout: 5s
`,
    'cases.jsonl': okCases(['a', 'b']),
  });
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('exit code 3: what the README and --help say is what a missing target does', () => {
  it('the README and --help give exit 3 the same meaning', () => {
    const exitCodes = (text: string) =>
      text.slice(text.indexOf('Exit codes:')).replace(/\s+/g, ' ');
    const readme = exitCodes(readFileSync(join(root, 'README.md'), 'utf8')).slice(0, 500);
    const help = exitCodes(evalgate(['--help'], root).stdout).slice(0, 500);
    for (const text of [readme, help]) {
      expect(text).toMatch(/3 (evalgate )?could not run \(an `?http`? (target's )?server/);
      expect(text).toMatch(/a `?module`? (target )?that does not load/);
      expect(text).toMatch(/every trial of (a run|`?evalgate run`?) errored/i);
    }
  });

  it('a module target that does not load, and an http server that never starts: exit 3', () => {
    const mod = evalgate(['run', '-q'], suiteWith('{module: ./missing.mjs}'));
    expect(mod.code).toBe(3);
    expect(mod.stderr).toContain('missing.mjs not found');
    noStack(mod.stderr);

    const http = evalgate(
      ['run', '-q'],
      suiteWith('{http: {url: "http://127.0.0.1:{port}/eval", start: "exit 7"}}'),
    );
    expect(http.code).toBe(3);
    expect(http.stderr).toMatch(/exited before it was ready/);
    noStack(http.stderr);
  });

  it('a command that does not exist: run records errors and exits 3 with the first one, compare says error (exit 1)', () => {
    const dir = suiteWith('{command: ./no-such-program}');
    const run = evalgate(['run', '-q', '--out', 'results.json'], dir);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('0 pass, 0 fail, 2 error');
    expect(run.stderr).toMatch(/every trial errored .*"a" trial 0: crash/);
    noStack(run.stderr);
    const cmp = evalgate(['compare', 'results.json', 'results.json', '--json'], dir);
    expect(cmp.code).toBe(1);
    expect(JSON.parse(cmp.stdout).verdict).toBe('error');
  });
});

describe('evalgate pr: a side on which every trial errored', () => {
  it('prints its first error in the terminal as soon as the side finished', () => {
    // The base answers; the head deleted its target program: every head trial crashes.
    const dir = suiteWith('{command: node target.mjs}');
    writeFileSync(
      join(dir, 'target.mjs'),
      "process.stdin.resume(); process.stdin.on('end', () => process.stdout.write(JSON.stringify({ output: 'ok' })));\n",
    );
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    rmSync(join(dir, 'target.mjs'));
    git('commit', '-qam', 'head: the target is gone');
    const r = evalgate(['pr', '--base', 'main', '-q'], dir);
    expect(r.stderr).toMatch(
      /every head trial errored \(nothing was measured\); the first, case "a" trial 0: crash: command failed/,
    );
    expect(r.stderr).not.toMatch(/every base trial errored/);
    // Nothing to re-run when a side measured nothing: the verdict is an error either way.
    expect(r.stderr).not.toMatch(/re-running/);
    expect(r.stdout).toMatch(/^ERROR/m);
    expect(r.code).toBe(1);
    noStack(r.stderr);
  }, 60_000);
});
