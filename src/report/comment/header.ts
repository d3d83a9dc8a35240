/**
 * The comment's first lines: the verdict sentence, which commits were compared, what a sample
 * can see, why the run errored (the first error message), and notes about the base and gate.
 */
import { firstErrorText, plural, removedLine, sampleLine, shortSha } from '../format.ts';
import { cacheLine } from '../cache-line.ts';
import { headline } from '../headline.ts';
import { code, inline } from '../markdown.ts';
import type { Ctx } from './context.ts';

export function header(ctx: Ctx): string {
  const { c, o } = ctx;
  const h = headline(
    c,
    (s) => code(s),
    (s) => inline(s, 300),
    ctx.acceptLabel,
  );
  const first =
    h.kind === 'accepted'
      ? `${h.icon} ${h.title}: ${h.text}`
      : `${h.icon} **${h.title}**: ${h.text}`;
  const side = (sha: string | undefined, ref: string | undefined) => {
    const s = shortSha(sha);
    const parts = [s ? code(s) : '(unknown sha)'];
    if (ref) parts.push(`(${code(ref, 120)})`);
    return parts.join(' ');
  };
  const cases = c.head?.counts?.cases ?? 0;
  const trials = c.head?.counts?.trials ?? 0;
  // The configured trials per case; the average would count adaptive re-runs as trials too.
  const per = c.head?.trials_per_case ?? (cases > 0 ? Math.round(trials / cases) : 0);
  let second = `Base ${side(ctx.baseSha, o.baseRef ?? c.base?.ref)} → head ${side(ctx.headSha, o.headRef ?? c.head?.ref)}`;
  if (cases) second += ` · ${plural(cases, 'case')}${per ? ` × ${plural(per, 'trial')}` : ''}`;
  if (c.stage2_modes?.length)
    second += `, ambiguous cases re-run for ${c.stage2_modes.map((m) => code(m)).join(', ')}`;
  const saved = cacheLine([c.base?.cache, c.head?.cache]);
  if (saved) second += ` · ${saved}`;
  const lines = [first, '', second];
  const sample = sampleLine(c, (s) => code(s));
  if (sample) lines.push('', `🔎 ${sample}`);
  const removed = removedLine(c, 'by this PR');
  if (removed) lines.push('', `⚠️ ${removed}.`);
  if (c.verdict === 'error') lines.push(...errorLines(ctx));
  if (c.gate_note) lines.push('', `_${inline(c.gate_note, 500)}_`);
  if (o.baselineNote) lines.push('', `_${inline(o.baselineNote, 300)}_`);
  if (c.verdict === 'error' || ctx.summary) {
    // The comment's headline already gives the first reason.
    const reasons = (c.reasons ?? []).slice(ctx.summary ? 0 : 1, 20);
    if (reasons.length) lines.push('', ...reasons.map((r) => `- ${inline(r, ctx.tier.reasonMax)}`));
  }
  return lines.join('\n');
}

/** The first error of each side that errored: the reason a reviewer can act on. */
export function errorLines(ctx: Ctx): string[] {
  const out: string[] = [];
  for (const name of ['head', 'base'] as const) {
    const e = ctx.c[name]?.first_error;
    if (!e) continue;
    const text = firstErrorText(
      name,
      e,
      (s) => code(s, 120),
      (s) => inline(s, ctx.tier.reasonMax),
    );
    out.push('', `⚠️ ${text[0].toUpperCase()}${text.slice(1)}`);
  }
  return out;
}
