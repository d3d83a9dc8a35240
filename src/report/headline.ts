/**
 * The one-sentence verdict every report starts with. Mode names come from the user's config, so
 * the caller passes `name` to render them for its medium (escaped markdown, plain text).
 */
import type { Comparison, ModeComparison } from '../types.ts';
import { blockingRegressions, changeWithCi, countOf, pct, plural, sortModes } from './format.ts';

export type VerdictKind = 'blocked' | 'passed' | 'error' | 'accepted';

export interface Headline {
  kind: VerdictKind;
  icon: string;
  /** "Blocked", "Passed", "Error", "Interrupted", "Regression accepted". */
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

function failuresClause(c: Comparison): string {
  const nf = countOf(c, 'new_failure');
  const sus = countOf(c, 'suspected_new_failure');
  const parts: string[] = [];
  if (nf > 0) parts.push(plural(nf, 'new failure'));
  if (sus > 0) parts.push(plural(sus, 'suspected new failure'));
  return parts.join(' and ');
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

  // Passed: say the most useful true thing.
  const modes = sortModes(c.modes);
  const minor = modes.filter((m) => m.verdict === 'regressed' && !m.blocking);
  const inconclusive = modes.filter((m) => m.verdict === 'inconclusive');
  const improved = modes.filter((m) => m.verdict === 'improved');
  const bits: string[] = [];
  if (minor.length) {
    bits.push(
      `no blocking failure mode regressed; ${listModes(minor.map((m) => fell(m, name)))} (not blocking)`,
    );
  } else if (inconclusive.length) {
    bits.push(
      `no failure mode regressed significantly, but ${listModes(inconclusive.map((m) => name(m.mode)))} ${
        inconclusive.length === 1 ? 'is' : 'are'
      } inconclusive`,
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
