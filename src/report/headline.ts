/**
 * The one-sentence verdict every report starts with. Mode names come from the user's config, so
 * the caller passes `name` to render them for its medium (escaped markdown, plain text).
 */
import type { Comparison, ModeComparison } from '../types.ts';
import {
  blockingRegressions,
  changeWithCi,
  countOf,
  int,
  pct,
  plural,
  sortModes,
} from './format.ts';

export type VerdictKind = 'blocked' | 'passed' | 'error' | 'accepted';

export interface Headline {
  kind: VerdictKind;
  icon: string;
  /** "Blocked", "Passed", "Passed, with a warning", "Error", "Interrupted", "Regression accepted". */
  title: string;
  /** The sentence after the title, ending with a full stop. */
  text: string;
}

export function verdictKind(c: Comparison): VerdictKind {
  if (c.verdict === 'error') return 'error';
  if (c.accepted) return 'accepted';
  return c.verdict === 'block' ? 'blocked' : 'passed';
}

function fell(m: ModeComparison, name: (s: string) => string): string {
  return `${name(m.mode)} fell from ${pct(m.base.rate)} to ${pct(m.head.rate)} (${changeWithCi(m)})`;
}

function rose(m: ModeComparison, name: (s: string) => string): string {
  return `${name(m.mode)} rose from ${pct(m.base.rate)} to ${pct(m.head.rate)}`;
}

/** "a", "a and b", "a, b and 3 more modes" */
function listModes(items: string[], max = 2): string {
  if (items.length <= max) return items.join(' and ');
  return `${items.slice(0, max).join(', ')} and ${plural(items.length - max, 'more mode')}`;
}

/**
 * Confirmed new failures only: unconfirmed flips ("suspected") are what chance alone produces on
 * an unchanged system, so they never reach the headline (the comment lists them collapsed).
 */
function failuresClause(c: Comparison): string {
  const nf = countOf(c, 'new_failure');
  return nf > 0 ? plural(nf, 'new failure') : '';
}

/**
 * Blocking modes that did not regress although a case in them is a confirmed new failure: the
 * mode's test cannot decide (too few cases, often a sample), so the pass needs a warning.
 */
export function undecidedFailures(c: Comparison): { mode: ModeComparison; cases: number }[] {
  const perMode = new Map<string, number>();
  for (const k of c.cases ?? []) {
    if (k.label !== 'new_failure') continue;
    for (const m of k.modes ?? [])
      if (m.label === 'new_failure') perMode.set(m.mode, (perMode.get(m.mode) ?? 0) + 1);
  }
  return sortModes(c.modes ?? [])
    .filter((m) => m.blocking && m.verdict !== 'regressed' && perMode.has(m.mode))
    .map((m) => ({ mode: m, cases: perMode.get(m.mode)! }));
}

export function headline(
  c: Comparison,
  name: (s: string) => string,
  reason: (s: string) => string,
  acceptLabel: string,
): Headline {
  const kind = verdictKind(c);
  const failures = failuresClause(c);
  const tail = failures ? `; ${failures}.` : '.';

  if (kind === 'error') {
    const why = c.reasons?.[0] ? reason(c.reasons[0]) : 'the comparison could not be completed';
    const share = c.error_share?.head;
    // The gate's own reason usually states the share already; add it only when there is none.
    const errs =
      !c.reasons?.[0] && typeof share === 'number' && share > 0
        ? ` (${pct(share)} of head trials errored)`
        : '';
    // Ctrl-C (or a signal) stopped a side: say so first, it is the one thing to act on.
    const interrupted = !!(c.incomplete?.head?.interrupted || c.incomplete?.base?.interrupted);
    return {
      kind,
      icon: '⚠️',
      title: interrupted ? 'Interrupted' : 'Error',
      text: `${why}${errs}; no verdict on regressions.`,
    };
  }

  const regressed = blockingRegressions(c);
  if (kind === 'blocked' || kind === 'accepted') {
    const what = regressed.length
      ? listModes(regressed.map((m) => fell(m, name)))
      : c.reasons?.[0]
        ? reason(c.reasons[0])
        : 'a blocking failure mode regressed';
    if (kind === 'accepted') {
      return {
        kind,
        icon: '✅',
        title: 'Regression accepted',
        text: `${what}${failures ? `; ${failures}` : ''}; accepted with the ${name(acceptLabel)} label.`,
      };
    }
    return { kind, icon: '❌', title: 'Blocked', text: `${what}${tail}` };
  }

  // Passed, but a blocking mode holds a confirmed new failure its test cannot decide: the
  // verdict stays pass (the gate is the mode's test), the headline must not read as all clear.
  const undecided = undecidedFailures(c);
  if (undecided.length) {
    const first = undecided[0];
    const why = c.sample
      ? `the sample (${plural(c.sample.cases, 'case')} of ${int(c.sample.of)}) is too small for the mode to block`
      : `the mode's test cannot decide with ${plural(first.mode.paired_cases, 'case')}, so it does not block`;
    const more =
      undecided.length > 1 ? ` (and in ${plural(undecided.length - 1, 'more blocking mode')})` : '';
    return {
      kind,
      icon: '⚠️',
      title: 'Passed, with a warning',
      text: `${plural(first.cases, 'confirmed new failure')} in ${name(first.mode.mode)} (${first.mode.severity})${more}: ${why}; look at ${first.cases === 1 ? 'it' : 'them'} before merging.`,
    };
  }

  // Passed: say the most useful true thing, and nothing when nothing happened.
  const modes = sortModes(c.modes);
  const minor = modes.filter((m) => m.verdict === 'regressed' && !m.blocking);
  const improved = modes.filter((m) => m.verdict === 'improved');
  const bits: string[] = [];
  if (minor.length) {
    bits.push(
      `no blocking failure mode regressed; ${listModes(minor.map((m) => fell(m, name)))} (not blocking)`,
    );
  } else {
    bits.push(
      `no failure mode regressed (${plural(c.modes.length, 'mode')}, ${plural(c.head.counts?.cases ?? 0, 'case')})`,
    );
  }
  if (improved.length) bits.push(listModes(improved.map((m) => rose(m, name))));
  const fixed = countOf(c, 'fixed');
  if (fixed) bits.push(`${plural(fixed, 'case')} fixed`);
  if (failures) bits.push(failures);
  return { kind, icon: '✅', title: 'Passed', text: bits.join('; ') + '.' };
}
