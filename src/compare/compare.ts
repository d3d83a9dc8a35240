/**
 * base Results + head Results -> Comparison (docs/statistics.md). Pure: no I/O.
 *
 * Hot path: the trials are scanned once into per-mode integer count arrays (prepare.ts); the
 * tests run on those arrays (mode-test.ts, mode-verdicts.ts). Only then are the per-case objects
 * of the output built (case-labels.ts), and the verdict decided (verdict.ts).
 */
import { ERRORS_MODE } from '../defaults.ts';
import type {
  Comparison,
  GateConfig,
  ModeComparison,
  Results,
  RunCounts,
  SampleInfo,
  Severity,
  Stage2Cost,
} from '../types.ts';
import { stage2Modes } from './adaptive.ts';
import { buildCases, type PendingExcerpt } from './case-labels.ts';
import { completeness } from './completeness.ts';
import { resolveGate } from './gate.ts';
import { modeVerdicts } from './mode-verdicts.ts';
import { applyJudgeGate, withoutChecks } from './judges.ts';
import type { JudgeGate } from '../calibrate/gate.ts';
import { detectableDrop } from './power.ts';
import { BASE, HEAD, prepare, type Prepared, type SideScan } from './prepare.ts';
import { sideSummary } from './sides.ts';
import { decide, errorShare } from './verdict.ts';

export { DEFAULT_GATE } from '../defaults.ts';
export { planStage2 } from './adaptive.ts';
export { CASE_FDR } from './case-labels.ts';

export interface CompareOptions {
  gate?: Partial<GateConfig>;
  /**
   * Trusted severities (a pull request's base config): a mode listed here has this severity
   * whatever the results files record; other modes keep the results'.
   */
  severities?: Record<string, Severity>;
  /** The accept label is on the PR: a block becomes a pass, with its reasons kept. */
  accepted?: boolean;
  /** One line about the gate, carried to the reports (see Comparison.gate_note). */
  gateNote?: string;
  basePath?: string;
  headPath?: string;
  /**
   * The suite's folder relative to the repository root ('' at the root), for links to dataset
   * lines (case sources are relative to the suite). See Comparison.suite_dir.
   */
  suiteDir?: string;
  /**
   * Judges and their standing against human labels (src/calibrate/gate.ts): the regressions
   * that rest on judges below the floors do not block. From a trusted place only (a pull
   * request's base commit).
   */
  judges?: JudgeGate;
  /**
   * The results were read slim (src/run/results-stream.ts: no trace text): excerpts are not
   * built here but listed in this array, for the caller to build from the full cases.
   */
  pendingExcerpts?: PendingExcerpt[];
}

const cents = (n: number) => Math.round(n * 1e6) / 1e6;

/** Each mode's cost per side (ModeComparison.cost_usd), when the runs recorded any cost. */
function addModeCosts(modes: Comparison['modes'], p: ReturnType<typeof prepare>): void {
  if (!p.modeCost.some((x) => x > 0) && !p.modeJudgeCost.some((x) => x > 0)) return;
  const index = new Map(p.modes.map((m, i) => [m, i]));
  for (const m of modes) {
    const mi = index.get(m.mode);
    if (mi === undefined || mi * 2 + 1 >= p.modeCost.length) continue;
    const side = (s: number) => ({
      system: cents(p.modeCost[mi * 2 + s]),
      judge: cents(p.modeJudgeCost[mi * 2 + s]),
    });
    m.cost_usd = { base: side(BASE), head: side(HEAD) };
  }
}

