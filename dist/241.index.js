export const id = 241;
export const ids = [241];
export const modules = {

/***/ 94241:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  importCommand: () => (/* binding */ importCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./build/suite/errors.js
var errors = __webpack_require__(70156);
// EXTERNAL MODULE: ./build/targets/trace.js + 1 modules
var trace = __webpack_require__(81051);
// EXTERNAL MODULE: ./build/import/spans.js
var import_spans = __webpack_require__(98845);
;// CONCATENATED MODULE: ./build/import/langfuse.js

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Langfuse's blob exports write `2024-05-29 13:46:19.963000`, in UTC. */
const BLOB_TIME = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d{1,3})?\d*$/;
function time(v, field, id) {
    if (v === undefined || v === null || v === '')
        return undefined;
    const blob = typeof v === 'string' ? BLOB_TIME.exec(v) : null;
    const iso = blob ? `${blob[1]}T${blob[2]}${blob[3] ?? ''}Z` : v;
    const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
    if (Number.isNaN(t))
        throw new import_spans/* SpanError */.t6(id, `${field}: expected an ISO time, got ${JSON.stringify(v)}`);
    return t;
}
function answerText(v) {
    if (typeof v === 'string')
        return v;
    if (isObject(v)) {
        if (typeof v.content === 'string')
            return v.content;
        if (typeof v.output === 'string')
            return v.output;
        if (typeof v.text === 'string')
            return v.text;
        if (Array.isArray(v.choices) && isObject(v.choices[0]) && isObject(v.choices[0].message))
            return answerText(v.choices[0].message);
    }
    return undefined;
}
function messages(v) {
    const list = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.messages) ? v.messages : [];
    return list.filter((m) => isObject(m) && typeof m.role === 'string');
}
function docs(v) {
    const list = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.documents) ? v.documents : [];
    const out = [];
    for (const d of list) {
        if (typeof d === 'string')
            out.push({ text: d });
        else if (isObject(d) && typeof (d.content ?? d.text ?? d.pageContent) === 'string') {
            const doc = { text: (d.content ?? d.text ?? d.pageContent) };
            if (d.id !== undefined)
                doc.id = String(d.id);
            if (typeof d.score === 'number')
                doc.score = d.score;
            if (typeof d.source === 'string')
                doc.source = d.source;
            out.push(doc);
        }
    }
    return out;
}
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
/** True for a line that looks like a Langfuse trace export. */
function isLangfuseTrace(v) {
    return Array.isArray(v.observations) && typeof v.id === 'string';
}
function traceFromLangfuse(raw) {
    const traceId = raw.id;
    const obs = [];
    for (const o of raw.observations) {
        if (!isObject(o))
            throw new import_spans/* SpanError */.t6(undefined, 'observations: each entry is an object');
        if (typeof o.id !== 'string' || !o.id)
            throw new import_spans/* SpanError */.t6(undefined, 'observation id: required');
        if (typeof o.type !== 'string')
            throw new import_spans/* SpanError */.t6(o.id, 'type: required (GENERATION, SPAN, EVENT...)');
        obs.push(o);
    }
    const timed = obs.map((o) => ({
        o,
        start: time(o.startTime, 'startTime', o.id) ?? 0,
        end: time(o.endTime, 'endTime', o.id),
    }));
    timed.sort((x, y) => x.start - y.start);
    const usage = {};
    const toolCalls = [];
    const retrieved = [];
    const models = new Set();
    const errors = [];
    const other = [];
    let lastGen;
    for (const { o } of timed) {
        if (o.level === 'ERROR')
            errors.push({
                observation_id: o.id,
                name: o.name,
                message: typeof o.statusMessage === 'string' ? o.statusMessage : 'level ERROR',
            });
        if (o.type === 'GENERATION') {
            lastGen = o;
            if (typeof o.model === 'string')
                models.add(o.model);
            const u = isObject(o.usageDetails) ? o.usageDetails : isObject(o.usage) ? o.usage : {};
            const input = num(u.input) ?? num(u.promptTokens) ?? num(u.input_tokens);
            const output = num(u.output) ?? num(u.completionTokens) ?? num(u.output_tokens);
            if (input !== undefined)
                usage.input_tokens = (usage.input_tokens ?? 0) + input;
            if (output !== undefined)
                usage.output_tokens = (usage.output_tokens ?? 0) + output;
            const cost = isObject(o.costDetails) ? num(o.costDetails.total) : num(o.calculatedTotalCost);
            if (cost !== undefined)
                usage.cost_usd = (usage.cost_usd ?? 0) + cost;
        }
        else if (o.type === 'TOOL') {
            const call = { name: typeof o.name === 'string' ? o.name : 'tool' };
            if (isObject(o.input))
                call.arguments = o.input;
            else if (o.input !== undefined && o.input !== null)
                call.arguments = { _unparsed: o.input };
            if (o.output !== undefined && o.output !== null)
                call.result = o.output;
            if (o.level === 'ERROR')
                call.result = { error: o.statusMessage ?? 'level ERROR' };
            toolCalls.push(call);
        }
        else if (o.type === 'RETRIEVER') {
            retrieved.push(...docs(o.output));
        }
        else {
            other.push({
                id: o.id,
                type: o.type,
                name: o.name,
                input: o.input,
                output: o.output,
                metadata: o.metadata,
            });
        }
    }
    const genOutput = answerText(lastGen?.output);
    const output = answerText(raw.output) ?? genOutput ?? '';
    const trace = { output, trace_id: traceId };
    const msgs = lastGen ? [...messages(lastGen.input)] : [];
    if (genOutput !== undefined)
        msgs.push({ role: 'assistant', content: genOutput });
    if (msgs.length)
        trace.messages = msgs;
    if (toolCalls.length)
        trace.tool_calls = toolCalls;
    if (retrieved.length)
        trace.retrieved = retrieved;
    if (Object.keys(usage).length)
        trace.usage = usage;
    // An observation that errored before any answer: the trace did not complete.
    if (errors.length && output === '')
        trace.error = {
            kind: 'target',
            message: `observation ${errors[0].observation_id}: ${errors[0].message}`,
        };
    const starts = timed.map((t) => t.start).filter((t) => t > 0);
    // When the conversation started: the trace's timestamp, else its first observation's start.
    const began = time(raw.timestamp, 'timestamp', traceId) ?? (starts.length ? Math.min(...starts) : undefined);
    const ends = timed.map((t) => t.end).filter((t) => t !== undefined);
    if (starts.length && ends.length)
        trace.latency_ms = Math.max(...ends) - Math.min(...starts);
    const metadata = { source: 'langfuse', source_trace_id: traceId };
    if (began !== undefined)
        metadata.started_at = new Date(began).toISOString();
    if (raw.input !== undefined)
        metadata.input = raw.input;
    for (const key of [
        'name',
        'timestamp',
        'userId',
        'sessionId',
        'tags',
        'release',
        'version',
        'environment',
    ])
        if (raw[key] !== undefined)
            metadata[key] = raw[key];
    if (raw.metadata !== undefined)
        metadata.langfuse_metadata = raw.metadata;
    if (models.size)
        metadata.models = [...models];
    if (errors.length)
        metadata.span_errors = errors;
    if (other.length)
        metadata.observations = other;
    trace.metadata = metadata;
    return trace;
}
/**
 * Langfuse's flat observation exports: one row per observation with its trace's id, not nested
 * under a trace. Two shapes: the public API's (`traceId`, `startTime`, `parentObservationId`,
 * `usageDetails`...) and the blob storage export's (`trace_id`, `start_time` as
 * `2024-05-29 13:46:19.963000` UTC, `usage_details`, input and output as JSON text, and in its
 * enriched form the trace's `trace_name`, `user_id`, `session_id`, `tags`, `release`).
 */
