export const id = 499;
export const ids = [499];
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

/***/ 499:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  monitorCommand: () => (/* binding */ monitorCommand)
});

// UNUSED EXPORTS: EXIT_COULD_NOT_RUN, EXIT_WORSENED, writeOutputs

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/suite/errors.js
var errors = __webpack_require__(156);
// EXTERNAL MODULE: ./build/suite/config.js + 1 modules
var config = __webpack_require__(4222);
// EXTERNAL MODULE: ./build/report/format.js
var format = __webpack_require__(2772);
// EXTERNAL MODULE: ./build/report/markdown.js
var markdown = __webpack_require__(4902);
// EXTERNAL MODULE: ./build/monitor/markdown.js
var monitor_markdown = __webpack_require__(8812);
// EXTERNAL MODULE: ./build/monitor/report.js + 1 modules
var monitor_report = __webpack_require__(7780);
;// CONCATENATED MODULE: ./build/monitor/dashboard.js
/**
 * `dashboard.html`: one self-contained page (inline CSS and SVG, no script, no external
 * resource; a CSP forbids any) with a plot per failure mode of its pass rate per window, the
 * 95% Wilson band around it, the previous windows' pooled rate, and the latest window marked
 * when it worsened. Mode names, reasons and trace ids are escaped. Pure.
 */




/** Untrusted text -> HTML text: controls shown, secrets masked, markup escaped. */
function esc(v, max = 300) {
    return (0,markdown/* clean */.uH)(v, max)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}
const W = 640;
const H = 220;
const PAD = { left: 44, right: 16, top: 14, bottom: 34 };
const f1 = (n) => n.toFixed(1);
/** The y range: 0–100%, or from a lower decade when every band stays above it. */
function yFloor(m) {
    let lo = 1;
    for (const w of m.windows)
        if (w.ci)
            lo = Math.min(lo, w.ci[0]);
    return Math.max(0, Math.floor(lo * 10 - 1e-9) / 10 - 0.1);
}
/** Splits a series into runs of consecutive defined points (windows without traces are gaps). */
function runs(items) {
    const out = [];
    let cur = [];
    for (const it of items) {
        if (it === null) {
            if (cur.length)
                out.push(cur);
            cur = [];
        }
        else
            cur.push(it);
    }
    if (cur.length)
        out.push(cur);
    return out;
}
function modePlot(m, r) {
    const count = m.windows.length;
    const lo = yFloor(m);
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const slot = plotW / count;
    const x = (i) => PAD.left + slot * (i + 0.5);
    const y = (v) => PAD.top + plotH * (1 - (v - lo) / (1 - lo));
    const parts = [];
    const latest = count - 1;
    if (m.verdict === 'worsened')
        parts.push(`<rect class="worse" x="${f1(PAD.left + slot * latest)}" y="${PAD.top}" width="${f1(slot)}" height="${plotH}"><title>worsened: p (Holm) ${(0,format/* pValue */.sp)(m.p_worse_adjusted ?? undefined)}</title></rect>`);
    // Grid and y labels at each 10% (every 20% on the full range).
    const step = 1 - lo > 0.5 ? 0.2 : 0.1;
    for (let v = lo; v <= 1 + 1e-9; v += step) {
        const yy = f1(y(v));
        parts.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${yy}" y2="${yy}"/>`, `<text class="tick" x="${PAD.left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle">${Math.round(v * 100)}%</text>`);
    }
    // x labels: the end of each window, thinned to about eight.
    const every = Math.max(1, Math.ceil(count / 8));
    r.windows.forEach((w, i) => {
        if ((count - 1 - i) % every !== 0)
            return;
        parts.push(`<text class="tick" x="${f1(x(i))}" y="${H - PAD.bottom + 16}" text-anchor="middle">${esc(w.end.slice(5, 10) + (r.window_ms < 86_400_000 ? ` ${w.end.slice(11, 16)}` : ''))}</text>`);
    });
    if (m.previous.rate !== null) {
        const yy = f1(y(m.previous.rate));
        parts.push(`<line class="baseline" x1="${PAD.left}" x2="${f1(PAD.left + slot * latest)}" y1="${yy}" y2="${yy}"><title>previous windows pooled: ${(0,format/* pct */.Oe)(m.previous.rate)}</title></line>`);
    }
    const points = m.windows.map((w, i) => (w.rate !== null && w.ci ? { i, w } : null));
    for (const run of runs(points)) {
        const upper = run.map((p) => `${f1(x(p.i))},${f1(y(p.w.ci[1]))}`);
        const lower = run.map((p) => `${f1(x(p.i))},${f1(y(p.w.ci[0]))}`).reverse();
        parts.push(`<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`);
        parts.push(`<polyline class="rate" points="${run.map((p) => `${f1(x(p.i))},${f1(y(p.w.rate))}`).join(' ')}"/>`);
    }
    for (const p of points) {
        if (!p)
            continue;
        const cls = p.i === latest && m.verdict === 'worsened' ? 'dot worse-dot' : 'dot';
        parts.push(`<circle class="${cls}" cx="${f1(x(p.i))}" cy="${f1(y(p.w.rate))}" r="3.5"><title>${esc(`${(0,monitor_markdown/* shortTime */.Mj)(r.windows[p.i].end)}: ${(0,format/* pct */.Oe)(p.w.rate)} of ${p.w.n} (95% ${(0,format/* pct */.Oe)(p.w.ci[0])}–${(0,format/* pct */.Oe)(p.w.ci[1])}), ${p.w.error} check error(s)`)}</title></circle>`);
    }
    const label = `${m.mode}: pass rate per window; latest ${m.latest.rate === null ? 'no traces' : (0,format/* pct */.Oe)(m.latest.rate)}, ${monitor_markdown/* VERDICT_TEXT */.ys[m.verdict]}`;
    return `<svg class="plot" data-mode="${esc(m.mode, 200)}" data-verdict="${m.verdict}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>${parts.join('')}</svg>`;
}
const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--card:#f6f8fa;--line:#0969da;--band:rgba(9,105,218,.18);--grid:#d1d9e0;--bad:#cf222e;--badbg:rgba(207,34,46,.12);--good:#1a7f37}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#151b23;--line:#4493f8;--band:rgba(68,147,248,.22);--grid:#3d444d;--bad:#f85149;--badbg:rgba(248,81,73,.16);--good:#3fb950}}
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:980px;padding:24px}
h1{font-size:20px}h2{font-size:16px;margin:0 0 4px}
.muted{color:var(--muted)}
table{border-collapse:collapse;margin:12px 0}td,th{padding:4px 10px;border-bottom:1px solid var(--grid);text-align:left;vertical-align:top}
.card{background:var(--card);border-radius:8px;padding:12px 16px;margin:16px 0}
.verdict-worsened{color:var(--bad);font-weight:600}.verdict-improved{color:var(--good)}
svg.plot{max-width:100%;height:auto;display:block}
.grid{stroke:var(--grid);stroke-width:1}.tick{fill:var(--muted);font-size:11px}
.band{fill:var(--band);stroke:none}.rate{fill:none;stroke:var(--line);stroke-width:2}
.dot{fill:var(--line)}.worse-dot{fill:var(--bad)}.worse{fill:var(--badbg)}
.baseline{stroke:var(--muted);stroke-dasharray:4 4}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
`;
function modeCard(m, r) {
    const change = m.change === null ? '–' : `${(0,format/* pts */.UM)(m.change)} points`;
    const rate = (s) => s.rate === null || !s.ci
        ? 'no traces with an outcome'
        : `${(0,format/* pct */.Oe)(s.rate)} (95% ${(0,format/* pct */.Oe)(s.ci[0])}–${(0,format/* pct */.Oe)(s.ci[1])}) of ${(0,format/* int */.Wh)(s.n)}`;
    const err = m.first_error
        ? `<p class="muted">First check error: ${esc(m.first_error.reason, 200)} (${esc(`${m.first_error.file}:${m.first_error.line}`, 120)}${m.first_error.trace_id ? `, trace <code>${esc(m.first_error.trace_id, 64)}</code>` : ''})</p>`
        : '';
    return `<section class="card mode" data-mode="${esc(m.mode, 200)}">
