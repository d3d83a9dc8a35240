import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommandTarget, parseStdout } from '../src/targets/command.ts';
import { createTarget } from '../src/targets/index.ts';
import type { Target } from '../src/targets/target.ts';
import { ctx, FIXTURES, node, request, tempDir, until, waitGone } from './helpers/targets.ts';

let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

const fixture = (options = {}) => {
  target = createCommandTarget({ kind: 'command', command: node('command.mjs') }, ctx(), {
    killGraceMs: 200,
    ...options,
  });
  return target;
};

describe('parseStdout', () => {
  it('takes the whole text when it is JSON, even pretty-printed', () => {
    expect(parseStdout('{\n  "output": "x"\n}\n')).toEqual({ value: { output: 'x' } });
  });
  it('takes the last JSON object line after stray prints', () => {
    expect(parseStdout('hello\n{"output":"a"}\n{"output":"b"}\nbye\n')).toEqual({
      value: { output: 'b' },
    });
  });
  it('says what it saw when nothing parses', () => {
    expect(parseStdout('')).toEqual({ error: 'the command printed nothing on stdout' });
    expect(parseStdout('oops\n')).toEqual({ error: 'stdout is not JSON: oops' });
  });
});

describe('command target', () => {
  it('sends the case on stdin and reads the trace from stdout', async () => {
    const t = await createTarget(
      {
        kind: 'command',
        command: node('command.mjs'),
        env: { EVALGATE_A: 'config', EVALGATE_B: 'config' },
      },
      ctx({ env: { EVALGATE_B: 'ctx' } }),
    );
    target = t;
    const trace = await t.run({ ...request({ text: 'hi' }), trial: 2 }, { timeoutMs: 5000 });
    expect(trace.error).toBeUndefined();
    expect(trace.output).toBe('echo:hi');
    expect(trace.tool_calls).toEqual([{ name: 'lookup', arguments: { q: 1 } }]);
    expect(trace.metadata).toMatchObject({
      trial: 2,
      cwd: FIXTURES,
      env: { A: 'config', B: 'ctx' },
    });
    expect(trace.stderr).toBe('thinking...\n');
    expect(trace.latency_ms).toBeGreaterThan(0);
  });

  it('runs in cwd relative to the suite root', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'app'));
    target = createCommandTarget(
      { kind: 'command', command: node(join(FIXTURES, 'command.mjs')), cwd: 'app' },
      ctx({ rootDir: root }),
    );
    const trace = await target.run(request({ text: 'x' }), { timeoutMs: 5000 });
    expect(trace.metadata?.cwd).toBe(join(root, 'app'));
  });

  it('fails creation when cwd does not exist', () => {
    expect(() =>
      createCommandTarget({ kind: 'command', command: 'true', cwd: 'nope' }, ctx()),
    ).toThrow(/cwd does not exist/);
  });

  it('reports a non-zero exit as crash with the exit code and stderr tail', async () => {
    const trace = await fixture().run(request({ mode: 'crash' }), { timeoutMs: 5000 });
    expect(trace.output).toBe('');
    expect(trace.error?.kind).toBe('crash');
    expect(trace.error?.message).toMatch(/exit code 3/);
    expect(trace.error?.message).toMatch(/ValueError: bad input/);
    expect(trace.stderr).toMatch(/Traceback/);
    expect(trace.latency_ms).toBeGreaterThan(0);
  });

  it('reports garbage on stdout as invalid_output', async () => {
    const trace = await fixture().run(request({ mode: 'garbage' }), { timeoutMs: 5000 });
    expect(trace.error).toEqual({
      kind: 'invalid_output',
      message: 'stdout is not JSON: this is not json at all',
    });
  });

  it('reports a JSON answer that is not a trace as invalid_output naming the field', async () => {
    const trace = await fixture().run(request({ mode: 'invalid' }), { timeoutMs: 5000 });
    expect(trace.error?.kind).toBe('invalid_output');
    expect(trace.error?.message).toMatch(/output: expected string/);
  });

  it('ignores log lines printed before the JSON', async () => {
    const trace = await fixture().run(request({ mode: 'logs' }), { timeoutMs: 5000 });
    expect(trace.error).toBeUndefined();
    expect(trace.output).toBe('after logs');
  });

  it('keeps only the tail of a long stderr', async () => {
    const trace = await fixture().run(request({ mode: 'noisy' }), { timeoutMs: 5000 });
    expect(trace.output).toBe('ok');
    expect(trace.stderr!.length).toBeLessThanOrEqual(4097);
    expect(trace.stderr).toMatch(/THE END\n$/);
    expect(trace.stderr!.startsWith('…')).toBe(true);
  });

  it('kills the whole process group on timeout', async () => {
    const pidFile = join(tempDir(), 'pids.json');
    const t = fixture();
    const started = performance.now();
    // Generous: on a loaded 2-core machine node itself can take a second to start.
    const trace = await t.run(request({ mode: 'hang' }, { pidFile }), { timeoutMs: 1500 });
    expect(trace.error?.kind).toBe('timeout');
    expect(trace.error?.message).toBe('no answer within 1500 ms');
    expect(trace.latency_ms).toBeGreaterThanOrEqual(1495); // timers may fire a hair early
    expect(performance.now() - started).toBeLessThan(6000);
    const pids = JSON.parse(readFileSync(pidFile, 'utf8')) as number[];
    expect(pids).toHaveLength(2);
    expect(await waitGone(pids)).toEqual([]);
  });

  it('escalates to SIGKILL for a process that ignores SIGTERM', async () => {
    const pidFile = join(tempDir(), 'pids.json');
    const trace = await fixture({ killGraceMs: 150 }).run(
      request({ mode: 'hang', stubborn: true }, { pidFile }),
      { timeoutMs: 1500 },
    );
    expect(trace.error?.kind).toBe('timeout');
    const pids = JSON.parse(readFileSync(pidFile, 'utf8')) as number[];
    expect(await waitGone(pids)).toEqual([]);
  });

  it('returns cancelled when the signal aborts, and kills the process', async () => {
    const pidFile = join(tempDir(), 'pids.json');
    const controller = new AbortController();
    const t = fixture();
    const pending = t.run(request({ mode: 'hang' }, { pidFile }), {
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    const pids = await until(() => {
      try {
        return JSON.parse(readFileSync(pidFile, 'utf8')) as number[];
      } catch {
        return undefined;
      }
    });
    controller.abort();
    const trace = await pending;
    expect(trace.error?.kind).toBe('cancelled');
    expect(await waitGone(pids)).toEqual([]);
    // An already-aborted signal does not even start the process.
    const again = await t.run(request({ mode: 'ok' }), {
      timeoutMs: 1000,
      signal: controller.signal,
    });
    expect(again).toEqual({
      output: '',
      error: { kind: 'cancelled', message: 'the run was cancelled' },
      latency_ms: 0,
    });
  });

  it('close() stops cases still running', async () => {
    const pidFile = join(tempDir(), 'pids.json');
    const t = fixture();
    const pending = t.run(request({ mode: 'hang' }, { pidFile }), { timeoutMs: 10_000 });
    const pids = await until(() => {
      try {
        return JSON.parse(readFileSync(pidFile, 'utf8')) as number[];
      } catch {
        return undefined;
      }
    });
    await t.close();
    expect((await pending).error?.kind).toBe('cancelled');
    expect(await waitGone(pids)).toEqual([]);
  });

  it('reports a command that does not exist as crash with the shell message', async () => {
    target = createCommandTarget(
      { kind: 'command', command: 'evalgate-no-such-command-xyz' },
      ctx(),
    );
    const trace = await target.run(request({}), { timeoutMs: 5000 });
    expect(trace.error?.kind).toBe('crash');
    expect(trace.error?.message).toMatch(/exit code 127.*not found/);
  });

  it('does not mind a command that never reads stdin', async () => {
    target = createCommandTarget(
      { kind: 'command', command: `echo '{"output":"no stdin"}'` },
      ctx(),
    );
    const trace = await target.run(request({ big: 'x'.repeat(200_000) }), { timeoutMs: 5000 });
    expect(trace.output).toBe('no stdin');
  });

  it('reads the answer of a command whose forked helper keeps stdout open, and stops the helper', async () => {
    const pidFile = join(tempDir(), 'helper.pid');
    target = createCommandTarget(
      {
        kind: 'command',
        command: `read -r line; echo '{"output":"ok"}'; sleep 30 & echo $! > ${pidFile}`,
      },
      ctx(),
    );
    const trace = await target.run(request({}), { timeoutMs: 10_000 });
    expect(trace.error).toBeUndefined();
    expect(trace.output).toBe('ok');
    const helper = Number(readFileSync(pidFile, 'utf8'));
    expect(await waitGone([helper])).toEqual([]);
  });

  it('runs cases concurrently', async () => {
    const t = fixture();
    const traces = await Promise.all(
      Array.from({ length: 4 }, (_, i) => t.run(request({ text: `n${i}` }), { timeoutMs: 5000 })),
    );
    expect(traces.map((tr) => tr.output)).toEqual(['echo:n0', 'echo:n1', 'echo:n2', 'echo:n3']);
  });
});

