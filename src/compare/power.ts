/**
 * What a suite can see: the smallest drop in a failure mode's pass rate that the gate blocks
 * with 80% power, from the mode's number of cases, the trials per side and the gate
 * (docs/statistics.md, "What a suite can detect"). `evalgate validate` prints it per mode.
 *
 * The model is the calibration benchmark's (scripts/bench-gate.ts), so the two can be checked
 * against each other: per case, the mode's true per-trial pass probability is p ~ Beta(2,2) for
 * 30% of the cases (flaky) and otherwise 1 (80%) or 0 (20%); trials are independent. A drop of d
 * is concentrated: d x N cases that passed every trial now fail every head trial. Only this mode
 * changed, so Holm tests it first, at alpha / modes.
 *
 * The power is simulated with the gate's own test: below EXACT_MAX_CASES cases, every simulated
 * pull request runs the exact stratified test (stratifiedTest); above, its normal approximation
 * (the same formula stratifiedTest switches to for large supports; with hundreds of informative
 * cases the two agree closely). Seeded: the same suite prints the same numbers.
 */
import { informativeness, STAGE1_FUTILITY, STAGE1_SHARE, stage2Size } from './adaptive.ts';
import { normalCdf, pairedInterval, stratifiedTest } from './stats.ts';
import { seededRandom } from '../random.ts';

/** The power the printed drop is detected with. */
export const POWER_TARGET = 0.8;
/** Share of a mode's cases that are flaky (p ~ Beta(2,2)); the rest pass or fail every trial. */
export const FLAKY_SHARE = 0.3;
/** Of the stable cases, the share that pass (the others fail every trial and cannot break). */
export const STABLE_PASS_SHARE = 0.8;

/** Up to this many cases each simulated pull request runs the exact test. */
const EXACT_MAX_CASES = 100;
/** Above this many cases the drop is simulated here and scaled by sqrt(cases) (normal regime). */
const SCALE_FROM_CASES = 20_000;
const SIMULATIONS = 200;

export interface PowerSettings {
  /** Cases with a check of this mode. */
  cases: number;
  /** Trials per side and case (the config's `trials`). */
  trials: number;
  /** The gate's one-sided alpha (family-wise over the modes). */
  alpha: number;
  /** Failure modes the gate tests (Holm over all of them). */
  modes: number;
  /** The gate's `min_drop`: a smaller drop never regresses, however certain. */
  minDrop: number;
  /**
   * The adaptive design: alpha split 0.2 / 0.8, mixed cases re-run with `rerunTrials`, within
   * `rerunBudget` (the gate's `rerun_budget`: at most that share of the first stage's trials).
   */
  adaptive: boolean;
  rerunTrials: number;
  rerunBudget: number;
}

export interface Detectable {
  /**
   * The smallest drop in the mode's pass rate (0..1) that regresses the mode in at least 80% of
   * simulated pull requests; undefined when no drop the model allows gets there.
   */
  drop?: number;
  /**
   * False when even the strongest evidence possible (every case passing every base trial and
   * failing every head trial) stays above the level: then the mode can never regress.
   */
  canRegress: boolean;
  /** That strongest evidence's p-value (after the adaptive split), and the level it must reach. */
  bestP: number;
  level: number;
}

function binomial(k: number, p: number, r: () => number): number {
  let x = 0;
  for (let i = 0; i < k; i++) if (r() < p) x++;
  return x;
}

/** The level a mode's p must reach: Holm's first step, alpha / modes. */
function levelOf(s: PowerSettings): number {
  return s.alpha / Math.max(1, s.modes);
}

/** p of `n` identical strata where base passed all `k` trials and head none. */
function allBrokenP(n: number, k: number): number {
  return stratifiedTest([k], [k], [k], [0]).p_reg ** n;
}

/** What the budget lets stage 2 re-run: at most `cases` cases of `trials` trials each. */
function rerunSize(s: PowerSettings, candidates: number): { cases: number; trials: number } {
  return stage2Size(s.cases * s.trials, candidates, s.rerunTrials, s.rerunBudget);
}

/**
 * The strongest evidence a mode of `cases` cases can give, against the level: every case broken,
 * and as many of them re-run as the budget allows.
 */
export function bestCase(s: PowerSettings): { p: number; level: number } {
  const p1 = allBrokenP(s.cases, s.trials);
  if (!s.adaptive) return { p: p1, level: levelOf(s) };
  const r = rerunSize(s, s.cases);
  const p2 = r.cases > 0 ? allBrokenP(r.cases, r.trials) : 1;
  return { p: Math.min(1, p1 / STAGE1_SHARE, p2 / (1 - STAGE1_SHARE)), level: levelOf(s) };
}

const memo = new Map<string, Detectable>();

