/**
 * The HTML trace viewer: one self-contained file (inline CSS and JS, no network) with every case
 * of a comparison and, when the results are given, every trial's trace on both sides.
 *
 * Safety: the data is embedded as JSON in a `<script type="application/json">` block with `<`,
 * `>` and `&` escaped as \u003c etc., so no string in it can end the block; the page script
 * renders it with textContent only; and a CSP allows no network at all and only our own script
 * (by hash), so even an injected `<script>` would not run.
 */
import { createHash } from 'node:crypto';
import { JUDGED_TYPES, traceHash } from '../calibrate/identity.ts';
import type { CaseComparison, CaseResult, Comparison, Results, TrialResult } from '../types.ts';
import {
  countOf,
  int,
  LABEL_ORDER,
  LABEL_TEXT,
  modeP,
  ms,
  shortSha,
  sortModes,
  usd,
} from './format.ts';
import { headline } from './headline.ts';
import { showControls } from './plain.ts';
import { redactDeep, redactedJson, redactSecrets } from './redact.ts';
import { modeVerdictWords, NOT_REPORTED } from './verdict-words.ts';
import { VIEWER_CSS, VIEWER_JS } from './viewer-assets.ts';

export interface ViewerOptions {
  title?: string;
}

type Frac = [number, number, number];

function frac(s: { passes: number; trials: number; errors: number } | undefined): Frac | null {
  return s ? [s.passes, s.trials, s.errors] : null;
}

/** One side of a case as listed: counts and failing checks (light; the traces are apart). */
function side(k: CaseComparison['base'], r: CaseResult | undefined) {
  if (!k && !r) return null;
  const runs: TrialResult[] = r?.trials ?? [];
  return {
    passes: k?.passes ?? runs.filter((t) => t.status === 'pass').length,
    n: k?.trials ?? runs.length,
    errors: k?.errors ?? runs.filter((t) => t.status === 'error').length,
    failing: k?.failing ?? [],
    ref: k?.trial_ref ?? 0,
    /** Trials with traces on this side (0 when the results were not given). */
    runs: runs.length,
  };
}

