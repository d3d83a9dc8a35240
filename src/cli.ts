/**
 * The evalgate command line: every stage of the pipeline on its own, and `pr` for the whole of
 * it on a laptop. Exit codes: 0 pass, 1 the gate blocked (or the verdict is error), 2 bad input
 * (config, dataset, results file, journal, flags), 3 evalgate could not run (an http server that
 * never became ready, a module that does not load, every trial of a run errored, an internal
 * failure), 130 interrupted.
 *
 * Each command imports what only it needs (the comparison, the reports, the GitHub client)
 * when it runs: `evalgate run` on a big suite should not carry Octokit in memory.
 */
import { cacheLine } from './report/cache-line.ts';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { checkTypes } from './checks/registry.ts';
import { closeHeldCases, displayPath, isSuiteError, loadConfig, loadSuite } from './suite/index.ts';
import type { Comparison, GateConfig, Results, Severity } from './types.ts';
import { SEVERITIES } from './types.ts';
import { VERSION } from './version.ts';
import { runSuite } from './pipeline/run-suite.ts';
import type { PrResults } from './pipeline/pr-files.ts';
import { terminalJson, terminalText } from './report/plain.ts';
import { ConsoleProgress, silentProgress } from './run/progress.ts';
import { InputError, mergeResults, readResults, writeJson } from './run/results-io.ts';
import { allErrored } from './run/all-errored.ts';
import { makeDir } from './run/evalgate-dir.ts';
import { journalPath } from './run/journal.ts';
import { favourMemory } from './run/gc.ts';
import { parseShard, type Selection } from './run/select.ts';
import { redactedJson, redactSecrets } from './report/redact.ts';
import { registerEnvSecrets, registerSuiteSecrets } from './secrets.ts';

class UsageError extends Error {}

const HELP = `evalgate ${VERSION}: catch regressions in LLM applications before they merge

Usage: evalgate <command> [options]

Commands:
  init       start a suite in this repository: config, example cases, target stub, workflows
  run        run a suite once:           evalgate run --config evalgate.yml --out results.json
  validate   check a suite without running it
  compare    compare two results files:  evalgate compare base.json head.json --out comparison.json
  report     render a comparison:        evalgate report comparison.json --format markdown|summary|html|text
  merge      merge shard results:        evalgate merge shard-*.json --out results.json
  pr         the whole PR check locally: evalgate pr --base main [--head HEAD]
  calibrate  measure the judges on human labels: evalgate calibrate results.json --labels labels.jsonl
  publish    post the comment outside Actions: evalgate publish --repo owner/name --pr 12 comparison.json
  import     production traces to evalgate traces: evalgate import export.jsonl --out traces.jsonl
  sample     traces to review, by failure mode: evalgate sample traces.jsonl --seed 7 --out sample.jsonl
  review     a page to label a sample's traces: evalgate review sample.jsonl --out review.html
  promote    labelled traces to golden cases: evalgate promote sample.jsonl --labels labels.jsonl --dataset evals/promoted.jsonl
  monitor    online checks over production traces: evalgate monitor traces.jsonl --out monitor [--issue]
  synth      synthetic variations of cases: evalgate synth evals/cases.jsonl --ids a,b --out evals/synth.jsonl

Selection (run, pr):  --sample N  --tags smoke,refunds  --filter 'refund-*'  --shard 2/4
Run settings:         --trials N  --concurrency N  --timeout 30s  --retries N  --max-cost 5.00
Gate (compare, pr):   --fail-on critical,major  --alpha 0.01  --min-drop 0.05  --robust  --accepted

Exit codes: 0 pass, 1 blocked or error verdict, 2 bad input, 3 could not run (an http server
that never became ready, a module that does not load, every trial of a run errored, a missing or
rejected API key, the max_cost budget spent, an internal failure), 130 interrupted (\`run --resume\` finishes an interrupted run).
Docs: https://github.com/evalgate/evalgate#readme`;

