/**
 * The refund assistant: retrieval over the knowledge base, then a chat.completions tool loop
 * against any OpenAI-compatible endpoint. Its behaviour comes from files in the app folder
 * (prompt/system.md, config.json, kb/, data/), so a pull request that edits the prompt changes
 * what the agent does, and evalgate can measure it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APIConnectionError, APIError, APIUserAbortError, type OpenAI } from 'openai';
import type {
  CaseRequest,
  RetrievedDoc,
  ToolCall,
  Trace,
  TraceError,
  TraceMessage,
} from '../../src/types.ts';
import { Retriever } from './retriever.ts';
import { defaultClient } from './runtime.ts';
import { OrderStore, TOOL_DEFINITIONS, type OrderData } from './store.ts';

export interface AppConfig {
  model: string;
  temperature: number;
  max_rounds: number;
  tools: string[];
  retrieval: { top_k: number };
  system_prompt: string;
}

interface App {
  dir: string;
  config: AppConfig;
  systemPrompt: string;
  retriever: Retriever;
  orders: OrderData;
}

export interface AgentOptions {
  /** The app folder to read prompt, config, kb and data from. Default: $REFUND_APP_DIR, else this file's folder. */
  appDir?: string;
  /** The model client. Default: the process-wide one from runtime.ts (real API if OPENAI_API_KEY is set, else the built-in mock). */
  client?: OpenAI;
  signal?: AbortSignal;
}

/** USD per million tokens, [input, output]. Unknown models cost 0 (reported, not guessed). */
const PRICES: Record<string, [number, number]> = {
  'gpt-4.1': [2.0, 8.0],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1-nano': [0.1, 0.4],
  'gpt-4o': [2.5, 10.0],
  'gpt-4o-mini': [0.15, 0.6],
};

export function costUsd(model: string, input: number, output: number): number {
  // Dated snapshots (gpt-4.1-mini-2025-04-14) cost what their family costs.
  const key = Object.keys(PRICES)
    .filter((m) => model === m || model.startsWith(`${m}-`))
    .sort((a, b) => b.length - a.length)[0];
  if (!key) return 0;
  const [pin, pout] = PRICES[key];
  return Math.round(((input * pin + output * pout) / 1e6) * 1e8) / 1e8;
}

export const DEFAULT_APP_DIR = path.dirname(fileURLToPath(import.meta.url));

const apps = new Map<string, App>();

/** Reads an app folder once per process: a worker serves many cases from the same files. */
export function loadApp(dir: string): App {
  const abs = path.resolve(dir);
  const cached = apps.get(abs);
  if (cached) return cached;
  const config = JSON.parse(readFileSync(path.join(abs, 'config.json'), 'utf8')) as AppConfig;
  const systemPrompt = readFileSync(
    path.join(abs, config.system_prompt ?? 'prompt/system.md'),
    'utf8',
  );
  const kbDir = path.join(abs, 'kb');
  const docs = readdirSync(kbDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ id: `kb/${f}`, text: readFileSync(path.join(kbDir, f), 'utf8').trim() }));
  const orders = JSON.parse(readFileSync(path.join(abs, 'data/orders.json'), 'utf8')) as OrderData;
  const app: App = { dir: abs, config, systemPrompt, retriever: new Retriever(docs), orders };
  apps.set(abs, app);
  return app;
}

/** Stable 31-bit seed from the case id and trial: same case + trial, same sampling. */
export function seedFor(id: string, trial: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${id}#${trial}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) =>
        p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '',
      )
      .join('');
  }
  return '';
}

/** The user turns of a case input: `{messages: [...]}`, or a bare string as one user message. */
function inputMessages(input: unknown): { role: 'user' | 'assistant'; content: string }[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const raw = (input as { messages?: unknown })?.messages;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (m) =>
        m &&
        typeof m === 'object' &&
        ((m as any).role === 'user' || (m as any).role === 'assistant'),
    )
    .map((m) => ({ role: (m as any).role, content: textOf((m as any).content) }));
}

function systemMessage(app: App, docs: RetrievedDoc[], context: Record<string, unknown>): string {
  const parts = [app.systemPrompt.trim(), '', '## Policy documents', ''];
  if (docs.length === 0) parts.push('(no document matched the question)', '');
  for (const d of docs) parts.push(`### ${d.id}`, d.text, '');
  parts.push('## Session', '');
  if (typeof context.customer_id === 'string')
    parts.push(`Signed-in customer: ${context.customer_id}`);
  if (typeof context.order_id === 'string')
    parts.push(`Order the customer opened the chat from: ${context.order_id}`);
  parts.push(`Today: ${app.orders.today}`);
  return parts.join('\n');
}

