/**
 * Targets may answer with spans instead of an evalgate trace: an OTLP request
 * (`{"resourceSpans": [...]}`, OTel GenAI or OpenInference attributes) for one trace. The same
 * adapters as `evalgate import` map it. `normalizeTrace` can call this first:
 *
 *   const spans = traceFromTargetSpans(raw); if (spans) return spans;
 *
 * Returns undefined when `raw` is not spans, so the caller reads it as a trace. Never throws.
 */
import type { Trace } from '../types.ts';
import { spanSource, traceFromSpans } from './map-spans.ts';
import { SpanError, spansOfRequest } from './spans.ts';

export function traceFromTargetSpans(
  raw: unknown,
): { trace: Trace } | { error: string } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  if (!('resourceSpans' in raw)) return undefined;
  try {
    const spans = spansOfRequest(raw as Record<string, unknown>);
    if (spans.length === 0) return { error: 'resourceSpans: holds no span' };
    const ids = new Set(spans.map((s) => s.traceId));
    if (ids.size > 1)
      return { error: `resourceSpans: spans of ${ids.size} traces; a target answers with one` };
    return { trace: traceFromSpans(spans, spanSource(spans)) };
  } catch (err) {
    if (err instanceof SpanError)
      return { error: err.spanId ? `span ${err.spanId}: ${err.message}` : err.message };
    return { error: `unreadable spans: ${(err as Error).message}` };
  }
}
