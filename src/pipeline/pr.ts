import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { planStage2 } from '../compare/index.ts';
import { compareSlim } from './compare-slim.ts';
import { caseCopy } from './lazy-results.ts';
import type { Stage2Plan } from '../compare/adaptive.ts';
import { loadSuite } from '../suite/index.ts';
import { createTarget } from '../targets/index.ts';
import type { Target } from '../targets/target.ts';
import type {
  Case,
  CaseResult,
  Comparison,
  GateConfig,
  Results,
  Suite,
  TrialResult,
} from '../types.ts';
import { allErrored } from '../run/all-errored.ts';
import { addWorktree, ensureCommit, gitInfo, resolveCommit, repoRoot } from '../run/git.ts';
import { makeDir } from '../run/evalgate-dir.ts';
import type { ProgressSink } from '../run/progress.ts';
import {
  appendTrials,
  buildResults,
  recount,
  runTrials,
  selectedCases,
  type Side,
} from '../run/runner.ts';
import { hasExplicitCases, selectCases, withConfigSample, type Selection } from '../run/select.ts';
import { journalHeader, JournalWriter } from '../run/journal.ts';
import { readResults, writeJson } from '../run/results-io.ts';
import { registerSuiteSecrets } from '../secrets.ts';
import { judgeFor, runGuard, runSettings, simulatorFor, type RunOverrides } from './run-suite.ts';
import { trustedGate, type TrustedGate } from './trusted-gate.ts';
import { judgeGate } from '../calibrate/gate.ts';
import { gradePairwise, hasPairwise } from './pairwise.ts';
import { inheritedEnv } from '../targets/inherited-env.ts';
import type { TraceStore, SideCache } from '../run/trace-cache.ts';
import { openTraceCache, recordCache, sideCache } from './cache.ts';

export interface PrOptions extends RunOverrides {
  /** Any folder inside the git checkout of the head. */
  repoDir: string;
  baseRef: string;
  /**
   * Default: the checkout as it is, uncommitted changes included (the action's case:
   * actions/checkout put the head there). A ref runs exactly that commit in a worktree.
   */
  headRef?: string;
  /** The suite config, relative to the repository root (or absolute inside the head checkout). */
  configPath: string;
  selection?: Selection;
  /**
   * Run the suite's `pull_request.sample` when `selection` names no cases itself, as the action
   * does (`evalgate pr` without `--full`).
   */
  configSample?: boolean;
  /** A shell command run in each checkout before its suite (e.g. `npm ci`). */
  setup?: string;
  /**
   * Results cached for the base sha: then only what they lack runs on the base. May be lazy
   * (src/pipeline/lazy-results.ts): the cases reused are read in full one at a time.
   */
  baseline?: Results;
  /**
   * Explicit gate overrides (command-line flags, the workflow's inputs): they win over the
   * config. Otherwise the gate is the base commit's config's (see trusted-gate.ts).
   */
  gate?: Partial<GateConfig>;
  /** The accept label is on the PR (the command line's --accepted). */
  accepted?: boolean;
  /**
   * The pull request's labels: the PR is accepted when they include the trusted gate's
   * accept_label (the base's, or the override's).
   */
  labels?: string[];
  /** Fetch the base commit from origin when the checkout lacks it (shallow clones). */
  fetchMissing?: boolean;
  env?: Record<string, string>;
  signal?: AbortSignal;
  progress?: ProgressSink;
  log?: (line: string) => void;
  /**
   * Where the two results files go (`base-results.json`, `head-results.json`). Given, the
   * outcome's `base` and `head` are slim (no trace text: the traces are in the files, see
   * `files`), so a large suite costs the memory of `run` + `compare`, not of both sides' traces.
   * Without it the files are written to a scratch folder and read back whole.
   */
  outDir?: string;
}

export interface PrOutcome {
  suite: Suite;
  /** Each side's results; slim when `outDir` was given (read the traces from `files`). */
  base: Results;
  head: Results;
  /** The results files written into `outDir`, when it was given. */
  files?: { base: string; head: string };
  comparison: Comparison;
  baseSha: string;
  headSha: string;
  /** Where the base side's results came from. */
  baseSource: 'run' | 'baseline' | 'baseline+run';
  /** The gate the PR was decided under, and where it came from. */
  gate: TrustedGate;
}