const OBSERVATION_TYPES = new Set([
    'SPAN',
    'GENERATION',
    'EVENT',
    'AGENT',
    'TOOL',
    'CHAIN',
    'RETRIEVER',
    'EVALUATOR',
    'EMBEDDING',
    'GUARDRAIL',
]);
/** The trace id of a flat observation row, or undefined when the value is not one. */
function observationRowTrace(v) {
    const traceId = v.traceId ?? v.trace_id;
    if (typeof traceId !== 'string' || !traceId || typeof v.id !== 'string')
        return undefined;
    if (typeof v.type !== 'string' || !OBSERVATION_TYPES.has(v.type))
        return undefined;
    return 'startTime' in v || 'start_time' in v ? traceId : undefined;
}
/** JSON text (the blob export's input and output) as its value; other text as it is. */
function jsonText(v) {
    if (typeof v !== 'string')
        return v;
    if (v === '')
        return undefined;
    const t = v.trim();
    if (!(t.startsWith('{') || t.startsWith('[') || t.startsWith('"')))
        return v;
    try {
        return JSON.parse(t);
    }
    catch {
        return v;
    }
}
const pick = (row, camel, snake) => row[camel] ?? row[snake];
/** A flat row in the nested export's observation shape (camelCase, parsed input and output). */
function observationOf(row) {
    return {
        id: row.id,
        type: row.type,
        name: row.name,
        startTime: pick(row, 'startTime', 'start_time'),
        endTime: pick(row, 'endTime', 'end_time'),
        parentObservationId: pick(row, 'parentObservationId', 'parent_observation_id') || undefined,
        input: jsonText(row.input),
        output: jsonText(row.output),
        model: row.model ?? (row.provided_model_name || undefined),
        usageDetails: pick(row, 'usageDetails', 'usage_details'),
        usage: row.usage,
        costDetails: pick(row, 'costDetails', 'cost_details'),
        calculatedTotalCost: row.calculatedTotalCost ?? row.total_cost,
        level: row.level,
        statusMessage: pick(row, 'statusMessage', 'status_message') || undefined,
        metadata: row.metadata,
    };
}
/**
 * The flat rows of one trace → an evalgate trace, as `traceFromLangfuse` maps a nested one. The
 * trace's own input and output are its top-level observation's (the SDKs' root span); the
 * enriched export's trace fields fill the trace's name, user, session, tags and release.
 */
