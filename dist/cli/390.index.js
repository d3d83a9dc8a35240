export const id = 390;
export const ids = [390];
export const modules = {

/***/ 6390:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   promote: () => (/* binding */ promote)
/* harmony export */ });
/* unused harmony export readPromoteLabels */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9691);
/* harmony import */ var _suite_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(156);
/* harmony import */ var _suite_jsonl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8925);
/* harmony import */ var _targets_trace_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1051);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2801);
/* harmony import */ var _suite_jsonl_stream_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8862);
/**
 * `evalgate promote`: labelled traces → golden cases appended to a dataset file. Never
 * overwrites: cases are appended, ids are made unique against the file, and a trace already
 * promoted into it is skipped. Each case records its provenance (source, trace id, date, the
 * reviewer's note) in `description` and the tags `promoted` and `source:<format>`.
 */







const labelSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    trace_id: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1),
    // null: reviewed, no failure (the review page writes these); skipped.
    mode: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1).nullable(),
    note: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    tool: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1).optional(),
    expected: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().min(1).optional(),
    reviewer: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
    labelled_at: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().optional(),
});
async function readPromoteLabels(path, modes, log) {
    const shown = (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(path);
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8').catch((err) => {
        throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteError */ .lJ)([{ file: shown, message: `cannot read the labels file: ${err.message}` }]);
    });
    const labels = [];
    const problems = [];
    let noFailure = 0;
    const { problems: syntax } = (0,_suite_jsonl_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonl */ .wI)(text, shown, ({ line, value }) => {
        if (isReviewSummary(value))
            return;
        const r = labelSchema.safeParse(value);
        if (!r.success) {
            const issue = r.error.issues[0];
            problems.push({
                file: shown,
                line,
                field: issue.path.join('.') || undefined,
                message: issue.message,
            });
            return;
        }
        if (r.data.mode === null) {
            noFailure++;
            return;
        }
        if (modes && !modes.has(r.data.mode)) {
            problems.push({
                file: shown,
                line,
                field: 'mode',
                message: `unknown failure mode "${r.data.mode}" (known: ${[...modes].join(', ')}); add it to failure_modes first`,
            });
            return;
        }
        const { reviewer: _r, labelled_at: _a, mode, ...label } = r.data;
        labels.push({ ...label, mode, line });
    });
    problems.unshift(...syntax);
    if (problems.length)
        throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteError */ .lJ)(problems);
    if (noFailure)
        log?.(`${noFailure} trace(s) reviewed with no failure (mode null): skipped`);
    return labels;
}
/**
 * The summary line `evalgate review`'s download starts with (`{"evalgate_review": {...}}`):
 * counts for people, nothing to promote.
 */
function isReviewSummary(v) {
    return (0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .Gv)(v) && Object.keys(v).length === 1 && (0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .Gv)(v.evalgate_review);
}
/** The traces the labels name, read line by line (the rest of the file is not kept). */
async function tracesById(path, wanted) {
    const shown = (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(path);
    const found = new Map();
    try {
        // Only lines that name a trace id are parsed: most of a large export is other traces.
        const lines = (0,_suite_jsonl_stream_js__WEBPACK_IMPORTED_MODULE_4__/* .readJsonLines */ .s)(path, shown, (text) => text.includes('"trace_id"'));
        for await (const { value, line: n } of lines) {
            if (!(0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .Gv)(value) || typeof value.trace_id !== 'string' || !wanted.has(value.trace_id))
                continue;
            const r = (0,_targets_trace_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeTrace */ .v)(value);
            if ('error' in r)
                throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteError */ .lJ)([{ file: shown, line: n, message: `not a trace: ${r.error}` }]);
            found.set(value.trace_id, r.trace);
        }
    }
    catch (err) {
        if (err.code)
            throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteError */ .lJ)([{ file: shown, message: `cannot read: ${err.message}` }]);
        throw err;
    }
    return found;
}
/** Ids and promoted trace ids already in the dataset (absent file: none). */
async function existing(path) {
    const ids = new Set();
    const traces = new Set();
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch {
        return { ids, traces, endsWithNewline: true };
    }
    (0,_suite_jsonl_js__WEBPACK_IMPORTED_MODULE_2__/* .parseJsonl */ .wI)(text, (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(path), ({ value }) => {
        if (!(0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .Gv)(value))
            return;
        if (typeof value.id === 'string')
            ids.add(value.id);
        const m = typeof value.description === 'string' ? / trace (\S+) on /.exec(value.description) : null;
        if (m)
            traces.add(m[1]);
    });
    return { ids, traces, endsWithNewline: text === '' || text.endsWith('\n') };
}
function caseId(label, taken) {
    const base = `prod-${label.mode}-${label.trace_id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 12) || 'trace'}`;
    let id = base;
    for (let i = 2; taken.has(id); i++)
        id = `${base}-${i}`;
    taken.add(id);
    return id;
}
async function promote(opts, log) {
    const labels = await readPromoteLabels(opts.labels, opts.modes, log);
    const traces = await tracesById(opts.traces, new Set(labels.map((l) => l.trace_id)));
    const missing = labels.filter((l) => !traces.has(l.trace_id));
    if (missing.length)
        throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteError */ .lJ)(missing.map((l) => ({
            file: (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(opts.labels),
            line: l.line,
            field: 'trace_id',
            message: `no trace ${l.trace_id} in ${(0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(opts.traces)}`,
        })));
    const have = await existing(opts.dataset);
    for (const id of opts.suiteIds ?? [])
        have.ids.add(id);
    const date = (opts.now ?? new Date()).toISOString().slice(0, 10);
    const lines = [];
    const problems = [];
    for (const label of labels) {
        if (have.traces.has(label.trace_id)) {
            log(`trace ${label.trace_id} is already in ${(0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(opts.dataset)}: skipped`);
            continue;
        }
        const trace = traces.get(label.trace_id);
        let input = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .inputOf */ .wg)(trace);
        if (input === undefined) {
            problems.push({
                file: (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(opts.labels),
                line: label.line,
                message: `trace ${label.trace_id} has no input (no metadata.input, no user message)`,
            });
            continue;
        }
        if (opts.inputKey && typeof input === 'string')
            input = { [opts.inputKey]: input };
        const { checks, todo } = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .suggestChecks */ .uy)(label, trace);
        const id = caseId(label, have.ids);
        const source = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .sourceOf */ .vz)(trace);
        const row = {
            id,
            input,
            tags: ['promoted', `source:${source}`],
            description: `promoted from ${source} trace ${label.trace_id} on ${date}${label.note ? `: ${label.note}` : ''}`,
            checks,
        };
        const documents = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_6__/* .documentsOf */ .uo)(trace);
        if (documents.length)
            row.context = { documents };
        lines.push(JSON.stringify(row));
        have.traces.add(label.trace_id);
        log(`${id}: ${checks.map((c) => c.type).join(', ')}${todo ? ` (to do: ${todo})` : ''}`);
    }
    if (problems.length)
        throw (0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteError */ .lJ)(problems);
    if (lines.length)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.appendFile)(opts.dataset, `${have.endsWithNewline ? '' : '\n'}${lines.join('\n')}\n`);
    log(`appended ${lines.length} case(s) to ${(0,_suite_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(opts.dataset)}; review them, then run evalgate validate`);
    return 0;
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
