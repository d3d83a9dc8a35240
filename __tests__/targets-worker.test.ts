import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerTarget, type WorkerTargetOptions } from '../src/targets/worker.ts';
import { createTarget } from '../src/targets/index.ts';
import type { Target } from '../src/targets/target.ts';
import type { WorkerTargetConfig } from '../src/types.ts';
import { ctx, isAlive, node, request, tempDir, until, waitGone } from './helpers/targets.ts';

let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

function pool(
  config: Partial<WorkerTargetConfig> = {},
  options: WorkerTargetOptions = {},
  logs: string[] = [],
) {
  target = createWorkerTarget(
    { kind: 'worker', command: node('worker.mjs'), workers: 2, ...config },
    ctx({ log: (line) => logs.push(line) }),
    { restartBackoffMs: 20, killGraceMs: 200, ...options },
  );
  return target;
}

const readPids = (file: string) =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);

describe('worker target', () => {
  it('matches many concurrent answers to their requests by id, across the pool', async () => {
    const t = pool();
    // Later requests answer first: answers come back out of order.
    const traces = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.run(request({ text: `case${i}`, delay: (24 - i) * 3 }, {}, `c${i}`), {
          timeoutMs: 5000,
        }),
      ),
    );
    expect(traces.map((tr) => tr.output)).toEqual(traces.map((_, i) => `echo:case${i}`));
    expect(traces.every((tr) => tr.error === undefined)).toBe(true);
    const pids = new Set(traces.map((tr) => tr.metadata?.pid));
    expect(pids.size).toBe(2);
    expect(new Set(traces.map((tr) => tr.metadata?.worker))).toEqual(new Set(['0', '1']));
  });

  it('sizes the pool from the concurrency when workers is not set (at most 4)', async () => {
    const pidFile = join(tempDir(), 'pids');
    const t = await createTarget(
      { kind: 'worker', command: node('worker.mjs'), env: { PID_FILE: pidFile } },
      ctx({ concurrency: 16 }),
    );
    target = t;
    const pids = await until(() => {
      const p = (() => {
        try {
          return readPids(pidFile);
        } catch {
          return [];
        }
      })();
      return p.length >= 4 ? p : undefined;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(readPids(pidFile)).toHaveLength(4);
    await t.close();
    expect(await waitGone(pids)).toEqual([]);
  });

  it('turns an error answer into kind target and a bad trace into invalid_output', async () => {
    const t = pool();
    const error = await t.run(request({ mode: 'error' }), { timeoutMs: 5000 });
    expect(error.error).toMatchObject({ kind: 'target', message: 'the model is down' });
    expect(error.output).toBe('');
    const invalid = await t.run(request({ mode: 'invalid' }), { timeoutMs: 5000 });
    expect(invalid.error?.kind).toBe('invalid_output');
    expect(invalid.error?.message).toMatch(/output: expected string/);
  });

  it('logs a non-response stdout line once per worker and ignores it', async () => {
    const logs: string[] = [];
    const t = pool({ workers: 1 }, {}, logs);
    expect((await t.run(request({ text: 'a' }), { timeoutMs: 5000 })).output).toBe('echo:a');
    expect((await t.run(request({ text: 'b' }), { timeoutMs: 5000 })).output).toBe('echo:b');
    const ignored = logs.filter((l) => l.includes('ignoring a stdout line'));
    expect(ignored).toHaveLength(1);
    expect(ignored[0]).toMatch(/worker booting/);
  });

  it('fails the in-flight cases of a dying worker as transient crashes, then restarts it', async () => {
    const logs: string[] = [];
    const t = pool({ workers: 1 }, {}, logs);
    const first = await t.run(request({ text: 'warm' }), { timeoutMs: 5000 });
    const slow = t.run(request({ text: 'slow', delay: 2000 }), { timeoutMs: 5000 });
    const dying = t.run(request({ mode: 'die' }), { timeoutMs: 5000 });
    const [a, b] = await Promise.all([slow, dying]);
    for (const trace of [a, b]) {
      expect(trace.output).toBe('');
      expect(trace.error).toMatchObject({ kind: 'crash', transient: true });
      expect(trace.error?.message).toMatch(/exit code 7.*segfault in the tokenizer/);
    }
    expect(b.stderr).toMatch(/segfault/);
    // The next case goes to the restarted worker: a new process.
    const after = await t.run(request({ text: 'again' }), { timeoutMs: 5000 });
    expect(after.output).toBe('echo:again');
    expect(after.metadata?.pid).not.toBe(first.metadata?.pid);
    expect(isAlive(first.metadata?.pid as number)).toBe(false);
    expect(logs.some((l) => /worker 0 exited .*restarting in 20 ms/.test(l))).toBe(true);
  });

  it('sends new cases to a running worker rather than one waiting to restart', async () => {
    const t = pool({ workers: 2 }, { restartBackoffMs: 3000 });
    const dead = await t.run(request({ mode: 'die' }), { timeoutMs: 5000 });
    expect(dead.error?.kind).toBe('crash');
    const started = performance.now();
    const traces = await Promise.all(
      [1, 2, 3].map((i) => t.run(request({ text: `t${i}` }), { timeoutMs: 5000 })),
    );
    expect(traces.map((tr) => tr.output)).toEqual(['echo:t1', 'echo:t2', 'echo:t3']);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('gives up on a crash-looping command with non-transient errors, in bounded time', async () => {
    const logs: string[] = [];
    const started = performance.now();
    const t = pool(
      {
        command: `"${process.execPath}" -e "console.error('no model file'); process.exit(2)"`,
        workers: 1,
      },
      { maxRestarts: 3, restartBackoffMs: 10 },
      logs,
    );
    let last;
    for (let i = 0; i < 20; i++) {
      last = await t.run(request({ text: 'x' }), { timeoutMs: 2000 });
      expect(last.error?.kind).toBe('crash');
      if (last.error?.transient === false || last.error?.transient === undefined) break;
    }
    expect(last?.error?.transient).toBeFalsy();
    expect(last?.error?.message).toMatch(/kept crashing.*exit code 2.*no model file/);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(logs.some((l) => /giving up/.test(l))).toBe(true);
    // Once given up, a case fails at once.
    const quick = await t.run(request({}), { timeoutMs: 2000 });
    expect(quick.error?.message).toMatch(/kept crashing/);
    expect(quick.latency_ms).toBeLessThan(500); // at once, not after the 2 s timeout
  });

  it('times out one request only and ignores its late answer', async () => {
    const t = pool({ workers: 1 });
    const slow = await t.run(request({ text: 'late', delay: 400 }), { timeoutMs: 150 });
    expect(slow.error).toMatchObject({ kind: 'timeout', message: 'no answer within 150 ms' });
    expect(slow.latency_ms).toBeGreaterThanOrEqual(145); // timers may fire a hair early
    const hung = await t.run(request({ mode: 'hang' }), { timeoutMs: 150 });
    expect(hung.error?.kind).toBe('timeout');
    // The worker is still usable; the late answer to 'late' arrives meanwhile and is dropped.
    await new Promise((r) => setTimeout(r, 300));
    const ok = await t.run(request({ text: 'next' }), { timeoutMs: 5000 });
    expect(ok.output).toBe('echo:next');
  });

  it('restarts a worker stuck on one case past its timeout; the cases it held are answered once', async () => {
    const logs: string[] = [];
    const pidFile = join(tempDir(), 'pids');
    const t = pool({ workers: 1, env: { HANG_ON: 'stuck', PID_FILE: pidFile } }, {}, logs);
    // The stuck case reaches the worker first; the others wait behind it in the same process.
    const stuck = t.run(request({}, {}, 'stuck'), { timeoutMs: 300 });
    const others = Array.from({ length: 4 }, (_, i) =>
      t.run(request({ text: `n${i}` }, {}, `c${i}`), { timeoutMs: 3000 }),
    );
    const hung = await stuck;
    expect(hung.error).toMatchObject({ kind: 'timeout', message: 'no answer within 300 ms' });
    const traces = await Promise.all(others);
    expect(traces.map((tr) => tr.error?.message ?? tr.output)).toEqual([
      'echo:n0',
      'echo:n1',
      'echo:n2',
      'echo:n3',
    ]);
    expect(logs.some((l) => /no answer to case stuck within 300 ms; restarting it/.test(l))).toBe(
      true,
    );
    // The stuck process is gone, and the restart did not count as a crash: the pool serves on.
    const [first, second] = readPids(pidFile);
    expect(await waitGone([first])).toEqual([]);
    const answeredBy = new Set(traces.map((tr) => tr.metadata?.pid as number));
    expect([...answeredBy]).toEqual([second]);
    const next = await t.run(request({ text: 'next' }), { timeoutMs: 3000 });
    expect(next.output).toBe('echo:next');
    expect(next.metadata?.pid).toBe([...answeredBy][0]);
  });

  it('cancels a request when the signal aborts', async () => {
    const t = pool({ workers: 1 });
    const controller = new AbortController();
    const pending = t.run(request({ mode: 'hang' }), {
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const trace = await pending;
    expect(trace.error?.kind).toBe('cancelled');
    expect(trace.latency_ms).toBeLessThan(1000);
  });

  it('close() cancels pending cases and ends the processes, even stubborn ones', async () => {
    const pidFile = join(tempDir(), 'pids');
    const t = pool({ workers: 2, env: { PID_FILE: pidFile, STUBBORN: '1' } }, { killGraceMs: 100 });
    const pending = t.run(request({ mode: 'hang' }), { timeoutMs: 10_000 });
    const pids = await until(() => {
      try {
        const p = readPids(pidFile);
        return p.length === 2 ? p : undefined;
      } catch {
        return undefined;
      }
    });
    const started = performance.now();
    await t.close();
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await pending).error?.kind).toBe('cancelled');
    expect(await waitGone(pids)).toEqual([]);
    await t.close(); // safe twice
    const after = await t.run(request({}), { timeoutMs: 1000 });
    expect(after.error?.kind).toBe('cancelled');
  });
});
