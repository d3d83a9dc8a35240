/**
 * The plain-text report the CLI prints: verdict, per-mode table with aligned columns, new
 * failures with their reasons. Untrusted text is cleaned of control characters (an ESC in a
 * model output must not drive the terminal), flattened to one line and cut.
 */
import { cacheLine } from './cache-line.ts';
import { isSynthetic, originText, splitByOrigin } from '../compare/synthetic.ts';
import type { CaseComparison, Comparison, FailingCheck, Usage } from '../types.ts';
import {
  changeCell,
  countOf,
  firstErrorText,
  int,
  LABEL_TEXT,
  ms,
  modeP,
  NOT_REPORTED,
  plural,
  pValue,
  rateCell,
  removedLine,
  sampleLine,
  shortSha,
  sortModes,
  usd,
} from './format.ts';
import { headline, type Headline } from './headline.ts';
import { clean } from './markdown.ts';
import { modeVerdictWords } from './verdict-words.ts';

function one(v: unknown, max: number): string {
  return clean(v, max).replace(/\s+/g, ' ').trim();
}

/** Display width: wide (emoji, CJK) characters count 2 so columns line up in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x300 && cp <= 0x36f)) continue;
    w +=
      cp >= 0x1100 &&
      (cp <= 0x115f ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0x1f300 && cp <= 0x1faff) ||
        cp >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/** Rows of cells -> aligned lines; `right[i]` right-aligns column i. */
export function alignColumns(rows: string[][], right: boolean[] = []): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  const lines = rows.map((r) =>
    r
      .map((c, i) => pad(c, widths[i], right[i]))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines;
}

/** Comparisons written before per-mode trials: the case's representative trial, this mode's checks. */
function inMode(fs: FailingCheck[] | undefined, mode: string): FailingCheck[] {
  return (fs ?? []).filter((f) => f.mode === mode);
}

function failureLines(k: CaseComparison, marked = false): string[] {
  const modes = k.modes.filter(
    (m) => m.label === 'new_failure' || m.label === 'suspected_new_failure',
  );
  const where = k.source ? ` (${one(k.source.file, 200)}:${k.source.line})` : '';
  const counts = modes.map(
    (m) =>
      `${one(m.mode, 60)} ${m.base ? `${m.base.passes}/${m.base.trials}` : '-'} -> ${m.head ? `${m.head.passes}/${m.head.trials}` : '-'}`,
  );
  const out = [
    `  ${k.label === 'suspected_new_failure' ? '?' : 'x'} ${one(k.id, 120)}${marked && isSynthetic(k) ? ' [synthetic]' : ''}${where}  ${counts.join(', ')}`,
  ];
  // Per listed mode: how many head trials fail it, and the failing checks of one that does.
  for (const m of modes.slice(0, 3)) {
    if (m.head) {
      const failed = Math.max(0, m.head.trials - m.head.passes);
      out.push(`      head: ${failed} of ${m.head.trials} trials fail ${one(m.mode, 60)}`);
      const fails = m.head_trial?.failing ?? inMode(k.head?.failing, m.mode);
      for (const f of fails.slice(0, 3))
        out.push(`        ${one(f.type, 40)}: ${one(f.reason, 200)}`);
    }
    if (m.base) {
      const failed = Math.max(0, m.base.trials - m.base.passes);
      const f = m.base_trial?.failing?.[0] ?? inMode(k.base?.failing, m.mode)[0];
      out.push(
        failed === 0
          ? `      base: ${m.base.passes} of ${m.base.trials} trials pass`
          : `      base: ${failed} of ${m.base.trials} trials fail${f ? `: ${one(f.type, 40)}: ${one(f.reason, 200)}` : ''}`,
      );
    }
  }
  out.push(...trajectoryLines(k));
  return out;
}

/** Names only, `a -> b -> c`, at most 8 steps. */
function names(calls: { name: string }[]): string {
  const shown = calls.slice(0, 8).map((c) => one(c.name, 40));
  return (
    (shown.join(' -> ') || '(none)') + (calls.length > 8 ? ` -> ...${calls.length - 8} more` : '')
  );
}

/** For a head whose tool calls left the base's: both trajectories and the first divergent step. */
function trajectoryLines(k: CaseComparison): string[] {
  const e = k.excerpt;
  const d = e?.divergence;
  if (!e || !d) return [];
  const call = (c: { name: string; arguments: string } | undefined, side: string) =>
    c ? `${side} called ${one(c.name, 40)} ${one(c.arguments, 120)}` : `${side} made no call`;
  return [
    `      trajectory: head ${names(e.tool_calls ?? [])}; base ${names(e.base_tool_calls ?? [])}`,
    `      diverges at step ${d.step + 1}: ${call(d.base, 'base')}, ${call(d.head, 'head')}`,
  ];
}

/**
 * The verdict as one line of plain text, for a check run's title, a commit status and the log:
 * names and reasons cleaned (controls shown, secrets redacted) and flattened.
 */
export function plainHeadline(c: Comparison): Headline {
  return headline(
    c,
    (s) => one(s, 80),
    (s) => one(s, 300),
    one(c.gate?.accept_label ?? 'eval-regression-accepted', 80),
  );
}

