/**
 * Small helpers shared by the targets: error traces, timing, bounded output tails.
 * Pure apart from `performance.now()`.
 */
import type { Trace, TraceError, TraceErrorKind } from '../types.ts';

/** Milliseconds since `start` (a `performance.now()` value), rounded to 0.1 ms. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/** The one shape every failure takes: no output, an error, and the time it took to fail. */
export function errorTrace(
  kind: TraceErrorKind,
  message: string,
  latencyMs: number,
  extra: Omit<TraceError, 'kind' | 'message'> = {},
  stderr?: string,
): Trace {
  const trace: Trace = {
    output: '',
    error: { kind, message: oneLine(message), ...extra },
    latency_ms: latencyMs,
  };
  if (stderr) trace.stderr = stderr;
  return trace;
}

/**
 * Messages end up in one-line reasons and PR comments: collapse newlines and cut the length,
 * so a 2 MB stack trace cannot blow up a report.
 */
export function oneLine(text: string, max = 1000): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' | ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `err.message` for Errors, a string for anything else a user's code might throw. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    // "TypeError: x is not a function" says more than the message alone.
    const name = err.name && err.name !== 'Error' ? err.name : '';
    if (!err.message) return name || 'Error';
    return name ? `${name}: ${err.message}` : err.message;
  }
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}

/**
 * Keeps the last `limit` bytes written to it (stderr of a chatty process must not grow without
 * bound; the end is where the error usually is).
 */
export class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  private truncated = false;
  private readonly limit: number;

  constructor(limit = 4096) {
    this.limit = limit;
  }

  push(chunk: Buffer | string): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.chunks.push(buf);
    this.size += buf.length;
    // Drop whole chunks from the front while the rest still covers the limit.
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.limit) {
      this.size -= this.chunks.shift()!.length;
      this.truncated = true;
    }
  }

  /** The tail as text (a multi-byte character cut at the front becomes U+FFFD, harmlessly). */
  text(): string {
    let buf = Buffer.concat(this.chunks);
    let cut = this.truncated;
    if (buf.length > this.limit) {
      buf = buf.subarray(buf.length - this.limit);
      cut = true;
    }
    const s = buf.toString('utf8');
    return cut ? `…${s}` : s;
  }
}

/** A short excerpt of untrusted text for an error message. */
export function snippet(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty)';
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The abort reason of a run: the caller's signal wins, else it was our own timeout. */
export function abortKind(signal: AbortSignal | undefined): 'cancelled' | 'timeout' {
  return signal?.aborted ? 'cancelled' : 'timeout';
}

/**
 * A timeout usable by setTimeout and AbortSignal.timeout: a whole number of ms, at least 1 and
 * at most 2^31-1 (setTimeout turns anything larger into 1 ms, silently).
 */
export function timerMs(ms: number): number {
  if (Number.isNaN(ms)) return 1;
  return Math.min(2 ** 31 - 1, Math.max(1, Math.ceil(ms)));
}

const LINE_SEPARATORS = /[\u2028\u2029]/g;

/**
 * One JSON line for a line-based reader. JSON.stringify leaves U+2028 and U+2029 raw, and line
 * readers (Node's readline, editors) split on them, so a case text holding one cut the line in
 * two and crashed the worker reading it. Escaped, they are the same JSON value on one line.
 */
export function jsonLine(value: unknown): string {
  return (
    JSON.stringify(value).replace(LINE_SEPARATORS, (c) =>
      c === '\u2028' ? '\\u2028' : '\\u2029',
    ) + '\n'
  );
}
