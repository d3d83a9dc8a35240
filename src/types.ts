/**
 * The data model shared by every stage of the pipeline:
 *
 *   suite (config + cases) -> run -> Results (per side) -> compare -> Comparison -> report
 *
 * These are plain JSON-serialisable shapes. The zod schemas in src/suite/ validate what users
 * write (config, cases, traces); the shapes below are what our own stages hand each other.
 */

// ---------------------------------------------------------------------------------------------
// Suite: config and cases
// ---------------------------------------------------------------------------------------------

export type Severity = 'critical' | 'major' | 'minor' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'major', 'minor', 'info'];

export interface FailureMode {
  severity: Severity;
  description?: string;
}

/** Where a case (or a check inside it) was written, for messages and annotations. */
export interface SourceLocation {
  /** Path relative to the suite's root folder (the config file's folder), with `/` separators. */
  file: string;
  /** 1-based line. */
  line: number;
}

interface TargetCommon {
  /** Working directory, relative to the suite root. Default: the suite root. */
  cwd?: string;
  /** Extra environment variables for the system under test. */
  env?: Record<string, string>;
  /**
   * How a multi-turn case reaches the system (docs/targets.md, "Conversations"): `turns` (the
   * default) sends one request per user turn, `whole` sends the whole script in one request.
   */
  conversation?: ConversationMode;
}

export type ConversationMode = 'turns' | 'whole';

/** Spawns `command` once per case: case JSON on stdin, trace JSON on stdout. */
export interface CommandTargetConfig extends TargetCommon {
  kind: 'command';
  command: string;
}

/** A pool of long-lived processes speaking JSON lines: `{"id", "case"}` in, `{"id", "trace"}` out. */
export interface WorkerTargetConfig extends TargetCommon {
  kind: 'worker';
  command: string;
  /** Processes in the pool. Default: min(concurrency, 4). */
  workers?: number;
}

/** POSTs the case to `url`; optionally starts a server first and polls `ready` until it answers. */
export interface HttpTargetConfig extends TargetCommon {
  kind: 'http';
  url: string;
  start?: string;
  ready?: string;
  headers?: Record<string, string>;
  /** How long to wait for `ready`, in ms. Default 30 s. */
  ready_timeout_ms?: number;
}

/** Imports a JS/TS module (path relative to the suite root) and calls `export(case, {signal})`. */
export interface ModuleTargetConfig extends TargetCommon {
  kind: 'module';
  module: string;
  export: string;
}

/**
 * A prompt-only system: a system prompt file, an OpenAI tool-schema file and fixture tool
 * results, run as a multi-turn tool loop against any OpenAI-compatible endpoint (no application
 * code). Paths are relative to the suite root.
 */
export interface OpenAITargetConfig extends TargetCommon {
  kind: 'openai';
  model: string;
  /** A text file: the system message. */
  system_prompt?: string;
  /** A JSON file: the `tools` array of the Chat Completions API. */
  tools?: string;
  /** A folder of `<tool name>.json` results, or a module `./fixtures.mjs#callTool`. */
  fixtures?: string;
  /** Model calls per case before the loop gives up (the trace then records max_steps). */
  max_steps: number;
  temperature?: number;
  max_tokens?: number;
  /** Default: api.openai.com. For Azure, the resource endpoint. */
  base_url?: string;
  /** The environment variable holding the key. Default OPENAI_API_KEY. */
  api_key_env?: string;
  headers?: Record<string, string>;
  azure?: { deployment?: string; api_version: string };
  /** Per request (each retry has its own). Default: the run's per-case timeout. */
  request_timeout_ms?: number;
  /** The SDK's retries of 429, 5xx and connection errors, per request. Default 2. */
  max_retries?: number;
  /** Requests in flight to this base_url at once (shared with a judge on the same URL). */
  max_concurrency?: number;
}

export type TargetConfig =
  | CommandTargetConfig
  | WorkerTargetConfig
  | HttpTargetConfig
  | ModuleTargetConfig
  | OpenAITargetConfig;