export function renderTextReport(c: Comparison): string {
  const acceptLabel = c.gate?.accept_label ?? 'eval-regression-accepted';
  const h = headline(
    c,
    (s) => one(s, 80),
    (s) => one(s, 300),
    acceptLabel,
  );
  const title = h.kind === 'accepted' ? 'ACCEPTED' : h.title.toUpperCase(); // INTERRUPTED is an error too
  const lines: string[] = [`${title}: ${h.text}`];
  const side = (s: Comparison['base']) =>
    `${shortSha(s?.sha) ?? '(unknown)'}${s?.ref ? ` (${one(s.ref, 80)})` : ''}`;
  lines.push(`base ${side(c.base)} -> head ${side(c.head)}`);
  const saved = cacheLine([c.base?.cache, c.head?.cache]);
  if (saved) lines.push(`Trace cache: ${saved}`);
  const sample = sampleLine(c, (s) => one(s, 60));
  if (sample) lines.push(sample);
  const removed = removedLine(c, 'from head');
  if (removed) lines.push(`! ${removed}`);
  if (c.gate_note) lines.push(one(c.gate_note, 500));
  lines.push('');
  if (c.verdict === 'error') for (const r of c.reasons ?? []) lines.push(`  ! ${one(r, 300)}`);
  // Why trials errored: the first error of each side, whatever the verdict.
  for (const name of ['head', 'base'] as const) {
    const e = c[name]?.first_error;
    if (e)
      lines.push(
        `  ! ${firstErrorText(
          name,
          e,
          (s) => one(s, 120),
          (s) => one(s, 300),
        )}`,
      );
  }
  if (c.verdict === 'error' || c.base?.first_error || c.head?.first_error) lines.push('');

  const modes = sortModes(c.modes ?? []);
  if (modes.length) {
    const rows = [['mode', 'severity', 'base', 'head', 'change (95% CI)', 'p (adj.)', 'verdict']];
    for (const m of modes) {
      rows.push([
        one(m.mode, 40),
        one(m.severity, 10),
        rateCell(m.base),
        rateCell(m.head),
        changeCell(m),
        m.paired_cases > 0 ? pValue(modeP(m)) : '-',
        one(modeVerdictWords(m).text, 30),
      ]);
    }
    lines.push(...alignColumns(rows, [false, false, true, true, true, true, false]), '');
  }

  const byId = (a: CaseComparison, b: CaseComparison) => (a.id < b.id ? -1 : 1);
  const cap = 50;
  const confirmed = c.cases.filter((k) => k.label === 'new_failure').sort(byId);
  const suspected = c.cases.filter((k) => k.label === 'suspected_new_failure').sort(byId);
  const origin = splitByOrigin(c.cases);
  if (confirmed.length) {
    lines.push(
      `New failures: ${confirmed.length}${origin ? ` (${originText(origin.new_failure)})` : ''}`,
    );
    for (const k of confirmed.slice(0, cap)) lines.push(...failureLines(k, !!origin));
    if (confirmed.length > cap)
      lines.push(`  ...and ${plural(confirmed.length - cap, 'more')} (see the HTML viewer)`);
    lines.push('');
  }
  if (suspected.length) {
    // Unconfirmed flips: chance produces them on an unchanged system too.
    lines.push(
      `Suspected new failures (not confirmed): ${suspected.length}${origin ? ` (${originText(origin.suspected_new_failure)})` : ''}`,
    );
    for (const k of suspected.slice(0, cap)) lines.push(...failureLines(k, !!origin));
    if (suspected.length > cap)
      lines.push(`  ...and ${plural(suspected.length - cap, 'more')} (see the HTML viewer)`);
    lines.push('');
  }
  const others = (['fixed', 'flaky', 'added', 'removed', 'errored', 'not_run'] as const)
    .map((l) => [l, countOf(c, l)] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${int(n)} ${LABEL_TEXT[l]}`);
  if (others.length) lines.push(`Other: ${others.join(', ')}`);
  if (c.base && c.head) {
    // Absent is not zero: a value no trace reported reads "not reported".
    const shown = (v: number | undefined, f: (n: number) => string) =>
      typeof v === 'number' && Number.isFinite(v) ? f(v) : NOT_REPORTED;
    const tokens = (u: Usage | undefined) =>
      typeof u?.input_tokens === 'number' || typeof u?.output_tokens === 'number'
        ? (u.input_tokens ?? 0) + (u.output_tokens ?? 0)
        : undefined;
    const pair = (b: number | undefined, h: number | undefined, f: (n: number) => string) =>
      `${shown(b, f)} -> ${shown(h, f)}`;
    lines.push(
      `Cost: ${pair(c.base.usage?.cost_usd, c.head.usage?.cost_usd, usd)}; tokens: ${pair(tokens(c.base.usage), tokens(c.head.usage), int)}; latency p50 ${pair(c.base.latency_ms?.p50, c.head.latency_ms?.p50, ms)}, p95 ${pair(c.base.latency_ms?.p95, c.head.latency_ms?.p95, ms)}`,
    );
    // The judge's cost apart from the system's; a side that graded nothing spent $0 on it.
    if (c.base.judge_usage || c.head.judge_usage)
      lines.push(
        `Judge cost: ${usd(c.base.judge_usage?.cost_usd ?? 0)} -> ${usd(c.head.judge_usage?.cost_usd ?? 0)}; judge tokens: ${pair(tokens(c.base.judge_usage) ?? 0, tokens(c.head.judge_usage) ?? 0, int)}`,
      );
    if (c.base.retries || c.head.retries)
      lines.push(`Retried model calls: ${int(c.base.retries ?? 0)} -> ${int(c.head.retries ?? 0)}`);
  }
  return lines.join('\n') + '\n';
}
