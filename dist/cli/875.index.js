export const id = 875;
export const ids = [875];
export const modules = {

/***/ 1303:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ pairedInterval),
/* harmony export */   Gq: () => (/* binding */ stratifiedTest),
/* harmony export */   Oo: () => (/* binding */ logChoose),
/* harmony export */   Uh: () => (/* binding */ benjaminiHochberg),
/* harmony export */   Zl: () => (/* binding */ normalQuantile),
/* harmony export */   fU: () => (/* binding */ holm),
/* harmony export */   rF: () => (/* binding */ wilson),
/* harmony export */   tf: () => (/* binding */ signFlipTest),
/* harmony export */   u8: () => (/* binding */ hypergeomTails),
/* harmony export */   vr: () => (/* binding */ normalCdf)
/* harmony export */ });
/* unused harmony exports Z95, logFactorial, hypergeomPmf, MAX_EXACT_SUPPORT, stratifiedTestOf */
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

/***/ 9541:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ seededRandom)
/* harmony export */ });
/**
 * mulberry32: a small, fast, seedable generator (uniform in [0, 1)), for what must be
 * reproducible without a dependency: the power simulations of `validate`, `evalgate sample`.
 */
function seededRandom(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}


/***/ }),

/***/ 5875:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sampleCommand: () => (/* binding */ sampleCommand)
});

// UNUSED EXPORTS: traceStratum

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./build/suite/errors.js
var errors = __webpack_require__(156);
// EXTERNAL MODULE: ./build/targets/trace.js + 1 modules
var trace = __webpack_require__(1051);
// EXTERNAL MODULE: ./build/compare/stats.js
var stats = __webpack_require__(1303);
// EXTERNAL MODULE: ./build/random.js
var random = __webpack_require__(9541);
;// CONCATENATED MODULE: ./build/sample/sampler.js
/**
 * Stratified, seeded sampling of traces for review: up to `perStratum` traces of each failure
 * mode (the checks that failed, or the error) and `passing` traces that failed nothing, to find
 * what no check catches yet. Each stratum is a reservoir (Algorithm R), so memory holds the
 * sample, not the input, and the same seed over the same input gives the same sample. Pure.
 */



const PASSING = 'passing';
class StratifiedSampler {
    strata = new Map();
    random;
    index = 0;
    perStratum;
    passing;
    constructor(opts) {
        this.random = (0,random/* seededRandom */.I)(opts.seed);
        this.perStratum = opts.perStratum;
        this.passing = opts.passing;
    }
    /** Offers one trace; `stratum` is its failure mode, or PASSING. */
    add(item, stratum) {
        const index = this.index++;
        let r = this.strata.get(stratum);
        if (!r)
            this.strata.set(stratum, (r = { seen: 0, items: [] }));
        r.seen++;
        const capacity = stratum === PASSING ? this.passing : this.perStratum;
        if (r.items.length < capacity)
            r.items.push({ index, item });
        else {
            const j = Math.floor(this.random() * r.seen);
            if (j < capacity)
                r.items[j] = { index, item };
        }
    }
    /** The sample: failure strata first (by name), then the passing share, each in input order. */
    result() {
        const names = [...this.strata.keys()].filter((s) => s !== PASSING).sort();
        if (this.strata.has(PASSING))
            names.push(PASSING);
        return names.map((stratum) => {
            const r = this.strata.get(stratum);
            const items = [...r.items].sort((x, y) => x.index - y.index).map((x) => x.item);
            return { stratum, seen: r.seen, items };
        });
    }
}
/**
 * The half-width of the 95% Wilson interval for a rate estimated from `n` reviewed traces, at
 * the worst case (a rate of one half): what share of a failure rate the sample can tell.
 */
function wilsonHalfWidth(n) {
    const [lo, hi] = (0,stats/* wilson */.rF)(n / 2, n);
    return (hi - lo) / 2;
}

// EXTERNAL MODULE: ./build/suite/jsonl-stream.js
var jsonl_stream = __webpack_require__(8862);
;// CONCATENATED MODULE: ./build/sample/command.js
/**
 * `evalgate sample`: picks traces for a person to review, from an imported traces file (JSON
 * lines, `evalgate import`'s output) or a results file (`evalgate run`'s: then the strata are
 * the failure modes of the checks that failed).
 *
 * Without checks, a trace's stratum is `error` (the trace errored), `span_error` (a span or
 * tool call failed but the trace answered), the value of `--by <metadata path>` when given, or
 * `passing`. Writes the sampled traces as JSON lines with `metadata.sample` = {stratum, seed}.
 */







