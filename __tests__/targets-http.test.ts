import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTarget, retryAfterMs } from '../src/targets/http.ts';
import { createTarget } from '../src/targets/index.ts';
import type { Target } from '../src/targets/target.ts';
import { ctx, node, request, tempDir, until, waitGone } from './helpers/targets.ts';

let target: Target | undefined;
let server: Server | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
  if (server) {
    server.closeAllConnections();
    await new Promise((r) => server!.close(r));
    server = undefined;
  }
});

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A loopback server; returns its base URL and the bodies it received. */
async function serve(handler: Handler): Promise<{ url: string; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, bodies };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) =>
  res
    .writeHead(status, { 'content-type': 'application/json', ...headers })
    .end(typeof body === 'string' ? body : JSON.stringify(body));

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0.5')).toBe(500);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('http target', () => {
  it('POSTs the case as JSON with the configured headers and normalizes the answer', async () => {
    let seen: IncomingMessage | undefined;
    const { url, bodies } = await serve((req, body, res) => {
      seen = req;
      const c = JSON.parse(body);
      json(res, 200, { output: `echo:${c.input.text}`, retrieved: ['doc'], model: 'm' });
    });
    target = await createTarget(
      { kind: 'http', url: `${url}/eval`, headers: { authorization: 'Bearer t' } },
      ctx(),
    );
    const trace = await target.run(request({ text: 'hi' }), { timeoutMs: 2000 });
    expect(trace.output).toBe('echo:hi');
    expect(trace.retrieved).toEqual([{ text: 'doc' }]);
    expect(trace.metadata).toEqual({ model: 'm' });
    expect(trace.latency_ms).toBeGreaterThan(0);
    expect(JSON.parse(bodies[0])).toEqual(request({ text: 'hi' }));
    expect(seen?.method).toBe('POST');
    expect(seen?.url).toBe('/eval');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers.authorization).toBe('Bearer t');
  });

  it('returns a transient http error for a 500, then the trace when the server recovers', async () => {
    let calls = 0;
    const { url } = await serve((_req, _body, res) => {
      calls++;
      if (calls === 1) json(res, 500, 'Internal Server Error: db down');
      else json(res, 200, { output: 'recovered' });
    });
    target = await createHttpTarget({ kind: 'http', url }, ctx());
    const first = await target.run(request({}), { timeoutMs: 2000 });
    expect(first.output).toBe('');
    expect(first.error).toMatchObject({ kind: 'http', status: 500, transient: true });
    expect(first.error?.message).toMatch(/HTTP 500.*db down/);
    const second = await target.run(request({}), { timeoutMs: 2000 });
    expect(second.error).toBeUndefined();
    expect(second.output).toBe('recovered');
  });

  it('maps 429 to a transient rate_limit with the Retry-After delay', async () => {
    const { url } = await serve((_req, _body, res) =>
      json(res, 429, { error: 'slow down' }, { 'retry-after': '3' }),
    );
    target = await createHttpTarget({ kind: 'http', url }, ctx());
    const trace = await target.run(request({}), { timeoutMs: 2000 });
    expect(trace.error).toMatchObject({
      kind: 'rate_limit',
      status: 429,
      transient: true,
      retry_after_ms: 3000,
    });
    expect(trace.error?.message).toMatch(/retry after 3000 ms/);
  });

  it('maps other 4xx to a non-transient http error', async () => {
    const { url } = await serve((_req, _body, res) => json(res, 422, { detail: 'bad case' }));
    target = await createHttpTarget({ kind: 'http', url }, ctx());
    const trace = await target.run(request({}), { timeoutMs: 2000 });
    expect(trace.error).toMatchObject({ kind: 'http', status: 422, transient: false });
    expect(trace.error?.message).toMatch(/bad case/);
  });

  it('reports a non-JSON or invalid 2xx body as invalid_output, a reported error as target', async () => {
    const answers = [
      '<html>oops</html>',
      JSON.stringify({ output: 1 }),
      JSON.stringify({ error: 'llm down' }),
    ];
    const { url } = await serve((_req, _body, res) => json(res, 200, answers.shift()!));
    target = await createHttpTarget({ kind: 'http', url }, ctx());
    const html = await target.run(request({}), { timeoutMs: 2000 });
    expect(html.error).toMatchObject({ kind: 'invalid_output' });
    expect(html.error?.message).toMatch(/not JSON: <html>oops/);
    const wrong = await target.run(request({}), { timeoutMs: 2000 });
    expect(wrong.error?.message).toMatch(/invalid trace: output: expected string/);
    const reported = await target.run(request({}), { timeoutMs: 2000 });
    expect(reported.error).toEqual({ kind: 'target', message: 'llm down' });
  });

  it('returns a transient connection error when nothing listens', async () => {
    const port = await freePort();
    target = await createHttpTarget({ kind: 'http', url: `http://127.0.0.1:${port}/eval` }, ctx());
    const trace = await target.run(request({}), { timeoutMs: 2000 });
    expect(trace.error).toMatchObject({ kind: 'connection', transient: true });
    expect(trace.error?.message).toMatch(/ECONNREFUSED/);
  });

  it('times out a slow server, and cancels on abort', async () => {
    const { url } = await serve((_req, _body, res) => {
      setTimeout(() => json(res, 200, { output: 'late' }), 1000);
    });
    target = await createHttpTarget({ kind: 'http', url }, ctx());
    const slow = await target.run(request({}), { timeoutMs: 150 });
    expect(slow.error).toMatchObject({ kind: 'timeout', message: 'no answer within 150 ms' });
    expect(slow.latency_ms).toBeGreaterThanOrEqual(140);
    expect(slow.latency_ms).toBeLessThan(900);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const cancelled = await target.run(request({}), { timeoutMs: 5000, signal: controller.signal });
    expect(cancelled.error?.kind).toBe('cancelled');
  });

  it('fails creation for an invalid url', async () => {
    await expect(createHttpTarget({ kind: 'http', url: 'not a url' }, ctx())).rejects.toThrow(
      /invalid url/,
    );
  });

  describe('start and ready', () => {
    it('starts the server, waits for ready, serves cases and stops it on close', async () => {
      const port = await freePort();
      const pidFile = join(tempDir(), 'pid');
      const logs: string[] = [];
      const t = await createTarget(
        {
          kind: 'http',
          url: `http://127.0.0.1:${port}/eval`,
          start: node('server.mjs'),
          ready: `http://127.0.0.1:${port}/health`,
          env: { PORT: String(port), PID_FILE: pidFile, READY_AFTER_MS: '200' },
        },
        ctx({ log: (l) => logs.push(l) }),
      );
      target = t;
      // Ready: the very first case succeeds.
      const trace = await t.run(request({ text: 'up' }), { timeoutMs: 2000 });
      expect(trace.output).toBe('echo:up');
      const pid = Number(readFileSync(pidFile, 'utf8'));
      expect(trace.metadata?.pid).toBe(pid);
      expect(logs[0]).toMatch(/starting the target server/);
      await t.close();
      expect(await waitGone([pid])).toEqual([]);
      const after = await t.run(request({}), { timeoutMs: 500 });
      expect(after.error?.kind).toBe('cancelled');
      await t.close(); // safe twice
    });

    it('says so when the started server died during the run', async () => {
      const port = await freePort();
      const pidFile = join(tempDir(), 'pid');
      target = await createHttpTarget(
        {
          kind: 'http',
          url: `http://127.0.0.1:${port}/eval`,
          start: node('server.mjs'),
          ready: `http://127.0.0.1:${port}/health`,
          env: { PORT: String(port), PID_FILE: pidFile },
        },
        ctx(),
      );
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
      await new Promise((r) => setTimeout(r, 200));
      const trace = await target.run(request({}), { timeoutMs: 1000 });
      expect(trace.error).toMatchObject({ kind: 'connection', transient: true });
      expect(trace.error?.message).toMatch(/the started server exited/);
    });

    it('without ready, waits until the url answers at all', async () => {
      const port = await freePort();
      const t = await createHttpTarget(
        {
          kind: 'http',
          url: `http://127.0.0.1:${port}/eval`,
          start: node('server.mjs'),
          env: { PORT: String(port) },
        },
        ctx(),
        { killGraceMs: 500 },
      );
      target = t;
      expect((await t.run(request({ text: 'a' }), { timeoutMs: 2000 })).output).toBe('echo:a');
    });

    it('fails creation and stops the server when ready never comes', async () => {
      const port = await freePort();
      const pidFile = join(tempDir(), 'pid');
      const started = performance.now();
      await expect(
        createHttpTarget(
          {
            kind: 'http',
            url: `http://127.0.0.1:${port}/eval`,
            start: node('server.mjs'),
            ready: `http://127.0.0.1:${port}/health`,
            ready_timeout_ms: 600,
            env: { PORT: String(port), PID_FILE: pidFile, NEVER_READY: '1' },
          },
          ctx(),
          { killGraceMs: 300 },
        ),
      ).rejects.toThrow(/not ready after 600 ms \(last: HTTP 503\).*listening on/);
      expect(performance.now() - started).toBeLessThan(3000);
      const pid = await until(() => {
        try {
          return Number(readFileSync(pidFile, 'utf8'));
        } catch {
          return undefined;
        }
      });
      expect(await waitGone([pid])).toEqual([]);
    });

    it('fails creation with the stderr tail when the server exits before ready', async () => {
      const port = await freePort();
      const started = performance.now();
      await expect(
        createHttpTarget(
          {
            kind: 'http',
            url: `http://127.0.0.1:${port}/eval`,
            start: `"${process.execPath}" -e "console.error('EADDRINUSE: port taken'); process.exit(1)"`,
            ready: `http://127.0.0.1:${port}/health`,
            ready_timeout_ms: 5000,
          },
          ctx(),
        ),
      ).rejects.toThrow(/exited before it was ready \(exit code 1\): EADDRINUSE: port taken/);
      expect(performance.now() - started).toBeLessThan(2000);
    });

    it('waits for an external server with ready and no start', async () => {
      const { url } = await serve((req, _body, res) => json(res, 200, { output: 'ext' }));
      target = await createHttpTarget(
        { kind: 'http', url, ready: `${url}/health`, ready_timeout_ms: 1000 },
        ctx(),
      );
      expect((await target.run(request({}), { timeoutMs: 1000 })).output).toBe('ext');
    });
  });
});