<h2><code>${esc(m.mode, 120)}</code>${m.severity ? ` <span class="muted">${esc(m.severity)}</span>` : ''} · <span class="verdict-${m.verdict}">${monitor_markdown/* VERDICT_TEXT */.ys[m.verdict]}</span></h2>
<p class="muted">Latest window: ${rate(m.latest)}. Previous ${r.previous_windows} pooled: ${rate(m.previous)}. Change ${change}; p (worse) ${(0,format/* pValue */.sp)(m.p_worse ?? undefined)}, Holm ${(0,format/* pValue */.sp)(m.p_worse_adjusted ?? undefined)}. Check errors in the latest window: ${(0,format/* int */.Wh)(m.latest.error)}.</p>
${modePlot(m, r)}
${err}
</section>`;
}
function dashboardHtml(r) {
    const latest = r.windows[r.windows.length - 1];
    const rows = r.modes
        .map((m) => `<tr><td><code>${esc(m.mode, 120)}</code></td><td>${m.latest.rate === null ? '–' : (0,format/* pct */.Oe)(m.latest.rate)}</td><td>${m.previous.rate === null ? '–' : (0,format/* pct */.Oe)(m.previous.rate)}</td><td>${(0,format/* pValue */.sp)(m.p_worse_adjusted ?? undefined)}</td><td class="verdict-${m.verdict}">${monitor_markdown/* VERDICT_TEXT */.ys[m.verdict]}</td></tr>`)
        .join('\n');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc((0,monitor_markdown/* headline */.Pl)(r))}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc((0,monitor_markdown/* headline */.Pl)(r))}</h1>
<p class="muted">Pass rate per failure mode in ${r.windows.length} windows of ${(0,monitor_report/* windowText */.Kn)(r.window_ms)} up to ${esc((0,monitor_markdown/* shortTime */.Mj)(latest.end))} UTC, with 95% Wilson bands. The latest window is compared with the previous ${r.previous_windows} pooled (dashed line) by Fisher's exact test, one-sided, Holm over the modes at alpha ${r.alpha}; a worsened window is shaded. ${(0,format/* int */.Wh)(r.traces.in_windows)} of ${(0,format/* int */.Wh)(r.traces.read)} trace(s) in the windows; check errors are counted apart, never as passes.</p>
<table><thead><tr><th>Failure mode</th><th>Latest</th><th>Previous</th><th>p (Holm)</th><th>Verdict</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${r.modes.map((m) => modeCard(m, r)).join('\n')}
</body>
</html>
`;
}

// EXTERNAL MODULE: ./build/monitor/run.js
var run = __webpack_require__(960);
// EXTERNAL MODULE: ./build/report/redact.js
var redact = __webpack_require__(7234);
;// CONCATENATED MODULE: ./build/monitor/command.js
/**
 * `evalgate monitor traces.jsonl... [--config] [--out dir] [--now ISO] [--issue]`: the config's
 * online checks over production traces, pass rates per failure mode per window, the latest window
 * against the previous ones. Writes monitor.json, summary.md (also the job summary) and
 * dashboard.html; with --issue opens or updates the one GitHub issue.
 *
 * Exit 0 no mode worsened, 1 a mode worsened, 2 bad input (config, traces, flags), 3 nothing
 * measured (no trace in the windows had a known outcome: every check errored) or GitHub refused.
 */









