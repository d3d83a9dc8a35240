import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');
const system = join(root, '__tests__', 'fixtures', 'run', 'system.mjs');
const ids = Array.from({ length: 24 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function suite(extra: Record<string, string> = {}) {
  copyFileSync(system, '/tmp/evalgate-cli-system.mjs');
  return suiteDir({
    'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical, style: minor}
trials: 2
concurrency: 4
timeout: 5s
`,
    'cases.jsonl': okCases(ids),
    'system.mjs': readFileSync(system, 'utf8'),
    ...extra,
  });
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('evalgate CLI', () => {
  it('prints help and exits 0', () => {
    const r = evalgate(['--help'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('evalgate run');
    expect(r.stdout).toContain('Exit codes');
  });

  it('exits 2 with one clear line for an unknown command or a bad flag', () => {
    const a = evalgate(['frobnicate'], root);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/unknown command "frobnicate"/);
    const b = evalgate(['run', '--trials', 'three'], root);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--trials must be a whole number/);
    noStack(a.stderr + b.stderr);
  });

  it('validate names the file, line and field of a bad dataset, exits 2, no stack trace', () => {
    const lines = okCases(ids).split('\n');
    lines[6] =
      '{"id": "case-06", "input": {}, "checks": [{"type": "contains", "value": "ok", "mode": "corect"}]}';
    const dir = suite({ 'cases.jsonl': lines.join('\n') });
    const r = evalgate(['validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cases\.jsonl:7: checks\[0\]\.mode: unknown failure mode "corect"/);
    noStack(r.stderr);
    const ok = evalgate(['validate'], suite());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ok, 24 cases/);
  });

  it('validate reports a config error and a dataset error in one run', () => {
    const lines = okCases(ids).split('\n');
    lines[3] = '{"id": "case-03", "input": {}, "checks": [}';
    const dir = suite({
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: two
`,
      'cases.jsonl': lines.join('\n'),
    });
    const r = evalgate(['validate'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evalgate\.yml:5: trials: /);
    expect(r.stderr).toMatch(/cases\.jsonl:4:\d+: invalid JSON/);
    noStack(r.stderr);
  });

  it('validate prints per mode its cases and the smallest detectable drop, and warns about small modes', () => {
    const few = ['s-1', 's-2', 's-3'];
    const dir = suite({
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl, safety.jsonl]
failure_modes: {correct: critical, safety: critical, style: minor, extra: info}
trials: 2
gate: {adaptive: false}
`,
      'safety.jsonl': okCases(few, 'safety') + '\n' + okCases(['t-1'], 'extra'),
    });
    const r = evalgate(['validate'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /alpha 0\.01 one-sided over 3 failure mode\(s\) \(Holm\), 2 trial\(s\) per side, no re-runs/,
    );
    // 24 cases, 2 trials, alpha 0.01/3: the number comes from src/compare/power.ts.
    expect(r.stdout).toMatch(/correct +critical +24 +\d+ pts \(\d+ of 24 cases failing\)/);
    // 3 cases of 2 trials: at best p = (1/6)^3 = 0.0046 > 0.0033: can never block.
    expect(r.stdout).toMatch(/safety +critical +3 +can never regress/);
    expect(r.stdout).toMatch(
      /warning: safety has 3 cases: it can never block \(even if every case failed every head trial, p = 0\.0046 > 0\.0033\)/,
    );
    expect(r.stdout).toMatch(/style +minor +0 +no case tests it; minor does not block/);
    expect(r.stdout).toMatch(/extra +info +1 +can never regress; info does not block/);
    expect(r.stdout).toMatch(/warning: extra has 1 case: it can never regress/);
  });

  it('run, compare and report: a regression blocks (exit 1), the same system passes (exit 0)', () => {
    const dir = suite();
    expect(evalgate(['run', '--out', 'base.json', '-q'], dir).code).toBe(0);
    writeFileSync(join(dir, 'behaviour.json'), JSON.stringify({ fail: ids.slice(0, 12) }));
    expect(evalgate(['run', '--out', 'head.json', '-q'], dir).code).toBe(0);

    const blocked = evalgate(
      ['compare', 'base.json', 'head.json', '--out', 'comparison.json'],
      dir,
    );
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/BLOCKED/i);
    const comparison = JSON.parse(readFileSync(join(dir, 'comparison.json'), 'utf8'));
    expect(comparison.verdict).toBe('block');
    expect(comparison.modes.find((m: any) => m.mode === 'correct').verdict).toBe('regressed');

    const same = evalgate(['compare', 'base.json', 'base.json'], dir);
    expect(same.code).toBe(0);

    const md = evalgate(['report', 'comparison.json', '--format', 'markdown'], dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('<!-- evalgate:comment -->');
    const html = evalgate(
      [
        'report',
        'comparison.json',
        '--format',
        'html',
        '--base',
        'base.json',
        '--head',
        'head.json',
        '--out',
        'report.html',
      ],
      dir,
    );
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('report --format html finds the traces next to a comparison written elsewhere', () => {
    const dir = suite();
    expect(evalgate(['run', '--out', 'runs/base.json', '-q'], dir).code).toBe(0);
    writeFileSync(join(dir, 'behaviour.json'), JSON.stringify({ fail: ['case-03'] }));
    expect(evalgate(['run', '--out', 'runs/head.json', '-q'], dir).code).toBe(0);
    evalgate(['compare', 'runs/base.json', 'runs/head.json', '--out', 'out/comparison.json'], dir);
    const r = evalgate(
      ['report', 'out/comparison.json', '--format', 'html', '--out', 'out/report.html'],
      dir,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    // Each side's trace block has every case's trials: the viewer read both runs.
    for (const side of ['b', 'h']) {
      const block = new RegExp(`id="evalgate-${side}t0">([^<]*)<`).exec(html)?.[1] ?? '[]';
      // The block's pool of checks first, then one entry per case.
      const entries = (JSON.parse(block) as { t: { trial: number }[] }[]).slice(1);
      expect(entries).toHaveLength(ids.length);
      for (const e of entries) expect(e.t[0].trial).toBe(0);
    }
  });

  it('compare exits 2 on a file that is not results', () => {
    const dir = suite({ 'junk.json': '{"hello": 1}' });
    const r = evalgate(['compare', 'junk.json', 'missing.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/junk\.json: not an evalgate results file/);
    noStack(r.stderr);
  });

  it('shards split the suite without overlap and merge back to the whole', () => {
    const dir = suite();
    expect(evalgate(['run', '--shard', '1/2', '--out', 's1.json', '-q'], dir).code).toBe(0);
    expect(evalgate(['run', '--shard', '2/2', '--out', 's2.json', '-q'], dir).code).toBe(0);
    const s1 = JSON.parse(readFileSync(join(dir, 's1.json'), 'utf8'));
    const s2 = JSON.parse(readFileSync(join(dir, 's2.json'), 'utf8'));
    expect(s1.cases.length).toBeGreaterThan(0);
    expect(s2.cases.length).toBeGreaterThan(0);
    expect(s1.cases.length + s2.cases.length).toBe(ids.length);
    const r = evalgate(['merge', 's1.json', 's2.json', '--out', 'all.json'], dir);
    expect(r.code).toBe(0);
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8'));
    expect(all.cases.map((c: any) => c.id).sort()).toEqual(ids);
    expect(evalgate(['merge', 's1.json', 's1.json', '--out', 'x.json'], dir).code).toBe(2);
  });

  it('sample and tags select stable subsets', () => {
    const dir = suite();
    evalgate(['run', '--sample', '5', '--out', 'a.json', '-q'], dir);
    evalgate(['run', '--sample', '5', '--out', 'b.json', '-q'], dir);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).cases.map((c: any) => c.id);
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).cases.map((c: any) => c.id);
    expect(a).toHaveLength(5);
    expect(a).toEqual(b);
    evalgate(['run', '--filter', 'case-1*', '--out', 'f.json', '-q'], dir);
    expect(JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8')).cases).toHaveLength(10);
  });

  it('pr compares two git refs in worktrees and removes them afterwards', () => {
    const dir = suite();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'root');
    git('add', '-A');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
    git('tag', 'base');
    writeFileSync(join(dir, 'behaviour.json'), JSON.stringify({ fail: ids.slice(0, 14) }));
    git('add', '-A');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'head');
    // Head given as a ref other than the checkout: both sides run in worktrees.
    git('checkout', '-q', 'base');
    const r = evalgate(['pr', '--base', 'base', '--head', 'main', '-q'], dir);
    expect(r.stdout).toMatch(/BLOCKED/i);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, '.evalgate', 'pr', 'comparison.json'))).toBe(true);
    expect(existsSync(join(dir, '.evalgate', 'pr', 'report.html'))).toBe(true);
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });
});

describe('evalgate pr: what it runs and what it leaves behind', () => {
  function repo(extraConfig = '') {
    const dir = suite({
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 1
timeout: 5s
${extraConfig}`,
    });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-q', '-m', 'base');
    return { dir, git };
  }
  const headCases = (dir: string) =>
    JSON.parse(readFileSync(join(dir, '.evalgate', 'pr', 'head-results.json'), 'utf8')).cases
      .length;

  it('runs pull_request.sample like the action; --full runs everything; --sample chooses instead', () => {
    const { dir } = repo('pull_request: {sample: 5}\n');
    const sampled = evalgate(['pr', '--base', 'main', '-q'], dir);
    expect(sampled.code).toBe(0);
    expect(sampled.stderr).toMatch(
      /pull_request\.sample 5: 5 of 24 cases \(--full runs them all\)/,
    );
    expect(headCases(dir)).toBe(5);
    expect(evalgate(['pr', '--base', 'main', '-q', '--full'], dir).code).toBe(0);
    expect(headCases(dir)).toBe(24);
    expect(evalgate(['pr', '--base', 'main', '-q', '--sample', '3'], dir).code).toBe(0);
    expect(headCases(dir)).toBe(3);
  });

  it('leaves no untracked files in a repository without a .gitignore', () => {
    const { dir, git } = repo();
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    const r = evalgate(['pr', '--base', 'main', '-q'], dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, '.evalgate', 'pr', 'comparison.json'))).toBe(true);
    expect(readFileSync(join(dir, '.evalgate', '.gitignore'), 'utf8')).toBe('*\n');
    expect(git('status', '--porcelain')).toBe('');
  });
});