describe('http target {port}', () => {
  it('gives each started server its own free port, so base and head can run side by side', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'server.mjs'),
      `import { createServer } from 'node:http';
createServer((req, res) => { let b = ''; req.on('data', (d) => (b += d)); req.on('end', () => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ output: 'port ' + process.env.PORT })); }); }).listen(Number(process.env.PORT), '127.0.0.1');`,
    );
    const config = {
      kind: 'http' as const,
      url: 'http://127.0.0.1:{port}/eval',
      start: 'node server.mjs',
      ready_timeout_ms: 10_000,
    };
    const [a, b] = await Promise.all([
      createTarget(config, { rootDir: dir, concurrency: 1 }),
      createTarget(config, { rootDir: dir, concurrency: 1 }),
    ]);
    try {
      const req = { id: 'x', input: {}, context: {}, tags: [], trial: 0 };
      const [ta, tb] = await Promise.all([
        a.run(req, { timeoutMs: 5000 }),
        b.run(req, { timeoutMs: 5000 }),
      ]);
      expect(ta.error).toBeFalsy();
      expect(tb.error).toBeFalsy();
      expect(ta.output).toMatch(/^port \d+$/);
      expect(tb.output).toMatch(/^port \d+$/);
      expect(ta.output).not.toBe(tb.output);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
