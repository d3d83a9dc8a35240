/**
 * One trace's spans (OTel GenAI semantic conventions or OpenInference) → an evalgate trace.
 *
 * Per span, by its attributes: an LLM call (`gen_ai.operation.name` chat/text_completion/...,
 * or `openinference.span.kind: LLM`) gives messages, the answer, usage and the model; a tool
 * span (`execute_tool`, or kind TOOL) a tool call with its arguments and result; a retrieval
 * span (`retrieval`, or kind RETRIEVER) the retrieved documents. Whatever is not mapped stays in
 * `metadata.spans`, so nothing the source recorded is lost. Pure.
 */
import type { RetrievedDoc, ToolCall, Trace, TraceMessage, Usage } from '../types.ts';
import { setOwn, type FlatSpan } from './spans.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const LLM_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content', 'completion']);

/** A JSON string of an object or array → its value; anything else unchanged. */
function maybeJson(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return undefined;
  // OTel's newer message form: `parts: [{type: 'text', content}]`.
  if (Array.isArray(v))
    return v
      .map((p) => (isObject(p) ? (text(p.content) ?? text(p.text) ?? '') : String(p)))
      .join('');
  return JSON.stringify(v);
}

/**
 * Collects `prefix.N.rest` attributes into a list of objects keyed by `rest`
 * (`llm.input_messages.0.message.role` → `[{ 'message.role': ... }]`), consuming them.
 */
function indexed(
  attrs: Record<string, unknown>,
  prefix: string,
  used: Set<string>,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const p = `${prefix}.`;
  for (const key of Object.keys(attrs)) {
    if (!key.startsWith(p)) continue;
    const m = /^(\d+)\.(.+)$/.exec(key.slice(p.length));
    if (!m) continue;
    const i = Number(m[1]);
    if (i > 10_000) continue;
    setOwn((out[i] ??= {}), m[2], attrs[key]);
    used.add(key);
  }
  return out.filter(Boolean);
}

function messageOf(o: Record<string, unknown>): TraceMessage | undefined {
  const role = o['message.role'] ?? o.role;
  if (typeof role !== 'string') return undefined;
  const msg: TraceMessage = { role };
  const content = text(o['message.content'] ?? o.content ?? o.parts);
  if (content !== undefined) msg.content = content;
  const calls = indexedCalls(o);
  if (calls.length) msg.tool_calls = calls;
  if (Array.isArray(o.tool_calls)) msg.tool_calls = o.tool_calls;
  return msg;
}

/** OpenInference's `message.tool_calls.N.tool_call.function.name/arguments` on a message. */
function indexedCalls(o: Record<string, unknown>): unknown[] {
  const calls: Record<string, unknown>[] = [];
  for (const key of Object.keys(o)) {
    const m = /^message\.tool_calls\.(\d+)\.tool_call\.(.+)$/.exec(key);
    if (!m) continue;
    setOwn((calls[Number(m[1])] ??= {}), m[2], o[key]);
  }
  return calls.filter(Boolean).map((c) => ({
    id: c.id,
    name: c['function.name'],
    arguments: maybeJson(c['function.arguments']),
  }));
}

function messagesFromJson(v: unknown): TraceMessage[] {
  const parsed = maybeJson(v);
  const list = Array.isArray(parsed) ? parsed : isObject(parsed) ? [parsed] : [];
  const out: TraceMessage[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    // gen_ai.choice bodies wrap the message: {index, finish_reason, message: {...}}
    const m = messageOf(isObject(item.message) ? { role: 'assistant', ...item.message } : item);
    if (m) out.push(m);
  }
  return out;
}