const selectionOptions = {
  sample: { type: 'string' },
  tags: { type: 'string' },
  filter: { type: 'string', multiple: true },
  shard: { type: 'string' },
} as const;
const runOptions = {
  trials: { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  'max-cost': { type: 'string' },
  'no-cache': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;
const gateOptions = {
  'fail-on': { type: 'string' },
  alpha: { type: 'string' },
  'min-drop': { type: 'string' },
  tolerance: { type: 'string' },
  'max-error-share': { type: 'string' },
  robust: { type: 'boolean' },
  'no-adaptive': { type: 'boolean' },
  accepted: { type: 'boolean' },
} as const;

function parse<T extends ParseArgsConfig['options']>(
  args: string[],
  options: T,
  positionals = false,
) {
  try {
    return parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals: positionals,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function int(name: string, value: string | undefined, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number >= ${min}, got ${value}`);
  return n;
}

function rate(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new UsageError(`--${name} must be a number from 0 to 1, got ${value}`);
  return n;
}

/** `30s`, `500ms`, `2m` or a number of milliseconds. */
export function parseDurationFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(value);
  if (!m) throw new UsageError(`--timeout must look like 30s, 500ms or 2m, got ${value}`);
  const n = Number(m[1]);
  return Math.round(m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n);
}

function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

function selectionFrom(v: Record<string, unknown>): Selection {
  return {
    sample: int('sample', v.sample as string | undefined),
    tags: list(v.tags as string | undefined),
    filter: v.filter as string[] | undefined,
    shard: v.shard === undefined ? undefined : wrapUsage(() => parseShard(v.shard as string)),
  };
}

function wrapUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function runOverrides(v: Record<string, unknown>) {
  return {
    trials: int('trials', v.trials as string | undefined),
    concurrency: int('concurrency', v.concurrency as string | undefined),
    timeoutMs: parseDurationFlag(v.timeout as string | undefined),
    retries: int('retries', v.retries as string | undefined, 0),
    maxCost: usd('max-cost', v['max-cost'] as string | undefined),
    noCache: v['no-cache'] === true || undefined,
  };
}

function usd(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/^\$/, ''));
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${name} must be a positive number of US dollars, got ${value}`);
  return n;
}

/** ", $0.0123 (judge $0.0040), 3 retries": what a run spent, when it spent anything. */
export function spendSummary(results: Results): string {
  const { usage, judge_usage: judge, retries } = results.meta;
  const parts: string[] = [];
  const money = (n: number) => `$${n.toFixed(n >= 1 ? 2 : 4)}`;
  if (usage.cost_usd > 0 || judge?.cost_usd)
    parts.push(
      `${money(usage.cost_usd)}${judge?.cost_usd ? ` (judge ${money(judge.cost_usd)})` : ''}`,
    );
  if (retries) parts.push(`${retries} model-call ${retries === 1 ? 'retry' : 'retries'}`);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

export function gateOverrides(v: Record<string, unknown>): Partial<GateConfig> {
  const gate: Partial<GateConfig> = {};
  const failOn = list(v['fail-on'] as string | undefined);
  if (failOn) {
    for (const s of failOn) {
      if (!SEVERITIES.includes(s as Severity)) {
        throw new UsageError(`--fail-on: unknown severity ${s} (known: ${SEVERITIES.join(', ')})`);
      }
    }
    gate.block = failOn as Severity[];
  }
  const alpha = rate('alpha', v.alpha as string | undefined);
  if (alpha !== undefined) gate.alpha = alpha;
  const minDrop = rate('min-drop', v['min-drop'] as string | undefined);
  if (minDrop !== undefined) gate.min_drop = minDrop;
  const tolerance = rate('tolerance', v.tolerance as string | undefined);
  if (tolerance !== undefined) gate.tolerance = tolerance;
  const maxErr = rate('max-error-share', v['max-error-share'] as string | undefined);
  if (maxErr !== undefined) gate.max_error_share = maxErr;
  if (v.robust) gate.robust = true;
  if (v['no-adaptive']) gate.adaptive = false;
  return gate;
}

/** Ctrl-C once: stop starting trials, keep what finished. Twice: leave now. */
function interruptible(): AbortController {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\n');
    log('stopping; finished trials are kept (Ctrl-C again to quit now)');
    controller.abort();
  });
  process.on('SIGTERM', () => controller.abort());
  return controller;
}

/**
 * Everything the CLI prints goes through these: text from configs, datasets, model outputs and a
 * target's stderr is shown with known secrets masked and its control characters escaped, never
 * obeyed by the terminal.
 */
const log = (line: string) =>
  process.stderr.write(`evalgate: ${terminalText(redactSecrets(line))}\n`);
const print = (text: string) => process.stdout.write(`${terminalText(redactSecrets(text))}\n`);

function verdictExit(c: Comparison): number {
  return c.verdict === 'pass' ? 0 : 1;
}

async function cmdRun(args: string[]): Promise<number> {
  const { values } = parse(args, {
    config: { type: 'string', short: 'c', default: 'evalgate.yml' },
    out: { type: 'string', short: 'o', default: 'results.json' },
    label: { type: 'string' },
    stats: { type: 'boolean' },
    resume: { type: 'boolean' },
    ...selectionOptions,
    ...runOptions,
  });
  if (values.help) return help('run');
  const startedAt = performance.now();
  favourMemory(); // a large run's garbage collected sooner (src/run/gc.ts)
  // Cases held by their dataset line, read back as their trials start (src/suite/held-case.ts).
  const suite = await loadSuite(resolve(values.config), { lazy: true });
  const controller = interruptible();
  const results = await runSuite({
    suite,
    selection: selectionFrom(values),
    ...runOverrides(values),
    label: values.label,
    signal: controller.signal,
    progress: values.quiet ? silentProgress : new ConsoleProgress(),
    log,
    journal: { path: journalPath(values.out), resume: values.resume },
  });
  await writeJson(values.out, results);
  closeHeldCases(); // their inputs are written: the datasets are read no more
  // The results are safely written: the journal has served. An interrupted (or stopped) run
  // keeps it, for --resume.
  if (!results.meta.interrupted && !results.meta.stopped)
    await rm(journalPath(values.out), { force: true });
  const { counts } = results.meta;
  print(
    `${counts.cases} cases, ${counts.trials} trials: ${counts.pass} pass, ${counts.fail} fail, ${counts.error} error` +
      spendSummary(results) +
      ` → ${values.out}`,
  );
  const saved = cacheLine([results.meta.cache]);
  if (saved) print(`trace cache: ${saved}`);
  if (values.stats) {
    // Our own resource use, for `npm run bench` and for anyone profiling a suite.
    const cpu = process.cpuUsage();
    const stats = {
      cases: results.meta.counts.cases,
      trials: results.meta.counts.trials,
      wall_ms: Math.round(performance.now() - startedAt),
      cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
      cpu_user_ms: Math.round(cpu.user / 1000),
      cpu_system_ms: Math.round(cpu.system / 1000),
      max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    process.stderr.write(`evalgate-stats ${JSON.stringify(stats)}\n`);
  }
  if (results.meta.interrupted) {
    log(
      'interrupted: the results hold the trials that finished; `evalgate run --resume` finishes the run',
    );
    return 130;
  }
  if (results.meta.stopped) {
    log(
      `stopped early: ${results.meta.stopped}. The results are incomplete; \`evalgate run --resume\` finishes the run`,
    );
    return EXIT_ALL_ERRORED;
  }
  const failed = allErrored(results);
  if (failed) {
    log(`every trial errored (nothing was measured); the first, case ${failed}`);
    return EXIT_ALL_ERRORED;
  }
  return 0;
}

async function cmdInit(args: string[]): Promise<number> {
  const { values } = parse(args, { target: { type: 'string' }, dir: { type: 'string' } });
  if (values.help) return help('init');
  const { initProject, describeInit, isTargetKind, TARGET_KINDS } = await import('./init/index.ts');
  if (values.target !== undefined && !isTargetKind(values.target))
    throw new UsageError(`--target must be ${TARGET_KINDS.join(', ')}; got ${values.target}`);
  print(describeInit(await initProject(resolve(values.dir ?? '.'), values.target)));
  return 0;
}

/**
 * Exit code of a run in which every trial errored: nothing was measured, most likely the target
 * cannot run at all (a missing key, a wrong command). The same code as a target that could not
 * start.
 */
export const EXIT_ALL_ERRORED = 3;

export { allErrored };

async function cmdValidate(args: string[]): Promise<number> {
  const { values } = parse(args, {
    config: { type: 'string', short: 'c', default: 'evalgate.yml' },
    'list-checks': { type: 'boolean' },
  });
  if (values.help) return help('validate');
  if (values['list-checks']) {
    print(checkTypes().join('\n'));
    return 0;
  }
  const suite = await loadSuite(resolve(values.config));
  const files = new Set(suite.cases.map((c) => c.source.file));
  print(
    `${displayPath(suite.configPath)}: ok, ${suite.cases.length} cases in ${files.size} file(s), suite ${suite.hash.slice(0, 12)}`,
  );
  const { capacityLines } = await import('./report/validate.ts');
  for (const line of capacityLines(suite)) print(line);
  return 0;
}

async function cmdCompare(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { out: { type: 'string', short: 'o' }, json: { type: 'boolean' }, ...gateOptions },
    true,
  );
  if (values.help) return help('compare');
  if (positionals.length !== 2)
    throw new UsageError('compare takes two results files: base.json head.json');
  const [basePath, headPath] = positionals;
  favourMemory(); // two large results files' garbage collected sooner (src/run/gc.ts)
  const { compareFiles } = await import('./compare/index.ts');
  const { renderTextReport } = await import('./report/index.ts');
  // `report --format html` finds the traces through these paths, relative to the comparison
  // file (absolute when the comparison is only printed).
  const near = (p: string) =>
    values.out ? relative(dirname(resolve(values.out)), resolve(p)) : resolve(p);
  // Read line by line, traces left on disk but for the few excerpts (src/compare/files.ts).
  const comparison = await compareFiles(basePath, headPath, {
    gate: gateOverrides(values),
    accepted: values.accepted,
    basePath: near(basePath),
    headPath: near(headPath),
  });
  if (values.out) await writeJson(values.out, comparison);
  if (values.json) process.stdout.write(`${terminalJson(redactedJson(comparison))}\n`);
  else print(renderTextReport(comparison));
  return verdictExit(comparison);
}

/**
 * The results behind a comparison, for the viewer's traces, read line by line as the viewer is
 * written (never whole); a warning, not a failure, if absent (see onUnreadable in cmdReport).
 */
async function tracesFor(side: string, path: string | undefined) {
  if (!path) {
    log(
      `the comparison does not say where the ${side} results are: no ${side} traces (use --${side})`,
    );
    return undefined;
  }
  const { fileSide } = await import('./report/viewer.ts');
  return fileSide(path);
}

async function cmdReport(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      format: { type: 'string', short: 'f', default: 'markdown' },
      out: { type: 'string', short: 'o' },
      base: { type: 'string' },
      head: { type: 'string' },
      'repo-url': { type: 'string' },
      'run-url': { type: 'string' },
    },
    true,
  );
  if (values.help) return help('report');
  if (positionals.length !== 1) throw new UsageError('report takes one comparison file');
  const path = positionals[0];
  favourMemory(); // src/run/gc.ts
  // Read line by line, the cases' repeated parts shared (src/compare/comparison-file.ts).
  const { readComparisonFile } = await import('./compare/comparison-file.ts');
  const comparison = await readComparisonFile(path);
  const { renderComment, renderSummary, renderTextReport } = await import('./report/index.ts');
  const { writeViewerStream } = await import('./report/viewer.ts');
  let text: string;
  const opts = {
    repoUrl: values['repo-url'],
    runUrl: values['run-url'],
    headSha: comparison.head.sha,
  };
  switch (values.format) {
    case 'markdown':
      text = renderComment(comparison, opts);
      break;
    case 'summary':
      text = renderSummary(comparison, opts);
      break;
    case 'text':
      text = renderTextReport(comparison);
      break;
    case 'html': {
      // The viewer shows every trace: it reads the results files the comparison came from.
      const near = (p: string | undefined) => (p ? resolve(dirname(path), p) : undefined);
      const basePath = values.base ?? near(comparison.base.results_path);
      const headPath = values.head ?? near(comparison.head.results_path);
      const sides = {
        base: await tracesFor('base', basePath),
        head: await tracesFor('head', headPath),
      };
      const onUnreadable = (side: string, err: Error) =>
        log(`no ${side} traces in the viewer: ${err.message} (use --${side})`);
      // Written block by block from the results read line by line: neither the viewer nor a
      // results file of a large suite is ever whole in memory. Without --out, to stdout: a
      // document whose data has C1 controls and bidi overrides as \u escapes (see viewer.ts),
      // so a terminal it lands on has nothing to obey either.
      if (values.out) await makeDir(dirname(resolve(values.out)));
      await writeViewerStream(values.out ?? process.stdout, comparison, sides, { onUnreadable });
      if (values.out) log(`wrote ${values.out}`);
      return 0;
    }
    default:
      throw new UsageError(
        `--format must be markdown, summary, html or text, got ${values.format}`,
      );
  }
  text = redactSecrets(text);
  if (values.out) {
    await makeDir(dirname(resolve(values.out)));
    await writeFile(values.out, text);
    log(`wrote ${values.out}`);
  } else print(text.replace(/\n$/, ''));
  return 0;
}

