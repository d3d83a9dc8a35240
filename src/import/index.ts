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
import { open, readFile, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { suiteError } from '../suite/errors.ts';
import { normalizeTrace } from '../targets/trace.ts';
import type { Trace } from '../types.ts';
import {
  isLangfuseTrace,
  observationRowTrace,
  traceFromLangfuse,
  traceFromObservationRows,
} from './langfuse.ts';
import { spanSource, traceFromSpans } from './map-spans.ts';
import { SpanError, spansOfRequest, type FlatSpan } from './spans.ts';
import { readJsonLines } from '../suite/jsonl-stream.ts';

export interface ImportStats {
  traces: number;
  bySource: Record<string, number>;
  /** Spans that arrived after their trace had been written (root already seen). */
  lateSpans: number;
  /** Traces flushed at the end of input without a root span. */
  rootless: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(file: string, line: number | undefined, message: string): never {
  throw suiteError([{ file, line, message }]);
}

function spanFail(file: string, line: number | undefined, err: SpanError): never {
  fail(file, line, err.spanId ? `span ${err.spanId}: ${err.message}` : err.message);
}

/** Streams one file's traces to `write`. Throws a SuiteError (file, line, span id) on bad input. */
export async function importFile(
  path: string,
  shown: string,
  write: (trace: Trace) => Promise<void>,
): Promise<ImportStats> {
  const stats: ImportStats = { traces: 0, bySource: {}, lateSpans: 0, rootless: 0 };
  const pending = new Map<string, FlatSpan[]>();
  const written = new Set<string>();
  const emit = async (trace: Trace) => {
    const source = String(trace.metadata?.source ?? 'evalgate');
    stats.bySource[source] = (stats.bySource[source] ?? 0) + 1;
    stats.traces++;
    await write(trace);
  };
  const flushTrace = async (traceId: string) => {
    const spans = pending.get(traceId)!;
    pending.delete(traceId);
    written.add(traceId);
    await emit(traceFromSpans(spans, spanSource(spans)));
  };

  // Langfuse's flat observation rows: grouped by trace id, each trace written at its last row
  // (known from a first pass over the file), so the rows may come in any order.
  const rows = new Map<string, Record<string, unknown>[]>();
  const whole = await isWholeJson(path);
  const lastRow = whole ? undefined : await observationRowIndex(path, shown);
  const flushRows = async (traceId: string, line: number | undefined) => {
    const list = rows.get(traceId)!;
    rows.delete(traceId);
    try {
      await emit(traceFromObservationRows(traceId, list));
    } catch (err) {
      if (err instanceof SpanError)
        fail(shown, line, `trace ${traceId}: observation ${err.spanId ?? '?'}: ${err.message}`);
      throw err;
    }
  };

  const handle = async (value: unknown, line: number | undefined) => {
    if (!isObject(value)) fail(shown, line, 'expected a JSON object');
    const rowTrace = observationRowTrace(value);
    if (rowTrace !== undefined) {
      let list = rows.get(rowTrace);
      if (!list) rows.set(rowTrace, (list = []));
      list.push(value);
      if (line !== undefined && lastRow?.get(rowTrace) === line) await flushRows(rowTrace, line);
      return;
    }
    if ('resourceSpans' in value) {
      let spans: FlatSpan[];
      try {
        spans = spansOfRequest(value);
      } catch (err) {
        if (err instanceof SpanError) spanFail(shown, line, err);
        throw err;
      }
      const roots: string[] = [];
      for (const span of spans) {
        if (written.has(span.traceId)) {
          stats.lateSpans++;
          continue;
        }
        let list = pending.get(span.traceId);
        if (!list) pending.set(span.traceId, (list = []));
        list.push(span);
        if (!span.parentSpanId) roots.push(span.traceId);
      }
      for (const id of roots) if (pending.has(id)) await flushTrace(id);
      return;
    }
    if (isLangfuseTrace(value)) {
      try {
        await emit(traceFromLangfuse(value));
      } catch (err) {
        if (err instanceof SpanError)
          fail(
            shown,
            line,
            `trace ${String(value.id)}: observation ${err.spanId ?? '?'}: ${err.message}`,
          );
        throw err;
      }
      return;
    }
    const r = normalizeTrace(value);
    if ('error' in r)
      fail(shown, line, `not an OTLP request, Langfuse trace or evalgate trace: ${r.error}`);
    const metadata: Record<string, unknown> = { ...r.trace.metadata, source: 'evalgate' };
    if (r.trace.trace_id) metadata.source_trace_id = r.trace.trace_id;
    await emit({ ...r.trace, metadata });
  };

  if (whole) {
    const info = await stat(path);
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      fail(
        shown,
        undefined,
        `not valid JSON (${(err as Error).message}); use JSON lines for large exports (${info.size} bytes)`,
      );
    }
    for (const item of Array.isArray(doc) ? doc : [doc]) await handle(item, undefined);
  } else {
    for await (const { value, line } of readJsonLines(path, shown)) await handle(value, line);
  }
  // Traces whose root never came (a cut export): written as they are, and counted.
  for (const id of [...pending.keys()]) {
    stats.rootless++;
    await flushTrace(id);
  }
  // Observation rows the first pass did not see coming (a file that does not start with them).
  for (const id of [...rows.keys()]) await flushRows(id, undefined);
  return stats;
}

/**
 * For a file of Langfuse observation rows (its first line is one): each trace id's last line.
 * Memory: one entry per trace, not the rows. Other files: undefined, and no second read.
 */
async function observationRowIndex(
  path: string,
  shown: string,
): Promise<Map<string, number> | undefined> {
  let index: Map<string, number> | undefined;
  for await (const { value, line } of readJsonLines(path, shown)) {
    const traceId = isObject(value) ? observationRowTrace(value) : undefined;
    if (!index) {
      if (traceId === undefined) return undefined;
      index = new Map();
    }
    if (traceId !== undefined) index.set(traceId, line);
  }
  return index;
}

/**
 * JSON lines unless the file is one pretty-printed document: its first non-blank line is not a
 * complete JSON value (`{` or `[` on its own) or it starts with `[`.
 */
async function isWholeJson(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const first = head.trimStart();
    if (first.startsWith('[')) return true;
    const lineEnd = first.indexOf('\n');
    if (lineEnd === -1) return false;
    try {
      JSON.parse(first.slice(0, lineEnd));
      return false;
    } catch {
      return true;
    }
  } finally {
    await fh.close();
  }
}

/** Writes to a stream, waiting when it asks to (so a slow disk does not buffer the import). */
export function lineWriter(out: Writable): (trace: Trace) => Promise<void> {
  return async (trace) => {
    if (!out.write(`${JSON.stringify(trace)}\n`))
      await new Promise<void>((resolve) => out.once('drain', resolve));
  };
}
