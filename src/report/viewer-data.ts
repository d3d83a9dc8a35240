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

/**
 * What the index needs of one case of one side's results, gathered in the first pass over them
 * (see SideScanner): where its traces are, and its trial counts.
 */
export interface SideCase {
  /** Position of the case's traces among this side's trace entries (the results' order). */
  pos: number;
  runs: number;
  passes: number;
  errors: number;
}

/** One side of a case as listed: counts and failing checks (light; the traces are apart). */
function side(k: CaseComparison['base'], r: SideCase | undefined) {
  if (!k && !r) return null;
  return {
    passes: k?.passes ?? r?.passes ?? 0,
    n: k?.trials ?? r?.runs ?? 0,
    errors: k?.errors ?? r?.errors ?? 0,
    failing: k?.failing ?? [],
    ref: k?.trial_ref ?? 0,
    /** Trials with traces on this side (0 when the results were not given). */
    runs: r?.runs ?? 0,
    /** Where its traces are in this side's trace blocks; -1 for none. */
    at: r ? r.pos : -1,
  };
}

const USAGE_FIELDS = ['input_tokens', 'output_tokens', 'cost_usd'] as const;
type UsageField = (typeof USAGE_FIELDS)[number];

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** A side's usage summed case by case (the first pass over its results). */
export class UsageSums {
  readonly sums = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
  readonly seen = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
  readonly latencies: number[] = [];

  add(c: CaseResult): void {
    for (const t of Array.isArray(c?.trials) ? c.trials : []) {
      const u = t?.trace?.usage;
      for (const f of USAGE_FIELDS) {
        if (u && finite(u[f])) {
          this.sums[f] += u[f];
          this.seen[f]++;
        }
      }
      if (finite(t?.trace?.latency_ms)) this.latencies.push(t.trace.latency_ms);
    }
  }
}

/**
 * A side's cost, tokens and latency as the page shows them. Absent is not zero: a value no trace
 * reported reads "not reported". With the side's results at hand, the traces say what was
 * reported (the comparison's totals win when positive: they count the judge too); without them,
 * the comparison's own fields (absent when nothing was reported).
 */
export function sideUsage(side: Comparison['base'] | undefined, r: Results | undefined) {
  if (!r) return usageShown(side, undefined);
  const sums = new UsageSums();
  for (const c of r.cases ?? []) sums.add(c);
  return usageShown(side, sums);
}

