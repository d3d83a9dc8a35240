/**
 * A local OpenAI-compatible server (POST /v1/chat/completions, GET /v1/models) whose replies come
 * from mock-brain.ts. It speaks the real wire format, so the official SDK talks to it unchanged,
 * and the demo needs no network and no key.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decide, type BrainRequest } from './mock-brain.ts';

export interface MockLLM {
  /** Base URL for the SDK, ending in /v1. */
  url: string;
  close(): Promise<void>;
}

export interface MockOptions {
  /** Don't keep the process alive for the server's sake (for in-process use by a library). */
  unref?: boolean;
  /** Simulated model latency range in ms, seeded per request. Default [2, 12]. */
  latencyMs?: [number, number];
}

const MAX_BODY = 5 * 1024 * 1024;
const MODELS = ['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini'];

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function apiError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string | null = null,
): void {
  send(res, status, { error: { message, type: 'invalid_request_error', param: null, code } });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function digest(...parts: unknown[]): string {
  return createHash('sha256').update(parts.map(String).join('\u0000')).digest('hex');
}

/** Builds a chat.completion object for one request. Exported for tests of the wire shape. */
export function completionFor(
  body: BrainRequest & { model?: string },
  created: number,
): Record<string, unknown> {
  const reply = decide(body);
  const key = digest(body.seed ?? 0, JSON.stringify(body.messages));
  const toolCalls = reply.tool_calls.map((c, i) => ({
    id: `call_${digest(key, i, c.name).slice(0, 24)}`,
    type: 'function',
    function: { name: c.name, arguments: JSON.stringify(c.arguments) },
  }));
  const promptTokens = estimateTokens(
    JSON.stringify(body.messages) + JSON.stringify(body.tools ?? []),
  );
  const completionTokens = estimateTokens((reply.content ?? '') + JSON.stringify(toolCalls));
  return {
    id: `chatcmpl-${key.slice(0, 29)}`,
    object: 'chat.completion',
    created,
    model: body.model ?? 'gpt-4.1-mini',
    system_fingerprint: 'fp_mock_refund',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.content,
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: MockOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const route = url.pathname.replace(/\/+$/, '');
  if (req.method === 'GET' && route === '/v1/models') {
    send(res, 200, {
      object: 'list',
      data: MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'mock' })),
    });
    return;
  }
  if (route !== '/v1/chat/completions')
    return apiError(res, 404, `no route ${req.method} ${url.pathname}`);
  if (req.method !== 'POST') return apiError(res, 405, 'use POST');

  const raw = await readBody(req);
  if (raw === null) return apiError(res, 413, 'request body too large');
  let body: any;
  try {
    body = JSON.parse(raw);
  } catch {
    return apiError(res, 400, 'request body is not valid JSON');
  }
  if (
    !body ||
    typeof body !== 'object' ||
    !Array.isArray(body.messages) ||
    body.messages.length === 0
  ) {
    return apiError(res, 400, "'messages' must be a non-empty array", 'invalid_messages');
  }
  if (body.stream) return apiError(res, 400, 'this mock does not stream', 'stream_unsupported');

  const completion = completionFor(body, Math.floor(Date.now() / 1000));
  // A little seeded latency, so latency figures in reports are not all zero.
  const [lo, hi] = opts.latencyMs ?? [2, 12];
  const wait = lo + (parseInt(String(completion.id).slice(-6), 16) % Math.max(1, hi - lo + 1));
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  send(res, 200, completion);
}

export async function startMockLLM(opts: MockOptions = {}): Promise<MockLLM> {
  const server = createServer((req, res) => {
    handle(req, res, opts).catch((err: unknown) => {
      // A bug in the mock must look like a 500 from a provider, never crash the host process.
      if (!res.headersSent)
        apiError(res, 500, `mock error: ${(err as Error)?.message ?? String(err)}`);
      else res.destroy();
    });
  });
  if (opts.unref) server.on('connection', (socket) => socket.unref());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  if (opts.unref) server.unref();
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
