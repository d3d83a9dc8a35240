import type { CaseRequest, Trace } from '../types.ts';

export interface RunOptions {
  /** Per-case timeout: past it the target returns an `error: {kind: 'timeout'}` trace. */
  timeoutMs: number;
  /** Aborted on Ctrl-C: the target returns an `error: {kind: 'cancelled'}` trace promptly. */
  signal?: AbortSignal;
}

/**
 * Turns one case into one trace. `run` never throws: whatever goes wrong (crash, timeout,
 * garbage, HTTP 500) comes back as a trace with `error` set, and `latency_ms` filled in.
 */
export interface Target {
  run(request: CaseRequest, options: RunOptions): Promise<Trace>;
  /** Stops processes and servers the target started. Safe to call twice. */
  close(): Promise<void>;
}

export interface TargetContext {
  /** Absolute suite root: `cwd` and module paths are relative to it. */
  rootDir: string;
  /** The run's concurrency, so a worker pool can size itself. */
  concurrency: number;
  /** Extra environment for the system under test (merged over process.env and the config's env). */
  env?: Record<string, string>;
  /** Progress and warnings (server start, worker restarts). */
  log?: (line: string) => void;
  /** Model prices over the built-in table (the config's `prices`), for targets that call models. */
  prices?: Record<string, { input: number; output: number }>;
}