export interface JudgeConfig {
  model: string;
  base_url?: string;
  /** Name of the environment variable that holds the key. Default OPENAI_API_KEY. */
  api_key_env?: string;
  /** Per request. Default 60 s. */
  request_timeout_ms?: number;
  /** The SDK's retries of 429, 5xx and connection errors. Default 2. */
  max_retries?: number;
  /** Requests in flight to this base_url at once (shared with an openai target on it). */
  max_concurrency?: number;
  /** The environment variable holding the base URL; when set, it wins over base_url. */
  base_url_env?: string;
  /** Human labels of stored traces (JSON lines, relative to the suite root). */
  labels?: string;
  /** Where `evalgate calibrate` writes its figures; a pull request reads it at its base commit. */
  calibration?: string;
  /** A judge below these floors cannot block (docs/checks.md "Calibration"). */
  min_kappa?: number;
  min_labels?: number;
  min_true_fail_rate?: number;
}

/**
 * The model `evalgate synth` writes variations with (docs/synth.md). Absent: the judge's endpoint.
 * Not part of the suite hash: it changes no result.
 */
export interface SynthConfig {
  model: string;
  base_url?: string;
  /** The environment variable holding the base URL; when set, it wins over base_url. */
  base_url_env?: string;
  /** Name of the environment variable that holds the key. Default OPENAI_API_KEY. */
  api_key_env?: string;
  /** Per request. Default 60 s. */
  request_timeout_ms?: number;
  /** The SDK's retries of 429, 5xx and connection errors. Default 2. */
  max_retries?: number;
  /** Requests in flight to this base_url at once. */
  max_concurrency?: number;
  /** Sampling temperature; unset, 0.7 (variations should differ from each other). */
  temperature?: number;
}

/** The model that plays a case's `simulated_user`, through an OpenAI-compatible endpoint. */
export interface SimulatorConfig {
  model: string;
  base_url?: string;
  /** Name of the environment variable that holds the key. Default OPENAI_API_KEY. */
  api_key_env?: string;
  /** Sampling temperature; unset, the endpoint's default. */
  temperature?: number;
  /** Added to the trial number to seed each conversation. Default 0. */
  seed?: number;
}

export interface GateConfig {
  /** Severities whose significant regression blocks the merge. */
  block: Severity[];
  /** Family-wise one-sided error rate (Holm over the modes). */
  alpha: number;
  /** Ignore drops smaller than this (a rate, 0..1), however certain. */
  min_drop: number;
  /** `unchanged` needs the effect's CI within +-tolerance. */
  tolerance: number;
  /** A run where more than this share of trials errored is an `error` verdict. */
  max_error_share: number;
  /** A PR label that turns a block into a pass with a warning. */
  accept_label: string;
  /** Sign-flip test on per-case differences, for systems whose trials are not independent. */
  robust: boolean;
  /** Adaptive second stage (STATISTICS.md section 5). */
  adaptive: boolean;
  /** Trials per side in the second stage. */
  rerun_trials: number;
  /**
   * The second stage adds at most this share of the first stage's trials (0.5: at most 1.5x in
   * total); the most informative ambiguous cases of the most suspect modes go first.
   */
  rerun_budget: number;
  /**
   * Severity of the built-in `errors` failure mode (a trial passes it when it did not error):
   * a head that crashes where the base answered is gated like any other regression.
   */
  errors_severity: Severity;
}

export interface SuiteConfig {
  version: 1;
  target: TargetConfig;
  /** Glob patterns, relative to the suite root. */
  datasets: string[];
  failure_modes: Record<string, FailureMode>;
  trials: number;
  concurrency: number;
  /** Per-case, per-trial timeout in ms (the config writes `60s`, `500ms`, `2m` or a number of ms). */
  timeout_ms: number;
  /** Retries of transient errors (429, 5xx, connection refused), with exponential backoff. */
  retries: number;
  judge?: JudgeConfig;
  /** Plays the user of cases with `simulated_user`. */
  simulator?: SimulatorConfig;
  /** `evalgate synth`'s model; absent: the judge's. */
  synth?: SynthConfig;
  gate: GateConfig;
  /** What a pull request runs: a tag, or a number of cases (a stable sample). Default: all. */
  pull_request?: { sample?: string | number };
  /**
   * The trace cache (src/run/trace-cache.ts): false turns it off; `files` are the globs of the
   * files that define the system (default: the git-tracked files); `max_mb` bounds its folder.
   */
  cache?: false | { files?: string[]; max_mb?: number };
  /** Deep link into the user's tracing tool; `{trace_id}` is replaced. */
  trace_url?: string;
  /**
   * A budget in USD for one run (`evalgate run`, or both sides of `evalgate pr`): once the
   * trials' cost (system and judge) reaches it, no new trial starts and the run is incomplete.
   */
  max_cost?: number;
  /** Prices per model in USD per 1M tokens, over the built-in table (src/llm/prices.ts). */
  prices?: Record<string, { input: number; output: number }>;
  /** Checks run over production traces by `evalgate monitor` (docs/monitor.md). */
  online?: OnlineConfig;
}

