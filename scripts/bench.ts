/**
 * `npm run bench`: what evalgate itself costs per case, next to a model call.
 *
 * 5,000 cases x 1 trial, four checks each, through the `http` and the `worker` targets, against a
 * loopback system (another process) that answers in a fixed 20 ms, concurrency 50. Prints the
 * wall time, the ideal time (cases / concurrency x latency), our overhead per case, our CPU per
 * case and peak memory. Then the comparison benchmark (100,000 cases).
 *
 * It runs the bundled CLI (dist/cli/index.js, what users run) as a child process with `--stats`,
 * so the figures are of evalgate alone: not of this script, and not of Node's on-the-fly
 * TypeScript stripping that running src/ directly would add.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CASES = Number(process.env.BENCH_CASES ?? 5000);
const CONCURRENCY = 50;
// V8 grows its young generation to 16-32 MB semi-spaces under our allocation rate; capping it
// (NODE_OPTIONS, which users can set on the action's step too) trades nothing measurable for
// a third less memory. Each target is measured both ways.
const SMALL_YOUNG_GEN = '--max-semi-space-size=4';
const DELAY_MS = 20;
const system = join(import.meta.dirname, 'bench', 'system.mjs');

function makeSuite(dir: string, target: string): string {
  const lines: string[] = [];
  for (let i = 0; i < CASES; i++) {
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
  writeFileSync(
    join(dir, 'evalgate.yml'),
    `version: 1
target: ${target}
datasets: [cases.jsonl]
failure_modes:
  ungrounded_answer: {severity: major}
  wrong_tool: {severity: major}
  hallucinated_action: {severity: critical}
trials: 1
concurrency: ${CONCURRENCY}
timeout: 10s
`,
  );
  return join(dir, 'evalgate.yml');
}

const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js');

function measure(name: string, target: string, dir: string, nodeOptions = '') {
  const config = makeSuite(dir, target);
  const r = spawnSync(
    process.execPath,
    [cli, 'run', '--config', config, '--out', join(dir, 'results.json'), '--quiet', '--stats'],
    {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: nodeOptions },
    },
  );
  const line = r.stderr.split('\n').find((l) => l.startsWith('evalgate-stats '));
  if (r.status !== 0 || !line)
    throw new Error(`evalgate run failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const stats = JSON.parse(line.slice('evalgate-stats '.length));
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  const ideal = (CASES / CONCURRENCY) * DELAY_MS;
  const { pass, fail, error } = results.meta.counts;
  return {
    target: name,
    cases: CASES,
    'wall s': (stats.wall_ms / 1000).toFixed(2),
    'ideal s': (ideal / 1000).toFixed(2),
    'overhead ms/case': ((stats.wall_ms - ideal) / CASES).toFixed(3),
    'CPU ms/case': (stats.cpu_ms / CASES).toFixed(3),
    'of which kernel': (stats.cpu_system_ms / CASES).toFixed(3),
    'peak RSS MB': stats.max_rss_mb,
    'pass/fail/error': `${pass}/${fail}/${error}`,
  };
}

const rows = [];
{
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-bench-http-'));
  const portFile = join(dir, 'port');
  const server = spawn(process.execPath, [system, 'http', portFile], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_DELAY_MS: String(DELAY_MS) },
  });
  for (let i = 0; i < 100 && !existsSync(portFile); i++)
    await new Promise((r) => setTimeout(r, 50));
  const port = readFileSync(portFile, 'utf8');
  try {
    const target = `{http: {url: "http://127.0.0.1:${port}/eval"}}`;
    rows.push(measure('http', target, dir));
    rows.push(measure('http, semi-space 4 MB', target, dir, SMALL_YOUNG_GEN));
  } finally {
    server.kill();
  }
}
{
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-bench-worker-'));
  const target = `{worker: "node ${system} worker", workers: 4}`;
  rows.push(measure('worker', target, dir));
  rows.push(measure('worker, semi-space 4 MB', target, dir, SMALL_YOUNG_GEN));
}
console.log(
  `\nRun overhead: ${CASES} cases x 1 trial, 4 checks each, system latency ${DELAY_MS} ms, concurrency ${CONCURRENCY}`,
);
console.table(rows);
console.log(
  'Overhead per case = (wall - ideal) / cases; CPU per case = our process CPU / cases (bar: < 0.5 ms).',
);
console.log(
  'Wall and CPU include process start-up and loading the suite; peak RSS is of the evalgate process.\n',
);

if (!process.env.BENCH_SKIP_COMPARE && existsSync(join(import.meta.dirname, 'bench-compare.ts'))) {
  execFileSync(process.execPath, [join(import.meta.dirname, 'bench-compare.ts')], {
    stdio: 'inherit',
  });
}

// `evalgate import` on a generated OTLP export: 200 MB here; BENCH_IMPORT_MB=1024 for the 1 GB
// figure in docs/performance.md.
if (!process.env.BENCH_SKIP_IMPORT) {
  execFileSync(process.execPath, [join(import.meta.dirname, 'bench-import.ts')], {
    stdio: 'inherit',
  });
}

if (!process.env.BENCH_SKIP_CACHE && existsSync(join(import.meta.dirname, 'bench-cache.ts'))) {
  execFileSync(process.execPath, [join(import.meta.dirname, 'bench-cache.ts')], {
    stdio: 'inherit',
  });
}

if (!process.env.BENCH_SKIP_VIEWER && existsSync(join(import.meta.dirname, 'bench-viewer.ts'))) {
  execFileSync(process.execPath, [join(import.meta.dirname, 'bench-viewer.ts')], {
    stdio: 'inherit',
  });
}

if (!process.env.BENCH_SKIP_MEMORY && existsSync(join(import.meta.dirname, 'bench-memory.ts'))) {
  // run / compare / report peak RSS at 10k and 100k cases (BENCH_MEMORY_CASES=10000 for less).
  execFileSync(process.execPath, [join(import.meta.dirname, 'bench-memory.ts')], {
    stdio: 'inherit',
  });
}
