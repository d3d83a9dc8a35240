export const id = 773;
export const ids = [773];
export const modules = {

/***/ 6980:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ STAGE1_SHARE),
/* harmony export */   Jp: () => (/* binding */ STAGE1_FUTILITY),
/* harmony export */   NN: () => (/* binding */ stage2Modes),
/* harmony export */   _S: () => (/* binding */ stage2Size),
/* harmony export */   _v: () => (/* binding */ informativeness),
/* harmony export */   oG: () => (/* binding */ planStage2)
/* harmony export */ });
/* harmony import */ var _mode_test_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _prepare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2935);


/** Share of alpha spent on stage 1 of the adaptive design (section 5). */
const STAGE1_SHARE = 0.2;
/** Stage-1 p above which a mode stops without re-runs. */
const STAGE1_FUTILITY = 0.5;
function stage2Modes(head) {
    const list = head.meta?.stage2_modes;
    return new Set(Array.isArray(list) ? list.filter((m) => typeof m === 'string') : []);
}
/**
 * How many cases, and how many trials each, the budget allows: `budget` x the stage-1 trials of
 * one side, in whole trials. Full `rerunTrials` per case while at least one case fits; else one
 * case with what is left. Depends only on sizes (never on outcomes), so it keeps the test valid.
 */
function stage2Size(stage1Trials, candidates, rerunTrials, budget) {
    const allowed = Math.floor(Math.max(0, budget) * stage1Trials + 1e-9);
    if (candidates <= 0 || allowed <= 0 || rerunTrials <= 0)
        return { cases: 0, trials: 0 };
    if (allowed < rerunTrials)
        return { cases: 1, trials: allowed };
    return { cases: Math.min(candidates, Math.floor(allowed / rerunTrials)), trials: rerunTrials };
}
/**
 * How much a case's re-run can tell, from its pooled stage-1 count alone: t passes of n usable
 * trials (both sides). t (n - t) / n^2 is largest for even splits (a case that passed every base
 * trial and failed every head trial, and the flakiest ones) and 0 for cases without information.
 */
function informativeness(t, n) {
    return n > 0 ? (t * (n - t)) / (n * n) : 0;
}
/** FNV-1a of the id: a tie-break that ignores outcomes and the case's place in the dataset. */
function idHash(id) {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++)
        h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return h >>> 0;
}
/**
 * Which modes and cases to re-run after stage 1, within `gate.rerun_budget`.
 *
 * Modes: p_reg <= 0.5 and an interval that still allows a drop of min_drop (the undecided ones
 * for the verdict, those regressed already for the per-case labels). Cases: those with mixed
 * pooled stage-1 outcomes (0 < t < n) in those modes. When they cost more than the budget, the
 * modes are taken most suspect first (lowest stage-1 p_reg) and, within a mode, the cases most
 * informative by t and n first (ties by a hash of the id), until the budget is spent.
 *
 * Validity: a case is chosen by its pooled count t (and n) and by mode-level stage-1 results,
 * never by how its passes split between base and head; the stage-2 trials are fresh, so the
 * stage-2 test is exact whichever cases were chosen, and the alpha split (0.2 / 0.8) holds. The
 * robust (sign-flip) mode has no second stage.
 */