/** The config's `online:` section: what `evalgate monitor` checks, and how it compares windows. */
export interface OnlineConfig {
  /** Length of one time window in ms (the config writes `1d`, `12h`). */
  window_ms: number;
  /** How many windows before the latest it is compared with (pooled). */
  windows: number;
  /** Family-wise error rate over the modes (Holm). */
  alpha: number;
  /** The modes reported, in order: `modes:` when given, else those of the checks. */
  modes: string[];
  /** Only check types that need no expected answer (src/monitor/online-checks.ts). */
  checks: CheckSpec[];
}

/** A check as written in a case. Each type's own fields are validated by its zod schema. */
export interface CheckSpec {
  type: string;
  mode: string;
  [field: string]: unknown;
}

/** One scripted user turn of a multi-turn case. */
export interface ScriptedTurn {
  user: string;
}

/** A user played by a model (the suite's `simulator`) instead of a script. */
export interface SimulatedUser {
  persona: string;
  goal: string;
  /** Most user turns; the conversation may stop earlier (see `stop`, and the `[DONE]` sentinel). */
  max_turns: number;
  /** The user's first message, as written; else the simulator writes it too. */
  first_message?: string;
  /** Stop once the system calls this tool (with arguments including `args`, when given). */
  stop?: { tool: string; args?: Record<string, unknown> };
}

export interface Case {
  id: string;
  /** Passed through to the target untouched. */
  input: unknown;
  context?: Record<string, unknown>;
  tags: string[];
  checks: CheckSpec[];
  /** A scripted conversation: one entry per user turn (docs/config.md, "Conversations"). */
  turns?: ScriptedTurn[];
  /** A user played by a model, instead of `turns`. */
  simulated_user?: SimulatedUser;
  source: SourceLocation;
  /** sha256 of input + context + checks (stable key order): pairs and caches a case. */
  hash: string;
}

export interface Suite {
  /** Absolute path of the config file. */
  configPath: string;
  /** Absolute path of the config file's folder: every path in the suite is relative to it. */
  rootDir: string;
  config: SuiteConfig;
  cases: Case[];
  /** sha256 over the config and the case hashes. */
  hash: string;
}

/** What a target receives: the case without its checks (never show the system its grader). */
export interface CaseRequest {
  id: string;
  input: unknown;
  context: Record<string, unknown>;
  tags: string[];
  /** 0-based trial number; a target may use it as a seed. */
  trial: number;
  /** Present only for multi-turn cases: which turn to answer, or the whole script. */
  conversation?: TurnRequest | WholeConversationRequest;
}

/** `conversation: turns`: one request per user turn. */
export interface TurnRequest {
  mode: 'turns';
  /** 1-based number of the turn to answer. */
  turn: number;
  /** This turn's user message (also the last entry of `messages`). */
  user: string;
  /** The conversation so far, ending with this turn's user message. */
  messages: { role: 'user' | 'assistant'; content: string }[];
  /** What the system returned as `state` on the previous turn (absent on turn 1). */
  state?: unknown;
}

/** `conversation: whole`: the whole script in one request; the system returns every turn. */
export interface WholeConversationRequest {
  mode: 'whole';
  turns: ScriptedTurn[];
}

// ---------------------------------------------------------------------------------------------
// Traces: what a target returns for one case and trial
// ---------------------------------------------------------------------------------------------

export interface ToolCall {
  name: string;
  arguments?: Record<string, unknown>;
  result?: unknown;
  id?: string;
}