const EXIT_WORSENED = 1;
/** Nothing measured, or GitHub refused the issue: the CLI's "could not run". */
const EXIT_COULD_NOT_RUN = 3;
/** Needs a judge only when an online check is graded by one. */
const JUDGED = new Set(['judge', 'faithful', 'answers_question', 'follows_policy']);
async function judgeOf(config, configPath, env) {
    if (!config.judge || !config.online.checks.some((c) => JUDGED.has(c.type)))
        return undefined;
    const { openJudge } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6970));
    const suite = { configPath, rootDir: (0,external_node_path_.dirname)(configPath), config, cases: [], hash: '' };
    return openJudge(suite, env);
}
async function writeOutputs(report, out) {
    await (0,promises_.mkdir)(out, { recursive: true });
    const markdown = (0,monitor_markdown/* monitorMarkdown */.M7)(report);
    await (0,promises_.writeFile)((0,external_node_path_.join)(out, 'monitor.json'), `${(0,redact/* redactedJson */.Rh)(report)}\n`);
    await (0,promises_.writeFile)((0,external_node_path_.join)(out, 'summary.md'), (0,redact/* redactSecrets */.fp)(markdown));
    await (0,promises_.writeFile)((0,external_node_path_.join)(out, 'dashboard.html'), (0,redact/* redactSecrets */.fp)(dashboardHtml(report)));
    return markdown;
}
async function monitorCommand(opts, log) {
    const env = opts.env ?? process.env;
    const online = opts.config.online;
    if (!online) {
        const src = (0,config/* configSource */.qX)(opts.config);
        throw (0,errors/* suiteError */.lJ)([
            {
                file: src?.file ?? (0,errors/* displayPath */.Gt)(opts.configPath),
                message: 'no online: section: name the checks to run over production traces (docs/monitor.md)',
            },
        ]);
    }
    // Checked before the traces are read: a missing token found after an hour of judging is late.
    const repo = env.GITHUB_REPOSITORY;
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    if (opts.issue) {
        const problem = !repo || !/^[^/\s]+\/[^/\s]+$/.test(repo)
            ? '--issue needs the repository as owner/name in GITHUB_REPOSITORY'
            : !token
                ? '--issue needs a token in GITHUB_TOKEN (with the issues: write permission)'
                : undefined;
        if (problem)
            throw (0,errors/* suiteError */.lJ)([{ file: 'evalgate monitor', message: problem }]);
    }
    const checked = await (0,run/* checkTraces */.Vq)(opts.files, {
        online,
        rootDir: (0,external_node_path_.dirname)(opts.configPath),
        judge: await judgeOf(opts.config, opts.configPath, env),
        concurrency: opts.config.concurrency,
    });
    const now = opts.now ?? (0,monitor_report/* latestTime */.ZV)(checked.times);
    if (now === undefined)
        throw (0,errors/* suiteError */.lJ)([
            {
                file: opts.files.map((f) => (0,errors/* displayPath */.Gt)(f)).join(', '),
                message: 'no traces in the file(s)',
            },
        ]);
    const report = (0,monitor_report/* buildReport */.FK)(checked, online, now, opts.config.failure_modes);
    const markdown = await writeOutputs(report, opts.out);
    if (env.GITHUB_STEP_SUMMARY) {
        const { writeJobSummary } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(421), __webpack_require__.e(990)]).then(__webpack_require__.bind(__webpack_require__, 990));
        await writeJobSummary(markdown);
    }
    for (const m of report.modes) {
        const rate = (r) => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(1)}%`);
        log(`${m.mode}: ${m.verdict.replaceAll('_', ' ')} (latest ${rate(m.latest)} of ${m.latest.n}, previous ${rate(m.previous)} of ${m.previous.n}${m.latest.error ? `, ${m.latest.error} check error(s)` : ''})`);
    }
    log(`${(0,monitor_markdown/* headline */.Pl)(report)} → ${(0,errors/* displayPath */.Gt)(opts.out)}/dashboard.html`);
    if (!(0,monitor_report/* measuredAnything */.BL)(report)) {
        const first = report.modes.find((m) => m.first_error)?.first_error;
        log(`nothing was measured: no trace in the windows has a known outcome${first ? `; the first check error, ${first.file}:${first.line}: ${first.reason}` : ''}`);
        return EXIT_COULD_NOT_RUN;
    }
    if (opts.issue) {
        const [owner, name] = repo.split('/');
        const { restClient, errorMessage } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(356), __webpack_require__.e(463)]).then(__webpack_require__.bind(__webpack_require__, 4463));
        const { syncMonitorIssue } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(356), __webpack_require__.e(66)]).then(__webpack_require__.bind(__webpack_require__, 8066));
        const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
        const runUrl = env.GITHUB_RUN_ID
            ? `${server}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
            : undefined;
        try {
            const result = await syncMonitorIssue(restClient({ token: token, baseUrl: env.GITHUB_API_URL }), { owner, repo: name, report, runUrl });
            if (result.action === 'none')
                log(result.number
                    ? `issue #${result.number}: already back to normal`
                    : 'no issue: nothing worsened');
            else
                log(`issue #${result.number} ${result.action}: ${result.url}`);
        }
        catch (err) {
            log(`could not open or update the monitor issue: ${errorMessage(err)}`);
            return EXIT_COULD_NOT_RUN;
        }
    }
    return report.worsened.length ? EXIT_WORSENED : 0;
}


/***/ }),

/***/ 8812:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M7: () => (/* binding */ monitorMarkdown),
/* harmony export */   Mj: () => (/* binding */ shortTime),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   ys: () => (/* binding */ VERDICT_TEXT)
/* harmony export */ });
/* unused harmony export rateCell */
/* harmony import */ var _report_format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2772);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4902);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7780);
/**
 * The monitor's markdown: `summary.md` (also the job summary) and the body of its GitHub issue.
 * Mode names and check reasons come from the config and the traces: escaped like every other
 * untrusted text (report/markdown.ts). Pure.
 */



const VERDICT_TEXT = {
    worsened: 'worsened',
    improved: 'improved',
    steady: 'steady',
    too_few_traces: 'too few traces',
};
/** "82% (76–87%) of 200". */
function rateCell(r) {
    if (r.rate === null || !r.ci)
        return `– of 0`;
    return `${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(r.rate)} (${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(r.ci[0])}–${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(r.ci[1])}) of ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(r.n)}`;
}
/** "2026-11-30 09:00" (UTC, minutes): windows end on whole minutes in practice. */
function shortTime(iso) {
    return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
function headline(r) {
    const n = r.worsened.length;
    return n === 0
        ? 'evalgate monitor: no failure mode worsened'
        : `evalgate monitor: ${n} failure mode${n === 1 ? '' : 's'} worsened (${r.worsened.join(', ')})`;
}
function row(m) {
    const verdict = VERDICT_TEXT[m.verdict];
    return `| ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(m.mode)} | ${rateCell(m.latest)} | ${rateCell(m.previous)} | ${m.change === null ? '–' : `${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pts */ .UM)(m.change)} pts`} | ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pValue */ .sp)(m.p_worse ?? undefined)} | ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pValue */ .sp)(m.p_worse_adjusted ?? undefined)} | ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(m.latest.error)} | ${m.verdict === 'worsened' ? `**${verdict}**` : verdict} |`;
}
function monitorMarkdown(r) {
    const latest = r.windows[r.windows.length - 1];
    const first = r.windows[0];
    const lines = [
        `### ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(headline(r))}`,
        '',
        `Pass rate per failure mode in the latest window (${shortTime(latest.start)} to ${shortTime(latest.end)} UTC, ${(0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .windowText */ .Kn)(r.window_ms)}) against the previous ${r.previous_windows} window${r.previous_windows === 1 ? '' : 's'} pooled (from ${shortTime(first.start)}), with 95% Wilson intervals. Fisher's exact test, one-sided for worse, Holm over ${r.modes.filter((m) => m.p_worse !== null).length} tested mode(s) at alpha ${r.alpha}.`,
        '',
        '| Failure mode | Latest window | Previous windows | Change | p (worse) | p (Holm) | Check errors | Verdict |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        ...r.modes.map(row),
        '',
        `${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(r.traces.read)} trace(s) read, ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(r.traces.in_windows)} in the ${r.windows.length} windows` +
            (r.traces.before_windows ? `, ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(r.traces.before_windows)} older` : '') +
            (r.traces.after_now ? `, ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(r.traces.after_now)} after ${shortTime(r.now)}` : '') +
            (r.traces.errored
                ? `; ${(0,_report_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(r.traces.errored)} trace(s) errored (their checks count as errors)`
                : '') +
            '. Check errors are neither passes nor failures: they are left out of the rates.',
    ];
    const errored = r.modes.filter((m) => m.first_error);
    if (errored.length) {
        lines.push('');
        for (const m of errored) {
            const e = m.first_error;
            lines.push(`- First check error of ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(m.mode)}: ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(e.reason, 200)} (${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inline */ .mG)(`${e.file}:${e.line}`, 120)}${e.trace_id ? `, trace ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(e.trace_id, 64)}` : ''})`);
        }
    }
    const few = r.modes.filter((m) => m.verdict === 'too_few_traces');
    if (few.length)
        lines.push('', `Too few traces: ${few.map((m) => (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(m.mode)).join(', ')}: no outcome of the latest window could be significant at alpha ${r.alpha} with so few traces with a known outcome.`);
    return `${lines.join('\n')}\n`;
}


/***/ }),

/***/ 7780:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FK: () => (/* binding */ buildReport),
  ZV: () => (/* binding */ latestTime),
  BL: () => (/* binding */ measuredAnything),
  Kn: () => (/* binding */ windowText)
});

