export const id = 216;
export const ids = [216];
export const modules = {

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

/***/ 2251:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ headline)
/* harmony export */ });
/* unused harmony exports verdictKind, undecidedFailures */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2772);

function verdictKind(c) {
    if (c.verdict === 'error')
        return 'error';
    if (c.accepted)
        return 'accepted';
    return c.verdict === 'block' ? 'blocked' : 'passed';
}
function fell(m, name) {
    return `${name(m.mode)} fell from ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(m.base.rate)} to ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(m.head.rate)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .changeWithCi */ .tM)(m)})`;
}
function rose(m, name) {
    return `${name(m.mode)} rose from ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(m.base.rate)} to ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(m.head.rate)}`;
}
/** "a", "a and b", "a, b and 3 more modes" */
function listModes(items, max = 2) {
    if (items.length <= max)
        return items.join(' and ');
    return `${items.slice(0, max).join(', ')} and ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(items.length - max, 'more mode')}`;
}
/**
 * Confirmed new failures only: unconfirmed flips ("suspected") are what chance alone produces on
 * an unchanged system, so they never reach the headline (the comment lists them collapsed).
 */
function failuresClause(c) {
    const nf = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .countOf */ .pq)(c, 'new_failure');
    return nf > 0 ? (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(nf, 'new failure') : '';
}
/**
 * Blocking modes that did not regress although a case in them is a confirmed new failure: the
 * mode's test cannot decide (too few cases, often a sample), so the pass needs a warning.
 */
function undecidedFailures(c) {
    const perMode = new Map();
    for (const k of c.cases ?? []) {
        if (k.label !== 'new_failure')
            continue;
        for (const m of k.modes ?? [])
            if (m.label === 'new_failure')
                perMode.set(m.mode, (perMode.get(m.mode) ?? 0) + 1);
    }
    return (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .sortModes */ .bE)(c.modes ?? [])
        .filter((m) => m.blocking && m.verdict !== 'regressed' && perMode.has(m.mode))
        .map((m) => ({ mode: m, cases: perMode.get(m.mode) }));
}
function headline(c, name, reason, acceptLabel) {
    const kind = verdictKind(c);
    const failures = failuresClause(c);
    const tail = failures ? `; ${failures}.` : '.';
    if (kind === 'error') {
        const why = c.reasons?.[0] ? reason(c.reasons[0]) : 'the comparison could not be completed';
        const share = c.error_share?.head;
        // The gate's own reason usually states the share already; add it only when there is none.
        const errs = !c.reasons?.[0] && typeof share === 'number' && share > 0
            ? ` (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .pct */ .Oe)(share)} of head trials errored)`
            : '';
        // Ctrl-C (or a signal) stopped a side: say so first, it is the one thing to act on.
        const interrupted = !!(c.incomplete?.head?.interrupted || c.incomplete?.base?.interrupted);
        return {
            kind,
            icon: '⚠️',
            title: interrupted ? 'Interrupted' : 'Error',
            text: `${why}${errs}; no verdict on regressions.`,
        };
    }
    const regressed = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .blockingRegressions */ .on)(c);
    if (kind === 'blocked' || kind === 'accepted') {
        const what = regressed.length
            ? listModes(regressed.map((m) => fell(m, name)))
            : c.reasons?.[0]
                ? reason(c.reasons[0])
                : 'a blocking failure mode regressed';
        if (kind === 'accepted') {
            return {
                kind,
                icon: '✅',
                title: 'Regression accepted',
                text: `${what}${failures ? `; ${failures}` : ''}; accepted with the ${name(acceptLabel)} label.`,
            };
        }
        return { kind, icon: '❌', title: 'Blocked', text: `${what}${tail}` };
    }
    // Passed, but a blocking mode holds a confirmed new failure its test cannot decide: the
    // verdict stays pass (the gate is the mode's test), the headline must not read as all clear.
    const undecided = undecidedFailures(c);
    if (undecided.length) {
        const first = undecided[0];
        const why = c.sample
            ? `the sample (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(c.sample.cases, 'case')} of ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Wh)(c.sample.of)}) is too small for the mode to block`
            : `the mode's test cannot decide with ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(first.mode.paired_cases, 'case')}, so it does not block`;
        const more = undecided.length > 1 ? ` (and in ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(undecided.length - 1, 'more blocking mode')})` : '';
        return {
            kind,
            icon: '⚠️',
            title: 'Passed, with a warning',
            text: `${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(first.cases, 'confirmed new failure')} in ${name(first.mode.mode)} (${first.mode.severity})${more}: ${why}; look at ${first.cases === 1 ? 'it' : 'them'} before merging.`,
        };
    }
    // Passed: say the most useful true thing, and nothing when nothing happened.
    const modes = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .sortModes */ .bE)(c.modes);
    const minor = modes.filter((m) => m.verdict === 'regressed' && !m.blocking);
    const improved = modes.filter((m) => m.verdict === 'improved');
    const bits = [];
    if (minor.length) {
        bits.push(`no blocking failure mode regressed; ${listModes(minor.map((m) => fell(m, name)))} (not blocking)`);
    }
    else {
        bits.push(`no failure mode regressed (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(c.modes.length, 'mode')}, ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(c.head.counts?.cases ?? 0, 'case')})`);
    }
    if (improved.length)
        bits.push(listModes(improved.map((m) => rose(m, name))));
    const fixed = (0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .countOf */ .pq)(c, 'fixed');
    if (fixed)
        bits.push(`${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(fixed, 'case')} fixed`);
    if (failures)
        bits.push(failures);
    return { kind, icon: '✅', title: 'Passed', text: bits.join('; ') + '.' };
}


/***/ }),

/***/ 4546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $G: () => (/* binding */ modeVerdictCell),
/* harmony export */   Yb: () => (/* reexport safe */ _format_js__WEBPACK_IMPORTED_MODULE_0__.Yb),
/* harmony export */   sJ: () => (/* binding */ modeVerdictWords)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2772);
const WORDS = {
    regressed: { icon: '🔴', text: 'regressed', tone: 'blocking' },
    improved: { icon: '🟢', text: 'improved', tone: 'improved' },
    unchanged: { icon: '⚪', text: 'unchanged', tone: 'unchanged' },
    inconclusive: { icon: '🟡', text: 'inconclusive', tone: 'inconclusive' },
};
const NOT_BLOCKING = {
    icon: '🟠',
    text: 'regressed (not blocking)',
    tone: 'regressed',
};
function modeVerdictWords(m) {
    if (m.verdict === 'regressed' && !m.blocking)
        return NOT_BLOCKING;
    return WORDS[m.verdict] ?? { icon: '', text: String(m.verdict), tone: 'inconclusive' };
}
/** "🔴 regressed", "🟠 regressed (not blocking)": the comment's verdict cell, as plain text. */
function modeVerdictCell(m) {
    const w = modeVerdictWords(m);
    return w.icon ? `${w.icon} ${w.text}` : w.text;
}



/***/ }),

/***/ 3781:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ VIEWER_CSS),
  j: () => (/* binding */ VIEWER_JS)
});

;// CONCATENATED MODULE: ./build/report/viewer-data-js.js
/**
 * The part of the viewer's page script that reads its data blocks (src/report/viewer-blocks.ts):
 * the header, the case index block by block, a case's trace blocks (one per side) when the case
 * is opened, and the output blocks a search reads.
 *
 * A JSON block is parsed at once; a compressed one (base64 of gzip) is decoded with
 * DecompressionStream, which is asynchronous: `whenRead(v, fn)` runs `fn` now for a value and
 * later for a promise, so small (uncompressed) viewers behave exactly as before. Decoded trace
 * blocks are kept for the last few opened, so memory stays bounded however many cases a reviewer
 * opens. Runs inside the page script's function (see VIEWER_JS).
 */
