/**
 * Per-case labels (docs/statistics.md "Which cases broke"): per case and mode, a one-sided exact
 * test in each direction, Benjamini–Hochberg within the mode; then one label per case (its most
 * important over its modes), its side summaries and, for new failures, a trace excerpt.
 */
import type {
  CaseComparison,
  CaseLabel,
  CaseModeComparison,
  CaseResult,
  CaseSide,
  ExcerptCall,
  FailingCheck,
  ModeComparison,
  ModeTrial,
  Results,
  ToolCall,
  Trace,
  TraceExcerpt,
  TrajectoryDivergence,
} from '../types.ts';
import { SEVERITIES } from '../types.ts';
import { BASE, HEAD, slot, trialsOf, type Prepared, type SideScan } from './prepare.ts';
import { benjaminiHochberg, hypergeomTails, stratifiedTest } from './stats.ts';
import { firstDivergence } from './trajectory.ts';

/** False discovery rate of the per-case labels (section 6). */
export const CASE_FDR = 0.1;

const LABEL_ORDER: CaseLabel[] = [
  'new_failure',
  'suspected_new_failure',
  'errored',
  'not_run',
  'fixed',
  'flaky',
  'stable_fail',
  'stable_pass',
];
const LABEL_RANK: Record<CaseLabel, number> = {
  ...(Object.fromEntries(LABEL_ORDER.map((l, i) => [l, i])) as Record<CaseLabel, number>),
  added: 99,
  removed: 99,
};

export interface CaseBuild {
  cases: CaseComparison[];
  counts: Record<CaseLabel, number>;
  removedFailing: string[];
  addedPasses: number;
  addedTrials: number;
}

function emptyCounts(): Record<CaseLabel, number> {
  return {
    new_failure: 0,
    suspected_new_failure: 0,
    fixed: 0,
    flaky: 0,
    stable_pass: 0,
    stable_fail: 0,
    added: 0,
    removed: 0,
    errored: 0,
    not_run: 0,
  };
}

/** One-sided per-case p-values, both directions, stratified over stages. */
function caseTest(
  p: Prepared,
  m: number,
  i: number,
  cache: Map<number, [number, number]>,
): [number, number] | undefined {
  const b1 = slot(p, m, BASE, 0) + i;
  const h1 = slot(p, m, HEAD, 0) + i;
  const b2 = slot(p, m, BASE, 1) + i;
  const h2 = slot(p, m, HEAD, 1) + i;
  const kb1 = p.use[b1];
  const xb1 = p.pass[b1];
  const kh1 = p.use[h1];
  const xh1 = p.pass[h1];
  const kb2 = p.use[b2];
  const kh2 = p.use[h2];
  const xb2 = p.pass[b2];
  const xh2 = p.pass[h2];
  const inf1 = kb1 > 0 && kh1 > 0 && xb1 + xh1 > 0 && xb1 + xh1 < kb1 + kh1;
  const inf2 = kb2 > 0 && kh2 > 0 && xb2 + xh2 > 0 && xb2 + xh2 < kb2 + kh2;
  if (!inf1 && !inf2) return undefined;
  if (inf1 && inf2) {
    const r = stratifiedTest([kb1, kb2], [xb1, xb2], [kh1, kh2], [xh1, xh2], 2);
    return [r.p_reg, r.p_imp];
  }
  const [kb, xb, kh, xh] = inf1 ? [kb1, xb1, kh1, xh1] : [kb2, xb2, kh2, xh2];
  if (kb < 256 && kh < 256) {
    const key = ((kb * 256 + xb) * 256 + kh) * 256 + xh;
    let r = cache.get(key);
    if (!r) {
      r = hypergeomTails(kb, xb, kh, xh);
      cache.set(key, r);
    }
    return r;
  }
  return hypergeomTails(kb, xb, kh, xh);
}

/**
 * `notRun[i]`: bit 1 << side is set when case i has no trial on that side although that side's
 * run selected it (an incomplete run): labelled not_run rather than added or removed.
 */