function planStage2(base, head, gate) {
    const none = { modes: [], caseIds: [], trials: 0, candidates: 0 };
    if (gate.robust)
        return none;
    const p = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .prepare */ .iA)(base, head);
    const s = (0,_mode_test_js__WEBPACK_IMPORTED_MODULE_0__/* .scratch */ .F)(p.U);
    // Unlike STATISTICS.md's "p_reg <= 0.2 alpha: regressed now, no re-run", modes that already
    // regressed are re-run too: the block does not need it, but the per-case labels do (with
    // k <= 3 no single case can be confirmed). That stays valid: the alpha split holds whatever the
    // stage-1 outcome, and the cases are still chosen by t alone. Only p_reg > 0.5 stops a mode.
    const band = [];
    p.modes.forEach((_, m) => {
        const x = (0,_mode_test_js__WEBPACK_IMPORTED_MODULE_0__/* .analyseMode */ .p)(p, m, s, { robust: false, stage2: false });
        if (x.stage1.p_reg <= STAGE1_FUTILITY && x.paired > 0 && x.ci[0] <= -gate.min_drop)
            band.push({ m, p: x.stage1.p_reg });
    });
    if (!band.length)
        return none;
    band.sort((a, b) => a.p - b.p || a.m - b.m);
    // Per mode, its ambiguous cases by informativeness.
    const hashes = new Map();
    const hashOf = (i) => {
        let h = hashes.get(i);
        if (h === undefined)
            hashes.set(i, (h = idHash(p.ids[i])));
        return h;
    };
    const seen = new Uint8Array(p.U);
    const order = [];
    for (const { m } of band) {
        const mine = [];
        const b0 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .BASE */ .Wm, 0);
        const h0 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .HEAD */ .Vx, 0);
        for (let i = 0; i < p.U; i++) {
            if (seen[i])
                continue;
            const ub = p.use[b0 + i];
            const uh = p.use[h0 + i];
            const t = p.pass[b0 + i] + p.pass[h0 + i];
            if (ub > 0 && uh > 0 && t > 0 && t < ub + uh)
                mine.push({ i, score: informativeness(t, ub + uh) });
        }
        mine.sort((a, b) => b.score - a.score || hashOf(a.i) - hashOf(b.i) || a.i - b.i);
        for (const { i } of mine) {
            seen[i] = 1;
            order.push(i);
        }
    }
    if (!order.length)
        return none;
    // The budget is counted in trials of one side's first stage (both sides re-run alike).
    const stage1 = headStage1Trials(head);
    const size = stage2Size(stage1, order.length, gate.rerun_trials, gate.rerun_budget);
    if (!size.cases)
        return { ...none, candidates: order.length };
    const picked = order.slice(0, size.cases);
    // The modes listed are those the re-run cases hold ambiguous outcomes for.
    const inPlan = band.filter(({ m }) => {
        const b0 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .BASE */ .Wm, 0);
        const h0 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .HEAD */ .Vx, 0);
        return picked.some((i) => {
            const n = p.use[b0 + i] + p.use[h0 + i];
            const t = p.pass[b0 + i] + p.pass[h0 + i];
            return p.use[b0 + i] > 0 && p.use[h0 + i] > 0 && t > 0 && t < n;
        });
    });
    return {
        modes: inPlan.map(({ m }) => p.modes[m]),
        caseIds: picked.map((i) => p.ids[i]),
        trials: size.trials,
        candidates: order.length,
    };
}
/** Stage-1 trials of the head side: what the budget is a share of. */
function headStage1Trials(head) {
    let n = 0;
    for (const c of head.cases ?? []) {
        for (const t of Array.isArray(c.trials) ? c.trials : [])
            if (!(t.stage >= 2))
                n++;
    }
    return n;
}


/***/ }),

/***/ 5490:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ scratch),
/* harmony export */   p: () => (/* binding */ analyseMode)
/* harmony export */ });
/* harmony import */ var _prepare_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2935);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1303);


function scratch(U) {
    return {
        kb: new Int32Array(U),
        xb: new Int32Array(U),
        kh: new Int32Array(U),
        xh: new Int32Array(U),
        d: new Float64Array(U),
    };
}
const pairedSide = () => ({ passes: 0, trials: 0, rates: 0, even: 0 });
function addCase(s, x, u, first) {
    s.passes += x;
    s.trials += u;
    s.rates += x / u;
    if (first)
        s.even = u;
    else if (s.even !== u)
        s.even = -1;
}
/**
 * The side's row in the mode table, over the same trials as the effect (docs/statistics.md
 * "One set of trials per row"): the paired cases, every stage, the rate their per-case mean.
 * Without a paired case there is no effect: then every usable trial of the side.
 */
