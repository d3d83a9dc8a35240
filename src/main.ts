/**
 * The action: reads its inputs and the event, runs the pipeline for the event's mode, publishes
 * (sticky comment, check run, job summary, artifact, outputs) and fails the step when the gate
 * blocks. All GitHub I/O goes through src/github/.
 */
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { writePrOutputs } from './cli.ts';
import { publishGate, conclusionFor, statusStateFor } from './github/checks.ts';
import { actionsClient, errorMessage, type GitHubClient } from './github/client.ts';
import { upsertStickyComment, type CommentMode } from './github/comment.ts';
import { loadEventInfo, type EventInfo } from './github/context.ts';
import { currentPullLabels } from './github/labels.ts';
import * as log from './github/log.ts';
import { setOutputs, writeJobSummary } from './github/outputs.ts';
import { failureAnnotations } from './github/publish.ts';
import { ActionsStorage, FsStorage, type Storage } from './github/storage.ts';
import {
  ActionTraceStore,
  cacheSetting,
  entryCount,
  loadEntries,
  traceKeys,
  writeEntries,
  type Entries,
  type TraceKeys,
  type TraceRun,
} from './github/trace-cache.ts';
import {
  inputsId,
  isLabelEvent,
  readStoredVerdict,
  relabel,
  storedVerdict,
  verdictKey,
  type StoredRender,
} from './github/reuse.ts';
import { cacheLine } from './report/cache-line.ts';
import { DEFAULT_CACHE_MAX_MB } from './run/trace-cache.ts';
import { favourMemory } from './run/gc.ts';
import { runPr, runSetup } from './pipeline/pr.ts';
import { compareSlim } from './pipeline/compare-slim.ts';
import { compareFiles } from './compare/index.ts';
import { lazyResults } from './pipeline/lazy-results.ts';
import { runSuite } from './pipeline/run-suite.ts';
import {
  DEFAULT_MARKER,
  plainHeadline,
  renderComment,
  renderSummary,
  fileSide,
  writeViewerStream,
} from './report/index.ts';
import { renderAbsolute, renderErrorComment } from './report/absolute.ts';
import { onKnownSecret, redactedJson } from './report/redact.ts';
import { ConsoleProgress } from './run/progress.ts';
import { writeJson } from './run/results-io.ts';
import { makeDir } from './run/evalgate-dir.ts';
import { parseShard, sampleSelection } from './run/select.ts';
import { registerEnvSecrets } from './secrets.ts';
import { loadSuite } from './suite/index.ts';
import type { Comparison, GateConfig, Results, Severity } from './types.ts';
import { SEVERITIES } from './types.ts';

export type Mode = 'pr' | 'baseline' | 'full';

export interface ActionInputs {
  config: string;
  token: string;
  mode: 'auto' | Mode;
  baseRef?: string;
  headRef?: string;
  sample?: string;
  trials?: number;
  shard?: { index: number; total: number };
  gate: Partial<GateConfig>;
  comment: CommentMode;
  acceptLabel?: string;
  checkName?: string;
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  workingDirectory: string;
  setup?: string;
  artifactName: string;
  baseline: boolean;
  /** The trace cache in the Actions cache, and the stored comparison the accept label reuses. */
  cache: boolean;
}

/** A problem with the workflow's inputs: one line, no stack trace. */
class InputProblem extends Error {}

function input(name: string): string | undefined {
  const v = core.getInput(name);
  // Outside a runner (`npm run local-action`) action.yml's defaults arrive unexpanded, e.g.
  // github-token = "${{ github.token }}": that is no value, not a token to send to GitHub.
  return v === '' || /^\$\{\{[^}]*\}\}$/.test(v.trim()) ? undefined : v;
}

function numberInput(name: string, min: number, max: number, integer = false): number | undefined {
  const v = input(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new InputProblem(
      `input ${name}: expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(v)}`,
    );
  }
  return n;
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = input(name) ?? fallback;
  if (!allowed.includes(v as T))
    throw new InputProblem(
      `input ${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`,
    );
  return v as T;
}

function booleanInput(name: string, fallback: boolean): boolean {
  const v = input(name)?.toLowerCase();
  if (v === undefined) return fallback;
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  throw new InputProblem(`input ${name}: expected true or false, got ${JSON.stringify(v)}`);
}

