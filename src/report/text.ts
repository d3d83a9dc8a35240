/**
 * The plain-text report the CLI prints: verdict, per-mode table with aligned columns, new
 * failures with their reasons. Untrusted text is cleaned of control characters (an ESC in a
 * model output must not drive the terminal), flattened to one line and cut.
 */
import type { CaseComparison, Comparison } from '../types.ts';
import {
  countOf,
  int,
  LABEL_TEXT,
  ms,
  modeP,
  pct,
  plural,
  pts,
  pValue,
  removedLine,
  shortSha,
  sortModes,
  usd,
} from './format.ts';
import { headline, type Headline } from './headline.ts';
import { clean } from './markdown.ts';

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

function failureLines(k: CaseComparison): string[] {
  const modes = k.modes.filter(
    (m) => m.label === 'new_failure' || m.label === 'suspected_new_failure',
  );
  const set = new Set(modes.map((m) => m.mode));
  const where = k.source ? ` (${one(k.source.file, 200)}:${k.source.line})` : '';
  const counts = modes.map(
    (m) =>
      `${one(m.mode, 60)} ${m.base ? `${m.base.passes}/${m.base.trials}` : '-'} -> ${m.head ? `${m.head.passes}/${m.head.trials}` : '-'}`,
  );
  const out = [
    `  ${k.label === 'suspected_new_failure' ? '?' : 'x'} ${one(k.id, 120)}${where}  ${counts.join(', ')}`,
  ];
  const fails = (k.head?.failing ?? []).filter((f) => !set.size || set.has(f.mode));
  for (const f of fails.slice(0, 3))
    out.push(`      head: ${one(f.type, 40)}: ${one(f.reason, 200)}`);
  const baseFails = (k.base?.failing ?? []).filter((f) => set.has(f.mode));
  if (baseFails.length)
    for (const f of baseFails.slice(0, 2))
      out.push(`      base: ${one(f.type, 40)}: ${one(f.reason, 200)}`);
  else if (k.base) out.push(`      base: passed ${k.base.passes}/${k.base.trials}`);
  return out;
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
  const removed = removedLine(c, 'from head');
  if (removed) lines.push(`! ${removed}`);
  if (c.gate_note) lines.push(one(c.gate_note, 500));
  lines.push('');
  if (c.verdict === 'error') for (const r of c.reasons ?? []) lines.push(`  ! ${one(r, 300)}`);

  const modes = sortModes(c.modes ?? []);
  if (modes.length) {
    const rows = [['mode', 'severity', 'base', 'head', 'change (95% CI)', 'p (adj.)', 'verdict']];
    for (const m of modes) {
      const [lo, hi] = m.effect_ci ?? [NaN, NaN];
      rows.push([
        one(m.mode, 40),
        one(m.severity, 10),
        `${pct(m.base.rate)} (${m.base.passes}/${m.base.trials})`,
        `${pct(m.head.rate)} (${m.head.passes}/${m.head.trials})`,
        `${pts(m.effect)} pts (${pts(lo)} to ${pts(hi)})`,
        pValue(modeP(m)),
        m.verdict === 'regressed' && !m.blocking ? 'regressed (not blocking)' : m.verdict,
      ]);
    }
    lines.push(...alignColumns(rows, [false, false, true, true, true, true, false]), '');
  }

  const failing = c.cases.filter(
    (k) => k.label === 'new_failure' || k.label === 'suspected_new_failure',
  );
  failing.sort(
    (a, b) =>
      Number(a.label !== 'new_failure') - Number(b.label !== 'new_failure') ||
      (a.id < b.id ? -1 : 1),
  );
  if (failing.length) {
    const nNew = failing.filter((k) => k.label === 'new_failure').length;
    lines.push(
      `New failures: ${nNew}${failing.length > nNew ? ` (+${failing.length - nNew} suspected)` : ''}`,
    );
    const cap = 50;
    for (const k of failing.slice(0, cap)) lines.push(...failureLines(k));
    if (failing.length > cap)
      lines.push(`  ...and ${plural(failing.length - cap, 'more')} (see the HTML viewer)`);
    lines.push('');
  }
  const others = (['fixed', 'flaky', 'added', 'removed', 'errored', 'not_run'] as const)
    .map((l) => [l, countOf(c, l)] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${int(n)} ${LABEL_TEXT[l]}`);
  if (others.length) lines.push(`Other: ${others.join(', ')}`);
  if (c.base && c.head) {
    lines.push(
      `Cost: ${usd(c.base.usage?.cost_usd)} -> ${usd(c.head.usage?.cost_usd)}; tokens: ${int((c.base.usage?.input_tokens ?? 0) + (c.base.usage?.output_tokens ?? 0))} -> ${int((c.head.usage?.input_tokens ?? 0) + (c.head.usage?.output_tokens ?? 0))}; latency p50 ${ms(c.base.latency_ms?.p50)} -> ${ms(c.head.latency_ms?.p50)}, p95 ${ms(c.base.latency_ms?.p95)} -> ${ms(c.head.latency_ms?.p95)}`,
    );
    if (c.base.judge_usage || c.head.judge_usage)
      lines.push(
        `Judge cost: ${usd(c.base.judge_usage?.cost_usd)} -> ${usd(c.head.judge_usage?.cost_usd)}`,
      );
  }
  return lines.join('\n') + '\n';
}