export function compare(base: Results, head: Results, options: CompareOptions = {}): Comparison {
  const gate = resolveGate(head, options.gate);
  const p = prepare(base, head);
  const recorded: Record<string, { severity: Severity }> = {
    ...(base.meta?.failure_modes ?? {}),
    ...(head.meta?.failure_modes ?? {}),
  };
  const severityOf = (mode: string): Severity =>
    options.severities?.[mode] ??
    recorded[mode]?.severity ??
    (mode === ERRORS_MODE ? gate.errors_severity : 'info');
  // The adaptive design was in effect when the run recorded its stage-2 plan (runPr writes
  // `stage2_modes`, empty when nothing needed a re-run): then stage 1 spends only 0.2 alpha,
  // whether or not stage 2 ran. Two plain runs compared by hand never planned a stage 2 and keep
  // the whole alpha.
  const adaptive = !gate.robust && Array.isArray(head.meta?.stage2_modes);
  const { modes, stage2Used } = modeVerdicts(p, {
    gate,
    adaptive,
    stage2: stage2Modes(head),
    severityOf,
  });

  if (options.judges) {
    const gateOf = options.judges;
    applyJudgeGate(modes, gateOf, () => {
      const q = prepare(
        withoutChecks(base, gateOf.uncalibrated),
        withoutChecks(head, gateOf.uncalibrated),
      );
      return modeVerdicts(q, { gate, adaptive, stage2: stage2Modes(head), severityOf }).modes;
    });
  }
  addModeCosts(modes, p);
  const gaps = completeness(base, head, p);
  const caseOut = buildCases(base, head, p, modes, gaps.notRun, options.pendingExcerpts);

  const baseSide = sideSummary(base, p.scan[BASE], p, options.basePath);
  const headSide = sideSummary(head, p.scan[HEAD], p, options.headPath);
  const { verdict, reasons, accepted } = decide({
    base,
    head,
    gate,
    modes,
    cases: caseOut,
    counts: {
      base: firstStage(baseSide.counts, p.scan[BASE]),
      head: firstStage(headSide.counts, p.scan[HEAD]),
    },
    gaps,
    accepted: options.accepted,
  });

  const out: Comparison = {
    schema: 'evalgate/comparison@1',
    verdict,
    reasons,
    gate,
    base: baseSide,
    head: headSide,
    modes,
    cases: caseOut.cases,
    counts: caseOut.counts,
    error_share: {
      base: errorShare(firstStage(baseSide.counts, p.scan[BASE])),
      head: errorShare(firstStage(headSide.counts, p.scan[HEAD])),
    },
  };
  if (accepted) out.accepted = true;
  const traceUrl = head.meta?.trace_url ?? base.meta?.trace_url;
  if (traceUrl) out.trace_url = traceUrl;
  if (adaptive && stage2Used.length > 0) out.stage2_modes = stage2Used;
  const stage2 = adaptive ? stage2Cost(p, head) : undefined;
  if (stage2) out.stage2 = stage2;
  if (gaps.base || gaps.head) {
    out.incomplete = {};
    if (gaps.base) out.incomplete.base = gaps.base;
    if (gaps.head) out.incomplete.head = gaps.head;
  }
  if (options.gateNote) out.gate_note = options.gateNote;
  if (typeof options.suiteDir === 'string') out.suite_dir = normaliseDir(options.suiteDir);
  const sample = sampleInfo(head, modes, gate, adaptive);
  if (sample) out.sample = sample;
  return out;
}

function normaliseDir(dir: string): string {
  return dir
    .split(/[\\/]+/)
    .filter((s) => s && s !== '.')
    .join('/');
}

/**
 * A head that ran fewer cases than its suite has (`pull_request.sample`, tags, a filter): per
 * blocking mode, the smallest drop the sample detects with 80% power (src/compare/power.ts).
 */
function sampleInfo(
  head: Results,
  modes: ModeComparison[],
  gate: GateConfig,
  adaptive: boolean,
): SampleInfo | undefined {
  const of = head.meta?.suite_cases;
  const ran = head.meta?.selected?.count;
  if (typeof of !== 'number' || typeof ran !== 'number' || ran >= of || head.meta?.shard)
    return undefined;
  const trials = typeof head.meta.trials === 'number' ? head.meta.trials : 1;
  const tested = modes.filter((m) => m.paired_cases > 0).length;
  return {
    cases: ran,
    of,
    modes: modes
      .filter((m) => m.blocking && m.paired_cases > 0)
      .map((m) => {
        const d = detectableDrop({
          cases: m.paired_cases,
          trials,
          alpha: gate.alpha,
          modes: tested,
          minDrop: gate.min_drop,
          adaptive: adaptive || (!!gate.adaptive && !gate.robust),
          rerunTrials: gate.rerun_trials,
          rerunBudget: gate.rerun_budget,
        });
        const entry: SampleInfo['modes'][number] = {
          mode: m.mode,
          cases: m.paired_cases,
          can_regress: d.canRegress,
        };
        if (d.drop !== undefined) entry.drop = d.drop;
        return entry;
      }),
  };
}

/**
 * A side's counts without its adaptive re-runs. The error share is judged on these: the re-runs
 * go to ambiguous cases, and a head that crashes on some cases has those among them, so errors
 * are over-represented in stage 2 by design (not a higher error rate).
 */
function firstStage(c: RunCounts, sc: SideScan): RunCounts {
  if (!sc.stage2Trials) return c;
  return { ...c, trials: c.trials - sc.stage2Trials, error: c.error - sc.stage2Errors };
}

/** What the adaptive re-runs cost next to the first stage (both sides), when any ran. */
function stage2Cost(p: Prepared, head: Results): Stage2Cost | undefined {
  const [b, h] = p.scan;
  const trials = b.stage2Trials + h.stage2Trials;
  if (trials === 0) return undefined;
  const first = b.counts.trials + h.counts.trials - trials;
  const out: Stage2Cost = {
    cases: Math.max(b.stage2Cases, h.stage2Cases),
    trials,
    share: first > 0 ? trials / first : 0,
  };
  const deferred = head.meta?.stage2_deferred;
  if (typeof deferred === 'number' && Number.isInteger(deferred) && deferred > 0)
    out.deferred = deferred;
  return out;
}
