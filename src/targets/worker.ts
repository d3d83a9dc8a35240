/**
 * The worker target: a pool of long-lived processes speaking JSON lines, for systems whose
 * start-up is slow (loading a model, an index, a Python interpreter with heavy imports).
 *
 *   evalgate → worker   {"id": "r12", "case": {...CaseRequest}}
 *   worker → evalgate   {"id": "r12", "trace": {...}}   or   {"id": "r12", "error": "..."}
 *
 * Several requests may be in flight per worker; answers are matched by id, in any order.
 * A worker that dies is restarted with exponential backoff; its in-flight cases come back as
 * transient 'crash' traces (the runner may retry them). A worker that keeps dying without ever
 * answering is given up on, so a broken command ends in errors, not in an endless restart loop.
 */
import type { ChildProcess } from 'node:child_process';
import type { CaseRequest, Trace, WorkerTargetConfig } from '../types.ts';
import type { RunOptions, Target, TargetContext } from './target.ts';
import {
  abortKind,
  describeError,
  elapsedMs,
  errorTrace,
  jsonLine,
  oneLine,
  snippet,
  TailBuffer,
  timerMs,
} from './common.ts';
import {
  endStdin,
  exitDescription,
  killGroup,
  signalGroup,
  spawnShell,
  targetCwd,
  targetEnv,
  waitExit,
} from './process.ts';
import { normalizeTrace } from './trace.ts';

export interface WorkerTargetOptions {
  /** First restart delay; doubles on each consecutive crash. Default 200 ms. */
  restartBackoffMs?: number;
  /** Longest restart delay. Default 5 s. */
  maxBackoffMs?: number;
  /** Consecutive crashes (with no answer in between) before a worker is given up. Default 5. */
  maxRestarts?: number;
  /** On close: wait this long after closing stdin, then SIGTERM, this long again, SIGKILL. */
  killGraceMs?: number;
}

interface Pending {
  id: string;
  line: string;
  slot: Slot;
  start: number;
  resolve: (trace: Trace) => void;
  cleanup: () => void;
  /** Starts the timeout again (from now), for a request sent again to a restarted worker. */
  rearm: () => void;
}

interface Slot {
  index: number;
  child?: ChildProcess;
  state: 'running' | 'backoff' | 'dead' | 'closed';
  /** Requests written to the current process. */
  inflight: Set<string>;
  /** Requests waiting for the process to (re)start. */
  queue: string[];
  /** Consecutive deaths without a single answer in between. */
  failures: number;
  stderr: TailBuffer;
  restartTimer?: NodeJS.Timeout;
  warnedGarbage: boolean;
  lastExit?: string;
  /** The process we are stopping on purpose (stuck past a timeout): its exit is no crash. */
  recycling?: ChildProcess;
}

const PIPE_DRAIN_MS = 200;
const STDERR_TAIL = 4096;

