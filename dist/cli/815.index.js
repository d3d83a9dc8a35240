export const id = 815;
export const ids = [815];
export const modules = {

/***/ 7720:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ pairedInterval),
/* harmony export */   Gq: () => (/* binding */ stratifiedTest),
/* harmony export */   Uh: () => (/* binding */ benjaminiHochberg),
/* harmony export */   Zl: () => (/* binding */ normalQuantile),
/* harmony export */   fU: () => (/* binding */ holm),
/* harmony export */   rF: () => (/* binding */ wilson),
/* harmony export */   tf: () => (/* binding */ signFlipTest),
/* harmony export */   u8: () => (/* binding */ hypergeomTails),
/* harmony export */   vr: () => (/* binding */ normalCdf)
/* harmony export */ });
/* unused harmony exports Z95, logFactorial, logChoose, hypergeomPmf, MAX_EXACT_SUPPORT, stratifiedTestOf */
/**
 * The statistics of the gate (docs/statistics.md, STATISTICS.md): exact stratified conditional
 * test, normal approximation, Wilson and paired (Agresti–Min style) intervals, Holm,
 * Benjamini–Hochberg and the robust sign-flip test. Pure numeric code, no I/O, no allocation in
 * the hot loops beyond one buffer per test.
 */
/** 97.5% normal quantile: the 95% two-sided intervals. */
const Z95 = 1.959963984540054;
// ---------------------------------------------------------------------------------------------
// Log-factorials and the hypergeometric distribution
// ---------------------------------------------------------------------------------------------
let LOG_FACT = new Float64Array([0, 0]);
function growLogFactorials(n) {
    const size = Math.max(n + 1, LOG_FACT.length * 2);
    const next = new Float64Array(size);
    next.set(LOG_FACT);
    for (let i = LOG_FACT.length; i < size; i++)
        next[i] = next[i - 1] + Math.log(i);
    LOG_FACT = next;
}
/** ln(n!), from a table that grows on demand (sums of logs: exact to rounding, no Stirling). */
function logFactorial(n) {
    if (n >= LOG_FACT.length)
        growLogFactorials(n);
    return LOG_FACT[n];
}
function logChoose(n, k) {
    if (k < 0 || k > n)
        return -Infinity;
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
/**
 * P(X = x) when kh of n trials are drawn for the head side and t of the n trials passed:
 * C(t, x) C(n - t, kh - x) / C(n, kh).
 */
function hypergeomPmf(x, n, t, kh) {
    if (x < Math.max(0, t - (n - kh)) || x > Math.min(t, kh))
        return 0;
    return Math.exp(logChoose(t, x) + logChoose(n - t, kh - x) - logChoose(n, kh));
}
// ---------------------------------------------------------------------------------------------
// Normal distribution
// ---------------------------------------------------------------------------------------------
/**
 * erfc(x) for x >= 0, to ~1e-15 relative: the all-positive series of erf below 3 (no
 * cancellation), a continued fraction above (converges fast there).
 */
function erfcNonNeg(x) {
    if (x < 3) {
        // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1))
        let term = x;
        let sum = x;
        const x2 = x * x;
        for (let n = 1; n < 200; n++) {
            term *= (2 * x2) / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17)
                break;
        }
        return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
    }
    // erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), backwards.
    let f = x;
    for (let n = 60; n >= 1; n--)
        f = x + n / 2 / f;
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
/** Standard normal CDF, accurate in the far tails too (small p-values stay meaningful). */
function normalCdf(z) {
    if (Number.isNaN(z))
        return NaN;
    if (z === Infinity)
        return 1;
    if (z === -Infinity)
        return 0;
    const x = Math.abs(z) / Math.SQRT2;
    const tail = 0.5 * erfcNonNeg(x);
    return z < 0 ? tail : 1 - tail;
}
/** Standard normal quantile (Acklam's rational approximation plus one Newton step). */
function normalQuantile(p) {
    if (p <= 0)
        return -Infinity;
    if (p >= 1)
        return Infinity;
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
        -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
        4.374664141464968, 2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    let x;
    if (p < 0.02425) {
        const q = Math.sqrt(-2 * Math.log(p));
        x =
            (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    else if (p > 1 - 0.02425) {
        const q = Math.sqrt(-2 * Math.log(1 - p));
        x =
            -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    else {
        const q = p - 0.5;
        const r = q * q;
        x =
            ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
    const e = normalCdf(x) - p;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    return x - u / (1 + (x * u) / 2);
}
/** Above this summed support the DP gives way to the normal approximation (STATISTICS.md). */
const MAX_EXACT_SUPPORT = 20_000;
/**
 * Probabilities below this are dropped from the ends of the DP's running distribution. The
 * error on any p-value is at most (strata x 1e-40): nothing, but it keeps the DP's window at
 * about +-13 standard deviations instead of the whole support, which is what makes thousands of
 * strata fast.
 */
const TRIM = 1e-40;
/** Convenience form of {@link stratifiedTest} over an array of strata. */
function stratifiedTestOf(strata) {
    const n = strata.length;
    const kb = new Int32Array(n);
    const xb = new Int32Array(n);
    const kh = new Int32Array(n);
    const xh = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        kb[i] = strata[i].kb;
        xb[i] = strata[i].xb;
        kh[i] = strata[i].kh;
        xh[i] = strata[i].xh;
    }
    return stratifiedTest(kb, xb, kh, xh, n);
}
/**
 * One-sided p-values of the exact stratified conditional test. Stratum s: base passed xb[s] of
 * kb[s] trials, head xh[s] of kh[s]. Given t = xb + xh, the head's passes are hypergeometric;
 * T = sum of the head's passes is the convolution over strata. Strata with t = 0 or t = n (or a
 * side without trials) are skipped: their X is fixed. Identical strata (same kb, kh, t) share one
 * pmf. Ordinary p (not mid-p).
 */
function stratifiedTest(kb, xb, kh, xh, len = kb.length, maxSupport = MAX_EXACT_SUPPORT) {
    // Pass 1: informative strata, grouped by (kb, kh, t); shifted observed T; moments.
    const groups = new Map();
    let support = 0;
    let tObs = 0; // sum of (xh - lo): T shifted so its support starts at 0
    let mean = 0;
    let variance = 0;
    let informative = 0;
    for (let s = 0; s < len; s++) {
        const b = kb[s];
        const h = kh[s];
        if (b <= 0 || h <= 0)
            continue;
        const n = b + h;
        const t = xb[s] + xh[s];
        if (t <= 0 || t >= n)
            continue;
        informative++;
        const lo = Math.max(0, t - b);
        const hi = Math.min(t, h);
        support += hi - lo;
        tObs += xh[s] - lo;
        mean += (h * t) / n - lo;
        variance += (b * h * t * (n - t)) / (n * n * (n - 1));
        // Keys are exact integers below 2^53 for trials < 2^16 per side and stratum.
        const key = (b * 65536 + h) * 131072 + t;
        groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    if (informative === 0)
        return { p_reg: 1, p_imp: 1, method: 'exact', informative };
    if (support > maxSupport) {
        const sd = Math.sqrt(variance);
        return {
            p_reg: clamp01(normalCdf((tObs - mean + 0.5) / sd)),
            p_imp: clamp01(normalCdf((mean - tObs + 0.5) / sd)),
            method: 'normal',
            informative,
        };
    }
    const dist = new Float64Array(support + 1);
    dist[0] = 1;
    let lo = 0;
    let hi = 0;
    const w = new Float64Array(65);
    for (const [key, count] of groups) {
        const t = key % 131072;
        const bh = (key - t) / 131072;
        const h = bh % 65536;
        const b = (bh - h) / 65536;
        const n = b + h;
        const xlo = Math.max(0, t - b);
        const width = Math.min(t, h) - xlo;
        const pmf = width + 1 <= w.length ? w : new Float64Array(width + 1);
        for (let x = 0; x <= width; x++)
            pmf[x] = hypergeomPmf(x + xlo, n, t, h);
        for (let c = 0; c < count; c++) {
            // In-place convolution, from the top down: dist[s] only reads dist[<= s], not yet written.
            const newHi = hi + width;
            for (let s = newHi; s >= lo; s--) {
                let acc = 0;
                const xmax = Math.min(width, s - lo);
                for (let x = Math.max(0, s - hi); x <= xmax; x++)
                    acc += dist[s - x] * pmf[x];
                dist[s] = acc;
            }
            hi = newHi;
            while (lo < hi && dist[lo] < TRIM)
                dist[lo++] = 0;
            while (hi > lo && dist[hi] < TRIM)
                dist[hi--] = 0;
        }
    }
    let pReg = 0;
    let pImp = 0;
    for (let s = lo; s <= hi; s++) {
        if (s <= tObs)
            pReg += dist[s];
        if (s >= tObs)
            pImp += dist[s];
    }
    return { p_reg: clamp01(pReg), p_imp: clamp01(pImp), method: 'exact', informative };
}
/** Single-stratum tails (Fisher's exact test, one-sided both ways), without the DP. */
function hypergeomTails(kb, xb, kh, xh) {
    if (kb <= 0 || kh <= 0)
        return [1, 1];
    const n = kb + kh;
    const t = xb + xh;
    if (t <= 0 || t >= n)
        return [1, 1];
    const lo = Math.max(0, t - kb);
    const hi = Math.min(t, kh);
    let below = 0;
    let above = 0;
    for (let x = lo; x <= hi; x++) {
        const p = hypergeomPmf(x, n, t, kh);
        if (x <= xh)
            below += p;
        if (x >= xh)
            above += p;
    }
    return [clamp01(below), clamp01(above)];
}
function clamp01(p) {
    return p < 0 ? 0 : p > 1 ? 1 : p;
}
// ---------------------------------------------------------------------------------------------
// Intervals (section 2)
// ---------------------------------------------------------------------------------------------
/** Wilson score interval for `passes` of `n`; [0, 1] when n = 0. */
function wilson(passes, n, z = Z95) {
    if (!(n > 0))
        return [0, 1];
    const p = passes / n;
    const z2 = z * z;
    const centre = p + z2 / (2 * n);
    const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    const denom = 1 + z2 / n;
    return [Math.max(0, (centre - half) / denom), Math.min(1, (centre + half) / denom)];
}
/**
 * The paired interval of section 2 from the sums of the per-case differences: pseudo-cases
 * d = +1 and d = -1 with weight 1/2 and d = 0 with weight 1 (W = N + 2). Equal to Agresti–Min at
 * k = 1, never of zero width.
 */
function pairedInterval(sumD, sumD2, count, z = Z95) {
    const w = count + 2;
    const centre = sumD / w;
    const v = Math.max(0, (sumD2 + 1) / w - centre * centre);
    const se = Math.sqrt(v) / Math.sqrt(w);
    return { centre, se, ci: [Math.max(-1, centre - z * se), Math.min(1, centre + z * se)] };
}
// ---------------------------------------------------------------------------------------------
// Multiplicity (sections 3 and 6)
// ---------------------------------------------------------------------------------------------
/** Sorted copy (native numeric sort: fast at 100,000 values); NaN counts as 1. */
function sortedCopy(p) {
    const out = new Float64Array(p.length);
    for (let i = 0; i < p.length; i++)
        out[i] = Number.isNaN(p[i]) ? 1 : p[i];
    return out.sort();
}
/** First index with sorted[i] >= v. */
function lowerBound(sorted, v) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/**
 * Holm's step-down adjusted p-values (family-wise error), in input order. Tied p-values share
 * the adjusted value of the first of them, so each value is looked up in the sorted copy.
 */
function holm(p) {
    const m = p.length;
    const sorted = sortedCopy(p);
    const adj = new Float64Array(m);
    let running = 0;
    for (let r = 0; r < m; r++) {
        running = Math.max(running, Math.min(1, (m - r) * sorted[r]));
        adj[r] = running;
    }
    const out = new Array(m);
    for (let i = 0; i < m; i++)
        out[i] = adj[lowerBound(sorted, Number.isNaN(p[i]) ? 1 : p[i])];
    return out;
}
/**
 * Benjamini–Hochberg step-up adjusted p-values (false discovery rate), in input order. Tied
 * p-values share the adjusted value of the last of them.
 */
function benjaminiHochberg(p) {
    const m = p.length;
    const sorted = sortedCopy(p);
    const adj = new Float64Array(m);
    let running = 1;
    for (let r = m - 1; r >= 0; r--) {
        running = Math.min(running, (m * sorted[r]) / (r + 1));
        adj[r] = running;
    }
    const out = new Array(m);
    for (let i = 0; i < m; i++) {
        const v = Number.isNaN(p[i]) ? 1 : p[i];
        // Last index with sorted <= v (v itself is in the array).
        out[i] = adj[upperBound(sorted, v) - 1];
    }
    return out;
}
/** First index with sorted[i] > v. */
function upperBound(sorted, v) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
// ---------------------------------------------------------------------------------------------
// Robust sign-flip test (section 7)
// ---------------------------------------------------------------------------------------------
/** Above this (support x non-zero cases) the sign-flip test uses the normal approximation. */
const MAX_SIGNFLIP_WORK = 40_000_000;
/**
 * Exact sign-flip test on integer per-case differences d_i (head - base passes, equal trials per
 * side). Under "no change" each d_i is symmetric about 0, so S+ = sum of the positive d_i is the
 * sum of |d_i| B_i with B_i fair coins. The DP runs over S+ and over the distinct |d| values.
 * p_reg = P(S+ <= observed), p_imp = P(S+ >= observed).
 */
function signFlipTest(d, len = d.length) {
    const counts = new Map();
    let total = 0;
    let obs = 0;
    let nonzero = 0;
    let variance = 0;
    for (let i = 0; i < len; i++) {
        const v = Math.round(d[i]);
        if (v === 0 || !Number.isFinite(v))
            continue;
        const a = Math.abs(v);
        counts.set(a, (counts.get(a) ?? 0) + 1);
        total += a;
        if (v > 0)
            obs += v;
        nonzero++;
        variance += (a * a) / 4;
    }
    if (nonzero === 0)
        return { p_reg: 1, p_imp: 1, method: 'exact', informative: 0 };
    if (total * nonzero > MAX_SIGNFLIP_WORK) {
        const sd = Math.sqrt(variance);
        const mean = total / 2;
        return {
            p_reg: clamp01(normalCdf((obs - mean + 0.5) / sd)),
            p_imp: clamp01(normalCdf((mean - obs + 0.5) / sd)),
            method: 'normal',
            informative: nonzero,
        };
    }
    const dist = new Float64Array(total + 1);
    dist[0] = 1;
    let hi = 0;
    for (const [v, c] of counts) {
        for (let j = 0; j < c; j++) {
            // One more coin of weight v: dist'[s] = (dist[s] + dist[s - v]) / 2, top down in place.
            hi += v;
            for (let s = hi; s >= 0; s--)
                dist[s] = 0.5 * (dist[s] + (s >= v ? dist[s - v] : 0));
        }
    }
    let pReg = 0;
    let pImp = 0;
    for (let s = 0; s <= total; s++) {
        if (s <= obs)
            pReg += dist[s];
        if (s >= obs)
            pImp += dist[s];
    }
    return { p_reg: clamp01(pReg), p_imp: clamp01(pImp), method: 'exact', informative: nonzero };
}


/***/ }),

/***/ 1815:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  capacityLines: () => (/* binding */ capacityLines)
});

// UNUSED EXPORTS: FEW_CASES, modeCapacities

// EXTERNAL MODULE: ./build/compare/stats.js
var stats = __webpack_require__(7720);
;// CONCATENATED MODULE: ./build/compare/power.js
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

/** The power the printed drop is detected with. */
const POWER_TARGET = 0.8;
/** Share of a mode's cases that are flaky (p ~ Beta(2,2)); the rest pass or fail every trial. */
const FLAKY_SHARE = 0.3;
/** Of the stable cases, the share that pass (the others fail every trial and cannot break). */
const STABLE_PASS_SHARE = 0.8;
/** Share of alpha of the adaptive design's first stage, and its futility bound (compare.ts). */
const STAGE1_SHARE = 0.2;
const STAGE1_FUTILITY = 0.5;
/** Up to this many cases each simulated pull request runs the exact test. */
const EXACT_MAX_CASES = 100;
/** Above this many cases the drop is simulated here and scaled by sqrt(cases) (normal regime). */
const SCALE_FROM_CASES = 20_000;
const SIMULATIONS = 200;
/** Small seeded PRNG (mulberry32): reproducible simulations without a dependency. */
function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
function binomial(k, p, r) {
    let x = 0;
    for (let i = 0; i < k; i++)
        if (r() < p)
            x++;
    return x;
}
/** The level a mode's p must reach: Holm's first step, alpha / modes. */
function levelOf(s) {
    return s.alpha / Math.max(1, s.modes);
}
/** p of `n` identical strata where base passed all `k` trials and head none. */
function allBrokenP(n, k) {
    return (0,stats/* stratifiedTest */.Gq)([k], [k], [k], [0]).p_reg ** n;
}
/** The strongest evidence a mode of `cases` cases can give, against the level. */
function bestCase(s) {
    const p1 = allBrokenP(s.cases, s.trials);
    const p = s.adaptive
        ? Math.min(1, p1 / STAGE1_SHARE, allBrokenP(s.cases, s.rerunTrials) / (1 - STAGE1_SHARE))
        : p1;
    return { p, level: levelOf(s) };
}
const memo = new Map();
/** The smallest drop the gate detects with 80% power in a mode of `s.cases` cases. */
function detectableDrop(s) {
    const key = JSON.stringify(s);
    const known = memo.get(key);
    if (known)
        return known;
    const best = bestCase(s);
    let out = { canRegress: best.p <= best.level, bestP: best.p, level: best.level };
    if (out.canRegress && s.cases > 0) {
        if (s.cases > SCALE_FROM_CASES) {
            // Normal regime: the noise grows with sqrt(cases), the signal with cases.
            const at = simulateDrop({ ...s, cases: SCALE_FROM_CASES });
            if (at !== undefined)
                out = {
                    ...out,
                    drop: s.minDrop + (at - s.minDrop) * Math.sqrt(SCALE_FROM_CASES / s.cases),
                };
        }
        else {
            const drop = simulateDrop(s);
            if (drop !== undefined)
                out = { ...out, drop };
        }
    }
    memo.set(key, out);
    return out;
}
/**
 * Per simulated pull request: the fewest broken cases that make the mode regress (binary search:
 * more broken cases only lower p and the effect). The 80th percentile over the simulations is the
 * number of broken cases detected with 80% power.
 */
function simulateDrop(s) {
    const n = s.cases;
    const k = s.trials;
    const r2 = s.rerunTrials;
    const level = levelOf(s);
    const exact = n <= EXACT_MAX_CASES;
    const rand = prng(0x5eed ^ (n * 7919 + k * 104729 + r2));
    const needed = new Float64Array(SIMULATIONS);
    // Strata arrays: the flaky cases' informative strata, then the broken ones (one per case).
    const cap = n + 1;
    const st1 = {
        kb: new Int32Array(cap),
        xb: new Int32Array(cap),
        kh: new Int32Array(cap),
        xh: new Int32Array(cap),
    };
    const st2 = {
        kb: new Int32Array(cap),
        xb: new Int32Array(cap),
        kh: new Int32Array(cap),
        xh: new Int32Array(cap),
    };
    // A broken stratum's share of the score and of its null variance (normal regime).
    const brokenU = (t) => -t / 2;
    const brokenV = (t) => (t * t) / (4 * (2 * t - 1));
    for (let sim = 0; sim < SIMULATIONS; sim++) {
        let stablePass = 0;
        let f1 = 0; // informative stage-1 strata
        let f2 = 0; // stage-2 strata (the flaky cases with mixed stage-1 outcomes)
        let u1 = 0;
        let v1 = 0;
        let u2 = 0;
        let v2 = 0;
        let sumD1 = 0;
        let sumD1sq = 0;
        let sumDpooled = 0;
        for (let i = 0; i < n; i++) {
            if (rand() >= FLAKY_SHARE) {
                if (rand() < STABLE_PASS_SHARE)
                    stablePass++;
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
            if (t === 0 || t === 2 * k) {
                sumDpooled += d;
                continue;
            }
            u1 += xh - t / 2;
            v1 += (k * k * t * (2 * k - t)) / (4 * k * k * (2 * k - 1));
            st1.kb[f1] = k;
            st1.xb[f1] = xb;
            st1.kh[f1] = k;
            st1.xh[f1] = xh;
            f1++;
            if (!s.adaptive)
                continue;
            const yb = binomial(r2, p, rand);
            const yh = binomial(r2, p, rand);
            sumDpooled += (xh + yh - xb - yb) / (k + r2);
            const t2 = yb + yh;
            if (t2 === 0 || t2 === 2 * r2)
                continue;
            u2 += yh - t2 / 2;
            v2 += (r2 * r2 * t2 * (2 * r2 - t2)) / (4 * r2 * r2 * (2 * r2 - 1));
            st2.kb[f2] = r2;
            st2.xb[f2] = yb;
            st2.kh[f2] = r2;
            st2.xh[f2] = yh;
            f2++;
        }
        for (let j = 0; j < stablePass; j++) {
            st1.kb[f1 + j] = k;
            st1.xb[f1 + j] = k;
            st1.kh[f1 + j] = k;
            st1.xh[f1 + j] = 0;
            st2.kb[f2 + j] = r2;
            st2.xb[f2 + j] = r2;
            st2.kh[f2 + j] = r2;
            st2.xh[f2 + j] = 0;
        }
        const pOf = (stage, m) => {
            if (exact) {
                const x = stage === 1 ? st1 : st2;
                return (0,stats/* stratifiedTest */.Gq)(x.kb, x.xb, x.kh, x.xh, (stage === 1 ? f1 : f2) + m).p_reg;
            }
            const t = stage === 1 ? k : r2;
            const u = (stage === 1 ? u1 : u2) + m * brokenU(t);
            const v = (stage === 1 ? v1 : v2) + m * brokenV(t);
            return v > 0 ? (0,stats/* normalCdf */.vr)((u + 0.5) / Math.sqrt(v)) : 1;
        };
        const regresses = (m) => {
            const p1 = pOf(1, m);
            // The first stage: what the fixed design decides on, and what planStage2 looks at.
            let p = p1;
            let effect = (sumD1 - m) / n;
            if (s.adaptive) {
                const { ci } = (0,stats/* pairedInterval */.$D)(sumD1 - m, sumD1sq + m, n);
                const rerun = p1 <= STAGE1_FUTILITY && ci[0] <= -s.minDrop;
                p = Math.min(1, p1 / STAGE1_SHARE, rerun ? pOf(2, m) / (1 - STAGE1_SHARE) : 1);
                if (rerun)
                    effect = (sumDpooled - m) / n;
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
            if (regresses(mid))
                hi = mid;
            else
                lo = mid + 1;
        }
        needed[sim] = lo;
    }
    needed.sort();
    const m = needed[Math.ceil(POWER_TARGET * SIMULATIONS) - 1];
    return Number.isFinite(m) ? m / n : undefined;
}

;// CONCATENATED MODULE: ./build/report/validate.js
/**
 * What `evalgate validate` says about a suite that loaded: per failure mode, how many cases test
 * it and the smallest drop the gate can detect with them (src/compare/power.ts), and a warning for
 * modes too small to say much. Pure: suite in, lines out.
 */

/** Below this many cases a mode gets a warning, whether or not it can regress at all. */
const FEW_CASES = 5;
/** Cases per mode (a case counts once per mode however many checks it has there). */
function casesPerMode(suite) {
    const counts = new Map();
    for (const c of suite.cases)
        for (const mode of new Set(c.checks.map((k) => k.mode)))
            counts.set(mode, (counts.get(mode) ?? 0) + 1);
    return counts;
}
function modeCapacities(suite) {
    const { gate, trials, failure_modes } = suite.config;
    const counts = casesPerMode(suite);
    // Holm runs over the modes that appear in the results: those with at least one case.
    const tested = [...counts.values()].filter((n) => n > 0).length;
    return Object.entries(failure_modes).map(([mode, fm]) => {
        const cases = counts.get(mode) ?? 0;
        const d = detectableDrop({
            cases,
            trials,
            alpha: gate.alpha,
            modes: tested,
            minDrop: gate.min_drop,
            adaptive: gate.adaptive && !gate.robust,
            rerunTrials: gate.rerun_trials,
        });
        return {
            mode,
            severity: fm.severity,
            blocking: gate.block.includes(fm.severity),
            cases,
            ...(d.drop !== undefined ? { drop: d.drop } : {}),
            canRegress: cases > 0 && d.canRegress,
            bestP: d.bestP,
            level: d.level,
        };
    });
}
const pts = (x) => `${Math.max(1, Math.round(x * 100))} pts`;
function pValue(p) {
    return p >= 0.001 ? String(Number(p.toPrecision(2))) : p.toExponential(1);
}
function detects(m) {
    if (m.cases === 0)
        return 'no case tests it';
    if (!m.canRegress)
        return 'can never regress';
    if (m.drop === undefined)
        return `no drop reaches ${POWER_TARGET * 100}% power`;
    const broken = Math.max(1, Math.round(m.drop * m.cases));
    return `${pts(m.drop)} (${broken} of ${m.cases} cases failing)`;
}
/** The lines `evalgate validate` prints after "ok": the table, the warnings, the model. */
function capacityLines(suite) {
    const { gate, trials } = suite.config;
    const rows = modeCapacities(suite);
    const tested = rows.filter((r) => r.cases > 0).length;
    const design = gate.robust
        ? 'robust sign-flip test (the drops below are for the exact test; the sign-flip test needs larger ones)'
        : gate.adaptive
            ? `adaptive re-runs of ${gate.rerun_trials} trials`
            : 'no re-runs';
    const lines = [
        `gate: alpha ${gate.alpha} one-sided over ${tested} failure mode(s) (Holm), ${trials} trial(s) per side, ${design}, min_drop ${Math.round(gate.min_drop * 100)} pts`,
    ];
    const header = [
        'failure mode',
        'severity',
        'cases',
        `smallest drop detected (${POWER_TARGET * 100}% power)`,
    ];
    const table = rows.map((r) => [
        r.mode,
        r.severity,
        String(r.cases),
        detects(r) + (r.blocking ? '' : `; ${r.severity} does not block`),
    ]);
    const widths = header.map((h, j) => Math.max(h.length, ...table.map((row) => row[j].length)));
    const fmt = (row) => '  ' +
        row
            .map((cell, j) => j === 2 ? cell.padStart(widths[j]) : j === row.length - 1 ? cell : cell.padEnd(widths[j]))
            .join('  ');
    lines.push(fmt(header), ...table.map(fmt));
    for (const r of rows) {
        if (r.cases >= FEW_CASES || r.cases === 0)
            continue;
        const what = r.blocking ? 'block' : 'regress';
        const cases = `${r.cases} case${r.cases === 1 ? '' : 's'}`;
        lines.push(r.canRegress
            ? `warning: ${r.mode} has ${cases}: it can ${what} only when nearly all of them fail every head trial; add cases`
            : `warning: ${r.mode} has ${cases}: it can never ${what} (even if every case failed every head trial, p = ${pValue(r.bestP)} > ${pValue(r.level)}); add cases or trials`);
    }
    for (const r of rows)
        if (r.cases === 0)
            lines.push(`warning: ${r.mode} has no case: it is never tested`);
    lines.push(`(drops: a share of the mode's cases that passed every trial now fail every head trial, with 30% of cases flaky; docs/statistics.md)`);
    return lines;
}


/***/ })

};
