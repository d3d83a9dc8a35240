/**
 * The http target: POSTs each case as JSON to `url`; the response body is the trace.
 *
 * Optionally starts the server itself (`start`, a shell command, in its own process group) and
 * waits for it: GET `ready` until it answers 2xx (or, without `ready`, until `url` answers at
 * all). Status codes map to error kinds the runner can act on: 429 and 5xx and refused
 * connections are transient (retried), other 4xx are not.
 */
import type { ChildProcess } from 'node:child_process';
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { CaseRequest, HttpTargetConfig, Trace, TraceError } from '../types.ts';
import type { RunOptions, Target, TargetContext } from './target.ts';
import {
  describeError,
  elapsedMs,
  errorTrace,
  oneLine,
  snippet,
  TailBuffer,
  timerMs,
} from './common.ts';
import {
  endStdin,
  exitDescription,
  killGroup,
  spawnShell,
  targetCwd,
  targetEnv,
} from './process.ts';
import { normalizeTrace } from './trace.ts';

export interface HttpTargetOptions {
  /** Between two polls of the ready URL. Default 100 ms. */
  pollIntervalMs?: number;
  /** Between SIGTERM and SIGKILL when stopping the started server. Default 3000 ms. */
  killGraceMs?: number;
}

const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** Network failures worth retrying: the server is (re)starting or dropped the connection. */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * The Retry-After header in ms: delta-seconds or an HTTP date. Undefined when absent or
 * unreadable. `now` is a parameter so the date form is testable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The error code of a failed fetch: undici hides it in `cause` (sometimes an AggregateError). */
interface PostResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

class RequestTimeout extends Error {
  readonly code = 'EVALGATE_TIMEOUT';
}

/**
 * One POST over a keep-alive agent. node:http rather than fetch: per request, fetch (undici)
 * costs about three times the CPU, and `AbortSignal.timeout` keeps every request's signal and
 * timer alive until the timeout would have fired, which at thousands of cases is hundreds of MB.
 * Here the timer is cleared as soon as the answer is in.
 */