export interface RetrievedDoc {
  id?: string;
  text: string;
  score?: number;
  /** Where the document comes from (a file, a URL, a collection): chunks of one doc share it. */
  source?: string;
}

export interface Usage {
  input_tokens?: number;
  output_tokens?: number;
  cost_usd?: number;
}

export interface TraceMessage {
  role: string;
  content?: unknown;
  name?: string;
  tool_calls?: unknown[];
  tool_call_id?: string;
}

export type TraceErrorKind =
  | 'timeout' // the target did not answer within the per-case timeout
  | 'crash' // the process exited non-zero, died, or the module threw
  | 'invalid_output' // the answer was not a valid trace
  | 'http' // an HTTP error status from the target or an API
  | 'rate_limit' // 429
  | 'connection' // refused / reset
  | 'cancelled' // the run was interrupted
  | 'target' // the system reported an error of its own in `error`
  | 'simulator' // the model playing a simulated user failed (HTTP error, unusable reply)
  | 'dataset'; // the case's dataset line changed on disk during the run: the case was not run

export interface TraceError {
  kind: TraceErrorKind;
  message: string;
  /** Worth retrying (429, 5xx, connection refused); decided by the target. */
  transient?: boolean;
  status?: number;
  /** How long the server asked us to wait before retrying (Retry-After), in ms. */
  retry_after_ms?: number;
  /**
   * Every later trial would fail the same way (a missing or rejected API key): the run stops
   * at this trial instead of repeating the error for each.
   */
  fatal?: boolean;
}

/** One turn of a multi-turn trace: the user's message and what the system did with it. */
export interface TraceTurn {
  user: string;
  output: string;
  tool_calls?: ToolCall[];
  retrieved?: RetrievedDoc[];
  messages?: TraceMessage[];
  usage?: Usage;
  latency_ms?: number;
  metadata?: Record<string, unknown>;
}

export interface Trace {
  /** The final answer; '' when there is none. */
  output: string;
  messages?: TraceMessage[];
  tool_calls?: ToolCall[];
  retrieved?: RetrievedDoc[];
  usage?: Usage;
  latency_ms?: number;
  trace_id?: string;
  /** Set when the run of this case errored: then its checks are `error`, never pass or fail. */
  error?: TraceError | null;
  /** What the target wrote to stderr (command and worker targets), cut to a few KB. */
  stderr?: string;
  /** Anything else the target returned, kept for the viewer. */
  metadata?: Record<string, unknown>;
  /**
   * A multi-turn trace keeps every turn here; then the fields above describe the whole
   * conversation: `output` is the last turn's, `tool_calls` and `retrieved` are every turn's in
   * order, `usage` and `latency_ms` the totals.
   */
  turns?: TraceTurn[];
  /**
   * Set only on the view a `turn: n` check sees: the number of the turn its fields describe
   * (then `turns` holds the conversation up to and including that turn).
   */
  turn?: number;
}

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

export type CheckStatus = 'pass' | 'fail' | 'error';

export interface CheckOutcome {
  status: CheckStatus;
  /** One line, for people. */
  reason: string;
  /** Model-graded checks: the tokens and cost of grading (absent when the verdict was cached). */
  usage?: Usage;
  /** Model-graded checks: requests the API client repeated (429, 5xx). */
  retries?: number;
  /** Every later check of this kind would fail the same way (a rejected judge key). */
  fatal?: boolean;
}

export interface CheckResult extends CheckOutcome {
  type: string;
  mode: string;
  /** Index of the check in its case's `checks` list. */
  index: number;
  /** Optional label from the check spec (`name:`), else the type. */
  name?: string;
  /** The turn the check read (`turn:` in its spec); absent: the whole conversation. */
  turn?: number;
}

// ---------------------------------------------------------------------------------------------
// Results: one run of a suite on one side
// ---------------------------------------------------------------------------------------------

export interface TrialResult {
  trial: number;
  /** 1 for the first run, 2 for an adaptive re-run. */
  stage: number;
  status: CheckStatus; // pass: all checks pass; error: trace errored or any check errored; else fail
  checks: CheckResult[];
  trace: Trace;
  attempts: number;
  duration_ms: number;
  /** The trace came from the trace cache: the target was not called for this trial. */
  cached?: true;
}