// UNUSED EXPORTS: MONITOR_SCHEMA

// EXTERNAL MODULE: ./build/monitor/run.js
var run = __webpack_require__(960);
// EXTERNAL MODULE: ./build/compare/stats.js
var stats = __webpack_require__(1303);
;// CONCATENATED MODULE: ./build/monitor/stats.js
/**
 * The numbers of `evalgate monitor` (docs/monitor.md): per failure mode and window, the pass rate
 * among traces whose checks of that mode gave an outcome, with its 95% Wilson interval; the
 * latest window against the previous ones pooled, by Fisher's exact test (the two windows are
 * different traces: unpaired), one-sided each way; Holm over the modes. Pure.
 */

function rateStats(t) {
    const n = t.pass + t.fail;
    return {
        ...t,
        n,
        rate: n > 0 ? t.pass / n : null,
        ci: n > 0 ? (0,stats/* wilson */.rF)(t.pass, n) : null,
    };
}
function pooled(tallies) {
    const out = { pass: 0, fail: 0, error: 0 };
    for (const t of tallies) {
        out.pass += t.pass;
        out.fail += t.fail;
        out.error += t.error;
    }
    return out;
}
/**
 * Whether no outcome of the latest window could be significant at `alpha`: the smallest p-value
 * Fisher's test can give with these sample sizes (every previous trace passed, every latest one
 * failed) is 1 / C(nPrevious + nLatest, nLatest). With one trace against nineteen it is 1/20:
 * nothing short of that says anything at 0.05, so the verdict is "too few traces" rather than a
 * "steady" that was never in question.
 */
function tooFew(nPrevious, nLatest, alpha) {
    if (nPrevious === 0 || nLatest === 0)
        return true;
    // The tolerance keeps a best p of exactly alpha (1/20 at 0.05) testable despite rounding.
    return -(0,stats/* logChoose */.Oo)(nPrevious + nLatest, nLatest) > Math.log(alpha) + 1e-12;
}
/**
 * Compares the latest window with the pooled previous ones, per mode, and decides. `latest[m]`
 * and `previous[m]` are mode m's tallies.
 */
function testModes(previous, latest, alpha) {
    const tests = previous.map((prevTally, m) => {
        const prev = rateStats(prevTally);
        const last = rateStats(latest[m]);
        const testable = !tooFew(prev.n, last.n, alpha);
        // hypergeomTails(base n, base passes, head n, head passes): [P(X <= x), P(X >= x)] for the
        // latest window's passes X given the total passes: the first small = fewer passes = worse.
        const tails = testable ? (0,stats/* hypergeomTails */.u8)(prev.n, prev.pass, last.n, last.pass) : null;
        return {
            previous: prev,
            latest: last,
            change: prev.rate !== null && last.rate !== null ? last.rate - prev.rate : null,
            p_worse: tails ? tails[0] : null,
            p_better: tails ? tails[1] : null,
            p_worse_adjusted: null,
            p_better_adjusted: null,
            verdict: testable ? 'steady' : 'too_few_traces',
        };
    });
    const tested = tests.filter((t) => t.p_worse !== null);
    const worse = (0,stats/* holm */.fU)(tested.map((t) => t.p_worse));
    const better = (0,stats/* holm */.fU)(tested.map((t) => t.p_better));
    tested.forEach((t, i) => {
        t.p_worse_adjusted = worse[i];
        t.p_better_adjusted = better[i];
        if (worse[i] <= alpha)
            t.verdict = 'worsened';
        else if (better[i] <= alpha)
            t.verdict = 'improved';
    });
    return tests;
}

// EXTERNAL MODULE: ./build/monitor/windows.js
var monitor_windows = __webpack_require__(2516);
;// CONCATENATED MODULE: ./build/monitor/report.js



const MONITOR_SCHEMA = 'evalgate/monitor@1';
const iso = (ms) => new Date(ms).toISOString();
/** The latest trace time: the default `now`. Undefined without traces. */
function latestTime(times) {
    let max = -Infinity;
    for (let i = 0; i < times.length; i++)
        if (times[i] > max)
            max = times[i];
    return times.length ? max : undefined;
}
function buildReport(checked, online, now, severities = {}) {
    const count = online.windows + 1;
    const M = checked.modes.length;
    // tallies[(w * M + m) * 3 + outcome]
    const tallies = new Int32Array(count * M * 3);
    let after = 0;
    let before = 0;
    const { times, outcomes } = checked;
    for (let t = 0; t < times.length; t++) {
        const w = (0,monitor_windows/* windowIndex */.pN)(times[t], now, online.window_ms, count);
        if (w === -1)
            after++;
        else if (w === -2)
            before++;
        else
            for (let m = 0; m < M; m++)
                tallies[(w * M + m) * 3 + outcomes[t * M + m]]++;
    }
    const tally = (w, m) => ({
        pass: tallies[(w * M + m) * 3 + run/* PASS */.CQ],
        fail: tallies[(w * M + m) * 3 + run/* FAIL */.vR],
        error: tallies[(w * M + m) * 3 + run/* ERROR */.ff],
    });
    const perMode = checked.modes.map((_, m) => {
        const all = Array.from({ length: count }, (_, w) => tally(w, m));
        return { all, previous: pooled(all.slice(0, -1)), latest: all[count - 1] };
    });
    const tests = testModes(perMode.map((p) => p.previous), perMode.map((p) => p.latest), online.alpha);
    const modes = checked.modes.map((mode, m) => {
        const sev = severities[mode]?.severity;
        const first = checked.firstErrors[m];
        return {
            mode,
            ...(sev ? { severity: sev } : {}),
            windows: perMode[m].all.map(rateStats),
            ...tests[m],
            ...(first ? { first_error: first } : {}),
        };
    });
    const windows = (0,monitor_windows/* windowsEndingAt */.sB)(now, online.window_ms, count);
    return {
        schema: MONITOR_SCHEMA,
        now: iso(now),
        window_ms: online.window_ms,
        previous_windows: online.windows,
        alpha: online.alpha,
        traces: {
            read: times.length,
            in_windows: times.length - after - before,
            after_now: after,
            before_windows: before,
            errored: checked.erroredTraces,
        },
        windows: windows.map((w) => ({ start: iso(w.start), end: iso(w.end) })),
        modes,
        worsened: modes.filter((m) => m.verdict === 'worsened').map((m) => m.mode),
    };
}
/** Whether anything was measured at all: some trace in a window with a known outcome. */
function measuredAnything(r) {
    return r.modes.some((m) => m.windows.some((w) => w.n > 0));
}
/** "1 day", "12 hours", "90 minutes". */
function windowText(ms) {
    const unit = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;
    if (ms % 86_400_000 === 0)
        return unit(ms / 86_400_000, 'day');
    if (ms % 3_600_000 === 0)
        return unit(ms / 3_600_000, 'hour');
    return unit(Math.round(ms / 60_000), 'minute');
}


/***/ }),

