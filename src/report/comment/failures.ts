/**
 * New failures: per case, the modes it newly fails with the base → head counts, a head trial
 * that fails the listed mode (its failing checks of that mode, and how many head trials failed
 * that way), the base's story, links (dataset line, trace, viewer) and a trace excerpt.
 * Suspected (unconfirmed) failures come after, collapsed: chance alone produces such flips.
 */
import type {
  CaseComparison,
  CaseModeComparison,
  ExcerptCall,
  FailingCheck,
  TraceExcerpt,
  TrajectoryDivergence,
} from '../../types.ts';
import { int, plural } from '../format.ts';
import { isSynthetic, originText } from '../../compare/synthetic.ts';
import { clean, code, fence, html, inline, link, safeHref } from '../markdown.ts';
import { collapsible, type Ctx, type ExcerptLimits } from './context.ts';
import { sourceLink, traceLink, viewerLink } from './links.ts';

const isFailure = (l: string) => l === 'new_failure' || l === 'suspected_new_failure';

function checkLine(f: FailingCheck, max: number): string {
  const label =
    f.name && f.name !== f.type ? `${code(f.type)} ${inline(f.name, 60)}` : code(f.type);
  return `${label}: ${inline(f.reason, max)}`;
}

/** One line of untrusted text: cleaned, newlines flattened. */
function line(v: string, max: number): string {
  return clean(v, max).replace(/\s+/g, ' ').trim();
}

function step(c: ExcerptCall, lim: ExcerptLimits): string {
  return `${line(c.name, 80)} ${line(c.arguments, lim.args)}`;
}

/** Where the head's trajectory leaves the base's, in words (names only: the steps show the args). */
function divergenceNote(d: TrajectoryDivergence, baseCalls: number): string {
  const base = d.base
    ? `base called ${line(d.base.name, 80)}`
    : `base stopped after ${plural(baseCalls, 'call')}`;
  const head = d.head ? `head called ${line(d.head.name, 80)}` : 'head stopped';
  const same = d.head && d.base && d.head.name === d.base.name;
  return `← head diverges here: ${base}, ${head}${same ? ' with other arguments' : ''}`;
}

/**
 * The trajectory as numbered steps, `1. lookup_order {"order_id":"A1"}`; with a divergence, the
 * head's first divergent step is marked and the base's trajectory follows.
 */
function trajectoryText(e: TraceExcerpt, lim: ExcerptLimits): string[] {
  const out: string[] = [];
  const tools = e.tool_calls ?? [];
  const d = e.divergence;
  const baseCalls = e.base_tool_calls ?? [];
  if (!tools.length) out.push('tool calls: (none)');
  else {
    out.push(d ? 'tool calls (head):' : 'tool calls:');
    tools.slice(0, lim.tools).forEach((t, i) => {
      const mark = d && d.step === i ? `   ${divergenceNote(d, baseCalls.length)}` : '';
      out.push(`  ${i + 1}. ${step(t, lim)}${mark}`);
    });
    if (tools.length > lim.tools) out.push(`  …and ${tools.length - lim.tools} more`);
  }
  if (!d) return out;
  // The divergent step is not among the head's listed steps (it stopped, or it is further on).
  if (d.step >= Math.min(tools.length, lim.tools)) {
    const at = `  ${d.step + 1}. ${d.head ? step(d.head, lim) : '(no call)'}`;
    out.push(`${at}   ${divergenceNote(d, baseCalls.length)}`);
  }
  out.push('tool calls (base):');
  if (!baseCalls.length) out.push('  (none)');
  baseCalls.slice(0, lim.tools).forEach((t, i) => out.push(`  ${i + 1}. ${step(t, lim)}`));
  if (baseCalls.length > lim.tools) out.push(`  …and ${baseCalls.length - lim.tools} more`);
  return out;
}

