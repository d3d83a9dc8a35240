import type { JudgeClient } from '../checks/definition.ts';
import { createTarget } from '../targets/index.ts';
import type { Target } from '../targets/target.ts';
import type { Results, Suite } from '../types.ts';
import { gitInfo } from '../run/git.ts';
import type { ProgressSink } from '../run/progress.ts';
import type { SimulatorClient } from '../run/simulator.ts';
import { RunGuard } from '../run/guard.ts';
import { buildResults, runTrials } from '../run/runner.ts';
import { openJournal } from '../run/journal.ts';
import { selectCases, type Selection } from '../run/select.ts';
import { registerSuiteSecrets } from '../secrets.ts';
import { checkOutline } from '../suite/held-case.ts';
import type { TraceStore } from '../run/trace-cache.ts';
import { configRelTo, openTraceCache, recordCache, runTree, sideCache } from './cache.ts';

export interface RunOverrides {
  trials?: number;
  concurrency?: number;
  timeoutMs?: number;
  retries?: number;
  /** USD budget of the run (the config's max_cost unless given). */
  maxCost?: number;
  /** `--no-cache`: every trial calls the target (see src/run/trace-cache.ts). */
  noCache?: boolean;
  /** The action's in-memory trace store, in place of the cache folder (src/github/trace-cache.ts). */
  traceStore?: TraceStore;
}

export interface RunSuiteOptions extends RunOverrides {
  suite: Suite;
  selection?: Selection;
  label?: string;
  signal?: AbortSignal;
  progress?: ProgressSink;
  /** Environment for the system under test (e.g. OPENAI_API_KEY from an action input). */
  env?: Record<string, string>;
  log?: (line: string) => void;
  /**
   * Append each finished trial to this journal file as it completes. With `resume`, an existing
   * journal of the same run is continued: its trials are not run again. The returned results
   * then hold slim trials (src/run/slim.ts) whose traces are read back from the journal when
   * writeJson writes them: write them before the journal is deleted.
   */
  journal?: { path: string; resume?: boolean };
}

/** Check types graded by the judge model (goal_reached only with a goal in words). */
const JUDGED = new Set(['judge', 'faithful', 'answers_question', 'follows_policy', 'pairwise']);

/**
 * The judge a suite asks for, or undefined when it has no judge checks. The openai client is
 * imported only then: it is a third of our start-up memory, and most PR runs never grade.
 */
export async function judgeFor(
  suite: Suite,
  env: Record<string, string | undefined> = process.env,
): Promise<JudgeClient | undefined> {
  const { judge } = suite.config;
  const graded = (k: { type: string; goal?: unknown }) =>
    JUDGED.has(k.type) || (k.type === 'goal_reached' && k.goal !== undefined);
  if (!judge || !suite.cases.some((c) => checkOutline(c).some(graded))) return undefined;
  return openJudge(suite, env);
}

/** The suite's judge client (base_url_env resolved), whether or not a case uses it. */
export async function openJudge(
  suite: Suite,
  env: Record<string, string | undefined> = process.env,
): Promise<JudgeClient> {
  const judge = { ...suite.config.judge! };
  // A server whose address is known only at run time (started by a script, a CI service).
  const url = judge.base_url_env ? env[judge.base_url_env] : undefined;
  if (url) judge.base_url = url;
  const { createJudge } = await import('../checks/model/judge.ts');
  return createJudge(judge, {
    apiKey: env[judge.api_key_env ?? 'OPENAI_API_KEY'],
    cacheDir: `${suite.rootDir}/.evalgate/judge-cache`,
    prices: suite.config.prices,
  });
}

/**
 * The simulated user's model, or undefined when no case has a `simulated_user`. Imported only
 * then, like the judge.
 */
export async function simulatorFor(
  suite: Suite,
  env: Record<string, string | undefined> = process.env,
): Promise<SimulatorClient | undefined> {
  const { simulator } = suite.config;
  if (!simulator || !suite.cases.some((c) => c.simulated_user)) return undefined;
  const { createSimulator } = await import('../run/simulator.ts');
  return createSimulator(simulator, { apiKey: env[simulator.api_key_env ?? 'OPENAI_API_KEY'] });
}

/** Effective run settings: the config's, overridden by flags or action inputs. */
export function runSettings(suite: Suite, o: RunOverrides) {
  return {
    trials: o.trials ?? suite.config.trials,
    concurrency: o.concurrency ?? suite.config.concurrency,
    timeoutMs: o.timeoutMs ?? suite.config.timeout_ms,
    retries: o.retries ?? suite.config.retries,
  };
}

/** The guard of one run: its max_cost budget (a flag wins over the config), its log. */
export function runGuard(
  suite: Suite,
  o: RunOverrides,
  log?: (line: string) => void,
  maxCost = o.maxCost ?? suite.config.max_cost,
): RunGuard {
  return new RunGuard({ maxCostUsd: maxCost, log });
}

/** `evalgate run`: one suite, one side, in the suite's own tree. */
export async function runSuite(options: RunSuiteOptions): Promise<Results> {
  const { suite } = options;
  registerSuiteSecrets(suite.config, { ...process.env, ...options.env });
  const settings = runSettings(suite, options);
  const cases = selectCases(suite.cases, options.selection ?? {});
  const label = options.label ?? 'run';
  const journal = options.journal
    ? await openJournal(
        options.journal,
        {
          suiteHash: suite.hash,
          label,
          trials: settings.trials,
          selection: options.selection ?? {},
          caseIds: cases.map((c) => c.id),
          startedAt: new Date(),
        },
        options.log ?? (() => {}),
      )
    : undefined;
  const startedAt = journal?.startedAt ?? new Date();
  let target: Target | undefined;
  const guard = runGuard(suite, options, options.log);
  const tree = await runTree(suite);
  const cache = tree ? openTraceCache(tree, suite, options.noCache, options.traceStore) : undefined;
  try {
    const cached = tree
      ? await sideCache(cache, tree, suite, configRelTo(tree, suite), options.log ?? (() => {}))
      : undefined;
    target = await createTarget(suite.config.target, {
      rootDir: suite.rootDir,
      concurrency: settings.concurrency,
      env: options.env,
      log: options.log,
      prices: suite.config.prices,
    });
    const trials = await runTrials({
      suite,
      cases,
      sides: [{ label, target, cache: cached }],
      ...settings,
      signal: options.signal,
      progress: options.progress,
      judge: await judgeFor(suite, { ...process.env, ...options.env }),
      simulator: await simulatorFor(suite, { ...process.env, ...options.env }),
      finished: journal?.finished,
      guard,
      // Each trial goes to the journal as it finishes; the run keeps only a slim copy, and the
      // results file is written from the journal (src/run/spool.ts).
      keep: journal && ((_side, caseId, result) => journal.writer.keep(caseId, result)),
    });
    const results = buildResults(
      { suite, cases, trials: settings.trials },
      label,
      trials.get(label)!,
      {
        git: await gitInfo(suite.rootDir),
        startedAt,
        finishedAt: new Date(),
        interrupted: options.signal?.aborted,
        stopped: guard.stopped,
        shard: options.selection?.shard,
      },
    );
    recordCache(results, cached);
    return results;
  } finally {
    await cache?.close().catch(() => undefined);
    journal?.writer.close();
    await target?.close();
  }
}