/** The smallest drop the gate detects with 80% power in a mode of `s.cases` cases. */
export function detectableDrop(s: PowerSettings): Detectable {
  const key = JSON.stringify(s);
  const known = memo.get(key);
  if (known) return known;
  const best = bestCase(s);
  let out: Detectable = { canRegress: best.p <= best.level, bestP: best.p, level: best.level };
  if (out.canRegress && s.cases > 0) {
    if (s.cases > SCALE_FROM_CASES) {
      // Normal regime: the noise grows with sqrt(cases), the signal with cases.
      const at = simulateDrop({ ...s, cases: SCALE_FROM_CASES });
      if (at !== undefined)
        out = {
          ...out,
          drop: s.minDrop + (at - s.minDrop) * Math.sqrt(SCALE_FROM_CASES / s.cases),
        };
    } else {
      const drop = simulateDrop(s);
      if (drop !== undefined) out = { ...out, drop };
    }
  }
  memo.set(key, out);
  return out;
}

/**
 * Per simulated pull request: the fewest broken cases that make the mode regress (binary search:
 * more broken cases only lower p and the effect). The 80th percentile over the simulations is the
 * number of broken cases detected with 80% power.
 *
 * The re-runs follow planStage2 for this one mode: its cases with mixed stage-1 outcomes (the
 * broken ones among them), the most informative first by t (a broken case, k of 2k, is as
 * informative as it gets; ties in random order), as many as the budget allows.
 */
