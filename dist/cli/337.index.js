export const id = 337;
export const ids = [337];
export const modules = {

/***/ 9097:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  At: () => (/* binding */ buildCases),
  C7: () => (/* binding */ caseExcerpt)
});

// UNUSED EXPORTS: CASE_FDR

// EXTERNAL MODULE: ./build/types.js
var types = __webpack_require__(4853);
// EXTERNAL MODULE: ./build/compare/prepare.js
var prepare = __webpack_require__(2935);
// EXTERNAL MODULE: ./build/compare/stats.js
var stats = __webpack_require__(1303);
;// CONCATENATED MODULE: ./build/compare/trajectory.js
/**
 * Trajectories side by side: where a head trial's tool calls first differ from a base trial's.
 * Pure; used for the excerpt of a new failure, so a report can point at the step where the
 * agent went another way ("base called lookup_order, head called issue_refund").
 */
/**
 * JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` are the same arguments.
 * Never throws (a cycle or a BigInt reads as its String()).
 */
function canonicalJson(v) {
    try {
        return (JSON.stringify(v ?? {}, (_k, x) => x && typeof x === 'object' && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
            : x) ?? '');
    }
    catch {
        return String(v);
    }
}
function sameStep(a, b) {
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object')
        return a === b;
    return (String(a.name ?? '') === String(b.name ?? '') &&
        canonicalJson(a.arguments) === canonicalJson(b.arguments));
}
/**
 * The 0-based index of the first step where the two trajectories differ (a different tool, or
 * the same tool with other arguments; a step one side has and the other does not, when one is
 * a prefix of the other), or undefined when they are the same.
 */
function firstDivergence(head, base) {
    const n = Math.max(head.length, base.length);
    for (let i = 0; i < n; i++)
        if (!sameStep(head[i], base[i]))
            return i;
    return undefined;
}

;// CONCATENATED MODULE: ./build/compare/case-labels.js