export function readInputs(): ActionInputs {
  const gate: Partial<GateConfig> = {};
  const failOn = input('fail-on');
  if (failOn) {
    const severities = failOn
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const s of severities) {
      if (!SEVERITIES.includes(s as Severity))
        throw new InputProblem(
          `input fail-on: unknown severity ${s} (known: ${SEVERITIES.join(', ')})`,
        );
    }
    gate.block = severities as Severity[];
  }
  const alpha = numberInput('alpha', 0, 1);
  if (alpha !== undefined) gate.alpha = alpha;
  const minDrop = numberInput('min-drop', 0, 1);
  if (minDrop !== undefined) gate.min_drop = minDrop;
  const tolerance = numberInput('tolerance', 0, 1);
  if (tolerance !== undefined) gate.tolerance = tolerance;
  const maxErr = numberInput('max-error-share', 0, 1);
  if (maxErr !== undefined) gate.max_error_share = maxErr;
  if (input('robust') !== undefined) gate.robust = booleanInput('robust', false);
  const acceptLabel = input('accept-label');
  if (acceptLabel) gate.accept_label = acceptLabel;
  const shard = input('shard');
  let parsedShard;
  try {
    parsedShard = shard ? parseShard(shard) : undefined;
  } catch (err) {
    throw new InputProblem(`input shard: ${(err as Error).message}`);
  }
  return {
    config: input('config') ?? 'evalgate.yml',
    token: input('github-token') ?? process.env.GITHUB_TOKEN ?? '',
    mode: choice('mode', ['auto', 'pr', 'baseline', 'full'] as const, 'auto'),
    baseRef: input('base-ref'),
    headRef: input('head-ref'),
    sample: input('sample'),
    trials: numberInput('trials', 1, 100, true),
    shard: parsedShard,
    gate,
    comment: choice('comment', ['update', 'new', 'off'] as const, 'update'),
    acceptLabel,
    checkName: input('check-name'),
    openaiApiKey: input('openai-api-key'),
    openaiBaseUrl: input('openai-base-url'),
    workingDirectory: input('working-directory') ?? '.',
    setup: input('setup'),
    artifactName: input('artifact-name') ?? 'evalgate-report',
    baseline: booleanInput('baseline', true),
    cache: booleanInput('cache', true),
  };
}

/** auto: a PR compares base and head; a push stores a baseline; anything else runs everything. */
export function resolveMode(requested: ActionInputs['mode'], event: EventInfo): Mode {
  if (requested !== 'auto') return requested;
  if (event.kind === 'pull_request') return 'pr';
  if (event.kind === 'push') return 'baseline';
  return 'full';
}

export { sampleSelection };

/** The cache key of a baseline: which suite config, which commit. */
export function baselineKey(configRel: string, sha = ''): string {
  const id = createHash('sha256').update(configRel).digest('hex').slice(0, 12);
  return `evalgate-baseline-v1-${id}-${sha}`;
}

/** Progress as plain log lines (a start line, one every 15 s, a total): a long run is not silent. */
function logProgress(): ConsoleProgress {
  return new ConsoleProgress({ stream: log.logStream, tty: false, intervalMs: 15_000 });
}

function age(iso: string | undefined): string {
  if (!iso) return 'unknown age';
  const h = (Date.now() - Date.parse(iso)) / 3_600_000;
  return h < 1
    ? `${Math.max(1, Math.round(h * 60))} min old`
    : h < 48
      ? `${Math.round(h)} h old`
      : `${Math.round(h / 24)} days old`;
}

interface Context {
  inputs: ActionInputs;
  event: EventInfo;
  workspace: string;
  configRel: string;
  outDir: string;
  env: Record<string, string>;
  storage: Storage;
  octokit?: GitHubClient;
  runUrl?: string;
  repoUrl: string;
  /** Makes each cache save a new key: `<run id>-<attempt>`. */
  runId: string;
}

/**
 * Where a baseline is saved from and restored to: the same folder both ways, because the Actions
 * cache ties an entry to the paths it was saved from (a restore into another folder misses).
 */
function baselineDir(ctx: Context): string {
  return join(ctx.outDir, 'baseline');
}

