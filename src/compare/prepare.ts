/**
 * Preparation: one scan of both sides' trials into integer count arrays (per mode, side, stage
 * and case). Everything else in compare works on these arrays.
 *
 * Per trial and mode: a check that failed makes the trial a failure for its mode, even when
 * another check of that mode errored (the failure is known whatever the other check would have
 * said); a mode with no failing check and an errored one is missing for that trial (its outcome
 * is unknown), as is every mode of a trial whose trace errored.
 *
 * The built-in `errors` mode (ERRORS_MODE) is counted alongside: every trial is usable for it,
 * and passes it when neither its trace nor any of its checks errored. It joins the modes only
 * when some trial errored, so comparisons without errors look as they did.
 */
import { ERRORS_MODE } from '../defaults.ts';
import type { CaseResult, Results, RunCounts, TrialResult, Usage } from '../types.ts';

export const BASE = 0;
export const HEAD = 1;

/** Trial counts per case: bytes when no case has more than 255 trials (the usual), else 16 bits. */
type CountArray = Uint8Array | Uint16Array;

export interface Prepared {
  /** The modes compared: declared ones, then undeclared ones, then `errors` if any trial errored. */
  modes: string[];
  /** Union of case ids: head order, then base-only cases. */
  ids: string[];
  /** Case id -> index into `ids`. */
  where: Map<string, number>;
  /** Index into base.cases / head.cases, or -1. */
  side: [Int32Array, Int32Array];
  /**
   * Counts per (mode, side, stage, case): at ((m * 2 + side) * 2 + stage) * U + i. Stage 0 is the
   * first run, stage 1 the adaptive re-runs (any stage >= 2).
   */
  pass: CountArray;
  use: CountArray;
  err: CountArray;
  U: number;
  scan: [SideScan, SideScan];
  /** Index of the built-in errors mode in `modes`, or -1 (no trial errored). */
  errorsMode: number;
  /**
   * Per (mode, side), at m * 2 + side: the system's cost of the trials of cases guarding the
   * mode (a trial counts for each mode its case guards), and the judge's cost of its checks.
   */
  modeCost: Float64Array;
  modeJudgeCost: Float64Array;
}

/** Per side: run totals and per-case trial counts (by trial status, all modes together). */
export interface SideScan {
  counts: RunCounts;
  usage: Required<Usage>;
  /** Traces that reported each usage field: none means "not reported", not 0. */
  usageReported: { input_tokens: number; output_tokens: number; cost_usd: number };
  latencies: number[];
  /** The first errored trial: case index (into `ids`), trial index, kind and message. */
  firstError?: { i: number; trial: number; kind: string; message: string };
  casePass: Int32Array;
  caseUse: Int32Array;
  caseErr: Int32Array;
  /** Trials of the case (0 for a case absent from this side or listed without trials). */
  caseTrials: Int32Array;
  /** First failing trial, else 0. */
  caseRep: Int32Array;
  caseFailed: Uint8Array;
  /** Adaptive re-run trials (stage >= 2), and the cases that have any. */
  stage2Trials: number;
  stage2Errors: number;
  stage2Cases: number;
}

export function slot(p: Prepared, m: number, side: number, stage: number): number {
  return ((m * 2 + side) * 2 + stage) * p.U;
}

export function trialsOf(c: CaseResult | undefined): TrialResult[] {
  return c && Array.isArray(c.trials) ? c.trials : [];
}

function collectModes(base: Results, head: Results, scanChecks: boolean): string[] {
  const seen = new Set<string>();
  for (const r of [base, head]) {
    let last: unknown;
    for (const c of r.cases ?? []) {
      // Loaders often share one `modes` array between cases: skip repeats cheaply.
      if (c.modes !== last && Array.isArray(c.modes))
        for (const m of c.modes) if (typeof m === 'string') seen.add(m);
      last = c.modes;
      // The checks themselves are the truth; scanned only when `modes` lists turned out short.
      if (!scanChecks) continue;
      for (const t of trialsOf(c)) {
        for (const ch of Array.isArray(t.checks) ? t.checks : []) {
          if (typeof ch?.mode === 'string') seen.add(ch.mode);
        }
      }
    }
  }
  // Declared modes first, in the config's order; undeclared ones (sorted) after.
  const declared = Object.keys(head.meta?.failure_modes ?? {}).filter((m) => seen.has(m));
  const rest = [...seen].filter((m) => !declared.includes(m)).sort();
  return [...declared, ...rest];
}

export function prepare(base: Results, head: Results): Prepared {
  return prepareWith(base, head, false) ?? prepareWith(base, head, true)!;
}

