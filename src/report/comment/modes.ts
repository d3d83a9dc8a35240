/**
 * The failure-mode table. Rows are for modes where something happened; the others are folded
 * into one collapsed line (docs/reports.md "The failure-mode table"), and the sample-size hints
 * of inconclusive modes are collapsed too.
 */
import { markdownTable } from 'markdown-table';
import type { ModeComparison } from '../../types.ts';
import { changeCell, modeP, plural, pValue, rateCell, sortModes } from '../format.ts';
import { code, inline } from '../markdown.ts';
import { collapsible, type Ctx } from './context.ts';
import { rerunNote } from '../rerun-note.ts';
import { modeVerdictCell } from '../verdict-words.ts';

/** Rows beyond this are counted, not shown. */
const ROW_CAP = 200;

/** Modes in which some case is a new, suspected or fixed failure, or errored. */
function modesWithCaseChanges(ctx: Ctx): Set<string> {
  const out = new Set<string>();
  for (const k of ctx.c.cases ?? []) {
    if (k.label === 'stable_pass' || k.label === 'stable_fail') continue;
    for (const m of k.modes ?? []) {
      if (
        m.label === 'new_failure' ||
        m.label === 'suspected_new_failure' ||
        m.label === 'fixed' ||
        m.label === 'errored'
      )
        out.add(m.mode);
    }
  }
  return out;
}

/**
 * Folded: an unchanged mode, or an inconclusive one with nothing to see: no paired case, or a
 * change that rounds to 0 pts with no case newly failing, fixed or errored in it, and no errors.
 */
export function folded(m: ModeComparison, changed: Set<string>): boolean {
  if (m.verdict === 'regressed' || m.verdict === 'improved') return false;
  if ((m.head?.errors ?? 0) > 0 || (m.base?.errors ?? 0) > 0) return false;
  if (changed.has(m.mode)) return false;
  if (m.verdict === 'unchanged') return true;
  return !(m.paired_cases > 0) || Math.round(Math.abs(m.effect ?? 0) * 100) === 0;
}

function row(m: ModeComparison): string[] {
  // The verdict's words are shared with the text report and the viewer (verdict-words.ts); an
  // unknown verdict (a hand-edited comparison) is untrusted text.
  const words = modeVerdictCell(m);
  let verdict = words === String(m.verdict) ? inline(m.verdict, 20) : words;
  // A regression demoted because it rests on uncalibrated judges says so where it is shown.
  if (m.demoted) verdict += `: ${inline(m.demoted, 160)}`;
  return [
    code(m.mode),
    code(m.severity, 20),
    rateCell(m.base),
    rateCell(m.head),
    changeCell(m),
    m.paired_cases > 0 ? pValue(modeP(m)) : '–',
    verdict,
  ];
}

function table(rows: string[][]): string {
  return markdownTable(
    [
      ['Failure mode', 'Severity', 'Base', 'Head', 'Change (95% CI)', 'p (adj.)', 'Verdict'],
      ...rows,
    ],
    { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'], alignDelimiters: false },
  );
}

export function modeSection(ctx: Ctx): string {
  const { c } = ctx;
  if (!c.modes?.length) return '_No failure modes were compared._';
  const modes = sortModes(c.modes);
  const changed = modesWithCaseChanges(ctx);
  const shown = modes.filter((m) => !folded(m, changed));
  const quiet = modes.filter((m) => folded(m, changed));
  const out: string[] = [];
  if (shown.length) out.push(table(shown.slice(0, ROW_CAP).map(row)));
  const notes: string[] = [];
  if (shown.length > ROW_CAP)
    notes.push(`- …and ${plural(shown.length - ROW_CAP, 'more mode')}, in the trace viewer.`);
  const rerun = rerunNote(c, (s) => code(s));
  if (rerun) notes.push(`- ${rerun}`);
  notes.push(...judgeNotes(modes));
  if (notes.length) out.push(notes.join('\n'));
  if (quiet.length) {
    const title = (name: (s: string) => string) => {
      const names = quiet.slice(0, 30).map((m) => name(m.mode));
      if (quiet.length > 30) names.push(`…and ${quiet.length - 30} more`);
      const what = `unchanged or inconclusive with no change: ${names.join(', ')}`;
      return shown.length
        ? `${plural(quiet.length, 'more mode')} ${what}`
        : `All ${plural(quiet.length, 'mode')} ${what}`;
    };
    out.push(collapsible(ctx, title, [table(quiet.slice(0, ROW_CAP).map(row))]));
  }
  const hints = modes
    .slice(0, ROW_CAP)
    .filter((m) => m.verdict === 'inconclusive' && m.needed?.note)
    .map((m) => `- ${code(m.mode)}: ${inline(m.needed!.note, ctx.tier.reasonMax)}`);
  if (hints.length) {
    out.push(
      collapsible(
        ctx,
        () => `What would decide the ${plural(hints.length, 'inconclusive mode')}`,
        hints,
      ),
    );
  }
  return out.join('\n\n');
}

/** Modes with judges listed per mode in the notes; the rest are counted. */
const JUDGE_NOTE_CAP = 20;

/**
 * Per mode graded by judges: each judge's standing against human labels, so a reader knows
 * which judges may block (docs/reports.md "Judges and calibration").
 */
export function judgeNotes(modes: ModeComparison[]): string[] {
  const judged = modes.filter((m) => m.judges?.length);
  const lines = judged.slice(0, JUDGE_NOTE_CAP).map((m) => {
    const judges = m
      .judges!.slice(0, 5)
      .map((j) => `${inline(j.title, 60)}: ${inline(j.note, 120)}`);
    if (m.judges!.length > 5) judges.push(`and ${m.judges!.length - 5} more`);
    const tail = m.demoted
      ? '; its regression rests on uncalibrated judges and does not block'
      : m.judges!.some((j) => !j.calibrated)
        ? '; failures of uncalibrated judges cannot block'
        : '';
    return `- Judges of ${code(m.mode)}: ${judges.join('; ')}${tail}.`;
  });
  if (judged.length > JUDGE_NOTE_CAP)
    lines.push(`- …and ${plural(judged.length - JUDGE_NOTE_CAP, 'more mode')} graded by judges.`);
  return lines;
}
