/**
 * What `evalgate validate` says about a suite that loaded: per failure mode, how many cases test
 * it and the smallest drop the gate can detect with them (src/compare/power.ts), and a warning for
 * modes too small to say much. Pure: suite in, lines out.
 */
import { detectableDrop, POWER_TARGET } from '../compare/power.ts';
import type { Suite } from '../types.ts';

/** Below this many cases a mode gets a warning, whether or not it can regress at all. */
export const FEW_CASES = 5;

export interface ModeCapacity {
  mode: string;
  severity: string;
  blocking: boolean;
  cases: number;
  /** The smallest detectable drop (0..1); undefined when none reaches the power target. */
  drop?: number;
  canRegress: boolean;
  bestP: number;
  level: number;
}

/** Cases per mode (a case counts once per mode however many checks it has there). */
function casesPerMode(suite: Suite): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of suite.cases)
    for (const mode of new Set(c.checks.map((k) => k.mode)))
      counts.set(mode, (counts.get(mode) ?? 0) + 1);
  return counts;
}

export function modeCapacities(suite: Suite): ModeCapacity[] {
  const { gate, trials, failure_modes } = suite.config;
  const counts = casesPerMode(suite);
  // Holm runs over the modes that appear in the results: those with at least one case.
  const tested = [...counts.values()].filter((n) => n > 0).length;
  return Object.entries(failure_modes).map(([mode, fm]) => {
    const cases = counts.get(mode) ?? 0;
    const d = detectableDrop({
      cases,
      trials,
      alpha: gate.alpha,
      modes: tested,
      minDrop: gate.min_drop,
      adaptive: gate.adaptive && !gate.robust,
      rerunTrials: gate.rerun_trials,
      rerunBudget: gate.rerun_budget,
    });
    return {
      mode,
      severity: fm.severity,
      blocking: gate.block.includes(fm.severity),
      cases,
      ...(d.drop !== undefined ? { drop: d.drop } : {}),
      canRegress: cases > 0 && d.canRegress,
      bestP: d.bestP,
      level: d.level,
    };
  });
}

const pts = (x: number) => `${Math.max(1, Math.round(x * 100))} pts`;

function pValue(p: number): string {
  return p >= 0.001 ? String(Number(p.toPrecision(2))) : p.toExponential(1);
}

function detects(m: ModeCapacity): string {
  if (m.cases === 0) return 'no case tests it';
  if (!m.canRegress) return 'can never regress';
  if (m.drop === undefined) return `no drop reaches ${POWER_TARGET * 100}% power`;
  const broken = Math.max(1, Math.round(m.drop * m.cases));
  return `${pts(m.drop)} (${broken} of ${m.cases} cases failing)`;
}

/** The lines `evalgate validate` prints after "ok": the table, the warnings, the model. */
export function capacityLines(suite: Suite): string[] {
  const { gate, trials } = suite.config;
  const rows = modeCapacities(suite);
  const tested = rows.filter((r) => r.cases > 0).length;
  const design = gate.robust
    ? 'robust sign-flip test (the drops below are for the exact test; the sign-flip test needs larger ones)'
    : gate.adaptive
      ? `adaptive re-runs of ${gate.rerun_trials} trials (budget +${Math.round(gate.rerun_budget * 100)}% trials)`
      : 'no re-runs';
  const lines = [
    `gate: alpha ${gate.alpha} one-sided over ${tested} failure mode(s) (Holm), ${trials} trial(s) per side, ${design}, min_drop ${Math.round(gate.min_drop * 100)} pts`,
  ];
  const header = [
    'failure mode',
    'severity',
    'cases',
    `smallest drop detected (${POWER_TARGET * 100}% power)`,
  ];
  const table = rows.map((r) => [
    r.mode,
    r.severity,
    String(r.cases),
    detects(r) + (r.blocking ? '' : `; ${r.severity} does not block`),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...table.map((row) => row[j].length)));
  const fmt = (row: string[]) =>
    '  ' +
    row
      .map((cell, j) =>
        j === 2 ? cell.padStart(widths[j]) : j === row.length - 1 ? cell : cell.padEnd(widths[j]),
      )
      .join('  ');
  lines.push(fmt(header), ...table.map(fmt));

  for (const r of rows) {
    if (r.cases >= FEW_CASES || r.cases === 0) continue;
    const what = r.blocking ? 'block' : 'regress';
    const cases = `${r.cases} case${r.cases === 1 ? '' : 's'}`;
    lines.push(
      r.canRegress
        ? `warning: ${r.mode} has ${cases}: it can ${what} only when nearly all of them fail every head trial; add cases`
        : `warning: ${r.mode} has ${cases}: it can never ${what} (even if every case failed every head trial, p = ${pValue(r.bestP)} > ${pValue(r.level)}); add cases or trials`,
    );
  }
  for (const r of rows)
    if (r.cases === 0) lines.push(`warning: ${r.mode} has no case: it is never tested`);
  lines.push(
    `(drops: a share of the mode's cases that passed every trial now fail every head trial, with 30% of cases flaky; docs/statistics.md)`,
  );
  return lines;
}
