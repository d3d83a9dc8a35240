/**
 * `evalgate pr` holds slim results, not both sides' traces: each side's trials go to a journal,
 * the results files are written from it, the verdict is compared from the slim results, and the
 * viewer reads each case's traces back from the files. A cached baseline is read lazily, and a
 * baseline file rewritten after it was read is refused, not used.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseCopy, lazyResults } from '../src/pipeline/lazy-results.ts';
import { readResults, writeJson } from '../src/run/results-io.ts';
import type { Comparison, Results } from '../src/types.ts';
import { makeResults, trials } from './helpers/compare-results.ts';
import { bigAnswerSuite, suiteDir } from './helpers/suite-dir.ts';

const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');

function git(cwd: string, ...args: string[]) {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t.invalid',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t.invalid',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

function evalgate(args: string[], cwd: string, nodeFlags: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, bin, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * 200 cases x 3 trials of 100 KB answers on each side: 120 MB of traces, which do not fit an
 * 80 MB heap (the code that held both sides' results failed).
 */
describe('evalgate pr of 120 MB of traces', () => {
  it('fits an 80 MB heap, from scratch and with a cached baseline', { timeout: 240_000 }, () => {
    const dir = suiteDir({
      ...bigAnswerSuite(200),
      '.gitignore': '.evalgate/\nout*/\n',
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    // The head fails every 10th case: new failures, so the comparison builds excerpts.
    writeFileSync(
      join(dir, 'agent.mjs'),
      `export async function run(c) {
  const bad = Number(c.id.slice(5)) % 10 === 0;
  return { output: (bad ? 'no ' : 'ok ') + c.id + ' ' + 'x'.repeat(100_000), usage: { input_tokens: 1 } };
}
`,
    );
    const cap = ['--max-old-space-size=80'];
    const pr = evalgate(
      ['pr', '--base', 'main', '--full', '--no-cache', '-o', 'out', '-q'],
      dir,
      cap,
    );
    expect(pr.stderr).not.toMatch(/heap out of memory/);
    expect(pr.code, pr.stderr.slice(-2000)).toBe(1);
    const comparison = JSON.parse(
      readFileSync(join(dir, 'out', 'comparison.json'), 'utf8'),
    ) as Comparison;
    expect(comparison.verdict).toBe('block');
    expect(comparison.counts.new_failure).toBe(20);
    const excerpt = comparison.cases.find((c) => c.id === 'case-0')?.excerpt;
    expect(excerpt?.output).toMatch(/^no case-0 x+/);
    const head = readFileSync(join(dir, 'out', 'head-results.json'), 'utf8');
    expect(head.length).toBeGreaterThan(60_000_000);
    expect(head.split('\n')[1]).toMatch(/"output":"(ok|no) case-\d+ x{100000}"/);
    const viewer = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(viewer.length).toBeGreaterThan(5_000_000);

    // Again with the base's results as a cached baseline: nothing runs on the base.
    const again = evalgate(
      [
        'pr',
        '--base',
        'main',
        '--full',
        '--no-cache',
        '--baseline',
        join('out', 'base-results.json'),
        '-o',
        'out2',
        '-q',
      ],
      dir,
      cap,
    );
    expect(again.stderr).not.toMatch(/heap out of memory/);
    expect(again.code, again.stderr.slice(-2000)).toBe(1);
    const second = JSON.parse(
      readFileSync(join(dir, 'out2', 'comparison.json'), 'utf8'),
    ) as Comparison;
    expect(second.counts.new_failure).toBe(20);
    expect(readFileSync(join(dir, 'out2', 'base-results.json'), 'utf8').length).toBeGreaterThan(
      60_000_000,
    );
  });
});

describe('lazyResults', () => {
  const results = (): Results =>
    makeResults(
      Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, trials: trials('m', i % 3, 3) })),
      { label: 'base' },
    );

  it('reads what readResults reads, each case in full on access', async () => {
    const dir = suiteDir({});
    const path = join(dir, 'r.json');
    await writeJson(path, results());
    const whole = await readResults(path);
    const lazy = await lazyResults(path, { verify: true });
    try {
      expect(lazy.results.meta).toEqual(whole.meta);
      expect(lazy.results.cases.map(caseCopy)).toEqual(whole.cases);
      expect(lazy.results.cases[3].trials).toEqual(whole.cases[3].trials);
    } finally {
      lazy.close();
    }
  });

  it('refuses a case whose line was rewritten after the file was read', async () => {
    const dir = suiteDir({});
    const path = join(dir, 'r.json');
    await writeJson(path, results());
    const lazy = await lazyResults(path, { verify: true });
    try {
      const text = readFileSync(path, 'utf8');
      // Same length, so every other line stays where it was: a status turned into another.
      const forged = text.replace(/"id":"c4"(.*?)"status":"fail"/, '"id":"c4"$1"status":"pass"');
      expect(forged).not.toBe(text);
      writeFileSync(path, forged);
      expect(() => caseCopy(lazy.results.cases[4])).toThrow(/changed on disk/);
      expect(caseCopy(lazy.results.cases[5]).id).toBe('c5');
    } finally {
      lazy.close();
    }
  });

  it('says which file is not results', async () => {
    const dir = suiteDir({
      'bad.json': '{"schema":"evalgate/results@1","meta":{},"cases":[\n{x\n]}\n',
    });
    await expect(lazyResults(join(dir, 'bad.json'))).rejects.toThrow(/bad\.json: not valid JSON/);
    await expect(lazyResults(join(dir, 'none.json'))).rejects.toThrow(/none\.json: no such file/);
  });
});