function rateStats(p, m, side, paired, ps) {
    const at = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .slot */ .NI)(p, m, side, 0);
    const at2 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .slot */ .NI)(p, m, side, 1);
    let errors = 0;
    let cases = 0;
    let passes = 0;
    let trials = 0;
    for (let i = 0; i < p.U; i++) {
        const u = p.use[at + i] + p.use[at2 + i];
        const e = p.err[at + i] + p.err[at2 + i];
        errors += e;
        if (paired > 0)
            continue;
        if (u + e > 0)
            cases++;
        passes += p.pass[at + i] + p.pass[at2 + i];
        trials += u;
    }
    if (paired > 0) {
        const out = {
            passes: ps.passes,
            trials: ps.trials,
            cases: paired,
            errors,
            rate: ps.rates / paired,
            ci: (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .wilson */ .rF)(ps.passes, ps.trials),
        };
        if (ps.even < 0)
            out.uneven = true;
        return out;
    }
    const rate = trials > 0 ? passes / trials : 0;
    return { passes, trials, cases, errors, rate, ci: (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .wilson */ .rF)(passes, trials) };
}
function gcd(a, b) {
    while (b)
        [a, b] = [b, a % b];
    return a;
}
function analyseMode(p, m, s, opts) {
    const U = p.U;
    const b1 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .BASE */ .Wm, 0);
    const b2 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .BASE */ .Wm, 1);
    const h1 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .HEAD */ .Vx, 0);
    const h2 = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .slot */ .NI)(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .HEAD */ .Vx, 1);
    let paired = 0;
    let sumD = 0;
    let sumD2 = 0;
    let n1 = 0;
    // Pass 1: per-case differences (all stages pooled) and stage-1 strata of the paired cases.
    let lcm = 1;
    const pb = pairedSide();
    const ph = pairedSide();
    for (let i = 0; i < U; i++) {
        const ub = p.use[b1 + i] + p.use[b2 + i];
        const uh = p.use[h1 + i] + p.use[h2 + i];
        if (ub === 0 || uh === 0)
            continue;
        const xb = p.pass[b1 + i] + p.pass[b2 + i];
        const xh = p.pass[h1 + i] + p.pass[h2 + i];
        addCase(pb, xb, ub, paired === 0);
        addCase(ph, xh, uh, paired === 0);
        const d = xh / uh - xb / ub;
        s.d[paired] = d;
        paired++;
        sumD += d;
        sumD2 += d * d;
        if (opts.robust && lcm <= 360) {
            lcm = (lcm * ub) / gcd(lcm, ub);
            lcm = (lcm * uh) / gcd(lcm, uh);
        }
        s.kb[n1] = p.use[b1 + i];
        s.xb[n1] = p.pass[b1 + i];
        s.kh[n1] = p.use[h1 + i];
        s.xh[n1] = p.pass[h1 + i];
        n1++;
    }
    const { ci } = (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .pairedInterval */ .$D)(sumD, sumD2, paired);
    const effect = paired > 0 ? sumD / paired : 0;
    const sd = paired > 1 ? Math.sqrt(Math.max(0, (sumD2 - paired * effect * effect) / (paired - 1))) : 0;
    const out = {
        base: rateStats(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .BASE */ .Wm, paired, pb),
        head: rateStats(p, m, _prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .HEAD */ .Vx, paired, ph),
        paired,
        effect,
        ci,
        sd,
        stage1: (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .stratifiedTest */ .Gq)(s.kb, s.xb, s.kh, s.xh, n1),
    };
    if (opts.robust) {
        // Integer differences: with equal trials per side, L = k and d = head passes - base passes.
        const scale = Math.min(lcm, 360);
        for (let i = 0; i < paired; i++)
            s.d[i] = Math.round(s.d[i] * scale);
        out.robust = (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .signFlipTest */ .tf)(s.d, paired);
    }
    if (opts.stage2) {
        let n2 = 0;
        for (let i = 0; i < U; i++) {
            if (p.use[b2 + i] === 0 || p.use[h2 + i] === 0)
                continue;
            s.kb[n2] = p.use[b2 + i];
            s.xb[n2] = p.pass[b2 + i];
            s.kh[n2] = p.use[h2 + i];
            s.xh[n2] = p.pass[h2 + i];
            n2++;
        }
        out.stage2 = (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .stratifiedTest */ .Gq)(s.kb, s.xb, s.kh, s.xh, n2);
    }
    return out;
}


/***/ }),

/***/ 8773:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qx: () => (/* binding */ POWER_TARGET),
/* harmony export */   z0: () => (/* binding */ detectableDrop)
/* harmony export */ });
/* unused harmony exports FLAKY_SHARE, STABLE_PASS_SHARE, bestCase */
/* harmony import */ var _adaptive_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6980);
/* harmony import */ var _stats_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1303);
/* harmony import */ var _random_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9541);
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
/** Up to this many cases each simulated pull request runs the exact test. */
const EXACT_MAX_CASES = 100;
/** Above this many cases the drop is simulated here and scaled by sqrt(cases) (normal regime). */
const SCALE_FROM_CASES = 20_000;
const SIMULATIONS = 200;
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
    return (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .stratifiedTest */ .Gq)([k], [k], [k], [0]).p_reg ** n;
}
/** What the budget lets stage 2 re-run: at most `cases` cases of `trials` trials each. */
function rerunSize(s, candidates) {
    return (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .stage2Size */ ._S)(s.cases * s.trials, candidates, s.rerunTrials, s.rerunBudget);
}
/**
 * The strongest evidence a mode of `cases` cases can give, against the level: every case broken,
 * and as many of them re-run as the budget allows.
 */
