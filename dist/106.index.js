export const id = 106;
export const ids = [106];
export const modules = {

/***/ 86106:
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
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(80481);
// EXTERNAL MODULE: ./build/targets/trace.js
var trace = __webpack_require__(1220);
;// CONCATENATED MODULE: ./build/import/spans.js
/**
 * OTLP JSON spans (what the OpenTelemetry file exporter writes, one ExportTraceServiceRequest
 * per line) flattened into plain spans with their attributes as one object. Both the OTel GenAI
 * semantic conventions and OpenInference travel in this envelope; `traceFromSpans` tells them
 * apart per span by their attribute names. Pure.
 */
/** A malformed span: the span id (when it has one) and what is wrong. */
class SpanError extends Error {
    spanId;
    constructor(spanId, message) {
        super(message);
        this.spanId = spanId;
    }
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `obj[key] = value` that stays an own property even for `__proto__`. */
function setOwn(obj, key, value) {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
/** An OTLP AnyValue (`{stringValue}`, `{intValue: "3"}`, `{arrayValue: {values}}`...) as JSON. */
function anyValue(v) {
    if (!isObject(v))
        return v;
    if ('stringValue' in v)
        return v.stringValue;
    if ('boolValue' in v)
        return v.boolValue;
    if ('intValue' in v)
        return Number(v.intValue);
    if ('doubleValue' in v)
        return Number(v.doubleValue);
    if ('bytesValue' in v)
        return v.bytesValue;
    if (isObject(v.arrayValue))
        return Array.isArray(v.arrayValue.values) ? v.arrayValue.values.map(anyValue) : [];
    if (isObject(v.kvlistValue))
        return keyValues(v.kvlistValue.values, undefined);
    return undefined;
}
function keyValues(list, spanId) {
    const out = {};
    if (list === undefined)
        return out;
    if (!Array.isArray(list))
        throw new SpanError(spanId, 'attributes: expected an array');
    for (const kv of list) {
        if (!isObject(kv) || typeof kv.key !== 'string')
            throw new SpanError(spanId, 'attributes: each attribute needs a string key');
        setOwn(out, kv.key, anyValue(kv.value));
    }
    return out;
}
/** OTLP times are nanoseconds as a decimal string (or number); to ms without losing range. */
function nanosToMs(v, field, spanId) {
    const s = typeof v === 'number' ? String(v) : v;
    if (typeof s !== 'string' || !/^\d+$/.test(s))
        throw new SpanError(spanId, `${field}: expected Unix nanoseconds, got ${JSON.stringify(v)}`);
    return Number(BigInt(s) / 1000n) / 1000;
}
/** Status code 2 / "STATUS_CODE_ERROR" is an error (OTLP JSON may write either). */
function readStatus(v) {
    if (!isObject(v))
        return { error: false };
    const error = v.code === 2 || v.code === 'STATUS_CODE_ERROR' || v.code === 'ERROR';
    const message = typeof v.message === 'string' && v.message ? v.message : undefined;
    return message ? { error, message } : { error };
}
function readSpan(raw, service) {
    if (!isObject(raw))
        throw new SpanError(undefined, 'a span must be an object');
    const spanId = typeof raw.spanId === 'string' && raw.spanId ? raw.spanId : undefined;
    if (!spanId)
        throw new SpanError(undefined, 'spanId: required (hex string)');
    if (typeof raw.traceId !== 'string' || !raw.traceId)
        throw new SpanError(spanId, 'traceId: required (hex string)');
    const startMs = nanosToMs(raw.startTimeUnixNano, 'startTimeUnixNano', spanId);
    const endMs = raw.endTimeUnixNano === undefined
        ? startMs
        : nanosToMs(raw.endTimeUnixNano, 'endTimeUnixNano', spanId);
    if (endMs < startMs)
        throw new SpanError(spanId, 'endTimeUnixNano is before startTimeUnixNano');
    const events = [];
    if (raw.events !== undefined && !Array.isArray(raw.events))
        throw new SpanError(spanId, 'events: expected an array');
    for (const e of raw.events ?? []) {
        if (!isObject(e) || typeof e.name !== 'string')
            throw new SpanError(spanId, 'events: each event needs a name');
        events.push({
            name: e.name,
            timeMs: e.timeUnixNano === undefined ? undefined : nanosToMs(e.timeUnixNano, 'event time', spanId),
            attributes: keyValues(e.attributes, spanId),
        });
    }
    const span = {
        traceId: raw.traceId,
        spanId,
        name: typeof raw.name === 'string' ? raw.name : '',
        startMs,
        endMs,
        status: readStatus(raw.status),
        attributes: keyValues(raw.attributes, spanId),
        events,
    };
    if (typeof raw.parentSpanId === 'string' && raw.parentSpanId)
        span.parentSpanId = raw.parentSpanId;
    if (service)
        span.service = service;
    return span;
}
/** The spans of one ExportTraceServiceRequest (`{resourceSpans: [...]}`). Throws SpanError. */
function spansOfRequest(request) {
    const out = [];
    if (!Array.isArray(request.resourceSpans))
        throw new SpanError(undefined, 'resourceSpans: expected an array');
    for (const rs of request.resourceSpans) {
        if (!isObject(rs))
            throw new SpanError(undefined, 'resourceSpans: each entry is an object');
        const resource = isObject(rs.resource) ? keyValues(rs.resource.attributes, undefined) : {};
        const service = typeof resource['service.name'] === 'string' ? resource['service.name'] : '';
        const scopes = rs.scopeSpans ?? rs.instrumentationLibrarySpans ?? [];
        if (!Array.isArray(scopes))
            throw new SpanError(undefined, 'scopeSpans: expected an array');
        for (const ss of scopes) {
            if (!isObject(ss) || !Array.isArray(ss.spans))
                throw new SpanError(undefined, 'scopeSpans[].spans: expected an array');
            for (const s of ss.spans)
                out.push(readSpan(s, service || undefined));
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./build/import/langfuse.js

const langfuse_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function time(v, field, id) {
    if (v === undefined || v === null)
        return undefined;
    const t = typeof v === 'string' ? Date.parse(v) : NaN;
    if (Number.isNaN(t))
        throw new SpanError(id, `${field}: expected an ISO time, got ${JSON.stringify(v)}`);
    return t;
}
function answerText(v) {
    if (typeof v === 'string')
        return v;
    if (langfuse_isObject(v)) {
        if (typeof v.content === 'string')
            return v.content;
        if (typeof v.output === 'string')
            return v.output;
        if (typeof v.text === 'string')
            return v.text;
        if (Array.isArray(v.choices) && langfuse_isObject(v.choices[0]) && langfuse_isObject(v.choices[0].message))
            return answerText(v.choices[0].message);
    }
    return undefined;
}
function messages(v) {
    const list = Array.isArray(v) ? v : langfuse_isObject(v) && Array.isArray(v.messages) ? v.messages : [];
    return list.filter((m) => langfuse_isObject(m) && typeof m.role === 'string');
}
function docs(v) {
    const list = Array.isArray(v) ? v : langfuse_isObject(v) && Array.isArray(v.documents) ? v.documents : [];
    const out = [];
    for (const d of list) {
        if (typeof d === 'string')
            out.push({ text: d });
        else if (langfuse_isObject(d) && typeof (d.content ?? d.text ?? d.pageContent) === 'string') {
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
        if (!langfuse_isObject(o))
            throw new SpanError(undefined, 'observations: each entry is an object');
        if (typeof o.id !== 'string' || !o.id)
            throw new SpanError(undefined, 'observation id: required');
        if (typeof o.type !== 'string')
            throw new SpanError(o.id, 'type: required (GENERATION, SPAN, EVENT...)');
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
            const u = langfuse_isObject(o.usageDetails) ? o.usageDetails : langfuse_isObject(o.usage) ? o.usage : {};
            const input = num(u.input) ?? num(u.promptTokens) ?? num(u.input_tokens);
            const output = num(u.output) ?? num(u.completionTokens) ?? num(u.output_tokens);
            if (input !== undefined)
                usage.input_tokens = (usage.input_tokens ?? 0) + input;
            if (output !== undefined)
                usage.output_tokens = (usage.output_tokens ?? 0) + output;
            const cost = langfuse_isObject(o.costDetails) ? num(o.costDetails.total) : num(o.calculatedTotalCost);
            if (cost !== undefined)
                usage.cost_usd = (usage.cost_usd ?? 0) + cost;
        }
        else if (o.type === 'TOOL') {
            const call = { name: typeof o.name === 'string' ? o.name : 'tool' };
            if (langfuse_isObject(o.input))
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
    const ends = timed.map((t) => t.end).filter((t) => t !== undefined);
    if (starts.length && ends.length)
        trace.latency_ms = Math.max(...ends) - Math.min(...starts);
    const metadata = { source: 'langfuse', source_trace_id: traceId };
    if (raw.input !== undefined)
        metadata.input = raw.input;
    for (const key of ['name', 'timestamp', 'userId', 'sessionId', 'tags', 'release', 'version'])
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

;// CONCATENATED MODULE: ./build/import/map-spans.js

const map_spans_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const LLM_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content', 'completion']);
/** A JSON string of an object or array → its value; anything else unchanged. */
function maybeJson(v) {
    if (typeof v !== 'string')
        return v;
    const t = v.trim();
    if (!(t.startsWith('{') || t.startsWith('[')))
        return v;
    try {
        return JSON.parse(t);
    }
    catch {
        return v;
    }
}
function map_spans_text(v) {
    if (typeof v === 'string')
        return v;
    if (v === undefined || v === null)
        return undefined;
    // OTel's newer message form: `parts: [{type: 'text', content}]`.
    if (Array.isArray(v))
        return v
            .map((p) => (map_spans_isObject(p) ? (map_spans_text(p.content) ?? map_spans_text(p.text) ?? '') : String(p)))
            .join('');
    return JSON.stringify(v);
}
/**
 * Collects `prefix.N.rest` attributes into a list of objects keyed by `rest`
 * (`llm.input_messages.0.message.role` → `[{ 'message.role': ... }]`), consuming them.
 */
function indexed(attrs, prefix, used) {
    const out = [];
    const p = `${prefix}.`;
    for (const key of Object.keys(attrs)) {
        if (!key.startsWith(p))
            continue;
        const m = /^(\d+)\.(.+)$/.exec(key.slice(p.length));
        if (!m)
            continue;
        const i = Number(m[1]);
        if (i > 10_000)
            continue;
        setOwn((out[i] ??= {}), m[2], attrs[key]);
        used.add(key);
    }
    return out.filter(Boolean);
}
function messageOf(o) {
    const role = o['message.role'] ?? o.role;
    if (typeof role !== 'string')
        return undefined;
    const msg = { role };
    const content = map_spans_text(o['message.content'] ?? o.content ?? o.parts);
    if (content !== undefined)
        msg.content = content;
    const calls = indexedCalls(o);
    if (calls.length)
        msg.tool_calls = calls;
    if (Array.isArray(o.tool_calls))
        msg.tool_calls = o.tool_calls;
    return msg;
}
/** OpenInference's `message.tool_calls.N.tool_call.function.name/arguments` on a message. */
function indexedCalls(o) {
    const calls = [];
    for (const key of Object.keys(o)) {
        const m = /^message\.tool_calls\.(\d+)\.tool_call\.(.+)$/.exec(key);
        if (!m)
            continue;
        setOwn((calls[Number(m[1])] ??= {}), m[2], o[key]);
    }
    return calls.filter(Boolean).map((c) => ({
        id: c.id,
        name: c['function.name'],
        arguments: maybeJson(c['function.arguments']),
    }));
}
function messagesFromJson(v) {
    const parsed = maybeJson(v);
    const list = Array.isArray(parsed) ? parsed : map_spans_isObject(parsed) ? [parsed] : [];
    const out = [];
    for (const item of list) {
        if (!map_spans_isObject(item))
            continue;
        // gen_ai.choice bodies wrap the message: {index, finish_reason, message: {...}}
        const m = messageOf(map_spans_isObject(item.message) ? { role: 'assistant', ...item.message } : item);
        if (m)
            out.push(m);
    }
    return out;
}
/** Input and output messages of an LLM span, from whichever convention it used. */
function llmMessages(span, used) {
    const a = span.attributes;
    let input = indexed(a, 'llm.input_messages', used)
        .map(messageOf)
        .filter((m) => !!m);
    let output = indexed(a, 'llm.output_messages', used)
        .map(messageOf)
        .filter((m) => !!m);
    for (const key of ['gen_ai.input.messages', 'gen_ai.prompt']) {
        if (a[key] !== undefined && !input.length) {
            input = messagesFromJson(a[key]);
            if (input.length)
                used.add(key);
        }
    }
    for (const key of ['gen_ai.output.messages', 'gen_ai.completion']) {
        if (a[key] !== undefined && !output.length) {
            output = messagesFromJson(a[key]);
            if (output.length)
                used.add(key);
        }
    }
    // Indexed legacy form: gen_ai.prompt.0.role / gen_ai.prompt.0.content.
    if (!input.length)
        input = indexed(a, 'gen_ai.prompt', used)
            .map(messageOf)
            .filter((m) => !!m);
    if (!output.length)
        output = indexed(a, 'gen_ai.completion', used)
            .map(messageOf)
            .filter((m) => !!m);
    // Event form: gen_ai.{system,user,assistant,tool}.message and gen_ai.choice.
    if (!input.length || !output.length) {
        const fromEvents = [];
        const choices = [];
        for (const e of span.events) {
            const m = /^gen_ai\.(system|user|assistant|tool)\.message$/.exec(e.name);
            if (m) {
                const msg = { role: m[1] };
                const content = map_spans_text(maybeJson(e.attributes.content ?? e.attributes['gen_ai.content']));
                if (content !== undefined)
                    msg.content = content;
                fromEvents.push(msg);
            }
            else if (e.name === 'gen_ai.choice') {
                const body = maybeJson(e.attributes.message ?? e.attributes.content);
                const msg = map_spans_isObject(body) ? messageOf({ role: 'assistant', ...body }) : undefined;
                if (msg)
                    choices.push(msg);
                else if (typeof body === 'string')
                    choices.push({ role: 'assistant', content: body });
            }
        }
        if (!input.length)
            input = fromEvents;
        if (!output.length)
            output = choices;
    }
    return { input, output };
}
function addUsage(total, input, output) {
    if (typeof input === 'number' && Number.isFinite(input))
        total.input_tokens = (total.input_tokens ?? 0) + input;
    if (typeof output === 'number' && Number.isFinite(output))
        total.output_tokens = (total.output_tokens ?? 0) + output;
}
function documents(span, used) {
    const a = span.attributes;
    const docs = [];
    for (const d of indexed(a, 'retrieval.documents', used)) {
        const content = d['document.content'];
        if (typeof content !== 'string')
            continue;
        const doc = { text: content };
        if (d['document.id'] !== undefined)
            doc.id = String(d['document.id']);
        if (typeof d['document.score'] === 'number')
            doc.score = d['document.score'];
        const meta = maybeJson(d['document.metadata']);
        if (map_spans_isObject(meta) && typeof meta.source === 'string')
            doc.source = meta.source;
        docs.push(doc);
    }
    const json = maybeJson(a['gen_ai.retrieval.documents']);
    if (Array.isArray(json)) {
        used.add('gen_ai.retrieval.documents');
        for (const d of json) {
            if (typeof d === 'string')
                docs.push({ text: d });
            else if (map_spans_isObject(d) && typeof (d.content ?? d.text) === 'string') {
                const doc = { text: (d.content ?? d.text) };
                if (d.id !== undefined)
                    doc.id = String(d.id);
                if (typeof d.score === 'number')
                    doc.score = d.score;
                if (typeof d.source === 'string')
                    doc.source = d.source;
                docs.push(doc);
            }
        }
    }
    return docs;
}
function kindOf(span) {
    const a = span.attributes;
    const oi = typeof a['openinference.span.kind'] === 'string' ? a['openinference.span.kind'] : '';
    const op = typeof a['gen_ai.operation.name'] === 'string' ? a['gen_ai.operation.name'] : '';
    if (oi === 'LLM' || LLM_OPERATIONS.has(op))
        return 'llm';
    if (oi === 'TOOL' || op === 'execute_tool')
        return 'tool';
    if (oi === 'RETRIEVER' || op === 'retrieval' || op === 'retrieve')
        return 'retrieval';
    return 'other';
}
const CONSUMED_ALWAYS = [
    'openinference.span.kind',
    'gen_ai.operation.name',
    'gen_ai.request.model',
    'gen_ai.response.model',
    'llm.model_name',
    'gen_ai.usage.input_tokens',
    'gen_ai.usage.output_tokens',
    'gen_ai.usage.prompt_tokens',
    'gen_ai.usage.completion_tokens',
    'llm.token_count.prompt',
    'llm.token_count.completion',
    'llm.token_count.total',
];
/**
 * Maps the spans of one trace. `source` names the format for `metadata.source`.
 * The spans may come in any order; they are read by start time.
 */
function traceFromSpans(spans, source) {
    const ordered = [...spans].sort((x, y) => x.startMs - y.startMs);
    const ids = new Set(ordered.map((s) => s.spanId));
    const root = ordered.find((s) => !s.parentSpanId || !ids.has(s.parentSpanId)) ?? ordered[0];
    const usage = {};
    const toolCalls = [];
    const retrieved = [];
    const models = new Set();
    const spanErrors = [];
    const unmapped = [];
    let lastLlm;
    // A loop, not Math.min(...spread): a trace may hold more spans than a call has arguments.
    let start = Infinity;
    let end = -Infinity;
    for (const s of ordered) {
        if (s.startMs < start)
            start = s.startMs;
        if (s.endMs > end)
            end = s.endMs;
    }
    for (const span of ordered) {
        const a = span.attributes;
        const used = new Set(CONSUMED_ALWAYS);
        const kind = kindOf(span);
        if (span.status.error)
            spanErrors.push({
                span_id: span.spanId,
                name: span.name,
                message: span.status.message ?? 'status ERROR',
            });
        if (kind === 'llm') {
            const model = a['gen_ai.response.model'] ?? a['gen_ai.request.model'] ?? a['llm.model_name'];
            if (typeof model === 'string')
                models.add(model);
            addUsage(usage, a['gen_ai.usage.input_tokens'] ??
                a['gen_ai.usage.prompt_tokens'] ??
                a['llm.token_count.prompt'], a['gen_ai.usage.output_tokens'] ??
                a['gen_ai.usage.completion_tokens'] ??
                a['llm.token_count.completion']);
            lastLlm = llmMessages(span, used);
        }
        else if (kind === 'tool') {
            const name = a['gen_ai.tool.name'] ?? a['tool.name'] ?? span.name;
            const call = { name: String(name) };
            const args = maybeJson(a['gen_ai.tool.call.arguments'] ?? a['input.value'] ?? a['tool.parameters']);
            if (map_spans_isObject(args))
                call.arguments = args;
            else if (args !== undefined)
                call.arguments = { _unparsed: args };
            const result = a['gen_ai.tool.call.result'] ?? a['output.value'];
            if (result !== undefined)
                call.result = maybeJson(result);
            if (span.status.error)
                call.result = { error: span.status.message ?? 'status ERROR' };
            const id = a['gen_ai.tool.call.id'] ?? a['tool_call.id'];
            if (id !== undefined)
                call.id = String(id);
            for (const k of [
                'gen_ai.tool.name',
                'tool.name',
                'gen_ai.tool.call.arguments',
                'input.value',
                'tool.parameters',
                'gen_ai.tool.call.result',
                'output.value',
                'gen_ai.tool.call.id',
                'tool_call.id',
            ])
                used.add(k);
            toolCalls.push(call);
        }
        else if (kind === 'retrieval') {
            retrieved.push(...documents(span, used));
        }
        if (span === root)
            for (const k of ['input.value', 'output.value'])
                used.add(k);
        const rest = {};
        for (const key of Object.keys(a))
            if (!used.has(key))
                setOwn(rest, key, a[key]);
        if (Object.keys(rest).length || (kind === 'other' && span !== root))
            unmapped.push({ span_id: span.spanId, name: span.name, attributes: rest });
    }
    const rootAttrs = root.attributes;
    const answer = lastLlm?.output.findLast((m) => m.role === 'assistant');
    const rootOutput = rootAttrs['output.value'];
    const output = typeof answer?.content === 'string'
        ? answer.content
        : typeof rootOutput === 'string'
            ? rootOutput
            : '';
    const trace = { output, trace_id: root.traceId };
    const messages = lastLlm ? [...lastLlm.input, ...lastLlm.output] : [];
    if (messages.length)
        trace.messages = messages;
    if (toolCalls.length)
        trace.tool_calls = toolCalls;
    if (retrieved.length)
        trace.retrieved = retrieved;
    if (usage.input_tokens !== undefined || usage.output_tokens !== undefined)
        trace.usage = usage;
    trace.latency_ms = Math.round((end - start) * 1000) / 1000;
    if (root.status.error)
        trace.error = {
            kind: 'target',
            message: `span ${root.name || root.spanId} (${root.spanId}) ended with status ERROR${root.status.message ? `: ${root.status.message}` : ''}`,
        };
    const input = rootAttrs['input.value'] ??
        lastLlm?.input.findLast((m) => m.role === 'user')?.content ??
        undefined;
    const metadata = {
        source,
        source_trace_id: root.traceId,
        started_at: new Date(start).toISOString(),
        root_span: root.name,
    };
    if (input !== undefined)
        metadata.input = maybeJson(input);
    if (root.service)
        metadata.service = root.service;
    if (models.size)
        metadata.models = [...models];
    if (spanErrors.length)
        metadata.span_errors = spanErrors;
    if (unmapped.length)
        metadata.spans = unmapped;
    trace.metadata = metadata;
    return trace;
}
/** Which convention a trace's spans follow, for `metadata.source`. */
function spanSource(spans) {
    return spans.some((s) => 'openinference.span.kind' in s.attributes) ? 'openinference' : 'otel';
}

;// CONCATENATED MODULE: ./build/import/index.js
/**
 * `evalgate import`: reads exported traces line by line and writes evalgate traces, one JSON
 * object per line, each keeping the source's trace id (`trace_id`, and `metadata.source_trace_id`).
 *
 * Input: JSON lines, each one of
 *   - an OTLP ExportTraceServiceRequest (`{"resourceSpans": [...]}`), as the OpenTelemetry
 *     collector's file exporter writes it: OTel GenAI or OpenInference spans;
 *   - a Langfuse trace with its `observations`;
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
        await emit(traceFromSpans(spans, spanSource(spans)));
    };
    const handle = async (value, line) => {
        if (!import_isObject(value))
            fail(shown, line, 'expected a JSON object');
        if ('resourceSpans' in value) {
            let spans;
            try {
                spans = spansOfRequest(value);
            }
            catch (err) {
                if (err instanceof SpanError)
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
                if (err instanceof SpanError)
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
    if (await isWholeJson(path)) {
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
        const lines = (0,external_node_readline_.createInterface)({ input: (0,external_node_fs_.createReadStream)(path, 'utf8'), crlfDelay: Infinity });
        let n = 0;
        for await (const text of lines) {
            n++;
            if (!text.trim())
                continue;
            let value;
            try {
                value = JSON.parse(text);
            }
            catch (err) {
                fail(shown, n, `not valid JSON: ${err.message.replace(/\s*\(line.*$/, '')}`);
            }
            await handle(value, n);
        }
    }
    // Traces whose root never came (a cut export): written as they are, and counted.
    for (const id of [...pending.keys()]) {
        stats.rootless++;
        await flushTrace(id);
    }
    return stats;
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


/***/ })

};