export interface CaseResult {
  id: string;
  hash: string;
  source: SourceLocation;
  tags: string[];
  /** The input, kept for reports (the case as the target saw it, minus trial). */
  input: unknown;
  /** Failure modes this case's checks guard. */
  modes: string[];
  trials: TrialResult[];
}

export interface RunCounts {
  cases: number;
  trials: number;
  pass: number;
  fail: number;
  error: number;
}

export interface RunMeta {
  tool: 'evalgate';
  version: string;
  /** 'base' | 'head' | 'full' or a user label. */
  label?: string;
  config_path: string;
  /** The suite config the run used, with the values of target `env` and `headers` masked. */
  config?: SuiteConfig;
  suite_hash: string;
  git?: { sha?: string; ref?: string };
  started_at: string;
  finished_at: string;
  duration_ms: number;
  trials: number;
  counts: RunCounts;
  usage: Required<Usage>;
  failure_modes: Record<string, FailureMode>;
  gate: GateConfig;
  trace_url?: string;
  shard?: { index: number; total: number };
  /** True when Ctrl-C (or a signal) stopped the run: what finished is kept. */
  interrupted?: boolean;
  /**
   * Why the run stopped on its own before running every trial (a missing or rejected API key,
   * the max_cost budget): like an interrupted run, it is incomplete.
   */
  stopped?: string;
  /** Tokens and cost of the judge's gradings, apart from the system's (`usage`). */
  judge_usage?: Required<Usage>;
  /** Model API requests that were retried (429, 5xx, timeouts), by the target and the judge. */
  retries?: number;
  /** Base side only: these results reuse a cached baseline of this sha, stored at this time. */
  baseline_of?: string;
  baseline_at?: string;
  /** Failure modes an adaptive second stage re-ran cases for (STATISTICS.md section 5). */
  stage2_modes?: string[];
  /** Ambiguous cases the second stage left out to stay within `gate.rerun_budget`. */
  stage2_deferred?: number;
  /**
   * Cases in the suite before any selection (sample, tags, filter, shard): with `selected`, it
   * tells a sampled run (a pull request's `pull_request.sample`) from a full one.
   */
  suite_cases?: number;
  /**
   * The cases this run selected (after sample, tags, filter, shard): a case among them without
   * any trial was not run, which makes the results incomplete. `hash` is the sha256 of the
   * sorted ids joined by newlines. Absent in results written before evalgate recorded it.
   */
  selected?: SelectedCases;
  /** The trace cache, when on: trials served from it (hits) and trials that called the target. */
  cache?: TraceCacheStats;
}

export interface TraceCacheStats {
  hits: number;
  misses: number;
}

export interface SelectedCases {
  count: number;
  hash: string;
  /** Sorted. */
  ids?: string[];
}

export interface Results {
  schema: 'evalgate/results@1';
  meta: RunMeta;
  cases: CaseResult[];
}

// ---------------------------------------------------------------------------------------------
// Comparison: base results vs head results
// ---------------------------------------------------------------------------------------------

export type ModeVerdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';
export type OverallVerdict = 'pass' | 'block' | 'error';

export type CaseLabel =
  | 'new_failure'
  | 'suspected_new_failure'
  | 'fixed'
  | 'flaky'
  | 'stable_pass'
  | 'stable_fail'
  | 'added'
  | 'removed'
  | 'errored'
  /** On the other side, and selected by this side's run, but it has no trial here: not run. */
  | 'not_run';

/**
 * A side's pass rate in one mode, over the same trials as the mode's effect (docs/statistics.md
 * "One set of trials per row"): the paired cases' trials of every stage. `rate` is the mean of
 * the per-case pass rates, so base.rate - head.rate is -effect; it equals passes / trials when
 * every case has the same number of trials (no adaptive re-runs). A mode with no paired case
 * counts every usable trial of the side instead (it has no effect).
 */
export interface RateStats {
  passes: number;
  /** Usable trials (that did not error for this mode) behind the rate. */
  trials: number;
  /** Cases behind the rate (the paired cases, or the side's cases when none is paired). */
  cases: number;
  /** Trials of this side that errored for this mode (every case of the side). */
  errors: number;
  rate: number;
  /** Wilson 95% interval of passes / trials. */
  ci: [number, number];
  /** Cases do not all have the same number of trials (re-runs): `rate` != passes / trials. */
  uneven?: boolean;
}