describe('evalgate publish (outside Actions)', () => {
  it('posts one sticky comment through @octokit/rest, updates it on a second call, exits per verdict', async () => {
    const { startGitHubServer, TOKENS } = await import('./helpers/github-server.ts');
    const gh = await startGitHubServer({ pulls: [{ number: 7 }] });
    try {
      // A real comparison: run the suite twice with a regression in between, compare.
      const dir = suite();
      expect(evalgate(['run', '--out', 'base.json', '-q'], dir).code).toBe(0);
      writeFileSync(join(dir, 'behaviour.json'), JSON.stringify({ fail: ids.slice(0, 12) }));
      expect(evalgate(['run', '--out', 'head.json', '-q'], dir).code).toBe(0);
      evalgate(['compare', 'base.json', 'head.json', '--out', 'comparison.json'], dir);
      const publish = () =>
        new Promise<{ code: number | null; out: string }>((done) => {
          const child = spawn(
            process.execPath,
            [
              bin,
              'publish',
              '--repo',
              'octo-org/octo-repo',
              '--pr',
              '7',
              '--api-url',
              gh.url,
              'comparison.json',
            ],
            { cwd: dir, env: { ...process.env, GITHUB_TOKEN: TOKENS.user } },
          );
          let out = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (out += d));
          child.on('close', (code) => done({ code, out }));
        });
      const first = await publish();
      expect(first.out).toMatch(/comment created: http/);
      expect(first.code).toBe(1); // the comparison blocks
      const second = await publish();
      expect(second.out).toMatch(/comment updated: http/);
      const comments = gh.state.comments.filter(
        (c: { issue_number?: number }) => c.issue_number === 7,
      );
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toMatch(/Blocked/);
      expect(first.out + second.out).not.toContain(TOKENS.user);
      expect(gh.state.violations).toEqual([]);
    } finally {
      await gh.close();
    }
  });
});