/**
 * A stored baseline: `exact` is the key of one sha; `latest` a key prefix, of which the newest
 * saved entry wins (the Actions cache prefix-matches restore keys only, hence the key twice).
 */
async function restoreBaseline(
  ctx: Context,
  want: { exact: string } | { latest: string },
): Promise<RestoredBaseline | undefined> {
  if (!ctx.inputs.baseline) return undefined;
  const dir = baselineDir(ctx);
  const keys = 'exact' in want ? [want.exact] : [want.latest, want.latest];
  const hit = await ctx.storage.restoreBaseline(keys, dir);
  if (!hit.hit || !hit.path) return undefined;
  const path = join(hit.path, 'results.json');
  try {
    // Read now, before the PR's code runs: each case line's digest is held, and a case read back
    // later from a file rewritten since is refused (src/pipeline/lazy-results.ts).
    const lazy = await lazyResults(path, { verify: true });
    log.info(`evalgate: restored baseline ${hit.key} (${age(lazy.results.meta.finished_at)})`);
    return { path, results: lazy.results, close: lazy.close };
  } catch (err) {
    log.warning(`evalgate: ignoring a baseline that cannot be read: ${(err as Error).message}`);
    return undefined;
  }
}

/** A restored baseline: its file, and its results read lazily (cases in full on demand). */
interface RestoredBaseline {
  path: string;
  results: Results;
  close(): void;
}

