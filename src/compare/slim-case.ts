/**
 * Cases as compareFiles keeps them while it reads two results files: slimmer than the slim cases
 * of src/run/results-stream.ts, because a comparison reads less of a trial.
 *
 * At 100,000 cases x 3 trials per side, one object per trial was most of what a comparison held
 * (600,000 of them). But a trial that passed every check without a trace error, judge usage or
 * retries differs from another such trial only in what a comparison never reads (its duration
 * and attempts): its slim checks and slim trace are already shared objects (src/run/slim.ts).
 * So such trials are shared too, by (trial, stage, status, checks, trace), and so are the trial
 * lists made only of shared trials. A trial that failed or errored keeps its own object.
 *
 * What a comparison reads of a trial: trial, stage, status, checks and of its trace the error,
 * usage, latency and trace id (src/compare/prepare.ts, case-labels.ts, sides.ts). Nothing in a
 * comparison changes a case or trial it was given, so sharing never changes what is read.
 */
import type { CaseResult, TrialResult } from '../types.ts';
import { slimTrial } from '../run/slim.ts';

/** Bounds of the shared tables (the bench needs a handful of entries; a real suite hundreds). */
const MAX_SHARED = 50_000;

/**
 * Ids of objects seen in an earlier trial: a checks list or trace seen twice is a shared one,
 * and only those make a trial worth sharing (a failing trial's own checks list never repeats).
 */
const seen = new WeakMap<object, number>();
let nextId = 0;
function repeatId(o: unknown): number | undefined {
  if (!o || typeof o !== 'object') return undefined;
  const id = seen.get(o);
  if (id === undefined) seen.set(o, ++nextId);
  return id;
}

const allPassed = (checks: TrialResult['checks']) =>
  Array.isArray(checks) && checks.every((ch) => ch?.status === 'pass');
const plainTrace = (t: TrialResult['trace']) =>
  !!t && typeof t === 'object' && !t.error && t.trace_id === undefined && !t.metadata;

const trials = new Map<string, TrialResult>();
const sharedTrialIds = new WeakMap<TrialResult, number>();
const trialLists = new Map<string, TrialResult[]>();

/** The parts of a trial a comparison reads; shared with equal trials where that is safe. */
function compareTrial(t: TrialResult): TrialResult {
  const s = slimTrial(t);
  if (!s || typeof s !== 'object') return s;
  const out = {
    trial: s.trial,
    stage: s.stage,
    status: s.status,
    checks: s.checks,
    trace: s.trace,
  } as TrialResult; // attempts and duration_ms: not read by a comparison
  // Only trials whose checks all passed and whose trace is plain can be equal to another (see
  // src/run/slim.ts); the others are not even looked up, so that a suite whose every trace has
  // its own trace id adds nothing per trial here.
  if (!allPassed(s.checks) || !plainTrace(s.trace)) return out;
  const checks = repeatId(s.checks);
  const trace = repeatId(s.trace);
  if (
    checks === undefined ||
    trace === undefined ||
    typeof s.trial !== 'number' ||
    (s.stage !== undefined && typeof s.stage !== 'number') ||
    typeof s.status !== 'string'
  )
    return out;
  const key = `${checks}\0${trace}\0${s.trial}\0${s.stage}\0${s.status}`;
  const shared = trials.get(key);
  if (shared) return shared;
  if (trials.size < MAX_SHARED) {
    trials.set(key, out);
    sharedTrialIds.set(out, trials.size);
  }
  return out;
}

function compareTrials(list: TrialResult[]): TrialResult[] {
  const out = list.map(compareTrial);
  let key = '';
  for (const t of out) {
    const id = t && typeof t === 'object' ? sharedTrialIds.get(t) : undefined;
    if (id === undefined) return out;
    key += `${id},`;
  }
  const shared = trialLists.get(key);
  if (shared) return shared;
  if (trialLists.size < MAX_SHARED) trialLists.set(key, out);
  return out;
}

/** Arrays repeated across cases (modes, tags), shared by their JSON; bounded. */
const arrays = new Map<string, string[]>();
function shareArray(v: string[]): string[] {
  if (!Array.isArray(v)) return v;
  const key = JSON.stringify(v);
  const got = arrays.get(key);
  if (got) return got;
  if (arrays.size < MAX_SHARED) arrays.set(key, v);
  return v;
}

/**
 * A case's source with its file name shared: JSON.parse gives each case its own copy of a name
 * longer than a few characters ("cases.jsonl"), 200,000 copies for two sides of 100,000 cases.
 */
const files = new Map<string, string>();
function shareFile(source: CaseResult['source']): CaseResult['source'] {
  const file = source && typeof source === 'object' ? source.file : undefined;
  if (typeof file !== 'string') return source;
  const known = files.get(file);
  if (known !== undefined) source.file = known;
  else if (files.size < MAX_SHARED) files.set(file, file);
  return source;
}

/** A case as a comparison keeps it: no input, no trace text, trials shared where equal. */
export function compareCase(c: CaseResult): CaseResult {
  return {
    id: c.id,
    hash: c.hash,
    source: shareFile(c.source),
    tags: shareArray(c.tags),
    input: null,
    modes: shareArray(c.modes),
    trials: compareTrials(c.trials),
  };
}