function toTraceError(err: unknown): TraceError {
  if (err instanceof APIUserAbortError) return { kind: 'cancelled', message: 'request aborted' };
  if (err instanceof APIConnectionError) {
    return { kind: 'connection', message: err.message, transient: true };
  }
  if (err instanceof APIError) {
    const status = err.status;
    if (status === 429)
      return { kind: 'rate_limit', message: err.message, status, transient: true };
    return {
      kind: 'http',
      message: err.message,
      status,
      transient: status === undefined || status >= 500,
    };
  }
  return { kind: 'crash', message: err instanceof Error ? err.message : String(err) };
}

function parseArgs(raw: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Runs one case end to end. Never throws: failures come back as a trace with `error`. */
export async function runCase(request: CaseRequest, options: AgentOptions = {}): Promise<Trace> {
  const started = performance.now();
  const traceId = randomUUID();
  const messages: TraceMessage[] = [];
  const toolCalls: ToolCall[] = [];
  let retrieved: RetrievedDoc[] = [];
  let inputTokens = 0;
  let outputTokens = 0;
  let model = '';
  const finish = (
    output: string,
    error: TraceError | null,
    extra: Record<string, unknown> = {},
  ): Trace => ({
    output,
    messages,
    tool_calls: toolCalls,
    retrieved,
    usage: {
      input_tokens: inputTokens,
      output_tokens: outputTokens,
      cost_usd: costUsd(model, inputTokens, outputTokens),
    },
    latency_ms: Math.round(performance.now() - started),
    trace_id: traceId,
    error,
    metadata: { model, ...extra },
  });

  try {
    const app = loadApp(options.appDir ?? process.env.REFUND_APP_DIR ?? DEFAULT_APP_DIR);
    const { config } = app;
    model = config.model;
    const context = request.context ?? {};
    const turns = inputMessages(request.input);
    const lastUser = [...turns].reverse().find((m) => m.role === 'user');
    if (!lastUser)
      return finish('', { kind: 'target', message: 'the case input has no user message' });

    retrieved = app.retriever
      .search(lastUser.content, config.retrieval?.top_k ?? 3)
      .map((h) => ({ id: h.id, text: h.text, score: h.score }));
    messages.push({ role: 'system', content: systemMessage(app, retrieved, context) }, ...turns);

    const customerId = typeof context.customer_id === 'string' ? context.customer_id : undefined;
    const store = new OrderStore(app.orders, customerId);
    const tools = TOOL_DEFINITIONS.filter((t) => config.tools.includes(t.function.name));
    const seed = seedFor(request.id, request.trial ?? 0);
    const maxRounds = Math.max(1, config.max_rounds ?? 5);
    const client = options.client ?? (await defaultClient());

    for (let round = 1; round <= maxRounds; round++) {
      const completion = await client.chat.completions.create(
        {
          model: config.model,
          temperature: config.temperature,
          seed,
          messages: messages as any,
          ...(tools.length ? { tools } : {}),
        },
        { signal: options.signal },
      );
      model = completion.model || model;
      inputTokens += completion.usage?.prompt_tokens ?? 0;
      outputTokens += completion.usage?.completion_tokens ?? 0;
      const msg = completion.choices[0]?.message;
      if (!msg)
        return finish('', { kind: 'invalid_output', message: 'the model returned no choices' });
      const calls = (msg.tool_calls ?? []).filter((c) => c.type === 'function');
      messages.push({
        role: 'assistant',
        content: msg.content ?? null,
        ...(calls.length ? { tool_calls: calls } : {}),
      });
      if (calls.length === 0) return finish(msg.content ?? '', null, { rounds: round, seed });

      for (const call of calls) {
        const args = parseArgs(call.function.arguments);
        const enabled = tools.some((t) => t.function.name === call.function.name);
        const result = !args
          ? { ok: false, error: 'arguments are not a JSON object' }
          : !enabled
            ? { ok: false, error: `tool ${call.function.name} is not available` }
            : store.call(call.function.name, args);
        toolCalls.push({ id: call.id, name: call.function.name, arguments: args ?? {}, result });
        messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) });
      }
    }
    // The model kept calling tools: the last text it wrote (if any) is all the customer saw.
    const lastText = [...messages]
      .reverse()
      .find((m) => m.role === 'assistant' && typeof m.content === 'string');
    return finish(typeof lastText?.content === 'string' ? lastText.content : '', null, {
      rounds: maxRounds,
      seed,
      stopped: 'max_rounds',
    });
  } catch (err) {
    return finish('', toTraceError(err));
  }
}
