// action.yml, its generated docs, and the outputs the code sets must agree.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OUTPUT_NAMES, setOutputs, writeJobSummary } from '../src/github/outputs.ts';
import { END, renderTables, START } from '../scripts/action-docs.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'action-docs.ts');

async function docs(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evalgate-docs-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('action.yml', () => {
  it('declares node24, dist/index.js, and exactly the outputs the code sets', async () => {
    const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    for (const [name, spec] of Object.entries<any>({ ...action.inputs, ...action.outputs })) {
      expect(spec.description, name).toMatch(/\w{3,}/);
    }
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
  });
});

describe('scripts/action-docs.ts', () => {
  it('--check exits 1 on an out-of-date file, the write fixes it, then --check exits 0', async () => {
    const file = join(dir, 'README.md');
    await writeFile(file, `# Title\n\n${START}\nstale table\n${END}\n\nafter\n`);
    const stale = await docs([file, '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/out of date/);
    expect(await readFile(file, 'utf8')).toContain('stale table');

    expect((await docs([file])).code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('| `github-token`');
    expect(text).toContain('| `comment-url`');
    expect(text).toMatch(/^# Title\n/);
    expect(text).toMatch(/\n\nafter\n$/);
    expect((await docs([file, '--check'])).code).toBe(0);
  });

  it('a file without markers is an error', async () => {
    const file = join(dir, 'plain.md');
    await writeFile(file, '# nothing here\n');
    const res = await docs([file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/markers/);
  });

  it('escapes pipes and newlines in descriptions', () => {
    const out = renderTables(
      'inputs:\n  a:\n    description: "x | y\\nz"\n    default: "1"\noutputs: {}\n',
    );
    expect(out).toContain('x \\| y z');
    expect(out).toContain('`1`');
  });

  it('docs/action.md is up to date with action.yml', async () => {
    const res = await docs(['docs/action.md', '--check']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
  });
});

describe('outputs', () => {
  it('writes outputs and the job summary to the files Actions gives', async () => {
    const outFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    await writeFile(outFile, '');
    await writeFile(summaryFile, '');
    const saved = { out: process.env.GITHUB_OUTPUT, sum: process.env.GITHUB_STEP_SUMMARY };
    process.env.GITHUB_OUTPUT = outFile;
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    try {
      setOutputs({
        verdict: 'block',
        'regressed-modes': ['refusal_policy', 'tone'],
        'new-failures': 3,
        'comment-url': undefined,
      });
      expect(await writeJobSummary('## evalgate\n\nblocked')).toBe(true);
      const out = await readFile(outFile, 'utf8');
      expect(out).toMatch(/verdict<<ghadelimiter_[\w-]+\nblock\n/);
      expect(out).toMatch(/regressed-modes<<ghadelimiter_[\w-]+\nrefusal_policy,tone\n/);
      expect(out).toMatch(/new-failures<<ghadelimiter_[\w-]+\n3\n/);
      expect(out).not.toContain('comment-url');
      expect(await readFile(summaryFile, 'utf8')).toContain('## evalgate\n\nblocked');
      delete process.env.GITHUB_STEP_SUMMARY;
      expect(await writeJobSummary('x')).toBe(false);
    } finally {
      for (const [k, v] of [
        ['GITHUB_OUTPUT', saved.out],
        ['GITHUB_STEP_SUMMARY', saved.sum],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