/***/ 960:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CQ: () => (/* binding */ PASS),
/* harmony export */   Vq: () => (/* binding */ checkTraces),
/* harmony export */   ff: () => (/* binding */ ERROR),
/* harmony export */   vR: () => (/* binding */ FAIL)
/* harmony export */ });
/* harmony import */ var _checks_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2439);
/* harmony import */ var _promote_suggest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2801);
/* harmony import */ var _suite_jsonl_stream_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8862);
/* harmony import */ var _suite_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(156);
/* harmony import */ var _targets_trace_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1051);
/* harmony import */ var _windows_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2516);
/**
 * The checking half of `evalgate monitor`: streams evalgate traces (JSON lines, `evalgate
 * import`'s output), runs the config's online checks on each, and keeps per trace only its time
 * and one outcome per mode, so memory grows by a few bytes per trace whatever the traces hold.
 *
 * Per trace and mode (as compare counts a trial): a failed check makes it a failure even when
 * another check of the mode errored; otherwise an errored check (or an errored trace) makes the
 * outcome unknown, counted apart; else it passed.
 */






const PASS = 0;
const FAIL = 1;
const ERROR = 2;
/** The case a check sees for a production trace: its input, no expectations. */
function caseOf(trace, file, line, online) {
    return {
        id: trace.trace_id ?? `${file}:${line}`,
        input: (0,_promote_suggest_js__WEBPACK_IMPORTED_MODULE_4__/* .inputOf */ .wg)(trace),
        tags: [],
        checks: online.checks,
        source: { file, line },
        hash: '',
    };
}
function outcomeOf(results, mode) {
    let errored = false;
    for (const r of results) {
        if (r.mode !== mode)
            continue;
        if (r.status === 'fail')
            return FAIL;
        if (r.status === 'error')
            errored = true;
    }
    return errored ? ERROR : PASS;
}
/** Doubles the per-trace buffers: 8 bytes of time and a byte per mode for each trace. */
function grow(out, modes) {
    const size = Math.max(1024, out.times.length * 2);
    const times = new Float64Array(size);
    times.set(out.times);
    const outcomes = new Uint8Array(size * modes);
    outcomes.set(out.outcomes);
    out.times = times;
    out.outcomes = outcomes;
}
async function checkTraces(files, opts) {
    const { modes } = opts.online;
    const out = {
        times: new Float64Array(0),
        outcomes: new Uint8Array(0),
        modes,
        erroredTraces: 0,
        firstErrors: modes.map(() => undefined),
    };
    const record = (slot, results, trace, shown, line) => {
        for (let m = 0; m < modes.length; m++) {
            const o = outcomeOf(results, modes[m]);
            out.outcomes[slot * modes.length + m] = o;
            if (o === ERROR && !out.firstErrors[m]) {
                const r = results.find((x) => x.mode === modes[m] && x.status === 'error');
                out.firstErrors[m] = {
                    ...(trace.trace_id ? { trace_id: trace.trace_id } : {}),
                    file: shown,
                    line,
                    reason: r?.reason ?? 'error',
                };
            }
        }
    };
    let count = 0;
    const pending = new Set();
    for (const file of files) {
        const shown = (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(file);
        for await (const { value, line } of (0,_suite_jsonl_stream_js__WEBPACK_IMPORTED_MODULE_1__/* .readJsonLines */ .s)(file, shown)) {
            if (opts.signal?.aborted)
                break;
            const r = (0,_targets_trace_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeTrace */ .v)(value);
            if ('error' in r)
                throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .suiteError */ .lJ)([{ file: shown, line, message: `not a trace: ${r.error}` }]);
            const trace = r.trace;
            const t = (0,_windows_js__WEBPACK_IMPORTED_MODULE_5__/* .traceTime */ .J7)(trace.metadata);
            if (typeof t === 'string')
                throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .suiteError */ .lJ)([{ file: shown, line, message: t }]);
            const slot = count++;
            if (slot === out.times.length)
                grow(out, modes.length);
            out.times[slot] = t;
            if (trace.error)
                out.erroredTraces++;
            const ctx = {
                rootDir: opts.rootDir,
                case: caseOf(trace, shown, line, opts.online),
                ...(opts.signal ? { signal: opts.signal } : {}),
                ...(opts.judge ? { judge: opts.judge } : {}),
            };
            const checked = (0,_checks_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .runChecks */ .JT)(opts.online.checks, trace, ctx);
            // Without a judge every check is synchronous: one trace at a time, no pool to keep.
            if (!opts.judge) {
                record(slot, await checked, trace, shown, line);
                continue;
            }
            const running = checked.then((results) => record(slot, results, trace, shown, line));
            pending.add(running);
            void running.finally(() => pending.delete(running));
            if (pending.size >= opts.concurrency)
                await Promise.race(pending);
        }
    }
    await Promise.all(pending);
    out.times = out.times.slice(0, count);
    out.outcomes = out.outcomes.slice(0, count * modes.length);
    return out;
}


/***/ }),

/***/ 2516:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J7: () => (/* binding */ traceTime),
/* harmony export */   pN: () => (/* binding */ windowIndex),
/* harmony export */   sB: () => (/* binding */ windowsEndingAt)
/* harmony export */ });
/**
 * Time windows of `evalgate monitor`: `count` windows of `windowMs` each, ending at `now`. Each
 * is half-open at its start, (start, end], so a trace stamped exactly `now` is in the latest
 * window and one stamped at a boundary belongs to the older side. Index 0 is the oldest window,
 * count - 1 the latest. Pure.
 */
/** The window of time `t` (ms), or -1 (after `now`) / -2 (before the first window). */
function windowIndex(t, now, windowMs, count) {
    if (t > now)
        return -1;
    const back = Math.floor((now - t) / windowMs);
    return back >= count ? -2 : count - 1 - back;
}
function windowsEndingAt(now, windowMs, count) {
    const out = [];
    for (let i = 0; i < count; i++) {
        const end = now - (count - 1 - i) * windowMs;
        out.push({ start: end - windowMs, end });
    }
    return out;
}
/**
 * A trace's time in ms from its `metadata.started_at` (ISO 8601, what `evalgate import`
 * records), or a message saying why there is none.
 */
function traceTime(metadata) {
    const v = metadata?.started_at;
    if (v === undefined || v === null)
        return 'no metadata.started_at (the time the trace started)';
    // Only ISO dates with a time: Date.parse also takes "3/4/2025", read in the local time zone.
    if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v))
        return `metadata.started_at must be an ISO 8601 time (e.g. 2026-11-30T09:15:00Z), got ${JSON.stringify(v).slice(0, 60)}`;
    const t = Date.parse(v);
    if (!Number.isFinite(t))
        return `metadata.started_at is not a valid time: ${JSON.stringify(v)}`;
    return t;
}


/***/ }),

