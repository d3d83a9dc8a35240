/**
 * OTLP JSON spans (what the OpenTelemetry file exporter writes, one ExportTraceServiceRequest
 * per line) flattened into plain spans with their attributes as one object. Both the OTel GenAI
 * semantic conventions and OpenInference travel in this envelope; `traceFromSpans` tells them
 * apart per span by their attribute names. Pure.
 */

export interface FlatSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** Unix time in milliseconds (OTLP counts nanoseconds; ms is what latency is reported in). */
  startMs: number;
  endMs: number;
  status: { error: boolean; message?: string };
  attributes: Record<string, unknown>;
  events: { name: string; timeMs?: number; attributes: Record<string, unknown> }[];
  service?: string;
}

/** A malformed span: the span id (when it has one) and what is wrong. */
export class SpanError extends Error {
  spanId: string | undefined;
  constructor(spanId: string | undefined, message: string) {
    super(message);
    this.spanId = spanId;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj[key] = value` that stays an own property even for `__proto__`. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An OTLP AnyValue (`{stringValue}`, `{intValue: "3"}`, `{arrayValue: {values}}`...) as JSON. */
export function anyValue(v: unknown): unknown {
  if (!isObject(v)) return v;
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v) return v.boolValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('bytesValue' in v) return v.bytesValue;
  if (isObject(v.arrayValue))
    return Array.isArray(v.arrayValue.values) ? v.arrayValue.values.map(anyValue) : [];
  if (isObject(v.kvlistValue)) return keyValues(v.kvlistValue.values, undefined);
  return undefined;
}

function keyValues(list: unknown, spanId: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (list === undefined) return out;
  if (!Array.isArray(list)) throw new SpanError(spanId, 'attributes: expected an array');
  for (const kv of list) {
    if (!isObject(kv) || typeof kv.key !== 'string')
      throw new SpanError(spanId, 'attributes: each attribute needs a string key');
    setOwn(out, kv.key, anyValue(kv.value));
  }
  return out;
}

/** OTLP times are nanoseconds as a decimal string (or number); to ms without losing range. */
function nanosToMs(v: unknown, field: string, spanId: string): number {
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || !/^\d+$/.test(s))
    throw new SpanError(spanId, `${field}: expected Unix nanoseconds, got ${JSON.stringify(v)}`);
  return Number(BigInt(s) / 1000n) / 1000;
}

/** Status code 2 / "STATUS_CODE_ERROR" is an error (OTLP JSON may write either). */
function readStatus(v: unknown): FlatSpan['status'] {
  if (!isObject(v)) return { error: false };
  const error = v.code === 2 || v.code === 'STATUS_CODE_ERROR' || v.code === 'ERROR';
  const message = typeof v.message === 'string' && v.message ? v.message : undefined;
  return message ? { error, message } : { error };
}

function readSpan(raw: unknown, service: string | undefined): FlatSpan {
  if (!isObject(raw)) throw new SpanError(undefined, 'a span must be an object');
  const spanId = typeof raw.spanId === 'string' && raw.spanId ? raw.spanId : undefined;
  if (!spanId) throw new SpanError(undefined, 'spanId: required (hex string)');
  if (typeof raw.traceId !== 'string' || !raw.traceId)
    throw new SpanError(spanId, 'traceId: required (hex string)');
  const startMs = nanosToMs(raw.startTimeUnixNano, 'startTimeUnixNano', spanId);
  const endMs =
    raw.endTimeUnixNano === undefined
      ? startMs
      : nanosToMs(raw.endTimeUnixNano, 'endTimeUnixNano', spanId);
  if (endMs < startMs) throw new SpanError(spanId, 'endTimeUnixNano is before startTimeUnixNano');
  const events: FlatSpan['events'] = [];
  if (raw.events !== undefined && !Array.isArray(raw.events))
    throw new SpanError(spanId, 'events: expected an array');
  for (const e of (raw.events as unknown[] | undefined) ?? []) {
    if (!isObject(e) || typeof e.name !== 'string')
      throw new SpanError(spanId, 'events: each event needs a name');
    events.push({
      name: e.name,
      timeMs:
        e.timeUnixNano === undefined ? undefined : nanosToMs(e.timeUnixNano, 'event time', spanId),
      attributes: keyValues(e.attributes, spanId),
    });
  }
  const span: FlatSpan = {
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
  if (service) span.service = service;
  return span;
}

/** The spans of one ExportTraceServiceRequest (`{resourceSpans: [...]}`). Throws SpanError. */
export function spansOfRequest(request: Record<string, unknown>): FlatSpan[] {
  const out: FlatSpan[] = [];
  if (!Array.isArray(request.resourceSpans))
    throw new SpanError(undefined, 'resourceSpans: expected an array');
  for (const rs of request.resourceSpans) {
    if (!isObject(rs)) throw new SpanError(undefined, 'resourceSpans: each entry is an object');
    const resource = isObject(rs.resource) ? keyValues(rs.resource.attributes, undefined) : {};
    const service = typeof resource['service.name'] === 'string' ? resource['service.name'] : '';
    const scopes = rs.scopeSpans ?? rs.instrumentationLibrarySpans ?? [];
    if (!Array.isArray(scopes)) throw new SpanError(undefined, 'scopeSpans: expected an array');
    for (const ss of scopes) {
      if (!isObject(ss) || !Array.isArray(ss.spans))
        throw new SpanError(undefined, 'scopeSpans[].spans: expected an array');
      for (const s of ss.spans) out.push(readSpan(s, service || undefined));
    }
  }
  return out;
}