function traceFromObservationRows(traceId, rows) {
    const observations = rows.map(observationOf);
    const roots = observations.filter((o) => !o.parentObservationId);
    const root = roots.length === 1 ? roots[0] : undefined;
    const first = rows[0];
    const raw = { id: traceId, observations };
    if (root?.input !== undefined)
        raw.input = root.input;
    if (root?.output !== undefined && root.type !== 'GENERATION')
        raw.output = root.output;
    const trace = [
        ['name', pick(first, 'traceName', 'trace_name')],
        ['userId', pick(first, 'userId', 'user_id')],
        ['sessionId', pick(first, 'sessionId', 'session_id')],
        ['tags', first.tags],
        ['release', first.release],
        ['environment', first.environment],
    ];
    for (const [key, value] of trace)
        if (value !== undefined && value !== null && value !== '')
            raw[key] = value;
    return traceFromLangfuse(raw);
}

// EXTERNAL MODULE: ./build/import/map-spans.js
var map_spans = __webpack_require__(58282);
// EXTERNAL MODULE: ./build/suite/jsonl-stream.js
var jsonl_stream = __webpack_require__(78862);
;// CONCATENATED MODULE: ./build/import/index.js
/**
 * `evalgate import`: reads exported traces line by line and writes evalgate traces, one JSON
 * object per line, each keeping the source's trace id (`trace_id`, and `metadata.source_trace_id`).
 *
 * Input: JSON lines, each one of
 *   - an OTLP ExportTraceServiceRequest (`{"resourceSpans": [...]}`), as the OpenTelemetry
 *     collector's file exporter writes it: OTel GenAI or OpenInference spans;
 *   - a Langfuse trace with its `observations`;
 *   - a Langfuse observation row (the public API's or the blob storage export's: one row per
 *     observation with its `traceId` / `trace_id`), grouped into traces;
 *   - an evalgate trace (`{"output": ...}`), normalised as a target's answer is.
 * A file that is one JSON document (an array of those, or one request) is read whole.
 *
 * Memory: spans wait only until their trace's root span arrives (a root span ends, and so is
 * exported, after its children), then the trace is written and dropped: memory holds the traces
 * in flight, not the file. Spans that arrive after their root are reported, not merged.
 */