/** False discovery rate of the per-case labels (section 6). */
const CASE_FDR = 0.1;
const LABEL_ORDER = [
    'new_failure',
    'suspected_new_failure',
    'errored',
    'not_run',
    'fixed',
    'flaky',
    'stable_fail',
    'stable_pass',
];
const LABEL_RANK = {
    ...Object.fromEntries(LABEL_ORDER.map((l, i) => [l, i])),
    added: 99,
    removed: 99,
};
function emptyCounts() {
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
function caseTest(p, m, i, cache) {
    const b1 = (0,prepare/* slot */.NI)(p, m, prepare/* BASE */.Wm, 0) + i;
    const h1 = (0,prepare/* slot */.NI)(p, m, prepare/* HEAD */.Vx, 0) + i;
    const b2 = (0,prepare/* slot */.NI)(p, m, prepare/* BASE */.Wm, 1) + i;
    const h2 = (0,prepare/* slot */.NI)(p, m, prepare/* HEAD */.Vx, 1) + i;
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
    if (!inf1 && !inf2)
        return undefined;
    if (inf1 && inf2) {
        const r = (0,stats/* stratifiedTest */.Gq)([kb1, kb2], [xb1, xb2], [kh1, kh2], [xh1, xh2], 2);
        return [r.p_reg, r.p_imp];
    }
    const [kb, xb, kh, xh] = inf1 ? [kb1, xb1, kh1, xh1] : [kb2, xb2, kh2, xh2];
    if (kb < 256 && kh < 256) {
        const key = ((kb * 256 + xb) * 256 + kh) * 256 + xh;
        let r = cache.get(key);
        if (!r) {
            r = (0,stats/* hypergeomTails */.u8)(kb, xb, kh, xh);
            cache.set(key, r);
        }
        return r;
    }
    return (0,stats/* hypergeomTails */.u8)(kb, xb, kh, xh);
}
/**
 * `notRun[i]`: bit 1 << side is set when case i has no trial on that side although that side's
 * run selected it (an incomplete run): labelled not_run rather than added or removed.
 */
function buildCases(base, head, p, modes, notRun, pending) {
    const U = p.U;
    const M = p.modes.length;
    // Per (mode, case): the reported p and q (regressed direction unless the case is fixed) and
    // the BH outcome: 1 new failure, 2 fixed. p is NaN where the case carried no information.
    const pOut = new Float64Array(M * U).fill(NaN);
    const qOut = new Float64Array(M * U).fill(NaN);
    const found = new Uint8Array(M * U);
    const cache = new Map();
    for (let m = 0; m < M; m++) {
        if (m === p.errorsMode)
            continue;
        const idx = [];
        const pr = [];
        const pi = [];
        for (let i = 0; i < U; i++) {
            const r = caseTest(p, m, i, cache);
            if (!r)
                continue;
            idx.push(i);
            pr.push(r[0]);
            pi.push(r[1]);
        }
        // BH within the mode over the informative cases (an uninformative case cannot be rejected,
        // so counting it would only dilute the others).
        const qr = (0,stats/* benjaminiHochberg */.Uh)(pr);
        const qi = (0,stats/* benjaminiHochberg */.Uh)(pi);
        for (let j = 0; j < idx.length; j++) {
            const k = m * U + idx[j];
            if (qr[j] <= CASE_FDR)
                found[k] = 1;
            else if (qi[j] <= CASE_FDR)
                found[k] = 2;
            pOut[k] = found[k] === 2 ? pi[j] : pr[j];
            qOut[k] = found[k] === 2 ? qi[j] : qr[j];
        }
    }
    // A flip to "mostly fails" is only suspected where the mode as a whole is not shown unchanged or
    // improved: with 30% flaky cases and k = 3, thousands of 2/3 -> 1/3 flips per mode are noise.
    const suspectable = modes.map((mc) => mc.verdict === 'regressed' || mc.verdict === 'inconclusive');
    const counts = emptyCounts();
    const cases = new Array(U);
    const removedFailing = [];
    let addedPasses = 0;
    let addedTrials = 0;
    const [sb, sh] = p.scan;
    // Which newly failing mode a case's excerpt shows: blocking first, then by severity.
    const modeWeight = modes.map((mc) => (mc.blocking ? 0 : 10) + Math.max(0, types/* SEVERITIES */.o.indexOf(mc.severity)));
    for (let i = 0; i < U; i++) {
        const bc = p.side[prepare/* BASE */.Wm][i] >= 0 ? base.cases[p.side[prepare/* BASE */.Wm][i]] : undefined;
        const hc = p.side[prepare/* HEAD */.Vx][i] >= 0 ? head.cases[p.side[prepare/* HEAD */.Vx][i]] : undefined;
        const modeList = [];
        let best;
        // The most important newly failing mode's entry, for the excerpt.
        let lead;
        let leadWeight = Infinity;
        const nr = notRun !== undefined && notRun[i] !== 0;
        for (let m = 0; m < M; m++) {
            // The built-in errors mode is gated per mode; per case, errors are shown as errors (the
            // case's own counts, the errored label), not as new failures.
            if (m === p.errorsMode)
                continue;
            const a1 = (0,prepare/* slot */.NI)(p, m, prepare/* BASE */.Wm, 0) + i;
            const a2 = (0,prepare/* slot */.NI)(p, m, prepare/* BASE */.Wm, 1) + i;
            const c1 = (0,prepare/* slot */.NI)(p, m, prepare/* HEAD */.Vx, 0) + i;
            const c2 = (0,prepare/* slot */.NI)(p, m, prepare/* HEAD */.Vx, 1) + i;
            const ub = p.use[a1] + p.use[a2];
            const uh = p.use[c1] + p.use[c2];
            const eb = p.err[a1] + p.err[a2];
            const eh = p.err[c1] + p.err[c2];
            const onBase = ub + eb > 0;
            const onHead = uh + eh > 0;
            if (!onBase && !onHead)
                continue;
            const xb = p.pass[a1] + p.pass[a2];
            const xh = p.pass[c1] + p.pass[c2];
            const k = m * U + i;
            let label;
            let pv = NaN;
            let qv = NaN;
            if (nr)
                label = 'not_run';
            else if (!onBase)
                label = 'added';
            else if (!onHead)
                label = 'removed';
            else if (ub === 0 || uh === 0)
                label = 'errored';
            else if (found[k] === 1) {
                label = 'new_failure';
                pv = pOut[k];
                qv = qOut[k];
            }
            else if (found[k] === 2) {
                label = 'fixed';
                pv = pOut[k];
                qv = qOut[k];
            }
            else {
                pv = pOut[k];
                qv = qOut[k];
                if (xb === ub && xh === uh)
                    label = 'stable_pass';
                else if (xb === 0 && xh === 0)
                    label = 'stable_fail';
                else if (suspectable[m] && 2 * xb > ub && 2 * xh < uh)
                    label = 'suspected_new_failure';
                // Mixed within a side, or a change that was not confirmed (e.g. fail -> pass once).
                else
                    label = 'flaky';
            }
            if (LABEL_RANK[label] < (best === undefined ? 99 : LABEL_RANK[best]))
                best = label;
            // Stable passes are the bulk of a large suite: left out of the per-case list of modes.
            if (label === 'stable_pass')
                continue;
            const entry = { mode: p.modes[m], label };
            if (onBase)
                entry.base = countsOf(xb, ub, eb);
            if (onHead)
                entry.head = countsOf(xh, uh, eh);
            if (!Number.isNaN(pv)) {
                entry.p = pv;
                entry.q = qv;
            }
            if ((label === 'new_failure' || label === 'suspected_new_failure') && hc) {
                // Per (case, mode), and only for the few cases reported as failures: the trial a report
                // shows fails the mode it lists the case under.
                const ht = modeTrial(hc, entry.mode);
                if (ht)
                    entry.head_trial = ht;
                const bt = bc ? modeTrial(bc, entry.mode) : undefined;
                if (bt)
                    entry.base_trial = bt;
                const w = modeWeight[m] + (label === 'new_failure' ? 0 : 100);
                if (ht && w < leadWeight) {
                    lead = entry;
                    leadWeight = w;
                }
            }
            modeList.push(entry);
        }
        let label;
        if (nr)
            label = 'not_run';
        else if (!bc)
            label = 'added';
        else if (!hc)
            label = 'removed';
        else if (sb.caseUse[i] === 0 || sh.caseUse[i] === 0)
            label = best === 'new_failure' || best === 'suspected_new_failure' ? best : 'errored';
        else
            label =
                best ??
                    (sb.casePass[i] === sb.caseUse[i] && sh.casePass[i] === sh.caseUse[i]
                        ? 'stable_pass'
                        : 'flaky');
        counts[label]++;
        if (label === 'removed' && sb.caseFailed[i])
            removedFailing.push(p.ids[i]);
        if (label === 'added') {
            addedPasses += sh.casePass[i];
            addedTrials += sh.caseUse[i];
        }
        const src = hc ?? bc;
        const cc = {
            id: p.ids[i],
            label,
            tags: Array.isArray(src.tags) ? src.tags : NO_TAGS,
            modes: modeList.length ? modeList : NO_MODES,
        };
        if (src.source)
            cc.source = src.source;
        if (bc)
            cc.base = caseSide(bc, sb, i);
        if (hc)
            cc.head = caseSide(hc, sh, i);
        if (bc && hc && bc.hash !== hc.hash)
            cc.changed = true;
        if ((label === 'new_failure' || label === 'suspected_new_failure') && hc) {
            const headRef = lead?.head_trial?.trial_ref ?? sh.caseRep[i];
            const baseRef = bc
                ? baseTrialFor(bc, lead?.mode, lead?.base_trial?.trial_ref ?? sb.caseRep[i])
                : -1;
            if (pending)
                pending.push({ case: cc, head: p.side[prepare/* HEAD */.Vx][i], headRef, base: p.side[prepare/* BASE */.Wm][i], baseRef });
            else
                cc.excerpt = caseExcerpt(hc, headRef, bc, baseRef);
        }
        cases[i] = cc;
    }
    return { cases, counts, removedFailing, addedPasses, addedTrials };
}
const COUNTS = new Map();
/**
 * Per-case counts are a handful of small-integer triples repeated hundreds of thousands of times
 * in a large suite: one shared (frozen) object per triple saves most of the output's objects.
 */
function countsOf(passes, trials, errors) {
    if (trials >= 1024 || errors >= 1024)
        return { passes, trials, errors };
    const key = (errors * 1024 + trials) * 1024 + passes;
    let c = COUNTS.get(key);
    if (!c) {
        c = Object.freeze({ passes, trials, errors });
        if (COUNTS.size < 100_000)
            COUNTS.set(key, c);
    }
    return c;
}
/** A check result as a FailingCheck: shared when it has the fields (see caseSide). */
function failingCheck(ch) {
    if (typeof ch.type === 'string' && typeof ch.mode === 'string' && typeof ch.reason === 'string')
        return ch;
    const f = {
        type: String(ch.type),
        mode: String(ch.mode),
        reason: String(ch.reason ?? ''),
    };
    if (typeof ch.name === 'string')
        f.name = ch.name;
    return f;
}
/** The first trial of a case where a check of `mode` failed (an errored trace fails nothing). */
function modeTrial(c, mode) {
    const trials = (0,prepare/* trialsOf */.xY)(c);
    for (let t = 0; t < trials.length; t++) {
        const trial = trials[t];
        if (trial?.trace?.error)
            continue;
        const failing = [];
        for (const ch of Array.isArray(trial?.checks) ? trial.checks : []) {
            if (ch && typeof ch === 'object' && ch.mode === mode && ch.status === 'fail')
                failing.push(failingCheck(ch));
        }
        if (!failing.length)
            continue;
        const out = { trial_ref: t, failing };
        if (trial.trace?.trace_id)
            out.trace_id = trial.trace.trace_id;
        return out;
    }
    return undefined;
}
// Shared, frozen: most cases of a large suite list no mode and no failing check.
const NO_TAGS = Object.freeze([]);
const NO_MODES = Object.freeze([]);
const NO_FAILING = Object.freeze([]);
const SIDES = new Map();
/**
 * A case side without failing checks or trace id: one shared (frozen) object per (passes,
 * trials, errors, trial_ref), like countsOf; at 100,000 cases these were 200,000 objects.
 */
function plainSide(passes, trials, errors, ref) {
    if (passes >= 256 || trials >= 256 || errors >= 256 || ref >= 256 || ref < 0)
        return { passes, trials, errors, failing: [], trial_ref: ref };
    const key = ((errors * 256 + trials) * 256 + passes) * 256 + ref;
    let side = SIDES.get(key);
    if (!side) {
        side = Object.freeze({ passes, trials, errors, failing: NO_FAILING, trial_ref: ref });
        if (SIDES.size < 100_000)
            SIDES.set(key, side);
    }
    return side;
}
function caseSide(c, sc, i) {
    const rep = sc.caseRep[i];
    const t = (0,prepare/* trialsOf */.xY)(c)[rep];
    const failing = [];
    for (const ch of t && Array.isArray(t.checks) ? t.checks : []) {
        if (!ch || typeof ch !== 'object' || ch.status === 'pass')
            continue;
        // The check result itself is a FailingCheck (plus its status and index): shared, not
        // copied, because at 100,000 cases the copies were a third of the output's memory.
        if (typeof ch.type === 'string' &&
            typeof ch.mode === 'string' &&
            typeof ch.reason === 'string') {
            failing.push(ch);
            continue;
        }
        const f = {
            type: String(ch.type),
            mode: String(ch.mode),
            reason: String(ch.reason ?? ''),
        };
        if (typeof ch.name === 'string')
            f.name = ch.name;
        failing.push(f);
    }
    const traceId = t?.trace?.trace_id;
    if (!failing.length && !traceId)
        return plainSide(sc.casePass[i], sc.caseUse[i], sc.caseErr[i], rep);
    const side = {
        passes: sc.casePass[i],
        trials: sc.caseUse[i],
        errors: sc.caseErr[i],
        failing,
        trial_ref: rep,
    };
    if (t?.trace?.trace_id)
        side.trace_id = t.trace.trace_id;
    return side;
}
/**
 * Cuts at `max`, dropping a word the cut split: the start of a token (20 of a GitHub token's
 * 40 characters) is too short for the reports' secret patterns to recognise.
 */
function cut(s, max) {
    return s.length > max ? `${s.slice(0, max).replace(/[\w-]{1,40}$/, '')}…` : s;
}
function safeJson(v) {
    if (typeof v === 'string')
        return v;
    try {
        return JSON.stringify(v) ?? '';
    }
    catch {
        return String(v);
    }
}
const textOf = (v) => (typeof v === 'string' ? v : safeJson(v ?? ''));
/** A trial's trajectory (an untrusted trace: the list may be missing). */
function callsOf(trace) {
    return Array.isArray(trace?.tool_calls) ? trace.tool_calls : [];
}
function excerptCall(tc) {
    const c = (tc && typeof tc === 'object' ? tc : {});
    return { name: cut(String(c.name ?? ''), 100), arguments: cut(safeJson(c.arguments ?? {}), 300) };
}
/** A new failure's excerpt: the head trial's, with the base trial's trajectory beside it. */
function caseExcerpt(hc, headRef, bc, baseRef) {
    const out = excerpt(hc, headRef);
    if (bc)
        addBaseTrajectory(out, hc, headRef, bc, baseRef);
    return out;
}
function excerpt(c, trialRef) {
    const trace = (0,prepare/* trialsOf */.xY)(c)[trialRef]?.trace;
    const out = {
        input: cut(safeJson(c.input), 500),
        output: cut(textOf(trace?.output), 1000),
        tool_calls: callsOf(trace).slice(0, 20).map(excerptCall),
        retrieved: (Array.isArray(trace?.retrieved) ? trace.retrieved : [])
            .slice(0, 20)
            .map((r) => cut(typeof r?.id === 'string' ? r.id : safeJson(r?.text ?? ''), 100)),
    };
    if (trace?.error?.message)
        out.error = cut(String(trace.error.message), 500);
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
function baseTrialFor(c, mode, fallback) {
    const trials = (0,prepare/* trialsOf */.xY)(c);
    if (mode !== undefined) {
        for (let t = 0; t < trials.length; t++) {
            const trial = trials[t];
            if (!trial || trial.trace?.error)
                continue;
            const checks = Array.isArray(trial.checks) ? trial.checks : [];
            if (checks.some((ch) => ch?.mode === mode && ch.status === 'error'))
                continue;
            if (!checks.some((ch) => ch?.mode === mode && ch.status === 'fail'))
                return t;
        }
    }
    return fallback;
}
/** Adds the base trial's trajectory and the first divergent step, when the two differ. */
function addBaseTrajectory(out, hc, headRef, bc, baseRef) {
    const ht = (0,prepare/* trialsOf */.xY)(hc)[headRef]?.trace;
    const bt = (0,prepare/* trialsOf */.xY)(bc)[baseRef]?.trace;
    if (!bt || bt.error || ht?.error)
        return;
    const head = callsOf(ht);
    const base = callsOf(bt);
    const step = firstDivergence(head, base);
    if (step === undefined)
        return;
    out.base_tool_calls = base.slice(0, 20).map(excerptCall);
    const d = { step };
    if (step < head.length)
        d.head = excerptCall(head[step]);
    if (step < base.length)
        d.base = excerptCall(base[step]);
    out.divergence = d;
}


/***/ }),

