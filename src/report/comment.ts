/**
 * The sticky PR comment and the job summary: the same document at two sizes.
 *
 * Both are built from `Section`s by `renderDocument` at a "tier": tier 0 is the fullest form,
 * each later tier drops detail (trim excerpts -> drop excerpts -> collapse lists into counts ->
 * cap the new-failure list), until the document fits `maxLength`. The document says when it was
 * shortened and where the full data is (the trace viewer, the job summary).
 */
import { markdownTable } from 'markdown-table';
import type {
  CaseComparison,
  CaseLabel,
  Comparison,
  FailingCheck,
  TraceExcerpt,
} from '../types.ts';
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
  relChange,
  removedLine,
  shortSha,
  sortModes,
  usd,
} from './format.ts';
import { headline } from './headline.ts';
import { redactSecrets } from './redact.ts';
import { rerunNote } from './rerun-note.ts';
import {
  clean,
  code,
  fence,
  html,
  inline,
  link,
  neutralize,
  safeHref,
  urlPart,
  urlPath,
} from './markdown.ts';

export interface CommentOptions {
  /** The workflow run. */
  runUrl?: string;
  /** The uploaded artifact with results, comparison and viewer. */
  artifactUrl?: string;
  /** Where the HTML trace viewer can be opened; case links append `#case=<id>`. */
  viewerUrl?: string;
  /** e.g. https://github.com/o/r; with headSha, case ids link to their dataset line. */
  repoUrl?: string;
  headSha?: string;
  baseSha?: string;
  baseRef?: string;
  headRef?: string;
  /** Default: the comparison's gate.accept_label. */
  acceptLabel?: string;
  /** Hidden marker the action uses to find its comment. Default `<!-- evalgate:comment -->`. */
  marker?: string;
  /** Default 65,000 for the comment, 1 MiB for the summary. */
  maxLength?: number;
  /** A line about where the base results came from (e.g. reused from the cache). */
  baselineNote?: string;
}

export const DEFAULT_MARKER = '<!-- evalgate:comment -->';
export const COMMENT_MAX = 65_000;
export const SUMMARY_MAX = 1024 * 1024;

interface ExcerptLimits {
  input: number;
  output: number;
  args: number;
  tools: number;
  retrieved: number;
}

interface Tier {
  excerpt: ExcerptLimits | null;
  /** Lists of fixed/flaky/... cases: shown (up to listCap each) or only counted. */
  lists: boolean;
  listCap: number;
  /** Cap on new-failure entries; the rest are counted with a link to the viewer. */
  failureCap: number;
  reasonMax: number;
  note?: string;
}

const COMMENT_TIERS: Tier[] = [
  {
    excerpt: { input: 400, output: 800, args: 200, tools: 8, retrieved: 10 },
    lists: true,
    listCap: 100,
    failureCap: 50,
    reasonMax: 300,
  },
  {
    excerpt: { input: 150, output: 300, args: 80, tools: 4, retrieved: 5 },
    lists: true,
    listCap: 50,
    failureCap: 50,
    reasonMax: 200,
    note: 'trace excerpts were trimmed',
  },
  {
    excerpt: null,
    lists: true,
    listCap: 30,
    failureCap: 50,
    reasonMax: 200,
    note: 'trace excerpts were left out',
  },
  {
    excerpt: null,
    lists: false,
    listCap: 0,
    failureCap: 50,
    reasonMax: 160,
    note: 'trace excerpts were left out and case lists were collapsed into counts',
  },
];

const SUMMARY_TIERS: Tier[] = [
  {
    excerpt: { input: 2000, output: 4000, args: 1000, tools: 20, retrieved: 20 },
    lists: true,
    listCap: 500,
    failureCap: 300,
    reasonMax: 1000,
  },
  ...COMMENT_TIERS.slice(1),
];

