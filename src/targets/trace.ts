/**
 * normalizeTrace: turns whatever a system under test returned into our `Trace`, or says in one
 * line which field is wrong.
 *
 * Lenient where systems commonly differ (OpenAI-style tool calls with JSON-string arguments,
 * retrieved documents as plain strings, `null` for absent fields as Python and pydantic write
 * them, `prompt_tokens`/`completion_tokens`), strict where a check would otherwise silently
 * read garbage (a non-string output, a tool call without a name).
 *
 * Runs once per case, so the schemas are built once at module load.
 */
import { z } from 'zod';
import type {
  RetrievedDoc,
  ToolCall,
  Trace,
  TraceError,
  TraceMessage,
  TraceTurn,
  Usage,
} from '../types.ts';
import { traceFromTargetSpans } from '../import/target-spans.ts';

export type NormalizeResult = { trace: Trace } | { error: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ids are strings in our model; systems often use numbers. */
const idSchema = z.preprocess(
  (v) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v),
  z.string(),
);

const count = z.number().finite().nonnegative();

/**
 * Tool arguments: an object, or (OpenAI style) a JSON string of one. A string that is not a JSON
 * object is kept as `{_unparsed: "<string>"}` rather than rejected: a model emitting malformed
 * arguments is a behaviour of the system that checks should see (and fail), not a broken trace.
 */
function parseArguments(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (v.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(v);
    if (isPlainObject(parsed)) return parsed;
  } catch {
    // fall through
  }
  return { _unparsed: v };
}

/** `{id, type: 'function', function: {name, arguments}}` (OpenAI) → `{id, name, arguments}`. */
function flattenToolCall(v: unknown): unknown {
  if (!isPlainObject(v) || v.name !== undefined || !isPlainObject(v.function)) return v;
  const fn = v.function;
  return { id: v.id, name: fn.name, arguments: fn.arguments, result: v.result };
}

const toolCallSchema = z.preprocess(
  flattenToolCall,
  z.object({
    name: z.string().min(1),
    arguments: z.preprocess(parseArguments, z.record(z.string(), z.unknown())).nullish(),
    result: z.unknown().optional(),
    id: idSchema.nullish(),
  }),
);

const retrievedSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { text: v } : v),
  z.object({
    id: idSchema.nullish(),
    text: z.string(),
    score: z.number().finite().nullish(),
    source: z.string().nullish(),
  }),
);

const usageSchema = z.object({
  input_tokens: count.nullish(),
  output_tokens: count.nullish(),
  cost_usd: count.nullish(),
  // OpenAI's names, mapped onto ours.
  prompt_tokens: count.nullish(),
  completion_tokens: count.nullish(),
});

const messageSchema = z.looseObject({
  role: z.string(),
  name: z.string().nullish(),
  tool_calls: z.array(z.unknown()).nullish(),
  tool_call_id: z.string().nullish(),
});

const traceSchema = z.object({
  output: z.string().nullish(),
  messages: z.array(messageSchema).nullish(),
  tool_calls: z.array(toolCallSchema).nullish(),
  retrieved: z.array(retrievedSchema).nullish(),
  usage: usageSchema.nullish(),
  latency_ms: count.nullish(),
  trace_id: idSchema.nullish(),
  stderr: z.string().nullish(),
  // A conversation's turns (`conversation: whole`), each a trace of its own: read by hand below.
  turns: z.array(z.unknown()).nullish(),
  // `error` and `metadata` are read by hand below: they take several shapes.
});

const KNOWN_FIELDS = new Set([
  'output',
  'messages',
  'tool_calls',
  'retrieved',
  'usage',
  'latency_ms',
  'trace_id',
  'stderr',
  'error',
  'metadata',
  'turns',
]);

function describeType(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** `tool_calls[1].name` from zod's `['tool_calls', 1, 'name']`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function formatIssue(issue: z.core.$ZodIssue): string {
  let message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
    message = `required (${issue.expected})`;
  }
  return `${formatPath(issue.path)}: ${message}`;
}

/**
 * A system-reported error: a string, or an object with `message` (and maybe `transient`,
 * `status`). Its kind is always 'target': the system, not evalgate, decided it failed.
 * Returns undefined for "no error" (absent, null, false, '').
 */
function readError(v: unknown): TraceError | undefined | string {
  if (v === undefined || v === null || v === false || v === '') return undefined;
  if (typeof v === 'string') return { kind: 'target', message: v };
  if (!isPlainObject(v)) return `error: expected a string or an object, got ${describeType(v)}`;
  let message = typeof v.message === 'string' && v.message ? v.message : '';
  // Keep the error's own type name (e.g. "RateLimitError") in front of the message.
  const type = typeof v.type === 'string' ? v.type : typeof v.kind === 'string' ? v.kind : '';
  if (type && !message.startsWith(type)) message = message ? `${type}: ${message}` : type;
  if (!message) {
    const json = JSON.stringify(v);
    message = `target reported an error: ${json.length > 300 ? `${json.slice(0, 300)}…` : json}`;
  }
  const error: TraceError = { kind: 'target', message };
  if (typeof v.transient === 'boolean') error.transient = v.transient;
  if (typeof v.status === 'number' && Number.isInteger(v.status)) error.status = v.status;
  return error;
}

