/**
 * The overall verdict and its reasons (docs/statistics.md "The verdict per mode, and the gate").
 * Fails closed: an incomplete side, a side without usable cases or too many errored trials is
 * an `error`, whatever the modes say; only then do blocking regressions block.
 */
import type { Comparison, GateConfig, ModeComparison, Results, RunCounts } from '../types.ts';
import type { CaseBuild } from './case-labels.ts';
import { gapReason, type Completeness } from './completeness.ts';
import { trialsOf } from './prepare.ts';
import { wilson } from './stats.ts';
import { pct, pts } from './text.ts';

export interface VerdictInput {
  base: Results;
  head: Results;
  gate: GateConfig;
  modes: ModeComparison[];
  cases: CaseBuild;
  counts: { base: RunCounts; head: RunCounts };
  gaps: Completeness;
  accepted?: boolean;
}

export function errorShare(c: RunCounts): number {
  return c.trials > 0 ? c.error / c.trials : 0;
}

export function decide(x: VerdictInput): {
  verdict: Comparison['verdict'];
  reasons: string[];
  accepted: boolean;
} {
  const { gate, modes, cases } = x;
  const reasons: string[] = [];
  let verdict: Comparison['verdict'] = 'pass';
  let accepted = false;

  // First: what the comparison lacks. The headline shows the first reason.
  for (const name of ['head', 'base'] as const) {
    const gap = x.gaps[name];
    if (!gap) continue;
    verdict = 'error';
    reasons.push(gapReason(name, gap));
  }
  const usable = (r: Results) =>
    (r.cases ?? []).filter((c) => trialsOf(c).some((t) => t.status !== 'error')).length;
  for (const [name, r] of [
    ['base', x.base],
    ['head', x.head],
  ] as const) {
    if (usable(r) === 0) {
      verdict = 'error';
      reasons.push(`${name} has no usable cases (no cases, or every trial errored)`);
    }
  }
  for (const name of ['base', 'head'] as const) {
    const sh = errorShare(x.counts[name]);
    if (sh > gate.max_error_share) {
      verdict = 'error';
      reasons.push(`${name}: ${pct(sh)} of trials errored (limit ${pct(gate.max_error_share)})`);
    }
  }
  for (const mc of modes) {
    if (mc.verdict !== 'regressed') continue;
    const line = `${mc.mode} fell from ${pct(mc.base.rate)} to ${pct(mc.head.rate)} (${pts(mc.effect)} pts, 95% CI ${pts(mc.effect_ci[0])} to ${pts(mc.effect_ci[1])})`;
    if (mc.blocking) {
      if (verdict !== 'error') verdict = 'block';
      reasons.push(line);
    } else if (mc.demoted) reasons.push(`${line}; does not block: ${mc.demoted}`);
    else reasons.push(`${line}; ${mc.severity} does not block`);
  }
  const { removedFailing } = cases;
  if (removedFailing.length > 0) {
    const shown =
      removedFailing.slice(0, 5).join(', ') +
      (removedFailing.length > 5 ? `, and ${removedFailing.length - 5} more` : '');
    reasons.push(
      `warning: ${removedFailing.length} removed case(s) were failing on base (${shown}); removing a failing case is not a fix`,
    );
  }
  if (cases.counts.added > 0) {
    const [lo, hi] = wilson(cases.addedPasses, cases.addedTrials);
    const rate = cases.addedTrials > 0 ? cases.addedPasses / cases.addedTrials : 0;
    reasons.push(
      `${cases.counts.added} added case(s): ${pct(rate)} of their trials pass (95% CI ${pct(lo)} to ${pct(hi)})`,
    );
  }
  if (verdict === 'block' && x.accepted) {
    verdict = 'pass';
    accepted = true;
    reasons.push(acceptedReason(gate));
  }
  if (
    verdict === 'pass' &&
    !accepted &&
    !modes.some((m) => m.verdict === 'regressed' && m.blocking)
  ) {
    reasons.unshift('no failure mode of a blocking severity regressed');
  }
  return { verdict, reasons, accepted };
}

function acceptedReason(gate: GateConfig): string {
  return `accepted: the "${gate.accept_label}" label turns the block into a pass`;
}

/**
 * The comparison with the accept label on (`accepted`) or off, as `compare` would have made it
 * with that label: a block becomes an accepted pass, and back. For the action's accept-label
 * run, which reuses the comparison of the same base and head instead of running again.
 */
export function withAccepted(c: Comparison, accepted: boolean): Comparison {
  if (!accepted === !c.accepted) return c;
  const reason = acceptedReason(c.gate);
  if (accepted) {
    if (c.verdict !== 'block') return c;
    return { ...c, verdict: 'pass', accepted: true, reasons: [...c.reasons, reason] };
  }
  const { accepted: _, ...rest } = c;
  const reasons = [...c.reasons];
  const at = reasons.lastIndexOf(reason);
  if (at >= 0) reasons.splice(at, 1);
  return { ...rest, verdict: 'block', reasons };
}
