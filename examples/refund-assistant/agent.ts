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
  TraceTurn,
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
function inputMessages(input: unknown): Turn[] {
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

type Turn = { role: 'user' | 'assistant'; content: string };

/**
 * What the agent hands evalgate between the turns of a conversation (`state`): its own
 * transcript without the system message, tool calls and results included, so the next turn,
 * possibly on another worker, continues where this one stopped.
 */
interface ConversationState {
  history: TraceMessage[];
}

/** `context.documents` (pinned by the case): the knowledge base for this case alone. */
function pinnedDocs(context: Record<string, unknown>): { id: string; text: string }[] | undefined {
  const docs = context.documents;
  if (!Array.isArray(docs)) return undefined;
  return docs
    .filter((d) => d && typeof d.id === 'string' && typeof d.text === 'string')
    .map((d) => ({ id: d.id as string, text: d.text as string }));
}

/**
 * Runs one case end to end. Never throws: failures come back as a trace with `error`.
 *
 * A single-turn case answers the last user message of `input.messages`. A conversation
 * (docs/targets.md, "Conversations") is answered turn by turn (`conversation.mode: turns`: this
 * turn's trace plus `state`) or whole (`mode: whole`: every scripted turn in `turns`).
 */
export async function runCase(request: CaseRequest, options: AgentOptions = {}): Promise<Trace> {
  const conv = request.conversation;
  if (conv?.mode === 'whole') return runWhole(request, conv.turns, options);
  if (conv?.mode === 'turns') {
    const state = conv.state as Partial<ConversationState> | undefined;
    const prior: TraceMessage[] = Array.isArray(state?.history)
      ? [...state.history, { role: 'user', content: conv.user }]
      : conv.messages;
    const { trace, history } = await runTurn(request, prior, options);
    // The history goes back to evalgate as `state` (kept in the trace's metadata).
    if (trace.error) return trace;
    const withState: Trace & { state: ConversationState } = { ...trace, state: { history } };
    return withState;
  }
  return (await runTurn(request, inputMessages(request.input), options)).trace;
}

/** `conversation: whole`: the agent plays the script itself and returns every turn. */
async function runWhole(
  request: CaseRequest,
  script: { user: string }[],
  options: AgentOptions,
): Promise<Trace> {
  const turns: TraceTurn[] = [];
  let history: TraceMessage[] = [];
  for (const { user } of script) {
    const out = await runTurn(request, [...history, { role: 'user', content: user }], options);
    if (out.trace.error) return { output: '', turns, error: out.trace.error };
    const { output, tool_calls, retrieved, usage, latency_ms, metadata } = out.trace;
    turns.push({ user, output, tool_calls, retrieved, usage, latency_ms, metadata });
    history = out.history;
  }
  return { output: turns.at(-1)?.output ?? '', turns };
}

/**
 * One answer: retrieval for the last user message, then the tool loop. `prior` is the
 * conversation so far without the system message (earlier turns' tool calls included), ending
 * with the user message to answer; `history` comes back with this turn's messages added.
 */
async function runTurn(
  request: CaseRequest,
  prior: TraceMessage[],
  options: AgentOptions,
): Promise<{ trace: Trace; history: TraceMessage[] }> {
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
  ): { trace: Trace; history: TraceMessage[] } => ({
    trace: {
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
    },
    history: messages.slice(1),
  });

  try {
    const app = loadApp(options.appDir ?? process.env.REFUND_APP_DIR ?? DEFAULT_APP_DIR);
    const { config } = app;
    model = config.model;
    const context = request.context ?? {};
    const lastUser = [...prior].reverse().find((m) => m.role === 'user');
    if (!lastUser)
      return finish('', { kind: 'target', message: 'the case input has no user message' });

    // A case that pins its documents is answered from them alone (fresh context).
    const pinned = pinnedDocs(context);
    const retriever = pinned ? new Retriever(pinned) : app.retriever;
    retrieved = retriever
      .search(textOf(lastUser.content), config.retrieval?.top_k ?? 3)
      .map((h) => ({ id: h.id, text: h.text, score: h.score }));
    messages.push({ role: 'system', content: systemMessage(app, retrieved, context) }, ...prior);

    const customerId = typeof context.customer_id === 'string' ? context.customer_id : undefined;
    const store = new OrderStore(app.orders, customerId);
    // Earlier turns' actions (a refund issued in turn 2) still hold in this one.
    for (const m of prior) {
      for (const c of (m.tool_calls ?? []) as {
        function?: { name?: string; arguments?: string };
      }[]) {
        const args = parseArgs(c.function?.arguments ?? '');
        if (args && c.function?.name && c.function.name !== 'lookup_order')
          store.call(c.function.name, args);
      }
    }
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
