/**
 * What `evalgate pr` shows a reviewer: links from the comment it writes (to the dataset line at
 * the head commit, in a suite that lives in a subfolder, and into the viewer file next to it),
 * and the reason when the head's target errors on every trial.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');
const system = readFileSync(join(root, '__tests__', 'fixtures', 'run', 'system.mjs'), 'utf8');
const ids = Array.from({ length: 20 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A repository whose suite is in evals/; `main` is the base, `head` one commit on top. */
function repo(headEdit: (dir: string) => void) {
  const dir = suiteDir({
    'README.md': 'app\n',
    'evals/evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 2
retries: 0
timeout: 5s
`,
    'evals/cases.jsonl': okCases(ids),
    'evals/system.mjs': system,
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  const commit = (m: string) =>
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', m);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  commit('base');
  git('checkout', '-q', '-b', 'head');
  headEdit(dir);
  git('add', '-A');
  commit('head');
  return { dir, headSha: git('rev-parse', 'HEAD').trim() };
}

describe('evalgate pr: the comment it writes and what it prints', () => {
  it('--repo-url links each new failure to its dataset line at the head commit; the viewer at the case', () => {
    const failing = ids.slice(0, 12);
    const { dir, headSha } = repo((d) =>
      writeFileSync(join(d, 'evals', 'behaviour.json'), JSON.stringify({ fail: failing })),
    );
    const r = evalgate(
      [
        'pr',
        '--base',
        'main',
        '--config',
        'evals/evalgate.yml',
        '-q',
        '--repo-url',
        'https://github.com/acme/bot',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(1);
    const comment = readFileSync(join(dir, '.evalgate', 'pr', 'comment.md'), 'utf8');
    // case-00 is line 1 of evals/cases.jsonl: the path is the repository's, not the suite's.
    expect(comment).toContain(
      `**[case-00](https://github.com/acme/bot/blob/${headSha}/evals/cases.jsonl#L1)**`,
    );
    expect(comment).toContain('[viewer](report.html#case=case-00)');
    const comparison = JSON.parse(
      readFileSync(join(dir, '.evalgate', 'pr', 'comparison.json'), 'utf8'),
    );
    expect(comparison.suite_dir).toBe('evals');
  });

  it('a head whose target cannot start: the first error message in the terminal and the comment', () => {
    // The head's agent crashes on start (the same suite runs the base's agent on the base).
    const { dir } = repo((d) =>
      writeFileSync(
        join(d, 'evals', 'system.mjs'),
        'process.stderr.write("agent: cannot load model weights from ./weights.bin\\n"); process.exit(2);\n',
      ),
    );
    const r = evalgate(['pr', '--base', 'main', '--config', 'evals/evalgate.yml', '-q'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ERROR: /);
    expect(r.stdout).toMatch(
      /! first head error \(case case-\d\d, trial \d, crash\): .*cannot load model weights/,
    );
    expect(r.stdout).toMatch(/correct +critical +100% \(\d+\/\d+\) +all errored/);
    const comment = readFileSync(join(dir, '.evalgate', 'pr', 'comment.md'), 'utf8');
    expect(comment).toMatch(
      /⚠️ First head error \(case `case-\d\d`, trial \d, crash\): .*cannot load model weights/,
    );
  });
});
