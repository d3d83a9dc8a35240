/**
 * An OpenAI-compatible Chat Completions server on 127.0.0.1 for tests, spoken to by the real
 * `openai` client. Its default "model" is deterministic and depends on the system prompt:
 *
 * - a system prompt containing "ALWAYS look up the order" makes it call `lookup_order` for the
 *   first order id (A123) in the user's message, then answer from the tool result;
 * - otherwise it answers at once, without a tool ("I cannot see your order");
 * - a system prompt containing "LOOP" makes it call the tool forever.
 *
 * Tests script failures with `next` (a queue of one-off answers) or replace `model`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

/** One scripted answer: a status with a body and headers, or no answer at all. */
export type Scripted =
  { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

export interface FakeOpenAI {
  url: string;
  seen: SeenRequest[];
  /** Answers used (and removed) before the model answers. */
  next: Scripted[];
  /** Answers every request with this status, when set (e.g. 401). */
  always?: Scripted;
  /** Tokens per completion. */
  usage: { prompt_tokens: number; completion_tokens: number };
  /** Each model answer waits this long (to see concurrency). */
  delayMs: number;
  /** The most requests the server held at once. */
  maxInFlight: number;
  model: (body: any) => any;
  close(): Promise<void>;
}

export function completion(
  message: Record<string, unknown>,
  finish = 'stop',
  model = 'gpt-4.1-mini',
) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: null, refusal: null, ...message },
        finish_reason: finish,
        logprobs: null,
      },
    ],
  };
}

let callSeq = 0;

/** The default model: tool use as the system prompt says. */
export function promptDrivenModel(body: any) {
  const messages: any[] = body.messages ?? [];
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const last = messages[messages.length - 1];
  const user = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const order = /\b([A-Z]\d{3})\b/.exec(String(user))?.[1] ?? 'A000';
  const callTool = () =>
    completion(
      {
        tool_calls: [
          {
            id: `call_${++callSeq}`,
            type: 'function',
            function: { name: 'lookup_order', arguments: JSON.stringify({ order_id: order }) },
          },
        ],
      },
      'tool_calls',
    );
  if (system.includes('LOOP')) return callTool();
  if (last?.role === 'tool') {
    let status = last.content;
    try {
      status = JSON.parse(last.content).status ?? last.content;
    } catch {
      // a plain-text tool result
    }
    return completion({ content: `Order ${order} is ${status}.` });
  }
  if (system.includes('ALWAYS look up the order') && body.tools?.length) return callTool();
  return completion({ content: 'I cannot see your order, sorry.' });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const hanging: ServerResponse[] = [];
  const fake: FakeOpenAI = {
    url: '',
    seen: [],
    next: [],
    usage: { prompt_tokens: 1000, completion_tokens: 100 },
    delayMs: 0,
    maxInFlight: 0,
    model: promptDrivenModel,
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  let inFlight = 0;
  const server: Server = createServer(async (req, res) => {
    inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const text = await readBody(req);
    let body: any = {};
    try {
      body = JSON.parse(text || '{}');
    } catch {
      // recorded as {}
    }
    fake.seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const scripted = fake.next.shift() ?? fake.always;
    if (scripted === 'hang') {
      hanging.push(res);
      return;
    }
    if (scripted) {
      return send(
        scripted.status,
        scripted.body ?? { error: { message: `status ${scripted.status}`, type: 'test' } },
        scripted.headers,
      );
    }
    if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
    send(200, { ...fake.model(body), usage: { ...fake.usage, total_tokens: 0 } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

export const LOOKUP_ORDER_TOOLS = [
  {
    type: 'function',
    function: {
      name: 'lookup_order',
      description: 'Look up an order by id.',
      parameters: {
        type: 'object',
        properties: { order_id: { type: 'string' } },
        required: ['order_id'],
        additionalProperties: false,
      },
    },
  },
];