function postJson(
  url: URL,
  agent: HttpAgent,
  headers: Record<string, string>,
  payload: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(payload) },
    });
    let settled = false;
    const finish = (err: Error | undefined, result?: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(result!);
    };
    const timer = setTimeout(() => {
      req.destroy(new RequestTimeout(`no answer within ${timeoutMs} ms`));
    }, timerMs(timeoutMs));
    const onAbort = () => req.destroy(new Error('cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => finish(err));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err) => finish(err));
      res.on('end', () =>
        finish(undefined, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.end(payload);
  });
}

function networkCode(err: unknown): string | undefined {
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (cur as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length) cur = errors[0];
    else cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function networkMessage(err: unknown): string {
  const cause = (err as { cause?: unknown })?.cause;
  return cause ? describeError(cause) : describeError(err);
}

/** What the server process printed, for a message about why it is not there. */
function serverOutput(stderr: TailBuffer, stdout: TailBuffer): string {
  const text = stderr.text().trim() || stdout.text().trim();
  return text ? text.slice(-800) : '(no output)';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `{port}` in `url`, `ready` or `start` becomes a free port, also given to the server as PORT.
 * A PR run starts the system twice (base tree and head tree) at the same time: with a fixed
 * port the second server could not bind.
 */
export async function withPort(config: HttpTargetConfig): Promise<HttpTargetConfig> {
  const uses = [config.url, config.ready, config.start].some((s) => s?.includes('{port}'));
  if (!uses) return config;
  const port = String(await freePort());
  const fill = (s: string | undefined) => s?.replaceAll('{port}', port);
  return {
    ...config,
    url: fill(config.url)!,
    ready: fill(config.ready),
    start: fill(config.start),
    env: { ...config.env, PORT: port },
  };
}

export async function createHttpTarget(
  givenConfig: HttpTargetConfig,
  ctx: TargetContext,
  options: HttpTargetOptions = {},
): Promise<Target> {
  const config = await withPort(givenConfig);
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw new Error(`http target: invalid url: ${config.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`http target: url must be http or https: ${config.url}`);
  }
  const parsedUrl = url;
  // One connection per request in flight, reused across cases (no TCP/TLS handshake per case).
  const agentOptions = { keepAlive: true, maxSockets: Math.max(1, ctx.concurrency) };
  const agent =
    url.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const pollMs = options.pollIntervalMs ?? 100;
  const killGraceMs = options.killGraceMs ?? 3000;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...config.headers,
  };
  const log = ctx.log ?? (() => {});

  let server: ChildProcess | undefined;
  let serverExit: string | undefined;
  const serverStderr = new TailBuffer(4096);
  const serverStdout = new TailBuffer(4096);
  let closed = false;
  let closePromise: Promise<void> | undefined;

  async function stopServer(): Promise<void> {
    if (!server) return;
    endStdin(server);
    // Also when the shell already exited: the server it started may still run in its group.
    await killGroup(server, killGraceMs);
  }

  if (config.start) {
    const cwd = targetCwd(config, ctx);
    log(`starting the target server: ${config.start}`);
    try {
      server = spawnShell(config.start, cwd, targetEnv(config, ctx));
    } catch (err) {
      throw new Error(`http target: could not start ${config.start}: ${describeError(err)}`, {
        cause: err,
      });
    }
    // Both pipes must be read, or a chatty server blocks once the pipe buffer is full.
    server.stdout!.on('data', (c: Buffer) => serverStdout.push(c));
    server.stderr!.on('data', (c: Buffer) => serverStderr.push(c));
    server.stdin!.on('error', () => {});
    server.on('error', (err) => {
      serverExit ??= `could not start: ${err.message}`;
    });
    server.on('exit', (code, signal) => {
      serverExit = exitDescription(code, signal);
      if (!closed) log(`the target server exited (${serverExit})`);
    });
  }

  // Wait for the server before the first case, so the first cases do not fail as "refused".
  const readyUrl = config.ready ?? (config.start ? config.url : undefined);
  if (readyUrl) {
    try {
      await waitReady(readyUrl, config.ready !== undefined);
    } catch (err) {
      closed = true;
      await stopServer();
      throw err;
    }
  }

  async function waitReady(target: string, need2xx: boolean): Promise<void> {
    const timeoutMs = config.ready_timeout_ms ?? DEFAULT_READY_TIMEOUT_MS;
    const deadline = performance.now() + timeoutMs;
    let last = 'no answer yet';
    for (;;) {
      if (serverExit !== undefined) {
        throw new Error(
          `http target: the server (${config.start}) exited before it was ready ` +
            `(${serverExit ?? 'exited'}): ${oneLine(serverOutput(serverStderr, serverStdout))}`,
        );
      }
      const remaining = deadline - performance.now();
      if (remaining <= 0) break;
      try {
        const res = await fetch(target, {
          signal: AbortSignal.timeout(timerMs(Math.min(2000, remaining))),
        });
        await res.body?.cancel();
        if (!need2xx || res.ok) return;
        last = `HTTP ${res.status}`;
      } catch (err) {
        // A poll cut short by the deadline says less than the answer before it ("HTTP 503").
        const cutShort = (err as { name?: unknown })?.name === 'TimeoutError';
        if (!cutShort || last === 'no answer yet') last = networkMessage(err);
      }
      await sleep(Math.min(pollMs, Math.max(0, deadline - performance.now())));
    }
    const output = server
      ? `; server output: ${oneLine(serverOutput(serverStderr, serverStdout))}`
      : '';
    throw new Error(
      `http target: ${target} was not ready after ${timeoutMs} ms (last: ${last})${output}`,
    );
  }

  async function run(request: CaseRequest, runOptions: RunOptions): Promise<Trace> {
    const start = performance.now();
    if (runOptions.signal?.aborted) return errorTrace('cancelled', 'the run was cancelled', 0);
    if (closed) return errorTrace('cancelled', 'the target is closed', 0);
    try {
      const res = await postJson(
        parsedUrl,
        agent,
        headers,
        JSON.stringify(request),
        runOptions.timeoutMs,
        runOptions.signal,
      );
      const body = res.body;
      const latency = elapsedMs(start);
      if (res.status < 200 || res.status > 299) {
        const retryAfter = res.headers['retry-after'];
        return statusTrace(
          res.status,
          typeof retryAfter === 'string' ? retryAfter : null,
          body,
          latency,
        );
      }
      let raw: unknown;
      try {
        raw = JSON.parse(body);
      } catch {
        return errorTrace('invalid_output', `response is not JSON: ${snippet(body)}`, latency);
      }
      const normalized = normalizeTrace(raw);
      if ('error' in normalized) {
        return errorTrace('invalid_output', `invalid trace: ${normalized.error}`, latency);
      }
      normalized.trace.latency_ms ??= latency;
      return normalized.trace;
    } catch (err) {
      const latency = elapsedMs(start);
      if (runOptions.signal?.aborted)
        return errorTrace('cancelled', 'the run was cancelled', latency);
      if (err instanceof RequestTimeout) {
        return errorTrace('timeout', `no answer within ${runOptions.timeoutMs} ms`, latency);
      }
      const code = networkCode(err);
      let message = `${config.url}: ${networkMessage(err)}`;
      if (serverExit !== undefined) {
        message += ` (the started server exited: ${serverExit}: ${serverOutput(serverStderr, serverStdout)})`;
      }
      return errorTrace('connection', message, latency, {
        transient: code !== undefined && TRANSIENT_CODES.has(code),
      });
    }
  }

  return {
    run,
    close() {
      closePromise ??= (async () => {
        closed = true;
        agent.destroy();
        await stopServer();
      })();
      return closePromise;
    },
  };
}

function statusTrace(
  status: number,
  retryAfter: string | null,
  body: string,
  latency: number,
): Trace {
  const extra: Omit<TraceError, 'kind' | 'message'> = { status };
  const wait = retryAfterMs(retryAfter);
  if (wait !== undefined) extra.retry_after_ms = wait;
  const waitText = wait !== undefined ? ` (retry after ${wait} ms)` : '';
  if (status === 429) {
    return errorTrace('rate_limit', `HTTP 429${waitText}: ${snippet(body)}`, latency, {
      ...extra,
      transient: true,
    });
  }
  return errorTrace('http', `HTTP ${status}${waitText}: ${snippet(body)}`, latency, {
    ...extra,
    transient: status >= 500,
  });
}