/** Input and output messages of an LLM span, from whichever convention it used. */
function llmMessages(
  span: FlatSpan,
  used: Set<string>,
): { input: TraceMessage[]; output: TraceMessage[] } {
  const a = span.attributes;
  let input = indexed(a, 'llm.input_messages', used)
    .map(messageOf)
    .filter((m): m is TraceMessage => !!m);
  let output = indexed(a, 'llm.output_messages', used)
    .map(messageOf)
    .filter((m): m is TraceMessage => !!m);
  for (const key of ['gen_ai.input.messages', 'gen_ai.prompt']) {
    if (a[key] !== undefined && !input.length) {
      input = messagesFromJson(a[key]);
      if (input.length) used.add(key);
    }
  }
  for (const key of ['gen_ai.output.messages', 'gen_ai.completion']) {
    if (a[key] !== undefined && !output.length) {
      output = messagesFromJson(a[key]);
      if (output.length) used.add(key);
    }
  }
  // Indexed legacy form: gen_ai.prompt.0.role / gen_ai.prompt.0.content.
  if (!input.length)
    input = indexed(a, 'gen_ai.prompt', used)
      .map(messageOf)
      .filter((m): m is TraceMessage => !!m);
  if (!output.length)
    output = indexed(a, 'gen_ai.completion', used)
      .map(messageOf)
      .filter((m): m is TraceMessage => !!m);
  // Event form: gen_ai.{system,user,assistant,tool}.message and gen_ai.choice.
  if (!input.length || !output.length) {
    const fromEvents: TraceMessage[] = [];
    const choices: TraceMessage[] = [];
    for (const e of span.events) {
      const m = /^gen_ai\.(system|user|assistant|tool)\.message$/.exec(e.name);
      if (m) {
        const msg: TraceMessage = { role: m[1] };
        const content = text(maybeJson(e.attributes.content ?? e.attributes['gen_ai.content']));
        if (content !== undefined) msg.content = content;
        fromEvents.push(msg);
      } else if (e.name === 'gen_ai.choice') {
        const body = maybeJson(e.attributes.message ?? e.attributes.content);
        const msg = isObject(body) ? messageOf({ role: 'assistant', ...body }) : undefined;
        if (msg) choices.push(msg);
        else if (typeof body === 'string') choices.push({ role: 'assistant', content: body });
      }
    }
    if (!input.length) input = fromEvents;
    if (!output.length) output = choices;
  }
  return { input, output };
}

function addUsage(total: Usage, input: unknown, output: unknown): void {
  if (typeof input === 'number' && Number.isFinite(input))
    total.input_tokens = (total.input_tokens ?? 0) + input;
  if (typeof output === 'number' && Number.isFinite(output))
    total.output_tokens = (total.output_tokens ?? 0) + output;
}

function documents(span: FlatSpan, used: Set<string>): RetrievedDoc[] {
  const a = span.attributes;
  const docs: RetrievedDoc[] = [];
  for (const d of indexed(a, 'retrieval.documents', used)) {
    const content = d['document.content'];
    if (typeof content !== 'string') continue;
    const doc: RetrievedDoc = { text: content };
    if (d['document.id'] !== undefined) doc.id = String(d['document.id']);
    if (typeof d['document.score'] === 'number') doc.score = d['document.score'];
    const meta = maybeJson(d['document.metadata']);
    if (isObject(meta) && typeof meta.source === 'string') doc.source = meta.source;
    docs.push(doc);
  }
  const json = maybeJson(a['gen_ai.retrieval.documents']);
  if (Array.isArray(json)) {
    used.add('gen_ai.retrieval.documents');
    for (const d of json) {
      if (typeof d === 'string') docs.push({ text: d });
      else if (isObject(d) && typeof (d.content ?? d.text) === 'string') {
        const doc: RetrievedDoc = { text: (d.content ?? d.text) as string };
        if (d.id !== undefined) doc.id = String(d.id);
        if (typeof d.score === 'number') doc.score = d.score;
        if (typeof d.source === 'string') doc.source = d.source;
        docs.push(doc);
      }
    }
  }
  return docs;
}