export interface ModeComparison {
  mode: string;
  severity: Severity;
  blocking: boolean;
  base: RateStats;
  head: RateStats;
  /** Cases present on both sides with at least one usable trial each. */
  paired_cases: number;
  /** Mean per-case difference of pass rates, head - base. */
  effect: number;
  effect_ci: [number, number];
  p_regressed: number;
  p_improved: number;
  p_regressed_adjusted: number;
  p_improved_adjusted: number;
  /** 'exact' | 'normal' | 'sign-flip' */
  test: string;
  verdict: ModeVerdict;
  /** For inconclusive modes: what more would likely decide it. */
  needed?: { cases?: number; trials?: number; note: string };
  /**
   * What the mode's evidence cost, per side, in USD (present when any trial had a cost):
   * `system` sums the cost of the trials of the cases guarding the mode (a trial counts for each
   * mode its case guards, so modes overlap and do not add up to the side's total); `judge` sums
   * the judge's cost of the mode's own checks.
   */
  cost_usd?: { base: { system: number; judge: number }; head: { system: number; judge: number } };
  /**
   * The mode's model-graded checks, one entry per judge, with its standing against human labels
   * (a pull request: from the base commit's calibration file). Absent: no judge, or no
   * calibration was applied (a plain `evalgate compare`).
   */
  judges?: { title: string; calibrated: boolean; note: string }[];
  /**
   * A regression whose evidence rests on judges below the calibration floors: it does not block
   * (`blocking` is false) and this says why, e.g. "judge not calibrated (kappa 0.41 on 23 labels)".
   */
  demoted?: string;
}

export interface FailingCheck {
  type: string;
  mode: string;
  reason: string;
  name?: string;
}

export interface CaseSide {
  passes: number;
  trials: number;
  errors: number;
  /** Checks that failed in the representative trial (the first failing one, else the first). */
  failing: FailingCheck[];
  /** Index into the results file's `trials` array of that case, for trace links. */
  trial_ref: number;
  trace_id?: string;
}

/**
 * For a new (or suspected) failure, per side: the first trial that fails this mode and its
 * failing checks of this mode, so a report shows the failure it lists the case under.
 */
export interface ModeTrial {
  /** Index into the results file's `trials` array of that case. */
  trial_ref: number;
  /** The checks of this mode that failed in that trial. */
  failing: FailingCheck[];
  trace_id?: string;
}

export interface CaseModeComparison {
  mode: string;
  label: CaseLabel;
  base?: { passes: number; trials: number; errors: number };
  head?: { passes: number; trials: number; errors: number };
  /** New and suspected failures only: a head (and base) trial failing this mode. */
  head_trial?: ModeTrial;
  base_trial?: ModeTrial;
  /** One-sided exact p for this case in this mode (regressed direction for new failures). */
  p?: number;
  /** Benjamini–Hochberg adjusted. */
  q?: number;
}

/** A tool call as an excerpt shows it: its name and its arguments as (cut) JSON. */
export interface ExcerptCall {
  name: string;
  arguments: string;
}

export interface TraceExcerpt {
  input: string;
  output: string;
  /** The head trial's trajectory: its tool calls in order (the first 20). */
  tool_calls: ExcerptCall[];
  retrieved: string[];
  error?: string;
  /** A conversation: each turn's user message and answer, cut (the first 20 turns). */
  turns?: { user: string; output: string }[];
  /**
   * The head and a base trial (one that passes the mode the case newly fails, when there is
   * one) took different trajectories: the base's calls (the first 20), and where they first
   * differ. Absent when the trajectories are the same or the case has no base trial.
   */
  base_tool_calls?: ExcerptCall[];
  divergence?: TrajectoryDivergence;
}

/** The first step (0-based) where two trajectories differ, and each side's call there. */
export interface TrajectoryDivergence {
  step: number;
  /** Absent: the head made no call at this step (it stopped earlier than the base). */
  head?: ExcerptCall;
  /** Absent: the base made no call at this step. */
  base?: ExcerptCall;
}

