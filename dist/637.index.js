export const id = 637;
export const ids = [637];
export const modules = {

/***/ 96637:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  capacityLines: () => (/* binding */ capacityLines)
});

// UNUSED EXPORTS: FEW_CASES, modeCapacities

// EXTERNAL MODULE: ./build/compare/stats.js
var stats = __webpack_require__(81303);
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