export function buildCases(
  base: Results,
  head: Results,
  p: Prepared,
  modes: ModeComparison[],
  notRun?: Uint8Array,
  pending?: PendingExcerpt[],
): CaseBuild {
  const U = p.U;
  const M = p.modes.length;
  // Per (mode, case): the reported p and q (regressed direction unless the case is fixed) and
  // the BH outcome: 1 new failure, 2 fixed. p is NaN where the case carried no information.
  const pOut = new Float64Array(M * U).fill(NaN);
  const qOut = new Float64Array(M * U).fill(NaN);
  const found = new Uint8Array(M * U);
  const cache = new Map<number, [number, number]>();
  for (let m = 0; m < M; m++) {
    if (m === p.errorsMode) continue;
    const idx: number[] = [];
    const pr: number[] = [];
    const pi: number[] = [];
    for (let i = 0; i < U; i++) {
      const r = caseTest(p, m, i, cache);
      if (!r) continue;
      idx.push(i);
      pr.push(r[0]);
      pi.push(r[1]);
    }
    // BH within the mode over the informative cases (an uninformative case cannot be rejected,
    // so counting it would only dilute the others).
    const qr = benjaminiHochberg(pr);
    const qi = benjaminiHochberg(pi);
    for (let j = 0; j < idx.length; j++) {
      const k = m * U + idx[j];
      if (qr[j] <= CASE_FDR) found[k] = 1;
      else if (qi[j] <= CASE_FDR) found[k] = 2;
      pOut[k] = found[k] === 2 ? pi[j] : pr[j];
      qOut[k] = found[k] === 2 ? qi[j] : qr[j];
    }
  }

  // A flip to "mostly fails" is only suspected where the mode as a whole is not shown unchanged or
  // improved: with 30% flaky cases and k = 3, thousands of 2/3 -> 1/3 flips per mode are noise.
  const suspectable = modes.map(
    (mc) => mc.verdict === 'regressed' || mc.verdict === 'inconclusive',
  );
  const counts = emptyCounts();
  const cases: CaseComparison[] = new Array(U);
  const removedFailing: string[] = [];
  let addedPasses = 0;
  let addedTrials = 0;
  const [sb, sh] = p.scan;
  // Which newly failing mode a case's excerpt shows: blocking first, then by severity.
  const modeWeight = modes.map(
    (mc) => (mc.blocking ? 0 : 10) + Math.max(0, SEVERITIES.indexOf(mc.severity)),
  );
  for (let i = 0; i < U; i++) {
    const bc = p.side[BASE][i] >= 0 ? base.cases[p.side[BASE][i]] : undefined;
    const hc = p.side[HEAD][i] >= 0 ? head.cases[p.side[HEAD][i]] : undefined;
    const modeList: CaseModeComparison[] = [];
    let best: CaseLabel | undefined;
    // The most important newly failing mode's entry, for the excerpt.
    let lead: CaseModeComparison | undefined;
    let leadWeight = Infinity;
    const nr = notRun !== undefined && notRun[i] !== 0;
    for (let m = 0; m < M; m++) {
      // The built-in errors mode is gated per mode; per case, errors are shown as errors (the
      // case's own counts, the errored label), not as new failures.
      if (m === p.errorsMode) continue;
      const a1 = slot(p, m, BASE, 0) + i;
      const a2 = slot(p, m, BASE, 1) + i;
      const c1 = slot(p, m, HEAD, 0) + i;
      const c2 = slot(p, m, HEAD, 1) + i;
      const ub = p.use[a1] + p.use[a2];
      const uh = p.use[c1] + p.use[c2];
      const eb = p.err[a1] + p.err[a2];
      const eh = p.err[c1] + p.err[c2];
      const onBase = ub + eb > 0;
      const onHead = uh + eh > 0;
      if (!onBase && !onHead) continue;
      const xb = p.pass[a1] + p.pass[a2];
      const xh = p.pass[c1] + p.pass[c2];
      const k = m * U + i;
      let label: CaseLabel;
      let pv = NaN;
      let qv = NaN;
      if (nr) label = 'not_run';
      else if (!onBase) label = 'added';
      else if (!onHead) label = 'removed';
      else if (ub === 0 || uh === 0) label = 'errored';
      else if (found[k] === 1) {
        label = 'new_failure';
        pv = pOut[k];
        qv = qOut[k];
      } else if (found[k] === 2) {
        label = 'fixed';
        pv = pOut[k];
        qv = qOut[k];
      } else {
        pv = pOut[k];
        qv = qOut[k];
        if (xb === ub && xh === uh) label = 'stable_pass';
        else if (xb === 0 && xh === 0) label = 'stable_fail';
        else if (suspectable[m] && 2 * xb > ub && 2 * xh < uh) label = 'suspected_new_failure';
        // Mixed within a side, or a change that was not confirmed (e.g. fail -> pass once).
        else label = 'flaky';
      }
      if (LABEL_RANK[label] < (best === undefined ? 99 : LABEL_RANK[best])) best = label;
      // Stable passes are the bulk of a large suite: left out of the per-case list of modes.
      if (label === 'stable_pass') continue;
      const entry: CaseModeComparison = { mode: p.modes[m], label };
      if (onBase) entry.base = countsOf(xb, ub, eb);
      if (onHead) entry.head = countsOf(xh, uh, eh);
      if (!Number.isNaN(pv)) {
        entry.p = pv;
        entry.q = qv;
      }
      if ((label === 'new_failure' || label === 'suspected_new_failure') && hc) {
        // Per (case, mode), and only for the few cases reported as failures: the trial a report
        // shows fails the mode it lists the case under.
        const ht = modeTrial(hc, entry.mode);
        if (ht) entry.head_trial = ht;
        const bt = bc ? modeTrial(bc, entry.mode) : undefined;
        if (bt) entry.base_trial = bt;
        const w = modeWeight[m] + (label === 'new_failure' ? 0 : 100);
        if (ht && w < leadWeight) {
          lead = entry;
          leadWeight = w;
        }
      }
      modeList.push(entry);
    }
    let label: CaseLabel;
    if (nr) label = 'not_run';
    else if (!bc) label = 'added';
    else if (!hc) label = 'removed';
    else if (sb.caseUse[i] === 0 || sh.caseUse[i] === 0)
      label = best === 'new_failure' || best === 'suspected_new_failure' ? best : 'errored';
    else
      label =
        best ??
        (sb.casePass[i] === sb.caseUse[i] && sh.casePass[i] === sh.caseUse[i]
          ? 'stable_pass'
          : 'flaky');
    counts[label]++;
    if (label === 'removed' && sb.caseFailed[i]) removedFailing.push(p.ids[i]);
    if (label === 'added') {
      addedPasses += sh.casePass[i];
      addedTrials += sh.caseUse[i];
    }
    const src = hc ?? bc!;
    const cc: CaseComparison = {
      id: p.ids[i],
      label,
      tags: Array.isArray(src.tags) ? src.tags : NO_TAGS,
      modes: modeList.length ? modeList : NO_MODES,
    };
    if (src.source) cc.source = src.source;
    if (bc) cc.base = caseSide(bc, sb, i);
    if (hc) cc.head = caseSide(hc, sh, i);
    if (bc && hc && bc.hash !== hc.hash) cc.changed = true;
    if ((label === 'new_failure' || label === 'suspected_new_failure') && hc) {
      const headRef = lead?.head_trial?.trial_ref ?? sh.caseRep[i];
      const baseRef = bc
        ? baseTrialFor(bc, lead?.mode, lead?.base_trial?.trial_ref ?? sb.caseRep[i])
        : -1;
      if (pending)
        pending.push({ case: cc, head: p.side[HEAD][i], headRef, base: p.side[BASE][i], baseRef });
      else cc.excerpt = caseExcerpt(hc, headRef, bc, baseRef);
    }
    cases[i] = cc;
  }
  return { cases, counts, removedFailing, addedPasses, addedTrials };
}