/***/ 6337:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UD: () => (/* reexport */ compare),
  compareFiles: () => (/* reexport */ compareFiles),
  XA: () => (/* reexport */ definedFields),
  Ak: () => (/* reexport */ gateChangeNote),
  Dy: () => (/* reexport */ gateChanges),
  oG: () => (/* reexport */ compare_adaptive/* planStage2 */.oG)
});

// UNUSED EXPORTS: CASE_FDR, DEFAULT_GATE, SYNTHETIC_TAG, benjaminiHochberg, holm, hypergeomPmf, hypergeomTails, isSynthetic, normalCdf, originText, pairedInterval, resolveGate, signFlipTest, splitByOrigin, stratifiedTest, stratifiedTestOf, wilson

// EXTERNAL MODULE: ./build/defaults.js
var defaults = __webpack_require__(4532);
// EXTERNAL MODULE: ./build/compare/adaptive.js
var compare_adaptive = __webpack_require__(6980);
// EXTERNAL MODULE: ./build/compare/case-labels.js + 1 modules
var case_labels = __webpack_require__(9097);
// EXTERNAL MODULE: ./build/compare/prepare.js
var prepare = __webpack_require__(2935);
;// CONCATENATED MODULE: ./build/compare/completeness.js

/** How many missing case ids a gap names. */
const NAMED = 20;
function completeness(base, head, p) {
    const out = {};
    for (const side of [prepare/* BASE */.Wm, prepare/* HEAD */.Vx]) {
        const r = side === prepare/* BASE */.Wm ? base : head;
        const gap = sideGap(r, p, side, (i) => {
            out.notRun ??= new Uint8Array(p.U);
            out.notRun[i] |= 1 << side;
        });
        if (gap)
            out[side === prepare/* BASE */.Wm ? 'base' : 'head'] = gap;
    }
    return out;
}
function sideGap(r, p, side, markNotRun) {
    const index = p.side[side];
    const trialsOn = p.scan[side].caseTrials;
    const ran = (i) => index[i] >= 0 && trialsOn[i] > 0;
    const interrupted = r.meta?.interrupted === true;
    // Results are untrusted input: only a string reason counts, cut to one short line.
    const stopped = typeof r.meta?.stopped === 'string' && r.meta.stopped
        ? r.meta.stopped.replace(/\s+/g, ' ').slice(0, 300)
        : undefined;
    const selected = r.meta?.selected;
    const ids = Array.isArray(selected?.ids) ? selected.ids : undefined;
    const missingIds = [];
    let missing = 0;
    let count;
    if (ids) {
        count = ids.length;
        for (const id of ids) {
            const i = typeof id === 'string' ? p.where.get(id) : undefined;
            if (i !== undefined && ran(i))
                continue;
            missing++;
            if (missingIds.length < NAMED)
                missingIds.push(String(id));
            if (i !== undefined)
                markNotRun(i);
        }
    }
    else if (typeof selected?.count === 'number' && Number.isFinite(selected.count)) {
        // Only the count is known: the shortfall, without names.
        count = selected.count;
        let have = 0;
        for (let i = 0; i < p.U; i++)
            if (ran(i))
                have++;
        missing = Math.max(0, count - have);
    }
    if (!interrupted && !stopped && missing === 0)
        return undefined;
    if (!ids) {
        // Which cases were selected is unknown: every case this side lacks may be one it never ran.
        for (let i = 0; i < p.U; i++)
            if (!ran(i))
                markNotRun(i);
    }
    const gap = { interrupted, missing, missing_ids: missingIds };
    if (stopped)
        gap.stopped = stopped;
    if (count !== undefined)
        gap.selected = count;
    return gap;
}
/** One line naming what a side lacks, e.g. "head is incomplete: 40 of 60 selected cases ...". */
function gapReason(name, gap) {
    const why = gap.stopped ? ` (stopped: ${gap.stopped})` : gap.interrupted ? ' (interrupted)' : '';
    if (gap.missing > 0) {
        const shown = gap.missing_ids.slice(0, 3);
        const more = gap.missing - shown.length;
        const names = shown.length ? `: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}` : '';
        const what = gap.selected !== undefined
            ? `${gap.missing} of ${gap.selected} selected cases`
            : `${gap.missing} selected case${gap.missing === 1 ? '' : 's'}`;
        return `${name} is incomplete: ${what} ${gap.missing === 1 ? 'has' : 'have'} no trial${why}${names}`;
    }
    if (gap.stopped)
        return `${name} stopped before it finished (${gap.stopped}): every selected case has a trial, but not every trial ran`;
    return `${name} was interrupted: every selected case has a trial, but the run stopped before it finished`;
}