function bestCase(s) {
    const p1 = allBrokenP(s.cases, s.trials);
    if (!s.adaptive)
        return { p: p1, level: levelOf(s) };
    const r = rerunSize(s, s.cases);
    const p2 = r.cases > 0 ? allBrokenP(r.cases, r.trials) : 1;
    return { p: Math.min(1, p1 / _adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE1_SHARE */ .E1, p2 / (1 - _adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE1_SHARE */ .E1)), level: levelOf(s) };
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
 *
 * The re-runs follow planStage2 for this one mode: its cases with mixed stage-1 outcomes (the
 * broken ones among them), the most informative first by t (a broken case, k of 2k, is as
 * informative as it gets; ties in random order), as many as the budget allows.
 */
function simulateDrop(s) {
    const n = s.cases;
    const k = s.trials;
    const level = levelOf(s);
    const exact = n <= EXACT_MAX_CASES;
    // The re-run trials per case do not depend on the outcomes; the case cap depends on how many
    // candidates there are (rerunSize).
    const r2 = s.adaptive ? rerunSize(s, n).trials : 0;
    const rand = (0,_random_js__WEBPACK_IMPORTED_MODULE_2__/* .seededRandom */ .I)(0x5eed ^ (n * 7919 + k * 104729 + s.rerunTrials));
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
    const brokenU = (t) => -t / 2;
    const brokenV = (t) => (t * t) / (4 * (2 * t - 1));
    const strataV = (t, kk) => t > 0 && t < 2 * kk ? (kk * kk * t * (2 * kk - t)) / (4 * kk * kk * (2 * kk - 1)) : 0;
    const top = (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .informativeness */ ._v)(k, 2 * k);
    for (let sim = 0; sim < SIMULATIONS; sim++) {
        let stablePass = 0;
        let f1 = 0; // informative stage-1 strata (= the mixed flaky cases)
        let u1 = 0;
        let v1 = 0;
        let sumD1 = 0;
        let sumD1sq = 0;
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
            if (t === 0 || t === 2 * k)
                continue;
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
                score[f1] = (0,_adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .informativeness */ ._v)(t, 2 * k);
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
        const order = Array.from({ length: f1 }, (_, i) => i).sort((a, b) => score[b] - score[a] || key[a] - key[b]);
        let a = 0; // flaky cases as informative as a broken one
        while (a < f1 && score[order[a]] >= top - 1e-12)
            a++;
        const chosen = new Uint8Array(f1);
        let mixedD1 = 0;
        for (let i = 0; i < f1; i++)
            mixedD1 += d1[i];
        /**
         * Stage 2 with m broken cases: which candidates the budget re-runs (marked in `chosen`),
         * returning how many of them are broken cases.
         */
        const plan = (m) => {
            chosen.fill(0);
            const size = rerunSize(s, f1 + m);
            let room = size.cases;
            if (f1 + m <= room) {
                chosen.fill(1);
                return m;
            }
            if (a + m <= room) {
                for (let q = 0; q < a; q++)
                    chosen[order[q]] = 1;
                room -= a + m;
                for (let q = a; q < f1 && room > 0; q++, room--)
                    chosen[order[q]] = 1;
                return m;
            }
            // The tier of the most informative cases is larger than the room: random order in it.
            for (let j = 0; j < m; j++)
                sortedBroken[j] = brokenKey[j];
            const bk = sortedBroken.subarray(0, m).sort();
            let fi = 0;
            let bi = 0;
            while (room > 0 && (fi < a || bi < m)) {
                if (bi >= m || (fi < a && key[order[fi]] < bk[bi]))
                    chosen[order[fi++]] = 1;
                else
                    bi++;
                room--;
            }
            return bi;
        };
        const pStage1 = (m) => {
            if (exact)
                return (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .stratifiedTest */ .Gq)(st1.kb, st1.xb, st1.kh, st1.xh, f1 + m).p_reg;
            const u = u1 + m * brokenU(k);
            const v = v1 + m * brokenV(k);
            return v > 0 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .normalCdf */ .vr)((u + 0.5) / Math.sqrt(v)) : 1;
        };
        const pStage2 = (broken) => {
            let f2 = 0;
            let u = broken * brokenU(r2);
            let v = broken * brokenV(r2);
            for (let i = 0; i < f1; i++) {
                if (!chosen[i])
                    continue;
                const t2 = yb[i] + yh[i];
                if (t2 === 0 || t2 === 2 * r2)
                    continue;
                if (exact) {
                    st2.kb[f2] = r2;
                    st2.xb[f2] = yb[i];
                    st2.kh[f2] = r2;
                    st2.xh[f2] = yh[i];
                    f2++;
                }
                else {
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
                return (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .stratifiedTest */ .Gq)(st2.kb, st2.xb, st2.kh, st2.xh, f2).p_reg;
            }
            return v > 0 ? (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .normalCdf */ .vr)((u + 0.5) / Math.sqrt(v)) : 1;
        };
        const regresses = (m) => {
            const p1 = pStage1(m);
            // The first stage: what the fixed design decides on, and what planStage2 looks at.
            let p = p1;
            let effect = (sumD1 - m) / n;
            if (s.adaptive) {
                const { ci } = (0,_stats_js__WEBPACK_IMPORTED_MODULE_1__/* .pairedInterval */ .$D)(sumD1 - m, sumD1sq + m, n);
                if (p1 <= _adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE1_FUTILITY */ .Jp && ci[0] <= -s.minDrop && r2 > 0) {
                    const broken = plan(m);
                    p = Math.min(1, p1 / _adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE1_SHARE */ .E1, pStage2(broken) / (1 - _adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE1_SHARE */ .E1));
                    let sumD = -m;
                    for (let i = 0; i < f1; i++)
                        sumD += chosen[i] ? dPooled[i] : d1[i];
                    // Flaky cases that were not mixed: their stage-1 difference is in sumD1 already.
                    effect = (sumD + sumD1 - mixedD1) / n;
                }
                else
                    p = Math.min(1, p1 / _adaptive_js__WEBPACK_IMPORTED_MODULE_0__/* .STAGE1_SHARE */ .E1);
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


/***/ }),

/***/ 2935:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NI: () => (/* binding */ slot),
/* harmony export */   Vx: () => (/* binding */ HEAD),
/* harmony export */   Wm: () => (/* binding */ BASE),
/* harmony export */   iA: () => (/* binding */ prepare),
/* harmony export */   xY: () => (/* binding */ trialsOf)
/* harmony export */ });
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4532);
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