const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function metadataAt(trace, path) {
    let v = trace.metadata;
    for (const key of path.split('.')) {
        if (!isObject(v) || !Object.hasOwn(v, key))
            return undefined;
        v = v[key];
    }
    return v;
}
/** The stratum of an imported trace (no checks ran on it). */
function traceStratum(trace, by) {
    if (trace.error)
        return 'error';
    if (by) {
        const v = metadataAt(trace, by);
        if (typeof v === 'string' && v)
            return v;
        if (typeof v === 'number' || typeof v === 'boolean')
            return `${by}=${String(v)}`;
    }
    const spanErrors = trace.metadata?.span_errors;
    if (Array.isArray(spanErrors) && spanErrors.length)
        return 'span_error';
    return PASSING;
}
async function offerTraces(path, shown, add, by) {
    for await (const { value, line: n } of (0,jsonl_stream/* readJsonLines */.s)(path, shown)) {
        const r = (0,trace/* normalizeTrace */.v)(value);
        if ('error' in r)
            throw (0,errors/* suiteError */.lJ)([{ file: shown, line: n, message: `not a trace: ${r.error}` }]);
        add({ trace: r.trace, failed: [] }, traceStratum(r.trace, by));
    }
}
function offerResults(results, add) {
    for (const c of results.cases) {
        for (const t of c.trials) {
            const failed = [...new Set(t.checks.filter((k) => k.status === 'fail').map((k) => k.mode))];
            const stratum = t.status === 'error' ? 'error' : (failed[0] ?? PASSING);
            add({ trace: t.trace, failed, case: c.id }, stratum);
        }
    }
}
/** The first 4 KB of a file, without reading the rest. */
async function fileHead(file, shown) {
    try {
        const fh = await (0,promises_.open)(file, 'r');
        try {
            const buf = Buffer.alloc(4096);
            const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
            return buf.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await fh.close();
        }
    }
    catch (err) {
        throw (0,errors/* suiteError */.lJ)([{ file: shown, message: `cannot read: ${err.message}` }]);
    }
}
async function sampleCommand(file, out, opts, log) {
    const shown = (0,errors/* displayPath */.Gt)(file);
    const sampler = new StratifiedSampler({
        seed: opts.seed,
        perStratum: opts.perMode,
        passing: opts.passing,
    });
    const add = (p, s) => sampler.add(p, s);
    const head = await fileHead(file, shown);
    // A results file is one JSON object that starts with its schema; traces are JSON lines.
    if (/^\s*\{\s*"(schema|meta|cases)"\s*:/.test(head)) {
        const { readResults } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6825));
        offerResults(await readResults(file), add);
    }
    else
        await offerTraces(file, shown, add, opts.by);
    const strata = sampler.result();
    const stream = out ? (0,external_node_fs_.createWriteStream)(out) : process.stdout;
    let total = 0;
    for (const s of strata) {
        for (const p of s.items) {
            const metadata = {
                ...p.trace.metadata,
                sample: {
                    stratum: s.stratum,
                    seed: opts.seed,
                    ...(p.failed.length ? { failed_modes: p.failed } : {}),
                    ...(p.case ? { case: p.case } : {}),
                },
            };
            if (!stream.write(`${JSON.stringify({ ...p.trace, metadata })}\n`))
                await new Promise((resolve) => stream.once('drain', resolve));
            total++;
        }
    }
    if (out) {
        stream.end();
        await (0,external_node_stream_promises_.finished)(stream);
    }
    const pct = (x) => `±${(x * 100).toFixed(0)} points`;
    for (const s of strata)
        log(`${s.stratum}: ${s.items.length} of ${s.seen} trace(s)${s.items.length ? ` (a rate among them to ${pct(wilsonHalfWidth(s.items.length))})` : ''}`);
    log(`sampled ${total} trace(s) with seed ${opts.seed}${out ? ` to ${(0,errors/* displayPath */.Gt)(out)}` : ''}: a sample of ${total} estimates a failure rate to ${total ? pct(wilsonHalfWidth(total)) : 'nothing'} (95% Wilson interval, worst case)`);
    return 0;
}


/***/ }),

/***/ 8862:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ readJsonLines)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(481);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(156);
/**
 * A JSON-lines file read one value at a time (imports, samples, labelled traces: files that can
 * be larger than memory should hold). Blank lines are skipped; a line that is not JSON is a
 * SuiteError with the file and the line, like every other input error.
 */



async function* readJsonLines(path, 
/** The file as messages name it. */
shown, 
/** A cheap test on the raw line: lines it rejects are not parsed at all. */
keep) {
    const lines = (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
        line++;
        if (!text.trim() || (keep && !keep(text)))
            continue;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            // V8 appends "(line 1 column n)" of the one line: the file's line says more.
            const message = err.message.replace(/\s*\(line.*$/, '');
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .suiteError */ .lJ)([{ file: shown, line, message: `not valid JSON: ${message}` }]);
        }
        yield { value, line };
    }
}


/***/ })

};