;// CONCATENATED MODULE: ./build/compare/gate.js
/**
 * The gate a comparison is decided under, and what a pull request changes about it. In a pull
 * request the gate is the base commit's (the PR cannot loosen its own gate); a change the PR
 * makes is named in one line and takes effect after merge.
 */

/** The fields of `o` that are set: spread over defaults, an undefined field must not erase one. */
function definedFields(o) {
    return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
}
/** The results' recorded gate (or the defaults), under the caller's overrides. */
function resolveGate(head, override) {
    // Undefined fields (a partial or older results file) keep the defaults instead of erasing them.
    const gate = {
        ...defaults/* DEFAULT_GATE */.sV,
        ...definedFields(head.meta?.gate),
        ...definedFields(override),
    };
    if (!Array.isArray(gate.block))
        gate.block = defaults/* DEFAULT_GATE */.sV.block;
    return gate;
}
const GATE_KEYS = [
    'block',
    'alpha',
    'min_drop',
    'tolerance',
    'max_error_share',
    'accept_label',
    'robust',
    'adaptive',
    'rerun_trials',
    'rerun_budget',
    'errors_severity',
];
function show(v) {
    if (Array.isArray(v))
        return v.length ? v.join(', ') : 'none';
    return String(v);
}
/**
 * What `proposed` (the head's config) changes in `trusted` (the base's): the gate's fields, save
 * those the workflow overrides anyway, and the severity of modes both declare. Undefined when
 * nothing changes.
 */
function gateChanges(trusted, proposed, overridden = {}) {
    const changes = [];
    for (const key of GATE_KEYS) {
        if (overridden[key] !== undefined)
            continue;
        const a = show(trusted.gate[key]);
        const b = show(proposed.gate[key]);
        if (a !== b)
            changes.push(`${key}: ${a} → ${b}`);
    }
    for (const [mode, fm] of Object.entries(proposed.failure_modes)) {
        const was = trusted.failure_modes[mode]?.severity;
        if (was && was !== fm.severity)
            changes.push(`${mode} severity: ${was} → ${fm.severity}`);
    }
    return changes;
}
/** The comparison's one-line note for a pull request that changes the gate. */
function gateChangeNote(changes) {
    if (!changes.length)
        return undefined;
    const shown = changes.slice(0, 4).join('; ');
    const more = changes.length > 4 ? `; and ${changes.length - 4} more` : '';
    return `This PR changes the gate (${shown}${more}); the change takes effect after merge.`;
}

// EXTERNAL MODULE: ./build/compare/mode-test.js
var mode_test = __webpack_require__(5490);
// EXTERNAL MODULE: ./build/compare/stats.js
var compare_stats = __webpack_require__(1303);
;// CONCATENATED MODULE: ./build/compare/text.js
/** Number formats of the comparison's own reason lines (the reports have richer ones). */
function pct(x) {
    return `${Math.round(x * 100)}%`;
}
function pts(x) {
    const v = Math.round(x * 100) || 0;
    return v > 0 ? `+${v}` : `${v}`;
}

;// CONCATENATED MODULE: ./build/compare/mode-verdicts.js




function modeVerdicts(p, o) {
    const { gate, adaptive } = o;
    const s = (0,mode_test/* scratch */.F)(p.U);
    const robust = !!gate.robust;
    const stage2Used = [];
    // Per mode: tests, then Holm over modes (p_reg and p_imp separately).
    const stats = p.modes.map((mode, m) => {
        const inStage2 = adaptive && o.stage2.has(mode);
        const st = (0,mode_test/* analyseMode */.p)(p, m, s, { robust, stage2: inStage2 });
        let pReg;
        let pImp;
        let test;
        if (st.robust) {
            pReg = st.robust.p_reg;
            pImp = st.robust.p_imp;
            test = 'sign-flip';
        }
        else if (adaptive) {
            // Alpha spending: 0.2 alpha at stage 1, 0.8 alpha on the (case, stage 2) strata.
            const p2r = st.stage2 ? st.stage2.p_reg / (1 - compare_adaptive/* STAGE1_SHARE */.E1) : 1;
            const p2i = st.stage2 ? st.stage2.p_imp / (1 - compare_adaptive/* STAGE1_SHARE */.E1) : 1;
            pReg = Math.min(1, st.stage1.p_reg / compare_adaptive/* STAGE1_SHARE */.E1, p2r);
            pImp = Math.min(1, st.stage1.p_imp / compare_adaptive/* STAGE1_SHARE */.E1, p2i);
            test = st.stage1.method;
            if (st.stage2)
                stage2Used.push(mode);
        }
        else {
            pReg = st.stage1.p_reg;
            pImp = st.stage1.p_imp;
            test = st.stage1.method;
        }
        return { mode, st, pReg, pImp, test };
    });
    const adjReg = (0,compare_stats/* holm */.fU)(stats.map((x) => x.pReg));
    const adjImp = (0,compare_stats/* holm */.fU)(stats.map((x) => x.pImp));
    const modes = stats.map((x, m) => {
        const severity = o.severityOf(x.mode);
        const { st } = x;
        let verdict;
        if (st.paired > 0 && adjReg[m] <= gate.alpha && st.effect <= -gate.min_drop + 1e-12)
            verdict = 'regressed';
        else if (st.paired > 0 && adjImp[m] <= gate.alpha)
            verdict = 'improved';
        else if (st.paired > 0 && st.ci[0] >= -gate.tolerance && st.ci[1] <= gate.tolerance)
            verdict = 'unchanged';
        else
            verdict = 'inconclusive';
        const mc = {
            mode: x.mode,
            severity,
            blocking: gate.block.includes(severity),
            base: st.base,
            head: st.head,
            paired_cases: st.paired,
            effect: st.effect,
            effect_ci: st.ci,
            p_regressed: x.pReg,
            p_improved: x.pImp,
            p_regressed_adjusted: adjReg[m],
            p_improved_adjusted: adjImp[m],
            test: x.test,
            verdict,
        };
        if (verdict === 'inconclusive')
            mc.needed = needed(st, gate, p.modes.length);
        return mc;
    });
    return { modes, stage2Used };
}
/**
 * A simple power calculation from the observed spread of per-case differences. If the effect is
 * within the tolerance, the cases needed for the 95% interval to fit inside +-tolerance; else the
 * cases needed to detect the observed effect at alpha / modes with 80% power.
 */