const BASE = 0;
const HEAD = 1;
function slot(p, m, side, stage) {
    return ((m * 2 + side) * 2 + stage) * p.U;
}
function trialsOf(c) {
    return c && Array.isArray(c.trials) ? c.trials : [];
}
function collectModes(base, head, scanChecks) {
    const seen = new Set();
    for (const r of [base, head]) {
        let last;
        for (const c of r.cases ?? []) {
            // Loaders often share one `modes` array between cases: skip repeats cheaply.
            if (c.modes !== last && Array.isArray(c.modes))
                for (const m of c.modes)
                    if (typeof m === 'string')
                        seen.add(m);
            last = c.modes;
            // The checks themselves are the truth; scanned only when `modes` lists turned out short.
            if (!scanChecks)
                continue;
            for (const t of trialsOf(c)) {
                for (const ch of Array.isArray(t.checks) ? t.checks : []) {
                    if (typeof ch?.mode === 'string')
                        seen.add(ch.mode);
                }
            }
        }
    }
    // Declared modes first, in the config's order; undeclared ones (sorted) after.
    const declared = Object.keys(head.meta?.failure_modes ?? {}).filter((m) => seen.has(m));
    const rest = [...seen].filter((m) => !declared.includes(m)).sort();
    return [...declared, ...rest];
}
function prepare(base, head) {
    return prepareWith(base, head, false) ?? prepareWith(base, head, true);
}
/** Why a trial errored: its trace's error, else its first errored check's reason. */
function firstErrorOf(i, tj, trial) {
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
function prepareWith(base, head, scanChecks) {
    const modes = collectModes(base, head, scanChecks);
    // The built-in errors mode takes the last slot; a results file whose checks already use the
    // name (written before it was reserved) keeps its own mode and goes without the built-in one.
    const builtIn = !modes.includes(_defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .ERRORS_MODE */ .yg);
    const modeIndex = new Map(modes.map((m, i) => [m, i]));
    const ids = [];
    const where = new Map();
    const headCases = Array.isArray(head.cases) ? head.cases : [];
    const baseCases = Array.isArray(base.cases) ? base.cases : [];
    const hIdx = [];
    const bIdx = [];
    headCases.forEach((c, j) => {
        if (where.has(c.id))
            return; // a duplicate id: the first one wins
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
        }
        else if (bIdx[at] === -1)
            bIdx[at] = j;
    });
    const U = ids.length;
    const M = modes.length;
    const E = builtIn ? M : -1;
    const slots = builtIn ? M + 1 : M;
    let maxTrials = 0;
    for (const c of headCases)
        maxTrials = Math.max(maxTrials, trialsOf(c).length);
    for (const c of baseCases)
        maxTrials = Math.max(maxTrials, trialsOf(c).length);
    const counts = () => maxTrials <= 255 ? new Uint8Array(slots * 4 * U) : new Uint16Array(slots * 4 * U);
    const scan = () => ({
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
    const p = {
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
    let nt;
    // Trials of a case list their checks in the same order: remember the mode at each position
    // and skip the Map lookup when it repeats (identical strings compare by pointer).
    const posMode = [];
    const posIdx = [];
    let trialNo = 0;
    for (let side = 0; side < 2; side++) {
        const cases = side === BASE ? baseCases : headCases;
        const index = p.side[side];
        const sc = p.scan[side];
        for (let i = 0; i < U; i++) {
            const j = index[i];
            if (j < 0)
                continue;
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
                    if (bit === ERRORED)
                        checkErrored = true;
                    else if (bit === FAILED)
                        checkFailed = true;
                    const mode = ch?.mode;
                    if (typeof mode !== 'string')
                        continue;
                    let mi;
                    if (posMode[k] === mode)
                        mi = posIdx[k];
                    else {
                        mi = modeIndex.get(mode);
                        if (mi === undefined) {
                            if (!scanChecks)
                                return undefined; // a mode missing from `modes`: rescan properly
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
                if (traceErrored)
                    status = 'error';
                else if (status === 'error' && checkFailed)
                    status = 'fail';
                const errored = traceErrored || checkErrored || trial.status === 'error';
                // Run totals and the case's own counts, by trial status.
                sc.counts.trials++;
                if (status === 'pass') {
                    sc.counts.pass++;
                    sc.casePass[i]++;
                    sc.caseUse[i]++;
                }
                else if (status === 'error') {
                    sc.counts.error++;
                    sc.stage2Errors += stage;
                    sc.caseErr[i]++;
                    if (!sc.firstError)
                        sc.firstError = firstErrorOf(i, tj, trial);
                }
                else {
                    sc.counts.fail++;
                    sc.caseUse[i]++;
                    sc.caseFailed[i] = 1;
                    if (rep < 0)
                        rep = tj;
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
                                        if (mi !== undefined && nCostModes < M)
                                            costModes[nCostModes++] = mi;
                                    }
                                }
                                for (let q = 0; q < nCostModes; q++)
                                    p.modeCost[costModes[q] * 2 + side] += cost;
                            }
                        }
                    }
                    const l = trace.latency_ms;
                    if (typeof l === 'number' && Number.isFinite(l))
                        sc.latencies.push(l);
                }
                // An errored trace makes the trial missing for every mode the case guards.
                if (traceErrored || (trial.status === 'error' && nt === 0)) {
                    for (const m of caseModes) {
                        const mi = modeIndex.get(m);
                        if (mi === undefined)
                            continue;
                        if (stamp[mi] !== trialNo) {
                            stamp[mi] = trialNo;
                            touched[nt++] = mi;
                        }
                    }
                    for (let q = 0; q < nt; q++)
                        flags[touched[q]] = ERRORED;
                }
                for (let q = 0; q < nt; q++) {
                    const mi = touched[q];
                    const f = flags[mi];
                    const at = slot(p, mi, side, stage) + i;
                    if (f & FAILED)
                        p.use[at]++;
                    else if (f & ERRORED)
                        p.err[at]++;
                    else {
                        p.use[at]++;
                        p.pass[at]++;
                    }
                }
                if (E >= 0) {
                    const at = slot(p, E, side, stage) + i;
                    p.use[at]++;
                    if (errored)
                        anyErrored = true;
                    else
                        p.pass[at]++;
                }
            }
            sc.caseRep[i] = rep < 0 ? 0 : rep;
            if (sc.stage2Trials > before2)
                sc.stage2Cases++;
        }
    }
    if (E >= 0 && anyErrored) {
        p.modes = [...modes, _defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .ERRORS_MODE */ .yg];
        p.errorsMode = E;
    }
    return p;
}


/***/ }),

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


/***/ })

};