function simulateDrop(s: PowerSettings): number | undefined {
  const n = s.cases;
  const k = s.trials;
  const level = levelOf(s);
  const exact = n <= EXACT_MAX_CASES;
  // The re-run trials per case do not depend on the outcomes; the case cap depends on how many
  // candidates there are (rerunSize).
  const r2 = s.adaptive ? rerunSize(s, n).trials : 0;
  const rand = seededRandom(0x5eed ^ (n * 7919 + k * 104729 + s.rerunTrials));
  const needed = new Float64Array(SIMULATIONS);

  const cap = n + 1;
  const strata = () => ({
    kb: new Int32Array(cap),
    xb: new Int32Array(cap),
    kh: new Int32Array(cap),
    xh: new Int32Array(cap),
  });
  const st1 = strata();
  const st2 = strata();
  // Per mixed flaky case (a stage-1 candidate for a re-run): stage-2 counts, the per-case
  // difference pooled over both stages and of stage 1 alone, its priority.
  const yb = new Int32Array(cap);
  const yh = new Int32Array(cap);
  const dPooled = new Float64Array(cap);
  const d1 = new Float64Array(cap);
  const score = new Float64Array(cap);
  const key = new Float64Array(cap);
  const brokenKey = new Float64Array(cap);
  const sortedBroken = new Float64Array(cap);
  // A broken stratum's share of the score and of its null variance (normal regime).
  const brokenU = (t: number) => -t / 2;
  const brokenV = (t: number) => (t * t) / (4 * (2 * t - 1));
  const strataV = (t: number, kk: number) =>
    t > 0 && t < 2 * kk ? (kk * kk * t * (2 * kk - t)) / (4 * kk * kk * (2 * kk - 1)) : 0;
  const top = informativeness(k, 2 * k);

  for (let sim = 0; sim < SIMULATIONS; sim++) {
    let stablePass = 0;
    let f1 = 0; // informative stage-1 strata (= the mixed flaky cases)
    let u1 = 0;
    let v1 = 0;
    let sumD1 = 0;
    let sumD1sq = 0;
    for (let i = 0; i < n; i++) {
      if (rand() >= FLAKY_SHARE) {
        if (rand() < STABLE_PASS_SHARE) stablePass++;
        continue;
      }
      // Beta(2,2) is the median of three uniforms.
      const a = rand();
      const b = rand();
      const c = rand();
      const p = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
      const xb = binomial(k, p, rand);
      const xh = binomial(k, p, rand);
      const d = (xh - xb) / k;
      sumD1 += d;
      sumD1sq += d * d;
      const t = xb + xh;
      if (t === 0 || t === 2 * k) continue;
      u1 += xh - t / 2;
      v1 += strataV(t, k);
      st1.kb[f1] = k;
      st1.xb[f1] = xb;
      st1.kh[f1] = k;
      st1.xh[f1] = xh;
      if (s.adaptive) {
        yb[f1] = binomial(r2, p, rand);
        yh[f1] = binomial(r2, p, rand);
        d1[f1] = d;
        dPooled[f1] = (xh + yh[f1] - xb - yb[f1]) / (k + r2);
        score[f1] = informativeness(t, 2 * k);
        key[f1] = rand();
      }
      f1++;
    }
    for (let j = 0; j < stablePass; j++) {
      st1.kb[f1 + j] = k;
      st1.xb[f1 + j] = k;
      st1.kh[f1 + j] = k;
      st1.xh[f1 + j] = 0;
      brokenKey[j] = rand();
    }
    // The mixed flaky cases in the order planStage2 takes them.
    const order = Array.from({ length: f1 }, (_, i) => i).sort(
      (a, b) => score[b] - score[a] || key[a] - key[b],
    );
    let a = 0; // flaky cases as informative as a broken one
    while (a < f1 && score[order[a]] >= top - 1e-12) a++;
    const chosen = new Uint8Array(f1);
    let mixedD1 = 0;
    for (let i = 0; i < f1; i++) mixedD1 += d1[i];

    /**
     * Stage 2 with m broken cases: which candidates the budget re-runs (marked in `chosen`),
     * returning how many of them are broken cases.
     */
    const plan = (m: number): number => {
      chosen.fill(0);
      const size = rerunSize(s, f1 + m);
      let room = size.cases;
      if (f1 + m <= room) {
        chosen.fill(1);
        return m;
      }
      if (a + m <= room) {
        for (let q = 0; q < a; q++) chosen[order[q]] = 1;
        room -= a + m;
        for (let q = a; q < f1 && room > 0; q++, room--) chosen[order[q]] = 1;
        return m;
      }
      // The tier of the most informative cases is larger than the room: random order in it.
      for (let j = 0; j < m; j++) sortedBroken[j] = brokenKey[j];
      const bk = sortedBroken.subarray(0, m).sort();
      let fi = 0;
      let bi = 0;
      while (room > 0 && (fi < a || bi < m)) {
        if (bi >= m || (fi < a && key[order[fi]] < bk[bi])) chosen[order[fi++]] = 1;
        else bi++;
        room--;
      }
      return bi;
    };

    const pStage1 = (m: number): number => {
      if (exact) return stratifiedTest(st1.kb, st1.xb, st1.kh, st1.xh, f1 + m).p_reg;
      const u = u1 + m * brokenU(k);
      const v = v1 + m * brokenV(k);
      return v > 0 ? normalCdf((u + 0.5) / Math.sqrt(v)) : 1;
    };
    const pStage2 = (broken: number): number => {
      let f2 = 0;
      let u = broken * brokenU(r2);
      let v = broken * brokenV(r2);
      for (let i = 0; i < f1; i++) {
        if (!chosen[i]) continue;
        const t2 = yb[i] + yh[i];
        if (t2 === 0 || t2 === 2 * r2) continue;
        if (exact) {
          st2.kb[f2] = r2;
          st2.xb[f2] = yb[i];
          st2.kh[f2] = r2;
          st2.xh[f2] = yh[i];
          f2++;
        } else {
          u += yh[i] - t2 / 2;
          v += strataV(t2, r2);
        }
      }
      if (exact) {
        for (let j = 0; j < broken; j++) {
          st2.kb[f2] = r2;
          st2.xb[f2] = r2;
          st2.kh[f2] = r2;
          st2.xh[f2] = 0;
          f2++;
        }
        return stratifiedTest(st2.kb, st2.xb, st2.kh, st2.xh, f2).p_reg;
      }
      return v > 0 ? normalCdf((u + 0.5) / Math.sqrt(v)) : 1;
    };
    const regresses = (m: number): boolean => {
      const p1 = pStage1(m);
      // The first stage: what the fixed design decides on, and what planStage2 looks at.
      let p = p1;
      let effect = (sumD1 - m) / n;
      if (s.adaptive) {
        const { ci } = pairedInterval(sumD1 - m, sumD1sq + m, n);
        if (p1 <= STAGE1_FUTILITY && ci[0] <= -s.minDrop && r2 > 0) {
          const broken = plan(m);
          p = Math.min(1, p1 / STAGE1_SHARE, pStage2(broken) / (1 - STAGE1_SHARE));
          let sumD = -m;
          for (let i = 0; i < f1; i++) sumD += chosen[i] ? dPooled[i] : d1[i];
          // Flaky cases that were not mixed: their stage-1 difference is in sumD1 already.
          effect = (sumD + sumD1 - mixedD1) / n;
        } else p = Math.min(1, p1 / STAGE1_SHARE);
      }
      return p <= level && effect <= -s.minDrop + 1e-12;
    };
    if (stablePass === 0 || !regresses(stablePass)) {
      needed[sim] = Infinity;
      continue;
    }
    let lo = 1;
    let hi = stablePass;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (regresses(mid)) hi = mid;
      else lo = mid + 1;
    }
    needed[sim] = lo;
  }
  needed.sort();
  const m = needed[Math.ceil(POWER_TARGET * SIMULATIONS) - 1];
  return Number.isFinite(m) ? m / n : undefined;
}