/** Why a trial errored: its trace's error, else its first errored check's reason. */
function firstErrorOf(
  i: number,
  tj: number,
  trial: TrialResult,
): NonNullable<SideScan['firstError']> {
  const e = trial.trace?.error;
  const trialNo = typeof trial.trial === 'number' ? trial.trial : tj;
  if (e)
    return { i, trial: trialNo, kind: String(e.kind ?? 'error'), message: String(e.message ?? '') };
  const checks = Array.isArray(trial.checks) ? trial.checks : [];
  const ch = checks.find((c) => c?.status === 'error');
  return {
    i,
    trial: trialNo,
    kind: ch ? `check ${String(ch.type)}` : 'error',
    message: ch ? String(ch.reason ?? '') : 'the trial errored',
  };
}

// Per-trial flags of a mode.
const SEEN = 1;
const FAILED = 2;
const ERRORED = 4;

function prepareWith(base: Results, head: Results, scanChecks: boolean): Prepared | undefined {
  const modes = collectModes(base, head, scanChecks);
  // The built-in errors mode takes the last slot; a results file whose checks already use the
  // name (written before it was reserved) keeps its own mode and goes without the built-in one.
  const builtIn = !modes.includes(ERRORS_MODE);
  const modeIndex = new Map(modes.map((m, i) => [m, i]));
  const ids: string[] = [];
  const where = new Map<string, number>();
  const headCases = Array.isArray(head.cases) ? head.cases : [];
  const baseCases = Array.isArray(base.cases) ? base.cases : [];
  const hIdx: number[] = [];
  const bIdx: number[] = [];
  headCases.forEach((c, j) => {
    if (where.has(c.id)) return; // a duplicate id: the first one wins
    where.set(c.id, ids.length);
    ids.push(c.id);
    hIdx.push(j);
    bIdx.push(-1);
  });
  baseCases.forEach((c, j) => {
    const at = where.get(c.id);
    if (at === undefined) {
      where.set(c.id, ids.length);
      ids.push(c.id);
      hIdx.push(-1);
      bIdx.push(j);
    } else if (bIdx[at] === -1) bIdx[at] = j;
  });
  const U = ids.length;
  const M = modes.length;
  const E = builtIn ? M : -1;
  const slots = builtIn ? M + 1 : M;
  let maxTrials = 0;
  for (const c of headCases) maxTrials = Math.max(maxTrials, trialsOf(c).length);
  for (const c of baseCases) maxTrials = Math.max(maxTrials, trialsOf(c).length);
  const counts = (): CountArray =>
    maxTrials <= 255 ? new Uint8Array(slots * 4 * U) : new Uint16Array(slots * 4 * U);
  const scan = (): SideScan => ({
    counts: { cases: 0, trials: 0, pass: 0, fail: 0, error: 0 },
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    usageReported: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
    latencies: [],
    casePass: new Int32Array(U),
    caseUse: new Int32Array(U),
    caseErr: new Int32Array(U),
    caseTrials: new Int32Array(U),
    caseRep: new Int32Array(U),
    caseFailed: new Uint8Array(U),
    stage2Trials: 0,
    stage2Errors: 0,
    stage2Cases: 0,
  });
  const p: Prepared = {
    modes,
    ids,
    where,
    side: [Int32Array.from(bIdx), Int32Array.from(hIdx)],
    pass: counts(),
    use: counts(),
    err: counts(),
    U,
    scan: [scan(), scan()],
    errorsMode: -1,
    modeCost: new Float64Array(Math.max(1, M) * 2),
    modeJudgeCost: new Float64Array(Math.max(1, M) * 2),
  };
  let anyErrored = false;
  // Per-trial flags of each mode; `stamp` avoids clearing them per trial.
  const flags = new Uint8Array(M);
  const stamp = new Int32Array(M).fill(-1);
  const touched = new Int32Array(Math.max(1, M));
  const costModes = new Int32Array(Math.max(1, M));
  let nt: number;
  // Trials of a case list their checks in the same order: remember the mode at each position
  // and skip the Map lookup when it repeats (identical strings compare by pointer).
  const posMode: unknown[] = [];
  const posIdx: number[] = [];
  let trialNo = 0;
  for (let side = 0; side < 2; side++) {
    const cases = side === BASE ? baseCases : headCases;
    const index = p.side[side];
    const sc = p.scan[side];
    for (let i = 0; i < U; i++) {
      const j = index[i];
      if (j < 0) continue;
      const c = cases[j];
      sc.counts.cases++;
      const caseModes = Array.isArray(c.modes) ? c.modes : [];
      const trials = trialsOf(c);
      sc.caseTrials[i] = trials.length;
      let rep = -1;
      const before2 = sc.stage2Trials;
      // The case's mode indices, found on its first priced trial (-1: not yet).
      let nCostModes = -1;
      for (let tj = 0; tj < trials.length; tj++) {
        const trial = trials[tj];
        trialNo++;
        nt = 0;
        const trace = trial.trace;
        const stage = typeof trial.stage === 'number' && trial.stage >= 2 ? 1 : 0;
        sc.stage2Trials += stage;
        // Per-mode outcome of this trial.
        let checkFailed = false;
        let checkErrored = false;
        const checks = Array.isArray(trial.checks) ? trial.checks : [];
        for (let k = 0; k < checks.length; k++) {
          const ch = checks[k];
          const status = ch?.status;
          const bit = status === 'pass' ? 0 : status === 'error' ? ERRORED : FAILED;
          if (bit === ERRORED) checkErrored = true;
          else if (bit === FAILED) checkFailed = true;
          const mode = ch?.mode;
          if (typeof mode !== 'string') continue;
          let mi: number | undefined;
          if (posMode[k] === mode) mi = posIdx[k];
          else {
            mi = modeIndex.get(mode);
            if (mi === undefined) {
              if (!scanChecks) return undefined; // a mode missing from `modes`: rescan properly
              continue;
            }
            posMode[k] = mode;
            posIdx[k] = mi;
          }
          if (stamp[mi] !== trialNo) {
            stamp[mi] = trialNo;
            flags[mi] = SEEN;
            touched[nt++] = mi;
          }
          flags[mi] |= bit;
          const jc = ch.usage?.cost_usd;
          if (typeof jc === 'number' && jc > 0 && Number.isFinite(jc))
            p.modeJudgeCost[mi * 2 + side] += jc;
        }
        // The trial's status by the same rule as its modes (older results files marked a trial
        // with one failed and one errored check as errored): a known failure is a failure.
        const traceErrored = !!trace?.error;
        let status = trial.status;
        if (traceErrored) status = 'error';
        else if (status === 'error' && checkFailed) status = 'fail';
        const errored = traceErrored || checkErrored || trial.status === 'error';
        // Run totals and the case's own counts, by trial status.
        sc.counts.trials++;
        if (status === 'pass') {
          sc.counts.pass++;
          sc.casePass[i]++;
          sc.caseUse[i]++;
        } else if (status === 'error') {
          sc.counts.error++;
          sc.stage2Errors += stage;
          sc.caseErr[i]++;
          if (!sc.firstError) sc.firstError = firstErrorOf(i, tj, trial);
        } else {
          sc.counts.fail++;
          sc.caseUse[i]++;
          sc.caseFailed[i] = 1;
          if (rep < 0) rep = tj;
        }
        if (trace) {
          const u = trace.usage;
          if (u) {
            if (typeof u.input_tokens === 'number' && Number.isFinite(u.input_tokens)) {
              sc.usage.input_tokens += u.input_tokens;
              sc.usageReported.input_tokens++;
            }
            if (typeof u.output_tokens === 'number' && Number.isFinite(u.output_tokens)) {
              sc.usage.output_tokens += u.output_tokens;
              sc.usageReported.output_tokens++;
            }
            const cost = u.cost_usd;
            if (typeof cost === 'number' && Number.isFinite(cost)) {
              sc.usage.cost_usd += cost;
              sc.usageReported.cost_usd++;
              if (cost > 0) {
                if (nCostModes < 0) {
                  nCostModes = 0;
                  for (const m of caseModes) {
                    const mi = modeIndex.get(m);
                    if (mi !== undefined && nCostModes < M) costModes[nCostModes++] = mi;
                  }
                }
                for (let q = 0; q < nCostModes; q++) p.modeCost[costModes[q] * 2 + side] += cost;
              }
            }
          }
          const l = trace.latency_ms;
          if (typeof l === 'number' && Number.isFinite(l)) sc.latencies.push(l);
        }
        // An errored trace makes the trial missing for every mode the case guards.
        if (traceErrored || (trial.status === 'error' && nt === 0)) {
          for (const m of caseModes) {
            const mi = modeIndex.get(m);
            if (mi === undefined) continue;
            if (stamp[mi] !== trialNo) {
              stamp[mi] = trialNo;
              touched[nt++] = mi;
            }
          }
          for (let q = 0; q < nt; q++) flags[touched[q]] = ERRORED;
        }
        for (let q = 0; q < nt; q++) {
          const mi = touched[q];
          const f = flags[mi];
          const at = slot(p, mi, side, stage) + i;
          if (f & FAILED) p.use[at]++;
          else if (f & ERRORED) p.err[at]++;
          else {
            p.use[at]++;
            p.pass[at]++;
          }
        }
        if (E >= 0) {
          const at = slot(p, E, side, stage) + i;
          p.use[at]++;
          if (errored) anyErrored = true;
          else p.pass[at]++;
        }
      }
      sc.caseRep[i] = rep < 0 ? 0 : rep;
      if (sc.stage2Trials > before2) sc.stage2Cases++;
    }
  }
  if (E >= 0 && anyErrored) {
    p.modes = [...modes, ERRORS_MODE];
    p.errorsMode = E;
  }
  return p;
}