/***/ 2801:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   uo: () => (/* binding */ documentsOf),
/* harmony export */   uy: () => (/* binding */ suggestChecks),
/* harmony export */   vz: () => (/* binding */ sourceOf),
/* harmony export */   wg: () => (/* binding */ inputOf)
/* harmony export */ });
/* unused harmony exports claimIn, kindOf */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Words of a claimed action in an answer ("I have refunded", "has been cancelled"...). */
const ACTION = /\b(?:refunded|cancel(?:l)?ed|issued|processed|booked|sent|updated|changed|created|deleted|scheduled|transferred|reset|approved)\b/i;
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Sentence ends: `.` `!` `?` `:` `;` before a space or the end (not the `.` of `$89.99`). */
const SENTENCE_END = /[.!?:;](?=\s|$)|\n/;
/** Amounts, order numbers, dates: they tie a claim to one trace, so they end it. */
const SPECIFIC = /\d/;
/**
 * The claim in an output: the clause around its first action word, as a regex. Up to 3 words
 * before and 2 after, within the sentence, stopping at a word with a digit, so the claim
 * matches the same promise about another order or amount ("your refund of $89.99 has been
 * processed" -> `has\s+been\s+processed\s+and\s+is`).
 */
function claimIn(output) {
    const m = ACTION.exec(output);
    if (!m)
        return undefined;
    const before = output.slice(0, m.index).split(SENTENCE_END).at(-1).trim().split(/\s+/);
    const after = output
        .slice(m.index + m[0].length)
        .split(SENTENCE_END)[0]
        .trim()
        .split(/\s+/);
    const lead = [];
    for (let i = before.length - 1; i >= 0 && lead.length < 3; i--) {
        if (!before[i] || SPECIFIC.test(before[i]))
            break;
        lead.unshift(before[i]);
    }
    const tail = [];
    for (const w of after) {
        if (!w || SPECIFIC.test(w) || tail.length === 2)
            break;
        tail.push(w);
    }
    return [...lead, m[0], ...tail].map(escapeRegex).join('\\s+');
}
/** The kind of failure a mode's name describes. */
function kindOf(mode) {
    const m = mode.toLowerCase();
    if (/halluc|claim|fabricat|unperformed|fake/.test(m))
        return 'hallucinated_action';
    if (/stale|outdated|ground|fact|wrong_info|incorrect_info/.test(m))
        return 'stale_answer';
    if (/tool/.test(m))
        return 'wrong_tool';
    return 'other';
}
/** The suggested checks for a label on a trace, and a note for what needs a person. */
function suggestChecks(label, trace) {
    const mode = label.mode;
    const kind = kindOf(mode);
    const checks = [];
    let todo;
    const called = (trace.tool_calls ?? []).map((c) => c.name);
    if (kind === 'hallucinated_action') {
        const claim = claimIn(trace.output);
        if (claim && label.tool)
            checks.push({ type: 'claim_requires_tool', claim, tool: label.tool, mode });
        else if (claim) {
            checks.push({
                type: 'not_contains',
                value: trace.output.match(new RegExp(claim, 'i'))[0],
                ignore_case: true,
                mode,
            });
            todo = 'name the tool the claim needs (label "tool") to check it with claim_requires_tool';
        }
        else
            todo = 'no action claim found in the output: write the check by hand';
    }
    else if (kind === 'stale_answer') {
        checks.push({ type: 'grounded', mode });
    }
    else if (kind === 'wrong_tool') {
        if (label.tool)
            checks.push({ type: 'tool_called', name: label.tool, mode });
        const wrong = called.find((n) => n !== label.tool);
        if (wrong)
            checks.push({ type: 'tool_not_called', name: wrong, mode });
        if (!checks.length)
            todo = 'name the right tool (label "tool")';
    }
    if (label.expected)
        checks.push({ type: 'contains', value: label.expected, mode });
    if (!checks.length) {
        // Something a person must replace, but a valid check that the bad answer fails.
        const bad = trace.output.trim().slice(0, 80);
        if (bad)
            checks.push({ type: 'not_contains', value: bad, mode });
        todo ??= 'write a check for this failure (the suggestion only rejects the same answer)';
    }
    return todo ? { checks, todo } : { checks };
}
/** What the user asked: the import's `metadata.input`, else the last user message. */
function inputOf(trace) {
    const meta = trace.metadata?.input;
    if (meta !== undefined && meta !== null && meta !== '')
        return meta;
    const user = trace.messages?.findLast((m) => m.role === 'user');
    return typeof user?.content === 'string' ? user.content : undefined;
}
/** The trace's retrieved documents as the case's pinned documents (unique ids). */
function documentsOf(trace) {
    const seen = new Set();
    const out = [];
    (trace.retrieved ?? []).forEach((d, i) => {
        let id = d.id ?? `doc-${i + 1}`;
        while (seen.has(id))
            id = `${id}-${i + 1}`;
        seen.add(id);
        out.push(d.source ? { id, text: d.text, source: d.source } : { id, text: d.text });
    });
    return out;
}
function sourceOf(trace) {
    const s = trace.metadata?.source;
    return typeof s === 'string' ? s : 'traces';
}



/***/ }),

/***/ 2772:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DZ: () => (/* binding */ LABEL_TEXT),
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   LA: () => (/* binding */ rateCell),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Oe: () => (/* binding */ pct),
/* harmony export */   Pr: () => (/* binding */ sampleLine),
/* harmony export */   RC: () => (/* binding */ removedLine),
/* harmony export */   UM: () => (/* binding */ pts),
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   Yb: () => (/* binding */ NOT_REPORTED),
/* harmony export */   bE: () => (/* binding */ sortModes),
/* harmony export */   dR: () => (/* binding */ usd),
/* harmony export */   fd: () => (/* binding */ changeCell),
/* harmony export */   gg: () => (/* binding */ LABEL_ORDER),
/* harmony export */   ms: () => (/* binding */ ms),
/* harmony export */   on: () => (/* binding */ blockingRegressions),
/* harmony export */   pq: () => (/* binding */ countOf),
/* harmony export */   qI: () => (/* binding */ relChange),
/* harmony export */   sp: () => (/* binding */ pValue),
/* harmony export */   tM: () => (/* binding */ changeWithCi),
/* harmony export */   uL: () => (/* binding */ modeP),
/* harmony export */   uX: () => (/* binding */ firstErrorText)
/* harmony export */ });
/* unused harmony export severityRank */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4853);