/** Runs `command` through the shell in `cwd`, its output to our log; throws on failure. */
export function runSetup(
  command: string,
  cwd: string,
  env: Record<string, string>,
  log: (l: string) => void,
): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, {
      cwd,
      shell: true,
      env: { ...inheritedEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The output is the checkout's (head code on a PR): each line goes to `log`, which shows it
    // escaped (src/github/log.ts, src/report/plain.ts).
    const echo = (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) log(`  ${line}`);
    };
    child.stdout.setEncoding('utf8').on('data', echo);
    child.stderr.setEncoding('utf8').on('data', echo);
    child.on('error', (err) =>
      fail(new Error(`setup command failed to start in ${cwd}: ${err.message}`)),
    );
    child.on('close', (code, signal) =>
      code === 0
        ? done()
        : fail(
            new Error(
              `setup command \`${command}\` failed in ${cwd} (${signal ?? `exit code ${code}`})`,
            ),
          ),
    );
  });
}

/** Base cases a cached baseline does not cover (new or edited since): these still run. */
export function casesMissingFrom(baseline: Results, cases: Case[]): Set<string> {
  const have = new Map(baseline.cases.map((c) => [c.id, c.hash]));
  return new Set(cases.filter((c) => have.get(c.id) !== c.hash).map((c) => c.id));
}

/**
 * `evalgate pr` and the action's pull-request run: the head's suite against the base tree and
 * the head tree, compare, and an adaptive second stage when the gate is undecided.
 */