type Counts = { passes: number; trials: number; errors: number };
const COUNTS = new Map<number, Counts>();

/**
 * Per-case counts are a handful of small-integer triples repeated hundreds of thousands of times
 * in a large suite: one shared (frozen) object per triple saves most of the output's objects.
 */
function countsOf(passes: number, trials: number, errors: number): Counts {
  if (trials >= 1024 || errors >= 1024) return { passes, trials, errors };
  const key = (errors * 1024 + trials) * 1024 + passes;
  let c = COUNTS.get(key);
  if (!c) {
    c = Object.freeze({ passes, trials, errors });
    if (COUNTS.size < 100_000) COUNTS.set(key, c);
  }
  return c;
}

/** A check result as a FailingCheck: shared when it has the fields (see caseSide). */
function failingCheck(ch: CaseResult['trials'][number]['checks'][number]): FailingCheck {
  if (typeof ch.type === 'string' && typeof ch.mode === 'string' && typeof ch.reason === 'string')
    return ch;
  const f: FailingCheck = {
    type: String(ch.type),
    mode: String(ch.mode),
    reason: String(ch.reason ?? ''),
  };
  if (typeof ch.name === 'string') f.name = ch.name;
  return f;
}

/** The first trial of a case where a check of `mode` failed (an errored trace fails nothing). */
function modeTrial(c: CaseResult, mode: string): ModeTrial | undefined {
  const trials = trialsOf(c);
  for (let t = 0; t < trials.length; t++) {
    const trial = trials[t];
    if (trial?.trace?.error) continue;
    const failing: FailingCheck[] = [];
    for (const ch of Array.isArray(trial?.checks) ? trial.checks : []) {
      if (ch && typeof ch === 'object' && ch.mode === mode && ch.status === 'fail')
        failing.push(failingCheck(ch));
    }
    if (!failing.length) continue;
    const out: ModeTrial = { trial_ref: t, failing };
    if (trial.trace?.trace_id) out.trace_id = trial.trace.trace_id;
    return out;
  }
  return undefined;
}

