/**
 * `npm run demo:loop`: from production traces to golden cases that block the next regression,
 * on the bundled refund assistant. No API key, no network.
 *
 *  1. import eight days of its production traces (OTel GenAI spans, OTLP JSON lines);
 *  2. sample them for review (seeded: the same sample every run);
 *  3. apply the labels a reviewer downloaded from the review page (two traces: a refund claimed
 *     without the refund tool, support hours that are not in the retrieved document);
 *  4. promote them to golden cases in a copy of the demo's suite, and validate it;
 *  5. run the demo's pull request (base = the good assistant, head = the prompt edit that
 *     regresses it) on that suite: the two promoted cases pass on the base and fail on the head;
 *  6. run the online checks over the production traces (`evalgate monitor`): the last day
 *     worsened.
 *
 * Each step is the evalgate command a user types (run from src, as `npm run demo` runs src).
 * Everything is written to .evalgate/demo-loop/ (EVALGATE_DEMO_LOOP_DIR: elsewhere).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CaseComparison, Comparison } from '../src/types.ts';

const root = join(import.meta.dirname, '..');
const outDir = process.env.EVALGATE_DEMO_LOOP_DIR ?? join(root, '.evalgate', 'demo-loop');
const production = join(root, 'examples', 'refund-assistant', 'production');
/** The sample's seed: the reviewer's sample, reproducible. */
const SEED = '11';
/** The day after the export's last day: the monitor's latest window is that last day. */
const NOW = '2025-06-16T00:00:00Z';
const rel = (p: string) => relative(process.cwd(), p) || '.';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `evalgate <args>` in the output folder; its messages are shown indented. */
function evalgate(args: string[], quiet = false): Ran {
  const r = spawnSync(process.execPath, [join(root, 'src', 'bin.ts'), ...args], {
    cwd: outDir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ran = { code: r.status ?? 3, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  if (!quiet)
    for (const line of `${ran.stdout}${ran.stderr}`.split('\n'))
      if (line.trim()) console.log(`    ${line}`);
  return ran;
}

function step(n: number, title: string, command?: string): void {
  console.log(`\n${n}. ${title}${command ? `\n   $ evalgate ${command}` : ''}`);
}

function must(r: Ran, what: string): void {
  if (r.code !== 0) {
    console.error(`evalgate demo:loop: ${what} failed (exit ${r.code})`);
    process.exit(1);
  }
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
console.log('evalgate demo:loop: from production traces to golden cases, offline\n');

const exportFile = join(production, 'otel-export.jsonl');
step(
  1,
  'Import the production export (OTel GenAI spans)',
  `import ${rel(exportFile)} --out traces.jsonl`,
);
must(evalgate(['import', exportFile, '--out', 'traces.jsonl']), 'import');

step(
  2,
  'Sample traces for review: each failure stratum, and passing traces to find what no check catches',
  `sample traces.jsonl --seed ${SEED} --per-mode 5 --passing 40 --out sample.jsonl`,
);
must(
  evalgate([
    'sample',
    'traces.jsonl',
    '--seed',
    SEED,
    '--per-mode',
    '5',
    '--passing',
    '40',
    '--out',
    'sample.jsonl',
  ]),
  'sample',
);

const reviewConfig = join(root, 'evalgate.yml');
console.log(`\n   $ evalgate review sample.jsonl --config ${rel(reviewConfig)} --out review.html`);
must(
  evalgate(['review', 'sample.jsonl', '--config', reviewConfig, '--out', 'review.html']),
  'review',
);

step(
  3,
  "A reviewer labels the sample in review.html (the page's download is labels.jsonl; a bundled one here)",
);
cpSync(join(production, 'labels.jsonl'), join(outDir, 'labels.jsonl'));
const labels = readFileSync(join(outDir, 'labels.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { trace_id: string; mode: string; note?: string });
for (const l of labels) console.log(`    ${l.trace_id}  ${l.mode}: ${l.note ?? ''}`);

// A copy of the demo's suite; the online checks go into its config when this evalgate has
// `monitor` (the section is part of the config schema from then on).
const suite = join(outDir, 'suite');
mkdirSync(suite);
cpSync(join(root, 'evalgate.yml'), join(suite, 'evalgate.yml'));
cpSync(join(root, 'datasets'), join(suite, 'datasets'), { recursive: true });
const monitorHelp = evalgate(['monitor', '--help'], true);
const hasMonitor = monitorHelp.code === 0;
if (hasMonitor)
  appendFileSync(
    join(suite, 'evalgate.yml'),
    `\n${readFileSync(join(production, 'online.yml'), 'utf8')}`,
  );

const promoted = 'suite/datasets/promoted.jsonl';
step(
  4,
  "Promote the labelled traces to golden cases in a copy of the demo's suite, and validate it",
  `promote sample.jsonl --labels labels.jsonl --dataset ${promoted} --config suite/evalgate.yml`,
);
must(
  evalgate([
    'promote',
    'sample.jsonl',
    '--labels',
    'labels.jsonl',
    '--dataset',
    promoted,
    '--config',
    'suite/evalgate.yml',
  ]),
  'promote',
);
const cases = readFileSync(join(outDir, promoted), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; input: unknown; checks: { type: string }[] });
for (const c of cases)
  console.log(
    `    ${c.id}: ${JSON.stringify(c.input)} -> ${c.checks.map((k) => k.type).join(', ')}`,
  );
console.log('   $ evalgate validate --config suite/evalgate.yml');
must(evalgate(['validate', '--config', 'suite/evalgate.yml']), 'validate');

step(5, "The demo's pull request, with the promoted cases in the suite (npm run demo on suite/)");
const prDir = join(outDir, 'pr');
const pr = spawnSync(process.execPath, [join(root, 'scripts', 'demo.ts')], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, EVALGATE_DEMO_DIR: prDir, EVALGATE_DEMO_SUITE: suite },
});
if (pr.status !== 0) {
  process.stderr.write(pr.stdout + pr.stderr);
  console.error(`evalgate demo:loop: the pull request demo failed (exit ${pr.status})`);
  process.exit(1);
}
const comparison = JSON.parse(readFileSync(join(prDir, 'comparison.json'), 'utf8')) as Comparison;
console.log(`    verdict: ${comparison.verdict}`);
const count = (c: CaseComparison, side: 'base' | 'head') => {
  const m = c.modes.find((x) => x[side]);
  return m?.[side] ? `${m[side].passes}/${m[side].trials} passed` : 'not run';
};
let caught = 0;
for (const { id } of cases) {
  const c = comparison.cases.find((x) => x.id === id);
  if (!c) {
    console.log(`    ${id}: not in the comparison`);
    continue;
  }
  if (c.label === 'new_failure') caught++;
  console.log(
    `    ${id}: ${c.label.replace(/_/g, ' ')} (base ${count(c, 'base')}, head ${count(c, 'head')})`,
  );
}
console.log(
  caught === cases.length
    ? `    The ${cases.length} promoted cases pass on the base and are new failures on the head: the production failures now block the PR that brings them back.`
    : `    ${caught} of ${cases.length} promoted cases are new failures on the head.`,
);

step(
  6,
  'Online checks over the production traces, per day',
  `monitor traces.jsonl --config suite/evalgate.yml --out monitor --now ${NOW}`,
);
let monitorCode: number | undefined;
if (!hasMonitor) {
  console.log('    monitor not available in this evalgate: skipped');
} else {
  const r = evalgate([
    'monitor',
    'traces.jsonl',
    '--config',
    'suite/evalgate.yml',
    '--out',
    'monitor',
    '--now',
    NOW,
  ]);
  monitorCode = r.code;
  if (r.code === 1) console.log('    A mode worsened on the last day: in CI this opens an issue.');
  else if (r.code !== 0) {
    console.error(`evalgate demo:loop: monitor failed (exit ${r.code})`);
    process.exit(1);
  }
}

console.log(`\nFiles (${rel(outDir)}):`);
console.log(`  imported traces:     ${rel(join(outDir, 'traces.jsonl'))}`);
console.log(`  sample for review:   ${rel(join(outDir, 'sample.jsonl'))}`);
console.log(`  review page:         ${rel(join(outDir, 'review.html'))}`);
console.log(`  labels:              ${rel(join(outDir, 'labels.jsonl'))}`);
console.log(`  promoted cases:      ${rel(join(outDir, promoted))}`);
console.log(
  `  PR comment, viewer:  ${rel(join(prDir, 'comment.md'))}, ${rel(join(prDir, 'report.html'))}`,
);
if (monitorCode !== undefined)
  console.log(`  monitor dashboard:   ${rel(join(outDir, 'monitor', 'dashboard.html'))}`);