const finite = (n) => typeof n === 'number' && Number.isFinite(n);
/** 0.8123 -> "81%"; keeps one decimal near the ends where rounding would mislead (99.6% != 100%). */
function pct(rate) {
    if (!finite(rate))
        return '–';
    const p = rate * 100;
    if (p > 99 && p < 100)
        return `${p.toFixed(1)}%`;
    if (p > 0 && p < 1)
        return `${p.toFixed(1)}%`;
    return `${Math.round(p)}%`;
}
/** A rate difference in percentage points, signed: -0.17 -> "-17". */
function pts(d) {
    if (!finite(d))
        return '–';
    const v = Math.round(d * 100);
    if (v === 0)
        return d < 0 ? '-0' : '+0';
    return v > 0 ? `+${v}` : `${v}`;
}
function pValue(p) {
    if (!finite(p))
        return '–';
    if (p < 0.0001)
        return '<0.0001';
    if (p < 0.001)
        return p.toFixed(4);
    if (p < 0.01)
        return p.toFixed(3);
    return p.toFixed(2);
}
function usd(n) {
    if (!finite(n))
        return '–';
    if (n === 0)
        return '$0';
    if (Math.abs(n) < 0.01)
        return `$${n.toFixed(4)}`;
    return `$${n.toFixed(2)}`;
}
function int(n) {
    if (!finite(n))
        return '–';
    return Math.round(n).toLocaleString('en-US');
}
function ms(n) {
    if (!finite(n))
        return '–';
    if (n >= 10_000)
        return `${(n / 1000).toFixed(1)} s`;
    if (n >= 1000)
        return `${(n / 1000).toFixed(2)} s`;
    return `${Math.round(n)} ms`;
}
/** "+21%" relative change, or "" when the base is zero/missing. */
function relChange(base, head) {
    if (!finite(base) || !finite(head) || base === 0)
        return '';
    const r = (head - base) / base;
    const v = Math.round(r * 100);
    return v > 0 ? `+${v}%` : `${v}%`;
}
function shortSha(sha) {
    if (!sha)
        return undefined;
    return /^[0-9a-f]{7,64}$/i.test(sha) ? sha.slice(0, 7) : sha.slice(0, 12);
}
const LABEL_TEXT = {
    new_failure: 'new failure',
    suspected_new_failure: 'suspected new failure',
    fixed: 'fixed',
    // Mixed outcomes within a side, or a change too small to confirm per case.
    flaky: 'flaky or unconfirmed',
    stable_pass: 'stable pass',
    stable_fail: 'stable fail',
    added: 'added',
    removed: 'removed',
    errored: 'errored',
    not_run: 'not run',
};
/** Order in which labels are listed (most important first). */
const LABEL_ORDER = [
    'new_failure',
    'suspected_new_failure',
    'errored',
    'not_run',
    'fixed',
    'flaky',
    'added',
    'removed',
    'stable_fail',
    'stable_pass',
];
function severityRank(s) {
    const i = _types_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .o.indexOf(s);
    return i < 0 ? _types_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .o.length : i;
}
const VERDICT_RANK = {
    regressed: 0,
    inconclusive: 1,
    improved: 2,
    unchanged: 3,
};
/** Regressions first (blocking, then by severity, then the largest drop), then by severity. */
function sortModes(modes) {
    const byName = (a, b) => a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0;
    return [...modes].sort((a, b) => {
        const ra = a.verdict === 'regressed';
        const rb = b.verdict === 'regressed';
        if (ra !== rb)
            return ra ? -1 : 1;
        if (ra) {
            return (Number(b.blocking) - Number(a.blocking) ||
                severityRank(a.severity) - severityRank(b.severity) ||
                (a.effect ?? 0) - (b.effect ?? 0) ||
                byName(a, b));
        }
        return (severityRank(a.severity) - severityRank(b.severity) ||
            (VERDICT_RANK[a.verdict] ?? 9) - (VERDICT_RANK[b.verdict] ?? 9) ||
            byName(a, b));
    });
}
/** The adjusted p in the direction of the observed change. */
function modeP(m) {
    return m.effect > 0 ? m.p_improved_adjusted : m.p_regressed_adjusted;
}
/** "-17 pts, 95% CI -24 to -10" */
function changeWithCi(m) {
    const [lo, hi] = m.effect_ci ?? [NaN, NaN];
    return `${pts(m.effect)} pts, 95% CI ${pts(lo)} to ${pts(hi)}`;
}
/** The modes whose regression blocks this PR (or would have, when accepted). */
function blockingRegressions(c) {
    return sortModes(c.modes.filter((m) => m.verdict === 'regressed' && m.blocking));
}
function plural(n, one, many = one + 's') {
    return `${int(n)} ${n === 1 ? one : many}`;
}
/** Number of cases with a label: the comparison's own count, else counted from the cases. */
function countOf(c, label) {
    const n = c.counts?.[label];
    return finite(n) ? n : c.cases.filter((x) => x.label === label).length;
}
/**
 * "3 cases removed by this PR, 2 of them passing on base": deleting cases (that the change
 * broke, or that were failing) must be visible, not quietly leave the suite greener.
 */
function removedLine(c, by) {
    const n = countOf(c, 'removed');
    if (!n)
        return undefined;
    let passing = 0;
    for (const k of c.cases ?? []) {
        if (k.label === 'removed' && k.base && k.base.trials > 0 && k.base.passes === k.base.trials)
            passing++;
    }
    const of = n === 1
        ? passing
            ? 'passing on base'
            : 'not passing on base'
        : `${passing === 0 ? 'none' : int(passing)} of them passing on base`;
    return `${plural(n, 'case')} removed ${by}, ${of}`;
}
/** A cell for a value no trace reported: absent is not zero. */
const NOT_REPORTED = 'not reported';
/**
 * A side's rate in a mode's row: "71% (66/93)"; "78% (31 cases)" when re-runs gave cases
 * different numbers of trials (the rate is then the mean of per-case rates, as the change is, and
 * not passes / trials);
 * "all errored" when every trial of the mode errored; "–" when the side has none.
 */
function rateCell(r) {
    if (!r)
        return '–';
    if (!(r.trials > 0))
        return r.errors > 0 ? 'all errored' : '–';
    if (r.uneven)
        return `${pct(r.rate)} (${plural(r.cases, 'case')})`;
    return `${pct(r.rate)} (${int(r.passes)}/${int(r.trials)})`;
}
/** "-25 pts (-35 to -12)"; "–" when no case was paired (there is no change to show). */
function changeCell(m) {
    if (!(m.paired_cases > 0))
        return '–';
    const [lo, hi] = m.effect_ci ?? [NaN, NaN];
    return `${pts(m.effect)} pts (${pts(lo)} to ${pts(hi)})`;
}
/**
 * The first lines' statement of what a sample can see, e.g. "Ran a sample of 12 of 64 cases: it
 * can detect a drop of about 35 pts in `refusal_policy`; `privacy` (2 cases) can never block."
 * `name` renders a mode name for the medium. Undefined for a full run.
 */
function sampleLine(c, name) {
    const s = c.sample;
    if (!s)
        return undefined;
    const can = [];
    const weak = [];
    const cannot = [];
    for (const m of s.modes ?? []) {
        const what = `${name(m.mode)} (${plural(m.cases, 'case')})`;
        if (!m.can_regress)
            cannot.push(what);
        else if (m.drop === undefined)
            weak.push(what);
        else
            can.push(`${Math.max(1, Math.round(m.drop * 100))} pts in ${name(m.mode)}`);
    }
    let line = `Ran a sample: ${int(s.cases)} of ${plural(s.of, 'case')}`;
    const parts = [];
    if (can.length)
        parts.push(`the smallest drop it detects (80% power) is ${listOf(can, 4)}`);
    if (weak.length)
        parts.push(`no drop in ${listOf(weak, 4)} is detected reliably`);
    if (cannot.length)
        parts.push(`${listOf(cannot, 4)} can never block`);
    if (parts.length)
        line += `; ${parts.join('; ')}`;
    return `${line}. A full run sees more.`;
}
function listOf(items, max) {
    const shown = items.slice(0, max);
    const rest = items.length - shown.length;
    if (rest > 0)
        return `${shown.join(', ')} and ${int(rest)} more`;
    if (shown.length <= 1)
        return shown.join('');
    return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
/** "head, case `x`, trial 2: crash: …" parts of a side's first error; `text` renders untrusted text. */
function firstErrorText(side, e, id, text) {
    return `first ${side} error (case ${id(e.case)}, trial ${e.trial + 1}, ${text(e.kind)}): ${text(e.message)}`;
}


/***/ }),