// Shared, frozen: most cases of a large suite list no mode and no failing check.
const NO_TAGS = Object.freeze([]) as unknown as string[];
const NO_MODES = Object.freeze([]) as unknown as CaseModeComparison[];
const NO_FAILING = Object.freeze([]) as unknown as FailingCheck[];
const SIDES = new Map<number, CaseSide>();

/**
 * A case side without failing checks or trace id: one shared (frozen) object per (passes,
 * trials, errors, trial_ref), like countsOf; at 100,000 cases these were 200,000 objects.
 */
function plainSide(passes: number, trials: number, errors: number, ref: number): CaseSide {
  if (passes >= 256 || trials >= 256 || errors >= 256 || ref >= 256 || ref < 0)
    return { passes, trials, errors, failing: [], trial_ref: ref };
  const key = ((errors * 256 + trials) * 256 + passes) * 256 + ref;
  let side = SIDES.get(key);
  if (!side) {
    side = Object.freeze({ passes, trials, errors, failing: NO_FAILING, trial_ref: ref });
    if (SIDES.size < 100_000) SIDES.set(key, side);
  }
  return side;
}

function caseSide(c: CaseResult, sc: SideScan, i: number): CaseSide {
  const rep = sc.caseRep[i];
  const t = trialsOf(c)[rep];
  const failing: FailingCheck[] = [];
  for (const ch of t && Array.isArray(t.checks) ? t.checks : []) {
    if (!ch || typeof ch !== 'object' || ch.status === 'pass') continue;
    // The check result itself is a FailingCheck (plus its status and index): shared, not
    // copied, because at 100,000 cases the copies were a third of the output's memory.
    if (
      typeof ch.type === 'string' &&
      typeof ch.mode === 'string' &&
      typeof ch.reason === 'string'
    ) {
      failing.push(ch);
      continue;
    }
    const f: FailingCheck = {
      type: String(ch.type),
      mode: String(ch.mode),
      reason: String(ch.reason ?? ''),
    };
    if (typeof ch.name === 'string') f.name = ch.name;
    failing.push(f);
  }
  const traceId = t?.trace?.trace_id;
  if (!failing.length && !traceId)
    return plainSide(sc.casePass[i], sc.caseUse[i], sc.caseErr[i], rep);
  const side: CaseSide = {
    passes: sc.casePass[i],
    trials: sc.caseUse[i],
    errors: sc.caseErr[i],
    failing,
    trial_ref: rep,
  };
  if (t?.trace?.trace_id) side.trace_id = t.trace.trace_id;
  return side;
}