function excerptText(e: TraceExcerpt, lim: ExcerptLimits): string {
  const out: string[] = [];
  const turns = e.turns ?? [];
  if (turns.length) {
    // A conversation: its turns say what the input and output alone would not.
    out.push('conversation:');
    const shown = turns.slice(0, lim.turns);
    shown.forEach((t, i) =>
      out.push(
        `  turn ${i + 1}: ${line(t.user, Math.min(lim.input, 200)) || '(empty)'} → ${line(t.output, Math.min(lim.output, 300)) || '(empty)'}`,
      ),
    );
    if (turns.length > shown.length) out.push(`  …and ${turns.length - shown.length} more turns`);
    out.push('');
  } else {
    out.push('input:', clean(e.input, lim.input) || '(empty)', '');
    out.push('output:', clean(e.output, lim.output) || '(empty)', '');
  }
  out.push(...trajectoryText(e, lim));
  const docs = e.retrieved ?? [];
  const shown = docs.slice(0, lim.retrieved).map((d) => clean(d, 120).replace(/\s+/g, ' '));
  out.push(
    `retrieved: ${shown.length ? shown.join(', ') : '(none)'}${docs.length > shown.length ? `, …and ${docs.length - shown.length} more` : ''}`,
  );
  if (e.error) out.push('', `error: ${clean(e.error, lim.output)}`);
  return out.join('\n');
}

/**
 * A side's failing checks of `mode` from its case-level representative trial: the fallback for
 * comparisons written before the per-mode trials (`head_trial`, `base_trial`) were recorded.
 */
function inMode(fs: FailingCheck[] | undefined, mode: string): FailingCheck[] {
  return (fs ?? []).filter((f) => f.mode === mode);
}

/** "6 of 8 head trials fail `mode`:" with the failing checks of one of them. */
function modeStory(ctx: Ctx, k: CaseComparison, m: CaseModeComparison): string[] {
  const max = ctx.tier.reasonMax;
  const lines: string[] = [];
  const h = m.head;
  if (h) {
    const failed = Math.max(0, h.trials - h.passes);
    const checks = m.head_trial?.failing ?? inMode(k.head?.failing, m.mode);
    const head = `- head ✗ ${int(failed)} of ${plural(h.trials, 'head trial')} fail ${code(m.mode)}`;
    if (!checks.length) lines.push(`${head}.`);
    else if (checks.length === 1) lines.push(`${head}: ${checkLine(checks[0], max)}`);
    else {
      lines.push(`${head}; in one of them:`);
      for (const f of checks.slice(0, 3)) lines.push(`  - ${checkLine(f, max)}`);
      if (checks.length > 3) lines.push(`  - …and ${plural(checks.length - 3, 'more check')}`);
    }
    if (h.errors > 0) lines.push(`- head: ${plural(h.errors, 'trial')} errored`);
  }
  const b = m.base;
  if (b) {
    const failed = Math.max(0, b.trials - b.passes);
    const first = m.base_trial?.failing?.[0] ?? inMode(k.base?.failing, m.mode)[0];
    if (failed === 0)
      lines.push(`- base ✓ ${int(b.passes)} of ${plural(b.trials, 'base trial')} pass`);
    else
      lines.push(
        `- base: ${int(failed)} of ${plural(b.trials, 'base trial')} fail${first ? `: ${checkLine(first, max)}` : ''}`,
      );
  }
  return lines;
}

