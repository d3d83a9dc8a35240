/**
 * Is each side complete? A side is incomplete when its run was interrupted, or when cases its
 * own run selected (meta.selected) have no trial. An incomplete side cannot support a verdict:
 * the cases it lacks would otherwise read as removed (or added) and the gate would pass on what
 * was never run.
 */
import type { Results, SideGap } from '../types.ts';
import { BASE, HEAD, type Prepared } from './prepare.ts';

/** How many missing case ids a gap names. */
const NAMED = 20;

export interface Completeness {
  base?: SideGap;
  head?: SideGap;
  /** Per union case: bit 1 << side when it has no trial on that incomplete side (not run). */
  notRun?: Uint8Array;
}

export function completeness(base: Results, head: Results, p: Prepared): Completeness {
  const out: Completeness = {};
  for (const side of [BASE, HEAD]) {
    const r = side === BASE ? base : head;
    const gap = sideGap(r, p, side, (i) => {
      out.notRun ??= new Uint8Array(p.U);
      out.notRun[i] |= 1 << side;
    });
    if (gap) out[side === BASE ? 'base' : 'head'] = gap;
  }
  return out;
}

function sideGap(
  r: Results,
  p: Prepared,
  side: number,
  markNotRun: (i: number) => void,
): SideGap | undefined {
  const index = p.side[side];
  const trialsOn = p.scan[side].caseTrials;
  const ran = (i: number) => index[i] >= 0 && trialsOn[i] > 0;
  const interrupted = r.meta?.interrupted === true;
  // Results are untrusted input: only a string reason counts, cut to one short line.
  const stopped =
    typeof r.meta?.stopped === 'string' && r.meta.stopped
      ? r.meta.stopped.replace(/\s+/g, ' ').slice(0, 300)
      : undefined;
  const selected = r.meta?.selected;
  const ids = Array.isArray(selected?.ids) ? selected.ids : undefined;
  const missingIds: string[] = [];
  let missing = 0;
  let count: number | undefined;
  if (ids) {
    count = ids.length;
    for (const id of ids) {
      const i = typeof id === 'string' ? p.where.get(id) : undefined;
      if (i !== undefined && ran(i)) continue;
      missing++;
      if (missingIds.length < NAMED) missingIds.push(String(id));
      if (i !== undefined) markNotRun(i);
    }
  } else if (typeof selected?.count === 'number' && Number.isFinite(selected.count)) {
    // Only the count is known: the shortfall, without names.
    count = selected.count;
    let have = 0;
    for (let i = 0; i < p.U; i++) if (ran(i)) have++;
    missing = Math.max(0, count - have);
  }
  if (!interrupted && !stopped && missing === 0) return undefined;
  if (!ids) {
    // Which cases were selected is unknown: every case this side lacks may be one it never ran.
    for (let i = 0; i < p.U; i++) if (!ran(i)) markNotRun(i);
  }
  const gap: SideGap = { interrupted, missing, missing_ids: missingIds };
  if (stopped) gap.stopped = stopped;
  if (count !== undefined) gap.selected = count;
  return gap;
}

/** One line naming what a side lacks, e.g. "head is incomplete: 40 of 60 selected cases ...". */
export function gapReason(name: string, gap: SideGap): string {
  const why = gap.stopped ? ` (stopped: ${gap.stopped})` : gap.interrupted ? ' (interrupted)' : '';
  if (gap.missing > 0) {
    const shown = gap.missing_ids.slice(0, 3);
    const more = gap.missing - shown.length;
    const names = shown.length ? `: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : '';
    const what =
      gap.selected !== undefined
        ? `${gap.missing} of ${gap.selected} selected cases`
        : `${gap.missing} selected case${gap.missing === 1 ? '' : 's'}`;
    return `${name} is incomplete: ${what} ${gap.missing === 1 ? 'has' : 'have'} no trial${why}${names}`;
  }
  if (gap.stopped)
    return `${name} stopped before it finished (${gap.stopped}): every selected case has a trial, but not every trial ran`;
  return `${name} was interrupted: every selected case has a trial, but the run stopped before it finished`;
}