async function cmdMerge(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { out: { type: 'string', short: 'o', default: 'results.json' } },
    true,
  );
  if (values.help) return help('merge');
  if (positionals.length === 0) throw new UsageError('merge takes the shard results files');
  const parts = [];
  for (const path of positionals) parts.push({ path, results: await readResults(path) });
  const merged = mergeResults(parts);
  await writeJson(values.out, merged);
  print(`${merged.meta.counts.cases} cases from ${parts.length} file(s) → ${values.out}`);
  return 0;
}

/** Writes a PR run's files into `dir` and returns their paths. */
export async function writePrOutputs(
  dir: string,
  outcome: PrResults,
  render: { repoUrl?: string; runUrl?: string; artifactUrl?: string } = {},
) {
  const { renderComment } = await import('./report/index.ts');
  // Results files runPr wrote itself are copied (or left) as they are; the viewer reads traces
  // from them case by case (src/pipeline/pr-files.ts).
  const { placeResults, writePrViewer } = await import('./pipeline/pr-files.ts');
  await makeDir(dir);
  const paths = {
    base: join(dir, 'base-results.json'),
    head: join(dir, 'head-results.json'),
    comparison: join(dir, 'comparison.json'),
    comment: join(dir, 'comment.md'),
    viewer: join(dir, 'report.html'),
  };
  outcome.comparison.base.results_path = 'base-results.json';
  outcome.comparison.head.results_path = 'head-results.json';
  await placeResults(outcome, paths);
  await writeJson(paths.comparison, outcome.comparison);
  await writeFile(
    paths.comment,
    redactSecrets(
      renderComment(outcome.comparison, {
        ...render,
        headSha: outcome.comparison.head.sha,
        // Read next to it, the comment's case links open the viewer file at the case.
        viewerUrl: 'report.html',
      }),
    ),
  );
  await writePrViewer(paths.viewer, outcome, outcome.files && paths);
  return paths;
}

