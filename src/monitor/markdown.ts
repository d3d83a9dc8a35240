/**
 * The monitor's markdown: `summary.md` (also the job summary) and the body of its GitHub issue.
 * Mode names and check reasons come from the config and the traces: escaped like every other
 * untrusted text (report/markdown.ts). Pure.
 */
import { int, pct, pts, pValue } from '../report/format.ts';
import { code, inline } from '../report/markdown.ts';
import type { ModeReport, MonitorReport } from './report.ts';
import { windowText } from './report.ts';
import type { ModeVerdict, RateStats } from './stats.ts';

export const VERDICT_TEXT: Record<ModeVerdict, string> = {
  worsened: 'worsened',
  improved: 'improved',
  steady: 'steady',
  too_few_traces: 'too few traces',
};

/** "82% (76–87%) of 200". */
export function rateCell(r: RateStats): string {
  if (r.rate === null || !r.ci) return `– of 0`;
  return `${pct(r.rate)} (${pct(r.ci[0])}–${pct(r.ci[1])}) of ${int(r.n)}`;
}

/** "2026-11-30 09:00" (UTC, minutes): windows end on whole minutes in practice. */
export function shortTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function headline(r: MonitorReport): string {
  const n = r.worsened.length;
  return n === 0
    ? 'evalgate monitor: no failure mode worsened'
    : `evalgate monitor: ${n} failure mode${n === 1 ? '' : 's'} worsened (${r.worsened.join(', ')})`;
}

function row(m: ModeReport): string {
  const verdict = VERDICT_TEXT[m.verdict];
  return `| ${code(m.mode)} | ${rateCell(m.latest)} | ${rateCell(m.previous)} | ${m.change === null ? '–' : `${pts(m.change)} pts`} | ${pValue(m.p_worse ?? undefined)} | ${pValue(m.p_worse_adjusted ?? undefined)} | ${int(m.latest.error)} | ${m.verdict === 'worsened' ? `**${verdict}**` : verdict} |`;
}

export function monitorMarkdown(r: MonitorReport): string {
  const latest = r.windows[r.windows.length - 1];
  const first = r.windows[0];
  const lines = [
    `### ${inline(headline(r))}`,
    '',
    `Pass rate per failure mode in the latest window (${shortTime(latest.start)} to ${shortTime(latest.end)} UTC, ${windowText(r.window_ms)}) against the previous ${r.previous_windows} window${r.previous_windows === 1 ? '' : 's'} pooled (from ${shortTime(first.start)}), with 95% Wilson intervals. Fisher's exact test, one-sided for worse, Holm over ${r.modes.filter((m) => m.p_worse !== null).length} tested mode(s) at alpha ${r.alpha}.`,
    '',
    '| Failure mode | Latest window | Previous windows | Change | p (worse) | p (Holm) | Check errors | Verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.modes.map(row),
    '',
    `${int(r.traces.read)} trace(s) read, ${int(r.traces.in_windows)} in the ${r.windows.length} windows` +
      (r.traces.before_windows ? `, ${int(r.traces.before_windows)} older` : '') +
      (r.traces.after_now ? `, ${int(r.traces.after_now)} after ${shortTime(r.now)}` : '') +
      (r.traces.errored
        ? `; ${int(r.traces.errored)} trace(s) errored (their checks count as errors)`
        : '') +
      '. Check errors are neither passes nor failures: they are left out of the rates.',
  ];
  const errored = r.modes.filter((m) => m.first_error);
  if (errored.length) {
    lines.push('');
    for (const m of errored) {
      const e = m.first_error!;
      lines.push(
        `- First check error of ${code(m.mode)}: ${inline(e.reason, 200)} (${inline(`${e.file}:${e.line}`, 120)}${e.trace_id ? `, trace ${code(e.trace_id, 64)}` : ''})`,
      );
    }
  }
  const few = r.modes.filter((m) => m.verdict === 'too_few_traces');
  if (few.length)
    lines.push(
      '',
      `Too few traces: ${few.map((m) => code(m.mode)).join(', ')}: no outcome of the latest window could be significant at alpha ${r.alpha} with so few traces with a known outcome.`,
    );
  return `${lines.join('\n')}\n`;
}