function needed(st, gate, modeCount) {
    const n = st.paired;
    if (n < 2)
        return { note: 'too few paired cases to estimate; add cases present on both sides' };
    const sd = Math.max(st.sd, 1 / Math.sqrt(n)); // a floor: an all-zero spread says little
    const e = Math.abs(st.effect);
    let total;
    let note;
    if (e < gate.tolerance) {
        total = Math.ceil(((1.959964 * sd) / (gate.tolerance - e)) ** 2);
        note = `about ${total} paired cases would put the 95% interval inside ±${Math.round(gate.tolerance * 100)} pts (per-case sd ${sd.toFixed(2)}, observed effect ${pts(st.effect)} pts); more trials per case also narrow it when cases are flaky`;
    }
    else {
        const za = (0,compare_stats/* normalQuantile */.Zl)(1 - gate.alpha / Math.max(1, modeCount));
        total = Math.ceil((((za + 0.8416) * sd) / e) ** 2);
        note = `about ${total} paired cases would detect a ${pts(st.effect)} pt change at alpha ${gate.alpha} with 80% power (per-case sd ${sd.toFixed(2)})`;
    }
    return { cases: Math.max(0, total - n), note };
}

;// CONCATENATED MODULE: ./build/compare/judges.js
/** The results without the check results of uncalibrated judges (shallow copies: only what changes). */
function withoutChecks(r, drop) {
    if (drop.size === 0)
        return r;
    const cases = (r.cases ?? []).map((c) => {
        const gone = drop.get(c.id);
        if (!gone || !Array.isArray(c.trials))
            return c;
        return {
            ...c,
            trials: c.trials.map((t) => ({
                ...t,
                checks: (Array.isArray(t.checks) ? t.checks : []).filter((k) => !gone.has(k?.index)),
            })),
        };
    });
    return { ...r, cases };
}
/**
 * Marks each mode with its judges' standing and demotes the blocking regressions that rest on
 * uncalibrated judges. `recompute` gives the mode verdicts without those judges' checks; it is
 * called only when some blocking regression has an uncalibrated judge.
 */
function applyJudgeGate(modes, gate, recompute) {
    const suspects = [];
    for (const m of modes) {
        const judges = gate.modes[m.mode];
        if (!judges?.length)
            continue;
        m.judges = judges.map((j) => ({ title: j.title, calibrated: j.calibrated, note: j.note }));
        if (m.verdict === 'regressed' && m.blocking && judges.some((j) => !j.calibrated))
            suspects.push(m);
    }
    if (!suspects.length)
        return;
    const without = new Map(recompute().map((m) => [m.mode, m]));
    for (const m of suspects) {
        if (without.get(m.mode)?.verdict === 'regressed')
            continue;
        m.blocking = false;
        const notes = [...new Set(gate.modes[m.mode].filter((j) => !j.calibrated).map((j) => j.note))];
        m.demoted = notes.join('; ');
    }
}

// EXTERNAL MODULE: ./build/compare/power.js
var power = __webpack_require__(8773);
;// CONCATENATED MODULE: ./build/compare/sides.js
/** How much of a first error's message a comparison keeps (reports cut it further). */
const ERROR_MAX = 2000;
function sideSummary(r, sc, p, path) {
    const out = { counts: sc.counts, usage: usageOf(r, sc) };
    const latency = latencyOf(sc.latencies);
    if (latency)
        out.latency_ms = latency;
    if (sc.firstError) {
        const e = sc.firstError;
        out.first_error = {
            case: p.ids[e.i],
            trial: e.trial,
            kind: e.kind,
            message: e.message.length > ERROR_MAX ? `${e.message.slice(0, ERROR_MAX)}…` : e.message,
        };
    }
    const ju = r.meta?.judge_usage;
    if (ju && [ju.input_tokens, ju.output_tokens, ju.cost_usd].every(Number.isFinite))
        out.judge_usage = {
            input_tokens: ju.input_tokens,
            output_tokens: ju.output_tokens,
            cost_usd: ju.cost_usd,
        };
    const retries = r.meta?.retries;
    if (typeof retries === 'number' && Number.isFinite(retries) && retries > 0)
        out.retries = retries;
    if (r.meta?.git?.sha)
        out.sha = r.meta.git.sha;
    if (r.meta?.git?.ref)
        out.ref = r.meta.git.ref;
    if (r.meta?.label)
        out.label = r.meta.label;
    if (r.meta?.started_at)
        out.started_at = r.meta.started_at;
    if (typeof r.meta?.trials === 'number')
        out.trials_per_case = r.meta.trials;
    const cache = r.meta?.cache;
    if (cache && Number.isFinite(cache.hits) && Number.isFinite(cache.misses))
        out.cache = { hits: cache.hits, misses: cache.misses };
    if (path)
        out.results_path = path;
    return out;
}
/**
 * Usage totals; a field no trace reported is left out ("not reported" rather than 0). The run's
 * own totals also count the judge: they win when the runner filled them in.
 */
function usageOf(r, sc) {
    const mu = r.meta?.usage;
    const fromMeta = !!mu && (mu.input_tokens > 0 || mu.output_tokens > 0 || mu.cost_usd > 0);
    const out = {};
    for (const k of ['input_tokens', 'output_tokens', 'cost_usd']) {
        const metaValue = fromMeta && typeof mu[k] === 'number' && mu[k] > 0 ? mu[k] : undefined;
        if (metaValue !== undefined)
            out[k] = metaValue;
        else if (sc.usageReported[k] > 0)
            out[k] = sc.usage[k];
    }
    return out;
}
/** Nearest-rank percentiles; undefined when no trial reported a latency. */
function latencyOf(values) {
    if (values.length === 0)
        return undefined;
    const sorted = Float64Array.from(values).sort();
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
    return { p50: at(0.5), p95: at(0.95) };
}

;// CONCATENATED MODULE: ./build/compare/verdict.js