async function uploadDir(ctx: Context): Promise<string | undefined> {
  const files = (await readdir(ctx.outDir, { withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => join(ctx.outDir, d.name));
  const upload = await ctx.storage.uploadArtifact(ctx.inputs.artifactName, files, ctx.outDir);
  return upload.url;
}

/**
 * The folder the trace cache is restored into and saved from: the same both ways (the Actions
 * cache ties an entry to its paths), outside the workspace, emptied before each use.
 */
function tracesDir(ctx: Context): string {
  return join(dirname(ctx.outDir), 'evalgate-traces');
}

interface ActionTraces {
  store: ActionTraceStore;
  keys: TraceKeys;
  maxBytes: number;
  /** The branch entries restored were saved for this very sha (a re-run). */
  exact: boolean;
}

/**
 * Restores the trace cache into memory, or undefined when the `cache` input or the config's
 * `cache: false` turns it off. Runs before the checkout's code (setup, targets) does: nothing is
 * read from disk after, so what a PR's code writes there is never served (src/github/trace-cache.ts).
 */
async function openTraces(ctx: Context, run: TraceRun): Promise<ActionTraces | undefined> {
  if (!ctx.inputs.cache) {
    log.info('evalgate: trace cache off (input cache: false)');
    return undefined;
  }
  const configFile = join(ctx.workspace, ctx.configRel);
  const text = await readFile(configFile, 'utf8').catch(() => undefined);
  const setting = text === undefined ? { off: false } : cacheSetting(text, configFile);
  if (setting.off) {
    log.info('evalgate: trace cache off (cache: false in the config)');
    return undefined;
  }
  const maxBytes = (setting.maxMb ?? DEFAULT_CACHE_MAX_MB) * 1024 * 1024;
  const keys = traceKeys(ctx.configRel, run, ctx.runId);
  const dir = tracesDir(ctx);
  const restore = async (restoreKeys: string[], from: string) => {
    if (!restoreKeys.length) return { entries: new Map() as Entries, key: undefined };
    await rm(dir, { recursive: true, force: true });
    const hit = await ctx.storage.restoreBaseline(restoreKeys, dir);
    const entries = hit.hit && hit.path ? await loadEntries(hit.path, maxBytes) : new Map();
    await rm(dir, { recursive: true, force: true });
    if (hit.hit)
      log.info(`evalgate: trace cache: ${entryCount(entries)} traces of ${from} from ${hit.key}`);
    return { entries, key: hit.key };
  };
  const trusted = await restore(keys.trusted, run.kind === 'pr' ? 'the base branch' : 'the branch');
  const own = await restore(keys.own, 'this pull request (head side only)');
  const exact = run.kind === 'one-side' && !!trusted.key?.includes(`-sha-${run.sha}-`);
  return { store: new ActionTraceStore(trusted.entries, own.entries), keys, maxBytes, exact };
}

/**
 * Saves `entries` (held in memory by this run) under the run's key: written into the emptied
 * traces folder after every target ended, never copied from the workspace.
 */
async function saveTraces(ctx: Context, traces: ActionTraces, entries: Entries, none: string) {
  if (!entryCount(entries)) {
    log.info(`evalgate: trace cache: nothing saved (${none})`);
    return;
  }
  const dir = tracesDir(ctx);
  const w = await writeEntries(dir, entries, traces.maxBytes);
  const key = traces.keys.save;
  if (await ctx.storage.saveBaseline(key, dir)) {
    const mb = (w.bytes / 1024 / 1024).toFixed(1);
    log.info(
      `evalgate: trace cache: saved ${w.entries} traces (${mb} MB) as ${key}` +
        (w.dropped ? `; ${w.dropped} more did not fit in cache.max_mb` : ''),
    );
  }
  await rm(dir, { recursive: true, force: true });
}

/** The action inputs that change what a pull-request run compares. */
function comparisonShape(inputs: ActionInputs): Record<string, unknown> {
  const { sample, trials, shard, gate, setup, baseline, openaiBaseUrl, workingDirectory } = inputs;
  return { sample, trials, shard, gate, setup, baseline, openaiBaseUrl, workingDirectory };
}

/** Where a stored comparison is restored into and saved from (see tracesDir). */
function verdictDir(ctx: Context): string {
  return join(dirname(ctx.outDir), 'evalgate-verdict');
}

function gateOutputs(c: Comparison) {
  return {
    verdict: c.verdict,
    'regressed-modes': c.modes.filter((m) => m.verdict === 'regressed').map((m) => m.mode),
    'new-failures': c.counts.new_failure ?? 0,
  };
}

/** Fails the step on block or error, so a required check stops the merge. */
function applyGate(c: Comparison): void {
  const h = plainHeadline(c);
  if (c.verdict === 'pass') {
    if (c.accepted)
      log.warning(`evalgate: regression accepted by the "${c.gate.accept_label}" label: ${h.text}`);
    else log.info(`evalgate: ${h.text}`);
    return;
  }
  log.fail(`evalgate: ${h.title}: ${h.text}`);
}

async function runPrMode(ctx: Context): Promise<void> {
  const { inputs, event } = ctx;
  const baseRef = inputs.baseRef ?? event.baseSha;
  if (!baseRef)
    throw new InputProblem(
      'no base to compare with: this is not a pull_request event; set the base-ref input',
    );
  if (event.isFork) {
    log.notice(
      'evalgate: this PR comes from a fork: GitHub gives it no secrets and a read-only token. ' +
        'Checks that need a key will error, and the comment is left to the workflow_run job of the two-workflow pattern (docs/github.md).',
    );
  }
  // From the API, not the event: a re-run replays the event of the first run. Which label
  // accepts is decided by runPr, from the base's config (the trusted gate).
  const labels = await currentPullLabels(ctx.octokit, event, (m) => log.warning(`evalgate: ${m}`));
  // The PR's commits as the event names them (not a ref given by input): what caches are keyed by.
  // Only under `pull_request`, whose caches GitHub scopes to the PR's ref; `pull_request_target`
  // saves into the base branch's scope, where a PR's entries must never go.
  const pr =
    event.eventName === 'pull_request' &&
    !inputs.baseRef &&
    !inputs.headRef &&
    event.prNumber &&
    event.baseSha &&
    event.headSha
      ? { number: event.prNumber, base: event.baseSha, head: event.headSha }
      : undefined;
  const storedKey =
    pr && inputs.cache
      ? verdictKey(ctx.configRel, pr.base, pr.head, inputsId(comparisonShape(inputs)))
      : undefined;
  if (
    storedKey &&
    isLabelEvent(event.action) &&
    (await reuseComparison(ctx, storedKey, pr!, labels))
  )
    return;
  // Read into memory now, before the PR's code runs (setup, the targets).
  const traces = pr
    ? await openTraces(ctx, { kind: 'pr', number: pr.number, baseSha: pr.base, headSha: pr.head })
    : undefined;
  const baseSha = inputs.baseRef ? undefined : event.baseSha;
  const restored = baseSha
    ? await restoreBaseline(ctx, { exact: baselineKey(ctx.configRel, baseSha) })
    : undefined;

  const outcome = await runPr({
    repoDir: ctx.workspace,
    baseRef,
    headRef: inputs.headRef,
    configPath: ctx.configRel,
    // The sample input, else the base config's pull_request.sample (runPr reads it there).
    selection: { ...sampleSelection(inputs.sample), shard: inputs.shard },
    configSample: true,
    trials: inputs.trials,
    // The trace cache from the Actions cache, in memory; never the workspace's .evalgate/cache,
    // which the PR's code (setup, the target) can write (docs/cache.md).
    noCache: !traces,
    traceStore: traces?.store,
    setup: inputs.setup,
    baseline: restored?.results,
    gate: inputs.gate,
    // runPr accepts when these include the trusted (base's) accept label, not the PR's own.
    labels,
    fetchMissing: true,
    // Both results files go straight to the artifact folder; the outcome holds slim results.
    outDir: ctx.outDir,
    env: ctx.env,
    progress: logProgress(),
    log: (l) => log.info(`evalgate: ${l}`),
  });
  restored?.close();
  // The tree we ran is the PR's merge commit; links and the check belong to the PR's head.
  if (!inputs.headRef && event.headSha) outcome.comparison.head.sha = event.headSha;
  const saved = cacheLine([outcome.comparison.base.cache, outcome.comparison.head.cache]);
  if (saved) log.info(`evalgate: ${saved}`);
  if (traces) {
    const fp = traces.store.fingerprints;
    await saveTraces(
      ctx,
      traces,
      traces.store.prEntries(),
      fp.base && fp.base === fp.head
        ? "the head's system is the base's, and a pull request never saves the base's entries"
        : 'no new traces',
    );
  }
  const paths = await writePrOutputs(ctx.outDir, outcome, {
    repoUrl: ctx.repoUrl,
    runUrl: ctx.runUrl,
  });
  const artifactUrl = await uploadDir(ctx);
  const baselineNote =
    outcome.baseSource === 'run'
      ? undefined
      : `Base: cached baseline of ${outcome.baseSha.slice(0, 7)} (${age(outcome.base.meta.baseline_at)})` +
        (outcome.baseSource === 'baseline+run'
          ? '; cases it lacked ran on the base in this job.'
          : '.');
  const render = {
    runUrl: ctx.runUrl,
    artifactUrl,
    repoUrl: ctx.repoUrl,
    headSha: outcome.comparison.head.sha,
    baseRef: event.baseRef ?? baseRef,
    headRef: event.headRef ?? inputs.headRef,
    baselineNote,
  };
  const baseSource = outcome.baseSource === 'run' ? 'run' : 'cache';
  await publishPr(ctx, outcome.comparison, render, {
    'results-path': paths.head,
    'comparison-path': paths.comparison,
    'report-path': paths.viewer,
    'base-source': baseSource,
  });
  // For the accept label: a decided comparison of these commits, reused without running.
  const c = outcome.comparison;
  if (storedKey && (c.verdict === 'pass' || c.verdict === 'block') && !c.incomplete) {
    const dir = verdictDir(ctx);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const { runUrl: _, repoUrl: __, headSha: ___, ...kept } = render;
    const stored = storedVerdict(c, pr!, { ...kept, baseSource });
    // Redacted like every file we write: a stored comparison is restorable by later runs.
    await writeFile(join(dir, 'verdict.json'), redactedJson(stored));
    const key = `${storedKey}${ctx.runId}`;
    if (await ctx.storage.saveBaseline(key, dir))
      log.info(`evalgate: comparison stored as ${key} (the accept label reuses it)`);
    await rm(dir, { recursive: true, force: true });
  }
  applyGate(c);
}

/**
 * A labeled or unlabeled event: the comparison a PR job stored for these very commits, under the
 * labels the PR has now, published in seconds. False (and the suite runs) when none is stored.
 */
async function reuseComparison(
  ctx: Context,
  key: string,
  pr: { base: string; head: string },
  labels: string[],
): Promise<boolean> {
  const { event } = ctx;
  const dir = verdictDir(ctx);
  await rm(dir, { recursive: true, force: true });
  const hit = await ctx.storage.restoreBaseline([key, key], dir);
  const stored = hit.hit && hit.path ? await readStoredVerdict(hit.path, pr) : undefined;
  await rm(dir, { recursive: true, force: true });
  if (!stored) {
    log.info(`evalgate: ${event.action} event: no stored comparison of these commits; running`);
    return false;
  }
  log.info(
    `evalgate: ${event.action} event: reusing the comparison of ${pr.base.slice(0, 7)}..${pr.head.slice(0, 7)} stored as ${hit.key}; nothing runs`,
  );
  const comparison = relabel(stored, labels);
  await makeDir(ctx.outDir);
  const comparisonPath = join(ctx.outDir, 'comparison.json');
  await writeJson(comparisonPath, comparison);
  const { baseSource, ...render } = stored.render;
  await publishPr(
    ctx,
    comparison,
    { ...render, runUrl: ctx.runUrl, repoUrl: ctx.repoUrl, headSha: pr.head },
    {
      'results-path': '',
      'comparison-path': comparisonPath,
      'report-path': '',
      'base-source': baseSource,
    },
  );
  applyGate(comparison);
  return true;
}

/** The sticky comment, the check, the job summary and the outputs of a PR's comparison. */
async function publishPr(
  ctx: Context,
  comparison: Comparison,
  render: Omit<StoredRender, 'baseSource'> & {
    runUrl?: string;
    repoUrl: string;
    headSha?: string;
  },
  outputs: Record<string, string>,
): Promise<void> {
  const { inputs, event } = ctx;
  const comment = renderComment(comparison, { ...render, marker: DEFAULT_MARKER });
  let commentUrl: string | undefined;
  if (ctx.octokit && event.prNumber && inputs.comment !== 'off') {
    const posted = await upsertStickyComment(ctx.octokit, {
      owner: event.owner,
      repo: event.repo,
      issueNumber: event.prNumber,
      body: comment,
      marker: DEFAULT_MARKER,
      mode: inputs.comment,
      author: 'github-actions[bot]',
    });
    commentUrl = posted.url;
    if (posted.action === 'skipped') log.notice(`evalgate: no PR comment: ${posted.reason}`);
    else log.info(`evalgate: comment ${posted.action}: ${posted.url}`);
  }
  if (ctx.octokit && inputs.checkName) await publishCheck(ctx, comparison, render);
  await writeJobSummary(renderSummary(comparison, render));
  setOutputs({ ...gateOutputs(comparison), 'comment-url': commentUrl, ...outputs });
}

async function publishCheck(
  ctx: Context,
  c: Comparison,
  render: Record<string, unknown>,
): Promise<void> {
  const h = plainHeadline(c);
  const result = await publishGate(ctx.octokit!, {
    owner: ctx.event.owner,
    repo: ctx.event.repo,
    headSha: c.head.sha ?? ctx.event.sha,
    name: ctx.inputs.checkName!,
    conclusion: conclusionFor(c.verdict, c.accepted),
    verdictState: statusStateFor(c.verdict, c.accepted),
    title: `${h.title}: ${h.text}`,
    summary: renderSummary(c, { ...render, maxLength: 65_000 }),
    annotations: failureAnnotations(
      c,
      relative(ctx.workspace, join(ctx.workspace, ctx.configRel, '..')),
    ),
    detailsUrl: ctx.runUrl,
  });
  if ('reason' in result && result.reason)
    log.notice(`evalgate: check not published: ${result.reason}`);
}

/** baseline (push to the default branch) and full (workflow_dispatch) runs: one side. */
async function runOneSide(ctx: Context, mode: 'baseline' | 'full'): Promise<void> {
  const { inputs, event } = ctx;
  // Read into memory before the checkout's code runs, like a PR job (src/github/trace-cache.ts).
  const run = inputs.shard ? `${ctx.runId}-s${inputs.shard.index}` : ctx.runId;
  const traces = event.sha
    ? await openTraces({ ...ctx, runId: run }, { kind: 'one-side', sha: event.sha })
    : undefined;
  if (inputs.setup) await runSetup(inputs.setup, ctx.workspace, ctx.env, (l) => log.info(l));
  const suite = await loadSuite(join(ctx.workspace, ctx.configRel));
  // Trials go to a journal as they finish and the run holds slim copies (src/run/spool.ts): the
  // journal is outside the artifact folder, and is deleted once everything is written.
  const journal = join(dirname(ctx.outDir), 'evalgate-run.journal.jsonl');
  try {
    await oneSide(ctx, mode, suite, traces, journal);
  } finally {
    await rm(journal, { force: true });
  }
}

async function oneSide(
  ctx: Context,
  mode: 'baseline' | 'full',
  suite: Awaited<ReturnType<typeof loadSuite>>,
  traces: ActionTraces | undefined,
  journal: string,
): Promise<void> {
  const { inputs, event } = ctx;
  const results = await runSuite({
    suite,
    selection: { ...sampleSelection(inputs.sample), shard: inputs.shard },
    trials: inputs.trials,
    noCache: !traces,
    traceStore: traces?.store,
    label: mode,
    env: ctx.env,
    progress: logProgress(),
    log: (l) => log.info(`evalgate: ${l}`),
    journal: { path: journal },
  });
  const saved = cacheLine([results.meta.cache]);
  if (saved) log.info(`evalgate: ${saved}`);
  if (traces) {
    const fresh = traces.store.added() > 0 || !traces.exact;
    await saveTraces(
      ctx,
      traces,
      fresh ? traces.store.branchEntries() : new Map(),
      fresh ? 'no traces' : 'every trace came from the cache saved for this commit',
    );
  }
  await makeDir(ctx.outDir);
  const resultsPath = join(ctx.outDir, 'results.json');
  await writeJson(resultsPath, results);

  const stopped = results.meta.stopped;
  if (mode === 'baseline') {
    const dir = baselineDir(ctx);
    await makeDir(dir);
    await copyFile(resultsPath, join(dir, 'results.json'));
    if (stopped) {
      // A run cut short (a rejected key, the budget) lacks cases: not a baseline to gate PRs by.
      log.notice(`evalgate: the run stopped early, so it is not saved as a baseline: ${stopped}`);
    } else if (inputs.baseline && !inputs.shard && !inputs.sample) {
      const key = baselineKey(ctx.configRel, event.sha);
      if (await ctx.storage.saveBaseline(key, dir)) log.info(`evalgate: baseline saved as ${key}`);
    } else if (inputs.sample || inputs.shard) {
      log.notice(
        'evalgate: a sampled or sharded run is not saved as a baseline (it would miss cases)',
      );
    }
  }

  // Against the latest baseline of the default branch when there is one, else absolute rates.
  // The run's results are slim (their traces are in results.json): compared with compareSlim,
  // and the viewer reads the traces from the files.
  const baseline =
    mode === 'full'
      ? await restoreBaseline(ctx, { latest: baselineKey(ctx.configRel) })
      : undefined;
  baseline?.close();
  let comparison: Comparison | undefined;
  let reportPath = join(ctx.outDir, 'report.html');
  if (baseline) {
    const baselinePath = join(ctx.outDir, 'baseline-results.json');
    await copyFile(baseline.path, baselinePath);
    // Both sides are files: compared as `evalgate compare` compares them (trusted code ran here).
    comparison = await compareFiles(baselinePath, resultsPath, {
      gate: inputs.gate,
      basePath: 'baseline-results.json',
      headPath: 'results.json',
      suiteDir: dirname(ctx.configRel),
    });
    comparison.base.results_path = 'baseline-results.json';
    comparison.head.results_path = 'results.json';
    await writeJson(join(ctx.outDir, 'comparison.json'), comparison);
    const paths = await writePrOutputs(ctx.outDir, {
      base: baseline.results,
      head: results,
      comparison,
      files: { base: baselinePath, head: resultsPath },
    });
    reportPath = paths.viewer;
  } else {
    // No baseline: the viewer still browses every trace; the run compared with itself gives it
    // the per-mode rates, and the title says there was nothing to compare with.
    const self = compareSlim(results, results, { gate: inputs.gate });
    const title = `evalgate ${mode} run of ${event.sha.slice(0, 7)} (no baseline to compare with)`;
    await writeViewerStream(reportPath, self, { head: fileSide(resultsPath) }, { title });
  }
  const artifactUrl = await uploadDir(ctx);
  const summary = comparison
    ? renderSummary(comparison, {
        runUrl: ctx.runUrl,
        artifactUrl,
        repoUrl: ctx.repoUrl,
        headSha: event.sha,
        baselineNote: `Base: the default branch's latest baseline, ${baseline!.results.meta.git?.sha?.slice(0, 7) ?? '?'} (${age(baseline!.results.meta.finished_at)}).`,
      })
    : renderAbsolute(results, {
        runUrl: ctx.runUrl,
        artifactUrl,
        title: mode === 'baseline' ? 'Baseline run' : 'Full run',
      });
  await writeJobSummary(summary);
  setOutputs({
    ...(comparison
      ? gateOutputs(comparison)
      : { verdict: results.meta.counts.cases && !stopped ? 'pass' : 'error' }),
    'results-path': resultsPath,
    'comparison-path': comparison ? join(ctx.outDir, 'comparison.json') : '',
    'report-path': reportPath,
    'base-source': comparison ? 'cache' : 'none',
  });
  if (comparison) applyGate(comparison);
  else if (stopped) log.fail(`evalgate: the run stopped early: ${stopped}`);
  else if (results.meta.counts.cases === 0) log.fail('evalgate: no case ran');
}

/** The action's entry: never throws; a failure is a failed step with one clear line. */
export async function run(): Promise<void> {
  let ctx: Context | undefined;
  try {
    // Every secret value, now and as the suite config names more: masked in the log by the
    // runner (setSecret) and in everything we write (redactSecrets).
    onKnownSecret((value) => core.setSecret(value));
    registerEnvSecrets(process.env);
    const inputs = readInputs();
    registerEnvSecrets({}, [inputs.token, inputs.openaiApiKey]);
    favourMemory(); // two runs' garbage collected sooner on a 7 GB runner (src/run/gc.ts)
    const event = await loadEventInfo();
    const workspace = resolve(
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
      inputs.workingDirectory,
    );
    const env: Record<string, string> = {};
    if (inputs.openaiApiKey) env.OPENAI_API_KEY = inputs.openaiApiKey;
    if (inputs.openaiBaseUrl) env.OPENAI_BASE_URL = inputs.openaiBaseUrl;
    const repoUrl = `${event.serverUrl}/${event.owner}/${event.repo}`;
    const storeDir = process.env.EVALGATE_STORE_DIR;
    ctx = {
      inputs,
      event,
      workspace,
      configRel: inputs.config,
      outDir: resolve(process.env.RUNNER_TEMP ?? join(workspace, '.evalgate'), 'evalgate-out'),
      env,
      storage: storeDir
        ? new FsStorage(storeDir)
        : new ActionsStorage({ notifier: log, runUrl: event.runUrl }),
      octokit: inputs.token
        ? actionsClient({ token: inputs.token, baseUrl: event.apiUrl })
        : undefined,
      runUrl: event.runUrl,
      repoUrl,
      runId: `${process.env.GITHUB_RUN_ID ?? Date.now()}-${process.env.GITHUB_RUN_ATTEMPT ?? 1}`,
    };
    const mode = resolveMode(inputs.mode, event);
    log.info(`evalgate: ${mode} run (${event.eventName || 'no event'}) of ${inputs.config}`);
    if (mode === 'pr') await runPrMode(ctx);
    else await runOneSide(ctx, mode);
  } catch (err) {
    const message = errorMessage(err);
    core.setOutput('verdict', 'error');
    // A broken eval must never be silent: say so on the PR too.
    if (ctx?.octokit && ctx.event.prNumber && ctx.inputs.comment !== 'off') {
      try {
        await upsertStickyComment(ctx.octokit, {
          owner: ctx.event.owner,
          repo: ctx.event.repo,
          issueNumber: ctx.event.prNumber,
          body: renderErrorComment(message, { runUrl: ctx.runUrl, marker: DEFAULT_MARKER }),
          marker: DEFAULT_MARKER,
          mode: ctx.inputs.comment,
          author: 'github-actions[bot]',
        });
      } catch (commentErr) {
        log.warning(`evalgate: could not post the error comment: ${errorMessage(commentErr)}`);
      }
    }
    log.fail(`evalgate: ${message}`);
  }
}