async function cmdPr(args: string[]): Promise<number> {
  const { values } = parse(args, {
    base: { type: 'string' },
    head: { type: 'string' },
    config: { type: 'string', short: 'c', default: 'evalgate.yml' },
    'out-dir': { type: 'string', short: 'o', default: '.evalgate/pr' },
    setup: { type: 'string' },
    baseline: { type: 'string' },
    full: { type: 'boolean' },
    'repo-url': { type: 'string' },
    'run-url': { type: 'string' },
    'artifact-url': { type: 'string' },
    ...selectionOptions,
    ...runOptions,
    ...gateOptions,
  });
  if (values.help) return help('pr');
  if (!values.base) throw new UsageError('pr needs --base <ref> (a branch, tag or sha)');
  favourMemory(); // two runs' garbage collected sooner (src/run/gc.ts)
  const controller = interruptible();
  // Read lazily: its cases are held by id and hash, the reused ones read in full one at a time.
  const { lazyResults } = await import('./pipeline/lazy-results.ts');
  const lazy = values.baseline ? await lazyResults(values.baseline, { verify: true }) : undefined;
  const baseline = lazy?.results;
  const { runPr } = await import('./pipeline/pr.ts');
  const { renderTextReport } = await import('./report/index.ts');
  const outcome = await runPr({
    repoDir: process.cwd(),
    baseRef: values.base,
    headRef: values.head,
    configPath: values.config,
    selection: selectionFrom(values),
    configSample: !values.full,
    outDir: values['out-dir'],
    ...runOverrides(values),
    setup: values.setup,
    baseline,
    gate: gateOverrides(values),
    accepted: values.accepted,
    signal: controller.signal,
    progress: values.quiet ? silentProgress : new ConsoleProgress(),
    log,
  });
  const paths = await writePrOutputs(values['out-dir'], outcome, {
    repoUrl: values['repo-url'],
    runUrl: values['run-url'],
    artifactUrl: values['artifact-url'],
  });
  lazy?.close();
  print(renderTextReport(outcome.comparison));
  print(
    `\nresults: ${paths.base}, ${paths.head}\ncomparison: ${paths.comparison}\ncomment: ${paths.comment}\nviewer: ${paths.viewer}`,
  );
  if (controller.signal.aborted) return 130;
  return verdictExit(outcome.comparison);
}