interface Ctx {
  c: Comparison;
  o: CommentOptions;
  tier: Tier;
  summary: boolean;
  headSha?: string;
  baseSha?: string;
  acceptLabel: string;
  /** Sort rank per mode: regressed modes by severity, then the others by severity. */
  modeRank: Map<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------------------------

/** A link built from untrusted text would carry a secret in it past the redaction: no link. */
const holdsSecret = (s: string) => redactSecrets(s) !== s;

// Link parts come from untrusted text too (case ids, dataset paths, trace ids) and are redacted
// before they are encoded: encoded, a secret would no longer look like one.

function viewerLink(ctx: Ctx, id: string): string | undefined {
  const base = safeHref(ctx.o.viewerUrl);
  // The viewer's index is keyed by the redacted id as well.
  return base ? `${base.replace(/#.*$/, '')}#case=${urlPart(redactSecrets(id))}` : undefined;
}

function sourceLink(ctx: Ctx, k: CaseComparison, side: 'head' | 'base'): string | undefined {
  const sha = side === 'head' ? ctx.headSha : ctx.baseSha;
  const repo = safeHref(ctx.o.repoUrl);
  if (!repo || !sha || !k.source?.file || holdsSecret(k.source.file)) return undefined;
  const line = Number.isInteger(k.source.line) && k.source.line > 0 ? `#L${k.source.line}` : '';
  return `${repo.replace(/\/+$/, '')}/blob/${urlPart(sha)}/${urlPath(redactSecrets(k.source.file))}${line}`;
}

function traceLink(ctx: Ctx, traceId: string | undefined): string | undefined {
  const tpl = ctx.c.trace_url;
  if (!tpl || !traceId) return undefined;
  return safeHref(redactSecrets(tpl.split('{trace_id}').join(urlPart(redactSecrets(traceId)))));
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function header(ctx: Ctx): string {
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
  const lines = [first, '', second];
  const removed = removedLine(c, 'by this PR');
  if (removed) lines.push('', `⚠️ ${removed}.`);
  if (c.gate_note) lines.push('', `_${inline(c.gate_note, 500)}_`);
  if (o.baselineNote) lines.push('', `_${inline(o.baselineNote, 300)}_`);
  if (c.verdict === 'error' || ctx.summary) {
    // The comment's headline already gives the first reason.
    const reasons = (c.reasons ?? []).slice(ctx.summary ? 0 : 1, 20);
    if (reasons.length) lines.push('', ...reasons.map((r) => `- ${inline(r, ctx.tier.reasonMax)}`));
  }
  return lines.join('\n');
}

const VERDICT_CELL = {
  regressed: '🔴 regressed',
  improved: '🟢 improved',
  unchanged: '⚪ unchanged',
  inconclusive: '🟡 inconclusive',
} as const;

function modeTable(ctx: Ctx): string {
  const { c } = ctx;
  if (!c.modes?.length) return '_No failure modes were compared._';
  const cap = 200;
  const modes = sortModes(c.modes);
  const rows = modes.slice(0, cap).map((m) => {
    const rate = (r: typeof m.base) =>
      r && r.trials > 0 ? `${pct(r.rate)} (${int(r.passes)}/${int(r.trials)})` : '–';
    const [lo, hi] = m.effect_ci ?? [NaN, NaN];
    let verdict: string = VERDICT_CELL[m.verdict] ?? inline(m.verdict, 20);
    if (m.verdict === 'regressed' && !m.blocking) verdict = '🟠 regressed (not blocking)';
    return [
      code(m.mode),
      code(m.severity, 20),
      rate(m.base),
      rate(m.head),
      `${pts(m.effect)} pts (${pts(lo)} to ${pts(hi)})`,
      pValue(modeP(m)),
      verdict,
    ];
  });
  const table = markdownTable(
    [
      ['Failure mode', 'Severity', 'Base', 'Head', 'Change (95% CI)', 'p (adj.)', 'Verdict'],
      ...rows,
    ],
    { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'], alignDelimiters: false },
  );
  const notes: string[] = [];
  if (modes.length > cap)
    notes.push(`- …and ${plural(modes.length - cap, 'more mode')}, in the trace viewer.`);
  for (const m of modes.slice(0, cap)) {
    if (m.verdict === 'inconclusive' && m.needed?.note) {
      notes.push(`- ${code(m.mode)} is inconclusive: ${inline(m.needed.note, ctx.tier.reasonMax)}`);
    }
  }
  const rerun = rerunNote(c, (s) => code(s));
  if (rerun) notes.push(`- ${rerun}`);
  return notes.length ? `${table}\n\n${notes.join('\n')}` : table;
}

function checkLine(f: FailingCheck, max: number): string {
  const label =
    f.name && f.name !== f.type ? `${code(f.type)} ${inline(f.name, 60)}` : code(f.type);
  return `${label} (${code(f.mode)}): ${inline(f.reason, max)}`;
}

function excerptText(e: TraceExcerpt, lim: ExcerptLimits): string {
  const out: string[] = [];
  out.push('input:', clean(e.input, lim.input) || '(empty)', '');
  out.push('output:', clean(e.output, lim.output) || '(empty)', '');
  const tools = e.tool_calls ?? [];
  if (!tools.length) out.push('tool calls: (none)');
  else {
    out.push('tool calls:');
    for (const t of tools.slice(0, lim.tools)) {
      out.push(
        `  ${clean(t.name, 80).replace(/\s+/g, ' ')}(${clean(t.arguments, lim.args).replace(/\n/g, ' ')})`,
      );
    }
    if (tools.length > lim.tools) out.push(`  …and ${tools.length - lim.tools} more`);
  }
  const docs = e.retrieved ?? [];
  const shown = docs.slice(0, lim.retrieved).map((d) => clean(d, 120).replace(/\s+/g, ' '));
  out.push(
    `retrieved: ${shown.length ? shown.join(', ') : '(none)'}${docs.length > shown.length ? `, …and ${docs.length - shown.length} more` : ''}`,
  );
  if (e.error) out.push('', `error: ${clean(e.error, lim.output)}`);
  return out.join('\n');
}

/** The head-vs-base story of one new (or suspected) failure. */
function failureEntry(ctx: Ctx, k: CaseComparison): string {
  const labelled = k.modes.filter(
    (m) => m.label === 'new_failure' || m.label === 'suspected_new_failure',
  );
  const modes = labelled.length ? labelled : k.modes;
  const modeSet = new Set(modes.map((m) => m.mode));
  const counts = modes
    .slice(0, 4)
    .map((m) => {
      const b = m.base ? `${m.base.passes}/${m.base.trials}` : '–';
      const h = m.head ? `${m.head.passes}/${m.head.trials}` : '–';
      return `${code(m.mode)} ${b} → ${h}`;
    })
    .join(', ');
  const id = inline(k.id, 120);
  const title = link(id, sourceLink(ctx, k, 'head'));
  const links = [
    link('viewer', viewerLink(ctx, k.id)),
    link('head trace', traceLink(ctx, k.head?.trace_id)),
    link('base trace', traceLink(ctx, k.base?.trace_id)),
  ].filter((s) => s.startsWith('['));
  const susp = k.label === 'suspected_new_failure' ? ' _(suspected)_' : '';
  const lines = [
    `**${title}**${susp} · ${counts}${links.length ? ' · ' + links.join(' · ') : ''}`,
    '',
  ];

  const pick = (fs: FailingCheck[] | undefined) => {
    const all = fs ?? [];
    const inMode = all.filter((f) => modeSet.has(f.mode));
    return inMode.length ? inMode : all;
  };
  const headFails = pick(k.head?.failing);
  const max = ctx.tier.reasonMax;
  if (headFails.length) {
    for (const f of headFails.slice(0, 3)) lines.push(`- head ✗ ${checkLine(f, max)}`);
    if (headFails.length > 3)
      lines.push(`- head ✗ …and ${plural(headFails.length - 3, 'more check')}`);
  } else if (k.head) {
    lines.push(`- head: ${k.head.passes}/${k.head.trials} passed, ${k.head.errors} errored`);
  }
  if (k.base) {
    const baseFails = (k.base.failing ?? []).filter((f) => modeSet.has(f.mode));
    if (baseFails.length)
      for (const f of baseFails.slice(0, 2)) lines.push(`- base ✗ ${checkLine(f, max)}`);
    else lines.push(`- base ✓ passed ${k.base.passes}/${k.base.trials}`);
  }
  if (ctx.tier.excerpt && k.excerpt) {
    lines.push(
      '',
      `<details><summary>Head trace excerpt: ${html(k.id, 80)}</summary>`,
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
    if (m.label !== 'new_failure' && m.label !== 'suspected_new_failure') continue;
    best = Math.min(best, ctx.modeRank.get(m.mode) ?? 98);
  }
  return best;
}

const OTHER_LABELS: CaseLabel[] = ['fixed', 'flaky', 'added', 'removed', 'errored', 'not_run'];

function listItem(ctx: Ctx, k: CaseComparison, label: CaseLabel): string {
  const src = label === 'removed' ? sourceLink(ctx, k, 'base') : sourceLink(ctx, k, 'head');
  const id = link(inline(k.id, 120), src);
  const v = viewerLink(ctx, k.id);
  const parts = [id];
  const ms_ = k.modes.filter((m) => m.label === label);
  const shown = (ms_.length ? ms_ : k.modes).slice(0, 3);
  const frac = (s?: { passes: number; trials: number }) => (s ? `${s.passes}/${s.trials}` : '–');
  if (label === 'errored') {
    parts.push(
      `errored: base ${k.base ? `${k.base.errors}/${k.base.trials}` : '–'}, head ${k.head ? `${k.head.errors}/${k.head.trials}` : '–'}`,
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
  if (v) parts.push(`[viewer](${v})`);
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

function otherLists(ctx: Ctx): string {
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
    if (ctx.summary) lines.push('', `#### ${title}`, '', ...shown);
    else lines.push('', `<details><summary>${title}</summary>`, '', ...shown, '', '</details>');
  }
  return lines.join('\n');
}

function usageTable(ctx: Ctx): string {
  const { base, head } = ctx.c;
  if (!base || !head) return '';
  const diff = (
    b: number | undefined,
    h: number | undefined,
    f: (n: number) => string,
    signed = true,
  ) => {
    if (
      typeof b !== 'number' ||
      typeof h !== 'number' ||
      !Number.isFinite(b) ||
      !Number.isFinite(h)
    )
      return '–';
    const d = h - b;
    const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
    const rel = relChange(b, h);
    return `${signed ? sign : ''}${f(Math.abs(d))}${rel ? ` (${rel})` : ''}`;
  };
  const rows = [
    [
      'Cost',
      usd(base.usage?.cost_usd),
      usd(head.usage?.cost_usd),
      diff(base.usage?.cost_usd, head.usage?.cost_usd, usd),
    ],
    [
      'Input tokens',
      int(base.usage?.input_tokens),
      int(head.usage?.input_tokens),
      diff(base.usage?.input_tokens, head.usage?.input_tokens, int),
    ],
    [
      'Output tokens',
      int(base.usage?.output_tokens),
      int(head.usage?.output_tokens),
      diff(base.usage?.output_tokens, head.usage?.output_tokens, int),
    ],
    [
      'Latency p50',
      ms(base.latency_ms?.p50),
      ms(head.latency_ms?.p50),
      diff(base.latency_ms?.p50, head.latency_ms?.p50, ms),
    ],
    [
      'Latency p95',
      ms(base.latency_ms?.p95),
      ms(head.latency_ms?.p95),
      diff(base.latency_ms?.p95, head.latency_ms?.p95, ms),
    ],
    [
      'Errored trials',
      `${int(base.counts?.error)} of ${int(base.counts?.trials)}`,
      `${int(head.counts?.error)} of ${int(head.counts?.trials)}`,
      diff(base.counts?.error, head.counts?.error, int),
    ],
  ];
  return markdownTable([['', 'Base', 'Head', 'Change'], ...rows], {
    align: ['l', 'r', 'r', 'r'],
    alignDelimiters: false,
  });
}

function shellArg(s: string): string {
  return /^[A-Za-z0-9_./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A code span that its content cannot close (for commands built from refs). */
function codeSpanOf(s: string): string {
  // Neutralised like everything else: a ref such as `@org/team` must not notify anyone, and
  // none can carry our hidden marker verbatim.
  const flat = neutralize(clean(s, 300).replace(/\s+/g, ' ')).replace(/<!--/g, '<!\u200d--');
  let longest = 0;
  for (const m of flat.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat.replace(/\|/g, '\\|')}${pad}${ticks}`;
}

function footer(ctx: Ctx, marker: string): string {
  const { o } = ctx;
  const links = [
    link('Workflow run', o.runUrl),
    link('Trace viewer', o.viewerUrl),
    link('Artifact (results, comparison, viewer)', o.artifactUrl),
  ].filter((s) => s.startsWith('['));
  const lines = ['---', ''];
  if (links.length) lines.push(links.join(' · '), '');
  const baseRef = o.baseRef ?? ctx.c.base?.ref ?? '<base>';
  const headRef = o.headRef ?? ctx.c.head?.ref ?? '<head>';
  // Refs are attacker-chosen on a fork PR: quote them for the shell and keep the span closed.
  lines.push(
    `Reproduce locally: ${codeSpanOf(`npx evalgate pr --base ${shellArg(baseRef)} --head ${shellArg(headRef)}`)}`,
  );
  if (ctx.c.verdict === 'block' && !ctx.c.accepted) {
    lines.push(
      '',
      `If this change is intended, add the ${code(ctx.acceptLabel, 100)} label to the pull request to accept it.`,
    );
  }
  lines.push('', marker);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------

function newFailureSection(ctx: Ctx, budget: number): { text: string; left: number } {
  const ks = ctx.c.cases
    .filter((k) => k.label === 'new_failure' || k.label === 'suspected_new_failure')
    .sort(
      (a, b) =>
        Number(a.label !== 'new_failure') - Number(b.label !== 'new_failure') ||
        failureRank(ctx, a) - failureRank(ctx, b) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  if (!ks.length) return { text: '', left: 0 };
  const nNew = ks.filter((k) => k.label === 'new_failure').length;
  const nSus = ks.length - nNew;
  const title = [
    nNew ? plural(nNew, 'new failure') : '',
    nSus ? plural(nSus, 'suspected new failure') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const parts = [`### ${title[0].toUpperCase()}${title.slice(1)}`];
  let used = parts[0].length;
  let shown = 0;
  for (const k of ks.slice(0, ctx.tier.failureCap)) {
    const e = failureEntry(ctx, k);
    if (used + e.length + 2 > budget && shown > 0) break;
    if (used + e.length + 2 > budget) break;
    parts.push(e);
    used += e.length + 2;
    shown++;
  }
  const left = ks.length - shown;
  if (left > 0) {
    const v = safeHref(ctx.o.viewerUrl);
    parts.push(
      `…and ${int(left)} more not shown here: see the ${v ? `[trace viewer](${v})` : 'trace viewer'}${ctx.summary ? '' : ' or the job summary'}.`,
    );
  }
  return { text: parts.join('\n\n'), left };
}

function render(c: Comparison, o: CommentOptions, summary: boolean): string {
  const maxLength = Math.max(2000, o.maxLength ?? (summary ? SUMMARY_MAX : COMMENT_MAX));
  const marker = o.marker ?? DEFAULT_MARKER;
  const tiers = summary ? SUMMARY_TIERS : COMMENT_TIERS;
  const modeRank = new Map(sortModes(c.modes ?? []).map((m, i) => [m.mode, i]));
  let out = '';
  for (let t = 0; t < tiers.length; t++) {
    const tier = tiers[t];
    const ctx: Ctx = {
      c,
      o,
      tier,
      summary,
      headSha: o.headSha ?? c.head?.sha,
      baseSha: o.baseSha ?? c.base?.sha,
      acceptLabel: o.acceptLabel ?? c.gate?.accept_label ?? 'eval-regression-accepted',
      modeRank,
    };
    const limitNote = summary ? 'job summary size limit' : 'comment size limit';
    const note = tier.note
      ? `> **Shortened** to fit the ${limitNote}: ${tier.note}. The trace viewer has every case.`
      : '';
    const fixed = [header(ctx), note, `### Failure modes\n\n${modeTable(ctx)}`];
    const rest = [
      otherLists(ctx),
      `### Cost and latency\n\n${usageTable(ctx)}`,
      footer(ctx, marker),
    ];
    const fixedLen = fixed.concat(rest).reduce((n, s) => n + s.length + 2, 0);
    const last = t === tiers.length - 1;
    const budget = last ? maxLength - fixedLen - 300 : Infinity;
    const nf = newFailureSection(ctx, budget);
    out = [...fixed, nf.text, ...rest].filter(Boolean).join('\n\n') + '\n';
    if (out.length <= maxLength) return out;
    if (last) {
      // Still too long (thousands of modes or reasons): cut the body at a line, keep the footer.
      const tail = `\n\n> **Cut** at the size limit; the trace viewer has the full report.\n\n${footer(ctx, marker)}\n`;
      const body = out.slice(0, Math.max(0, maxLength - tail.length));
      return body.slice(0, body.lastIndexOf('\n') + 1) + tail;
    }
  }
  return out;
}

/** The sticky PR comment: under `maxLength` (default 65,000) characters whatever the suite size. */
export function renderComment(c: Comparison, opts: CommentOptions = {}): string {
  return render(c, opts, false);
}

/** The job summary: the same report, fuller (lists open, longer excerpts), up to 1 MiB. */
export function renderSummary(c: Comparison, opts: CommentOptions = {}): string {
  return render(c, { marker: '', ...opts }, true);
}
