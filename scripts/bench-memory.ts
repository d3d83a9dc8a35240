/**
 * Memory as suites grow: peak RSS and wall time of `run`, `compare` and the markdown `report`
 * at 10,000 and 100,000 cases x 3 trials, through the bundled CLI (dist/cli/index.js).
 *
 *   node scripts/bench-memory.ts [--cases 10000,100000]
 *
 * The system is the loopback worker of scripts/bench/system.mjs answering at once (0 ms), four
 * checks per case as in scripts/bench.ts. The base runs it as is; the head runs a variant that
 * skips a tool call in every 50th case (new failures, so the comparison has excerpts to show).
 * Each command is a child process with scripts/bench/peak-rss.mjs preloaded, which prints the
 * process's own peak RSS and wall time at exit. Targets (issue 13): run < 300 MiB, compare
 * < 500 MiB at 100,000 cases.
 *
 * BENCH_MEMORY_STEPS=compare,report measures only those steps (a comma list of run, compare,
 * report); BENCH_MEMORY_KEEP=<dir> keeps each size's files in <dir>/<cases>/ and reuses the
 * results (and comparison) found there instead of running again, so a 100k compare can be
 * measured without its runs:
 *
 *   BENCH_MEMORY_KEEP=/tmp/bm node scripts/bench-memory.ts --cases 100000   # once
 *   BENCH_MEMORY_KEEP=/tmp/bm BENCH_MEMORY_STEPS=compare node scripts/bench-memory.ts --cases 100000
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const at = argv.indexOf('--cases');
const SIZES = (at >= 0 ? argv[at + 1] : (process.env.BENCH_MEMORY_CASES ?? '10000,100000'))
  .split(',')
  .map(Number);
const TRIALS = 3;
const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli', 'index.js');
const system = join(import.meta.dirname, 'bench', 'system.mjs');
const hook = join(import.meta.dirname, 'bench', 'peak-rss.mjs');
const STEPS = new Set(
  (process.env.BENCH_MEMORY_STEPS ?? 'run,compare,report').split(',').map((s) => s.trim()),
);
const KEEP = process.env.BENCH_MEMORY_KEEP;

function makeSuite(dir: string, cases: number, regressEvery: number): string {
  const lines: string[] = [];
  for (let i = 0; i < cases; i++) {
    lines.push(
      JSON.stringify({
        id: `case-${i}`,
        input: { messages: [{ role: 'user', content: `Where is order A${i}?` }] },
        context: { order_id: `A${i}` },
        tags: i % 10 === 0 ? ['smoke'] : [],
        checks: [
          { type: 'contains', value: 'ships', mode: 'ungrounded_answer' },
          {
            type: 'regex',
            pattern: 'refunds? take \\d+ days',
            flags: 'i',
            mode: 'ungrounded_answer',
          },
          {
            type: 'tool_called',
            name: 'lookup_order',
            args: { order_id: `A${i}` },
            mode: 'wrong_tool',
          },
          {
            type: 'claim_requires_tool',
            claim: 'refund (has been|was) (processed|issued)',
            tool: 'issue_refund',
            mode: 'hallucinated_action',
          },
        ],
      }),
    );
  }
  writeFileSync(join(dir, 'cases.jsonl'), lines.join('\n') + '\n');
  const env = regressEvery ? `, env: {BENCH_REGRESS_EVERY: "${regressEvery}"}` : '';
  writeFileSync(
    join(dir, 'evalgate.yml'),
    `version: 1
target: {worker: "node ${system} worker", workers: 2${env}}
datasets: [cases.jsonl]
failure_modes:
  ungrounded_answer: {severity: major}
  wrong_tool: {severity: major}
  hallucinated_action: {severity: critical}
trials: ${TRIALS}
concurrency: 50
timeout: 30s
`,
  );
  return join(dir, 'evalgate.yml');
}

/** Runs the CLI with the peak-RSS hook; its figures, or an error with the tail of stderr. */
function measure(
  args: string[],
  okCodes = [0],
  cwd?: string,
): { max_rss_mb: number; wall_ms: number } {
  const r = spawnSync(process.execPath, ['--import', hook, cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BENCH_DELAY_MS: '0', NODE_OPTIONS: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('evalgate-peak '));
  if (!okCodes.includes(r.status ?? -1) || !line)
    throw new Error(`evalgate ${args[0]} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('evalgate-peak '.length));
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const rows = [];
for (const n of SIZES) {
  const dir = KEEP
    ? join(KEEP, String(n))
    : mkdtempSync(join(tmpdir(), `evalgate-bench-memory-${n}-`));
  if (KEEP) mkdirSync(dir, { recursive: true });
  // A step left out still runs (unmeasured in the table) when a later one needs its file.
  const needs = (step: string, file: string) => STEPS.has(step) || !KEEP || !existsSync(file);
  try {
    const sides = { base: 0, head: 50 };
    for (const [label, every] of Object.entries(sides)) {
      const out = join(dir, `${label}.json`);
      if (!needs('run', out)) continue;
      const sideDir = join(dir, label);
      spawnSync('mkdir', ['-p', sideDir]);
      const config = makeSuite(sideDir, n, every);
      const m = measure(['run', '--config', config, '--out', out, '--label', label, '--quiet']);
      if (STEPS.has('run'))
        rows.push({
          step: `run (${label})`,
          cases: n,
          'peak RSS MiB': m.max_rss_mb,
          'wall s': (m.wall_ms / 1000).toFixed(1),
          output: mib(statSync(out).size),
        });
    }
    const comparison = join(dir, 'comparison.json');
    if (STEPS.has('compare') || (STEPS.has('report') && needs('compare', comparison))) {
      const c = measure(
        ['compare', join(dir, 'base.json'), join(dir, 'head.json'), '--out', comparison],
        [0, 1],
      );
      if (STEPS.has('compare'))
        rows.push({
          step: 'compare',
          cases: n,
          'peak RSS MiB': c.max_rss_mb,
          'wall s': (c.wall_ms / 1000).toFixed(1),
          output: mib(statSync(comparison).size),
        });
    }
    if (STEPS.has('report')) {
      const md = join(dir, 'comment.md');
      const r = measure(['report', comparison, '--format', 'markdown', '--out', md]);
      rows.push({
        step: 'report (markdown)',
        cases: n,
        'peak RSS MiB': r.max_rss_mb,
        'wall s': (r.wall_ms / 1000).toFixed(1),
        output: mib(statSync(md).size),
      });
    }
  } finally {
    if (KEEP) console.log(`kept ${dir}`);
    else if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

/**
 * `evalgate pr` (BENCH_MEMORY_STEPS includes `pr`): a git repository whose base commit has the
 * suite above and whose head regresses it, both sides run in one process (--full, every case),
 * cold trace cache; `pr-warm` runs it again with every trace cached.
 */
const PR_STEPS = (process.env.BENCH_MEMORY_STEPS ?? '').split(',');
if (PR_STEPS.includes('pr') || PR_STEPS.includes('pr-warm')) {
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  };
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), `evalgate-bench-pr-${n}-`));
    try {
      git(dir, 'init', '-q', '-b', 'main');
      git(dir, 'config', 'user.email', 'bench@example.com');
      git(dir, 'config', 'user.name', 'bench');
      makeSuite(dir, n, 0);
      git(dir, 'add', '.');
      git(dir, 'commit', '-qm', 'base');
      git(dir, 'branch', 'base');
      makeSuite(dir, n, 50);
      git(dir, 'commit', '-qam', 'head');
      const out = join(dir, 'out');
      const args = ['pr', '--base', 'base', '--full', '--out-dir', out, '--quiet'];
      const runs = PR_STEPS.includes('pr-warm') ? ['pr', 'pr (warm cache)'] : ['pr'];
      for (const step of runs) {
        const m = measure(args, [0, 1], dir);
        rows.push({
          step,
          cases: n,
          'peak RSS MiB': m.max_rss_mb,
          'wall s': (m.wall_ms / 1000).toFixed(1),
          output: mib(statSync(join(out, 'report.html')).size),
        });
      }
    } finally {
      if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
      else console.log(`kept ${dir}`);
    }
  }
}
console.log(
  `\nMemory: cases x ${TRIALS} trials, 4 checks each, worker target answering in 0 ms (peak RSS of the evalgate process)`,
);
console.table(rows);
console.log('Targets at 100,000 cases: run < 300 MiB, compare < 500 MiB.\n');
