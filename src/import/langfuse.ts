/**
 * A Langfuse trace export (a trace with its `observations`) → an evalgate trace.
 *
 * GENERATION observations give messages, the answer, usage and the model; TOOL observations
 * (and SPANs with `metadata.tool` / a `tool_call` type) tool calls; RETRIEVER observations the
 * retrieved documents; level ERROR an error. The trace's own `input`/`output` win for the
 * conversation's input and final answer. Pure.
 */
import type { RetrievedDoc, ToolCall, Trace, TraceMessage, Usage } from '../types.ts';
import { SpanError } from './spans.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function time(v: unknown, field: string, id: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t))
    throw new SpanError(id, `${field}: expected an ISO time, got ${JSON.stringify(v)}`);
  return t;
}

function answerText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    if (typeof v.content === 'string') return v.content;
    if (typeof v.output === 'string') return v.output;
    if (typeof v.text === 'string') return v.text;
    if (Array.isArray(v.choices) && isObject(v.choices[0]) && isObject(v.choices[0].message))
      return answerText(v.choices[0].message);
  }
  return undefined;
}

function messages(v: unknown): TraceMessage[] {
  const list = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.messages) ? v.messages : [];
  return list.filter((m): m is TraceMessage => isObject(m) && typeof m.role === 'string');
}

function docs(v: unknown): RetrievedDoc[] {
  const list = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.documents) ? v.documents : [];
  const out: RetrievedDoc[] = [];
  for (const d of list) {
    if (typeof d === 'string') out.push({ text: d });
    else if (isObject(d) && typeof (d.content ?? d.text ?? d.pageContent) === 'string') {
      const doc: RetrievedDoc = { text: (d.content ?? d.text ?? d.pageContent) as string };
      if (d.id !== undefined) doc.id = String(d.id);
      if (typeof d.score === 'number') doc.score = d.score;
      if (typeof d.source === 'string') doc.source = d.source;
      out.push(doc);
    }
  }
  return out;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** True for a line that looks like a Langfuse trace export. */
export function isLangfuseTrace(v: Record<string, unknown>): boolean {
  return Array.isArray(v.observations) && typeof v.id === 'string';
}

export function traceFromLangfuse(raw: Record<string, unknown>): Trace {
  const traceId = raw.id as string;
  const obs: Record<string, unknown>[] = [];
  for (const o of raw.observations as unknown[]) {
    if (!isObject(o)) throw new SpanError(undefined, 'observations: each entry is an object');
    if (typeof o.id !== 'string' || !o.id)
      throw new SpanError(undefined, 'observation id: required');
    if (typeof o.type !== 'string')
      throw new SpanError(o.id, 'type: required (GENERATION, SPAN, EVENT...)');
    obs.push(o);
  }
  const timed = obs.map((o) => ({
    o,
    start: time(o.startTime, 'startTime', o.id as string) ?? 0,
    end: time(o.endTime, 'endTime', o.id as string),
  }));
  timed.sort((x, y) => x.start - y.start);

  const usage: Usage = {};
  const toolCalls: ToolCall[] = [];
  const retrieved: RetrievedDoc[] = [];
  const models = new Set<string>();
  const errors: { observation_id: string; name: unknown; message: string }[] = [];
  const other: Record<string, unknown>[] = [];
  let lastGen: Record<string, unknown> | undefined;
  for (const { o } of timed) {
    if (o.level === 'ERROR')
      errors.push({
        observation_id: o.id as string,
        name: o.name,
        message: typeof o.statusMessage === 'string' ? o.statusMessage : 'level ERROR',
      });
    if (o.type === 'GENERATION') {
      lastGen = o;
      if (typeof o.model === 'string') models.add(o.model);
      const u = isObject(o.usageDetails) ? o.usageDetails : isObject(o.usage) ? o.usage : {};
      const input = num(u.input) ?? num(u.promptTokens) ?? num(u.input_tokens);
      const output = num(u.output) ?? num(u.completionTokens) ?? num(u.output_tokens);
      if (input !== undefined) usage.input_tokens = (usage.input_tokens ?? 0) + input;
      if (output !== undefined) usage.output_tokens = (usage.output_tokens ?? 0) + output;
      const cost = isObject(o.costDetails) ? num(o.costDetails.total) : num(o.calculatedTotalCost);
      if (cost !== undefined) usage.cost_usd = (usage.cost_usd ?? 0) + cost;
    } else if (o.type === 'TOOL') {
      const call: ToolCall = { name: typeof o.name === 'string' ? o.name : 'tool' };
      if (isObject(o.input)) call.arguments = o.input;
      else if (o.input !== undefined && o.input !== null) call.arguments = { _unparsed: o.input };
      if (o.output !== undefined && o.output !== null) call.result = o.output;
      if (o.level === 'ERROR') call.result = { error: o.statusMessage ?? 'level ERROR' };
      toolCalls.push(call);
    } else if (o.type === 'RETRIEVER') {
      retrieved.push(...docs(o.output));
    } else {
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
  const trace: Trace = { output, trace_id: traceId };
  const msgs = lastGen ? [...messages(lastGen.input)] : [];
  if (genOutput !== undefined) msgs.push({ role: 'assistant', content: genOutput });
  if (msgs.length) trace.messages = msgs;
  if (toolCalls.length) trace.tool_calls = toolCalls;
  if (retrieved.length) trace.retrieved = retrieved;
  if (Object.keys(usage).length) trace.usage = usage;
  // An observation that errored before any answer: the trace did not complete.
  if (errors.length && output === '')
    trace.error = {
      kind: 'target',
      message: `observation ${errors[0].observation_id}: ${errors[0].message}`,
    };
  const starts = timed.map((t) => t.start).filter((t) => t > 0);
  const ends = timed.map((t) => t.end).filter((t): t is number => t !== undefined);
  if (starts.length && ends.length) trace.latency_ms = Math.max(...ends) - Math.min(...starts);
  const metadata: Record<string, unknown> = { source: 'langfuse', source_trace_id: traceId };
  if (raw.input !== undefined) metadata.input = raw.input;
  for (const key of ['name', 'timestamp', 'userId', 'sessionId', 'tags', 'release', 'version'])
    if (raw[key] !== undefined) metadata[key] = raw[key];
  if (raw.metadata !== undefined) metadata.langfuse_metadata = raw.metadata;
  if (models.size) metadata.models = [...models];
  if (errors.length) metadata.span_errors = errors;
  if (other.length) metadata.observations = other;
  trace.metadata = metadata;
  return trace;
}
