/** Number and label formatting shared by the markdown, text and HTML reports. */
import type {
  CaseLabel,
  Comparison,
  FirstError,
  ModeComparison,
  ModeVerdict,
  RateStats,
  Severity,
} from '../types.ts';
import { SEVERITIES } from '../types.ts';

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** 0.8123 -> "81%"; keeps one decimal near the ends where rounding would mislead (99.6% != 100%). */
export function pct(rate: number | undefined): string {
  if (!finite(rate)) return '–';
  const p = rate * 100;
  if (p > 99 && p < 100) return `${p.toFixed(1)}%`;
  if (p > 0 && p < 1) return `${p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/** A rate difference in percentage points, signed: -0.17 -> "-17". */
export function pts(d: number | undefined): string {
  if (!finite(d)) return '–';
  const v = Math.round(d * 100);
  if (v === 0) return d < 0 ? '-0' : '+0';
  return v > 0 ? `+${v}` : `${v}`;
}

export function pValue(p: number | undefined): string {
  if (!finite(p)) return '–';
  if (p < 0.0001) return '<0.0001';
  if (p < 0.001) return p.toFixed(4);
  if (p < 0.01) return p.toFixed(3);
  return p.toFixed(2);
}

export function usd(n: number | undefined): string {
  if (!finite(n)) return '–';
  if (n === 0) return '$0';
  if (Math.abs(n) < 0.01) return `$${n.toFixed(4)}`;
  return `$${n.toFixed(2)}`;
}

export function int(n: number | undefined): string {
  if (!finite(n)) return '–';
  return Math.round(n).toLocaleString('en-US');
}

export function ms(n: number | undefined): string {
  if (!finite(n)) return '–';
  if (n >= 10_000) return `${(n / 1000).toFixed(1)} s`;
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  return `${Math.round(n)} ms`;
}

/** "+21%" relative change, or "" when the base is zero/missing. */
export function relChange(base: number | undefined, head: number | undefined): string {
  if (!finite(base) || !finite(head) || base === 0) return '';
  const r = (head - base) / base;
  const v = Math.round(r * 100);
  return v > 0 ? `+${v}%` : `${v}%`;
}

export function shortSha(sha: string | undefined): string | undefined {
  if (!sha) return undefined;
  return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : sha.slice(0, 12);
}

export const LABEL_TEXT: Record<CaseLabel, string> = {
  new_failure: 'new failure',
  suspected_new_failure: 'suspected new failure',
  fixed: 'fixed',
  // Mixed outcomes within a side, or a change too small to confirm per case.
  flaky: 'flaky or unconfirmed',
  stable_pass: 'stable pass',
  stable_fail: 'stable fail',
  added: 'added',
  removed: 'removed',
  errored: 'errored',
  not_run: 'not run',
};

/** Order in which labels are listed (most important first). */
export const LABEL_ORDER: CaseLabel[] = [
  'new_failure',
  'suspected_new_failure',
  'errored',
  'not_run',
  'fixed',
  'flaky',
  'added',
  'removed',
  'stable_fail',
  'stable_pass',
];

export function severityRank(s: Severity | string | undefined): number {
  const i = SEVERITIES.indexOf(s as Severity);
  return i < 0 ? SEVERITIES.length : i;
}

const VERDICT_RANK: Record<ModeVerdict, number> = {
  regressed: 0,
  inconclusive: 1,
  improved: 2,
  unchanged: 3,
};

/** Regressions first (blocking, then by severity, then the largest drop), then by severity. */
export function sortModes(modes: ModeComparison[]): ModeComparison[] {
  const byName = (a: ModeComparison, b: ModeComparison) =>
    a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0;
  return [...modes].sort((a, b) => {
    const ra = a.verdict === 'regressed';
    const rb = b.verdict === 'regressed';
    if (ra !== rb) return ra ? -1 : 1;
    if (ra) {
      return (
        Number(b.blocking) - Number(a.blocking) ||
        severityRank(a.severity) - severityRank(b.severity) ||
        (a.effect ?? 0) - (b.effect ?? 0) ||
        byName(a, b)
      );
    }
    return (
      severityRank(a.severity) - severityRank(b.severity) ||
      (VERDICT_RANK[a.verdict] ?? 9) - (VERDICT_RANK[b.verdict] ?? 9) ||
      byName(a, b)
    );
  });
}

/** The adjusted p in the direction of the observed change. */
export function modeP(m: ModeComparison): number {
  return m.effect > 0 ? m.p_improved_adjusted : m.p_regressed_adjusted;
}

/** "-17 pts, 95% CI -24 to -10" */
export function changeWithCi(m: ModeComparison): string {
  const [lo, hi] = m.effect_ci ?? [NaN, NaN];
  return `${pts(m.effect)} pts, 95% CI ${pts(lo)} to ${pts(hi)}`;
}

/** The modes whose regression blocks this PR (or would have, when accepted). */
export function blockingRegressions(c: Comparison): ModeComparison[] {
  return sortModes(c.modes.filter((m) => m.verdict === 'regressed' && m.blocking));
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${int(n)} ${n === 1 ? one : many}`;
}