/***/ 4902:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   Lx: () => (/* binding */ urlPath),
/* harmony export */   YI: () => (/* binding */ neutralize),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   fG: () => (/* binding */ urlPart),
/* harmony export */   mG: () => (/* binding */ inline),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   qy: () => (/* binding */ html),
/* harmony export */   uH: () => (/* binding */ clean),
/* harmony export */   v7: () => (/* binding */ safeHref)
/* harmony export */ });
/* unused harmony export asText */
/* harmony import */ var _plain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2071);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7234);
/**
 * Making untrusted text inert in GitHub-flavoured markdown.
 *
 * Everything a report prints that came from a dataset, a model or a check reason goes through
 * `inline` (text inside a line or a table cell) or `fence` (a code block). The goal is that the
 * text renders as the same characters and does nothing else: no HTML, no links or images, no
 * table breakage, no @-mentions or #-references (GitHub turns those into notifications and
 * cross-links *after* markdown rendering, on the text nodes, so backslash escapes alone do not
 * stop them: a zero-width joiner between `@` and the name does).
 */


const ZWJ = '\u200d';
const ZWSP = '\u200b';
/** Cuts to at most `max` code units without splitting a surrogate pair; marks the cut with …. */
function cut(s, max) {
    if (s.length <= max)
        return s;
    if (max <= 1)
        return '…';
    let end = max - 1;
    const code = s.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return s.slice(0, end) + '…';
}
/** Any value as display text: strings as they are, the rest as compact JSON. Never throws. */
function asText(v) {
    if (typeof v === 'string')
        return v;
    if (v === undefined)
        return '';
    try {
        const s = JSON.stringify(v);
        return s === undefined ? String(v) : s;
    }
    catch {
        return String(v);
    }
}
/** Text read past `max` before redacting, so a secret straddling the final cut is seen whole. */
const WINDOW = 256;
/**
 * Dropped from the end of a window that cut the text: a token cut there may be too short for
 * its pattern (20 of 40 characters of a GitHub token), and redaction shrinks what comes before
 * it, which would bring it into view.
 */
const UNSEEN_TAIL = 64;
/** `s.slice(0, end)` without leaving half a surrogate pair. */
function head(s, end) {
    const code = s.charCodeAt(end - 1);
    return s.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}
/**
 * Untrusted value -> plain text: controls and bidi overrides shown as visible escapes (an ESC
 * would drive a terminal, a NUL confuses parsers, an override makes text read differently from
 * what it is), secrets redacted, cut to `max`. Only a window a little past `max` is read, so a
 * long output costs little.
 */
function clean(v, max) {
    const text = asText(v);
    const long = text.length > max + WINDOW;
    const s = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)((0,_plain_js__WEBPACK_IMPORTED_MODULE_0__/* .showControls */ .mz)((long ? head(text, max + WINDOW) : text).replace(/\r\n?/g, '\n')));
    if (!long)
        return cut(s, max);
    const kept = head(s, Math.max(0, s.length - UNSEEN_TAIL));
    return kept.length >= max ? cut(kept, max) : kept + '…';
}
/** Breaks @-mentions, #-references, GH-references and URL autolinks with invisible characters. */
function neutralize(s) {
    return (s
        .replace(/@(?=[A-Za-z0-9_-])/g, '@' + ZWJ)
        .replace(/#(?=[A-Za-z0-9_])/g, '#' + ZWJ)
        .replace(/(GH)-(?=\d)/gi, '$1-' + ZWJ)
        .replace(/:(?=\/\/)/g, ':' + ZWSP)
        // No \b: GitHub's autolinker starts a link at `www.` after `_`, `*` or `~` too.
        .replace(/(www)\./gi, '$1' + ZWSP + '.'));
}
// ASCII punctuation that can start markdown or HTML syntax anywhere in a line. Line-start-only
// syntax (headings, lists, quotes) cannot occur because we never start a line with untrusted text.
const MD_SPECIAL = /[\\`*_[\]()#!|~$<>&{}]/g;
/**
 * Untrusted value -> one line of inert markdown, at most about `max` visible characters.
 * Newlines become ` ⏎ ` so a reason cannot end a table row or a list item.
 */
function inline(v, max = 300) {
    const flat = clean(v, max)
        .replace(/\s*\n\s*/g, ' ⏎ ')
        .replace(/\t/g, ' ');
    return neutralize(flat.replace(MD_SPECIAL, (ch) => '\\' + ch));
}
/**
 * A fenced code block that its content cannot close: the fence is one backtick longer than the
 * longest backtick run inside. Content is neutralised too (mentions are not linked inside code
 * on GitHub today, but we assume nothing about the renderer).
 */
function fence(text, lang = 'text') {
    // `<!--` broken too, so an output cannot carry our hidden comment marker verbatim.
    const body = neutralize(text).replace(/<!--/g, '<!\u200d--');
    let longest = 0;
    for (const m of body.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    const f = '`'.repeat(Math.max(3, longest + 1));
    return `${f}${lang}\n${body.replace(/\n+$/, '')}\n${f}`;
}
/**
 * An inline code span for short identifiers (mode names, check types, refs); anything with
 * characters that could matter falls back to escaped text.
 */
function code(v, max = 80) {
    const s = clean(v, max);
    if (/^[A-Za-z0-9_.:/-]+$/.test(s) && !/:\/\//.test(s) && !/^www\./i.test(s))
        return '`' + s + '`';
    return inline(s, max);
}
/** Escapes text for an HTML context (inside `<summary>`, which markdown does not process). */
function html(v, max = 200) {
    return neutralize(clean(v, max)
        .replace(/\s+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;'));
}
/**
 * A link destination we are willing to print: http(s) only, with the characters that could
 * end a markdown destination or an HTML attribute percent-encoded. Anything else -> undefined.
 */
function safeHref(url) {
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/[()<>"'`\s\\[\]]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A URL component from untrusted text (case ids, file paths, trace ids). */
function urlPart(s) {
    // A lone surrogate (a cut emoji in a case id) would make encodeURIComponent throw.
    return encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd')).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}
/** A path in a repository: each segment encoded, `/` kept. */
function urlPath(p) {
    return p
        .split('/')
        .filter((seg) => seg !== '' && seg !== '.' && seg !== '..')
        .map(urlPart)
        .join('/');
}
/** `[text](href)` when the href is safe; the text alone otherwise. `text` must be markdown already. */
function link(text, href) {
    const safe = safeHref(href);
    return safe ? `[${text}](${safe})` : text;
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