async function cmdCalibrate(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      config: { type: 'string', short: 'c', default: 'evalgate.yml' },
      labels: { type: 'string' },
      out: { type: 'string', short: 'o' },
      json: { type: 'string' },
      concurrency: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
    true,
  );
  if (values.help) return help('calibrate');
  if (positionals.length === 0)
    throw new UsageError('calibrate takes the results files that hold the labelled traces');
  const suite = await loadSuite(resolve(values.config));
  const judgeConfig = suite.config.judge;
  if (!judgeConfig)
    throw new UsageError(
      `${displayPath(suite.configPath)} has no judge: add judge: {model: ...} to calibrate its judges`,
    );
  registerSuiteSecrets(suite.config, process.env);
  const c = await import('./calibrate/index.ts');
  const { openJudge } = await import('./pipeline/run-suite.ts');
  const fromSuite = (p: string | undefined) => (p ? resolve(suite.rootDir, p) : undefined);
  const labelsPath = values.labels ? resolve(values.labels) : fromSuite(judgeConfig.labels);
  const labels = labelsPath ? await c.readLabels(labelsPath, displayPath(labelsPath)) : [];
  const results = [];
  for (const path of positionals) results.push(await readResults(path));
  const { items, skipped } = c.collectLabelled(suite, results, labels);
  const floors = c.floorsOf(judgeConfig);
  if (items.length === 0)
    log(
      'no labelled trace found: label traces in the trace viewer (a labels file) or with `human:` on a judged check',
    );
  else log(`grading ${items.length} labelled trace(s) with ${judgeConfig.model}`);
  const controller = interruptible();
  const calibration = await c.calibrate({
    suite,
    items,
    skipped,
    judge: await openJudge(suite),
    model: judgeConfig.model,
    floors,
    concurrency: int('concurrency', values.concurrency) ?? suite.config.concurrency,
    signal: controller.signal,
  });
  const jsonPath =
    (values.json ? resolve(values.json) : fromSuite(judgeConfig.calibration)) ??
    resolve('calibration.json');
  await writeJson(jsonPath, calibration);
  print(c.calibrationText(calibration, floors));
  if (values.out) {
    await makeDir(dirname(resolve(values.out)));
    await writeFile(values.out, redactSecrets(c.calibrationMarkdown(calibration, floors)));
    log(`wrote ${values.out}`);
  }
  log(`wrote ${displayPath(jsonPath)}`);
  const graded = calibration.judges.reduce((n, j) => n + j.n, 0);
  const errored = calibration.judges.reduce((n, j) => n + j.errors, 0);
  if (controller.signal.aborted) return 130;
  if (items.length > 0 && graded === 0) {
    const first = calibration.judges.find((j) => j.first_error)?.first_error;
    log(
      `the judge graded none of the ${errored} labelled trace(s): every grading errored${first ? `; the first, ${first}` : ''}`,
    );
    return EXIT_ALL_ERRORED;
  }
  return 0;
}

async function cmdPublish(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      repo: { type: 'string' },
      pr: { type: 'string' },
      'check-name': { type: 'string' },
      comment: { type: 'string', default: 'update' },
      'api-url': { type: 'string' },
      'run-url': { type: 'string' },
      sha: { type: 'string' },
    },
    true,
  );
  if (values.help) return help('publish');
  if (positionals.length !== 1) throw new UsageError('publish takes one comparison file');
  const repo = values.repo ?? process.env.GITHUB_REPOSITORY;
  if (!repo || !/^[^/\s]+\/[^/\s]+$/.test(repo))
    throw new UsageError('publish needs --repo owner/name');
  const pr = int('pr', values.pr);
  if (!pr) throw new UsageError('publish needs --pr <number>');
  const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
  if (!token) throw new UsageError('publish needs a token in GITHUB_TOKEN (or GH_TOKEN)');
  if (!['update', 'new', 'off'].includes(values.comment!))
    throw new UsageError('--comment must be update, new or off');
  const { readComparisonFile } = await import('./compare/comparison-file.ts');
  const comparison = await readComparisonFile(positionals[0]); // line by line, as report reads it
  const [owner, name] = repo.split('/');
  const { publishOutsideActions, PullMismatchError } = await import('./github/publish.ts');
  const result = await publishOutsideActions({
    token,
    apiUrl: values['api-url'] ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
    owner,
    repo: name,
    pr,
    comparison,
    checkName: values['check-name'],
    commentMode: values.comment as 'update' | 'new' | 'off',
    runUrl: values['run-url'],
    sha: values.sha,
  }).catch((err: unknown) => {
    if (err instanceof PullMismatchError) throw new UsageError(err.message);
    throw err;
  });
  print(
    result.commentUrl
      ? `comment ${result.commentAction}: ${result.commentUrl}`
      : `comment ${result.commentAction}`,
  );
  return verdictExit(comparison);
}

async function cmdImport(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string', short: 'o' } }, true);
  if (values.help) return help('import');
  return (await import('./import/command.ts')).importCommand(positionals, values.out, log);
}

async function cmdSample(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      out: { type: 'string', short: 'o' },
      seed: { type: 'string' },
      'per-mode': { type: 'string' },
      passing: { type: 'string' },
      by: { type: 'string' },
    },
    true,
  );
  if (values.help) return help('sample');
  if (positionals.length !== 1)
    throw new UsageError('sample takes one traces file (evalgate import) or results file');
  const seed = int('seed', values.seed, 0) ?? Math.floor(Math.random() * 2 ** 31);
  const perMode = int('per-mode', values['per-mode']) ?? 10;
  const passing = int('passing', values.passing, 0) ?? 10;
  const { sampleCommand } = await import('./sample/command.ts');
  return sampleCommand(positionals[0], values.out, { seed, perMode, passing, by: values.by }, log);
}