function kindOf(span: FlatSpan): 'llm' | 'tool' | 'retrieval' | 'other' {
  const a = span.attributes;
  const oi = typeof a['openinference.span.kind'] === 'string' ? a['openinference.span.kind'] : '';
  const op = typeof a['gen_ai.operation.name'] === 'string' ? a['gen_ai.operation.name'] : '';
  if (oi === 'LLM' || LLM_OPERATIONS.has(op)) return 'llm';
  if (oi === 'TOOL' || op === 'execute_tool') return 'tool';
  if (oi === 'RETRIEVER' || op === 'retrieval' || op === 'retrieve') return 'retrieval';
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
export function traceFromSpans(spans: FlatSpan[], source: string): Trace {
  const ordered = [...spans].sort((x, y) => x.startMs - y.startMs);
  const ids = new Set(ordered.map((s) => s.spanId));
  const root = ordered.find((s) => !s.parentSpanId || !ids.has(s.parentSpanId)) ?? ordered[0];
  const usage: Usage = {};
  const toolCalls: ToolCall[] = [];
  const retrieved: RetrievedDoc[] = [];
  const models = new Set<string>();
  const spanErrors: { span_id: string; name: string; message: string }[] = [];
  const unmapped: Record<string, unknown>[] = [];
  let lastLlm: { input: TraceMessage[]; output: TraceMessage[] } | undefined;
  // A loop, not Math.min(...spread): a trace may hold more spans than a call has arguments.
  let start = Infinity;
  let end = -Infinity;
  for (const s of ordered) {
    if (s.startMs < start) start = s.startMs;
    if (s.endMs > end) end = s.endMs;
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
      if (typeof model === 'string') models.add(model);
      addUsage(
        usage,
        a['gen_ai.usage.input_tokens'] ??
          a['gen_ai.usage.prompt_tokens'] ??
          a['llm.token_count.prompt'],
        a['gen_ai.usage.output_tokens'] ??
          a['gen_ai.usage.completion_tokens'] ??
          a['llm.token_count.completion'],
      );
      lastLlm = llmMessages(span, used);
    } else if (kind === 'tool') {
      const name = a['gen_ai.tool.name'] ?? a['tool.name'] ?? span.name;
      const call: ToolCall = { name: String(name) };
      const args = maybeJson(
        a['gen_ai.tool.call.arguments'] ?? a['input.value'] ?? a['tool.parameters'],
      );
      if (isObject(args)) call.arguments = args;
      else if (args !== undefined) call.arguments = { _unparsed: args };
      const result = a['gen_ai.tool.call.result'] ?? a['output.value'];
      if (result !== undefined) call.result = maybeJson(result);
      if (span.status.error) call.result = { error: span.status.message ?? 'status ERROR' };
      const id = a['gen_ai.tool.call.id'] ?? a['tool_call.id'];
      if (id !== undefined) call.id = String(id);
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
    } else if (kind === 'retrieval') {
      retrieved.push(...documents(span, used));
    }
    if (span === root) for (const k of ['input.value', 'output.value']) used.add(k);
    const rest: Record<string, unknown> = {};
    for (const key of Object.keys(a)) if (!used.has(key)) setOwn(rest, key, a[key]);
    if (Object.keys(rest).length || (kind === 'other' && span !== root))
      unmapped.push({ span_id: span.spanId, name: span.name, attributes: rest });
  }

  const rootAttrs = root.attributes;
  const answer = lastLlm?.output.findLast((m) => m.role === 'assistant');
  const rootOutput = rootAttrs['output.value'];
  const output =
    typeof answer?.content === 'string'
      ? answer.content
      : typeof rootOutput === 'string'
        ? rootOutput
        : '';
  const trace: Trace = { output, trace_id: root.traceId };
  const messages = lastLlm ? [...lastLlm.input, ...lastLlm.output] : [];
  if (messages.length) trace.messages = messages;
  if (toolCalls.length) trace.tool_calls = toolCalls;
  if (retrieved.length) trace.retrieved = retrieved;
  if (usage.input_tokens !== undefined || usage.output_tokens !== undefined) trace.usage = usage;
  trace.latency_ms = Math.round((end - start) * 1000) / 1000;
  if (root.status.error)
    trace.error = {
      kind: 'target',
      message: `span ${root.name || root.spanId} (${root.spanId}) ended with status ERROR${root.status.message ? `: ${root.status.message}` : ''}`,
    };
  const input =
    rootAttrs['input.value'] ??
    lastLlm?.input.findLast((m) => m.role === 'user')?.content ??
    undefined;
  const metadata: Record<string, unknown> = {
    source,
    source_trace_id: root.traceId,
    started_at: new Date(start).toISOString(),
    root_span: root.name,
  };
  if (input !== undefined) metadata.input = maybeJson(input);
  if (root.service) metadata.service = root.service;
  if (models.size) metadata.models = [...models];
  if (spanErrors.length) metadata.span_errors = spanErrors;
  if (unmapped.length) metadata.spans = unmapped;
  trace.metadata = metadata;
  return trace;
}

/** Which convention a trace's spans follow, for `metadata.source`. */
export function spanSource(spans: FlatSpan[]): string {
  return spans.some((s) => 'openinference.span.kind' in s.attributes) ? 'openinference' : 'otel';
}