/** sideUsage from sums gathered case by case (undefined: the side's results were not given). */
export function usageShown(side: Comparison['base'] | undefined, r: UsageSums | undefined) {
  const summary = (side?.usage ?? {}) as Partial<Record<UsageField, unknown>>;
  const totals: Partial<Record<UsageField, number>> = {};
  let latencies: Float64Array | undefined;
  if (r) {
    for (const f of USAGE_FIELDS) {
      const s = summary[f];
      if (finite(s) && s > 0) totals[f] = s;
      else if (r.seen[f] > 0) totals[f] = r.sums[f];
    }
    if (r.latencies.length) latencies = Float64Array.from(r.latencies).sort();
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

/**
 * One side's results as the viewer reads them: its cases in the results' own order, read twice
 * (once to gather what the header and the index need, once to write the traces), and its meta.
 * From a file, `cases` reads it line by line (src/run/results-stream.ts readCases) and `meta`
 * is set when the first pass reads it.
 */
export interface ViewerSide {
  cases: () => Iterable<CaseResult> | AsyncIterable<CaseResult>;
  meta?: Results['meta'];
}

/**
 * The first pass over a side's cases: where each listed case's traces will be (its position
 * among the side's trace entries, in the results' order: the second pass writes them in that
 * order, so neither pass needs more than one case at a time), trial counts, usage, and whether
 * any trial has a judged check. Cases the comparison does not list, and repeated ids, get no
 * position and are left out of the traces.
 */
export class SideScanner {
  readonly at = new Map<string, SideCase>();
  readonly usage = new UsageSums();
  /** The first position of each trace block (see TRACE_CHUNK, TRACE_CHARS). */
  readonly starts: number[] = [];
  judged = false;
  private readonly listed: ReadonlySet<string>;
  private blockCases = 0;
  private blockChars = 0;
  constructor(listed: ReadonlySet<string>) {
    this.listed = listed;
  }

  add(c: CaseResult): void {
    if (!c || typeof c.id !== 'string' || !this.listed.has(c.id) || this.at.has(c.id)) return;
    const trials = Array.isArray(c.trials) ? c.trials : [];
    let passes = 0;
    let errors = 0;
    for (const t of trials) {
      if (t?.status === 'pass') passes++;
      else if (t?.status === 'error') errors++;
      if (!this.judged && hasJudged(t)) this.judged = true;
    }
    const pos = this.at.size;
    // A block ends at TRACE_CHUNK cases or once it holds TRACE_CHARS: the writer holds one
    // block's cases, the page decodes one block to open a case.
    if (!pos || this.blockCases >= TRACE_CHUNK || this.blockChars >= TRACE_CHARS) {
      this.starts.push(pos);
      this.blockCases = this.blockChars = 0;
    }
    this.blockCases++;
    this.blockChars += textSize(c, 0);
    this.at.set(c.id, { pos, runs: trials.length, passes, errors });
    this.usage.add(c);
  }

  /** Whether the second pass should write this case's traces next (see `add`). */
  next(c: CaseResult, written: number): boolean {
    return this.at.get(c?.id)?.pos === written;
  }
}

/** Cases per trace block, at most (per side: a block of their outputs and one of the rest). */
export const TRACE_CHUNK = 100;
/** Characters of text per trace block, about: a block ends at the case that passes it. */
export const TRACE_CHARS = 2_000_000;

/** The characters of a value's strings (a few more per other value), to size trace blocks. */
function textSize(v: unknown, depth: number): number {
  if (typeof v === 'string') return v.length;
  if (!v || typeof v !== 'object' || depth > 32) return 4;
  let n = 4;
  if (Array.isArray(v)) for (const x of v) n += textSize(x, depth + 1);
  else for (const k in v) n += k.length + textSize((v as Record<string, unknown>)[k], depth + 1);
  return n;
}

/** What the first pass found on both sides (undefined: that side's results were not given). */
export interface ScannedSides {
  base?: SideScanner & { meta?: Results['meta'] };
  head?: SideScanner & { meta?: Results['meta'] };
}

/** The page's header data (redacted): verdict, modes, usage, label counts, the case total. */
export function viewerHeader(c: Comparison, sides: ScannedSides, opts: ViewerOptions) {
  const { base, head } = sides;
  const h = headline(
    c,
    (s) => s,
    (s) => s,
    c.gate?.accept_label ?? 'eval-regression-accepted',
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
    labelable: !!(base?.judged || head?.judged),
    labelOrder: LABEL_ORDER,
    labelCounts: Object.fromEntries(LABEL_ORDER.map((l) => [l, countOf(c, l)])),
    kind: h.kind,
    usage: { base: usageShown(c.base, base?.usage), head: usageShown(c.head, head?.usage) },
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
 * links name the case. Outputs are not here: the search reads them from the trace blocks.
 */
export function caseEntry(k: CaseComparison, br?: SideCase, hr?: SideCase) {
  return {
    id: k.id,
    label: k.label,
    modes: k.modes.map((m) => ({ mode: m.mode, label: m.label, b: frac(m.base), h: frac(m.head) })),
    src: k.source ? `${k.source.file}:${k.source.line}` : '',
    tags: k.tags ?? [],
    changed: !!k.changed,
    excerpt: k.excerpt ?? null,
    b: side(k.base, br),
    h: side(k.head, hr),
  };
}

/**
 * Objects repeated across the trials of a trace block (check results, retrieved documents),
 * stored once per block and named by their place: a block's JSON then shrinks by half where
 * checks repeat (gzip's 32 KB window sees only a few cases back).
 */
export class Pool {
  readonly values: unknown[] = [];
  private readonly seen = new Map<unknown, number>();
  private readonly byJson = new Map<string, number>();

  ref(v: unknown): number {
    let i = this.seen.get(v);
    if (i !== undefined) return i;
    const key = JSON.stringify(v);
    i = this.byJson.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.byJson.set(key, i);
    }
    this.seen.set(v, i);
    return i;
  }

  /** An array of objects as their places in the pool; undefined for anything else. */
  refs(a: unknown): number[] | undefined {
    if (!Array.isArray(a) || !a.length) return undefined;
    for (const x of a) if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
    return a.map((x) => this.ref(x));
  }
}

/**
 * A case's traces on one side, in two parts: `text`, its distinct outputs (what the search
 * reads: a search decodes only these), and `rest`, its trials with each string output replaced
 * by `o`, the output's place in `text`, their checks (`ck`) and retrieved documents (`rv`) by
 * their places in the block's pool, and the case's input unless the other side carries it. The
 * page puts them back (viewer-data-js.ts joinOutputs). Not yet redacted: that happens when they
 * are serialised.
 */
export function sideTraces(
  r: CaseResult,
  withInput: boolean,
  pool: Pool,
): { text: string[]; rest: unknown } {
  const text: string[] = [];
  const seen = new Map<string, number>();
  const trials = (labelable(r) ?? []).map((tr) => {
    if (!tr || typeof tr !== 'object') return tr;
    const out = tr.trace?.output;
    let o: number | undefined;
    if (typeof out === 'string') {
      o = seen.get(out);
      if (o === undefined) {
        o = text.length;
        seen.set(out, o);
        text.push(out);
      }
    }
    const ck = pool.refs(tr.checks);
    const rv = tr.trace && typeof tr.trace === 'object' ? pool.refs(tr.trace.retrieved) : undefined;
    const trace =
      o === undefined && !rv
        ? tr.trace
        : {
            ...tr.trace,
            output: o === undefined ? tr.trace.output : undefined,
            retrieved: rv ? undefined : tr.trace.retrieved,
            rv,
          };
    return { ...tr, checks: ck ? undefined : tr.checks, ck, trace, o };
  });
  return { text, rest: withInput ? { input: r.input, t: trials } : { t: trials } };
}

/**
 * A side's trials, each judged one with its trace hash (`th`, src/calibrate/identity.ts): the
 * viewer labels a judged check of that trace and the labels file names it by this hash. Hashed
 * here from the results as written (before redaction), as `evalgate calibrate` hashes them.
 */
function labelable(r: CaseResult | undefined): TrialResult[] | undefined {
  const trials = r?.trials;
  if (!Array.isArray(trials) || !trials.some(hasJudged)) return trials;
  return trials.map((t) =>
    t?.trace && !t.trace.error && hasJudged(t) ? { ...t, th: traceHash(r!.input, t.trace) } : t,
  );
}
