/**
 * base Results + head Results -> Comparison (docs/statistics.md). Pure: no I/O.
 *
 * Hot path: the trials are scanned once into per-mode integer count arrays (prepare.ts); the
 * tests run on those arrays (mode-test.ts, mode-verdicts.ts). Only then are the per-case objects
 * of the output built (case-labels.ts), and the verdict decided (verdict.ts).
 */
import { ERRORS_MODE } from '../defaults.ts';
import type { Comparison, GateConfig, Results, Severity } from '../types.ts';
import { stage2Modes } from './adaptive.ts';
import { buildCases } from './case-labels.ts';
import { completeness } from './completeness.ts';
import { resolveGate } from './gate.ts';
import { modeVerdicts } from './mode-verdicts.ts';
import { BASE, HEAD, prepare } from './prepare.ts';
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

  addModeCosts(modes, p);
  const gaps = completeness(base, head, p);
  const caseOut = buildCases(base, head, p, modes, gaps.notRun);

  const baseSide = sideSummary(base, p.scan[BASE], options.basePath);
  const headSide = sideSummary(head, p.scan[HEAD], options.headPath);
  const { verdict, reasons, accepted } = decide({
    base,
    head,
    gate,
    modes,
    cases: caseOut,
    counts: { base: baseSide.counts, head: headSide.counts },
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
    error_share: { base: errorShare(baseSide.counts), head: errorShare(headSide.counts) },
  };
  if (accepted) out.accepted = true;
  const traceUrl = head.meta?.trace_url ?? base.meta?.trace_url;
  if (traceUrl) out.trace_url = traceUrl;
  if (adaptive && stage2Used.length > 0) out.stage2_modes = stage2Used;
  if (gaps.base || gaps.head) {
    out.incomplete = {};
    if (gaps.base) out.incomplete.base = gaps.base;
    if (gaps.head) out.incomplete.head = gaps.head;
  }
  if (options.gateNote) out.gate_note = options.gateNote;
  return out;
}
