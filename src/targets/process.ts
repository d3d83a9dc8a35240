/**
 * Spawning the system under test, and stopping it for good.
 *
 * Every process is started through the shell in its own process group (`detached`), so that a
 * timeout can kill the whole tree: `sh -c "python app.py"` may fork helpers, and killing only
 * the shell would leave them running (and holding our pipes open).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TargetContext } from './target.ts';
import { inheritedEnv } from './inherited-env.ts';

const IS_WINDOWS = process.platform === 'win32';

export interface SpawnSpec {
  command: string;
  cwd?: string;
  env?: Record<string, string>;
}

/** The working directory of a target, checked up front so a typo fails with a clear message. */
export function targetCwd(spec: { cwd?: string }, ctx: TargetContext): string {
  const dir = resolve(ctx.rootDir, spec.cwd ?? '.');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`target cwd does not exist or is not a folder: ${dir}`);
  }
  return dir;
}

/** Our environment (less the runner's tokens), then the config's env, then the context's. */
export function targetEnv(spec: { env?: Record<string, string> }, ctx: TargetContext) {
  return { ...inheritedEnv(), ...spec.env, ...ctx.env };
}

/** Spawns `command` through the shell in a new process group, all three stdio piped. */
export function spawnShell(command: string, cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, {
    shell: true,
    cwd,
    env,
    detached: !IS_WINDOWS,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

/** True while the child has neither exited nor been killed by a signal. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Sends `signal` to the child's whole process group; never throws (it may be gone already). */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (IS_WINDOWS) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone. EPERM cannot happen for our own children.
  }
}

/** Resolves when the child has exited (at once if it already has), or after `ms`. */
export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (!isRunning(child) || child.pid === undefined) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      done(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      done(true);
    };
    child.once('exit', onExit);
  });
}

/**
 * SIGTERM to the group, then SIGKILL to the group after `graceMs` if the leader still runs.
 * Resolves once the leader has exited (Node reaps it, so it leaves no zombie). A final SIGKILL
 * to the group catches helpers that ignored SIGTERM while the leader obeyed it.
 */
export async function killGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.pid === undefined) return;
  signalGroup(child, 'SIGTERM');
  const exited = await waitExit(child, graceMs);
  signalGroup(child, 'SIGKILL');
  if (!exited) await waitExit(child, 5000);
}

/** Closes stdin (the polite "we are done"), ignoring EPIPE from a process that already left. */
export function endStdin(child: ChildProcess): void {
  try {
    child.stdin?.end();
  } catch {
    // the pipe is already closed
  }
}

/** A process's way out, in words: "exit code 3" or "signal SIGSEGV". */
export function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by signal ${signal}`;
  return `exit code ${code ?? 'unknown'}`;
}