async function cmdReview(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    { out: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' } },
    true,
  );
  if (values.help) return help('review');
  if (positionals.length !== 1)
    throw new UsageError('review takes one sample file (evalgate sample) or traces file');
  // The config offers its failure modes; without one (none given, no evalgate.yml here) the
  // reviewer types every mode.
  const configPath = values.config ?? 'evalgate.yml';
  const config =
    values.config !== undefined || existsSync(resolve(configPath))
      ? await loadConfig(resolve(configPath))
      : undefined;
  if (!config) log('no evalgate.yml here (--config names one): every failure mode is typed as new');
  const { reviewCommand } = await import('./review/command.ts');
  return reviewCommand(
    {
      sample: positionals[0],
      out: values.out ?? 'review.html',
      modes: Object.entries(config?.failure_modes ?? {}).map(([name, m]) => ({ name, ...m })),
      traceUrl: config?.trace_url,
    },
    log,
  );
}

async function cmdPromote(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      labels: { type: 'string' },
      dataset: { type: 'string' },
      config: { type: 'string', short: 'c', default: 'evalgate.yml' },
      'input-key': { type: 'string' },
    },
    true,
  );
  if (values.help) return help('promote');
  if (positionals.length !== 1) throw new UsageError('promote takes one traces file');
  if (!values.labels) throw new UsageError('promote needs --labels labels.jsonl');
  if (!values.dataset) throw new UsageError('promote needs --dataset <file to append to>');
  const config = await loadConfig(resolve(values.config));
  // Ids must be unique across the suite: read its cases when it loads (a suite with problems
  // of its own still gets its cases promoted, unique within the dataset).
  const suiteIds = await loadSuite(resolve(values.config)).then(
    (s) => s.cases.map((c) => c.id),
    () => {
      log('the suite does not load as it is: new ids are unique within --dataset only');
      return [];
    },
  );
  const { promote } = await import('./promote/command.ts');
  return promote(
    {
      traces: positionals[0],
      labels: values.labels,
      dataset: values.dataset,
      modes: new Set(Object.keys(config.failure_modes)),
      suiteIds,
      inputKey: values['input-key'],
    },
    log,
  );
}

async function cmdMonitor(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      config: { type: 'string', short: 'c', default: 'evalgate.yml' },
      out: { type: 'string', short: 'o', default: 'monitor' },
      now: { type: 'string' },
      issue: { type: 'boolean' },
    },
    true,
  );
  if (values.help) return help('monitor');
  if (positionals.length === 0)
    throw new UsageError('monitor takes one or more traces files (evalgate import writes them)');
  let now: number | undefined;
  if (values.now !== undefined) {
    now = /^\d{4}-\d\d-\d\d(T|$)/.test(values.now) ? Date.parse(values.now) : NaN;
    if (!Number.isFinite(now))
      throw new UsageError(
        `--now must be an ISO 8601 time (2026-11-30T00:00:00Z), got ${values.now}`,
      );
  }
  const configPath = resolve(values.config);
  const config = await loadConfig(configPath);
  registerSuiteSecrets(config, process.env);
  const { monitorCommand } = await import('./monitor/command.ts');
  return monitorCommand(
    { files: positionals, config, configPath, out: values.out, now, issue: values.issue },
    log,
  );
}

async function cmdSynth(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ids: { type: 'string' },
      kinds: { type: 'string' },
      n: { type: 'string' },
      out: { type: 'string', short: 'o' },
      append: { type: 'boolean' },
      config: { type: 'string', short: 'c', default: 'evalgate.yml' },
    },
    true,
  );
  if (values.help) return help('synth');
  if (positionals.length !== 1) throw new UsageError('synth takes one dataset file');
  const ids = [...new Set(list(values.ids) ?? [])];
  if (!ids.length) throw new UsageError('synth needs --ids case-a,case-b (the cases to vary)');
  if (values.append && !values.out)
    throw new UsageError('--append needs --out <file to append to>');
  const { SYNTH_KINDS, isSynthKind } = await import('./synth/prompt.ts');
  const kinds = [...new Set(list(values.kinds) ?? SYNTH_KINDS)];
  for (const k of kinds)
    if (!isSynthKind(k))
      throw new UsageError(`--kinds: unknown kind ${k} (known: ${SYNTH_KINDS.join(', ')})`);
  const n = int('n', values.n) ?? 1;
  if (n > 20) throw new UsageError(`--n must be at most 20, got ${n}`);
  const config = await loadConfig(resolve(values.config));
  const suiteIds = await loadSuite(resolve(values.config)).then(
    (s) => s.cases.map((c) => c.id),
    () => {
      log('the suite does not load as it is: new ids are unique within the dataset and --out only');
      return [];
    },
  );
  const { synth } = await import('./synth/command.ts');
  return synth(
    {
      dataset: positionals[0],
      ids,
      kinds: kinds as import('./synth/prompt.ts').SynthKind[],
      n,
      out: values.out,
      append: values.append,
      config,
      suiteIds,
      stdout: (text) => process.stdout.write(text),
    },
    log,
  );
}