const VIEWER_DATA_JS = String.raw `
  var D = JSON.parse(document.getElementById('evalgate-data').textContent);
  var TOTAL = D.total;
  var C = new Array(TOTAL); // the index entries, filled block by block
  var loaded = 0;           // C[0 .. loaded) are read
  var complete = false;     // every index block is read
  var byId = null;          // anchor id -> position, once complete
  var domReady = new Promise(function (resolve) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { resolve(); });
    else resolve();
  });

  function isPromise(v) { return !!v && typeof v.then === 'function'; }
  function whenRead(v, fn) { return isPromise(v) ? v.then(fn) : fn(v); }
  function bytesOf(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64);
    var s = atob(b64), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }
  // A block's value: now for JSON text, a promise for a compressed block, null when the parser
  // has not reached it yet. A block that does not decode reads as empty.
  function readBlock(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    if (node.type === 'application/json') {
      try { return JSON.parse(node.textContent); } catch (e) { return []; }
    }
    try {
      var stream = new Blob([bytesOf(node.textContent.trim())]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Response(stream).text().then(JSON.parse).catch(function () { return []; });
    } catch (e) { return []; }
  }

  // Index blocks of D.indexChunk cases each, in list order; they precede this script. first()
  // once the first block is read, all(wasPartial) once every block is (at once when the first
  // was the only one).
  function readIndex(first, all) {
    var wasPartial = false;
    function next(k) {
      var start = k * D.indexChunk, last = start + D.indexChunk >= TOTAL;
      whenRead(start < TOTAL ? readBlock('evalgate-i' + k) || [] : [], function (part) {
        for (var j = 0; j < part.length; j++) C[start + j] = part[j];
        loaded = Math.max(loaded, Math.min(TOTAL, start + part.length));
        if (last) {
          complete = true;
          byId = new Map();
          for (var i = 0; i < loaded; i++) if (C[i]) byId.set(wellFormed(C[i].id), i);
        }
        if (k === 0) { wasPartial = !last; first(); }
        if (last) all(wasPartial);
        else next(k + 1);
      });
    }
    next(0);
  }

  // Each side's trace blocks (block k from position D.starts[side][k] on), in that side's results
  // order, after this script: 'evalgate-<side>s<k>' holds each entry's distinct outputs,
  // 'evalgate-<side>t<k>' the block's pool of checks and documents, then each entry's trials (a
  // trial's output is its 'o'-th output, its checks and retrieved documents are named by their
  // places in the pool). The decoded ones kept, the least recently used dropped past TRACE_KEEP.
  var TRACE_KEEP = 24;
  var traceBlocks = new Map();
  function both(a, b, fn) { return whenRead(a, function (x) { return whenRead(b, function (y) { return fn(x, y); }); }); }
  // A block's entries whole again: outputs, checks and retrieved documents back in their trials.
  function joinOutputs(text, rest) {
    var pool = Array.isArray(rest[0]) ? rest[0] : [], entries = rest.slice(1);
    function fromPool(refs) { return refs.map(function (n) { return pool[n]; }); }
    for (var j = 0; j < entries.length; j++) {
      var o = text[j] || [], ts = (entries[j] && entries[j].t) || [];
      for (var n = 0; n < ts.length; n++) {
        var t = ts[n];
        if (!t) continue;
        if (Array.isArray(t.ck)) t.checks = fromPool(t.ck);
        if (!t.trace) continue;
        if (typeof t.o === 'number') t.trace.output = o[t.o];
        if (Array.isArray(t.trace.rv)) t.trace.retrieved = fromPool(t.trace.rv);
      }
    }
    return entries;
  }
  function traceBlock(key, k) {
    var id = key + k, v = traceBlocks.get(id);
    if (v !== undefined) { traceBlocks.delete(id); traceBlocks.set(id, v); return v; }
    var text = readBlock('evalgate-' + key + 's' + k), rest = readBlock('evalgate-' + key + 't' + k);
    if (text === null || rest === null) {
      if (document.readyState !== 'loading') return [];
      return domReady.then(function () { return traceBlock(key, k); });
    }
    v = both(text, rest, joinOutputs);
    if (isPromise(v)) {
      var pending = v.then(function (part) {
        if (traceBlocks.get(id) === pending) traceBlocks.set(id, part);
        return part;
      });
      v = pending;
    }
    traceBlocks.set(id, v);
    while (traceBlocks.size > TRACE_KEEP) traceBlocks.delete(traceBlocks.keys().next().value);
    return v;
  }
  // The last block starting at or before position p.
  function blockOf(starts, p) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= p) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function sideEntry(key, s) {
    if (!s || typeof s.at !== 'number' || s.at < 0) return null;
    var k = blockOf(D.starts[key], s.at);
    return whenRead(traceBlock(key, k), function (part) {
      return part[s.at - D.starts[key][k]] || null;
    });
  }
  // A case's traces: a value, or a promise of one.
  function traces(i) {
    var c = C[i];
    return both(sideEntry('b', c.b), sideEntry('h', c.h), function (b, h) {
      var input = h && h.input !== undefined ? h.input : b ? b.input : undefined;
      return { input: input, b: (b && b.t) || [], h: (h && h.t) || [] };
    });
  }

  // The outputs a search reads beyond the index: per block, each entry's outputs as one
  // lower-cased text. Kept up to TEXT_KEEP characters (a second search then decodes nothing);
  // past that, decoded again each search.
  var TEXT_KEEP = 64e6, textKept = 0, textBlocks = new Map();
  function outputBlock(key, k) {
    var id = key + k, v = textBlocks.get(id);
    if (v) return v;
    var raw = readBlock('evalgate-' + key + 's' + k);
    if (raw === null) {
      if (document.readyState !== 'loading') return [];
      return domReady.then(function () { return outputBlock(key, k); });
    }
    return whenRead(raw, function (part) {
      var hay = new Array(part.length), size = 0;
      for (var j = 0; j < part.length; j++) { hay[j] = (part[j] || []).join('\n').toLowerCase(); size += hay[j].length; }
      if (textKept + size <= TEXT_KEEP) { textBlocks.set(id, hay); textKept += size; }
      return hay;
    });
  }
`;

;// CONCATENATED MODULE: ./build/report/viewer-assets.js
/**
 * The viewer's inline stylesheet and script. Kept as plain strings (not bundled code) so the
 * file is the same wherever it is produced and the CSP hash of the script is stable.
 *
 * The script reads the data blocks (viewer-data-js.ts) and builds the page with
 * createElement/textContent only: no innerHTML, no string-built HTML, so a `<script>` in a model
 * output is just text. Links from data (trace_url) are accepted only as http(s).
 */

