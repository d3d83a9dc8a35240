/**
 * `monitor.json`: every number of a monitor run, from the checked traces. Pure; the renderers
 * (summary.md, dashboard.html, the issue) read only this.
 */
import type { OnlineConfig, Severity } from '../types.ts';
import { ERROR, FAIL, PASS, type CheckedTraces, type FirstError } from './run.ts';
import {
  pooled,
  rateStats,
  testModes,
  type ModeTest,
  type RateStats,
  type Tally,
} from './stats.ts';
import { windowIndex, windowsEndingAt, type Window } from './windows.ts';

export const MONITOR_SCHEMA = 'evalgate/monitor@1';

export interface WindowJson {
  /** ISO times; the window is (start, end]. */
  start: string;
  end: string;
}

/** A mode's test, with its windows: the dashboard's plot reads `windows`. */
export interface ModeReport extends ModeTest {
  mode: string;
  severity?: Severity;
  /** One per window, oldest first (the last is the latest window). */
  windows: RateStats[];
  /** The first check error of this mode, if any (a reason, redacted when written). */
  first_error?: FirstError;
}

export interface MonitorReport {
  schema: typeof MONITOR_SCHEMA;
  now: string;
  window_ms: number;
  /** Previous windows the latest is compared with. */
  previous_windows: number;
  alpha: number;
  traces: {
    read: number;
    in_windows: number;
    /** Stamped after `now` (not counted). */
    after_now: number;
    /** Older than the first window (not counted). */
    before_windows: number;
    /** Traces whose run errored: every check of theirs is an error. */
    errored: number;
  };
  windows: WindowJson[];
  modes: ModeReport[];
  /** The modes that worsened, in config order. */
  worsened: string[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The latest trace time: the default `now`. Undefined without traces. */
export function latestTime(times: ArrayLike<number>): number | undefined {
  let max = -Infinity;
  for (let i = 0; i < times.length; i++) if (times[i] > max) max = times[i];
  return times.length ? max : undefined;
}

export function buildReport(
  checked: CheckedTraces,
  online: OnlineConfig,
  now: number,
  severities: Record<string, { severity: Severity }> = {},
): MonitorReport {
  const count = online.windows + 1;
  const M = checked.modes.length;
  // tallies[(w * M + m) * 3 + outcome]
  const tallies = new Int32Array(count * M * 3);
  let after = 0;
  let before = 0;
  const { times, outcomes } = checked;
  for (let t = 0; t < times.length; t++) {
    const w = windowIndex(times[t], now, online.window_ms, count);
    if (w === -1) after++;
    else if (w === -2) before++;
    else for (let m = 0; m < M; m++) tallies[(w * M + m) * 3 + outcomes[t * M + m]]++;
  }
  const tally = (w: number, m: number): Tally => ({
    pass: tallies[(w * M + m) * 3 + PASS],
    fail: tallies[(w * M + m) * 3 + FAIL],
    error: tallies[(w * M + m) * 3 + ERROR],
  });
  const perMode = checked.modes.map((_, m) => {
    const all = Array.from({ length: count }, (_, w) => tally(w, m));
    return { all, previous: pooled(all.slice(0, -1)), latest: all[count - 1] };
  });
  const tests = testModes(
    perMode.map((p) => p.previous),
    perMode.map((p) => p.latest),
    online.alpha,
  );
  const modes: ModeReport[] = checked.modes.map((mode, m) => {
    const sev = severities[mode]?.severity;
    const first = checked.firstErrors[m];
    return {
      mode,
      ...(sev ? { severity: sev } : {}),
      windows: perMode[m].all.map(rateStats),
      ...tests[m],
      ...(first ? { first_error: first } : {}),
    };
  });
  const windows: Window[] = windowsEndingAt(now, online.window_ms, count);
  return {
    schema: MONITOR_SCHEMA,
    now: iso(now),
    window_ms: online.window_ms,
    previous_windows: online.windows,
    alpha: online.alpha,
    traces: {
      read: times.length,
      in_windows: times.length - after - before,
      after_now: after,
      before_windows: before,
      errored: checked.erroredTraces,
    },
    windows: windows.map((w) => ({ start: iso(w.start), end: iso(w.end) })),
    modes,
    worsened: modes.filter((m) => m.verdict === 'worsened').map((m) => m.mode),
  };
}

/** Whether anything was measured at all: some trace in a window with a known outcome. */
export function measuredAnything(r: MonitorReport): boolean {
  return r.modes.some((m) => m.windows.some((w) => w.n > 0));
}

/** "1 day", "12 hours", "90 minutes". */
export function windowText(ms: number): string {
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (ms % 86_400_000 === 0) return unit(ms / 86_400_000, 'day');
  if (ms % 3_600_000 === 0) return unit(ms / 3_600_000, 'hour');
  return unit(Math.round(ms / 60_000), 'minute');
}