const import_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function fail(file, line, message) {
    throw (0,errors/* suiteError */.lJ)([{ file, line, message }]);
}
function spanFail(file, line, err) {
    fail(file, line, err.spanId ? `span ${err.spanId}: ${err.message}` : err.message);
}
/** Streams one file's traces to `write`. Throws a SuiteError (file, line, span id) on bad input. */
async function importFile(path, shown, write) {
    const stats = { traces: 0, bySource: {}, lateSpans: 0, rootless: 0 };
    const pending = new Map();
    const written = new Set();
    const emit = async (trace) => {
        const source = String(trace.metadata?.source ?? 'evalgate');
        stats.bySource[source] = (stats.bySource[source] ?? 0) + 1;
        stats.traces++;
        await write(trace);
    };
    const flushTrace = async (traceId) => {
        const spans = pending.get(traceId);
        pending.delete(traceId);
        written.add(traceId);
        await emit((0,map_spans/* traceFromSpans */.Z)(spans, (0,map_spans/* spanSource */.q)(spans)));
    };
    // Langfuse's flat observation rows: grouped by trace id, each trace written at its last row
    // (known from a first pass over the file), so the rows may come in any order.
    const rows = new Map();
    const whole = await isWholeJson(path);
    const lastRow = whole ? undefined : await observationRowIndex(path, shown);
    const flushRows = async (traceId, line) => {
        const list = rows.get(traceId);
        rows.delete(traceId);
        try {
            await emit(traceFromObservationRows(traceId, list));
        }
        catch (err) {
            if (err instanceof import_spans/* SpanError */.t6)
                fail(shown, line, `trace ${traceId}: observation ${err.spanId ?? '?'}: ${err.message}`);
            throw err;
        }
    };
    const handle = async (value, line) => {
        if (!import_isObject(value))
            fail(shown, line, 'expected a JSON object');
        const rowTrace = observationRowTrace(value);
        if (rowTrace !== undefined) {
            let list = rows.get(rowTrace);
            if (!list)
                rows.set(rowTrace, (list = []));
            list.push(value);
            if (line !== undefined && lastRow?.get(rowTrace) === line)
                await flushRows(rowTrace, line);
            return;
        }
        if ('resourceSpans' in value) {
            let spans;
            try {
                spans = (0,import_spans/* spansOfRequest */.WS)(value);
            }
            catch (err) {
                if (err instanceof import_spans/* SpanError */.t6)
                    spanFail(shown, line, err);
                throw err;
            }
            const roots = [];
            for (const span of spans) {
                if (written.has(span.traceId)) {
                    stats.lateSpans++;
                    continue;
                }
                let list = pending.get(span.traceId);
                if (!list)
                    pending.set(span.traceId, (list = []));
                list.push(span);
                if (!span.parentSpanId)
                    roots.push(span.traceId);
            }
            for (const id of roots)
                if (pending.has(id))
                    await flushTrace(id);
            return;
        }
        if (isLangfuseTrace(value)) {
            try {
                await emit(traceFromLangfuse(value));
            }
            catch (err) {
                if (err instanceof import_spans/* SpanError */.t6)
                    fail(shown, line, `trace ${String(value.id)}: observation ${err.spanId ?? '?'}: ${err.message}`);
                throw err;
            }
            return;
        }
        const r = (0,trace/* normalizeTrace */.v)(value);
        if ('error' in r)
            fail(shown, line, `not an OTLP request, Langfuse trace or evalgate trace: ${r.error}`);
        const metadata = { ...r.trace.metadata, source: 'evalgate' };
        if (r.trace.trace_id)
            metadata.source_trace_id = r.trace.trace_id;
        await emit({ ...r.trace, metadata });
    };
    if (whole) {
        const info = await (0,promises_.stat)(path);
        let doc;
        try {
            doc = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        }
        catch (err) {
            fail(shown, undefined, `not valid JSON (${err.message}); use JSON lines for large exports (${info.size} bytes)`);
        }
        for (const item of Array.isArray(doc) ? doc : [doc])
            await handle(item, undefined);
    }
    else {
        for await (const { value, line } of (0,jsonl_stream/* readJsonLines */.s)(path, shown))
            await handle(value, line);
    }
    // Traces whose root never came (a cut export): written as they are, and counted.
    for (const id of [...pending.keys()]) {
        stats.rootless++;
        await flushTrace(id);
    }
    // Observation rows the first pass did not see coming (a file that does not start with them).
    for (const id of [...rows.keys()])
        await flushRows(id, undefined);
    return stats;
}
/**
 * For a file of Langfuse observation rows (its first line is one): each trace id's last line.
 * Memory: one entry per trace, not the rows. Other files: undefined, and no second read.
 */