const VIEWER_CSS = String.raw `
:root{--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--bg:#fff;--bg2:#f6f8fa;--red:#d1242f;--green:#1a7f37;--amber:#9a6700;--blue:#0969da;--purple:#8250df;--orange:#bc4c00}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:16px 24px;border-bottom:1px solid var(--border);background:var(--bg2)}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:20px 0 8px}
main{padding:0 24px 40px;max-width:1600px}
.verdict{font-size:15px;margin:4px 0}
.muted{color:var(--muted)}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:12px}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid var(--border);padding:4px 10px;text-align:left;vertical-align:top}
th{background:var(--bg2)}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.v-blocking{color:var(--red);font-weight:600}.v-regressed{color:var(--orange)}.v-improved{color:var(--green)}.v-inconclusive{color:var(--amber)}.v-unchanged{color:var(--muted)}
.k-blocked{color:var(--red)}.k-error{color:var(--orange)}.k-passed{color:var(--green)}.k-accepted{color:var(--amber)}
.na{color:var(--muted);font-style:italic}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;position:sticky;top:0;background:var(--bg);padding:10px 0;border-bottom:1px solid var(--border);z-index:2}
select,input,button{font:inherit;padding:4px 8px;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
input[type=search]{min-width:280px}
button{cursor:pointer;background:var(--bg2)}
button:disabled{cursor:default;opacity:.5}
.case{border:1px solid var(--border);border-radius:6px;margin:6px 0;background:var(--bg)}
.case.target{outline:2px solid var(--blue)}
.case-row{display:flex;gap:10px;align-items:center;padding:6px 10px;cursor:pointer;flex-wrap:wrap}
.case-row:hover{background:var(--bg2)}
.case-id{font-weight:600;word-break:break-all}
.badge{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;border:1px solid transparent;white-space:nowrap}
.l-new_failure{background:#ffebe9;color:var(--red);border-color:#ffcecb}
.l-suspected_new_failure{background:#fff8c5;color:var(--amber);border-color:#f5e0a0}
.l-fixed{background:#dafbe1;color:var(--green);border-color:#aceebb}
.l-flaky{background:#fbefff;color:var(--purple);border-color:#ecd8ff}
.l-errored{background:#fff1e5;color:#bc4c00;border-color:#ffd8b5}
.l-added,.l-removed{background:#ddf4ff;color:var(--blue);border-color:#b6e3ff}
.l-stable_fail{background:#f6f8fa;color:var(--red)}.l-stable_pass{background:#f6f8fa;color:var(--muted)}
.detail{border-top:1px solid var(--border);padding:10px}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.side{min-width:0}
.side h3{font-size:14px;margin:0 0 6px}
details.trial{border:1px solid var(--border);border-radius:6px;margin:6px 0;padding:4px 8px}
details.trial>summary{cursor:pointer}
pre{white-space:pre-wrap;word-break:break-word;background:var(--bg2);padding:6px 8px;border-radius:6px;margin:4px 0;max-height:420px;overflow:auto}
.s-pass{color:var(--green)}.s-fail{color:var(--red)}.s-error{color:#bc4c00}
.kv{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}
.field{margin:6px 0}.field>.name{font-size:12px;font-weight:600;color:var(--muted)}
.pager{display:flex;gap:8px;align-items:center;margin:10px 0}
a{color:var(--blue)}
.label-bar{display:flex;gap:8px;align-items:center;margin:8px 0}
.label-row{display:flex;gap:6px;align-items:center;flex-wrap:wrap;margin:2px 0}
.label-row button[aria-pressed=true].label-pass{background:#dafbe1;border-color:var(--green)}
.label-row button[aria-pressed=true].label-fail{background:#ffebe9;border-color:var(--red)}
@media (max-width:900px){.sides{grid-template-columns:1fr}}
/* trajectories (head vs base, the first divergent step marked) and conversation turns */
.traj{margin:8px 0}
.traj .cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.traj ol{margin:4px 0;padding-left:28px}
.traj li{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,monospace;font-size:12px;word-break:break-word;padding:1px 4px;border-radius:4px}
.traj li.diverge{background:#fff1e5;outline:1px solid var(--orange);font-weight:600}
.traj .note{font-size:12px;color:var(--orange)}
.turns .turn{margin:4px 0}
.turns .who{font-size:12px;font-weight:600;color:var(--muted)}
`;
const VIEWER_UI_JS = String.raw `
  var PAGE = 100;
  var LABELS = D.labels;
  var state = { mode: '', label: '', q: '', page: 0, open: {} };
  var filtered = [];
  var hay = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function pct(r) { return typeof r === 'number' && isFinite(r) ? (Math.round(r * 1000) / 10) + '%' : '–'; }
  function pts(d) { if (typeof d !== 'number' || !isFinite(d)) return '–'; var v = Math.round(d * 100); return (v > 0 ? '+' : '') + v; }
  function pv(p) { if (typeof p !== 'number' || !isFinite(p)) return '–'; return p < 0.0001 ? '<0.0001' : p < 0.01 ? p.toFixed(4) : p.toFixed(2); }
  function txt(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    try { return JSON.stringify(v, null, 2); } catch (e) { return String(v); }
  }
  function safeUrl(u) {
    try { var x = new URL(u); return x.protocol === 'https:' || x.protocol === 'http:' ? x.href : null; } catch (e) { return null; }
  }
  function traceLink(id) {
    if (!D.traceUrl || !id) return null;
    return safeUrl(D.traceUrl.split('{trace_id}').join(encodeURIComponent(id)));
  }
  function frac(s) { return s ? s[0] + '/' + s[1] : '–'; }
  function num(v) { return typeof v === 'number' && isFinite(v); }
  // A lone surrogate (a cut emoji in an id) would make encodeURIComponent throw; the comment's
  // links replace it with U+FFFD, and so does the index.
  function wellFormed(s) { return String(s).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'); }

  // ---- header and mode table ---------------------------------------------------------------
  var root = document.getElementById('app');
  var head = add(el('header'), el('h1', null, D.title));
  var verdictLine = el('div', 'verdict');
  add(verdictLine, el('strong', 'k-' + D.kind, D.headline.icon + ' ' + D.headline.title + ':'), document.createTextNode(' ' + D.headline.text));
  add(head, verdictLine);
  add(head, el('div', 'muted', 'base ' + (D.base.sha || '?') + (D.base.ref ? ' (' + D.base.ref + ')' : '') +
    ' → head ' + (D.head.sha || '?') + (D.head.ref ? ' (' + D.head.ref + ')' : '') + ' · ' + TOTAL + ' cases'));
  root.appendChild(head);
  var main = el('main');
  root.appendChild(main);

  add(main, el('h2', null, 'Failure modes'));
  var mt = el('table', 'modes');
  var hr = el('tr');
  ['Failure mode', 'Severity', 'Base', 'Head', 'Change (95% CI)', 'p (adj.)', 'Verdict'].forEach(function (h) { hr.appendChild(el('th', null, h)); });
  add(mt, add(el('thead'), hr));
  var mtb = el('tbody');
  D.modes.forEach(function (m) {
    var tr = el('tr');
    add(tr, el('td', 'mono', m.mode), el('td', null, m.severity + (m.blocking ? ' (blocking)' : '')),
      el('td', 'num', pct(m.base[2]) + ' (' + m.base[0] + '/' + m.base[1] + ')'),
      el('td', 'num', pct(m.head[2]) + ' (' + m.head[0] + '/' + m.head[1] + ')'),
      el('td', 'num', pts(m.effect) + ' pts (' + pts(m.ci[0]) + ' to ' + pts(m.ci[1]) + ')'),
      el('td', 'num', pv(m.p)), el('td', 'v-' + m.words.tone, (m.words.icon ? m.words.icon + ' ' : '') + m.words.text + (m.note ? ': ' + m.note : '')));
    mtb.appendChild(tr);
  });
  add(main, add(mt, mtb));

  // Cost, tokens and latency per side; what no trace reported says so (absent is not zero).
  add(main, el('h2', null, 'Usage'));
  var ut = el('table', 'usage'); ut.id = 'usage';
  var uh = el('tr');
  ['', 'Cost', 'Input tokens', 'Output tokens', 'Latency p50', 'Latency p95'].forEach(function (h) { uh.appendChild(el('th', null, h)); });
  add(ut, add(el('thead'), uh));
  var utb = el('tbody');
  [['Base', D.usage.base], ['Head', D.usage.head]].forEach(function (row) {
    var u = row[1], tr = el('tr');
    add(tr, el('th', null, row[0]));
    [u.cost, u.input_tokens, u.output_tokens, u.p50, u.p95].forEach(function (v) {
      tr.appendChild(el('td', v === D.notReported ? 'num na' : 'num', v));
    });
    utb.appendChild(tr);
  });
  add(main, add(ut, utb));

  // ---- filters --------------------------------------------------------------------------------
  add(main, el('h2', null, 'Cases'));
  var bar = el('div', 'filters');
  var modeSel = el('select'); modeSel.id = 'filter-mode'; modeSel.setAttribute('aria-label', 'Failure mode');
  add(modeSel, opt('', 'All failure modes'));
  D.modes.forEach(function (m) { modeSel.appendChild(opt(m.mode, m.mode)); });
  var labelSel = el('select'); labelSel.id = 'filter-label'; labelSel.setAttribute('aria-label', 'Status');
  add(labelSel, opt('', 'All statuses'));
  D.labelOrder.forEach(function (l) { if (D.labelCounts[l]) labelSel.appendChild(opt(l, LABELS[l] + ' (' + D.labelCounts[l] + ')')); });
  var search = el('input'); search.type = 'search'; search.id = 'search'; search.placeholder = 'Search ids, tags, reasons, outputs…';
  var count = el('span', 'muted'); count.id = 'count';
  add(bar, modeSel, labelSel, search, count);
  add(main, bar);
  var list = el('div'); list.id = 'cases';
  var pager = el('div', 'pager');
  var prev = el('button', null, '← Previous'); prev.id = 'prev';
  var next = el('button', null, 'Next →'); next.id = 'next';
  var pageInfo = el('span', 'muted');
  add(pager, prev, pageInfo, next);
  add(main, list, pager);

  function opt(v, t) { var o = el('option', null, t); o.value = v; return o; }

  function labelOf(c) {
    if (!state.mode) return c.label;
    for (var i = 0; i < c.modes.length; i++) if (c.modes[i].mode === state.mode) return c.modes[i].label;
    return null;
  }
  function haystack(i) {
    if (!hay) hay = new Array(TOTAL);
    if (hay[i] === undefined) {
      var c = C[i], parts = [c.id, c.tags.join(' '), c.src || ''];
      c.modes.forEach(function (m) { parts.push(m.mode); });
      [c.b, c.h].forEach(function (s) {
        if (!s) return;
        s.failing.forEach(function (f) { parts.push(f.type, f.reason); });
      });
      if (c.excerpt) parts.push(c.excerpt.input, c.excerpt.output);
      hay[i] = parts.join('\n').toLowerCase();
    }
    return hay[i];
  }
  function shown(i) {
    if (!C[i]) return false;
    var l = labelOf(C[i]);
    return l !== null && (!state.label || l === state.label);
  }
  var listed = null; // listed[i]: case i is in filtered
  function applyFilters() {
    filtered = [];
    listed = new Uint8Array(TOTAL);
    var q = state.q.toLowerCase();
    for (var i = 0; i < loaded; i++) {
      if (!shown(i)) continue;
      if (q && haystack(i).indexOf(q) < 0) continue;
      filtered.push(i);
      listed[i] = 1;
    }
  }

  // ---- search in outputs ------------------------------------------------------------------------
  // The index has no outputs: a search reads them from the output blocks of both sides, two at
  // a time, in order; the cases they match join the list as their blocks are read.
  var searchRun = 0, searching = null, byPos = null;
  function positions() {
    if (byPos) return byPos;
    byPos = { b: new Int32Array(D.entries.b).fill(-1), h: new Int32Array(D.entries.h).fill(-1) };
    for (var i = 0; i < loaded; i++) {
      var c = C[i];
      if (!c) continue;
      if (c.b && c.b.at >= 0 && c.b.at < byPos.b.length) byPos.b[c.b.at] = i;
      if (c.h && c.h.at >= 0 && c.h.at < byPos.h.length) byPos.h[c.h.at] = i;
    }
    return byPos;
  }
  function searchOutputs() {
    var run = ++searchRun, q = state.q.toLowerCase();
    searching = null;
    if (!q || !complete) return;
    var jobs = [];
    ['h', 'b'].forEach(function (key) { for (var k = 0; k < D.starts[key].length; k++) jobs.push([key, k]); });
    document.body.removeAttribute('data-searched');
    if (!jobs.length) { document.body.setAttribute('data-searched', q); return; }
    var pos = positions(), next = 0, done = 0, inFlight = 0, dirty = false, shownAt = performance.now();
    searching = { done: 0, total: jobs.length };
    function onBlock(job, hay) {
      if (run !== searchRun) return;
      inFlight--; done++;
      var map = pos[job[0]], first = D.starts[job[0]][job[1]];
      for (var j = 0; j < hay.length; j++) {
        var i = map[first + j];
        if (i === undefined || i < 0 || listed[i] || hay[j].indexOf(q) < 0 || !shown(i)) continue;
        listed[i] = 1; filtered.push(i); dirty = true;
      }
      searching.done = done;
      if (done === jobs.length) searching = null;
      var now = performance.now();
      if (!searching || now - shownAt > 250) {
        if (dirty) { filtered.sort(function (a, b) { return a - b; }); dirty = false; }
        render(); shownAt = now;
      }
      if (searching) start();
      else document.body.setAttribute('data-searched', q);
    }
    function start() {
      while (inFlight < 2 && next < jobs.length) {
        var job = jobs[next++];
        inFlight++;
        Promise.resolve(outputBlock(job[0], job[1])).then(onBlock.bind(null, job), onBlock.bind(null, job, []));
      }
    }
    start();
  }

  // ---- case rows and details ------------------------------------------------------------------
  function badge(l) { return el('span', 'badge l-' + l, LABELS[l] || l); }
  function row(i) {
    var c = C[i];
    var box = el('div', 'case'); box.setAttribute('data-id', c.id); box.id = 'case-' + i;
    var r = el('div', 'case-row'); r.setAttribute('role', 'button'); r.tabIndex = 0;
    add(r, badge(c.label), el('span', 'case-id', c.id));
    var ms = el('span', 'muted mono');
    ms.textContent = c.modes.map(function (m) { return m.mode + ' ' + frac(m.b) + ' → ' + frac(m.h); }).join(' · ');
    add(r, ms);
    if (c.src) add(r, el('span', 'muted', c.src));
    var a = el('a', null, '#'); a.href = '#case=' + encodeURIComponent(wellFormed(c.id)); a.title = 'Link to this case';
    a.addEventListener('click', function (e) { e.stopPropagation(); });
    add(r, a);
    r.addEventListener('click', function () { toggle(i, box); });
    r.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(i, box); } });
    box.appendChild(r);
    if (state.open[i]) box.appendChild(detail(i));
    return box;
  }
  function toggle(i, box) {
    if (state.open[i]) { delete state.open[i]; var d = box.querySelector('.detail'); if (d) box.removeChild(d); }
    else { state.open[i] = true; box.appendChild(detail(i)); }
  }
  function field(name, value, pre) {
    var f = el('div', 'field');
    add(f, el('div', 'name', name));
    add(f, pre === false ? el('div', null, value) : el('pre', null, value));
    return f;
  }
  function trialView(t, open) {
    var d = el('details', 'trial'); if (open) d.open = true;
    var tr = t.trace || {};
    var s = el('summary');
    add(s, el('span', 's-' + t.status, t.status), document.createTextNode(' trial ' + t.trial + (t.stage > 1 ? ' (stage ' + t.stage + ')' : '')));
    d.appendChild(s);
    var u = tr.usage || {};
    var kv = el('div', 'kv');
    var NA = D.notReported;
    var tokens = num(u.input_tokens) || num(u.output_tokens)
      ? (num(u.input_tokens) ? u.input_tokens : NA) + ' in / ' + (num(u.output_tokens) ? u.output_tokens : NA) + ' out'
      : NA;
    add(kv, el('span', null, 'latency ' + (num(tr.latency_ms) ? Math.round(tr.latency_ms) + ' ms' : NA)),
      el('span', null, 'tokens ' + tokens),
      el('span', null, 'cost ' + (num(u.cost_usd) ? '$' + u.cost_usd.toFixed(5) : NA)),
      el('span', null, 'attempts ' + (t.attempts || 1)));
    if (tr.trace_id) {
      var href = traceLink(tr.trace_id);
      if (href) { var a = el('a', null, 'open trace'); a.href = href; a.rel = 'noopener noreferrer'; a.target = '_blank'; kv.appendChild(a); }
      else kv.appendChild(el('span', 'mono', 'trace ' + tr.trace_id));
    }
    d.appendChild(kv);
    if (tr.error) d.appendChild(field('Error', (tr.error.kind || 'error') + ': ' + txt(tr.error.message)));
    var checks = el('div', 'field'); add(checks, el('div', 'name', 'Checks'));
    (t.checks || []).forEach(function (c) {
      var line = el('div', 'mono');
      add(line, el('span', 's-' + c.status, c.status), document.createTextNode(' ' + (c.name || c.type) + ' [' + c.mode + '] ' + (c.reason || '')));
      checks.appendChild(line);
    });
    d.appendChild(checks);
    var turns = turnsView(tr);
    if (turns) d.appendChild(turns);
    d.appendChild(field('Output', tr.output || '(empty)'));
    if (tr.tool_calls && tr.tool_calls.length) {
      var tc = el('div', 'field'); add(tc, el('div', 'name', 'Tool calls (' + tr.tool_calls.length + ')'));
      tr.tool_calls.forEach(function (c) {
        add(tc, el('pre', null, (c.name || '?') + '(' + txt(c.arguments || {}) + ')' + (c.result !== undefined ? '\n→ ' + txt(c.result) : '')));
      });
      d.appendChild(tc);
    } else d.appendChild(field('Tool calls', '(none)', false));
    if (tr.retrieved && tr.retrieved.length) {
      var rd = el('div', 'field'); add(rd, el('div', 'name', 'Retrieved (' + tr.retrieved.length + ')'));
      tr.retrieved.forEach(function (r) { add(rd, el('pre', null, (r.id ? r.id : '(no id)') + (r.score != null ? ' · ' + r.score : '') + '\n' + txt(r.text))); });
      d.appendChild(rd);
    }
    if (tr.messages && tr.messages.length) {
      var md = el('details'); add(md, el('summary', null, 'Messages (' + tr.messages.length + ')'));
      tr.messages.forEach(function (m) {
        var extra = m.tool_calls ? '\n' + txt(m.tool_calls) : '';
        add(md, el('pre', null, (m.role || '?') + (m.name ? ' ' + m.name : '') + ': ' + txt(m.content) + extra));
      });
      d.appendChild(md);
    }
    if (tr.stderr) d.appendChild(field('stderr', tr.stderr));
    if (tr.metadata) d.appendChild(field('Metadata', txt(tr.metadata)));
    return d;
  }
  function sideView(name, s, runs, c) {
    var v = el('div', 'side');
    if (!s) { add(v, el('h3', null, name), el('div', 'muted', name === 'Base' ? 'Not on base (added case).' : 'Not on head (removed case).')); return v; }
    add(v, el('h3', null, name + ': ' + s.passes + '/' + s.n + ' passed' + (s.errors ? ', ' + s.errors + ' errored' : '')));
    if (s.failing.length) {
      var f = el('div', 'field'); add(f, el('div', 'name', 'Failing checks (representative trial)'));
      s.failing.forEach(function (x) { add(f, el('div', 'mono s-fail', (x.name || x.type) + ' [' + x.mode + '] ' + x.reason)); });
      v.appendChild(f);
    }
    if (runs && runs.length) runs.forEach(function (t, k) { var tv = trialView(t, k === s.ref); if (t.th) tv.appendChild(labelControls(c.id, t)); v.appendChild(tv); });
    else if (name === 'Head' && c.excerpt) {
      v.appendChild(field('Output (excerpt)', c.excerpt.output));
      v.appendChild(field('Tool calls', c.excerpt.tool_calls.map(function (t) { return t.name + '(' + t.arguments + ')'; }).join('\n') || '(none)'));
      if (c.excerpt.error) v.appendChild(field('Error', c.excerpt.error));
    } else v.appendChild(el('div', 'muted', 'Traces not included in this viewer.'));
    return v;
  }
  // ---- trajectories and conversation turns ---------------------------------------------------
  // From the excerpt of a new failure: the head's calls, and where a base trial's differ.
  function stepList(calls, at, more) {
    var ol = el('ol');
    calls.forEach(function (t, k) {
      var li = el('li', k === at ? 'diverge' : null, t.name + ' ' + t.arguments);
      if (k === at) li.setAttribute('data-diverges', '1');
      ol.appendChild(li);
    });
    if (at >= 0 && at >= calls.length) {
      // The divergent step past this side's last call: the call the other side did not make,
      // or, when this side stopped there, a marked empty step.
      var li = el('li', more ? 'diverge' : 'diverge muted', more ? more.name + ' ' + more.arguments : '(no more calls)');
      li.value = at + 1; li.setAttribute('data-diverges', '1');
      ol.appendChild(li);
    }
    if (!calls.length && !more) ol.appendChild(el('li', 'muted', '(no tool calls)'));
    return ol;
  }
  function trajectoryView(c) {
    var e = c.excerpt;
    if (!e || (!(e.tool_calls || []).length && !e.divergence)) return null;
    var box = el('div', 'traj field');
    var d = e.divergence;
    add(box, el('div', 'name', d ? 'Trajectory: head vs base' : 'Trajectory (head)'));
    if (!d) { box.appendChild(stepList(e.tool_calls || [], -1)); return box; }
    var base = e.base_tool_calls || [];
    var note = 'Head diverges at step ' + (d.step + 1) + ': ' +
      (d.base ? 'base called ' + d.base.name : 'base stopped after ' + base.length + ' call' + (base.length === 1 ? '' : 's')) + ', ' +
      (d.head ? 'head called ' + d.head.name : 'head stopped') +
      (d.head && d.base && d.head.name === d.base.name ? ' with other arguments' : '');
    add(box, el('div', 'note', note));
    var cols = el('div', 'cols');
    var b = el('div'); add(b, el('div', 'muted', 'Base'), stepList(base, d.step, d.base));
    var h = el('div'); add(h, el('div', 'muted', 'Head'), stepList(e.tool_calls || [], d.step, d.head));
    add(box, add(cols, b, h));
    return box;
  }
  // A conversation's turns, each user message with the answer to it.
  function turnsView(tr) {
    if (!tr.turns || !tr.turns.length) return null;
    var f = el('div', 'field turns');
    add(f, el('div', 'name', 'Turns (' + tr.turns.length + ')'));
    tr.turns.forEach(function (t, k) {
      var calls = (t.tool_calls || []).map(function (c) { return (c.name || '?') + '(' + txt(c.arguments || {}) + ')'; });
      var box = el('div', 'turn');
      add(box, el('div', 'who', 'turn ' + (k + 1)));
      add(box, el('pre', null, 'user: ' + txt(t.user) + '\nassistant: ' + txt(t.output) + (calls.length ? '\ncalls: ' + calls.join(' → ') : '')));
      f.appendChild(box);
    });
    return f;
  }

  function detail(i) {
    var c = C[i];
    var d = el('div', 'detail');
    var kv = el('div', 'kv');
    if (c.src) add(kv, el('span', 'mono', c.src));
    if (c.tags.length) add(kv, el('span', null, 'tags: ' + c.tags.join(', ')));
    if (c.changed) add(kv, el('span', 's-error', 'case edited between base and head'));
    c.modes.forEach(function (m) { add(kv, el('span', null, m.mode + ': '), badge(m.label)); });
    d.appendChild(kv);
    // A compressed trace block is decoded first (a moment); a JSON one is there at once.
    var T = traces(i);
    if (T && typeof T.then === 'function') {
      var wait = el('div', 'muted loading', 'Loading traces…');
      d.appendChild(wait);
      T.then(function (t) { d.removeChild(wait); traceViews(d, c, t); });
    } else traceViews(d, c, T);
    return d;
  }
  function traceViews(d, c, T) {
    var input = T.input !== undefined ? T.input : c.excerpt && c.excerpt.input;
    if (input !== undefined && input !== null) d.appendChild(field('Input', txt(input)));
    var traj = trajectoryView(c);
    if (traj) d.appendChild(traj);
    add(d, add(el('div', 'sides'), sideView('Base', c.b, T.b, c), sideView('Head', c.h, T.h, c)));
  }

  // ---- human labels for judge calibration (docs/reports.md "Labelling traces") ------------------
  // A reviewer marks a judged check of a trace pass or fail; labels persist in localStorage while
  // reviewing and download as the labels file (JSON lines) that evalgate calibrate reads.
  var LABEL_KEY = 'evalgate-labels';
  var JUDGED = {}; (D.judged || []).forEach(function (t) { JUDGED[t] = true; });
  var humanLabels = loadLabels();
  function loadLabels() {
    try { var v = JSON.parse(localStorage.getItem(LABEL_KEY) || '{}'); return v && typeof v === 'object' ? v : {}; }
    catch (e) { return {}; }
  }
  function saveLabels() {
    try { localStorage.setItem(LABEL_KEY, JSON.stringify(humanLabels)); } catch (e) { /* private mode: kept in memory */ }
    labelCount.textContent = Object.keys(humanLabels).length + ' label(s)';
    labelDownload.disabled = labelClear.disabled = !Object.keys(humanLabels).length;
  }
  function labelKey(th, caseId, index) { return th + ' ' + caseId + ' ' + index; }
  function labelControls(caseId, t) {
    var box = el('div', 'field labels'); add(box, el('div', 'name', 'Your label (for judge calibration) · trace ' + t.th.slice(0, 12)));
    (t.checks || []).forEach(function (c) {
      if (!JUDGED[c.type]) return;
      var key = labelKey(t.th, caseId, c.index);
      var line = el('div', 'label-row');
      line.setAttribute('data-check', String(c.index));
      add(line, el('span', 'mono', (c.name || c.type) + ' [' + c.mode + '] judge: '), el('span', 's-' + c.status, c.status), document.createTextNode(' '));
      var note = el('input'); note.type = 'text'; note.placeholder = 'note (optional)'; note.className = 'label-note';
      function pick(v) {
        var cur = humanLabels[key];
        if (cur && cur.label === v) delete humanLabels[key];
        else humanLabels[key] = { trace_hash: t.th, case: caseId, check: c.index, label: v, note: note.value || undefined };
        saveLabels(); show();
      }
      var pass = el('button', 'label-pass', 'pass'), fail = el('button', 'label-fail', 'fail');
      pass.type = fail.type = 'button';
      pass.addEventListener('click', function () { pick('pass'); });
      fail.addEventListener('click', function () { pick('fail'); });
      note.addEventListener('change', function () { var cur = humanLabels[key]; if (cur) { cur.note = note.value || undefined; saveLabels(); } });
      function show() {
        var cur = humanLabels[key];
        pass.setAttribute('aria-pressed', String(!!cur && cur.label === 'pass'));
        fail.setAttribute('aria-pressed', String(!!cur && cur.label === 'fail'));
        if (cur && cur.note && !note.value) note.value = cur.note;
      }
      show();
      add(line, pass, fail, note);
      box.appendChild(line);
    });
    return box;
  }
  function labelsFile() {
    return Object.keys(humanLabels).sort().map(function (k) { return JSON.stringify(humanLabels[k]); }).join('\n') + '\n';
  }
  var labelBar = el('div', 'label-bar');
  var labelCount = el('span', 'muted');
  var labelDownload = el('button', null, 'Download labels.jsonl');
  var labelClear = el('button', null, 'Clear labels');
  labelDownload.addEventListener('click', function () {
    var url = URL.createObjectURL(new Blob([labelsFile()], { type: 'application/x-ndjson' }));
    var a = el('a'); a.href = url; a.download = 'labels.jsonl';
    document.body.appendChild(a); a.click(); document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  labelClear.addEventListener('click', function () { humanLabels = {}; saveLabels(); render(); });
  add(labelBar, el('span', null, 'Judge calibration: '), labelCount, labelDownload, labelClear);
  if (D.labelable) list.parentNode.insertBefore(labelBar, list);
  saveLabels();

  // ---- list rendering (one page at a time keeps 10,000 cases fast) ---------------------------
  function render() {
    var pages = Math.max(1, Math.ceil(filtered.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * PAGE, end = Math.min(filtered.length, start + PAGE);
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) frag.appendChild(row(filtered[k]));
    list.textContent = '';
    list.appendChild(frag);
    if (!filtered.length) list.appendChild(el('p', 'muted', 'No case matches these filters' + (searching ? ' yet (searching the outputs…)' : '.')));
    // Until every index block is read, filters and search see the cases read so far.
    // While a search reads the outputs, the cases it has found so far, and how far it is.
    count.textContent = 'Showing ' + (filtered.length ? start + 1 : 0) + '–' + end +
      (!complete ? ' · reading cases: ' + loaded + ' of ' + TOTAL + '…'
        : ' of ' + filtered.length + ' cases' + (filtered.length !== TOTAL ? ' (' + TOTAL + ' in total)' : '') +
          (searching ? ' · searching outputs: ' + Math.round(100 * searching.done / searching.total) + '%…' : ''));
    pageInfo.textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }
  function refilter() { applyFilters(); state.page = 0; render(); searchOutputs(); }
  modeSel.addEventListener('change', function () { state.mode = modeSel.value; refilter(); });
  labelSel.addEventListener('change', function () { state.label = labelSel.value; refilter(); });
  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = search.value.trim(); refilter(); }, 120);
  });
  prev.addEventListener('click', function () { state.page--; render(); window.scrollTo(0, list.offsetTop - 60); });
  next.addEventListener('click', function () { state.page++; render(); window.scrollTo(0, list.offsetTop - 60); });

  // ---- deep links: #case=<id> -------------------------------------------------------------------
  // Once the whole index is read (ids are looked up in all of it) and the case's traces are
  // decoded, so the opened case shows whole.
  function openFromHash() {
    var m = /^#case=(.*)$/.exec(location.hash);
    if (!m || !byId) return;
    var id;
    try { id = decodeURIComponent(m[1]); } catch (e) { return; }
    var i = byId.get(wellFormed(id));
    if (i === undefined) return;
    return whenRead(traces(i), function () {
      var pos = filtered.indexOf(i);
      if (pos < 0) {
        state.mode = ''; state.label = ''; state.q = '';
        modeSel.value = ''; labelSel.value = ''; search.value = '';
        applyFilters();
        searchOutputs();
        pos = filtered.indexOf(i);
      }
      state.page = Math.floor(pos / PAGE);
      state.open[i] = true;
      render();
      var box = document.getElementById('case-' + i);
      if (box) {
        var old = document.querySelector('.case.target'); if (old) old.classList.remove('target');
        box.classList.add('target');
        box.scrollIntoView({ block: 'start' });
      }
    });
  }
  window.addEventListener('hashchange', openFromHash);

  // The first index block gives the first screen; the rest follow (filters and search over all
  // cases from then on); a deep link opens its case once the trace blocks are parsed too.
  readIndex(function first() {
    applyFilters();
    render();
    document.body.setAttribute('data-listed', '1');
  }, function all(wasPartial) {
    if (wasPartial) { applyFilters(); render(); }
    if (state.q) searchOutputs();
    domReady.then(openFromHash).then(function () { document.body.setAttribute('data-ready', '1'); });
  });
`;
/** The page script: the data blocks' reader, then the page. */
const VIEWER_JS = `
(function () {
  'use strict';
${VIEWER_DATA_JS}
${VIEWER_UI_JS}
})();
`;


