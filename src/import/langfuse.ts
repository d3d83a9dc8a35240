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

/** Langfuse's blob exports write `2024-05-29 13:46:19.963000`, in UTC. */
const BLOB_TIME = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(\.\d{1,3})?\d*$/;

function time(v: unknown, field: string, id: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const blob = typeof v === 'string' ? BLOB_TIME.exec(v) : null;
  const iso = blob ? `${blob[1]}T${blob[2]}${blob[3] ?? ''}Z` : v;
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
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
  // When the conversation started: the trace's timestamp, else its first observation's start.
  const began =
    time(raw.timestamp, 'timestamp', traceId) ?? (starts.length ? Math.min(...starts) : undefined);
  const ends = timed.map((t) => t.end).filter((t): t is number => t !== undefined);
  if (starts.length && ends.length) trace.latency_ms = Math.max(...ends) - Math.min(...starts);
  const metadata: Record<string, unknown> = { source: 'langfuse', source_trace_id: traceId };
  if (began !== undefined) metadata.started_at = new Date(began).toISOString();
  if (raw.input !== undefined) metadata.input = raw.input;
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
    if (raw[key] !== undefined) metadata[key] = raw[key];
  if (raw.metadata !== undefined) metadata.langfuse_metadata = raw.metadata;
  if (models.size) metadata.models = [...models];
  if (errors.length) metadata.span_errors = errors;
  if (other.length) metadata.observations = other;
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
export function observationRowTrace(v: Record<string, unknown>): string | undefined {
  const traceId = v.traceId ?? v.trace_id;
  if (typeof traceId !== 'string' || !traceId || typeof v.id !== 'string') return undefined;
  if (typeof v.type !== 'string' || !OBSERVATION_TYPES.has(v.type)) return undefined;
  return 'startTime' in v || 'start_time' in v ? traceId : undefined;
}

/** JSON text (the blob export's input and output) as its value; other text as it is. */
function jsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (v === '') return undefined;
  const t = v.trim();
  if (!(t.startsWith('{') || t.startsWith('[') || t.startsWith('"'))) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

const pick = (row: Record<string, unknown>, camel: string, snake: string): unknown =>
  row[camel] ?? row[snake];

/** A flat row in the nested export's observation shape (camelCase, parsed input and output). */
function observationOf(row: Record<string, unknown>): Record<string, unknown> {
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
export function traceFromObservationRows(traceId: string, rows: Record<string, unknown>[]): Trace {
  const observations = rows.map(observationOf);
  const roots = observations.filter((o) => !o.parentObservationId);
  const root = roots.length === 1 ? roots[0] : undefined;
  const first = rows[0];
  const raw: Record<string, unknown> = { id: traceId, observations };
  if (root?.input !== undefined) raw.input = root.input;
  if (root?.output !== undefined && root.type !== 'GENERATION') raw.output = root.output;
  const trace: Array<[string, unknown]> = [
    ['name', pick(first, 'traceName', 'trace_name')],
    ['userId', pick(first, 'userId', 'user_id')],
    ['sessionId', pick(first, 'sessionId', 'session_id')],
    ['tags', first.tags],
    ['release', first.release],
    ['environment', first.environment],
  ];
  for (const [key, value] of trace)
    if (value !== undefined && value !== null && value !== '') raw[key] = value;
  return traceFromLangfuse(raw);
}