async function observationRowIndex(path, shown) {
    let index;
    for await (const { value, line } of (0,jsonl_stream/* readJsonLines */.s)(path, shown)) {
        const traceId = import_isObject(value) ? observationRowTrace(value) : undefined;
        if (!index) {
            if (traceId === undefined)
                return undefined;
            index = new Map();
        }
        if (traceId !== undefined)
            index.set(traceId, line);
    }
    return index;
}
/**
 * JSON lines unless the file is one pretty-printed document: its first non-blank line is not a
 * complete JSON value (`{` or `[` on its own) or it starts with `[`.
 */
async function isWholeJson(path) {
    const fh = await (0,promises_.open)(path, 'r');
    try {
        const buf = Buffer.alloc(64 * 1024);
        const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
        const head = buf
            .subarray(0, bytesRead)
            .toString('utf8')
            .replace(/^\uFEFF/, '');
        const first = head.trimStart();
        if (first.startsWith('['))
            return true;
        const lineEnd = first.indexOf('\n');
        if (lineEnd === -1)
            return false;
        try {
            JSON.parse(first.slice(0, lineEnd));
            return false;
        }
        catch {
            return true;
        }
    }
    finally {
        await fh.close();
    }
}
/** Writes to a stream, waiting when it asks to (so a slow disk does not buffer the import). */
function lineWriter(out) {
    return async (trace) => {
        if (!out.write(`${JSON.stringify(trace)}\n`))
            await new Promise((resolve) => out.once('drain', resolve));
    };
}

;// CONCATENATED MODULE: ./build/import/command.js
/** The `evalgate import` command: files in, one traces file (or stdout) out, a summary on stderr. */





async function importCommand(files, out, log) {
    if (files.length === 0)
        throw (0,errors/* suiteError */.lJ)([{ file: 'evalgate import', message: 'name the exported files to import' }]);
    const stream = out ? (0,external_node_fs_.createWriteStream)(out) : process.stdout;
    const write = lineWriter(stream);
    const total = { traces: 0, bySource: {}, lateSpans: 0, rootless: 0 };
    try {
        for (const file of files) {
            const s = await importFile(file, (0,errors/* displayPath */.Gt)(file), write);
            total.traces += s.traces;
            total.lateSpans += s.lateSpans;
            total.rootless += s.rootless;
            for (const [k, v] of Object.entries(s.bySource))
                total.bySource[k] = (total.bySource[k] ?? 0) + v;
        }
    }
    catch (err) {
        // No half-written traces file that looks like a finished import.
        if (out) {
            stream.destroy();
            await (0,promises_.rm)(out, { force: true });
        }
        throw err;
    }
    if (out) {
        stream.end();
        await (0,external_node_stream_promises_.finished)(stream);
    }
    const sources = Object.entries(total.bySource)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
    log(`imported ${total.traces} trace(s)${sources ? ` (${sources})` : ''}${out ? ` to ${(0,errors/* displayPath */.Gt)(out)}` : ''}`);
    if (total.rootless)
        log(`${total.rootless} trace(s) had no root span (a cut export?): written from the spans found`);
    if (total.lateSpans)
        log(`${total.lateSpans} span(s) arrived after their trace's root span and were not merged`);
    return 0;
}


/***/ }),

/***/ 78862:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ readJsonLines)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80481);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70156);
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