/** Number of cases with a label: the comparison's own count, else counted from the cases. */
export function countOf(c: Comparison, label: CaseLabel): number {
  const n = c.counts?.[label];
  return finite(n) ? n : c.cases.filter((x) => x.label === label).length;
}

/**
 * "3 cases removed by this PR, 2 of them passing on base": deleting cases (that the change
 * broke, or that were failing) must be visible, not quietly leave the suite greener.
 */
export function removedLine(c: Comparison, by: string): string | undefined {
  const n = countOf(c, 'removed');
  if (!n) return undefined;
  let passing = 0;
  for (const k of c.cases ?? []) {
    if (k.label === 'removed' && k.base && k.base.trials > 0 && k.base.passes === k.base.trials)
      passing++;
  }
  const of =
    n === 1
      ? passing
        ? 'passing on base'
        : 'not passing on base'
      : `${passing === 0 ? 'none' : int(passing)} of them passing on base`;
  return `${plural(n, 'case')} removed ${by}, ${of}`;
}

/** A cell for a value no trace reported: absent is not zero. */
export const NOT_REPORTED = 'not reported';

/**
 * A side's rate in a mode's row: "71% (66/93)"; "78% (31 cases)" when re-runs gave cases
 * different numbers of trials (the rate is then the mean of per-case rates, as the change is, and
 * not passes / trials);
 * "all errored" when every trial of the mode errored; "–" when the side has none.
 */
export function rateCell(r: RateStats | undefined): string {
  if (!r) return '–';
  if (!(r.trials > 0)) return r.errors > 0 ? 'all errored' : '–';
  if (r.uneven) return `${pct(r.rate)} (${plural(r.cases, 'case')})`;
  return `${pct(r.rate)} (${int(r.passes)}/${int(r.trials)})`;
}

/** "-25 pts (-35 to -12)"; "–" when no case was paired (there is no change to show). */
export function changeCell(m: ModeComparison): string {
  if (!(m.paired_cases > 0)) return '–';
  const [lo, hi] = m.effect_ci ?? [NaN, NaN];
  return `${pts(m.effect)} pts (${pts(lo)} to ${pts(hi)})`;
}

/**
 * The first lines' statement of what a sample can see, e.g. "Ran a sample of 12 of 64 cases: it
 * can detect a drop of about 35 pts in `refusal_policy`; `privacy` (2 cases) can never block."
 * `name` renders a mode name for the medium. Undefined for a full run.
 */
export function sampleLine(c: Comparison, name: (s: string) => string): string | undefined {
  const s = c.sample;
  if (!s) return undefined;
  const can: string[] = [];
  const weak: string[] = [];
  const cannot: string[] = [];
  for (const m of s.modes ?? []) {
    const what = `${name(m.mode)} (${plural(m.cases, 'case')})`;
    if (!m.can_regress) cannot.push(what);
    else if (m.drop === undefined) weak.push(what);
    else can.push(`${Math.max(1, Math.round(m.drop * 100))} pts in ${name(m.mode)}`);
  }
  let line = `Ran a sample: ${int(s.cases)} of ${plural(s.of, 'case')}`;
  const parts: string[] = [];
  if (can.length) parts.push(`the smallest drop it detects (80% power) is ${listOf(can, 4)}`);
  if (weak.length) parts.push(`no drop in ${listOf(weak, 4)} is detected reliably`);
  if (cannot.length) parts.push(`${listOf(cannot, 4)} can never block`);
  if (parts.length) line += `; ${parts.join('; ')}`;
  return `${line}. A full run sees more.`;
}

function listOf(items: string[], max: number): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${int(rest)} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** "head, case `x`, trial 2: crash: …" parts of a side's first error; `text` renders untrusted text. */
export function firstErrorText(
  side: 'base' | 'head',
  e: FirstError,
  id: (s: string) => string,
  text: (s: string) => string,
): string {
  return `first ${side} error (case ${id(e.case)}, trial ${e.trial + 1}, ${text(e.kind)}): ${text(e.message)}`;
}
