/**
 * Cost and latency, base vs head. A value no trace reported reads "not reported": absent is not
 * zero (a target that reports no usage must not look free and instant).
 *
 * The judge's cost is its own row (the system's cost is what the change under review spends; the
 * judge's is what evaluating it spends); model-call retries get a row when any call was retried;
 * the cost per failure mode is a collapsed table, since modes overlap and do not add up.
 */
import { markdownTable } from 'markdown-table';
import { int, ms, NOT_REPORTED, relChange, usd } from '../format.ts';
import { code } from '../markdown.ts';
import type { ModeComparison } from '../../types.ts';
import { collapsible, type Ctx } from './context.ts';
import { errorLines } from './header.ts';

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function diff(b: number | undefined, h: number | undefined, f: (n: number) => string): string {
  if (!finite(b) || !finite(h)) return '–';
  const d = h - b;
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  const rel = relChange(b, h);
  return `${sign}${f(Math.abs(d))}${rel ? ` (${rel})` : ''}`;
}

type ModeCost = NonNullable<ModeComparison['cost_usd']>;

/** "$0.12 (judge $0.01)": a side's cost of a mode, the judge's share apart when it graded. */
function modeCell(side: ModeCost['base'], judged: boolean): string {
  const total = (finite(side.system) ? side.system : 0) + (finite(side.judge) ? side.judge : 0);
  return judged ? `${usd(total)} (judge ${usd(side.judge)})` : usd(total);
}

/** The collapsed per-mode cost table; none when no mode has a cost. */
function modeCosts(ctx: Ctx): string {
  const modes = (ctx.c.modes ?? []).filter((m) => m.cost_usd);
  if (modes.length === 0) return '';
  const sum = (s: ModeCost['base']) => (s.system || 0) + (s.judge || 0);
  const rows = modes.map((m) => {
    const k = m.cost_usd!;
    // The judge's share is shown for the modes it graded.
    const judged = k.base.judge > 0 || k.head.judge > 0;
    return [
      code(m.mode),
      modeCell(k.base, judged),
      modeCell(k.head, judged),
      diff(sum(k.base), sum(k.head), usd),
    ];
  });
  const table = markdownTable([['Mode', 'Base', 'Head', 'Change'], ...rows], {
    align: ['l', 'r', 'r', 'r'],
    alignDelimiters: false,
  });
  return collapsible(ctx, () => 'Cost per failure mode', [
    table,
    '',
    "A mode's cost is the system's cost of the trials of the cases it guards, plus the judge's cost of its own checks; a case guarding two modes counts in both, so the modes do not add up to the total.",
  ]);
}

export function usageSection(ctx: Ctx): string {
  const { base, head } = ctx.c;
  if (!base || !head) return '';
  const shown = (v: number | undefined, f: (n: number) => string) =>
    finite(v) ? f(v) : NOT_REPORTED;
  const row = (
    label: string,
    b: number | undefined,
    h: number | undefined,
    f: (n: number) => string,
  ) => [label, shown(b, f), shown(h, f), diff(b, h, f)];
  const judged = !!(base.judge_usage || head.judge_usage);
  const rows = [
    row(judged ? 'Cost (system)' : 'Cost', base.usage?.cost_usd, head.usage?.cost_usd, usd),
  ];
  // A side that graded nothing spent nothing on the judge: $0, not "not reported".
  if (judged)
    rows.push(
      row('Cost (judge)', base.judge_usage?.cost_usd ?? 0, head.judge_usage?.cost_usd ?? 0, usd),
    );
  rows.push(
    row('Input tokens', base.usage?.input_tokens, head.usage?.input_tokens, int),
    row('Output tokens', base.usage?.output_tokens, head.usage?.output_tokens, int),
    row('Latency p50', base.latency_ms?.p50, head.latency_ms?.p50, ms),
    row('Latency p95', base.latency_ms?.p95, head.latency_ms?.p95, ms),
    [
      'Errored trials',
      `${int(base.counts?.error)} of ${int(base.counts?.trials)}`,
      `${int(head.counts?.error)} of ${int(head.counts?.trials)}`,
      diff(base.counts?.error, head.counts?.error, int),
    ],
  );
  // Retries are counted only when any happened: the run records none otherwise.
  if (finite(base.retries) || finite(head.retries))
    rows.push(row('Retried model calls', base.retries ?? 0, head.retries ?? 0, int));
  const table = markdownTable([['', 'Base', 'Head', 'Change'], ...rows], {
    align: ['l', 'r', 'r', 'r'],
    alignDelimiters: false,
  });
  // An error verdict shows the first errors in the first lines already.
  const errors = ctx.c.verdict === 'error' ? [] : errorLines(ctx);
  const perMode = modeCosts(ctx);
  return [
    `### Cost and latency\n\n${table}`,
    ...(errors.length ? [errors.join('\n')] : []),
    ...(perMode ? ['', perMode] : []),
  ].join('\n');
}