/***/ }),

/***/ 9216:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fileSide: () => (/* binding */ fileSide),
  vN: () => (/* reexport */ jsonForScript),
  wA: () => (/* binding */ writeViewer),
  writeViewerStream: () => (/* binding */ writeViewerStream)
});

// UNUSED EXPORTS: COMPRESS_FROM, INDEX_CHUNK, TRACE_CHARS, TRACE_CHUNK, renderViewer, resultsSide, sideUsage

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./build/run/results-stream.js
var results_stream = __webpack_require__(7465);
// EXTERNAL MODULE: ./build/report/plain.js
var plain = __webpack_require__(2071);
// EXTERNAL MODULE: ./build/report/viewer-assets.js + 1 modules
var viewer_assets = __webpack_require__(3781);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./build/report/redact.js
var redact = __webpack_require__(7234);
;// CONCATENATED MODULE: ./build/report/viewer-blocks.js
/**
 * The viewer's data blocks: `<script>` elements the browser never runs (their type is not
 * JavaScript) holding JSON, either as text or gzip-compressed and base64-encoded.
 *
 * Neither can end its element early: JSON has `<`, `>` and `&` escaped as \u003c etc., and
 * base64 has no `<` at all. The page decodes a compressed block with DecompressionStream, which
 * works on a file opened from disk (where fetch() of a file next to it would not).
 */