function errorShare(c) {
    return c.trials > 0 ? c.error / c.trials : 0;
}
function decide(x) {
    const { gate, modes, cases } = x;
    const reasons = [];
    let verdict = 'pass';
    let accepted = false;
    // First: what the comparison lacks. The headline shows the first reason.
    for (const name of ['head', 'base']) {
        const gap = x.gaps[name];
        if (!gap)
            continue;
        verdict = 'error';
        reasons.push(gapReason(name, gap));
    }
    const usable = (r) => (r.cases ?? []).filter((c) => (0,prepare/* trialsOf */.xY)(c).some((t) => t.status !== 'error')).length;
    for (const [name, r] of [
        ['base', x.base],
        ['head', x.head],
    ]) {
        if (usable(r) === 0) {
            verdict = 'error';
            reasons.push(`${name} has no usable cases (no cases, or every trial errored)`);
        }
    }
    for (const name of ['base', 'head']) {
        const sh = errorShare(x.counts[name]);
        if (sh > gate.max_error_share) {
            verdict = 'error';
            reasons.push(`${name}: ${pct(sh)} of trials errored (limit ${pct(gate.max_error_share)})`);
        }
    }
    for (const mc of modes) {
        if (mc.verdict !== 'regressed')
            continue;
        const line = `${mc.mode} fell from ${pct(mc.base.rate)} to ${pct(mc.head.rate)} (${pts(mc.effect)} pts, 95% CI ${pts(mc.effect_ci[0])} to ${pts(mc.effect_ci[1])})`;
        if (mc.blocking) {
            if (verdict !== 'error')
                verdict = 'block';
            reasons.push(line);
        }
        else if (mc.demoted)
            reasons.push(`${line}; does not block: ${mc.demoted}`);
        else
            reasons.push(`${line}; ${mc.severity} does not block`);
    }
    const { removedFailing } = cases;
    if (removedFailing.length > 0) {
        const shown = removedFailing.slice(0, 5).join(', ') +
            (removedFailing.length > 5 ? `, and ${removedFailing.length - 5} more` : '');
        reasons.push(`warning: ${removedFailing.length} removed case(s) were failing on base (${shown}); removing a failing case is not a fix`);
    }
    if (cases.counts.added > 0) {
        const [lo, hi] = (0,compare_stats/* wilson */.rF)(cases.addedPasses, cases.addedTrials);
        const rate = cases.addedTrials > 0 ? cases.addedPasses / cases.addedTrials : 0;
        reasons.push(`${cases.counts.added} added case(s): ${pct(rate)} of their trials pass (95% CI ${pct(lo)} to ${pct(hi)})`);
    }
    if (verdict === 'block' && x.accepted) {
        verdict = 'pass';
        accepted = true;
        reasons.push(acceptedReason(gate));
    }
    if (verdict === 'pass' &&
        !accepted &&
        !modes.some((m) => m.verdict === 'regressed' && m.blocking)) {
        reasons.unshift('no failure mode of a blocking severity regressed');
    }
    return { verdict, reasons, accepted };
}
function acceptedReason(gate) {
    return `accepted: the "${gate.accept_label}" label turns the block into a pass`;
}
/**
 * The comparison with the accept label on (`accepted`) or off, as `compare` would have made it
 * with that label: a block becomes an accepted pass, and back. For the action's accept-label
 * run, which reuses the comparison of the same base and head instead of running again.
 */
function withAccepted(c, accepted) {
    if (!accepted === !c.accepted)
        return c;
    const reason = acceptedReason(c.gate);
    if (accepted) {
        if (c.verdict !== 'block')
            return c;
        return { ...c, verdict: 'pass', accepted: true, reasons: [...c.reasons, reason] };
    }
    const { accepted: _, ...rest } = c;
    const reasons = [...c.reasons];
    const at = reasons.lastIndexOf(reason);
    if (at >= 0)
        reasons.splice(at, 1);
    return { ...rest, verdict: 'block', reasons };
}

;// CONCATENATED MODULE: ./build/compare/compare.js
/**
 * base Results + head Results -> Comparison (docs/statistics.md). Pure: no I/O.
 *
 * Hot path: the trials are scanned once into per-mode integer count arrays (prepare.ts); the
 * tests run on those arrays (mode-test.ts, mode-verdicts.ts). Only then are the per-case objects
 * of the output built (case-labels.ts), and the verdict decided (verdict.ts).
 */














const cents = (n) => Math.round(n * 1e6) / 1e6;
/** Each mode's cost per side (ModeComparison.cost_usd), when the runs recorded any cost. */
function addModeCosts(modes, p) {
    if (!p.modeCost.some((x) => x > 0) && !p.modeJudgeCost.some((x) => x > 0))
        return;
    const index = new Map(p.modes.map((m, i) => [m, i]));
    for (const m of modes) {
        const mi = index.get(m.mode);
        if (mi === undefined || mi * 2 + 1 >= p.modeCost.length)
            continue;
        const side = (s) => ({
            system: cents(p.modeCost[mi * 2 + s]),
            judge: cents(p.modeJudgeCost[mi * 2 + s]),
        });
        m.cost_usd = { base: side(prepare/* BASE */.Wm), head: side(prepare/* HEAD */.Vx) };
    }
}
function compare(base, head, options = {}) {
    const gate = resolveGate(head, options.gate);
    const p = (0,prepare/* prepare */.iA)(base, head);
    const recorded = {
        ...(base.meta?.failure_modes ?? {}),
        ...(head.meta?.failure_modes ?? {}),
    };
    const severityOf = (mode) => options.severities?.[mode] ??
        recorded[mode]?.severity ??
        (mode === defaults/* ERRORS_MODE */.yg ? gate.errors_severity : 'info');
    // The adaptive design was in effect when the run recorded its stage-2 plan (runPr writes
    // `stage2_modes`, empty when nothing needed a re-run): then stage 1 spends only 0.2 alpha,
    // whether or not stage 2 ran. Two plain runs compared by hand never planned a stage 2 and keep
    // the whole alpha.
    const adaptive = !gate.robust && Array.isArray(head.meta?.stage2_modes);
    const { modes, stage2Used } = modeVerdicts(p, {
        gate,
        adaptive,
        stage2: (0,compare_adaptive/* stage2Modes */.NN)(head),
        severityOf,
    });
    if (options.judges) {
        const gateOf = options.judges;
        applyJudgeGate(modes, gateOf, () => {
            const q = (0,prepare/* prepare */.iA)(withoutChecks(base, gateOf.uncalibrated), withoutChecks(head, gateOf.uncalibrated));
            return modeVerdicts(q, { gate, adaptive, stage2: (0,compare_adaptive/* stage2Modes */.NN)(head), severityOf }).modes;
        });
    }
    addModeCosts(modes, p);
    const gaps = completeness(base, head, p);
    const caseOut = (0,case_labels/* buildCases */.At)(base, head, p, modes, gaps.notRun, options.pendingExcerpts);
    const baseSide = sideSummary(base, p.scan[prepare/* BASE */.Wm], p, options.basePath);
    const headSide = sideSummary(head, p.scan[prepare/* HEAD */.Vx], p, options.headPath);
    const { verdict, reasons, accepted } = decide({
        base,
        head,
        gate,
        modes,
        cases: caseOut,
        counts: {
            base: firstStage(baseSide.counts, p.scan[prepare/* BASE */.Wm]),
            head: firstStage(headSide.counts, p.scan[prepare/* HEAD */.Vx]),
        },
        gaps,
        accepted: options.accepted,
    });
    const out = {
        schema: 'evalgate/comparison@1',
        verdict,
        reasons,
        gate,
        base: baseSide,
        head: headSide,
        modes,
        cases: caseOut.cases,
        counts: caseOut.counts,
        error_share: {
            base: errorShare(firstStage(baseSide.counts, p.scan[prepare/* BASE */.Wm])),
            head: errorShare(firstStage(headSide.counts, p.scan[prepare/* HEAD */.Vx])),
        },
    };
    if (accepted)
        out.accepted = true;
    const traceUrl = head.meta?.trace_url ?? base.meta?.trace_url;
    if (traceUrl)
        out.trace_url = traceUrl;
    if (adaptive && stage2Used.length > 0)
        out.stage2_modes = stage2Used;
    const stage2 = adaptive ? stage2Cost(p, head) : undefined;
    if (stage2)
        out.stage2 = stage2;
    if (gaps.base || gaps.head) {
        out.incomplete = {};
        if (gaps.base)
            out.incomplete.base = gaps.base;
        if (gaps.head)
            out.incomplete.head = gaps.head;
    }
    if (options.gateNote)
        out.gate_note = options.gateNote;
    if (typeof options.suiteDir === 'string')
        out.suite_dir = normaliseDir(options.suiteDir);
    const sample = sampleInfo(head, modes, gate, adaptive);
    if (sample)
        out.sample = sample;
    return out;
}
function normaliseDir(dir) {
    return dir
        .split(/[\\/]+/)
        .filter((s) => s && s !== '.')
        .join('/');
}
/**
 * A head that ran fewer cases than its suite has (`pull_request.sample`, tags, a filter): per
 * blocking mode, the smallest drop the sample detects with 80% power (src/compare/power.ts).
 */