/**
 * Cuts at `max`, dropping a word the cut split: the start of a token (20 of a GitHub token's
 * 40 characters) is too short for the reports' secret patterns to recognise.
 */
function cut(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max).replace(/[\w-]{1,40}$/, '')}…` : s;
}

function safeJson(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return String(v);
  }
}

const textOf = (v: unknown) => (typeof v === 'string' ? v : safeJson(v ?? ''));

/** A trial's trajectory (an untrusted trace: the list may be missing). */
function callsOf(trace: Trace | undefined): ToolCall[] {
  return Array.isArray(trace?.tool_calls) ? trace.tool_calls : [];
}

function excerptCall(tc: unknown): ExcerptCall {
  const c = (tc && typeof tc === 'object' ? tc : {}) as { name?: unknown; arguments?: unknown };
  return { name: cut(String(c.name ?? ''), 100), arguments: cut(safeJson(c.arguments ?? {}), 300) };
}

/**
 * An excerpt the caller builds later from the full cases (compareFiles: the results were read
 * slim, without trace text): the case it belongs to, and the indices into `head.cases` and
 * `base.cases` (-1: none) with the trials to show.
 */
export interface PendingExcerpt {
  case: CaseComparison;
  head: number;
  headRef: number;
  base: number;
  baseRef: number;
}

/** A new failure's excerpt: the head trial's, with the base trial's trajectory beside it. */
export function caseExcerpt(
  hc: CaseResult,
  headRef: number,
  bc: CaseResult | undefined,
  baseRef: number,
): TraceExcerpt {
  const out = excerpt(hc, headRef);
  if (bc) addBaseTrajectory(out, hc, headRef, bc, baseRef);
  return out;
}

function excerpt(c: CaseResult, trialRef: number): TraceExcerpt {
  const trace = trialsOf(c)[trialRef]?.trace;
  const out: TraceExcerpt = {
    input: cut(safeJson(c.input), 500),
    output: cut(textOf(trace?.output), 1000),
    tool_calls: callsOf(trace).slice(0, 20).map(excerptCall),
    retrieved: (Array.isArray(trace?.retrieved) ? trace.retrieved : [])
      .slice(0, 20)
      .map((r) => cut(typeof r?.id === 'string' ? r.id : safeJson(r?.text ?? ''), 100)),
  };
  if (trace?.error?.message) out.error = cut(String(trace.error.message), 500);
  if (Array.isArray(trace?.turns) && trace.turns.length) {
    out.turns = trace.turns.slice(0, 20).map((t) => ({
      user: cut(textOf(t?.user), 300),
      output: cut(textOf(t?.output), 500),
    }));
  }
  return out;
}

/**
 * The base trial to set the head's trajectory against: the first that ran and passes `mode`
 * (what the head should have done), else the given one (a base trial failing it too).
 */
function baseTrialFor(c: CaseResult, mode: string | undefined, fallback: number): number {
  const trials = trialsOf(c);
  if (mode !== undefined) {
    for (let t = 0; t < trials.length; t++) {
      const trial = trials[t];
      if (!trial || trial.trace?.error) continue;
      const checks = Array.isArray(trial.checks) ? trial.checks : [];
      if (checks.some((ch) => ch?.mode === mode && ch.status === 'error')) continue;
      if (!checks.some((ch) => ch?.mode === mode && ch.status === 'fail')) return t;
    }
  }
  return fallback;
}

/** Adds the base trial's trajectory and the first divergent step, when the two differ. */
function addBaseTrajectory(
  out: TraceExcerpt,
  hc: CaseResult,
  headRef: number,
  bc: CaseResult,
  baseRef: number,
): void {
  const ht = trialsOf(hc)[headRef]?.trace;
  const bt = trialsOf(bc)[baseRef]?.trace;
  if (!bt || bt.error || ht?.error) return;
  const head = callsOf(ht);
  const base = callsOf(bt);
  const step = firstDivergence(head, base);
  if (step === undefined) return;
  out.base_tool_calls = base.slice(0, 20).map(excerptCall);
  const d: TrajectoryDivergence = { step };
  if (step < head.length) d.head = excerptCall(head[step]);
  if (step < base.length) d.base = excerptCall(base[step]);
  out.divergence = d;
}
