export const id = 375;
export const ids = [375];
export const modules = {

/***/ 2375:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vQ: () => (/* reexport */ COMMENT_MAX),
  H7: () => (/* reexport */ DEFAULT_MARKER),
  a0: () => (/* reexport */ viewer.fileSide),
  r6: () => (/* reexport */ plainHeadline),
  renderComment: () => (/* reexport */ renderComment),
  renderSummary: () => (/* reexport */ renderSummary),
  renderTextReport: () => (/* reexport */ renderTextReport),
  wA: () => (/* reexport */ viewer/* writeViewer */.wA),
  M6: () => (/* reexport */ viewer.writeViewerStream)
});

// UNUSED EXPORTS: SUMMARY_MAX, headline, redactDeep, redactSecrets, renderViewer, resultsSide, verdictKind

// EXTERNAL MODULE: ./build/report/format.js
var format = __webpack_require__(2772);
;// CONCATENATED MODULE: ./build/compare/synthetic.js
const SYNTHETIC_TAG = 'synthetic';
function isSynthetic(k) {
    return Array.isArray(k.tags) && k.tags.includes(SYNTHETIC_TAG);
}
/** New and suspected failures, real and synthetic apart; undefined when no case is synthetic. */
function splitByOrigin(cases) {
    const out = {
        synthetic_cases: 0,
        new_failure: { real: 0, synthetic: 0 },
        suspected_new_failure: { real: 0, synthetic: 0 },
    };
    for (const k of cases) {
        const syn = isSynthetic(k);
        if (syn)
            out.synthetic_cases++;
        if (k.label === 'new_failure' || k.label === 'suspected_new_failure')
            out[k.label][syn ? 'synthetic' : 'real']++;
    }
    return out.synthetic_cases ? out : undefined;
}
/** "5 real, 2 synthetic". */
function originText(n) {
    return `${n.real} real, ${n.synthetic} synthetic`;
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
        : `base stopped after ${(0,format/* plural */.LS)(baseCalls, 'call')}`;
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
        const head = `- head ✗ ${(0,format/* int */.Wh)(failed)} of ${(0,format/* plural */.LS)(h.trials, 'head trial')} fail ${(0,markdown/* code */.aY)(m.mode)}`;
        if (!checks.length)
            lines.push(`${head}.`);
        else if (checks.length === 1)
            lines.push(`${head}: ${checkLine(checks[0], max)}`);
        else {
            lines.push(`${head}; in one of them:`);
            for (const f of checks.slice(0, 3))
                lines.push(`  - ${checkLine(f, max)}`);
            if (checks.length > 3)
                lines.push(`  - …and ${(0,format/* plural */.LS)(checks.length - 3, 'more check')}`);
        }
        if (h.errors > 0)
            lines.push(`- head: ${(0,format/* plural */.LS)(h.errors, 'trial')} errored`);
    }
    const b = m.base;
    if (b) {
        const failed = Math.max(0, b.trials - b.passes);
        const first = m.base_trial?.failing?.[0] ?? inMode(k.base?.failing, m.mode)[0];
        if (failed === 0)
            lines.push(`- base ✓ ${(0,format/* int */.Wh)(b.passes)} of ${(0,format/* plural */.LS)(b.trials, 'base trial')} pass`);
        else
            lines.push(`- base: ${(0,format/* int */.Wh)(failed)} of ${(0,format/* plural */.LS)(b.trials, 'base trial')} fail${first ? `: ${checkLine(first, max)}` : ''}`);
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
    const susp = (k.label === 'suspected_new_failure' ? ' _(suspected)_' : '') +
        (ctx.origin && isSynthetic(k) ? ' 🧪 _synthetic_' : '');
    const lines = [
        `**${title}**${susp} · ${counts}${links.length ? ' · ' + links.join(' · ') : ''}`,
        '',
    ];
    for (const m of modes.slice(0, 3))
        lines.push(...modeStory(ctx, k, m));
    if (modes.length > 3)
        lines.push(`- …and ${(0,format/* plural */.LS)(modes.length - 3, 'more mode')}`);
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
        parts.push(`…and ${(0,format/* int */.Wh)(left)} more not shown here: see the ${v ? `[trace viewer](${v})` : 'trace viewer'}${ctx.summary ? '' : ' or the job summary'}.`);
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
        const split = ctx.origin
            ? `\n\n${originText(ctx.origin.new_failure)} (🧪 synthetic: a generated variation of a case, \`evalgate synth\`)`
            : '';
        const heading = `### ${(0,format/* plural */.LS)(confirmed.length, 'new failure')}${split}`;
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
        out.push(collapsible(ctx, () => `${(0,format/* plural */.LS)(suspected.length, 'suspected new failure')}${ctx.origin ? ` (${originText(ctx.origin.suspected_new_failure)})` : ''} (mostly failing on head, not confirmed: flips like these also happen by chance)`, [e.parts.join('\n\n')]));
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
// EXTERNAL MODULE: ./build/report/headline.js
var headline = __webpack_require__(2251);
;// CONCATENATED MODULE: ./build/report/comment/header.js
/**
 * The comment's first lines: the verdict sentence, which commits were compared, what a sample
 * can see, why the run errored (the first error message), and notes about the base and gate.
 */




function header(ctx) {
    const { c, o } = ctx;
    const h = (0,headline/* headline */.Pl)(c, (s) => (0,markdown/* code */.aY)(s), (s) => (0,markdown/* inline */.mG)(s, 300), ctx.acceptLabel);
    const first = h.kind === 'accepted'
        ? `${h.icon} ${h.title}: ${h.text}`
        : `${h.icon} **${h.title}**: ${h.text}`;
    const side = (sha, ref) => {
        const s = (0,format/* shortSha */.Fu)(sha);
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
        second += ` · ${(0,format/* plural */.LS)(cases, 'case')}${per ? ` × ${(0,format/* plural */.LS)(per, 'trial')}` : ''}`;
    if (c.stage2_modes?.length)
        second += `, ambiguous cases re-run for ${c.stage2_modes.map((m) => (0,markdown/* code */.aY)(m)).join(', ')}`;
    const saved = (0,cache_line/* cacheLine */.n)([c.base?.cache, c.head?.cache]);
    if (saved)
        second += ` · ${saved}`;
    const lines = [first, '', second];
    const sample = (0,format/* sampleLine */.Pr)(c, (s) => (0,markdown/* code */.aY)(s));
    if (sample)
        lines.push('', `🔎 ${sample}`);
    const removed = (0,format/* removedLine */.RC)(c, 'by this PR');
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
        const text = (0,format/* firstErrorText */.uX)(name, e, (s) => (0,markdown/* code */.aY)(s, 120), (s) => (0,markdown/* inline */.mG)(s, ctx.tier.reasonMax));
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

// EXTERNAL MODULE: ./build/report/verdict-words.js
var verdict_words = __webpack_require__(4546);
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
    const words = (0,verdict_words/* modeVerdictCell */.$G)(m);
    let verdict = words === String(m.verdict) ? (0,markdown/* inline */.mG)(m.verdict, 20) : words;
    // A regression demoted because it rests on uncalibrated judges says so where it is shown.
    if (m.demoted)
        verdict += `: ${(0,markdown/* inline */.mG)(m.demoted, 160)}`;
    return [
        (0,markdown/* code */.aY)(m.mode),
        (0,markdown/* code */.aY)(m.severity, 20),
        (0,format/* rateCell */.LA)(m.base),
        (0,format/* rateCell */.LA)(m.head),
        (0,format/* changeCell */.fd)(m),
        m.paired_cases > 0 ? (0,format/* pValue */.sp)((0,format/* modeP */.uL)(m)) : '–',
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
    const modes = (0,format/* sortModes */.bE)(c.modes);
    const changed = modesWithCaseChanges(ctx);
    const shown = modes.filter((m) => !folded(m, changed));
    const quiet = modes.filter((m) => folded(m, changed));
    const out = [];
    if (shown.length)
        out.push(table(shown.slice(0, ROW_CAP).map(row)));
    const notes = [];
    if (shown.length > ROW_CAP)
        notes.push(`- …and ${(0,format/* plural */.LS)(shown.length - ROW_CAP, 'more mode')}, in the trace viewer.`);
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
                ? `${(0,format/* plural */.LS)(quiet.length, 'more mode')} ${what}`
                : `All ${(0,format/* plural */.LS)(quiet.length, 'mode')} ${what}`;
        };
        out.push(collapsible(ctx, title, [table(quiet.slice(0, ROW_CAP).map(row))]));
    }
    const hints = modes
        .slice(0, ROW_CAP)
        .filter((m) => m.verdict === 'inconclusive' && m.needed?.note)
        .map((m) => `- ${(0,markdown/* code */.aY)(m.mode)}: ${(0,markdown/* inline */.mG)(m.needed.note, ctx.tier.reasonMax)}`);
    if (hints.length) {
        out.push(collapsible(ctx, () => `What would decide the ${(0,format/* plural */.LS)(hints.length, 'inconclusive mode')}`, hints));
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
        lines.push(`- …and ${(0,format/* plural */.LS)(judged.length - JUDGE_NOTE_CAP, 'more mode')} graded by judges.`);
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
    const counts = OTHER_LABELS.map((l) => [l, (0,format/* countOf */.pq)(c, l)]).filter(([, n]) => n > 0);
    if (!counts.length)
        return '';
    const lines = [
        `**Other changes**: ${counts.map(([l, n]) => `${(0,format/* int */.Wh)(n)} ${format/* LABEL_TEXT */.DZ[l]}`).join(' · ')}`,
    ];
    const removedFailing = c.cases.filter((k) => k.label === 'removed' && k.base && k.base.passes < k.base.trials).length;
    if (removedFailing) {
        lines.push('', `⚠️ ${(0,format/* plural */.LS)(removedFailing, 'removed case')} ${removedFailing === 1 ? 'was' : 'were'} failing on base: deleting failing cases makes a change look better than it is.`);
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
            shown.push(`- …and ${(0,format/* int */.Wh)(ks.length - ctx.tier.listCap)} more${v ? ` in the [trace viewer](${v})` : ''}`);
        }
        const title = `${format/* LABEL_TEXT */.DZ[label][0].toUpperCase()}${format/* LABEL_TEXT */.DZ[label].slice(1)} (${(0,format/* int */.Wh)(ks.length)})`;
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





const finite = (n) => typeof n === 'number' && Number.isFinite(n);
function diff(b, h, f) {
    if (!finite(b) || !finite(h))
        return '–';
    const d = h - b;
    const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
    const rel = (0,format/* relChange */.qI)(b, h);
    return `${sign}${f(Math.abs(d))}${rel ? ` (${rel})` : ''}`;
}
/** "$0.12 (judge $0.01)": a side's cost of a mode, the judge's share apart when it graded. */
function modeCell(side, judged) {
    const total = (finite(side.system) ? side.system : 0) + (finite(side.judge) ? side.judge : 0);
    return judged ? `${(0,format/* usd */.dR)(total)} (judge ${(0,format/* usd */.dR)(side.judge)})` : (0,format/* usd */.dR)(total);
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
            diff(sum(k.base), sum(k.head), format/* usd */.dR),
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
    const shown = (v, f) => finite(v) ? f(v) : format/* NOT_REPORTED */.Yb;
    const row = (label, b, h, f) => [label, shown(b, f), shown(h, f), diff(b, h, f)];
    const judged = !!(base.judge_usage || head.judge_usage);
    const rows = [
        row(judged ? 'Cost (system)' : 'Cost', base.usage?.cost_usd, head.usage?.cost_usd, format/* usd */.dR),
    ];
    // A side that graded nothing spent nothing on the judge: $0, not "not reported".
    if (judged)
        rows.push(row('Cost (judge)', base.judge_usage?.cost_usd ?? 0, head.judge_usage?.cost_usd ?? 0, format/* usd */.dR));
    rows.push(row('Input tokens', base.usage?.input_tokens, head.usage?.input_tokens, format/* int */.Wh), row('Output tokens', base.usage?.output_tokens, head.usage?.output_tokens, format/* int */.Wh), row('Latency p50', base.latency_ms?.p50, head.latency_ms?.p50, format.ms), row('Latency p95', base.latency_ms?.p95, head.latency_ms?.p95, format.ms), [
        'Errored trials',
        `${(0,format/* int */.Wh)(base.counts?.error)} of ${(0,format/* int */.Wh)(base.counts?.trials)}`,
        `${(0,format/* int */.Wh)(head.counts?.error)} of ${(0,format/* int */.Wh)(head.counts?.trials)}`,
        diff(base.counts?.error, head.counts?.error, format/* int */.Wh),
    ]);
    // Retries are counted only when any happened: the run records none otherwise.
    if (finite(base.retries) || finite(head.retries))
        rows.push(row('Retried model calls', base.retries ?? 0, head.retries ?? 0, format/* int */.Wh));
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
    const modeRank = new Map((0,format/* sortModes */.bE)(c.modes ?? []).map((m, i) => [m.mode, i]));
    const origin = splitByOrigin(c.cases ?? []);
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
            ...(origin ? { origin } : {}),
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
function failureLines(k, marked = false) {
    const modes = k.modes.filter((m) => m.label === 'new_failure' || m.label === 'suspected_new_failure');
    const where = k.source ? ` (${one(k.source.file, 200)}:${k.source.line})` : '';
    const counts = modes.map((m) => `${one(m.mode, 60)} ${m.base ? `${m.base.passes}/${m.base.trials}` : '-'} -> ${m.head ? `${m.head.passes}/${m.head.trials}` : '-'}`);
    const out = [
        `  ${k.label === 'suspected_new_failure' ? '?' : 'x'} ${one(k.id, 120)}${marked && isSynthetic(k) ? ' [synthetic]' : ''}${where}  ${counts.join(', ')}`,
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
    return (0,headline/* headline */.Pl)(c, (s) => one(s, 80), (s) => one(s, 300), one(c.gate?.accept_label ?? 'eval-regression-accepted', 80));
}
function renderTextReport(c) {
    const acceptLabel = c.gate?.accept_label ?? 'eval-regression-accepted';
    const h = (0,headline/* headline */.Pl)(c, (s) => one(s, 80), (s) => one(s, 300), acceptLabel);
    const title = h.kind === 'accepted' ? 'ACCEPTED' : h.title.toUpperCase(); // INTERRUPTED is an error too
    const lines = [`${title}: ${h.text}`];
    const side = (s) => `${(0,format/* shortSha */.Fu)(s?.sha) ?? '(unknown)'}${s?.ref ? ` (${one(s.ref, 80)})` : ''}`;
    lines.push(`base ${side(c.base)} -> head ${side(c.head)}`);
    const saved = (0,cache_line/* cacheLine */.n)([c.base?.cache, c.head?.cache]);
    if (saved)
        lines.push(`Trace cache: ${saved}`);
    const sample = (0,format/* sampleLine */.Pr)(c, (s) => one(s, 60));
    if (sample)
        lines.push(sample);
    const removed = (0,format/* removedLine */.RC)(c, 'from head');
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
            lines.push(`  ! ${(0,format/* firstErrorText */.uX)(name, e, (s) => one(s, 120), (s) => one(s, 300))}`);
    }
    if (c.verdict === 'error' || c.base?.first_error || c.head?.first_error)
        lines.push('');
    const modes = (0,format/* sortModes */.bE)(c.modes ?? []);
    if (modes.length) {
        const rows = [['mode', 'severity', 'base', 'head', 'change (95% CI)', 'p (adj.)', 'verdict']];
        for (const m of modes) {
            rows.push([
                one(m.mode, 40),
                one(m.severity, 10),
                (0,format/* rateCell */.LA)(m.base),
                (0,format/* rateCell */.LA)(m.head),
                (0,format/* changeCell */.fd)(m),
                m.paired_cases > 0 ? (0,format/* pValue */.sp)((0,format/* modeP */.uL)(m)) : '-',
                one((0,verdict_words/* modeVerdictWords */.sJ)(m).text, 30),
            ]);
        }
        lines.push(...alignColumns(rows, [false, false, true, true, true, true, false]), '');
    }
    const byId = (a, b) => (a.id < b.id ? -1 : 1);
    const cap = 50;
    const confirmed = c.cases.filter((k) => k.label === 'new_failure').sort(byId);
    const suspected = c.cases.filter((k) => k.label === 'suspected_new_failure').sort(byId);
    const origin = splitByOrigin(c.cases);
    if (confirmed.length) {
        lines.push(`New failures: ${confirmed.length}${origin ? ` (${originText(origin.new_failure)})` : ''}`);
        for (const k of confirmed.slice(0, cap))
            lines.push(...failureLines(k, !!origin));
        if (confirmed.length > cap)
            lines.push(`  ...and ${(0,format/* plural */.LS)(confirmed.length - cap, 'more')} (see the HTML viewer)`);
        lines.push('');
    }
    if (suspected.length) {
        // Unconfirmed flips: chance produces them on an unchanged system too.
        lines.push(`Suspected new failures (not confirmed): ${suspected.length}${origin ? ` (${originText(origin.suspected_new_failure)})` : ''}`);
        for (const k of suspected.slice(0, cap))
            lines.push(...failureLines(k, !!origin));
        if (suspected.length > cap)
            lines.push(`  ...and ${(0,format/* plural */.LS)(suspected.length - cap, 'more')} (see the HTML viewer)`);
        lines.push('');
    }
    const others = ['fixed', 'flaky', 'added', 'removed', 'errored', 'not_run']
        .map((l) => [l, (0,format/* countOf */.pq)(c, l)])
        .filter(([, n]) => n > 0)
        .map(([l, n]) => `${(0,format/* int */.Wh)(n)} ${format/* LABEL_TEXT */.DZ[l]}`);
    if (others.length)
        lines.push(`Other: ${others.join(', ')}`);
    if (c.base && c.head) {
        // Absent is not zero: a value no trace reported reads "not reported".
        const shown = (v, f) => typeof v === 'number' && Number.isFinite(v) ? f(v) : format/* NOT_REPORTED */.Yb;
        const tokens = (u) => typeof u?.input_tokens === 'number' || typeof u?.output_tokens === 'number'
            ? (u.input_tokens ?? 0) + (u.output_tokens ?? 0)
            : undefined;
        const pair = (b, h, f) => `${shown(b, f)} -> ${shown(h, f)}`;
        lines.push(`Cost: ${pair(c.base.usage?.cost_usd, c.head.usage?.cost_usd, format/* usd */.dR)}; tokens: ${pair(tokens(c.base.usage), tokens(c.head.usage), format/* int */.Wh)}; latency p50 ${pair(c.base.latency_ms?.p50, c.head.latency_ms?.p50, format.ms)}, p95 ${pair(c.base.latency_ms?.p95, c.head.latency_ms?.p95, format.ms)}`);
        // The judge's cost apart from the system's; a side that graded nothing spent $0 on it.
        if (c.base.judge_usage || c.head.judge_usage)
            lines.push(`Judge cost: ${(0,format/* usd */.dR)(c.base.judge_usage?.cost_usd ?? 0)} -> ${(0,format/* usd */.dR)(c.head.judge_usage?.cost_usd ?? 0)}; judge tokens: ${pair(tokens(c.base.judge_usage) ?? 0, tokens(c.head.judge_usage) ?? 0, format/* int */.Wh)}`);
        if (c.base.retries || c.head.retries)
            lines.push(`Retried model calls: ${(0,format/* int */.Wh)(c.base.retries ?? 0)} -> ${(0,format/* int */.Wh)(c.head.retries ?? 0)}`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./build/report/viewer.js + 2 modules
var viewer = __webpack_require__(9216);
;// CONCATENATED MODULE: ./build/report/index.js
/** Reports: pure functions from a Comparison (and optionally the Results) to a string. */







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

/***/ 735:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ markdownTable)
/* harmony export */ });
// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {}
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat()
  const stringLength = settings.stringLength || defaultStringLength
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = []
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = []
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = []
  /** @type {Array<number>} */
  const longestCellByColumn = []
  let mostCellsPerRow = 0
  let rowIndex = -1

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = []
    /** @type {Array<number>} */
    const sizes = []
    let columnIndex = -1

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex])

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell)
        sizes[columnIndex] = size

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size
        }
      }

      row.push(cell)
    }

    cellMatrix[rowIndex] = row
    sizeMatrix[rowIndex] = sizes
  }

  // Figure out which alignments to use.
  let columnIndex = -1

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex])
    }
  } else {
    const code = toAlignment(align)

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code
    }
  }

  // Inject the alignment row.
  columnIndex = -1
  /** @type {Array<string>} */
  const row = []
  /** @type {Array<number>} */
  const sizes = []

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex]
    let before = ''
    let after = ''

    if (code === 99 /* `c` */) {
      before = ':'
      after = ':'
    } else if (code === 108 /* `l` */) {
      before = ':'
    } else if (code === 114 /* `r` */) {
      after = ':'
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          )

    const cell = before + '-'.repeat(size) + after

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size
      }

      sizes[columnIndex] = size
    }

    row[columnIndex] = cell
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row)
  sizeMatrix.splice(1, 0, sizes)

  rowIndex = -1
  /** @type {Array<string>} */
  const lines = []

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex]
    const sizes = sizeMatrix[rowIndex]
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow
    columnIndex = -1
    /** @type {Array<string>} */
    const line = []

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || ''
      let before = ''
      let after = ''

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0)
        const code = alignments[columnIndex]

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size)
        } else if (code === 99 /* `c` */) {
          const half = size / 2

          if (size % 2) {
            before = ' '.repeat(half + 0.5)
            after = ' '.repeat(half - 0.5)
          } else {
            before = ' '.repeat(half)
            after = before
          }
        } else {
          after = ' '.repeat(size)
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|')
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ')
      }

      if (settings.alignDelimiters !== false) {
        line.push(before)
      }

      line.push(cell)

      if (settings.alignDelimiters !== false) {
        line.push(after)
      }

      if (settings.padding !== false) {
        line.push(' ')
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|')
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    )
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}


/***/ })

};