function sampleInfo(head, modes, gate, adaptive) {
    const of = head.meta?.suite_cases;
    const ran = head.meta?.selected?.count;
    if (typeof of !== 'number' || typeof ran !== 'number' || ran >= of || head.meta?.shard)
        return undefined;
    const trials = typeof head.meta.trials === 'number' ? head.meta.trials : 1;
    const tested = modes.filter((m) => m.paired_cases > 0).length;
    return {
        cases: ran,
        of,
        modes: modes
            .filter((m) => m.blocking && m.paired_cases > 0)
            .map((m) => {
            const d = (0,power/* detectableDrop */.z0)({
                cases: m.paired_cases,
                trials,
                alpha: gate.alpha,
                modes: tested,
                minDrop: gate.min_drop,
                adaptive: adaptive || (!!gate.adaptive && !gate.robust),
                rerunTrials: gate.rerun_trials,
                rerunBudget: gate.rerun_budget,
            });
            const entry = {
                mode: m.mode,
                cases: m.paired_cases,
                can_regress: d.canRegress,
            };
            if (d.drop !== undefined)
                entry.drop = d.drop;
            return entry;
        }),
    };
}
/**
 * A side's counts without its adaptive re-runs. The error share is judged on these: the re-runs
 * go to ambiguous cases, and a head that crashes on some cases has those among them, so errors
 * are over-represented in stage 2 by design (not a higher error rate).
 */
function firstStage(c, sc) {
    if (!sc.stage2Trials)
        return c;
    return { ...c, trials: c.trials - sc.stage2Trials, error: c.error - sc.stage2Errors };
}
/** What the adaptive re-runs cost next to the first stage (both sides), when any ran. */
function stage2Cost(p, head) {
    const [b, h] = p.scan;
    const trials = b.stage2Trials + h.stage2Trials;
    if (trials === 0)
        return undefined;
    const first = b.counts.trials + h.counts.trials - trials;
    const out = {
        cases: Math.max(b.stage2Cases, h.stage2Cases),
        trials,
        share: first > 0 ? trials / first : 0,
    };
    const deferred = head.meta?.stage2_deferred;
    if (typeof deferred === 'number' && Number.isInteger(deferred) && deferred > 0)
        out.deferred = deferred;
    return out;
}

// EXTERNAL MODULE: ./build/run/results-stream.js
var results_stream = __webpack_require__(7465);
// EXTERNAL MODULE: ./build/run/slim.js
var slim = __webpack_require__(2293);
;// CONCATENATED MODULE: ./build/compare/slim-case.js

/** Bounds of the shared tables (the bench needs a handful of entries; a real suite hundreds). */
const MAX_SHARED = 50_000;
/**
 * Ids of objects seen in an earlier trial: a checks list or trace seen twice is a shared one,
 * and only those make a trial worth sharing (a failing trial's own checks list never repeats).
 */
const seen = new WeakMap();
let nextId = 0;
function repeatId(o) {
    if (!o || typeof o !== 'object')
        return undefined;
    const id = seen.get(o);
    if (id === undefined)
        seen.set(o, ++nextId);
    return id;
}
const allPassed = (checks) => Array.isArray(checks) && checks.every((ch) => ch?.status === 'pass');
const plainTrace = (t) => !!t && typeof t === 'object' && !t.error && t.trace_id === undefined && !t.metadata;
const trials = new Map();
const sharedTrialIds = new WeakMap();
const trialLists = new Map();
/** The parts of a trial a comparison reads; shared with equal trials where that is safe. */
function compareTrial(t) {
    const s = (0,slim/* slimTrial */.Ul)(t);
    if (!s || typeof s !== 'object')
        return s;
    const out = {
        trial: s.trial,
        stage: s.stage,
        status: s.status,
        checks: s.checks,
        trace: s.trace,
    }; // attempts and duration_ms: not read by a comparison
    // Only trials whose checks all passed and whose trace is plain can be equal to another (see
    // src/run/slim.ts); the others are not even looked up, so that a suite whose every trace has
    // its own trace id adds nothing per trial here.
    if (!allPassed(s.checks) || !plainTrace(s.trace))
        return out;
    const checks = repeatId(s.checks);
    const trace = repeatId(s.trace);
    if (checks === undefined ||
        trace === undefined ||
        typeof s.trial !== 'number' ||
        (s.stage !== undefined && typeof s.stage !== 'number') ||
        typeof s.status !== 'string')
        return out;
    const key = `${checks}\0${trace}\0${s.trial}\0${s.stage}\0${s.status}`;
    const shared = trials.get(key);
    if (shared)
        return shared;
    if (trials.size < MAX_SHARED) {
        trials.set(key, out);
        sharedTrialIds.set(out, trials.size);
    }
    return out;
}
function compareTrials(list) {
    const out = list.map(compareTrial);
    let key = '';
    for (const t of out) {
        const id = t && typeof t === 'object' ? sharedTrialIds.get(t) : undefined;
        if (id === undefined)
            return out;
        key += `${id},`;
    }
    const shared = trialLists.get(key);
    if (shared)
        return shared;
    if (trialLists.size < MAX_SHARED)
        trialLists.set(key, out);
    return out;
}
/** Arrays repeated across cases (modes, tags), shared by their JSON; bounded. */
const arrays = new Map();
function shareArray(v) {
    if (!Array.isArray(v))
        return v;
    const key = JSON.stringify(v);
    const got = arrays.get(key);
    if (got)
        return got;
    if (arrays.size < MAX_SHARED)
        arrays.set(key, v);
    return v;
}
/**
 * A case's source with its file name shared: JSON.parse gives each case its own copy of a name
 * longer than a few characters ("cases.jsonl"), 200,000 copies for two sides of 100,000 cases.
 */
