/**
 * The command target: one process per case. The case JSON goes to stdin (then stdin closes),
 * the trace JSON comes back on stdout; stderr is kept (its tail) for the viewer.
 */
import type { CommandTargetConfig, CaseRequest, Trace } from '../types.ts';
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
  exitDescription,
  killGroup,
  signalGroup,
  spawnShell,
  targetCwd,
  targetEnv,
} from './process.ts';
import { normalizeTrace } from './trace.ts';

export interface CommandTargetOptions {
  /** Between SIGTERM and SIGKILL on timeout. Default 2000 ms. */
  killGraceMs?: number;
  /** stdout beyond this is an invalid_output error (a runaway process must not eat memory). */
  maxStdoutBytes?: number;
}

const STDERR_TAIL = 4096;
/** After the process exits, how long helpers it forked may keep our pipes open. */
const PIPE_DRAIN_MS = 200;
/** After stopping the group, how long to wait for EOF from a helper that escaped it. */
const PIPE_GIVE_UP_MS = 2000;

/**
 * The trace in a process's stdout: the whole text if it is JSON, else the last non-empty line
 * that parses as a JSON object (so `print("loading...")` before the answer does no harm).
 */
export function parseStdout(stdout: string): { value: unknown } | { error: string } {
  const whole = stdout.trim();
  if (!whole) return { error: 'the command printed nothing on stdout' };
  try {
    return { value: JSON.parse(whole) };
  } catch {
    // several lines: look for the last JSON object line
  }
  const lines = whole.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith('{')) continue;
    try {
      return { value: JSON.parse(line) };
    } catch {
      // keep looking
    }
  }
  return { error: `stdout is not JSON: ${snippet(whole.slice(-400))}` };
}