describe('command target under load', () => {
  it('reads every answer at concurrency 64 over 1,200 trials, however late the pipe drains', async () => {
    // A tiny shell answer: the load is the number of processes, not their work. On a busy
    // machine one event-loop turn can last long (64 exits, 64 synchronous spawns); a ticker
    // whose I/O callback stalls 250 ms makes such turns certain. Children exit during the stall
    // with their answer still unread in the pipe: it must be read, never taken for "nothing".
    target = createCommandTarget(
      { kind: 'command', command: `read -r line; echo '{"output":"ok"}'` },
      ctx(),
    );
    const t = target;
    const ticker = spawn('sh', ['-c', 'while :; do echo tick; sleep 1; done']);
    const stall = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    ticker.stdout.on('data', () => {
      stall(30);
      setImmediate(() => stall(220));
    });
    try {
      const limit = pLimit(64);
      const traces = await Promise.all(
        Array.from({ length: 1200 }, (_, i) =>
          limit(() => t.run(request({ n: i }, {}, `c${i}`), { timeoutMs: 60_000 })),
        ),
      );
      const errors = traces.filter((tr) => tr.error).map((tr) => tr.error!.message);
      expect(errors).toEqual([]);
      expect(traces.every((tr) => tr.output === 'ok')).toBe(true);
    } finally {
      ticker.kill('SIGKILL');
    }
  }, 120_000);
});