/** The `type` of a compressed block: base64 text of gzip bytes of JSON. */
const GZIP_TYPE = 'application/gzip';
/**
 * Redacted JSON that cannot end a `<script>` element or start a comment inside it. C1 controls
 * and bidi overrides are \u-escaped as well: the same data, and a file printed to a terminal
 * (`evalgate report --format html` without --out) has nothing in it a terminal would obey.
 */
function jsonForScript(v) {
    return (0,redact/* redactedJson */.Rh)(v).replace(/[<>&\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function block(id, items, toJson, compress) {
    return { id, items, toJson: toJson, compress };
}
const GZIP = { level: 9 };
/** Pieces of about this many characters: below V8's large-object size, so they die young. */
const PIECE = 32 * 1024;
function openTag(b) {
    return `<script type="${b.compress ? GZIP_TYPE : 'application/json'}" id="${b.id}">`;
}
const CLOSE_TAG = '</script>\n';
/** The block's JSON in pieces of about PIECE characters (each item redacted as it goes). */
function* jsonPieces(b) {
    let parts = ['['];
    let size = 1;
    for (let i = 0; i < b.items.length; i++) {
        const json = (i ? ',' : '') + jsonForScript(b.toJson(b.items[i]));
        parts.push(json);
        size += json.length;
        if (size >= PIECE) {
            yield parts.join('');
            parts = [];
            size = 0;
        }
    }
    parts.push(']');
    yield parts.join('');
}
/** The block's HTML as one string, compressed here and now (`renderViewer`). */
function viewer_blocks_blockHtml(b) {
    const json = [...jsonPieces(b)].join('');
    return openTag(b) + (b.compress ? gzipSync(json, GZIP).toString('base64') : json) + CLOSE_TAG;
}
/**
 * The block's HTML in pieces (`writeViewer`): JSON serialised while the thread pool compresses
 * what came before, base64 cut at multiples of 3 bytes so the pieces join into one base64 text.
 * No string as large as the block is ever built, which keeps a 100,000-case build's memory
 * from growing with garbage V8 collects late. The bytes are those of `blockHtml`.
 */
async function* blockHtmlPieces(b) {
    yield openTag(b);
    if (!b.compress)
        yield* jsonPieces(b);
    else {
        const gz = (0,external_node_zlib_.createGzip)(GZIP);
        const feed = (async () => {
            for (const piece of jsonPieces(b))
                if (!gz.write(piece))
                    await (0,external_node_events_.once)(gz, 'drain');
            gz.end();
        })();
        feed.catch((err) => gz.destroy(err));
        let carry;
        for await (const chunk of gz) {
            const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
            const cut = buf.length - (buf.length % 3);
            if (cut)
                yield buf.subarray(0, cut).toString('base64');
            carry = cut < buf.length ? buf.subarray(cut) : undefined;
        }
        await feed;
        if (carry)
            yield carry.toString('base64');
    }
    yield CLOSE_TAG;
}

// EXTERNAL MODULE: ./build/calibrate/identity.js
var identity = __webpack_require__(4474);
// EXTERNAL MODULE: ./build/report/format.js
var format = __webpack_require__(2772);
// EXTERNAL MODULE: ./build/report/headline.js
var headline = __webpack_require__(2251);
// EXTERNAL MODULE: ./build/report/verdict-words.js
var verdict_words = __webpack_require__(4546);
;// CONCATENATED MODULE: ./build/report/viewer-data.js
/**
 * What the trace viewer shows, as data: the header (verdict, modes, usage), one index entry per
 * case (what the list, the filters and the search need) and one trace entry per case (input and
 * both sides' trials, read only when the case is opened). Built case by case, so the viewer can
 * be written in chunks without holding every case's data at once.
 */





function frac(s) {
    return s ? [s.passes, s.trials, s.errors] : null;
}
/** One side of a case as listed: counts and failing checks (light; the traces are apart). */
function side(k, r) {
    if (!k && !r)
        return null;
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
const USAGE_FIELDS = ['input_tokens', 'output_tokens', 'cost_usd'];
const finite = (v) => typeof v === 'number' && Number.isFinite(v);
/** Nearest-rank percentile of sorted values. */
function percentile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
/** A side's usage summed case by case (the first pass over its results). */
class UsageSums {
    sums = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
    seen = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
    latencies = [];
    add(c) {
        for (const t of Array.isArray(c?.trials) ? c.trials : []) {
            const u = t?.trace?.usage;
            for (const f of USAGE_FIELDS) {
                if (u && finite(u[f])) {
                    this.sums[f] += u[f];
                    this.seen[f]++;
                }
            }
            if (finite(t?.trace?.latency_ms))
                this.latencies.push(t.trace.latency_ms);
        }
    }
}
/**
 * A side's cost, tokens and latency as the page shows them. Absent is not zero: a value no trace
 * reported reads "not reported". With the side's results at hand, the traces say what was
 * reported (the comparison's totals win when positive: they count the judge too); without them,
 * the comparison's own fields (absent when nothing was reported).
 */
function sideUsage(side, r) {
    if (!r)
        return usageShown(side, undefined);
    const sums = new UsageSums();
    for (const c of r.cases ?? [])
        sums.add(c);
    return usageShown(side, sums);
}
/** sideUsage from sums gathered case by case (undefined: the side's results were not given). */
function usageShown(side, r) {
    const summary = (side?.usage ?? {});
    const totals = {};
    let latencies;
    if (r) {
        for (const f of USAGE_FIELDS) {
            const s = summary[f];
            if (finite(s) && s > 0)
                totals[f] = s;
            else if (r.seen[f] > 0)
                totals[f] = r.sums[f];
        }
        if (r.latencies.length)
            latencies = Float64Array.from(r.latencies).sort();
    }
    else {
        for (const f of USAGE_FIELDS) {
            const s = summary[f];
            if (finite(s))
                totals[f] = s;
        }
    }
    const lm = side?.latency_ms;
    // With the traces at hand they alone say (the comparison's percentiles come from them too).
    const p50 = latencies ? percentile(latencies, 0.5) : !r && finite(lm?.p50) ? lm.p50 : undefined;
    const p95 = latencies ? percentile(latencies, 0.95) : !r && finite(lm?.p95) ? lm.p95 : undefined;
    const shown = (v, f) => v === undefined ? verdict_words/* NOT_REPORTED */.Yb : f(v);
    return {
        cost: shown(totals.cost_usd, format/* usd */.dR),
        input_tokens: shown(totals.input_tokens, format/* int */.Wh),
        output_tokens: shown(totals.output_tokens, format/* int */.Wh),
        p50: shown(p50, format.ms),
        p95: shown(p95, format.ms),
    };
}
const hasJudged = (t) => !!t?.checks?.some?.((k) => identity/* JUDGED_TYPES */.w.has(k?.type));
/** The cases in the order the page lists them: new failures first, then by id. */
function sortedCases(c) {
    const order = new Map(format/* LABEL_ORDER */.gg.map((l, i) => [l, i]));
    return [...(c.cases ?? [])].sort((a, b) => (order.get(a.label) ?? 99) - (order.get(b.label) ?? 99) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/**
 * The first pass over a side's cases: where each listed case's traces will be (its position
 * among the side's trace entries, in the results' order: the second pass writes them in that
 * order, so neither pass needs more than one case at a time), trial counts, usage, and whether
 * any trial has a judged check. Cases the comparison does not list, and repeated ids, get no
 * position and are left out of the traces.
 */
class SideScanner {
    at = new Map();
    usage = new UsageSums();
    /** The first position of each trace block (see TRACE_CHUNK, TRACE_CHARS). */
    starts = [];
    judged = false;
    listed;
    blockCases = 0;
    blockChars = 0;
    constructor(listed) {
        this.listed = listed;
    }
    add(c) {
        if (!c || typeof c.id !== 'string' || !this.listed.has(c.id) || this.at.has(c.id))
            return;
        const trials = Array.isArray(c.trials) ? c.trials : [];
        let passes = 0;
        let errors = 0;
        for (const t of trials) {
            if (t?.status === 'pass')
                passes++;
            else if (t?.status === 'error')
                errors++;
            if (!this.judged && hasJudged(t))
                this.judged = true;
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
    next(c, written) {
        return this.at.get(c?.id)?.pos === written;
    }
}
/** Cases per trace block, at most (per side: a block of their outputs and one of the rest). */
const TRACE_CHUNK = 100;
/** Characters of text per trace block, about: a block ends at the case that passes it. */
const TRACE_CHARS = 2_000_000;
/** The characters of a value's strings (a few more per other value), to size trace blocks. */
function textSize(v, depth) {
    if (typeof v === 'string')
        return v.length;
    if (!v || typeof v !== 'object' || depth > 32)
        return 4;
    let n = 4;
    if (Array.isArray(v))
        for (const x of v)
            n += textSize(x, depth + 1);
    else
        for (const k in v)
            n += k.length + textSize(v[k], depth + 1);
    return n;
}
/** The page's header data (redacted): verdict, modes, usage, label counts, the case total. */
function viewerHeader(c, sides, opts) {
    const { base, head } = sides;
    const h = (0,headline/* headline */.Pl)(c, (s) => s, (s) => s, c.gate?.accept_label ?? 'eval-regression-accepted');
    return (0,redact/* redactDeep */.KL)({
        title: opts.title ?? 'evalgate trace viewer',
        headline: h,
        reasons: c.reasons ?? [],
        base: { sha: (0,format/* shortSha */.Fu)(c.base?.sha), ref: c.base?.ref },
        head: { sha: (0,format/* shortSha */.Fu)(c.head?.sha), ref: c.head?.ref },
        traceUrl: c.trace_url ?? base?.meta?.trace_url ?? head?.meta?.trace_url ?? null,
        labels: format/* LABEL_TEXT */.DZ,
        // Checks a reviewer may label for calibration (see labelable).
        judged: [...identity/* JUDGED_TYPES */.w],
        labelable: !!(base?.judged || head?.judged),
        labelOrder: format/* LABEL_ORDER */.gg,
        labelCounts: Object.fromEntries(format/* LABEL_ORDER */.gg.map((l) => [l, (0,format/* countOf */.pq)(c, l)])),
        kind: h.kind,
        usage: { base: usageShown(c.base, base?.usage), head: usageShown(c.head, head?.usage) },
        notReported: verdict_words/* NOT_REPORTED */.Yb,
        modes: (0,format/* sortModes */.bE)(c.modes ?? []).map((m) => ({
            mode: m.mode,
            severity: m.severity,
            blocking: m.blocking,
            base: [m.base.passes, m.base.trials, m.base.rate],
            head: [m.head.passes, m.head.trials, m.head.rate],
            effect: m.effect,
            ci: m.effect_ci,
            p: (0,format/* modeP */.uL)(m),
            verdict: m.verdict,
            // The comment's words and marks: a regression that does not block looks different.
            words: (0,verdict_words/* modeVerdictWords */.sJ)(m),
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
function caseEntry(k, br, hr) {
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
class Pool {
    values = [];
    seen = new Map();
    byJson = new Map();
    ref(v) {
        let i = this.seen.get(v);
        if (i !== undefined)
            return i;
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
    refs(a) {
        if (!Array.isArray(a) || !a.length)
            return undefined;
        for (const x of a)
            if (!x || typeof x !== 'object' || Array.isArray(x))
                return undefined;
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
function sideTraces(r, withInput, pool) {
    const text = [];
    const seen = new Map();
    const trials = (labelable(r) ?? []).map((tr) => {
        if (!tr || typeof tr !== 'object')
            return tr;
        const out = tr.trace?.output;
        let o;
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
        const trace = o === undefined && !rv
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
function labelable(r) {
    const trials = r?.trials;
    if (!Array.isArray(trials) || !trials.some(hasJudged))
        return trials;
    return trials.map((t) => t?.trace && !t.trace.error && hasJudged(t) ? { ...t, th: (0,identity/* traceHash */.wO)(r.input, t.trace) } : t);
}

;// CONCATENATED MODULE: ./build/report/viewer.js
/**
 * The HTML trace viewer: one self-contained file (inline CSS and JS, no network) with every case
 * of a comparison and, when the results are given, every trial's trace on both sides.
 *
 * Layout: the header data, then the case index in blocks of INDEX_CHUNK cases, then our script,
 * then each side's traces in blocks of TRACE_CHUNK cases (fewer when they are large), in the
 * order of that side's results file (the index says where each case's are), each block split in
 * two: the outputs (all the search reads) and the rest of the trials. The script runs when the
 * parser reaches it: the
 * first page of the list shows from the first index block while the browser still reads the
 * traces; a case's trace blocks are decoded when the case is opened, the output blocks one after
 * another when a search looks beyond the index. Large suites (more than COMPRESS_FROM cases)
 * store the blocks gzip-compressed: 100,000 cases come to tens of MB instead of hundreds
 * (docs/performance.md "Viewer").
 *
 * `writeViewerStream` reads each side's cases twice, one at a time (a first pass for the header
 * and the index, a second for the traces), and writes the file block by block: neither a
 * results file nor the viewer is ever whole in memory.
 *
 * Safety: data blocks cannot end their element (viewer-blocks.ts); the page script renders
 * with textContent only; and a CSP allows no network at all and only our own script (by hash),
 * so even an injected `<script>` would not run.
 */










/** Suites larger than this are written compressed (unless `compress` says otherwise). */
const COMPRESS_FROM = 1000;
/** Cases per index block when compressed (uncompressed, the index is one block). */
const INDEX_CHUNK = 2000;

function escapeHtml(s) {
    return (0,plain/* showControls */.mz)(s)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
const SCRIPT_HASH = `sha256-${(0,external_node_crypto_.createHash)('sha256').update(viewer_assets/* VIEWER_JS */.j, 'utf8').digest('base64')}`;
const CSP = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src '${SCRIPT_HASH}'`,
    "base-uri 'none'",
    "form-action 'none'",
].join('; ');
/** A side's first pass (see SideScanner), with the side's meta. */
function scanner(c, meta) {
    const listed = new Set((c.cases ?? []).map((k) => k.id));
    return Object.assign(new SideScanner(listed), { meta });
}
/**
 * The viewer's HTML up to its script: markup, and the header and the index as data blocks still
 * to be wrapped. The traces follow (TraceBlocks), then VIEWER_END.
 */
function* viewerStart(c, sides, opts) {
    const cases = sortedCases(c);
    const compress = compressed(c, opts);
    const indexChunk = compress ? INDEX_CHUNK : Math.max(1, cases.length);
    const header = {
        ...viewerHeader(c, sides, opts),
        indexChunk,
        // Per side, the first position of each trace block (a case's block is the last that starts
        // at or before its position) and the number of positions: the search reads every block.
        starts: { b: sides.base?.starts ?? [], h: sides.head?.starts ?? [] },
        entries: { b: sides.base?.at.size ?? 0, h: sides.head?.at.size ?? 0 },
    };
    yield [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${escapeHtml(header.title)}</title>`,
        `<style>${viewer_assets/* VIEWER_CSS */.d}</style>`,
        '</head>',
        '<body>',
        '<div id="app"></div>',
        '<noscript>This viewer needs JavaScript; the data is in the JSON blocks of this file' +
            (compress ? ' (gzip-compressed, base64).' : '.') +
            '</noscript>',
        `<script type="application/json" id="evalgate-data">${jsonForScript(header)}</script>`,
        '',
    ].join('\n');
    // The index comes before the script, so the script finds it whole; the traces after it, so
    // the list shows before the browser has read them.
    const b = sides.base?.at;
    const h = sides.head?.at;
    for (let start = 0, k = 0; start < cases.length; start += indexChunk, k++) {
        const part = cases.slice(start, start + indexChunk);
        yield block(`evalgate-i${k}`, part, (x) => caseEntry(x, b?.get(x.id), h?.get(x.id)), compress);
    }
    yield `<script>${viewer_assets/* VIEWER_JS */.j}</script>\n`;
}
const VIEWER_END = '</body>\n</html>\n';
const compressed = (c, opts) => opts.compress ?? (c.cases?.length ?? 0) > COMPRESS_FROM;
/**
 * One side's trace blocks, from its cases in the results' order (the second pass): per
 * TRACE_CHUNK cases or TRACE_CHARS characters of their text, whichever comes first, a block of
 * their outputs (`evalgate-<s>s<k>`, what the search reads) and a block of the rest of their
 * trials (`evalgate-<s>t<k>`: the block's pool, then one entry per case; see sideTraces). Fed
 * one case at a time.
 */
class TraceBlocks {
    part = [];
    pool = new Pool();
    written = 0;
    k = 0;
    key;
    scan;
    other;
    compress;
    constructor(key, scan, other, compress) {
        this.key = key;
        this.scan = scan;
        this.other = other;
        this.compress = compress;
    }
    add(c) {
        if (!this.scan.next(c, this.written))
            return [];
        // The blocks end where the first pass said (SideScanner.starts).
        const done = this.part.length && this.scan.starts[this.k + 1] === this.written ? this.flush() : [];
        this.written++;
        // The input once per case: on the head side, on the base side only for a removed case.
        const withInput = this.key === 'h' || !this.other?.at.has(c.id);
        this.part.push(sideTraces(c, withInput, this.pool));
        return done;
    }
    end() {
        if (this.written !== this.scan.at.size)
            throw new Error(`the ${this.key === 'b' ? 'base' : 'head'} results changed while the viewer was written`);
        return this.part.length ? this.flush() : [];
    }
    flush() {
        const part = this.part;
        const pool = this.pool.values;
        this.part = [];
        this.pool = new Pool();
        const k = this.k++;
        // The rest: the block's pool first, then the entries.
        return [
            block(`evalgate-${this.key}s${k}`, part, (x) => x.text, this.compress),
            block(`evalgate-${this.key}t${k}`, [pool, ...part.map((x) => x.rest)], (x) => x, this.compress),
        ];
    }
}
/** Reads a side's cases for the first pass; an unreadable side is dropped when `onUnreadable`. */
async function scanSide(c, name, s, onUnreadable) {
    if (!s)
        return undefined;
    const scan = scanner(c);
    try {
        for await (const k of s.cases())
            scan.add(k);
    }
    catch (err) {
        if (!onUnreadable)
            throw err;
        onUnreadable(name, err);
        return undefined;
    }
    scan.meta = s.meta;
    return scan;
}
/** A side held in memory as a ViewerSide (its cases are read twice, from the array). */
function resultsSide(r) {
    return r ? { cases: () => r.cases ?? [], meta: r.meta } : undefined;
}
/**
 * A side read from a results file, line by line, once per pass (src/run/results-stream.ts): no
 * more than one case of it is held at a time. Its meta is set by the first pass.
 */
function fileSide(path) {
    const s = {
        cases: () => (0,results_stream/* readCases */.k)(path, (head) => {
            s.meta = head.meta;
        }),
    };
    return s;
}
/** One self-contained HTML file showing every case; open it from disk or an artifact. */
function renderViewer(c, base, head, opts = {}) {
    const sides = {};
    for (const [name, r] of [
        ['base', base],
        ['head', head],
    ]) {
        if (!r)
            continue;
        const scan = scanner(c, r.meta);
        for (const k of r.cases ?? [])
            scan.add(k);
        sides[name] = scan;
    }
    const parts = [];
    for (const p of viewerStart(c, sides, opts))
        parts.push(typeof p === 'string' ? p : blockHtml(p));
    for (const [key, r] of [
        ['h', head],
        ['b', base],
    ]) {
        const scan = key === 'h' ? sides.head : sides.base;
        if (!r || !scan)
            continue;
        const blocks = new TraceBlocks(key, scan, key === 'h' ? sides.base : sides.head, compressed(c, opts));
        for (const k of r.cases ?? [])
            for (const b of blocks.add(k))
                parts.push(blockHtml(b));
        for (const b of blocks.end())
            parts.push(blockHtml(b));
    }
    parts.push(VIEWER_END);
    return parts.join('');
}
/**
 * Writes the viewer to `path` block by block (what the CLI and the action use: a 100,000-case
 * viewer is never one string in memory). Returns the bytes written. A thin wrapper of
 * writeViewerStream for results already in memory.
 */
function writeViewer(path, c, base, head, opts = {}) {
    return writeViewerStream(path, c, { base: resultsSide(base), head: resultsSide(head) }, opts);
}
/**
 * The viewer written from each side's cases as they come (fileSide: a results file read line by
 * line, twice), block by block, to a file or a stream (left open). Memory: the comparison, and
 * per side a position and trial counts per case; never a whole results file. Returns the bytes
 * written.
 */
async function writeViewerStream(out, c, sides, opts = {}) {
    const scanned = {
        base: await scanSide(c, 'base', sides.base, opts.onUnreadable),
        head: await scanSide(c, 'head', sides.head, opts.onUnreadable),
    };
    const stream = typeof out === 'string' ? (0,external_node_fs_.createWriteStream)(out) : out;
    // An error while we wait rejects the wait (events.once); one in between is thrown next write.
    let error;
    const onError = (err) => (error = err);
    stream.on('error', onError);
    let bytes = 0;
    const write = async (s) => {
        if (error)
            throw error;
        bytes += Buffer.byteLength(s);
        if (!stream.write(s))
            await (0,external_node_events_.once)(stream, 'drain');
    };
    const writeBlock = async (b) => {
        for await (const s of blockHtmlPieces(b))
            await write(s);
    };
    try {
        for (const p of viewerStart(c, scanned, opts)) {
            if (typeof p === 'string')
                await write(p);
            else
                await writeBlock(p);
        }
        for (const key of ['h', 'b']) {
            const side = key === 'h' ? sides.head : sides.base;
            const scan = key === 'h' ? scanned.head : scanned.base;
            if (!side || !scan)
                continue;
            const other = key === 'h' ? scanned.base : scanned.head;
            const blocks = new TraceBlocks(key, scan, other, compressed(c, opts));
            for await (const k of side.cases())
                for (const b of blocks.add(k))
                    await writeBlock(b);
            for (const b of blocks.end())
                await writeBlock(b);
        }
        await write(VIEWER_END);
        if (typeof out === 'string') {
            stream.end();
            await (0,external_node_events_.once)(stream, 'finish');
        }
    }
    finally {
        if (typeof out === 'string')
            stream.destroy();
        else
            stream.off('error', onError);
    }
    if (error)
        throw error;
    return bytes;
}


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
