/**
 * Cost and latency, base vs head. A value no trace reported reads "not reported": absent is not
 * zero (a target that reports no usage must not look free and instant).
 */
import { markdownTable } from 'markdown-table';
import { int, ms, NOT_REPORTED, relChange, usd } from '../format.ts';
import type { Ctx } from './context.ts';
import { errorLines } from './header.ts';

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function diff(b: number | undefined, h: number | undefined, f: (n: number) => string): string {
  if (!finite(b) || !finite(h)) return '–';
  const d = h - b;
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  const rel = relChange(b, h);
  return `${sign}${f(Math.abs(d))}${rel ? ` (${rel})` : ''}`;
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
  const rows = [
    row('Cost', base.usage?.cost_usd, head.usage?.cost_usd, usd),
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
  ];
  const table = markdownTable([['', 'Base', 'Head', 'Change'], ...rows], {
    align: ['l', 'r', 'r', 'r'],
    alignDelimiters: false,
  });
  // An error verdict shows the first errors in the first lines already.
  const errors = ctx.c.verdict === 'error' ? [] : errorLines(ctx);
  return `### Cost and latency\n\n${table}${errors.length ? '\n' + errors.join('\n') : ''}`;
}