const files = new Map();
function shareFile(source) {
    const file = source && typeof source === 'object' ? source.file : undefined;
    if (typeof file !== 'string')
        return source;
    const known = files.get(file);
    if (known !== undefined)
        source.file = known;
    else if (files.size < MAX_SHARED)
        files.set(file, file);
    return source;
}
/** A case as a comparison keeps it: no input, no trace text, trials shared where equal. */
function compareCase(c) {
    return {
        id: c.id,
        hash: c.hash,
        source: shareFile(c.source),
        tags: shareArray(c.tags),
        input: null,
        modes: shareArray(c.modes),
        trials: compareTrials(c.trials),
    };
}

;// CONCATENATED MODULE: ./build/compare/files.js




async function compareFiles(basePath, headPath, options = {}) {
    const base = await (0,results_stream/* readSlimResults */.T)(basePath, { slim: compareCase });
    let head;
    try {
        head = await (0,results_stream/* readSlimResults */.T)(headPath, { slim: compareCase });
        const pending = [];
        const comparison = compare(base.results, head.results, {
            ...options,
            pendingExcerpts: pending,
        });
        await addExcerpts(pending, base, head);
        return comparison;
    }
    finally {
        await base.close();
        await head?.close();
    }
}
/** Builds each pending excerpt from its cases in full, one case at a time. */
async function addExcerpts(pending, base, head) {
    for (const p of pending) {
        const hc = await head.fullCase(p.head);
        const bc = p.base >= 0 ? await base.fullCase(p.base) : undefined;
        p.case.excerpt = (0,case_labels/* caseExcerpt */.C7)(hc, p.headRef, bc, p.baseRef);
    }
}

;// CONCATENATED MODULE: ./build/compare/index.js







/***/ }),

/***/ 7465:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ readSlimResults),
/* harmony export */   k: () => (/* binding */ readCases)
/* harmony export */ });
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1589);
/* harmony import */ var _results_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6825);
/* harmony import */ var _slim_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2293);
/* harmony import */ var _gc_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7092);




const OPENING = '{"schema":"evalgate/results@1",';
const CASES = ',"cases":[';
/** The results head (schema, meta) of a first line in evalgate's one-case-per-line format. */
function headOf(line, path) {
    if (!line?.complete || !line.text.startsWith(OPENING) || !line.text.endsWith(CASES))
        return undefined;
    let head;
    try {
        head = JSON.parse(`${line.text.slice(0, -CASES.length)}}`);
    }
    catch {
        return undefined;
    }
    if (!head.meta || typeof head.meta !== 'object')
        throw new _results_io_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('results file is missing `meta` or `cases`', path);
    return { schema: 'evalgate/results@1', meta: head.meta, cases: [] };
}
/** A case line's JSON (its trailing comma cut), or undefined for the closing `]}`. */
function caseJson(line, index, path) {
    const text = line.text.endsWith(',') ? line.text.slice(0, -1) : line.text;
    if (text === ']}')
        return undefined;
    let c;
    try {
        c = JSON.parse(text);
    }
    catch (err) {
        throw new _results_io_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`not valid JSON: cases[${index}]: ${err.message}`, path);
    }
    if (!c || typeof c.id !== 'string' || !Array.isArray(c.trials))
        throw new _results_io_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`cases[${index}] has no id or no trials`, path);
    return c;
}
/**
 * Every case of a results file, in order and in full, one at a time: for readers that need
 * traces but not all of them at once (the viewer). `onHead` receives the schema and meta first.
 */
async function* readCases(path, onHead) {
    const lines = (0,_lines_js__WEBPACK_IMPORTED_MODULE_0__/* .linesOf */ .D)(path);
    const first = await nextLine(lines, path);
    const head = headOf(first, path);
    if (!head) {
        await lines.return(undefined);
        const whole = await (0,_results_io_js__WEBPACK_IMPORTED_MODULE_1__.readResults)(path);
        onHead?.({ schema: whole.schema, meta: whole.meta });
        yield* whole.cases;
        return;
    }
    onHead?.({ schema: head.schema, meta: head.meta });
    for await (const { c } of caseLines(lines, path))
        yield c;
}
/**
 * The case lines after the head, each with its case parsed and validated, up to the closing
 * `]}`; only blank lines may follow it. A file cut before `]}` is an InputError.
 */
async function* caseLines(lines, path) {
    let i = 0;
    for await (const line of lines) {
        if (!line.text)
            continue;
        const c = caseJson(line, i, path);
        if (!c) {
            for await (const rest of lines)
                if (rest.text.trim())
                    throw new _results_io_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('text after the end of the results', path);
            return;
        }
        i++;
        (0,_gc_js__WEBPACK_IMPORTED_MODULE_3__/* .checkpoint */ .Fn)();
        yield { line, c };
    }
    throw new _results_io_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`not valid JSON: the file ends after ${i} cases`, path);
}
async function nextLine(lines, path) {
    try {
        const r = await lines.next();
        return r.done ? undefined : r.value;
    }
    catch (err) {
        const code = err.code;
        throw new _results_io_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(code === 'ENOENT' ? 'no such file' : `cannot read (${code})`, path);
    }
}
/** Arrays repeated across cases (modes, tags), shared; bounded. */
const MAX_SHARED = 10_000;
function sharer() {
    const seen = new Map();
    return (v) => {
        if (!Array.isArray(v))
            return v;
        const key = JSON.stringify(v);
        const got = seen.get(key);
        if (got)
            return got;
        if (seen.size < MAX_SHARED)
            seen.set(key, v);
        return v;
    };
}
/** A case without its input and its trials' trace text: what a comparison scans. */
function slimCase(c, share) {
    const out = {
        id: c.id,
        hash: c.hash,
        source: c.source,
        tags: share(c.tags),
        input: null,
        modes: share(c.modes),
        trials: c.trials.map(_slim_js__WEBPACK_IMPORTED_MODULE_2__/* .slimTrial */ .Ul),
    };
    return out;
}
/**
 * Reads a results file for a comparison: slim cases in memory, full ones read back on demand.
 * Validated as readResults validates (an InputError names the file and the case).
 */
async function readSlimResults(path, options = {}) {
    const lines = (0,_lines_js__WEBPACK_IMPORTED_MODULE_0__/* .linesOf */ .D)(path);
    const first = await nextLine(lines, path);
    const head = headOf(first, path);
    if (!head) {
        await lines.return(undefined);
        const whole = await (0,_results_io_js__WEBPACK_IMPORTED_MODULE_1__.readResults)(path);
        return { results: whole, fullCase: async (i) => whole.cases[i], close: async () => { } };
    }
    const share = sharer();
    const offsets = [];
    const lengths = [];
    for await (const { line, c } of caseLines(lines, path)) {
        offsets.push(line.offset);
        lengths.push(line.length);
        head.cases.push(options.slim ? options.slim(c) : slimCase(c, share));
    }
    const reader = new _lines_js__WEBPACK_IMPORTED_MODULE_0__/* .LineReader */ .u(path);
    return {
        results: head,
        fullCase: async (i) => {
            const text = await reader.read(offsets[i], lengths[i]);
            return JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text);
        },
        close: () => reader.close(),
    };
}


/***/ })

};