const COMMAND_HELP: Record<string, string> = {
  monitor: `evalgate monitor traces.jsonl [more files] [--config evalgate.yml] [--out monitor]
       [--now 2026-11-30T00:00:00Z] [--issue]
  Runs the config's online: checks over evalgate traces (evalgate import's output; each needs
  metadata.started_at), counts per failure mode and time window (online.window, default 1d) the
  traces that passed, failed or whose checks errored (errors are counted apart), and compares
  the latest window, ending at --now (default: the latest trace's time), with the previous
  online.windows (default 7) pooled: Fisher's exact test, one-sided, Holm over the modes at
  online.alpha (default 0.05). Writes --out/monitor.json, summary.md (also to the job summary
  in Actions) and dashboard.html (a plot per mode). --issue: when a mode worsened, opens one
  GitHub issue labelled evalgate-monitor or comments on the open one; when none did, comments
  "back to normal" once (GITHUB_REPOSITORY, GITHUB_TOKEN with issues: write, GITHUB_API_URL).
  Exit 0 no mode worsened, 1 a mode worsened, 2 bad input, 3 nothing measured (every check
  errored) or GitHub refused the issue.`,
  review: `evalgate review sample.jsonl [--config evalgate.yml] [--out review.html]
  Writes one self-contained HTML page (works offline) to review a sample's traces: messages,
  tool calls, retrieved documents and the checks that failed. Per trace a note and a failure
  mode (the config's, or a new one typed in) or "no failure"; a summary counts the labels per
  mode, most frequent first. The work is kept in the browser (per sample) across reloads. The
  Download button writes <sample>.labels.jsonl: the labels file evalgate promote --labels reads
  (its first line a summary; "no failure" lines have mode null and are skipped by promote).
  Keys: j/k next/previous, 1-9 pick a mode, 0 no failure, n note.`,
  synth: `evalgate synth dataset.jsonl --ids a,b [--kinds paraphrase,typo,language,adversarial,fact]
       [--n 1] [--out synth.jsonl [--append]] [--config evalgate.yml]
  Writes synthetic variations of the chosen cases, --n per case and kind, through the model of
  the config's synth: section (else its judge:): paraphrase, typo, language (another language),
  adversarial (a rewording that pushes towards the case's failure modes), fact (a changed fact
  in the context: checks that expected the old fact are rewritten or dropped, and the case is
  tagged needs-review). Each case is <parent>~syn-<kind>-<n>, tagged synthetic, with parent:
  and its provenance in description. Unusable model answers (not JSON, empty, identical to the
  parent) are counted and never written. Writes JSON lines to --out (a new file; an existing
  one only with --append), else stdout. Exit 0 done, 2 bad input, 3 a model call failed or no
  usable variation. Review the cases, add the file to datasets:, run evalgate validate.`,
  promote: `evalgate promote traces.jsonl --labels labels.jsonl --dataset evals/promoted.jsonl
       [--config evalgate.yml] [--input-key q]
  Appends a golden case per labelled trace to --dataset (never overwrites; ids made unique; a
  trace already promoted there is skipped). Labels: JSON lines {"trace_id", "mode", "note"?,
  "tool"?, "expected"?}; mode must be one of the config's failure_modes (mode null, a trace
  reviewed as no failure, and evalgate review's summary line are skipped). Each case takes the
  trace's input (--input-key wraps a string input as {key: input}) and retrieved documents
  (context.documents), the mode, and checks suggested by the mode's name: a hallucinated action
  -> claim_requires_tool on the claim in the output (needs "tool"), a stale answer -> grounded,
  a wrong tool -> tool_called "tool" / tool_not_called the tool it used; "expected" adds
  contains. Provenance (source, trace id, date, note) goes in description. Review the cases,
  add the file to datasets:, and run evalgate validate.`,
  sample: `evalgate sample traces.jsonl|results.json [--seed N] [--per-mode 10] [--passing 10]
       [--by metadata.path] [--out sample.jsonl]
  Picks traces for a person to review: up to --per-mode traces of each failure mode (from a
  results file: the mode of the first check that failed, or error; from imported traces: error,
  span_error, or the value of --by, a path in the trace's metadata) and --passing traces that
  failed nothing. The same --seed and input give the same sample (without --seed one is drawn
  and printed). Prints per stratum the traces taken and what a failure rate among them can be
  estimated to (the 95% Wilson interval's half-width). Writes JSON lines (stdout without --out),
  each trace's metadata.sample naming its stratum and the seed.`,
  import: `evalgate import export.jsonl [more files] [--out traces.jsonl]
  Reads traces exported from production and writes evalgate traces, one JSON object per line
  (to --out, else stdout), each with the source's trace id. Reads, one per line: OTLP
  ExportTraceServiceRequests (the OpenTelemetry file exporter) with OTel GenAI or OpenInference
  spans, Langfuse traces with their observations, and evalgate traces. Streams: memory holds
  the traces in flight, not the file. Exit 0 done, 2 bad input (file, line and span id).`,
  init: `evalgate init [--target python|node|http] [--dir .]
  Writes a starting suite: evalgate.yml, three example cases (evals/cases.jsonl), a target stub
  that answers them (evals/target.py, evals/target.mjs or evals/server.mjs, by the language found:
  pyproject.toml, requirements.txt or *.py -> python; package.json -> node; else http), and the
  workflows .github/workflows/evalgate-{pr,baseline,full}.yml. Existing files are never
  overwritten: they are skipped and listed.`,
  run: `evalgate run [--config evalgate.yml] [--out results.json] [--label name] [--resume] [--stats]
  Runs every selected case --trials times against the suite's target and writes results.json
  (each trial's trace and check results, and the run's metadata). Each finished trial is first
  appended to results.json.journal.jsonl; the journal is deleted once results.json is written.
  --resume continues a run that was interrupted or killed from its journal, without repeating
  finished trials (refused if the suite, selection, --trials or --label changed).
  Exit 0 done, 3 every trial errored (the first error is printed) or the run stopped early (a
  missing or rejected API key, the --max-cost / max_cost budget spent), 130 interrupted.
  Selection: --sample N, --tags a,b, --filter 'glob' (repeatable), --shard i/n
  Settings:  --trials N, --concurrency N, --timeout 30s, --retries N, --max-cost USD, --quiet
  --no-cache calls the target for every trial (by default a trace held in .evalgate/cache/ for
  the same system files, request, trial and stage is reused; checks always run again).
  --stats prints evalgate's own CPU time and peak memory at the end.`,
  validate: `evalgate validate [--config evalgate.yml] [--list-checks]
  Loads the config and every dataset and reports all problems with file, line and field.
  For a valid suite, prints per failure mode its cases and the smallest drop in its pass rate the
  gate detects with 80% power at the configured alpha, trials and re-runs, and warns about modes
  with fewer than 5 cases.`,
  compare: `evalgate compare base.json head.json [--out comparison.json] [--json]
  Paired comparison per failure mode; prints the verdict. Exit 0 pass, 1 block/error, 2 bad input.
  Gate: --fail-on critical,major, --alpha, --min-drop, --tolerance, --max-error-share, --robust,
  --accepted (as if the accept label were on the PR)`,
  report: `evalgate report comparison.json [--format markdown|summary|html|text] [--out file]
  html reads the results files next to the comparison (or --base/--head) for the traces.
  --repo-url https://github.com/o/r and --run-url make the links absolute.`,
  merge: `evalgate merge shard-1.json shard-2.json ... [--out results.json]
  Joins the results of the shards of one run (--shard i/n); they must come from the same suite.`,
  pr: `evalgate pr --base <ref> [--head <ref>] [--config evalgate.yml] [--out-dir .evalgate/pr]
  The action's pull-request run, locally: the head's suite on a worktree of the base and on the
  head (without --head: the working tree as it is, uncommitted changes included), compare,
  adaptive re-runs, the text report, and the comment and trace viewer in --out-dir. The re-runs
  add at most gate.rerun_budget (default 0.5) of the first stage's trials: at most 1.5x in total,
  the most ambiguous cases first; --no-adaptive skips them. --setup "npm ci" runs in each checkout first;
  --baseline results.json reuses results of the base instead of running it.
  Runs the config's pull_request.sample, as the action does; --full runs every case, and
  --sample, --tags or --filter choose instead.
  Takes the selection, settings and gate options of run and compare (--no-cache too).
  --repo-url https://github.com/o/r links each new failure to its dataset line at the head commit;
  --run-url and --artifact-url add links to the workflow run and the artifact with the viewer.`,
  calibrate: `evalgate calibrate results.json [more.json] [--labels labels.jsonl] [--config evalgate.yml]
           [--out calibration.md] [--json calibration.json] [--concurrency N]
  Runs each judge of the suite (its model-graded checks) on the traces people labelled and
  reports per judge: labels, agreement, Cohen's kappa with a 95% interval, true-pass and
  true-fail rates, and the disagreements with the judge's reasons. Labels come from the labels
  file (default: the config's judge.labels; the trace viewer downloads one) and from human:
  on a case's judged check (used when the case has one distinct trace in the results). Writes
  the figures to --json (default: the config's judge.calibration, else calibration.json);
  commit that file: a pull request reads it at its base commit, and a judge below
  judge.min_labels, judge.min_kappa or judge.min_true_fail_rate cannot block.
  Exit 0 done, 2 bad input, 3 the judge graded nothing (every grading errored).`,
  publish: `evalgate publish --repo owner/name --pr N comparison.json [--check-name evalgate]
  Posts the sticky comment (and a check run with --check-name) from outside Actions, with the
  token in GITHUB_TOKEN. --comment update|new|off, --api-url for GitHub Enterprise, --sha.`,
};