export async function runPr(options: PrOptions): Promise<PrOutcome> {
  const log = options.log ?? (() => undefined);
  const root = await repoRoot(options.repoDir);
  const env = options.env ?? {};
  const cleanups: (() => Promise<void>)[] = [];
  const targets: Target[] = [];
  let cache: TraceStore | undefined;
  // Worktrees live inside the repository (in .evalgate/, which suites never read), so a base tree
  // resolves the checkout's installed dependencies (node_modules up the tree) unless `setup`
  // installs its own.
  await makeDir(join(root, '.evalgate', 'worktrees'));
  const scratch = await mkdtemp(join(root, '.evalgate', 'worktrees', 'run-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));

  try {
    const headCurrent = await resolveCommit(root, 'HEAD');
    if (options.fetchMissing) await ensureCommitForRef(root, options.baseRef, log);
    const baseSha = await resolveCommit(root, options.baseRef);
    const headSha = options.headRef ? await resolveCommit(root, options.headRef) : headCurrent;

    // The head tree: the checkout as it is (uncommitted changes included: "does my edit
    // regress?"), or, when a ref is given, exactly that commit in its own worktree.
    let headTree = root;
    if (options.headRef) {
      const wt = await addWorktree(root, headSha, join(scratch, 'head'));
      cleanups.unshift(wt.remove);
      headTree = wt.dir;
    }
    const configRel = isAbsolute(options.configPath)
      ? relative(root, options.configPath)
      : relative(root, resolve(options.repoDir, options.configPath));
    if (options.setup) {
      log(`setup (head): ${options.setup}`);
      await runSetup(options.setup, headTree, env, log);
    }
    const suite = await loadSuite(join(headTree, configRel));
    registerSuiteSecrets(suite.config, { ...process.env, ...env });
    // The gate is the base's: the PR's own config cannot loosen the gate it is judged by, nor
    // shrink the sample or the trials the gate sees.
    const trusted = await trustedGate({
      root,
      baseSha,
      file: relative(headTree, suite.configPath).split(sep).join('/'),
      head: suite.config,
      overrides: options.gate,
      runOverridden: {
        sample: !options.configSample || hasExplicitCases(options.selection),
        trials: options.trials !== undefined,
        maxCost: options.maxCost !== undefined,
      },
    });
    if (trusted.note) log(trusted.note);
    const gate = trusted.gate;
    const settings = {
      ...runSettings(suite, options),
      trials: options.trials ?? trusted.run.trials,
    };
    const accepted = !!options.accepted || (options.labels ?? []).includes(gate.accept_label);
    const sample = options.configSample ? trusted.run.sample : undefined;
    const selection = withConfigSample(options.selection ?? {}, sample);
    const cases = selectCases(suite.cases, selection);
    if (selection !== options.selection && sample !== undefined)
      log(
        `pull_request.sample ${JSON.stringify(sample)}: ${cases.length} of ${suite.cases.length} cases (--full runs them all)`,
      );
    const headIds = new Set(suite.cases.map((c) => c.id));
    const judge = await judgeFor(suite, { ...process.env, ...env });
    const simulator = await simulatorFor(suite, { ...process.env, ...env });

    // One cache folder for both sides; each side's system has its own fingerprint.
    cache = openTraceCache(root, suite, options.noCache, options.traceStore);
    const headCache = await sideCache(cache, headTree, suite, configRel, log, 'head');
    let baseCache: SideCache | undefined;

    // The base tree, made only when something must run there.
    let baseTarget: Target | undefined;
    let baseTree: string | undefined;
    const baseWorktree = async (): Promise<string> => {
      if (baseTree) return baseTree;
      const wt = await addWorktree(root, baseSha, join(scratch, 'base'));
      cleanups.unshift(wt.remove);
      baseTree = wt.dir;
      return wt.dir;
    };
    const baseSide = async (): Promise<Target> => {
      if (baseTarget) return baseTarget;
      const dir = await baseWorktree();
      if (options.setup) {
        log(`setup (base): ${options.setup}`);
        await runSetup(options.setup, dir, env, log);
      }
      baseCache = await sideCache(cache, dir, suite, configRel, log, 'base');
      // The head's suite runs on the base tree: same cases and checks, the base's system.
      baseTarget = await createTarget(suite.config.target, {
        rootDir: join(dir, dirname(configRel)),
        concurrency: settings.concurrency,
        env,
        log,
        prices: suite.config.prices,
      });
      targets.push(baseTarget);
      return baseTarget;
    };
    const headTarget = await createTarget(suite.config.target, {
      rootDir: suite.rootDir,
      concurrency: settings.concurrency,
      env,
      log,
      prices: suite.config.prices,
    });
    targets.push(headTarget);

    const missing = options.baseline ? casesMissingFrom(options.baseline, cases) : undefined;
    const baseSource: PrOutcome['baseSource'] = !missing
      ? 'run'
      : missing.size
        ? 'baseline+run'
        : 'baseline';
    if (options.baseline) {
      log(
        `base: reusing cached results of ${baseSha.slice(0, 12)}; ${missing!.size} case(s) they lack run on the base`,
      );
    }
    const sides: Side[] = [
      {
        label: 'head',
        target: headTarget,
        git: { sha: headSha, ref: options.headRef },
        cache: headCache,
      },
    ];
    if (!missing || missing.size) {
      const target = await baseSide();
      sides.unshift({
        label: 'base',
        target,
        cache: baseCache,
        git: { sha: baseSha, ref: options.baseRef },
        only: missing,
      });
    }
    // Cases the PR removes: from the cached baseline, or run on the base with the base's own
    // checks, so deleting a case to go green shows in the comparison.
    const removed = options.baseline
      ? removedFromBaseline(options.baseline, headIds, selection)
      : { results: [], cases: await removedFromBase(baseTree, configRel, headIds, selection, log) };
    if (removed.cases.length) {
      sides[0].only = new Set(removed.cases.map((c) => c.id));
      for (const c of cases) sides[0].only.add(c.id);
      sides[1].only = new Set(cases.map((c) => c.id));
    }

    const startedAt = new Date();
    // Each side's trials go to a journal in the scratch folder as they finish, and the run keeps
    // a slim copy (src/run/spool.ts); the results files are written from the journals and
    // compared from the files. Pairwise checks are graded on both sides' answers in memory
    // afterwards (they rewrite the trials), so a suite with them keeps its trials whole.
    const pairwise = hasPairwise(cases);
    const journals = pairwise
      ? undefined
      : await openSideJournals(scratch, suite, settings.trials, startedAt, ['base', 'head']);
    cleanups.unshift(async () => journals?.forEach((j) => j.close()));
    // One budget for the whole PR run (both sides, and the re-runs), the base's own max_cost.
    const guard = runGuard(suite, options, log, options.maxCost ?? trusted.run.max_cost);
    const common = {
      suite,
      ...settings,
      guard,
      judge,
      simulator,
      signal: options.signal,
      progress: options.progress,
      keep:
        journals &&
        ((side: string, caseId: string, result: TrialResult) =>
          journals.get(side)!.keep(caseId, result)),
    };
    const stage1 = await runTrials({ ...common, cases: [...cases, ...removed.cases], sides });
    const finishedAt = new Date();
    const headResults = buildResults(
      { suite, cases, trials: settings.trials },
      'head',
      stage1.get('head')!,
      {
        git: { sha: headSha, ref: options.headRef ?? (await gitInfo(headTree))?.ref },
        startedAt,
        finishedAt,
        interrupted: options.signal?.aborted,
        stopped: guard.stopped,
      },
    );
    const baseResults = baseFrom(
      options.baseline,
      suite,
      [...cases, ...removed.cases],
      removed.results,
      settings.trials,
      stage1.get('base'),
      journals?.get('base'),
      {
        git: { sha: baseSha, ref: options.baseRef },
        startedAt,
        finishedAt,
        interrupted: options.signal?.aborted,
        stopped: guard.stopped,
      },
    );
    recordCache(headResults, headCache);
    recordCache(baseResults, baseCache);
    // Pairwise checks need both sides' answers: graded now, head trial k against base trial k.
    const pairs = { judge, concurrency: settings.concurrency, signal: options.signal, cases };
    if (pairwise) {
      const n = await gradePairwise({ ...pairs, base: baseResults, head: headResults, stage: 1 });
      log(`pairwise: ${plural(n, 'head answer')} compared with the base's (both orders)`);
    }

    // A side on which every trial errored measured nothing: say why now, not after the report.
    let nothingMeasured = false;
    for (const [label, r] of [
      ['base', stage1.has('base') ? baseResults : undefined],
      ['head', headResults],
    ] as const) {
      const first = r && allErrored(r);
      if (!first) continue;
      nothingMeasured = true;
      log(`every ${label} trial errored (nothing was measured); the first, case ${first}`);
    }

    // Judges below the base's calibration floors cannot block (src/calibrate/gate.ts).
    const judges = judgeGate(
      suite.cases,
      trusted.judge.calibration,
      trusted.judge.floors,
      suite.config.judge?.model,
      trusted.judge.why,
    );
    const compareOptions = {
      gate,
      accepted,
      judges,
      severities: trusted.severities,
      gateNote: trusted.note,
      // Case sources are relative to the suite; links to dataset lines need its repository path.
      suiteDir: dirname(configRel).split(sep).join('/'),
    };

    // Stage 2: re-run the ambiguous cases of undecided modes, base and head interleaved, within
    // the re-run budget. The plan reads statuses only: slim results serve.
    if (gate.adaptive && !options.signal?.aborted && !guard.stopped) {
      // A side that measured nothing makes the verdict an error whatever stage 2 finds.
      const plan = nothingMeasured
        ? { modes: [], caseIds: [], trials: 0, candidates: 0 }
        : planStage2(baseResults, headResults, gate);
      // Recorded even when empty: it tells compare the adaptive design (and its alpha split)
      // was in effect for this run.
      headResults.meta.stage2_modes = [];
      baseResults.meta.stage2_modes = [];
      const deferred = plan.candidates - plan.caseIds.length;
      if (deferred > 0) headResults.meta.stage2_deferred = deferred;
      if (plan.modes.length && plan.caseIds.length) {
        log(rerunLine(plan, gate.rerun_budget, stage1TrialsOf(headResults)));
        const ids = new Set(plan.caseIds);
        const rerunCases = cases.filter((c) => ids.has(c.id));
        const stage2 = await runTrials({
          ...common,
          cases: rerunCases,
          sides: [
            { label: 'base', target: await baseSide(), git: { sha: baseSha }, cache: baseCache },
            { label: 'head', target: headTarget, git: { sha: headSha }, cache: headCache },
          ],
          trials: plan.trials,
          stage: 2,
          firstTrial: settings.trials,
        });
        appendTrials(baseResults, { cases: rerunCases }, stage2.get('base')!);
        appendTrials(headResults, { cases: rerunCases }, stage2.get('head')!);
        recordCache(headResults, headCache);
        recordCache(baseResults, baseCache);
        if (pairwise)
          await gradePairwise({ ...pairs, base: baseResults, head: headResults, stage: 2 });
        headResults.meta.stage2_modes = plan.modes;
        baseResults.meta.stage2_modes = plan.modes;
        headResults.meta.finished_at = new Date().toISOString();
        // Stopped during the re-runs: the stage-2 evidence is partial, so no verdict.
        if (options.signal?.aborted) {
          headResults.meta.interrupted = true;
          baseResults.meta.interrupted = true;
        }
        if (guard.stopped) {
          headResults.meta.stopped = guard.stopped;
          baseResults.meta.stopped = guard.stopped;
        }
      } else if (deferred > 0) {
        log(
          `${plural(deferred, 'ambiguous case')} not re-run: gate.rerun_budget ${gate.rerun_budget} allows less than one case`,
        );
      }
    }
    // The action's store saves the head's entries only when they are not the base's system:
    // it must know the base's fingerprint even when a baseline spared the base side.
    // Without it the store saves nothing: never a reason to fail the run.
    if (options.traceStore && cache && !baseCache)
      await baseWorktree()
        .then((dir) => sideCache(cache, dir, suite, configRel, log, 'base'))
        .catch(() => undefined);

    // Each side to its results file, full traces read back from the journals. The comparison is
    // made from the slim results in memory, as compareFiles makes it from slim results read from
    // files (src/compare/files.ts): in the action the head's code may still be running, and files
    // it can rewrite must not decide the verdict. Only the excerpts' text is read back.
    const outDir = options.outDir ?? join(scratch, 'results');
    const files = {
      base: join(outDir, 'base-results.json'),
      head: join(outDir, 'head-results.json'),
    };
    await writeJson(files.base, baseResults);
    await writeJson(files.head, headResults);
    const comparison = compareSlim(baseResults, headResults, compareOptions);
    for (const j of journals?.values() ?? []) j.close();
    const whole = !options.outDir;
    return {
      suite,
      base: whole ? await readResults(files.base) : baseResults,
      head: whole ? await readResults(files.head) : headResults,
      files: whole ? undefined : files,
      comparison,
      baseSha,
      headSha,
      baseSource,
      gate: trusted,
    };
  } finally {
    await cache?.close().catch(() => undefined);
    for (const t of targets) await t.close().catch(() => undefined);
    for (const c of cleanups) await c().catch(() => undefined);
  }
}

/**
 * A journal per side in `dir`, for the run's trials as they finish (see src/run/journal.ts):
 * the run holds slim copies, and the results files are written from these.
 */
async function openSideJournals(
  dir: string,
  suite: Suite,
  trials: number,
  startedAt: Date,
  labels: string[],
): Promise<Map<string, JournalWriter>> {
  const out = new Map<string, JournalWriter>();
  for (const label of labels) {
    const header = journalHeader({
      suiteHash: suite.hash,
      label,
      trials,
      selection: {},
      caseIds: [],
      startedAt,
    });
    out.set(label, await JournalWriter.create(join(dir, `${label}.journal.jsonl`), header));
  }
  return out;
}

async function ensureCommitForRef(
  root: string,
  ref: string,
  log: (l: string) => void,
): Promise<void> {
  // Only a full sha can be fetched by itself; a branch name is resolved by the caller's fetch.
  if (/^[0-9a-f]{40}$/i.test(ref)) await ensureCommit(root, ref, log);
}

/**
 * Cases of the cached baseline the head's suite no longer has (removed by the PR), as the
 * selection would have picked them on the base: their base results are reused.
 */
function removedFromBaseline(
  baseline: Results,
  headIds: Set<string>,
  selection: Selection,
): { results: CaseResult[]; cases: Case[] } {
  const gone = baseline.cases.filter((c) => !headIds.has(c.id) && c.trials?.length);
  if (!gone.length) return { results: [], cases: [] };
  const asCases = gone.map((c) => ({ id: c.id, tags: Array.isArray(c.tags) ? c.tags : [] }));
  const picked = new Set(selectCases(asCases as Case[], selection).map((c) => c.id));
  return { results: gone.filter((c) => picked.has(c.id)), cases: [] };
}

/**
 * Cases of the base's suite the head's suite no longer has (removed by the PR), as the
 * selection picks them on the base. Empty when the base's suite does not load.
 */
async function removedFromBase(
  baseTree: string | undefined,
  configRel: string,
  headIds: Set<string>,
  selection: Selection,
  log: (l: string) => void,
): Promise<Case[]> {
  if (!baseTree) return [];
  let baseSuite: Suite;
  try {
    baseSuite = await loadSuite(join(baseTree, configRel));
  } catch (err) {
    log(
      `the base's suite does not load, so cases the PR removes are not shown: ${String((err as Error).message).split('\n')[0]}`,
    );
    return [];
  }
  return selectCases(baseSuite.cases, selection).filter((c) => !headIds.has(c.id));
}

/**
 * The base side's results: the cached baseline (restricted to the run's cases, plus the removed
 * cases it holds) and what ran. `cases` is everything the base side selected.
 */
function baseFrom(
  baseline: Results | undefined,
  suite: Suite,
  cases: Case[],
  removed: CaseResult[],
  trials: number,
  ran: Map<string, TrialResult[]> | undefined,
  journal: JournalWriter | undefined,
  info: Parameters<typeof buildResults>[3],
): Results {
  const fresh = buildResults({ suite, cases, trials }, 'base', ran ?? new Map(), info);
  if (!baseline) return fresh;
  const wanted = new Map(cases.map((c) => [c.id, c.hash]));
  const reused = baseline.cases.filter((c) => wanted.get(c.id) === c.hash);
  const results: Results = {
    schema: 'evalgate/results@1',
    meta: {
      ...fresh.meta,
      baseline_of: baseline.meta.git?.sha,
      baseline_at: baseline.meta.finished_at,
      selected: selectedCases([...cases.map((c) => c.id), ...removed.map((c) => c.id)]),
    },
    cases: [...[...reused, ...removed].map((c) => reusedCase(c, journal)), ...fresh.cases],
  };
  return recount(results);
}

/**
 * A baseline case as the base side's: a copy (pairwise grading rewrites trials), its trials held
 * slim in the base's journal when the run spools, so a large baseline is not held whole.
 */
function reusedCase(c: CaseResult, journal: JournalWriter | undefined): CaseResult {
  const copy = caseCopy(c);
  if (journal && Array.isArray(copy.trials))
    copy.trials = copy.trials.map((t) => journal.keep(copy.id, t));
  return copy;
}

function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function stage1TrialsOf(r: Results): number {
  let n = 0;
  for (const c of r.cases) for (const t of c.trials) if (!(t.stage >= 2)) n++;
  return n;
}

/**
 * "re-running 29 of 40 ambiguous cases x 5 trials for tone, refusal (+45% trials; budget +50%)":
 * what stage 2 costs, said before it runs.
 */
export function rerunLine(plan: Stage2Plan, budget: number, stage1Trials: number): string {
  const n = plan.caseIds.length;
  const of =
    plan.candidates > n
      ? `${n} of ${plan.candidates} ambiguous cases`
      : plural(n, 'ambiguous case');
  const share = stage1Trials > 0 ? Math.round((100 * n * plan.trials) / stage1Trials) : 0;
  return `re-running ${of} x ${plural(plan.trials, 'trial')} per side for ${plan.modes.join(', ')} (+${share}% trials; budget +${Math.round(budget * 100)}%)`;
}