export interface CaseComparison {
  id: string;
  /** The most important label over its modes (new_failure first). */
  label: CaseLabel;
  source?: SourceLocation;
  tags: string[];
  modes: CaseModeComparison[];
  base?: CaseSide;
  head?: CaseSide;
  /**
   * A short excerpt of a head trace for new and suspected failures: the `head_trial` of the
   * case's most important newly failing mode (its first mode in `modes` with that label).
   */
  excerpt?: TraceExcerpt;
  /** Hash changed between base and head (the case was edited). */
  changed?: boolean;
}

export interface LatencyStats {
  p50: number;
  p95: number;
}

/** The first errored trial of a side (untrusted text: reports escape and redact it). */
export interface FirstError {
  case: string;
  /** 0-based trial number. */
  trial: number;
  kind: string;
  message: string;
}

export interface SideSummary {
  sha?: string;
  ref?: string;
  label?: string;
  counts: RunCounts;
  /** Totals; a field is absent when no trace (nor the judge) reported it: "not reported", not 0. */
  usage: Usage;
  /** The judge's, apart (meta.judge_usage), when the run graded with one. */
  judge_usage?: Required<Usage>;
  /** Model API requests retried (429, 5xx, timeouts) by the target and the judge (meta.retries). */
  retries?: number;
  /** Absent when no trace reported a latency. */
  latency_ms?: LatencyStats;
  /** The first errored trial (trace error, else an errored check), with its message. */
  first_error?: FirstError;
  started_at?: string;
  /** Path of the results file this side came from, as given to compare. */
  results_path?: string;
  /** Stage-1 trials per case (the run's `trials`); adaptive re-runs come on top. */
  trials_per_case?: number;
  /** The trace cache's hits and misses (meta.cache), when it was on. */
  cache?: TraceCacheStats;
}

/** A sampled run: the cases it ran out of the suite's, and per blocking mode what it can see. */
export interface SampleInfo {
  cases: number;
  of: number;
  /** Per blocking mode with cases in the sample: the smallest drop detected with 80% power. */
  modes: { mode: string; cases: number; drop?: number; can_regress: boolean }[];
}

/** What a side's run selected and did not finish. */
export interface SideGap {
  interrupted: boolean;
  /** Why the run stopped on its own (its meta.stopped). */
  stopped?: string;
  /** Cases the run selected (unknown in results that do not record it). */
  selected?: number;
  /** Selected cases without any trial. */
  missing: number;
  /** The first few of them, for messages. */
  missing_ids: string[];
}

export interface Stage2Cost {
  /** Cases re-run (on both sides). */
  cases: number;
  /** Stage-2 trials, both sides together. */
  trials: number;
  /** Stage-2 trials over stage-1 trials, both sides together (0.45: +45% trials). */
  share: number;
  /** Ambiguous cases left out to stay within the budget (when the run recorded it). */
  deferred?: number;
}

export interface Comparison {
  schema: 'evalgate/comparison@1';
  verdict: OverallVerdict;
  /** One line each: why the verdict is what it is. */
  reasons: string[];
  /** The accept label was on the PR and turned a block into a pass. */
  accepted?: boolean;
  gate: GateConfig;
  base: SideSummary;
  head: SideSummary;
  modes: ModeComparison[];
  cases: CaseComparison[];
  counts: Record<CaseLabel, number>;
  /** Share of trials that errored, per side. */
  error_share: { base: number; head: number };
  trace_url?: string;
  /** Adaptive stage 2 ran for these modes. */
  stage2_modes?: string[];
  /** What the adaptive re-runs cost, when any ran. */
  stage2?: Stage2Cost;
  /** Sides that are incomplete (interrupted, or selected cases without a trial): verdict error. */
  incomplete?: { base?: SideGap; head?: SideGap };
  /**
   * The suite's folder relative to the repository root (`/`-separated, '' at the root): case
   * sources are relative to the suite, links to a dataset line need the repository path.
   */
  suite_dir?: string;
  /** The head ran a sample of the suite (`pull_request.sample`): what it can detect. */
  sample?: SampleInfo;
  /**
   * One line about where the gate came from, e.g. "This PR changes the gate (...); the change
   * takes effect after merge." (a pull request is gated by its base's config).
   */
  gate_note?: string;
}
