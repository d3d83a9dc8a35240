/** "Other changes": fixed, flaky, added, removed, errored and not-run cases, each list collapsed. */
import type { CaseComparison, CaseLabel } from '../../types.ts';
import { countOf, int, LABEL_TEXT, plural } from '../format.ts';
import { code, inline, link, safeHref } from '../markdown.ts';
import { collapsible, type Ctx } from './context.ts';
import { sourceLink, viewerLink } from './links.ts';

const OTHER_LABELS: CaseLabel[] = ['fixed', 'flaky', 'added', 'removed', 'errored', 'not_run'];

function listItem(ctx: Ctx, k: CaseComparison, label: CaseLabel): string {
  const src = label === 'removed' ? sourceLink(ctx, k, 'base') : sourceLink(ctx, k, 'head');
  const parts = [link(inline(k.id, 120), src)];
  const ms_ = k.modes.filter((m) => m.label === label);
  const shown = (ms_.length ? ms_ : k.modes).slice(0, 3);
  const frac = (s?: { passes: number; trials: number }) => (s ? `${s.passes}/${s.trials}` : '–');
  if (label === 'errored') {
    parts.push(
      `errored: base ${k.base ? `${k.base.errors}/${k.base.trials + k.base.errors}` : '–'}, head ${k.head ? `${k.head.errors}/${k.head.trials + k.head.errors}` : '–'}`,
    );
    const why = k.excerpt?.error ?? k.head?.failing?.[0]?.reason;
    if (why) parts.push(inline(why, Math.min(ctx.tier.reasonMax, 160)));
  } else if (label === 'added') {
    parts.push(`new case, head ${frac(k.head)} passed`);
  } else if (label === 'removed') {
    const failing = k.base && k.base.passes < k.base.trials;
    parts.push(`base ${frac(k.base)} passed${failing ? ' ⚠️ was failing' : ''}`);
  } else if (shown.length) {
    parts.push(shown.map((m) => `${code(m.mode)} ${frac(m.base)} → ${frac(m.head)}`).join(', '));
  }
  const v = viewerLink(ctx, k.id);
  if (v) parts.push(v);
  return `- ${parts.join(' · ')}`;
}

/** The largest fall in pass rate, base to head, over a case's modes (0 when none fell). */
function worstDrop(k: CaseComparison): number {
  let worst = 0;
  for (const m of k.modes) {
    if (!m.base?.trials || !m.head?.trials) continue;
    worst = Math.max(worst, m.base.passes / m.base.trials - m.head.passes / m.head.trials);
  }
  return worst;
}

export function otherLists(ctx: Ctx): string {
  const { c } = ctx;
  const counts = OTHER_LABELS.map((l) => [l, countOf(c, l)] as const).filter(([, n]) => n > 0);
  if (!counts.length) return '';
  const lines: string[] = [
    `**Other changes**: ${counts.map(([l, n]) => `${int(n)} ${LABEL_TEXT[l]}`).join(' · ')}`,
  ];

  const removedFailing = c.cases.filter(
    (k) => k.label === 'removed' && k.base && k.base.passes < k.base.trials,
  ).length;
  if (removedFailing) {
    lines.push(
      '',
      `⚠️ ${plural(removedFailing, 'removed case')} ${removedFailing === 1 ? 'was' : 'were'} failing on base: deleting failing cases makes a change look better than it is.`,
    );
  }
  if (!ctx.tier.lists) {
    const v = safeHref(ctx.o.viewerUrl);
    lines.push(
      '',
      `The case lists are in the ${v ? `[trace viewer](${v})` : 'trace viewer'}${ctx.summary ? '' : ' and the job summary'}.`,
    );
    return lines.join('\n');
  }
  for (const [label] of counts) {
    // Flaky cases that got worse on head first (the ones a reviewer should look at), then by id.
    const drop = (k: CaseComparison) => (label === 'flaky' ? worstDrop(k) : 0);
    const ks = c.cases
      .filter((k) => k.label === label)
      .sort((a, b) => drop(b) - drop(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!ks.length) continue;
    const shown = ks.slice(0, ctx.tier.listCap).map((k) => listItem(ctx, k, label));
    if (ks.length > ctx.tier.listCap) {
      const v = safeHref(ctx.o.viewerUrl);
      shown.push(
        `- …and ${int(ks.length - ctx.tier.listCap)} more${v ? ` in the [trace viewer](${v})` : ''}`,
      );
    }
    const title = `${LABEL_TEXT[label][0].toUpperCase()}${LABEL_TEXT[label].slice(1)} (${int(ks.length)})`;
    lines.push(
      '',
      collapsible(ctx, () => title, shown),
    );
  }
  return lines.join('\n');
}