export function createCommandTarget(
  config: CommandTargetConfig,
  ctx: TargetContext,
  options: CommandTargetOptions = {},
): Target {
  const cwd = targetCwd(config, ctx);
  const env = targetEnv(config, ctx);
  const killGraceMs = options.killGraceMs ?? 2000;
  const maxStdout = options.maxStdoutBytes ?? 64 * 1024 * 1024;
  /** How to stop each running case, so close() can end them all. */
  const stoppers = new Set<(why: 'cancelled') => void>();
  const running = new Set<Promise<Trace>>();
  let closed = false;

  function runOnce(request: CaseRequest, runOptions: RunOptions): Promise<Trace> {
    const start = performance.now();
    if (runOptions.signal?.aborted) {
      return Promise.resolve(errorTrace('cancelled', 'the run was cancelled', 0));
    }
    if (closed) return Promise.resolve(errorTrace('cancelled', 'the target is closed', 0));

    return new Promise<Trace>((resolveTrace) => {
      let child;
      try {
        child = spawnShell(config.command, cwd, env);
      } catch (err) {
        resolveTrace(
          errorTrace('crash', `could not start: ${describeError(err)}`, elapsedMs(start)),
        );
        return;
      }
      const stdoutChunks: Buffer[] = [];
      let stdoutBytes = 0;
      let overflow = false;
      const stderr = new TailBuffer(STDERR_TAIL);
      let settled = false;
      let stopping: 'timeout' | 'cancelled' | 'overflow' | undefined;
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      let spawnError: Error | undefined;
      let drainTimer: NodeJS.Timeout | undefined;

      const finish = (trace: Trace) => {
        if (settled) return;
        settled = true;
        stoppers.delete(stop);
        clearTimeout(timer);
        clearTimeout(drainTimer);
        runOptions.signal?.removeEventListener('abort', onAbort);
        const tail = stderr.text();
        if (tail) trace.stderr = tail;
        resolveTrace(trace);
      };

      const stop = (why: 'timeout' | 'cancelled' | 'overflow') => {
        if (stopping || settled) return;
        stopping = why;
        // Resolve only once the process is really gone, so nothing outlives the case.
        void killGroup(child, killGraceMs).then(() => {
          const latency = elapsedMs(start);
          if (why === 'timeout') {
            finish(errorTrace('timeout', `no answer within ${runOptions.timeoutMs} ms`, latency));
          } else if (why === 'cancelled') {
            finish(errorTrace('cancelled', 'the run was cancelled', latency));
          } else {
            finish(errorTrace('invalid_output', `stdout exceeded ${maxStdout} bytes`, latency));
          }
        });
      };

      const timer = setTimeout(() => stop('timeout'), timerMs(runOptions.timeoutMs));
      const onAbort = () => stop(abortKind(runOptions.signal));
      runOptions.signal?.addEventListener('abort', onAbort, { once: true });

      child.stdout!.on('data', (chunk: Buffer) => {
        if (overflow) return;
        stdoutBytes += chunk.length;
        if (stdoutBytes > maxStdout) {
          overflow = true;
          stop('overflow');
          return;
        }
        stdoutChunks.push(chunk);
      });
      child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
      // A command that never reads stdin makes our write fail with EPIPE: not its fault.
      child.stdin!.on('error', () => {});
      child.on('error', (err) => {
        spawnError = err;
        // Spawning itself failed (E2BIG, EAGAIN...): no 'exit' will follow.
        if (child.pid === undefined) setImmediate(complete);
      });

      const complete = () => {
        if (stopping || settled) return;
        const latency = elapsedMs(start);
        if (spawnError && !exit) {
          finish(errorTrace('crash', `could not start: ${spawnError.message}`, latency));
          return;
        }
        const { code, signal } = exit ?? { code: null, signal: null };
        if (code !== 0) {
          const tail = stderr.text().trim();
          const message = `command failed (${exitDescription(code, signal)})${tail ? `: ${tail.slice(-500)}` : ''}`;
          finish(errorTrace('crash', oneLine(message), latency));
          return;
        }
        const parsed = parseStdout(Buffer.concat(stdoutChunks).toString('utf8'));
        if ('error' in parsed) {
          finish(errorTrace('invalid_output', parsed.error, latency));
          return;
        }
        const normalized = normalizeTrace(parsed.value);
        if ('error' in normalized) {
          finish(errorTrace('invalid_output', `invalid trace: ${normalized.error}`, latency));
          return;
        }
        const trace = normalized.trace;
        // The system's own latency, when it reports one, excludes interpreter start-up.
        trace.latency_ms ??= latency;
        finish(trace);
      };

      // 'close' fires when the process has exited *and* its pipes are at EOF: only then is
      // all of stdout read. A helper the command forked may hold the pipes open; after a
      // moment, stop the whole group so they close, and read on to EOF all the same.
      // Completing at that moment instead lost answers: an exit reaped late in a long event-loop
      // turn starts its timer from that turn's stale clock, so the timer can fire before the
      // next poll reads the answer already waiting in the pipe.
      child.on('exit', (code, signal) => {
        exit = { code, signal };
        drainTimer = setTimeout(() => {
          // setImmediate: let this turn's poll phase read what is waiting (and close) first.
          setImmediate(() => {
            if (settled || stopping) return;
            signalGroup(child, 'SIGKILL');
            // Only a helper that left our process group can hold the pipes now: give up on it.
            drainTimer = setTimeout(() => {
              child.stdout!.destroy();
              child.stderr!.destroy();
              complete();
            }, PIPE_GIVE_UP_MS);
          });
        }, PIPE_DRAIN_MS);
      });
      child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
        if (!exit && !spawnError) exit = { code, signal };
        complete();
      });

      stoppers.add(stop);
      child.stdin!.end(jsonLine(request));
    });
  }

  return {
    run(request, runOptions) {
      const p = runOnce(request, runOptions);
      running.add(p);
      void p.finally(() => running.delete(p));
      return p;
    },
    async close() {
      closed = true;
      // Cases still running become 'cancelled'; wait until their processes are gone.
      for (const stop of stoppers) stop('cancelled');
      await Promise.allSettled([...running]);
    },
  };
}
