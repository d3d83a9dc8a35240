export const id = 156;
export const ids = [156];
export const modules = {

/***/ 8156:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vQ: () => (/* reexport */ COMMENT_MAX),
  H7: () => (/* reexport */ DEFAULT_MARKER),
  r6: () => (/* reexport */ plainHeadline),
  renderComment: () => (/* reexport */ renderComment),
  renderSummary: () => (/* reexport */ renderSummary),
  renderTextReport: () => (/* reexport */ renderTextReport),
  renderViewer: () => (/* reexport */ renderViewer)
});

// UNUSED EXPORTS: SUMMARY_MAX, headline, redactDeep, redactSecrets, verdictKind

// EXTERNAL MODULE: ./build/types.js
var types = __webpack_require__(4853);
;// CONCATENATED MODULE: ./build/report/format.js

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
function format_int(n) {
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
    const i = types/* SEVERITIES */.o.indexOf(s);
    return i < 0 ? types/* SEVERITIES */.o.length : i;
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
    return `${format_int(n)} ${n === 1 ? one : many}`;
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
        : `${passing === 0 ? 'none' : format_int(passing)} of them passing on base`;
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
    return `${pct(r.rate)} (${format_int(r.passes)}/${format_int(r.trials)})`;
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
    let line = `Ran a sample: ${format_int(s.cases)} of ${plural(s.of, 'case')}`;
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
        return `${shown.join(', ')} and ${format_int(rest)} more`;
    if (shown.length <= 1)
        return shown.join('');
    return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
/** "head, case `x`, trial 2: crash: …" parts of a side's first error; `text` renders untrusted text. */
function firstErrorText(side, e, id, text) {
    return `first ${side} error (case ${id(e.case)}, trial ${e.trial + 1}, ${text(e.kind)}): ${text(e.message)}`;
}

// EXTERNAL MODULE: ./build/report/markdown.js
var markdown = __webpack_require__(4902);
;// CONCATENATED MODULE: ./build/report/comment/context.js

const DEFAULT_MARKER = '<!-- evalgate:comment -->';
const COMMENT_MAX = 65_000;
const SUMMARY_MAX = 1024 * 1024;
const COMMENT_TIERS = [
    {
        excerpt: { input: 400, output: 800, args: 200, tools: 8, retrieved: 10, turns: 10 },
        lists: true,
        listCap: 100,
        failureCap: 50,
        reasonMax: 300,
    },
    {
        excerpt: { input: 150, output: 300, args: 80, tools: 4, retrieved: 5, turns: 4 },
        lists: true,
        listCap: 50,
        failureCap: 50,
        reasonMax: 200,
        note: 'trace excerpts were trimmed',
    },
    {
        excerpt: null,
        lists: true,
        listCap: 30,
        failureCap: 50,
        reasonMax: 200,
        note: 'trace excerpts were left out',
    },
    {
        excerpt: null,
        lists: false,
        listCap: 0,
        failureCap: 50,
        reasonMax: 160,
        note: 'trace excerpts were left out and case lists were collapsed into counts',
    },
];
const SUMMARY_TIERS = [
    {
        excerpt: { input: 2000, output: 4000, args: 1000, tools: 20, retrieved: 20, turns: 20 },
        lists: true,
        listCap: 500,
        failureCap: 300,
        reasonMax: 1000,
    },
    ...COMMENT_TIERS.slice(1),
];
/**
 * A collapsed block in the comment; in the job summary, a heading and the content open. The
 * title is raw HTML inside `<summary>` (markdown escapes do not work there): `title` gets the
 * escaper for names (a code span of escaped HTML, or of markdown in the summary's heading).
 */
function collapsible(ctx, title, body) {
    if (ctx.summary)
        return [`#### ${title((s) => (0,markdown/* code */.aY)(s))}`, '', ...body].join('\n');
    const t = title((s) => `<code>${(0,markdown/* html */.qy)(s, 80)}</code>`);
    return [`<details><summary>${t}</summary>`, '', ...body, '', '</details>'].join('\n');
}

// EXTERNAL MODULE: ./build/report/redact.js
var redact = __webpack_require__(7234);
;// CONCATENATED MODULE: ./build/report/comment/links.js


/** A link built from untrusted text would carry a secret in it past the redaction: no link. */
const holdsSecret = (s) => (0,redact/* redactSecrets */.fp)(s) !== s;
/**
 * The viewer's address as given: an http(s) URL, or a plain relative path (`report.html`, for a
 * comment read next to the viewer file). Ours, not the PR's: still checked character by character.
 */
function viewerBase(ctx) {
    const v = ctx.o.viewerUrl;
    const abs = (0,markdown/* safeHref */.v7)(v);
    if (abs)
        return { href: abs.replace(/#.*$/, ''), artifact: false };
    if (v && /^[A-Za-z0-9_.-][A-Za-z0-9_./-]*$/.test(v) && !v.includes('..') && !v.includes('//'))
        return { href: v, artifact: false };
    const art = (0,markdown/* safeHref */.v7)(ctx.o.artifactUrl);
    return art ? { href: art.replace(/#.*$/, ''), artifact: true } : undefined;
}
/** `[viewer](…#case=<id>)`, or `[viewer artifact](…)` when only the artifact is known. */
function viewerLink(ctx, id) {
    const base = viewerBase(ctx);
    if (!base)
        return undefined;
    // The viewer's index is keyed by the redacted id as well.
    const href = `${base.href}#case=${(0,markdown/* urlPart */.fG)((0,redact/* redactSecrets */.fp)(id))}`;
    return `[${base.artifact ? 'viewer artifact' : 'viewer'}](${href})`;
}
/** The case's dataset line at that side's commit, with the suite's folder in the repository. */
function sourceLink(ctx, k, side) {
    const sha = side === 'head' ? ctx.headSha : ctx.baseSha;
    const repo = (0,markdown/* safeHref */.v7)(ctx.o.repoUrl);
    if (!repo || !sha || !k.source?.file || holdsSecret(k.source.file))
        return undefined;
    const dir = ctx.c.suite_dir ?? '';
    if (holdsSecret(dir))
        return undefined;
    const file = [dir, k.source.file].filter(Boolean).join('/');
    const line = Number.isInteger(k.source.line) && k.source.line > 0 ? `#L${k.source.line}` : '';
    return `${repo.replace(/\/+$/, '')}/blob/${(0,markdown/* urlPart */.fG)(sha)}/${(0,markdown/* urlPath */.Lx)((0,redact/* redactSecrets */.fp)(file))}${line}`;
}
/** The trace in the user's tracing tool, from the suite's `trace_url` template. */
function traceLink(ctx, traceId) {
    const tpl = ctx.c.trace_url;
    if (!tpl || !traceId)
        return undefined;
    return (0,markdown/* safeHref */.v7)((0,redact/* redactSecrets */.fp)(tpl.split('{trace_id}').join((0,markdown/* urlPart */.fG)((0,redact/* redactSecrets */.fp)(traceId)))));
}

;// CONCATENATED MODULE: ./build/report/comment/failures.js




const isFailure = (l) => l === 'new_failure' || l === 'suspected_new_failure';
function checkLine(f, max) {
    const label = f.name && f.name !== f.type ? `${(0,markdown/* code */.aY)(f.type)} ${(0,markdown/* inline */.mG)(f.name, 60)}` : (0,markdown/* code */.aY)(f.type);
    return `${label}: ${(0,markdown/* inline */.mG)(f.reason, max)}`;
}
/** One line of untrusted text: cleaned, newlines flattened. */
function line(v, max) {
    return (0,markdown/* clean */.uH)(v, max).replace(/\s+/g, ' ').trim();
}
function step(c, lim) {
    return `${line(c.name, 80)} ${line(c.arguments, lim.args)}`;
}
/** Where the head's trajectory leaves the base's, in words (names only: the steps show the args). */
function divergenceNote(d, baseCalls) {
    const base = d.base
        ? `base called ${line(d.base.name, 80)}`
        : `base stopped after ${plural(baseCalls, 'call')}`;
    const head = d.head ? `head called ${line(d.head.name, 80)}` : 'head stopped';
    const same = d.head && d.base && d.head.name === d.base.name;
    return `← head diverges here: ${base}, ${head}${same ? ' with other arguments' : ''}`;
}
/**
 * The trajectory as numbered steps, `1. lookup_order {"order_id":"A1"}`; with a divergence, the
 * head's first divergent step is marked and the base's trajectory follows.
 */
function trajectoryText(e, lim) {
    const out = [];
    const tools = e.tool_calls ?? [];
    const d = e.divergence;
    const baseCalls = e.base_tool_calls ?? [];
    if (!tools.length)
        out.push('tool calls: (none)');
    else {
        out.push(d ? 'tool calls (head):' : 'tool calls:');
        tools.slice(0, lim.tools).forEach((t, i) => {
            const mark = d && d.step === i ? `   ${divergenceNote(d, baseCalls.length)}` : '';
            out.push(`  ${i + 1}. ${step(t, lim)}${mark}`);
        });
        if (tools.length > lim.tools)
            out.push(`  …and ${tools.length - lim.tools} more`);
    }
    if (!d)
        return out;
    // The divergent step is not among the head's listed steps (it stopped, or it is further on).
    if (d.step >= Math.min(tools.length, lim.tools)) {
        const at = `  ${d.step + 1}. ${d.head ? step(d.head, lim) : '(no call)'}`;
        out.push(`${at}   ${divergenceNote(d, baseCalls.length)}`);
    }
    out.push('tool calls (base):');
    if (!baseCalls.length)
        out.push('  (none)');
    baseCalls.slice(0, lim.tools).forEach((t, i) => out.push(`  ${i + 1}. ${step(t, lim)}`));
    if (baseCalls.length > lim.tools)
        out.push(`  …and ${baseCalls.length - lim.tools} more`);
    return out;
}
function excerptText(e, lim) {
    const out = [];
    const turns = e.turns ?? [];
    if (turns.length) {
        // A conversation: its turns say what the input and output alone would not.
        out.push('conversation:');
        const shown = turns.slice(0, lim.turns);
        shown.forEach((t, i) => out.push(`  turn ${i + 1}: ${line(t.user, Math.min(lim.input, 200)) || '(empty)'} → ${line(t.output, Math.min(lim.output, 300)) || '(empty)'}`));
        if (turns.length > shown.length)
            out.push(`  …and ${turns.length - shown.length} more turns`);
        out.push('');
    }
    else {
        out.push('input:', (0,markdown/* clean */.uH)(e.input, lim.input) || '(empty)', '');
        out.push('output:', (0,markdown/* clean */.uH)(e.output, lim.output) || '(empty)', '');
    }
    out.push(...trajectoryText(e, lim));
    const docs = e.retrieved ?? [];
    const shown = docs.slice(0, lim.retrieved).map((d) => (0,markdown/* clean */.uH)(d, 120).replace(/\s+/g, ' '));
    out.push(`retrieved: ${shown.length ? shown.join(', ') : '(none)'}${docs.length > shown.length ? `, …and ${docs.length - shown.length} more` : ''}`);
    if (e.error)
        out.push('', `error: ${(0,markdown/* clean */.uH)(e.error, lim.output)}`);
    return out.join('\n');
}
/**
 * A side's failing checks of `mode` from its case-level representative trial: the fallback for
 * comparisons written before the per-mode trials (`head_trial`, `base_trial`) were recorded.
 */
function inMode(fs, mode) {
    return (fs ?? []).filter((f) => f.mode === mode);
}
/** "6 of 8 head trials fail `mode`:" with the failing checks of one of them. */
function modeStory(ctx, k, m) {
    const max = ctx.tier.reasonMax;
    const lines = [];
    const h = m.head;
    if (h) {
        const failed = Math.max(0, h.trials - h.passes);
        const checks = m.head_trial?.failing ?? inMode(k.head?.failing, m.mode);
        const head = `- head ✗ ${format_int(failed)} of ${plural(h.trials, 'head trial')} fail ${(0,markdown/* code */.aY)(m.mode)}`;
        if (!checks.length)
            lines.push(`${head}.`);
        else if (checks.length === 1)
            lines.push(`${head}: ${checkLine(checks[0], max)}`);
        else {
            lines.push(`${head}; in one of them:`);
            for (const f of checks.slice(0, 3))
                lines.push(`  - ${checkLine(f, max)}`);
            if (checks.length > 3)
                lines.push(`  - …and ${plural(checks.length - 3, 'more check')}`);
        }
        if (h.errors > 0)
            lines.push(`- head: ${plural(h.errors, 'trial')} errored`);
    }
    const b = m.base;
    if (b) {
        const failed = Math.max(0, b.trials - b.passes);
        const first = m.base_trial?.failing?.[0] ?? inMode(k.base?.failing, m.mode)[0];
        if (failed === 0)
            lines.push(`- base ✓ ${format_int(b.passes)} of ${plural(b.trials, 'base trial')} pass`);
        else
            lines.push(`- base: ${format_int(failed)} of ${plural(b.trials, 'base trial')} fail${first ? `: ${checkLine(first, max)}` : ''}`);
    }
    return lines;
}
/** The head-vs-base story of one new (or suspected) failure. */
function failureEntry(ctx, k) {
    const labelled = k.modes.filter((m) => isFailure(m.label));
    const modes = (labelled.length ? labelled : k.modes)
        .slice()
        .sort((a, b) => (ctx.modeRank.get(a.mode) ?? 98) - (ctx.modeRank.get(b.mode) ?? 98));
    const counts = modes
        .slice(0, 4)
        .map((m) => {
        const b = m.base ? `${m.base.passes}/${m.base.trials}` : '–';
        const h = m.head ? `${m.head.passes}/${m.head.trials}` : '–';
        return `${(0,markdown/* code */.aY)(m.mode)} ${b} → ${h}`;
    })
        .join(', ');
    const title = (0,markdown/* link */.nf)((0,markdown/* inline */.mG)(k.id, 120), sourceLink(ctx, k, 'head'));
    const lead = modes.find((m) => m.head_trial) ?? modes[0];
    const links = [
        (0,markdown/* link */.nf)('head trace', traceLink(ctx, lead?.head_trial?.trace_id ?? k.head?.trace_id)),
        (0,markdown/* link */.nf)('base trace', traceLink(ctx, lead?.base_trial?.trace_id ?? k.base?.trace_id)),
        viewerLink(ctx, k.id) ?? '',
    ].filter((s) => s.startsWith('['));
    const susp = k.label === 'suspected_new_failure' ? ' _(suspected)_' : '';
    const lines = [
        `**${title}**${susp} · ${counts}${links.length ? ' · ' + links.join(' · ') : ''}`,
        '',
    ];
    for (const m of modes.slice(0, 3))
        lines.push(...modeStory(ctx, k, m));
    if (modes.length > 3)
        lines.push(`- …and ${plural(modes.length - 3, 'more mode')}`);
    if (ctx.tier.excerpt && k.excerpt) {
        lines.push('', `<details><summary>Head trace excerpt: ${(0,markdown/* html */.qy)(k.id, 80)}${lead ? ` (fails <code>${(0,markdown/* html */.qy)(lead.mode, 60)}</code>)` : ''}</summary>`, '', (0,markdown/* fence */.EU)(excerptText(k.excerpt, ctx.tier.excerpt)), '', '</details>');
    }
    return lines.join('\n');
}
/** Worst (lowest) rank among a case's newly failing modes: blocking regressions first. */
function failureRank(ctx, k) {
    let best = 99;
    for (const m of k.modes) {
        if (!isFailure(m.label))
            continue;
        best = Math.min(best, ctx.modeRank.get(m.mode) ?? 98);
    }
    return best;
}
function sorted(ctx, label) {
    return ctx.c.cases
        .filter((k) => k.label === label)
        .sort((a, b) => failureRank(ctx, a) - failureRank(ctx, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
/** Entries up to the tier's cap and the size budget; the rest counted, pointing at the viewer. */
function entries(ctx, ks, budget) {
    const parts = [];
    let used = 0;
    let shown = 0;
    for (const k of ks.slice(0, ctx.tier.failureCap)) {
        const e = failureEntry(ctx, k);
        if (used + e.length + 2 > budget)
            break;
        parts.push(e);
        used += e.length + 2;
        shown++;
    }
    const left = ks.length - shown;
    if (left > 0) {
        const v = (0,markdown/* safeHref */.v7)(ctx.o.viewerUrl) ?? (0,markdown/* safeHref */.v7)(ctx.o.artifactUrl);
        parts.push(`…and ${format_int(left)} more not shown here: see the ${v ? `[trace viewer](${v})` : 'trace viewer'}${ctx.summary ? '' : ' or the job summary'}.`);
    }
    return { parts, used, left };
}
function newFailureSection(ctx, budget) {
    const confirmed = sorted(ctx, 'new_failure');
    const suspected = sorted(ctx, 'suspected_new_failure');
    const out = [];
    let left = 0;
    let room = budget;
    if (confirmed.length) {
        const heading = `### ${plural(confirmed.length, 'new failure')}`;
        const e = entries(ctx, confirmed, room - heading.length);
        out.push([heading, ...e.parts].join('\n\n'));
        room -= heading.length + e.used;
        left += e.left;
    }
    if (suspected.length) {
        // Collapsed already: no nested collapsed excerpts (the viewer link has the traces).
        const inner = ctx.summary ? ctx : { ...ctx, tier: { ...ctx.tier, excerpt: null } };
        const e = entries(inner, suspected, room - 400);
        left += e.left;
        out.push(collapsible(ctx, () => `${plural(suspected.length, 'suspected new failure')} (mostly failing on head, not confirmed: flips like these also happen by chance)`, [e.parts.join('\n\n')]));
    }
    return { text: out.join('\n\n'), left };
}

;// CONCATENATED MODULE: ./build/report/comment/footer.js
/** The comment's last lines: the run, viewer and artifact links, how to reproduce, the marker. */

function shellArg(s) {
    return /^[A-Za-z0-9_./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
/** A code span that its content cannot close (for commands built from refs). */
function codeSpanOf(s) {
    // Neutralised like everything else: a ref such as `@org/team` must not notify anyone, and
    // none can carry our hidden marker verbatim.
    const flat = (0,markdown/* neutralize */.YI)((0,markdown/* clean */.uH)(s, 300).replace(/\s+/g, ' ')).replace(/<!--/g, '<!\u200d--');
    let longest = 0;
    for (const m of flat.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    const ticks = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${flat.replace(/\|/g, '\\|')}${pad}${ticks}`;
}
function footer(ctx, marker) {
    const { o } = ctx;
    const links = [
        (0,markdown/* link */.nf)('Workflow run', o.runUrl),
        (0,markdown/* link */.nf)('Trace viewer', o.viewerUrl),
        (0,markdown/* link */.nf)('Artifact (results, comparison, viewer)', o.artifactUrl),
    ].filter((s) => s.startsWith('['));
    const lines = ['---', ''];
    if (links.length)
        lines.push(links.join(' · '), '');
    const baseRef = o.baseRef ?? ctx.c.base?.ref ?? '<base>';
    const headRef = o.headRef ?? ctx.c.head?.ref ?? '<head>';
    // Refs are attacker-chosen on a fork PR: quote them for the shell and keep the span closed.
    // `evalgate`, not `npx evalgate`: npx needs the package on the registry (README "Install").
    lines.push(`Reproduce locally: ${codeSpanOf(`evalgate pr --base ${shellArg(baseRef)} --head ${shellArg(headRef)}`)}`);
    if (ctx.c.verdict === 'block' && !ctx.c.accepted) {
        lines.push('', `If this change is intended, add the ${(0,markdown/* code */.aY)(ctx.acceptLabel, 100)} label to the pull request to accept it.`);
    }
    lines.push('', marker);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./build/report/cache-line.js
var cache_line = __webpack_require__(1904);
;// CONCATENATED MODULE: ./build/report/headline.js

function verdictKind(c) {
    if (c.verdict === 'error')
        return 'error';
    if (c.accepted)
        return 'accepted';
    return c.verdict === 'block' ? 'blocked' : 'passed';
}
function fell(m, name) {
    return `${name(m.mode)} fell from ${pct(m.base.rate)} to ${pct(m.head.rate)} (${changeWithCi(m)})`;
}
function rose(m, name) {
    return `${name(m.mode)} rose from ${pct(m.base.rate)} to ${pct(m.head.rate)}`;
}
/** "a", "a and b", "a, b and 3 more modes" */
function listModes(items, max = 2) {
    if (items.length <= max)
        return items.join(' and ');
    return `${items.slice(0, max).join(', ')} and ${plural(items.length - max, 'more mode')}`;
}
/**
 * Confirmed new failures only: unconfirmed flips ("suspected") are what chance alone produces on
 * an unchanged system, so they never reach the headline (the comment lists them collapsed).
 */
function failuresClause(c) {
    const nf = countOf(c, 'new_failure');
    return nf > 0 ? plural(nf, 'new failure') : '';
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
    return sortModes(c.modes ?? [])
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
            ? ` (${pct(share)} of head trials errored)`
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
    const regressed = blockingRegressions(c);
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
            ? `the sample (${plural(c.sample.cases, 'case')} of ${format_int(c.sample.of)}) is too small for the mode to block`
            : `the mode's test cannot decide with ${plural(first.mode.paired_cases, 'case')}, so it does not block`;
        const more = undecided.length > 1 ? ` (and in ${plural(undecided.length - 1, 'more blocking mode')})` : '';
        return {
            kind,
            icon: '⚠️',
            title: 'Passed, with a warning',
            text: `${plural(first.cases, 'confirmed new failure')} in ${name(first.mode.mode)} (${first.mode.severity})${more}: ${why}; look at ${first.cases === 1 ? 'it' : 'them'} before merging.`,
        };
    }
    // Passed: say the most useful true thing, and nothing when nothing happened.
    const modes = sortModes(c.modes);
    const minor = modes.filter((m) => m.verdict === 'regressed' && !m.blocking);
    const improved = modes.filter((m) => m.verdict === 'improved');
    const bits = [];
    if (minor.length) {
        bits.push(`no blocking failure mode regressed; ${listModes(minor.map((m) => fell(m, name)))} (not blocking)`);
    }
    else {
        bits.push(`no failure mode regressed (${plural(c.modes.length, 'mode')}, ${plural(c.head.counts?.cases ?? 0, 'case')})`);
    }
    if (improved.length)
        bits.push(listModes(improved.map((m) => rose(m, name))));
    const fixed = countOf(c, 'fixed');
    if (fixed)
        bits.push(`${plural(fixed, 'case')} fixed`);
    if (failures)
        bits.push(failures);
    return { kind, icon: '✅', title: 'Passed', text: bits.join('; ') + '.' };
}

;// CONCATENATED MODULE: ./build/report/comment/header.js
/**
 * The comment's first lines: the verdict sentence, which commits were compared, what a sample
 * can see, why the run errored (the first error message), and notes about the base and gate.
 */




function header(ctx) {
    const { c, o } = ctx;
    const h = headline(c, (s) => (0,markdown/* code */.aY)(s), (s) => (0,markdown/* inline */.mG)(s, 300), ctx.acceptLabel);
    const first = h.kind === 'accepted'
        ? `${h.icon} ${h.title}: ${h.text}`
        : `${h.icon} **${h.title}**: ${h.text}`;
    const side = (sha, ref) => {
        const s = shortSha(sha);
        const parts = [s ? (0,markdown/* code */.aY)(s) : '(unknown sha)'];
        if (ref)
            parts.push(`(${(0,markdown/* code */.aY)(ref, 120)})`);
        return parts.join(' ');
    };
    const cases = c.head?.counts?.cases ?? 0;
    const trials = c.head?.counts?.trials ?? 0;
    // The configured trials per case; the average would count adaptive re-runs as trials too.
    const per = c.head?.trials_per_case ?? (cases > 0 ? Math.round(trials / cases) : 0);
    let second = `Base ${side(ctx.baseSha, o.baseRef ?? c.base?.ref)} → head ${side(ctx.headSha, o.headRef ?? c.head?.ref)}`;
    if (cases)
        second += ` · ${plural(cases, 'case')}${per ? ` × ${plural(per, 'trial')}` : ''}`;
    if (c.stage2_modes?.length)
        second += `, ambiguous cases re-run for ${c.stage2_modes.map((m) => (0,markdown/* code */.aY)(m)).join(', ')}`;
    const saved = (0,cache_line/* cacheLine */.n)([c.base?.cache, c.head?.cache]);
    if (saved)
        second += ` · ${saved}`;
    const lines = [first, '', second];
    const sample = sampleLine(c, (s) => (0,markdown/* code */.aY)(s));
    if (sample)
        lines.push('', `🔎 ${sample}`);
    const removed = removedLine(c, 'by this PR');
    if (removed)
        lines.push('', `⚠️ ${removed}.`);
    if (c.verdict === 'error')
        lines.push(...errorLines(ctx));
    if (c.gate_note)
        lines.push('', `_${(0,markdown/* inline */.mG)(c.gate_note, 500)}_`);
    if (o.baselineNote)
        lines.push('', `_${(0,markdown/* inline */.mG)(o.baselineNote, 300)}_`);
    if (c.verdict === 'error' || ctx.summary) {
        // The comment's headline already gives the first reason.
        const reasons = (c.reasons ?? []).slice(ctx.summary ? 0 : 1, 20);
        if (reasons.length)
            lines.push('', ...reasons.map((r) => `- ${(0,markdown/* inline */.mG)(r, ctx.tier.reasonMax)}`));
    }
    return lines.join('\n');
}
/** The first error of each side that errored: the reason a reviewer can act on. */
function errorLines(ctx) {
    const out = [];
    for (const name of ['head', 'base']) {
        const e = ctx.c[name]?.first_error;
        if (!e)
            continue;
        const text = firstErrorText(name, e, (s) => (0,markdown/* code */.aY)(s, 120), (s) => (0,markdown/* inline */.mG)(s, ctx.tier.reasonMax));
        out.push('', `⚠️ ${text[0].toUpperCase()}${text.slice(1)}`);
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
;// CONCATENATED MODULE: ./build/report/rerun-note.js
/** `code` formats a mode name for the output (a Markdown code span, or the name as it is). */
function rerunNote(c, code) {
    const modes = c.stage2_modes ?? [];
    if (!modes.length)
        return undefined;
    const shown = modes.slice(0, 20).map(code).join(', ') + (modes.length > 20 ? ', …' : '');
    const cost = c.stage2;
    if (!cost)
        return `Re-ran ambiguous cases for ${shown}.`;
    const cases = `${cost.cases.toLocaleString('en-US')} ambiguous case${cost.cases === 1 ? '' : 's'}`;
    const budget = typeof c.gate?.rerun_budget === 'number'
        ? `budget +${Math.round(c.gate.rerun_budget * 100)}%`
        : '';
    const left = cost.deferred ? `${cost.deferred.toLocaleString('en-US')} more not re-run` : '';
    const paren = [budget, left].filter(Boolean).join('; ');
    return `Re-ran ${cases} for ${shown}: +${Math.round(cost.share * 100)}% trials${paren ? ` (${paren})` : ''}.`;
}

;// CONCATENATED MODULE: ./build/report/verdict-words.js
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


;// CONCATENATED MODULE: ./build/report/comment/modes.js
/**
 * The failure-mode table. Rows are for modes where something happened; the others are folded
 * into one collapsed line (docs/reports.md "The failure-mode table"), and the sample-size hints
 * of inconclusive modes are collapsed too.
 */






/** Rows beyond this are counted, not shown. */
const ROW_CAP = 200;
/** Modes in which some case is a new, suspected or fixed failure, or errored. */
function modesWithCaseChanges(ctx) {
    const out = new Set();
    for (const k of ctx.c.cases ?? []) {
        if (k.label === 'stable_pass' || k.label === 'stable_fail')
            continue;
        for (const m of k.modes ?? []) {
            if (m.label === 'new_failure' ||
                m.label === 'suspected_new_failure' ||
                m.label === 'fixed' ||
                m.label === 'errored')
                out.add(m.mode);
        }
    }
    return out;
}
/**
 * Folded: an unchanged mode, or an inconclusive one with nothing to see: no paired case, or a
 * change that rounds to 0 pts with no case newly failing, fixed or errored in it, and no errors.
 */
function folded(m, changed) {
    if (m.verdict === 'regressed' || m.verdict === 'improved')
        return false;
    if ((m.head?.errors ?? 0) > 0 || (m.base?.errors ?? 0) > 0)
        return false;
    if (changed.has(m.mode))
        return false;
    if (m.verdict === 'unchanged')
        return true;
    return !(m.paired_cases > 0) || Math.round(Math.abs(m.effect ?? 0) * 100) === 0;
}
function row(m) {
    // The verdict's words are shared with the text report and the viewer (verdict-words.ts); an
    // unknown verdict (a hand-edited comparison) is untrusted text.
    const words = modeVerdictCell(m);
    let verdict = words === String(m.verdict) ? (0,markdown/* inline */.mG)(m.verdict, 20) : words;
    // A regression demoted because it rests on uncalibrated judges says so where it is shown.
    if (m.demoted)
        verdict += `: ${(0,markdown/* inline */.mG)(m.demoted, 160)}`;
    return [
        (0,markdown/* code */.aY)(m.mode),
        (0,markdown/* code */.aY)(m.severity, 20),
        rateCell(m.base),
        rateCell(m.head),
        changeCell(m),
        m.paired_cases > 0 ? pValue(modeP(m)) : '–',
        verdict,
    ];
}
function table(rows) {
    return (0,markdown_table/* markdownTable */.Q)([
        ['Failure mode', 'Severity', 'Base', 'Head', 'Change (95% CI)', 'p (adj.)', 'Verdict'],
        ...rows,
    ], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'], alignDelimiters: false });
}
function modeSection(ctx) {
    const { c } = ctx;
    if (!c.modes?.length)
        return '_No failure modes were compared._';
    const modes = sortModes(c.modes);
    const changed = modesWithCaseChanges(ctx);
    const shown = modes.filter((m) => !folded(m, changed));
    const quiet = modes.filter((m) => folded(m, changed));
    const out = [];
    if (shown.length)
        out.push(table(shown.slice(0, ROW_CAP).map(row)));
    const notes = [];
    if (shown.length > ROW_CAP)
        notes.push(`- …and ${plural(shown.length - ROW_CAP, 'more mode')}, in the trace viewer.`);
    const rerun = rerunNote(c, (s) => (0,markdown/* code */.aY)(s));
    if (rerun)
        notes.push(`- ${rerun}`);
    notes.push(...judgeNotes(modes));
    if (notes.length)
        out.push(notes.join('\n'));
    if (quiet.length) {
        const title = (name) => {
            const names = quiet.slice(0, 30).map((m) => name(m.mode));
            if (quiet.length > 30)
                names.push(`…and ${quiet.length - 30} more`);
            const what = `unchanged or inconclusive with no change: ${names.join(', ')}`;
            return shown.length
                ? `${plural(quiet.length, 'more mode')} ${what}`
                : `All ${plural(quiet.length, 'mode')} ${what}`;
        };
        out.push(collapsible(ctx, title, [table(quiet.slice(0, ROW_CAP).map(row))]));
    }
    const hints = modes
        .slice(0, ROW_CAP)
        .filter((m) => m.verdict === 'inconclusive' && m.needed?.note)
        .map((m) => `- ${(0,markdown/* code */.aY)(m.mode)}: ${(0,markdown/* inline */.mG)(m.needed.note, ctx.tier.reasonMax)}`);
    if (hints.length) {
        out.push(collapsible(ctx, () => `What would decide the ${plural(hints.length, 'inconclusive mode')}`, hints));
    }
    return out.join('\n\n');
}
/** Modes with judges listed per mode in the notes; the rest are counted. */
const JUDGE_NOTE_CAP = 20;
/**
 * Per mode graded by judges: each judge's standing against human labels, so a reader knows
 * which judges may block (docs/reports.md "Judges and calibration").
 */
function judgeNotes(modes) {
    const judged = modes.filter((m) => m.judges?.length);
    const lines = judged.slice(0, JUDGE_NOTE_CAP).map((m) => {
        const judges = m
            .judges.slice(0, 5)
            .map((j) => `${(0,markdown/* inline */.mG)(j.title, 60)}: ${(0,markdown/* inline */.mG)(j.note, 120)}`);
        if (m.judges.length > 5)
            judges.push(`and ${m.judges.length - 5} more`);
        const tail = m.demoted
            ? '; its regression rests on uncalibrated judges and does not block'
            : m.judges.some((j) => !j.calibrated)
                ? '; failures of uncalibrated judges cannot block'
                : '';
        return `- Judges of ${(0,markdown/* code */.aY)(m.mode)}: ${judges.join('; ')}${tail}.`;
    });
    if (judged.length > JUDGE_NOTE_CAP)
        lines.push(`- …and ${plural(judged.length - JUDGE_NOTE_CAP, 'more mode')} graded by judges.`);
    return lines;
}

;// CONCATENATED MODULE: ./build/report/comment/others.js




const OTHER_LABELS = ['fixed', 'flaky', 'added', 'removed', 'errored', 'not_run'];
function listItem(ctx, k, label) {
    const src = label === 'removed' ? sourceLink(ctx, k, 'base') : sourceLink(ctx, k, 'head');
    const parts = [(0,markdown/* link */.nf)((0,markdown/* inline */.mG)(k.id, 120), src)];
    const ms_ = k.modes.filter((m) => m.label === label);
    const shown = (ms_.length ? ms_ : k.modes).slice(0, 3);
    const frac = (s) => (s ? `${s.passes}/${s.trials}` : '–');
    if (label === 'errored') {
        parts.push(`errored: base ${k.base ? `${k.base.errors}/${k.base.trials + k.base.errors}` : '–'}, head ${k.head ? `${k.head.errors}/${k.head.trials + k.head.errors}` : '–'}`);
        const why = k.excerpt?.error ?? k.head?.failing?.[0]?.reason;
        if (why)
            parts.push((0,markdown/* inline */.mG)(why, Math.min(ctx.tier.reasonMax, 160)));
    }
    else if (label === 'added') {
        parts.push(`new case, head ${frac(k.head)} passed`);
    }
    else if (label === 'removed') {
        const failing = k.base && k.base.passes < k.base.trials;
        parts.push(`base ${frac(k.base)} passed${failing ? ' ⚠️ was failing' : ''}`);
    }
    else if (shown.length) {
        parts.push(shown.map((m) => `${(0,markdown/* code */.aY)(m.mode)} ${frac(m.base)} → ${frac(m.head)}`).join(', '));
    }
    const v = viewerLink(ctx, k.id);
    if (v)
        parts.push(v);
    return `- ${parts.join(' · ')}`;
}
/** The largest fall in pass rate, base to head, over a case's modes (0 when none fell). */
function worstDrop(k) {
    let worst = 0;
    for (const m of k.modes) {
        if (!m.base?.trials || !m.head?.trials)
            continue;
        worst = Math.max(worst, m.base.passes / m.base.trials - m.head.passes / m.head.trials);
    }
    return worst;
}
function otherLists(ctx) {
    const { c } = ctx;
    const counts = OTHER_LABELS.map((l) => [l, countOf(c, l)]).filter(([, n]) => n > 0);
    if (!counts.length)
        return '';
    const lines = [
        `**Other changes**: ${counts.map(([l, n]) => `${format_int(n)} ${LABEL_TEXT[l]}`).join(' · ')}`,
    ];
    const removedFailing = c.cases.filter((k) => k.label === 'removed' && k.base && k.base.passes < k.base.trials).length;
    if (removedFailing) {
        lines.push('', `⚠️ ${plural(removedFailing, 'removed case')} ${removedFailing === 1 ? 'was' : 'were'} failing on base: deleting failing cases makes a change look better than it is.`);
    }
    if (!ctx.tier.lists) {
        const v = (0,markdown/* safeHref */.v7)(ctx.o.viewerUrl);
        lines.push('', `The case lists are in the ${v ? `[trace viewer](${v})` : 'trace viewer'}${ctx.summary ? '' : ' and the job summary'}.`);
        return lines.join('\n');
    }
    for (const [label] of counts) {
        // Flaky cases that got worse on head first (the ones a reviewer should look at), then by id.
        const drop = (k) => (label === 'flaky' ? worstDrop(k) : 0);
        const ks = c.cases
            .filter((k) => k.label === label)
            .sort((a, b) => drop(b) - drop(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        if (!ks.length)
            continue;
        const shown = ks.slice(0, ctx.tier.listCap).map((k) => listItem(ctx, k, label));
        if (ks.length > ctx.tier.listCap) {
            const v = (0,markdown/* safeHref */.v7)(ctx.o.viewerUrl);
            shown.push(`- …and ${format_int(ks.length - ctx.tier.listCap)} more${v ? ` in the [trace viewer](${v})` : ''}`);
        }
        const title = `${LABEL_TEXT[label][0].toUpperCase()}${LABEL_TEXT[label].slice(1)} (${format_int(ks.length)})`;
        lines.push('', collapsible(ctx, () => title, shown));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./build/report/comment/usage.js
/**
 * Cost and latency, base vs head. A value no trace reported reads "not reported": absent is not
 * zero (a target that reports no usage must not look free and instant).
 *
 * The judge's cost is its own row (the system's cost is what the change under review spends; the
 * judge's is what evaluating it spends); model-call retries get a row when any call was retried;
 * the cost per failure mode is a collapsed table, since modes overlap and do not add up.
 */





const usage_finite = (n) => typeof n === 'number' && Number.isFinite(n);
function diff(b, h, f) {
    if (!usage_finite(b) || !usage_finite(h))
        return '–';
    const d = h - b;
    const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
    const rel = relChange(b, h);
    return `${sign}${f(Math.abs(d))}${rel ? ` (${rel})` : ''}`;
}
/** "$0.12 (judge $0.01)": a side's cost of a mode, the judge's share apart when it graded. */
function modeCell(side, judged) {
    const total = (usage_finite(side.system) ? side.system : 0) + (usage_finite(side.judge) ? side.judge : 0);
    return judged ? `${usd(total)} (judge ${usd(side.judge)})` : usd(total);
}
/** The collapsed per-mode cost table; none when no mode has a cost. */
function modeCosts(ctx) {
    const modes = (ctx.c.modes ?? []).filter((m) => m.cost_usd);
    if (modes.length === 0)
        return '';
    const sum = (s) => (s.system || 0) + (s.judge || 0);
    const rows = modes.map((m) => {
        const k = m.cost_usd;
        // The judge's share is shown for the modes it graded.
        const judged = k.base.judge > 0 || k.head.judge > 0;
        return [
            (0,markdown/* code */.aY)(m.mode),
            modeCell(k.base, judged),
            modeCell(k.head, judged),
            diff(sum(k.base), sum(k.head), usd),
        ];
    });
    const table = (0,markdown_table/* markdownTable */.Q)([['Mode', 'Base', 'Head', 'Change'], ...rows], {
        align: ['l', 'r', 'r', 'r'],
        alignDelimiters: false,
    });
    return collapsible(ctx, () => 'Cost per failure mode', [
        table,
        '',
        "A mode's cost is the system's cost of the trials of the cases it guards, plus the judge's cost of its own checks; a case guarding two modes counts in both, so the modes do not add up to the total.",
    ]);
}
function usageSection(ctx) {
    const { base, head } = ctx.c;
    if (!base || !head)
        return '';
    const shown = (v, f) => usage_finite(v) ? f(v) : NOT_REPORTED;
    const row = (label, b, h, f) => [label, shown(b, f), shown(h, f), diff(b, h, f)];
    const judged = !!(base.judge_usage || head.judge_usage);
    const rows = [
        row(judged ? 'Cost (system)' : 'Cost', base.usage?.cost_usd, head.usage?.cost_usd, usd),
    ];
    // A side that graded nothing spent nothing on the judge: $0, not "not reported".
    if (judged)
        rows.push(row('Cost (judge)', base.judge_usage?.cost_usd ?? 0, head.judge_usage?.cost_usd ?? 0, usd));
    rows.push(row('Input tokens', base.usage?.input_tokens, head.usage?.input_tokens, format_int), row('Output tokens', base.usage?.output_tokens, head.usage?.output_tokens, format_int), row('Latency p50', base.latency_ms?.p50, head.latency_ms?.p50, ms), row('Latency p95', base.latency_ms?.p95, head.latency_ms?.p95, ms), [
        'Errored trials',
        `${format_int(base.counts?.error)} of ${format_int(base.counts?.trials)}`,
        `${format_int(head.counts?.error)} of ${format_int(head.counts?.trials)}`,
        diff(base.counts?.error, head.counts?.error, format_int),
    ]);
    // Retries are counted only when any happened: the run records none otherwise.
    if (usage_finite(base.retries) || usage_finite(head.retries))
        rows.push(row('Retried model calls', base.retries ?? 0, head.retries ?? 0, format_int));
    const table = (0,markdown_table/* markdownTable */.Q)([['', 'Base', 'Head', 'Change'], ...rows], {
        align: ['l', 'r', 'r', 'r'],
        alignDelimiters: false,
    });
    // An error verdict shows the first errors in the first lines already.
    const errors = ctx.c.verdict === 'error' ? [] : errorLines(ctx);
    const perMode = modeCosts(ctx);
    return [
        `### Cost and latency\n\n${table}`,
        ...(errors.length ? [errors.join('\n')] : []),
        ...(perMode ? ['', perMode] : []),
    ].join('\n');
}

;// CONCATENATED MODULE: ./build/report/comment.js









function render(c, o, summary) {
    const maxLength = Math.max(2000, o.maxLength ?? (summary ? SUMMARY_MAX : COMMENT_MAX));
    const marker = o.marker ?? DEFAULT_MARKER;
    const tiers = summary ? SUMMARY_TIERS : COMMENT_TIERS;
    const modeRank = new Map(sortModes(c.modes ?? []).map((m, i) => [m.mode, i]));
    let out = '';
    for (let t = 0; t < tiers.length; t++) {
        const tier = tiers[t];
        const ctx = {
            c,
            o,
            tier,
            summary,
            headSha: o.headSha ?? c.head?.sha,
            baseSha: o.baseSha ?? c.base?.sha,
            acceptLabel: o.acceptLabel ?? c.gate?.accept_label ?? 'eval-regression-accepted',
            modeRank,
        };
        const limitNote = summary ? 'job summary size limit' : 'comment size limit';
        const note = tier.note
            ? `> **Shortened** to fit the ${limitNote}: ${tier.note}. The trace viewer has every case.`
            : '';
        const fixed = [header(ctx), note, `### Failure modes\n\n${modeSection(ctx)}`];
        const rest = [otherLists(ctx), usageSection(ctx), footer(ctx, marker)];
        const fixedLen = fixed.concat(rest).reduce((n, s) => n + s.length + 2, 0);
        const last = t === tiers.length - 1;
        const budget = last ? maxLength - fixedLen - 300 : Infinity;
        const nf = newFailureSection(ctx, budget);
        out = [...fixed, nf.text, ...rest].filter(Boolean).join('\n\n') + '\n';
        if (out.length <= maxLength)
            return out;
        if (last) {
            // Still too long (thousands of modes or reasons): cut the body at a line, keep the footer.
            const tail = `\n\n> **Cut** at the size limit; the trace viewer has the full report.\n\n${footer(ctx, marker)}\n`;
            const body = out.slice(0, Math.max(0, maxLength - tail.length));
            return body.slice(0, body.lastIndexOf('\n') + 1) + tail;
        }
    }
    return out;
}
/** The sticky PR comment: under `maxLength` (default 65,000) characters whatever the suite size. */
function renderComment(c, opts = {}) {
    return render(c, opts, false);
}
/** The job summary: the same report, fuller (lists open, longer excerpts), up to 1 MiB. */
function renderSummary(c, opts = {}) {
    return render(c, { marker: '', ...opts }, true);
}

;// CONCATENATED MODULE: ./build/report/text.js
/**
 * The plain-text report the CLI prints: verdict, per-mode table with aligned columns, new
 * failures with their reasons. Untrusted text is cleaned of control characters (an ESC in a
 * model output must not drive the terminal), flattened to one line and cut.
 */





function one(v, max) {
    return (0,markdown/* clean */.uH)(v, max).replace(/\s+/g, ' ').trim();
}
/** Display width: wide (emoji, CJK) characters count 2 so columns line up in a terminal. */
function width(s) {
    let w = 0;
    for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x300 && cp <= 0x36f))
            continue;
        w +=
            cp >= 0x1100 &&
                (cp <= 0x115f ||
                    (cp >= 0x2e80 && cp <= 0xa4cf) ||
                    (cp >= 0xac00 && cp <= 0xd7a3) ||
                    (cp >= 0xf900 && cp <= 0xfaff) ||
                    (cp >= 0xfe30 && cp <= 0xfe4f) ||
                    (cp >= 0xff00 && cp <= 0xff60) ||
                    (cp >= 0x1f300 && cp <= 0x1faff) ||
                    cp >= 0x20000)
                ? 2
                : 1;
    }
    return w;
}
function pad(s, w, right = false) {
    const fill = ' '.repeat(Math.max(0, w - width(s)));
    return right ? fill + s : s + fill;
}
/** Rows of cells -> aligned lines; `right[i]` right-aligns column i. */
function alignColumns(rows, right = []) {
    const widths = [];
    for (const r of rows)
        r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
    const lines = rows.map((r) => r
        .map((c, i) => pad(c, widths[i], right[i]))
        .join('  ')
        .trimEnd());
    lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
    return lines;
}
/** Comparisons written before per-mode trials: the case's representative trial, this mode's checks. */
function text_inMode(fs, mode) {
    return (fs ?? []).filter((f) => f.mode === mode);
}
function failureLines(k) {
    const modes = k.modes.filter((m) => m.label === 'new_failure' || m.label === 'suspected_new_failure');
    const where = k.source ? ` (${one(k.source.file, 200)}:${k.source.line})` : '';
    const counts = modes.map((m) => `${one(m.mode, 60)} ${m.base ? `${m.base.passes}/${m.base.trials}` : '-'} -> ${m.head ? `${m.head.passes}/${m.head.trials}` : '-'}`);
    const out = [
        `  ${k.label === 'suspected_new_failure' ? '?' : 'x'} ${one(k.id, 120)}${where}  ${counts.join(', ')}`,
    ];
    // Per listed mode: how many head trials fail it, and the failing checks of one that does.
    for (const m of modes.slice(0, 3)) {
        if (m.head) {
            const failed = Math.max(0, m.head.trials - m.head.passes);
            out.push(`      head: ${failed} of ${m.head.trials} trials fail ${one(m.mode, 60)}`);
            const fails = m.head_trial?.failing ?? text_inMode(k.head?.failing, m.mode);
            for (const f of fails.slice(0, 3))
                out.push(`        ${one(f.type, 40)}: ${one(f.reason, 200)}`);
        }
        if (m.base) {
            const failed = Math.max(0, m.base.trials - m.base.passes);
            const f = m.base_trial?.failing?.[0] ?? text_inMode(k.base?.failing, m.mode)[0];
            out.push(failed === 0
                ? `      base: ${m.base.passes} of ${m.base.trials} trials pass`
                : `      base: ${failed} of ${m.base.trials} trials fail${f ? `: ${one(f.type, 40)}: ${one(f.reason, 200)}` : ''}`);
        }
    }
    out.push(...trajectoryLines(k));
    return out;
}
/** Names only, `a -> b -> c`, at most 8 steps. */
function names(calls) {
    const shown = calls.slice(0, 8).map((c) => one(c.name, 40));
    return ((shown.join(' -> ') || '(none)') + (calls.length > 8 ? ` -> ...${calls.length - 8} more` : ''));
}
/** For a head whose tool calls left the base's: both trajectories and the first divergent step. */
function trajectoryLines(k) {
    const e = k.excerpt;
    const d = e?.divergence;
    if (!e || !d)
        return [];
    const call = (c, side) => c ? `${side} called ${one(c.name, 40)} ${one(c.arguments, 120)}` : `${side} made no call`;
    return [
        `      trajectory: head ${names(e.tool_calls ?? [])}; base ${names(e.base_tool_calls ?? [])}`,
        `      diverges at step ${d.step + 1}: ${call(d.base, 'base')}, ${call(d.head, 'head')}`,
    ];
}
/**
 * The verdict as one line of plain text, for a check run's title, a commit status and the log:
 * names and reasons cleaned (controls shown, secrets redacted) and flattened.
 */
function plainHeadline(c) {
    return headline(c, (s) => one(s, 80), (s) => one(s, 300), one(c.gate?.accept_label ?? 'eval-regression-accepted', 80));
}
function renderTextReport(c) {
    const acceptLabel = c.gate?.accept_label ?? 'eval-regression-accepted';
    const h = headline(c, (s) => one(s, 80), (s) => one(s, 300), acceptLabel);
    const title = h.kind === 'accepted' ? 'ACCEPTED' : h.title.toUpperCase(); // INTERRUPTED is an error too
    const lines = [`${title}: ${h.text}`];
    const side = (s) => `${shortSha(s?.sha) ?? '(unknown)'}${s?.ref ? ` (${one(s.ref, 80)})` : ''}`;
    lines.push(`base ${side(c.base)} -> head ${side(c.head)}`);
    const saved = (0,cache_line/* cacheLine */.n)([c.base?.cache, c.head?.cache]);
    if (saved)
        lines.push(`Trace cache: ${saved}`);
    const sample = sampleLine(c, (s) => one(s, 60));
    if (sample)
        lines.push(sample);
    const removed = removedLine(c, 'from head');
    if (removed)
        lines.push(`! ${removed}`);
    if (c.gate_note)
        lines.push(one(c.gate_note, 500));
    lines.push('');
    if (c.verdict === 'error')
        for (const r of c.reasons ?? [])
            lines.push(`  ! ${one(r, 300)}`);
    // Why trials errored: the first error of each side, whatever the verdict.
    for (const name of ['head', 'base']) {
        const e = c[name]?.first_error;
        if (e)
            lines.push(`  ! ${firstErrorText(name, e, (s) => one(s, 120), (s) => one(s, 300))}`);
    }
    if (c.verdict === 'error' || c.base?.first_error || c.head?.first_error)
        lines.push('');
    const modes = sortModes(c.modes ?? []);
    if (modes.length) {
        const rows = [['mode', 'severity', 'base', 'head', 'change (95% CI)', 'p (adj.)', 'verdict']];
        for (const m of modes) {
            rows.push([
                one(m.mode, 40),
                one(m.severity, 10),
                rateCell(m.base),
                rateCell(m.head),
                changeCell(m),
                m.paired_cases > 0 ? pValue(modeP(m)) : '-',
                one(modeVerdictWords(m).text, 30),
            ]);
        }
        lines.push(...alignColumns(rows, [false, false, true, true, true, true, false]), '');
    }
    const byId = (a, b) => (a.id < b.id ? -1 : 1);
    const cap = 50;
    const confirmed = c.cases.filter((k) => k.label === 'new_failure').sort(byId);
    const suspected = c.cases.filter((k) => k.label === 'suspected_new_failure').sort(byId);
    if (confirmed.length) {
        lines.push(`New failures: ${confirmed.length}`);
        for (const k of confirmed.slice(0, cap))
            lines.push(...failureLines(k));
        if (confirmed.length > cap)
            lines.push(`  ...and ${plural(confirmed.length - cap, 'more')} (see the HTML viewer)`);
        lines.push('');
    }
    if (suspected.length) {
        // Unconfirmed flips: chance produces them on an unchanged system too.
        lines.push(`Suspected new failures (not confirmed): ${suspected.length}`);
        for (const k of suspected.slice(0, cap))
            lines.push(...failureLines(k));
        if (suspected.length > cap)
            lines.push(`  ...and ${plural(suspected.length - cap, 'more')} (see the HTML viewer)`);
        lines.push('');
    }
    const others = ['fixed', 'flaky', 'added', 'removed', 'errored', 'not_run']
        .map((l) => [l, countOf(c, l)])
        .filter(([, n]) => n > 0)
        .map(([l, n]) => `${format_int(n)} ${LABEL_TEXT[l]}`);
    if (others.length)
        lines.push(`Other: ${others.join(', ')}`);
    if (c.base && c.head) {
        // Absent is not zero: a value no trace reported reads "not reported".
        const shown = (v, f) => typeof v === 'number' && Number.isFinite(v) ? f(v) : NOT_REPORTED;
        const tokens = (u) => typeof u?.input_tokens === 'number' || typeof u?.output_tokens === 'number'
            ? (u.input_tokens ?? 0) + (u.output_tokens ?? 0)
            : undefined;
        const pair = (b, h, f) => `${shown(b, f)} -> ${shown(h, f)}`;
        lines.push(`Cost: ${pair(c.base.usage?.cost_usd, c.head.usage?.cost_usd, usd)}; tokens: ${pair(tokens(c.base.usage), tokens(c.head.usage), format_int)}; latency p50 ${pair(c.base.latency_ms?.p50, c.head.latency_ms?.p50, ms)}, p95 ${pair(c.base.latency_ms?.p95, c.head.latency_ms?.p95, ms)}`);
        // The judge's cost apart from the system's; a side that graded nothing spent $0 on it.
        if (c.base.judge_usage || c.head.judge_usage)
            lines.push(`Judge cost: ${usd(c.base.judge_usage?.cost_usd ?? 0)} -> ${usd(c.head.judge_usage?.cost_usd ?? 0)}; judge tokens: ${pair(tokens(c.base.judge_usage) ?? 0, tokens(c.head.judge_usage) ?? 0, format_int)}`);
        if (c.base.retries || c.head.retries)
            lines.push(`Retried model calls: ${format_int(c.base.retries ?? 0)} -> ${format_int(c.head.retries ?? 0)}`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./build/calibrate/identity.js
var identity = __webpack_require__(4474);
// EXTERNAL MODULE: ./build/report/plain.js
var plain = __webpack_require__(2071);
;// CONCATENATED MODULE: ./build/report/viewer-assets.js
/**
 * The viewer's inline stylesheet and script. Kept as plain strings (not bundled code) so the
 * file is the same wherever it is produced and the CSP hash of the script is stable.
 *
 * The script reads the JSON data block and builds the page with createElement/textContent only:
 * no innerHTML, no string-built HTML, so a `<script>` in a model output is just text. Links from
 * data (trace_url) are accepted only as http(s).
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
const VIEWER_JS = String.raw `
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('evalgate-data').textContent);
  var PAGE = 100;
  var LABELS = D.labels;
  var state = { mode: '', label: '', q: '', page: 0, open: {} };
  var filtered = [];
  var hay = null;
  var traceCache = {};

  // A case's traces live in their own JSON block, parsed the first time the case is opened.
  function traces(i) {
    if (traceCache[i]) return traceCache[i];
    var node = document.getElementById('evalgate-t' + i);
    if (!node) return null;
    try { traceCache[i] = JSON.parse(node.textContent); } catch (e) { traceCache[i] = { b: [], h: [] }; }
    return traceCache[i];
  }

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
    ' → head ' + (D.head.sha || '?') + (D.head.ref ? ' (' + D.head.ref + ')' : '') + ' · ' + D.cases.length + ' cases'));
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
    if (!hay) hay = new Array(D.cases.length);
    if (hay[i] === undefined) {
      var c = D.cases[i], parts = [c.id, c.tags.join(' '), c.src || '', c.snip || ''];
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
  function applyFilters() {
    filtered = [];
    var q = state.q.toLowerCase();
    for (var i = 0; i < D.cases.length; i++) {
      var l = labelOf(D.cases[i]);
      if (l === null) continue;
      if (state.label && l !== state.label) continue;
      if (q && haystack(i).indexOf(q) < 0) continue;
      filtered.push(i);
    }
  }

  // ---- case rows and details ------------------------------------------------------------------
  function badge(l) { return el('span', 'badge l-' + l, LABELS[l] || l); }
  function row(i) {
    var c = D.cases[i];
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
    var c = D.cases[i];
    var T = traces(i) || { b: [], h: [] };
    var d = el('div', 'detail');
    var kv = el('div', 'kv');
    if (c.src) add(kv, el('span', 'mono', c.src));
    if (c.tags.length) add(kv, el('span', null, 'tags: ' + c.tags.join(', ')));
    if (c.changed) add(kv, el('span', 's-error', 'case edited between base and head'));
    c.modes.forEach(function (m) { add(kv, el('span', null, m.mode + ': '), badge(m.label)); });
    d.appendChild(kv);
    var input = T.input !== undefined ? T.input : c.excerpt && c.excerpt.input;
    if (input !== undefined && input !== null) d.appendChild(field('Input', txt(input)));
    var traj = trajectoryView(c);
    if (traj) d.appendChild(traj);
    add(d, add(el('div', 'sides'), sideView('Base', c.b, T.b, c), sideView('Head', c.h, T.h, c)));
    return d;
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
    if (!filtered.length) list.appendChild(el('p', 'muted', 'No case matches these filters.'));
    count.textContent = 'Showing ' + (filtered.length ? start + 1 : 0) + '–' + end + ' of ' + filtered.length + ' cases' +
      (filtered.length !== D.cases.length ? ' (' + D.cases.length + ' in total)' : '');
    pageInfo.textContent = 'Page ' + (state.page + 1) + ' of ' + pages;
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }
  function refilter() { applyFilters(); state.page = 0; render(); }
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
  function openFromHash() {
    var m = /^#case=(.*)$/.exec(location.hash);
    if (!m) return;
    var id;
    try { id = decodeURIComponent(m[1]); } catch (e) { return; }
    var i = D.index[wellFormed(id)];
    if (i === undefined) return;
    var pos = filtered.indexOf(i);
    if (pos < 0) {
      state.mode = ''; state.label = ''; state.q = '';
      modeSel.value = ''; labelSel.value = ''; search.value = '';
      applyFilters();
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
  }
  window.addEventListener('hashchange', openFromHash);

  applyFilters();
  render();
  document.body.setAttribute('data-listed', '1');
  // The trace blocks follow this script: a deep link opens its case once they are parsed.
  function ready() { openFromHash(); document.body.setAttribute('data-ready', '1'); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
`;

;// CONCATENATED MODULE: ./build/report/viewer.js
/**
 * The HTML trace viewer: one self-contained file (inline CSS and JS, no network) with every case
 * of a comparison and, when the results are given, every trial's trace on both sides.
 *
 * Safety: the data is embedded as JSON in a `<script type="application/json">` block with `<`,
 * `>` and `&` escaped as \u003c etc., so no string in it can end the block; the page script
 * renders it with textContent only; and a CSP allows no network at all and only our own script
 * (by hash), so even an injected `<script>` would not run.
 */








function frac(s) {
    return s ? [s.passes, s.trials, s.errors] : null;
}
/** One side of a case as listed: counts and failing checks (light; the traces are apart). */
function side(k, r) {
    if (!k && !r)
        return null;
    const runs = r?.trials ?? [];
    return {
        passes: k?.passes ?? runs.filter((t) => t.status === 'pass').length,
        n: k?.trials ?? runs.length,
        errors: k?.errors ?? runs.filter((t) => t.status === 'error').length,
        failing: k?.failing ?? [],
        ref: k?.trial_ref ?? 0,
        /** Trials with traces on this side (0 when the results were not given). */
        runs: runs.length,
    };
}
/** A short piece of the representative output, so search covers outputs without the traces. */
function snippet(r, ref) {
    const t = r?.trials?.[ref ?? 0] ?? r?.trials?.[0];
    const out = t?.trace?.output;
    return typeof out === 'string' ? out.slice(0, 400) : '';
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const USAGE_FIELDS = ['input_tokens', 'output_tokens', 'cost_usd'];
const viewer_finite = (v) => typeof v === 'number' && Number.isFinite(v);
/** Nearest-rank percentile of sorted values. */
function percentile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
/**
 * A side's cost, tokens and latency as the page shows them. Absent is not zero: a value no trace
 * reported reads "not reported". With the side's results at hand, the traces say what was
 * reported (the comparison's totals win when positive: they count the judge too); without them,
 * the comparison's own fields (absent when nothing was reported).
 */
function sideUsage(side, r) {
    const summary = (side?.usage ?? {});
    const totals = {};
    let latencies;
    if (r) {
        const sums = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
        const seen = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
        const lat = [];
        for (const c of r.cases ?? []) {
            for (const t of Array.isArray(c.trials) ? c.trials : []) {
                const u = t?.trace?.usage;
                for (const f of USAGE_FIELDS) {
                    if (u && viewer_finite(u[f])) {
                        sums[f] += u[f];
                        seen[f]++;
                    }
                }
                if (viewer_finite(t?.trace?.latency_ms))
                    lat.push(t.trace.latency_ms);
            }
        }
        for (const f of USAGE_FIELDS) {
            const s = summary[f];
            if (viewer_finite(s) && s > 0)
                totals[f] = s;
            else if (seen[f] > 0)
                totals[f] = sums[f];
        }
        if (lat.length)
            latencies = Float64Array.from(lat).sort();
    }
    else {
        for (const f of USAGE_FIELDS) {
            const s = summary[f];
            if (viewer_finite(s))
                totals[f] = s;
        }
    }
    const lm = side?.latency_ms;
    // With the traces at hand they alone say (the comparison's percentiles come from them too).
    const p50 = latencies ? percentile(latencies, 0.5) : !r && viewer_finite(lm?.p50) ? lm.p50 : undefined;
    const p95 = latencies ? percentile(latencies, 0.95) : !r && viewer_finite(lm?.p95) ? lm.p95 : undefined;
    const shown = (v, f) => v === undefined ? NOT_REPORTED : f(v);
    return {
        cost: shown(totals.cost_usd, usd),
        input_tokens: shown(totals.input_tokens, format_int),
        output_tokens: shown(totals.output_tokens, format_int),
        p50: shown(p50, ms),
        p95: shown(p95, ms),
    };
}
/**
 * The page data, in two parts: `index` (every case's id, labels, counts and failing checks:
 * what the list, the filters and the search need) and `traces` (per case: input and both
 * sides' trials). The page parses the index at once and a case's traces only when it is opened,
 * which keeps the first screen fast with 10,000 cases. The index is redacted here, the traces
 * when they are serialised (`jsonForScript`).
 */
function viewerData(c, base, head, opts = {}) {
    const byId = (r) => new Map((r?.cases ?? []).map((k) => [k.id, k]));
    const bm = byId(base);
    const hm = byId(head);
    const h = headline(c, (s) => s, (s) => s, c.gate?.accept_label ?? 'eval-regression-accepted');
    const order = new Map(LABEL_ORDER.map((l, i) => [l, i]));
    const cases = [...(c.cases ?? [])].sort((a, b) => (order.get(a.label) ?? 99) - (order.get(b.label) ?? 99) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const index = Object.create(null);
    const traces = [];
    let hasLabelable = false;
    const list = cases.map((k, i) => {
        // Keyed as the comment's links name the case: redacted, lone surrogates made U+FFFD.
        index[(0,redact/* redactSecrets */.fp)(k.id).replace(LONE_SURROGATE, '\ufffd')] = i;
        const br = bm.get(k.id);
        const hr = hm.get(k.id);
        const b = labelable(br);
        const hs = labelable(hr);
        if (b !== br?.trials || hs !== hr?.trials)
            hasLabelable = true;
        traces.push({ input: hr?.input ?? br?.input ?? k.excerpt?.input, b: b ?? [], h: hs ?? [] });
        return (0,redact/* redactDeep */.KL)({
            id: k.id,
            label: k.label,
            modes: k.modes.map((m) => ({
                mode: m.mode,
                label: m.label,
                b: frac(m.base),
                h: frac(m.head),
            })),
            src: k.source ? `${k.source.file}:${k.source.line}` : '',
            tags: k.tags ?? [],
            changed: !!k.changed,
            excerpt: k.excerpt ?? null,
            snip: `${snippet(hr, k.head?.trial_ref)}\n${snippet(br, k.base?.trial_ref)}`,
            b: side(k.base, br),
            h: side(k.head, hr),
        });
    });
    const labelCounts = Object.fromEntries(LABEL_ORDER.map((l) => [l, countOf(c, l)]));
    const data = (0,redact/* redactDeep */.KL)({
        title: opts.title ?? 'evalgate trace viewer',
        headline: h,
        reasons: c.reasons ?? [],
        base: { sha: shortSha(c.base?.sha), ref: c.base?.ref },
        head: { sha: shortSha(c.head?.sha), ref: c.head?.ref },
        traceUrl: c.trace_url ?? base?.meta?.trace_url ?? head?.meta?.trace_url ?? null,
        labels: LABEL_TEXT,
        // Checks a reviewer may label for calibration (see labelable).
        judged: [...identity/* JUDGED_TYPES */.w],
        labelable: hasLabelable,
        labelOrder: LABEL_ORDER,
        labelCounts,
        kind: h.kind,
        usage: { base: sideUsage(c.base, base), head: sideUsage(c.head, head) },
        notReported: NOT_REPORTED,
        modes: sortModes(c.modes ?? []).map((m) => ({
            mode: m.mode,
            severity: m.severity,
            blocking: m.blocking,
            base: [m.base.passes, m.base.trials, m.base.rate],
            head: [m.head.passes, m.head.trials, m.head.rate],
            effect: m.effect,
            ci: m.effect_ci,
            p: modeP(m),
            verdict: m.verdict,
            // The comment's words and marks: a regression that does not block looks different.
            words: modeVerdictWords(m),
            note: m.needed?.note ?? null,
        })),
    });
    return { ...data, cases: list, index, traces };
}
/**
 * A side's trials, each judged one with its trace hash (`th`, src/calibrate/identity.ts): the
 * viewer labels a judged check of that trace and the labels file names it by this hash. Hashed
 * here from the results as written (before redaction), as `evalgate calibrate` hashes them.
 */
function labelable(r) {
    const trials = r?.trials;
    if (!trials?.some((t) => t?.checks?.some?.((k) => identity/* JUDGED_TYPES */.w.has(k?.type))))
        return trials;
    return trials.map((t) => t?.trace && !t.trace.error && t.checks?.some?.((k) => identity/* JUDGED_TYPES */.w.has(k?.type))
        ? { ...t, th: (0,identity/* traceHash */.wO)(r.input, t.trace) }
        : t);
}
/**
 * Redacted JSON that cannot end a `<script>` element or start a comment inside it. C1 controls
 * and bidi overrides are \u-escaped as well: the same data, and a file printed to a terminal
 * (`evalgate report --format html` without --out) has nothing in it a terminal would obey.
 */
function jsonForScript(v) {
    return (0,redact/* redactedJson */.Rh)(v).replace(/[<>&\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function escapeHtml(s) {
    return (0,plain/* showControls */.mz)(s)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
const SCRIPT_HASH = `sha256-${(0,external_node_crypto_.createHash)('sha256').update(VIEWER_JS, 'utf8').digest('base64')}`;
/** One self-contained HTML file showing every case; open it from disk or an artifact. */
function renderViewer(c, base, head, opts = {}) {
    const { traces, ...data } = viewerData(c, base, head, opts);
    const csp = [
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        `script-src '${SCRIPT_HASH}'`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
    const parts = [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        `<title>${escapeHtml(data.title)}</title>`,
        `<style>${VIEWER_CSS}</style>`,
        '</head>',
        '<body>',
        '<div id="app"></div>',
        '<noscript>This viewer needs JavaScript; the data is in the JSON blocks of this file.</noscript>',
        `<script type="application/json" id="evalgate-data">${jsonForScript(data)}</script>`,
        // The script runs as soon as the parser reaches it, before the (large) trace blocks below:
        // the list renders first, traces are parsed per case when opened.
        `<script>${VIEWER_JS}</script>`,
    ];
    traces.forEach((t, i) => parts.push(`<script type="application/json" id="evalgate-t${i}">${jsonForScript(t)}</script>`));
    parts.push('</body>', '</html>', '');
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./build/report/index.js
/** Reports: pure functions from a Comparison (and optionally the Results) to a string. */







/***/ }),

/***/ 4902:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
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
/* unused harmony exports cut, asText */
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


/***/ })

};
