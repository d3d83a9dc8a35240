/**
 * Time windows of `evalgate monitor`: `count` windows of `windowMs` each, ending at `now`. Each
 * is half-open at its start, (start, end], so a trace stamped exactly `now` is in the latest
 * window and one stamped at a boundary belongs to the older side. Index 0 is the oldest window,
 * count - 1 the latest. Pure.
 */

export interface Window {
  /** Exclusive. */
  start: number;
  /** Inclusive. */
  end: number;
}

/** The window of time `t` (ms), or -1 (after `now`) / -2 (before the first window). */
export function windowIndex(t: number, now: number, windowMs: number, count: number): number {
  if (t > now) return -1;
  const back = Math.floor((now - t) / windowMs);
  return back >= count ? -2 : count - 1 - back;
}

export function windowsEndingAt(now: number, windowMs: number, count: number): Window[] {
  const out: Window[] = [];
  for (let i = 0; i < count; i++) {
    const end = now - (count - 1 - i) * windowMs;
    out.push({ start: end - windowMs, end });
  }
  return out;
}

/**
 * A trace's time in ms from its `metadata.started_at` (ISO 8601, what `evalgate import`
 * records), or a message saying why there is none.
 */
export function traceTime(metadata: unknown): number | string {
  const v = (metadata as { started_at?: unknown } | null | undefined)?.started_at;
  if (v === undefined || v === null) return 'no metadata.started_at (the time the trace started)';
  // Only ISO dates with a time: Date.parse also takes "3/4/2025", read in the local time zone.
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v))
    return `metadata.started_at must be an ISO 8601 time (e.g. 2026-11-30T09:15:00Z), got ${JSON.stringify(v).slice(0, 60)}`;
  const t = Date.parse(v);
  if (!Number.isFinite(t)) return `metadata.started_at is not a valid time: ${JSON.stringify(v)}`;
  return t;
}
