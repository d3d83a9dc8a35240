/** Shared bits of the target tests: fixture paths, case requests, process liveness. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseRequest } from '../../src/types.ts';
import type { TargetContext } from '../../src/targets/target.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'targets');

/** `node <script>` with this very node, quoted for the shell. */
export const node = (script: string) => `"${process.execPath}" ${script}`;

export function ctx(extra: Partial<TargetContext> = {}): TargetContext {
  return { rootDir: FIXTURES, concurrency: 2, ...extra };
}

export function request(
  input: unknown,
  context: Record<string, unknown> = {},
  id = 'c1',
): CaseRequest {
  return { id, input, context, tags: [], trial: 0 };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'evalgate-targets-'));
}

/** Alive = exists and is not a zombie (an orphaned zombie is dead; reaping it is init's job). */
export function isAlive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync('/proc/self/stat')) {
    try {
      const text = readFileSync(stat, 'utf8');
      const state = text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
      return state !== 'Z' && state !== 'X';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (briefly) until none of `pids` is alive; returns the ones still alive. */
export async function waitGone(pids: number[], ms = 2000): Promise<number[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Polls until `fn` returns a value (not undefined), or fails after `ms`. */
export async function until<T>(fn: () => T | undefined, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