/** The head-vs-base story of one new (or suspected) failure. */
function failureEntry(ctx: Ctx, k: CaseComparison): string {
  const labelled = k.modes.filter((m) => isFailure(m.label));
  const modes = (labelled.length ? labelled : k.modes)
    .slice()
    .sort((a, b) => (ctx.modeRank.get(a.mode) ?? 98) - (ctx.modeRank.get(b.mode) ?? 98));
  const counts = modes
    .slice(0, 4)
    .map((m) => {
      const b = m.base ? `${m.base.passes}/${m.base.trials}` : '–';
      const h = m.head ? `${m.head.passes}/${m.head.trials}` : '–';
      return `${code(m.mode)} ${b} → ${h}`;
    })
    .join(', ');
  const title = link(inline(k.id, 120), sourceLink(ctx, k, 'head'));
  const lead = modes.find((m) => m.head_trial) ?? modes[0];
  const links = [
    link('head trace', traceLink(ctx, lead?.head_trial?.trace_id ?? k.head?.trace_id)),
    link('base trace', traceLink(ctx, lead?.base_trial?.trace_id ?? k.base?.trace_id)),
    viewerLink(ctx, k.id) ?? '',
  ].filter((s) => s.startsWith('['));
  const susp =
    (k.label === 'suspected_new_failure' ? ' _(suspected)_' : '') +
    (ctx.origin && isSynthetic(k) ? ' 🧪 _synthetic_' : '');
  const lines = [
    `**${title}**${susp} · ${counts}${links.length ? ' · ' + links.join(' · ') : ''}`,
    '',
  ];
  for (const m of modes.slice(0, 3)) lines.push(...modeStory(ctx, k, m));
  if (modes.length > 3) lines.push(`- …and ${plural(modes.length - 3, 'more mode')}`);
  if (ctx.tier.excerpt && k.excerpt) {
    lines.push(
      '',
      `<details><summary>Head trace excerpt: ${html(k.id, 80)}${lead ? ` (fails <code>${html(lead.mode, 60)}</code>)` : ''}</summary>`,
      '',
      fence(excerptText(k.excerpt, ctx.tier.excerpt)),
      '',
      '</details>',
    );
  }
  return lines.join('\n');
}

/** Worst (lowest) rank among a case's newly failing modes: blocking regressions first. */
function failureRank(ctx: Ctx, k: CaseComparison): number {
  let best = 99;
  for (const m of k.modes) {
    if (!isFailure(m.label)) continue;
    best = Math.min(best, ctx.modeRank.get(m.mode) ?? 98);
  }
  return best;
}

function sorted(ctx: Ctx, label: string): CaseComparison[] {
  return ctx.c.cases
    .filter((k) => k.label === label)
    .sort(
      (a, b) =>
        failureRank(ctx, a) - failureRank(ctx, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/** Entries up to the tier's cap and the size budget; the rest counted, pointing at the viewer. */
function entries(
  ctx: Ctx,
  ks: CaseComparison[],
  budget: number,
): { parts: string[]; used: number; left: number } {
  const parts: string[] = [];
  let used = 0;
  let shown = 0;
  for (const k of ks.slice(0, ctx.tier.failureCap)) {
    const e = failureEntry(ctx, k);
    if (used + e.length + 2 > budget) break;
    parts.push(e);
    used += e.length + 2;
    shown++;
  }
  const left = ks.length - shown;
  if (left > 0) {
    const v = safeHref(ctx.o.viewerUrl) ?? safeHref(ctx.o.artifactUrl);
    parts.push(
      `…and ${int(left)} more not shown here: see the ${v ? `[trace viewer](${v})` : 'trace viewer'}${ctx.summary ? '' : ' or the job summary'}.`,
    );
  }
  return { parts, used, left };
}

export function newFailureSection(ctx: Ctx, budget: number): { text: string; left: number } {
  const confirmed = sorted(ctx, 'new_failure');
  const suspected = sorted(ctx, 'suspected_new_failure');
  const out: string[] = [];
  let left = 0;
  let room = budget;
  if (confirmed.length) {
    const split = ctx.origin
      ? `\n\n${originText(ctx.origin.new_failure)} (🧪 synthetic: a generated variation of a case, \`evalgate synth\`)`
      : '';
    const heading = `### ${plural(confirmed.length, 'new failure')}${split}`;
    const e = entries(ctx, confirmed, room - heading.length);
    out.push([heading, ...e.parts].join('\n\n'));
    room -= heading.length + e.used;
    left += e.left;
  }
  if (suspected.length) {
    // Collapsed already: no nested collapsed excerpts (the viewer link has the traces).
    const inner = ctx.summary ? ctx : { ...ctx, tier: { ...ctx.tier, excerpt: null } };
    const e = entries(inner, suspected, room - 400);
    left += e.left;
    out.push(
      collapsible(
        ctx,
        () =>
          `${plural(suspected.length, 'suspected new failure')}${ctx.origin ? ` (${originText(ctx.origin.suspected_new_failure)})` : ''} (mostly failing on head, not confirmed: flips like these also happen by chance)`,
        [e.parts.join('\n\n')],
      ),
    );
  }
  return { text: out.join('\n\n'), left };
}