/** A short piece of the representative output, so search covers outputs without the traces. */
function snippet(r: CaseResult | undefined, ref: number | undefined): string {
  const t = r?.trials?.[ref ?? 0] ?? r?.trials?.[0];
  const out = t?.trace?.output;
  return typeof out === 'string' ? out.slice(0, 400) : '';
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const USAGE_FIELDS = ['input_tokens', 'output_tokens', 'cost_usd'] as const;
type UsageField = (typeof USAGE_FIELDS)[number];

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * A side's cost, tokens and latency as the page shows them. Absent is not zero: a value no trace
 * reported reads "not reported". With the side's results at hand, the traces say what was
 * reported (the comparison's totals win when positive: they count the judge too); without them,
 * the comparison's own fields (absent when nothing was reported).
 */
export function sideUsage(side: Comparison['base'] | undefined, r: Results | undefined) {
  const summary = (side?.usage ?? {}) as Partial<Record<UsageField, unknown>>;
  const totals: Partial<Record<UsageField, number>> = {};
  let latencies: Float64Array | undefined;
  if (r) {
    const sums = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
    const seen = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
    const lat: number[] = [];
    for (const c of r.cases ?? []) {
      for (const t of Array.isArray(c.trials) ? c.trials : []) {
        const u = t?.trace?.usage;
        for (const f of USAGE_FIELDS) {
          if (u && finite(u[f])) {
            sums[f] += u[f];
            seen[f]++;
          }
        }
        if (finite(t?.trace?.latency_ms)) lat.push(t.trace.latency_ms);
      }
    }
    for (const f of USAGE_FIELDS) {
      const s = summary[f];
      if (finite(s) && s > 0) totals[f] = s;
      else if (seen[f] > 0) totals[f] = sums[f];
    }
    if (lat.length) latencies = Float64Array.from(lat).sort();
  } else {
    for (const f of USAGE_FIELDS) {
      const s = summary[f];
      if (finite(s)) totals[f] = s;
    }
  }
  const lm = side?.latency_ms as { p50?: unknown; p95?: unknown } | undefined;
  // With the traces at hand they alone say (the comparison's percentiles come from them too).
  const p50 = latencies ? percentile(latencies, 0.5) : !r && finite(lm?.p50) ? lm.p50 : undefined;
  const p95 = latencies ? percentile(latencies, 0.95) : !r && finite(lm?.p95) ? lm.p95 : undefined;
  const shown = (v: number | undefined, f: (n: number) => string) =>
    v === undefined ? NOT_REPORTED : f(v);
  return {
    cost: shown(totals.cost_usd, usd),
    input_tokens: shown(totals.input_tokens, int),
    output_tokens: shown(totals.output_tokens, int),
    p50: shown(p50, ms),
    p95: shown(p95, ms),
  };
}

/**
 * The page data, in two parts: `index` (every case's id, labels, counts and failing checks:
 * what the list, the filters and the search need) and `traces` (per case: input and both
 * sides' trials). The page parses the index at once and a case's traces only when it is opened,
 * which keeps the first screen fast with 10,000 cases. The index is redacted here, the traces
 * when they are serialised (`jsonForScript`).
 */
export function viewerData(
  c: Comparison,
  base?: Results,
  head?: Results,
  opts: ViewerOptions = {},
) {
  const byId = (r?: Results) => new Map((r?.cases ?? []).map((k) => [k.id, k]));
  const bm = byId(base);
  const hm = byId(head);
  const h = headline(
    c,
    (s) => s,
    (s) => s,
    c.gate?.accept_label ?? 'eval-regression-accepted',
  );
  const order = new Map(LABEL_ORDER.map((l, i) => [l, i]));
  const cases = [...(c.cases ?? [])].sort(
    (a, b) =>
      (order.get(a.label) ?? 99) - (order.get(b.label) ?? 99) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const index: Record<string, number> = Object.create(null);
  const traces: unknown[] = [];
  let hasLabelable = false;
  const list = cases.map((k, i) => {
    // Keyed as the comment's links name the case: redacted, lone surrogates made U+FFFD.
    index[redactSecrets(k.id).replace(LONE_SURROGATE, '\ufffd')] = i;
    const br = bm.get(k.id);
    const hr = hm.get(k.id);
    const b = labelable(br);
    const hs = labelable(hr);
    if (b !== br?.trials || hs !== hr?.trials) hasLabelable = true;
    traces.push({ input: hr?.input ?? br?.input ?? k.excerpt?.input, b: b ?? [], h: hs ?? [] });
    return redactDeep({
      id: k.id,
      label: k.label,
      modes: k.modes.map((m) => ({
        mode: m.mode,
        label: m.label,
        b: frac(m.base),
        h: frac(m.head),
      })),
      src: k.source ? `${k.source.file}:${k.source.line}` : '',
      tags: k.tags ?? [],
      changed: !!k.changed,
      excerpt: k.excerpt ?? null,
      snip: `${snippet(hr, k.head?.trial_ref)}\n${snippet(br, k.base?.trial_ref)}`,
      b: side(k.base, br),
      h: side(k.head, hr),
    });
  });
  const labelCounts = Object.fromEntries(LABEL_ORDER.map((l) => [l, countOf(c, l)]));
  const data = redactDeep({
    title: opts.title ?? 'evalgate trace viewer',
    headline: h,
    reasons: c.reasons ?? [],
    base: { sha: shortSha(c.base?.sha), ref: c.base?.ref },
    head: { sha: shortSha(c.head?.sha), ref: c.head?.ref },
    traceUrl: c.trace_url ?? base?.meta?.trace_url ?? head?.meta?.trace_url ?? null,
    labels: LABEL_TEXT,
    // Checks a reviewer may label for calibration (see labelable).
    judged: [...JUDGED_TYPES],
    labelable: hasLabelable,
    labelOrder: LABEL_ORDER,
    labelCounts,
    kind: h.kind,
    usage: { base: sideUsage(c.base, base), head: sideUsage(c.head, head) },
    notReported: NOT_REPORTED,
    modes: sortModes(c.modes ?? []).map((m) => ({
      mode: m.mode,
      severity: m.severity,
      blocking: m.blocking,
      base: [m.base.passes, m.base.trials, m.base.rate],
      head: [m.head.passes, m.head.trials, m.head.rate],
      effect: m.effect,
      ci: m.effect_ci,
      p: modeP(m),
      verdict: m.verdict,
      // The comment's words and marks: a regression that does not block looks different.
      words: modeVerdictWords(m),
      note: m.needed?.note ?? null,
    })),
  });
  return { ...data, cases: list, index, traces };
}

/**
 * A side's trials, each judged one with its trace hash (`th`, src/calibrate/identity.ts): the
 * viewer labels a judged check of that trace and the labels file names it by this hash. Hashed
 * here from the results as written (before redaction), as `evalgate calibrate` hashes them.
 */
function labelable(r: CaseResult | undefined): unknown[] | undefined {
  const trials = r?.trials;
  if (!trials?.some((t) => t?.checks?.some?.((k) => JUDGED_TYPES.has(k?.type)))) return trials;
  return trials.map((t) =>
    t?.trace && !t.trace.error && t.checks?.some?.((k) => JUDGED_TYPES.has(k?.type))
      ? { ...t, th: traceHash(r!.input, t.trace) }
      : t,
  );
}

/**
 * Redacted JSON that cannot end a `<script>` element or start a comment inside it. C1 controls
 * and bidi overrides are \u-escaped as well: the same data, and a file printed to a terminal
 * (`evalgate report --format html` without --out) has nothing in it a terminal would obey.
 */
export function jsonForScript(v: unknown): string {
  return redactedJson(v).replace(
    /[<>&\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function escapeHtml(s: string): string {
  return showControls(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const SCRIPT_HASH = `sha256-${createHash('sha256').update(VIEWER_JS, 'utf8').digest('base64')}`;

/** One self-contained HTML file showing every case; open it from disk or an artifact. */
export function renderViewer(
  c: Comparison,
  base?: Results,
  head?: Results,
  opts: ViewerOptions = {},
): string {
  const { traces, ...data } = viewerData(c, base, head, opts);
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src '${SCRIPT_HASH}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(data.title)}</title>`,
    `<style>${VIEWER_CSS}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    '<noscript>This viewer needs JavaScript; the data is in the JSON blocks of this file.</noscript>',
    `<script type="application/json" id="evalgate-data">${jsonForScript(data)}</script>`,
    // The script runs as soon as the parser reaches it, before the (large) trace blocks below:
    // the list renders first, traces are parsed per case when opened.
    `<script>${VIEWER_JS}</script>`,
  ];
  traces.forEach((t, i) =>
    parts.push(`<script type="application/json" id="evalgate-t${i}">${jsonForScript(t)}</script>`),
  );
  parts.push('</body>', '</html>', '');
  return parts.join('\n');
}