function toToolCall(tc: z.infer<typeof toolCallSchema>): ToolCall {
  const out: ToolCall = { name: tc.name };
  if (tc.arguments != null) out.arguments = tc.arguments;
  if (tc.result !== undefined) out.result = tc.result;
  if (tc.id != null) out.id = tc.id;
  return out;
}

function toRetrieved(doc: z.infer<typeof retrievedSchema>): RetrievedDoc {
  const out: RetrievedDoc = { text: doc.text };
  if (doc.id != null) out.id = doc.id;
  if (doc.score != null) out.score = doc.score;
  if (doc.source != null) out.source = doc.source;
  return out;
}

function toUsage(u: z.infer<typeof usageSchema>): Usage {
  const out: Usage = {};
  const input = u.input_tokens ?? u.prompt_tokens;
  const output = u.output_tokens ?? u.completion_tokens;
  if (input != null) out.input_tokens = input;
  if (output != null) out.output_tokens = output;
  if (u.cost_usd != null) out.cost_usd = u.cost_usd;
  return out;
}

/**
 * `obj[key] = value` that stays a plain own property even for a key named `__proto__`
 * (JSON.parse creates such keys; assigning them would swap the object's prototype).
 */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Drops `null` fields of a message (Python's None) so they read as absent. */
function stripNulls<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key in obj) if (obj[key] !== null) setOwn(out, key, obj[key]);
  return out as T;
}

/**
 * The turns of a `conversation: whole` answer, each validated like a trace of its own (no
 * nested turns, no error: a system that failed a turn reports `error` on the whole trace).
 * `user` is filled in by the runner from the script.
 */
function readTurns(list: unknown[]): TraceTurn[] | string {
  const turns: TraceTurn[] = [];
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    const where = `turns[${i}]`;
    if (isPlainObject(raw) && raw.turns != null) return `${where}.turns: turns do not nest`;
    if (isPlainObject(raw) && raw.error != null && raw.error !== false && raw.error !== '') {
      return `${where}.error: report a failed turn as the trace's error`;
    }
    const r = normalizeTrace(raw);
    if ('error' in r) return `${where}: ${r.error}`;
    const { output, tool_calls, retrieved, messages, usage, latency_ms, metadata } = r.trace;
    const turn: TraceTurn = { user: '', output };
    if (tool_calls) turn.tool_calls = tool_calls;
    if (retrieved) turn.retrieved = retrieved;
    if (messages) turn.messages = messages;
    if (usage) turn.usage = usage;
    if (latency_ms !== undefined) turn.latency_ms = latency_ms;
    if (metadata) {
      delete metadata.user; // the script's, not the system's echo of it
      if (Object.keys(metadata).length) turn.metadata = metadata;
    }
    turns.push(turn);
  }
  return turns;
}

/** Validates and normalizes a system's answer. Never throws. */
export function normalizeTrace(raw: unknown): NormalizeResult {
  if (!isPlainObject(raw)) {
    return { error: `a trace must be a JSON object, got ${describeType(raw)}` };
  }
  // A target may answer with the spans of one trace (OTLP JSON: OTel GenAI or OpenInference
  // attributes), mapped by the adapters of `evalgate import` (docs/import.md).
  if ('resourceSpans' in raw) {
    const mapped = traceFromTargetSpans(raw);
    if (mapped) return mapped;
  }
  const parsed = traceSchema.safeParse(raw);
  if (!parsed.success) return { error: formatIssue(parsed.error.issues[0]) };
  const t = parsed.data;

  const error = readError(raw.error);
  if (typeof error === 'string') return { error };
  let turns: TraceTurn[] | undefined;
  if (t.turns) {
    const read = readTurns(t.turns);
    if (typeof read === 'string') return { error: read };
    turns = read;
  }
  if (t.output == null && !error && !turns?.length) {
    return { error: 'output: required (a string) unless error is set' };
  }

  const trace: Trace = { output: t.output ?? turns?.at(-1)?.output ?? '' };
  if (turns) trace.turns = turns;
  if (t.messages) trace.messages = t.messages.map(stripNulls) as TraceMessage[];
  if (t.tool_calls) trace.tool_calls = t.tool_calls.map(toToolCall);
  if (t.retrieved) trace.retrieved = t.retrieved.map(toRetrieved);
  if (t.usage) trace.usage = toUsage(t.usage);
  if (t.latency_ms != null) trace.latency_ms = t.latency_ms;
  if (t.trace_id != null) trace.trace_id = t.trace_id;
  if (t.stderr != null) trace.stderr = t.stderr;
  if (error) trace.error = error;

  // Everything else is kept for the trace viewer.
  let metadata: Record<string, unknown> | undefined;
  if (raw.metadata != null) {
    metadata = isPlainObject(raw.metadata) ? { ...raw.metadata } : { metadata: raw.metadata };
  }
  for (const key in raw) {
    if (!KNOWN_FIELDS.has(key)) setOwn((metadata ??= {}), key, raw[key]);
  }
  if (metadata) trace.metadata = metadata;
  return { trace };
}
