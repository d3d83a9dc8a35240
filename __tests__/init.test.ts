import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initProject } from '../src/init/index.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const WORKFLOWS = [
  '.github/workflows/evalgate-pr.yml',
  '.github/workflows/evalgate-baseline.yml',
  '.github/workflows/evalgate-full.yml',
];

/** The fenced blocks of a Markdown file with the given info string. */
function fenced(markdown: string, lang: string): string[] {
  const re = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm');
  return [...markdown.matchAll(re)].map((m) => m[1]);
}

describe('evalgate init', () => {
  it.each([
    ['python', { 'requirements.txt': 'openai\n' }, 'evals/target.py'],
    ['python', { 'pyproject.toml': '[project]\nname = "x"\n' }, 'evals/target.py'],
    ['python', { 'app.py': 'print(1)\n' }, 'evals/target.py'],
    ['python', { 'requirements.txt': '', 'package.json': '{}' }, 'evals/target.py'],
    ['node', { 'package.json': '{}' }, 'evals/target.mjs'],
    ['http', { 'main.go': 'package main\n' }, 'evals/server.mjs'],
  ] as const)('detects a %s project from %j', async (kind, files, stub) => {
    const dir = suiteDir(files);
    const result = await initProject(dir);
    expect(result.project.target).toBe(kind);
    for (const f of ['evalgate.yml', 'evals/cases.jsonl', stub, ...WORKFLOWS])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(result.files.every((f) => f.written)).toBe(true);
  });

  it('--target overrides what it finds; an unknown one is a usage error', () => {
    const dir = suiteDir({ 'requirements.txt': '' });
    expect(evalgate(['init', '--target', 'node'], dir).stdout).toContain('a node target');
    expect(existsSync(join(dir, 'evals/target.mjs'))).toBe(true);
    const bad = evalgate(['init', '--target', 'ruby'], suiteDir({}));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('evalgate: --target must be python, node, http; got ruby\n');
  });

  it('never overwrites: existing files, and symlinks even dangling ones, are skipped and listed', () => {
    const dir = suiteDir({ 'evalgate.yml': 'mine\n', 'requirements.txt': '' });
    const outside = join(suiteDir({}), 'not-written');
    mkdirSync(join(dir, 'evals'));
    symlinkSync(outside, join(dir, 'evals', 'cases.jsonl'));

    const r = evalgate(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('skipped  evalgate.yml (exists)');
    expect(r.stdout).toContain('skipped  evals/cases.jsonl (exists)');
    expect(r.stdout).toContain('wrote    evals/target.py');
    expect(readFileSync(join(dir, 'evalgate.yml'), 'utf8')).toBe('mine\n');
    expect(existsSync(outside)).toBe(false);

    // A second run writes nothing.
    const again = evalgate(['init'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('wrote');
  });

  it.each(['python', 'node', 'http'])(
    'the %s suite validates, and its stub passes the three example cases',
    (kind) => {
      const dir = suiteDir({});
      expect(evalgate(['init', '--target', kind], dir).code).toBe(0);
      const v = evalgate(['validate'], dir);
      expect(v.stderr).toBe('');
      expect(v.code).toBe(0);
      expect(v.stdout).toContain('3 cases in 1 file(s)');
      const r = evalgate(['run', '--out', 'results.json', '--quiet'], dir);
      expect(r.code).toBe(0);
      const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
      expect(results.meta.counts).toMatchObject({ cases: 3, trials: 9, pass: 9, fail: 0 });
      // Each example check saw what it guards: a call, facts found, a refusal.
      const reasons = results.cases.flatMap((c: { trials: { checks: { reason: string }[] }[] }) =>
        c.trials[0].checks.map((k) => k.reason),
      );
      expect(reasons.join('\n')).toMatch(/lookup_order .* called 1 time/);
      expect(reasons.join('\n')).toMatch(/3 facts found in retrieved context/);
      expect(reasons.join('\n')).toMatch(/^refused: /m);
    },
    30_000,
  );

  it('the README shows what init writes: the Python config, the Node workflows, the output', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const yaml = fenced(readme, 'yaml');

    const py = suiteDir({ 'requirements.txt': '' });
    const out = evalgate(['init'], py).stdout;
    expect(yaml).toContain(readFileSync(join(py, 'evalgate.yml'), 'utf8'));
    const shownOutput = fenced(readme, 'text').find((b) => b.startsWith('$ evalgate init\n'));
    expect(shownOutput).toBe('$ evalgate init\n' + out.slice(0, out.indexOf('\n\n')) + '\n');

    const node = suiteDir({ 'package.json': '{}', 'package-lock.json': '{}' });
    evalgate(['init'], node);
    for (const f of WORKFLOWS) expect(yaml).toContain(readFileSync(join(node, f), 'utf8'));
  });

  it('the Python workflows set up Python and install its requirements', () => {
    const dir = suiteDir({ 'requirements.txt': '' });
    evalgate(['init'], dir);
    const pr = readFileSync(join(dir, WORKFLOWS[0]), 'utf8');
    expect(pr).toContain('uses: actions/setup-python@');
    expect(pr).toContain('- run: pip install -r requirements.txt');
    expect(pr).toContain('setup: pip install -r requirements.txt');
    expect(pr).not.toContain('npm');
  });
});