function help(command?: string): number {
  print(command && COMMAND_HELP[command] ? COMMAND_HELP[command] : HELP);
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  init: cmdInit,
  run: cmdRun,
  validate: cmdValidate,
  compare: cmdCompare,
  report: cmdReport,
  merge: cmdMerge,
  pr: cmdPr,
  calibrate: cmdCalibrate,
  publish: cmdPublish,
  import: cmdImport,
  sample: cmdSample,
  promote: cmdPromote,
  monitor: cmdMonitor,
  review: cmdReview,
  synth: cmdSynth,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return help();
  if (command === '--version' || command === '-v') {
    print(VERSION);
    return 0;
  }
  const run = commands[command];
  // Secret values in the environment (names with KEY, TOKEN, SECRET...) are masked in all output.
  registerEnvSecrets(process.env);
  try {
    if (!run)
      throw new UsageError(`unknown command ${JSON.stringify(command)} (try evalgate --help)`);
    return await run(rest);
  } catch (err) {
    if (isSuiteError(err) || err instanceof InputError || err instanceof UsageError) {
      log((err as Error).message);
      return 2;
    }
    log((err as Error)?.message ?? String(err));
    if (process.env.EVALGATE_DEBUG)
      process.stderr.write(`${terminalText(redactSecrets(`${(err as Error)?.stack}`))}\n`);
    return 3;
  }
}