export function createWorkerTarget(
  config: WorkerTargetConfig,
  ctx: TargetContext,
  options: WorkerTargetOptions = {},
): Target {
  const cwd = targetCwd(config, ctx);
  const env = targetEnv(config, ctx);
  const size = Math.max(1, Math.floor(config.workers ?? Math.min(ctx.concurrency, 4)));
  const backoffMs = options.restartBackoffMs ?? 200;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  const maxRestarts = options.maxRestarts ?? 5;
  const killGraceMs = options.killGraceMs ?? 1000;
  const log = ctx.log ?? (() => {});

  const pending = new Map<string, Pending>();
  const slots: Slot[] = [];
  let nextId = 0;
  let lastPicked = -1;
  let closing = false;
  let closePromise: Promise<void> | undefined;

  function settle(id: string, trace: Trace): void {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    p.slot.inflight.delete(id);
    const q = p.slot.queue.indexOf(id);
    if (q >= 0) p.slot.queue.splice(q, 1);
    p.cleanup();
    p.resolve(trace);
  }

  function stderrTail(slot: Slot): string {
    return slot.stderr.text().trim().slice(-500);
  }

  function spawnSlot(slot: Slot): void {
    slot.restartTimer = undefined;
    if (closing) return;
    slot.stderr = new TailBuffer(STDERR_TAIL);
    let child: ChildProcess;
    try {
      // Each worker knows its index, e.g. to pick a GPU or a port.
      child = spawnShell(config.command, cwd, { ...env, EVALGATE_WORKER: String(slot.index) });
    } catch (err) {
      // spawn throws for E2BIG, EAGAIN...: a failed start, counted like a crash (and this may
      // run in a restart timer, where a throw would take the whole run down).
      slot.stderr.push(`could not start: ${describeError(err)}`);
      handleExit(slot, undefined, null, null);
      return;
    }
    slot.child = child;
    slot.state = 'running';

    let buffered = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        handleLine(slot, line);
      }
    });
    child.stdout!.on('end', () => {
      if (buffered) handleLine(slot, buffered);
      buffered = '';
    });
    child.stderr!.on('data', (chunk: Buffer) => slot.stderr.push(chunk));
    child.stdin!.on('error', () => {}); // EPIPE from a dead worker: its exit is handled below

    let gone = false;
    let drainTimer: NodeJS.Timeout | undefined;
    const onGone = (code: number | null, signal: NodeJS.Signals | null) => {
      if (gone) return;
      gone = true;
      clearTimeout(drainTimer);
      handleExit(slot, child, code, signal);
    };
    child.on('error', (err) => {
      // Spawning itself failed: there will be no 'exit'.
      if (child.pid === undefined) {
        slot.stderr.push(String(err.message));
        onGone(null, null);
      }
    });
    child.on('exit', (code, signal) => {
      // Wait for the pipes so that answers written just before exiting are not lost, but not
      // forever: a helper the worker forked may hold them open.
      drainTimer = setTimeout(
        // setImmediate: this turn's poll phase reads the answers already waiting first.
        () =>
          setImmediate(() => {
            if (gone) return;
            signalGroup(child, 'SIGKILL');
            onGone(code, signal);
          }),
        PIPE_DRAIN_MS,
      );
    });
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => onGone(code, signal));

    const queued = slot.queue.splice(0);
    for (const id of queued) {
      const p = pending.get(id);
      if (p) write(slot, p);
    }
  }

  function write(slot: Slot, p: Pending): void {
    slot.inflight.add(p.id);
    try {
      slot.child!.stdin!.write(p.line);
    } catch {
      // the process is going away; its exit fails this request
    }
  }

  function handleLine(slot: Slot, line: string): void {
    const text = line.trim();
    if (!text) return;
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      msg = undefined;
    }
    const id =
      typeof msg === 'object' && msg !== null && !Array.isArray(msg)
        ? (msg as Record<string, unknown>).id
        : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') {
      if (!slot.warnedGarbage) {
        slot.warnedGarbage = true;
        log(
          `worker ${slot.index}: ignoring a stdout line that is not a response (logged once): ${snippet(text, 120)}`,
        );
      }
      return;
    }
    const key = String(id);
    const p = pending.get(key);
    if (!p) return; // a late answer to a case that timed out
    slot.failures = 0; // it answers: whatever killed it before was not a start-up crash
    const latency = elapsedMs(p.start);
    const body = msg as Record<string, unknown>;
    if (body.trace !== undefined && body.trace !== null) {
      const normalized = normalizeTrace(body.trace);
      if ('error' in normalized) {
        settle(key, errorTrace('invalid_output', `invalid trace: ${normalized.error}`, latency));
      } else {
        normalized.trace.latency_ms ??= latency;
        settle(key, normalized.trace);
      }
    } else if (body.error !== undefined && body.error !== null) {
      const message =
        typeof body.error === 'string'
          ? body.error
          : typeof (body.error as { message?: unknown }).message === 'string'
            ? (body.error as { message: string }).message
            : JSON.stringify(body.error);
      settle(key, errorTrace('target', message || 'the worker reported an error', latency));
    } else {
      settle(
        key,
        errorTrace('invalid_output', 'response has neither "trace" nor "error"', latency),
      );
    }
  }

  /**
   * Stops a worker stuck on a case past its timeout (it would otherwise hold every case sent to
   * it after) and starts a fresh one. The other cases it held go to the new process, each with
   * a fresh timeout: they are answered once, neither lost nor counted twice.
   */
  function recycle(slot: Slot, why: string): void {
    const child = slot.child;
    if (!child || slot.recycling === child || closing) return;
    slot.recycling = child;
    slot.state = 'backoff'; // no new requests to the process we are stopping
    for (const id of slot.inflight) {
      const p = pending.get(id);
      if (!p) continue;
      p.rearm();
      slot.queue.push(id);
    }
    slot.inflight.clear();
    log(`worker ${slot.index}: ${why}; restarting it`);
    void killGroup(child, killGraceMs);
  }

  function handleExit(
    slot: Slot,
    child: ChildProcess | undefined,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    if (!child || slot.child === child) slot.child = undefined;
    if (child && slot.recycling === child) {
      // Stopped on purpose: not a crash, no backoff; the queued cases go to the new process.
      slot.recycling = undefined;
      if (closing) slot.state = 'closed';
      else spawnSlot(slot);
      return;
    }
    const desc = child ? exitDescription(code, signal) : 'did not start';
    const tail = stderrTail(slot);
    slot.lastExit = `${desc}${tail ? `: ${tail}` : ''}`;
    for (const id of [...slot.inflight]) {
      const p = pending.get(id);
      if (!p) continue;
      settle(
        id,
        errorTrace(
          'crash',
          `worker ${slot.index} died while running this case (${slot.lastExit})`,
          elapsedMs(p.start),
          { transient: true },
          tail || undefined,
        ),
      );
    }
    slot.inflight.clear();
    if (closing) {
      slot.state = 'closed';
      return;
    }
    slot.failures += 1;
    if (slot.failures > maxRestarts) {
      slot.state = 'dead';
      log(
        `worker ${slot.index} exited ${slot.failures} times in a row; giving up (${slot.lastExit})`,
      );
      for (const id of slot.queue.splice(0)) {
        const p = pending.get(id);
        if (p) settle(id, givenUp(p.start));
      }
      return;
    }
    const delay = Math.min(backoffMs * 2 ** (slot.failures - 1), maxBackoffMs);
    log(`worker ${slot.index} exited (${oneLine(slot.lastExit, 300)}); restarting in ${delay} ms`);
    slot.state = 'backoff';
    slot.restartTimer = setTimeout(() => spawnSlot(slot), delay);
  }

  function givenUp(start: number): Trace {
    const last = slots.find((s) => s.lastExit)?.lastExit ?? 'unknown';
    return errorTrace(
      'crash',
      `every worker kept crashing (more than ${maxRestarts} restarts each); last: ${last}`,
      elapsedMs(start),
    );
  }

  /**
   * Least loaded live worker, running ones first; ties go round-robin so load spreads from the
   * start.
   */
  function pick(): Slot | undefined {
    let best: Slot | undefined;
    let bestLoad = Infinity;
    for (let k = 1; k <= slots.length; k++) {
      const slot = slots[(lastPicked + k) % slots.length];
      if (slot.state === 'dead' || slot.state === 'closed') continue;
      // A worker waiting to restart only gets work when none is running.
      const load =
        slot.inflight.size + slot.queue.length + (slot.state === 'running' ? 0 : 1_000_000);
      if (load < bestLoad) {
        best = slot;
        bestLoad = load;
      }
    }
    if (best) lastPicked = best.index;
    return best;
  }

  for (let i = 0; i < size; i++) {
    const slot: Slot = {
      index: i,
      state: 'backoff',
      inflight: new Set(),
      queue: [],
      failures: 0,
      stderr: new TailBuffer(STDERR_TAIL),
      warnedGarbage: false,
    };
    slots.push(slot);
    spawnSlot(slot);
  }

  function run(request: CaseRequest, runOptions: RunOptions): Promise<Trace> {
    const start = performance.now();
    if (runOptions.signal?.aborted) {
      return Promise.resolve(errorTrace('cancelled', 'the run was cancelled', 0));
    }
    if (closing) return Promise.resolve(errorTrace('cancelled', 'the target is closed', 0));
    const slot = pick();
    if (!slot) return Promise.resolve(givenUp(start));

    const id = `r${++nextId}`;
    return new Promise<Trace>((resolve) => {
      const signal = runOptions.signal;
      const onAbort = () =>
        settle(id, errorTrace(abortKind(signal), 'the run was cancelled', elapsedMs(p.start)));
      const onTimeout = () => {
        // Sent to the process and still unanswered: the worker is stuck on it.
        const stuck = p.slot.inflight.has(id);
        settle(
          id,
          errorTrace('timeout', `no answer within ${runOptions.timeoutMs} ms`, elapsedMs(p.start)),
        );
        if (stuck)
          recycle(p.slot, `no answer to case ${request.id} within ${runOptions.timeoutMs} ms`);
      };
      let timer = setTimeout(onTimeout, timerMs(runOptions.timeoutMs));
      signal?.addEventListener('abort', onAbort, { once: true });
      const p: Pending = {
        id,
        line: jsonLine({ id, case: request }),
        slot,
        start,
        resolve,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
        rearm: () => {
          clearTimeout(timer);
          p.start = performance.now();
          timer = setTimeout(onTimeout, timerMs(runOptions.timeoutMs));
        },
      };
      pending.set(id, p);
      if (slot.state === 'running' && slot.child) write(slot, p);
      else slot.queue.push(id);
    });
  }

  async function stopSlot(slot: Slot): Promise<void> {
    clearTimeout(slot.restartTimer);
    const child = slot.child;
    if (!child) {
      slot.state = 'closed';
      return;
    }
    // Closing stdin is the polite way: a well-written worker exits at EOF.
    endStdin(child);
    if (!(await waitExit(child, killGraceMs))) await killGroup(child, killGraceMs);
  }

  return {
    run,
    close() {
      closePromise ??= (async () => {
        closing = true;
        for (const id of [...pending.keys()]) {
          const p = pending.get(id)!;
          settle(id, errorTrace('cancelled', 'the target was closed', elapsedMs(p.start)));
        }
        await Promise.all(slots.map(stopSlot));
      })();
      return closePromise;
    },
  };
}
