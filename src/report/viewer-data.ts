/**
 * What the trace viewer shows, as data: the header (verdict, modes, usage), one index entry per
 * case (what the list, the filters and the search need) and one trace entry per case (input and
 * both sides' trials, read only when the case is opened). Built case by case, so the viewer can
 * be written in chunks without holding every case's data at once.
 */
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
import { redactDeep } from './redact.ts';
import { modeVerdictWords, NOT_REPORTED } from './verdict-words.ts';

export interface ViewerOptions {
  title?: string;
  /**
   * Store the index and the traces gzip-compressed (base64) in chunks the page decodes when it
   * needs them. Default: for suites of more than COMPRESS_FROM cases.
   */
  compress?: boolean;
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

/** Both sides' snippets, the base's only when it says something else (most stable cases). */
const snips = (head: string, base: string) => (head === base ? head : `${head}\n${base}`);

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

const hasJudged = (t: TrialResult | undefined) =>
  !!t?.checks?.some?.((k) => JUDGED_TYPES.has(k?.type));

/** The cases in the order the page lists them: new failures first, then by id. */
export function sortedCases(c: Comparison): CaseComparison[] {
  const order = new Map(LABEL_ORDER.map((l, i) => [l, i]));
  return [...(c.cases ?? [])].sort(
    (a, b) =>
      (order.get(a.label) ?? 99) - (order.get(b.label) ?? 99) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The page's header data (redacted): verdict, modes, usage, label counts, the case total. */
export function viewerHeader(
  c: Comparison,
  base: Results | undefined,
  head: Results | undefined,
  opts: ViewerOptions,
) {
  const h = headline(
    c,
    (s) => s,
    (s) => s,
    c.gate?.accept_label ?? 'eval-regression-accepted',
  );
  const labelable = [base, head].some((r) =>
    r?.cases?.some((k) => Array.isArray(k?.trials) && k.trials.some(hasJudged)),
  );
  return redactDeep({
    title: opts.title ?? 'evalgate trace viewer',
    headline: h,
    reasons: c.reasons ?? [],
    base: { sha: shortSha(c.base?.sha), ref: c.base?.ref },
    head: { sha: shortSha(c.head?.sha), ref: c.head?.ref },
    traceUrl: c.trace_url ?? base?.meta?.trace_url ?? head?.meta?.trace_url ?? null,
    labels: LABEL_TEXT,
    // Checks a reviewer may label for calibration (see labelable).
    judged: [...JUDGED_TYPES],
    labelable,
    labelOrder: LABEL_ORDER,
    labelCounts: Object.fromEntries(LABEL_ORDER.map((l) => [l, countOf(c, l)])),
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
    total: c.cases?.length ?? 0,
  });
}

/**
 * A case as the list shows it (not yet redacted: that happens when it is serialised, see
 * viewer-blocks.ts). The page keys its `#case=` anchors by the redacted `id`, as the comment's
 * links name the case.
 */
export function caseEntry(k: CaseComparison, br?: CaseResult, hr?: CaseResult) {
  return {
    id: k.id,
    label: k.label,
    modes: k.modes.map((m) => ({ mode: m.mode, label: m.label, b: frac(m.base), h: frac(m.head) })),
    src: k.source ? `${k.source.file}:${k.source.line}` : '',
    tags: k.tags ?? [],
    changed: !!k.changed,
    excerpt: k.excerpt ?? null,
    snip: snips(snippet(hr, k.head?.trial_ref), snippet(br, k.base?.trial_ref)),
    b: side(k.base, br),
    h: side(k.head, hr),
  };
}

/** A case's traces (not yet redacted: that happens when they are serialised). */
export function traceEntry(k: CaseComparison, br?: CaseResult, hr?: CaseResult) {
  return {
    input: hr?.input ?? br?.input ?? k.excerpt?.input,
    b: labelable(br) ?? [],
    h: labelable(hr) ?? [],
  };
}

/**
 * A side's trials, each judged one with its trace hash (`th`, src/calibrate/identity.ts): the
 * viewer labels a judged check of that trace and the labels file names it by this hash. Hashed
 * here from the results as written (before redaction), as `evalgate calibrate` hashes them.
 */
function labelable(r: CaseResult | undefined): unknown[] | undefined {
  const trials = r?.trials;
  if (!trials?.some(hasJudged)) return trials;
  return trials.map((t) =>
    t?.trace && !t.trace.error && hasJudged(t) ? { ...t, th: traceHash(r!.input, t.trace) } : t,
  );
}
