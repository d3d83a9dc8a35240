/**
 * The `openai` target: a prompt-only system. A system prompt file, an OpenAI tool-schema file and
 * fixture tool results, run as a real multi-turn tool loop through the `openai` SDK: the model is
 * called, each tool call it makes is answered from the fixtures, and so on until it answers
 * without calling a tool or `max_steps` model calls were made. A pull request that edits only the
 * prompt or the tool schemas is evaluated on base and head with no application code.
 *
 * The trace records every message (the system prompt included), every tool call with its
 * arguments and fixture result, the tokens and cost of each model call (metadata.calls) and in
 * total (usage), the retries the client made (metadata.retries) and the latency.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type OpenAI from 'openai';
import { openEndpoint, type Endpoint, ModelCallError } from '../llm/endpoint.ts';
import { addUsage, costOf, type PriceTable } from '../llm/prices.ts';
import type {
  CaseRequest,
  OpenAITargetConfig,
  ToolCall,
  Trace,
  TraceMessage,
  Usage,
} from '../types.ts';
import { inheritedEnv } from './inherited-env.ts';
import { describeError, elapsedMs, errorTrace, timerMs } from './common.ts';
import { loadFixtures, type Fixtures } from './openai-fixtures.ts';
import type { RunOptions, Target, TargetContext } from './target.ts';

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type Tool = OpenAI.Chat.Completions.ChatCompletionTool;

export const DEFAULT_KEY_ENV = 'OPENAI_API_KEY';

/** One model call, as metadata.calls records it. */
interface CallRecord {
  input_tokens: number;
  output_tokens: number;
  cost_usd?: number;
  latency_ms: number;
  retries: number;
  finish_reason?: string;
}

async function readText(rootDir: string, path: string, what: string): Promise<string> {
  const file = resolve(rootDir, path);
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`openai target: cannot read ${what} ${file}: ${describeError(err)}`, {
      cause: err,
    });
  }
}

/** The `tools` array of a tool-schema file (the array itself, or `{"tools": [...]}`). */
export function parseTools(text: string, file: string): Tool[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`openai target: ${file} is not valid JSON: ${describeError(err)}`, {
      cause: err,
    });
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && 'tools' in value)
    value = (value as { tools: unknown }).tools;
  if (!Array.isArray(value))
    throw new Error(`openai target: ${file} must hold the tools array of the Chat Completions API`);
  value.forEach((t, i) => {
    const fn = (t as { function?: { name?: unknown } })?.function;
    if ((t as { type?: unknown })?.type !== 'function' || typeof fn?.name !== 'string')
      throw new Error(
        `openai target: ${file}: tools[${i}] must be {"type": "function", "function": {"name": ...}}`,
      );
  });
  return value as Tool[];
}

/**
 * The user side of the conversation: a string is one user message; a list of messages (or
 * `{messages: [...]}`) is sent as it is; anything else is sent as JSON text.
 */
export function userMessages(input: unknown): Message[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const list = Array.isArray(input)
    ? input
    : input &&
        typeof input === 'object' &&
        Array.isArray((input as { messages?: unknown }).messages)
      ? (input as { messages: unknown[] }).messages
      : undefined;
  if (list) return list as Message[];
  return [{ role: 'user', content: JSON.stringify(input) }];
}

function parseArguments(raw: string): { args: Record<string, unknown>; error?: string } {
  try {
    const v: unknown = JSON.parse(raw || '{}');
    if (v && typeof v === 'object' && !Array.isArray(v))
      return { args: v as Record<string, unknown> };
    return { args: {}, error: 'the arguments are not a JSON object' };
  } catch {
    return { args: {}, error: 'the arguments are not valid JSON' };
  }
}

export async function createOpenAITarget(
  config: OpenAITargetConfig,
  ctx: TargetContext & { prices?: PriceTable },
): Promise<Target> {
  const system = config.system_prompt
    ? await readText(ctx.rootDir, config.system_prompt, 'the system prompt')
    : undefined;
  const tools = config.tools
    ? parseTools(await readText(ctx.rootDir, config.tools, 'the tool schemas'), config.tools)
    : undefined;
  const fixtures: Fixtures | undefined = config.fixtures
    ? await loadFixtures(config.fixtures, ctx.rootDir)
    : undefined;
  const toolNames = new Set(tools?.map((t) => (t as { function: { name: string } }).function.name));
  const env = { ...inheritedEnv(), ...config.env, ...ctx.env };
  const keyEnv = config.api_key_env ?? DEFAULT_KEY_ENV;
  let endpoint: Endpoint | undefined;
  let closed = false;

  function endpointFor(timeoutMs: number): Endpoint {
    endpoint ??= openEndpoint({
      who: 'openai target',
      baseURL: config.base_url,
      apiKey: env[keyEnv],
      apiKeyEnv: keyEnv,
      keyRequired: config.api_key_env !== undefined,
      headers: config.headers,
      azure: config.azure && {
        deployment: config.azure.deployment,
        apiVersion: config.azure.api_version,
      },
      timeoutMs: config.request_timeout_ms ?? timeoutMs,
      maxRetries: config.max_retries ?? 2,
      maxConcurrency: config.max_concurrency,
    });
    return endpoint;
  }

  async function run(request: CaseRequest, options: RunOptions): Promise<Trace> {
    const start = performance.now();
    if (options.signal?.aborted || closed)
      return errorTrace('cancelled', 'the run was cancelled', 0);
    const deadline = AbortSignal.timeout(timerMs(options.timeoutMs));
    const ep = endpointFor(options.timeoutMs);
    const messages: Message[] = [
      ...(system !== undefined ? [{ role: 'system' as const, content: system }] : []),
      ...userMessages(request.input),
    ];
    const toolCalls: ToolCall[] = [];
    const calls: CallRecord[] = [];
    const usage: Usage = { input_tokens: 0, output_tokens: 0 };
    let priced = true;
    let retries = 0;
    let output = '';
    let finished = false;
    let servedModel: string | undefined;

    const trace = (extra: Partial<Trace> = {}): Trace => {
      const u: Usage = { ...usage };
      if (priced && calls.length) u.cost_usd = usage.cost_usd ?? 0;
      else delete u.cost_usd;
      return {
        output,
        messages: messages as TraceMessage[],
        tool_calls: toolCalls,
        usage: u,
        latency_ms: elapsedMs(start),
        metadata: {
          model: config.model,
          ...(servedModel && servedModel !== config.model ? { served_model: servedModel } : {}),
          steps: calls.length,
          retries,
          calls,
          ...(finished ? {} : { max_steps_reached: true }),
        },
        ...extra,
      };
    };

    for (let step = 0; step < config.max_steps; step++) {
      const callStart = performance.now();
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        const r = await ep.call(
          (client, { signal }) =>
            client.chat.completions.create(
              {
                model: config.model,
                messages,
                ...(tools?.length ? { tools } : {}),
                ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
                ...(config.max_tokens !== undefined
                  ? { max_completion_tokens: config.max_tokens }
                  : {}),
              },
              { signal },
            ),
          { signal: options.signal, deadline },
        );
        completion = r.value;
        retries += r.retries;
        calls.push({ input_tokens: 0, output_tokens: 0, latency_ms: 0, retries: r.retries });
      } catch (err) {
        const e = err instanceof ModelCallError ? err : new ModelCallError('crash', String(err));
        retries += e.retries;
        const t = trace();
        return {
          ...t,
          output: '',
          error: {
            kind: e.kind,
            message: e.message,
            ...(e.status !== undefined ? { status: e.status } : {}),
            ...(e.fatal ? { fatal: true } : {}),
          },
          metadata: { ...t.metadata, retries },
        };
      }
      const record = calls[calls.length - 1];
      record.latency_ms = elapsedMs(callStart);
      servedModel ??= completion.model;
      const u = completion.usage;
      record.input_tokens = u?.prompt_tokens ?? 0;
      record.output_tokens = u?.completion_tokens ?? 0;
      const cost = costOf(config.model, record.input_tokens, record.output_tokens, ctx.prices);
      if (cost === undefined) priced = false;
      else record.cost_usd = cost;
      addUsage(usage, {
        input_tokens: record.input_tokens,
        output_tokens: record.output_tokens,
        cost_usd: cost,
      });

      const choice = completion.choices?.[0];
      const message = choice?.message;
      record.finish_reason = choice?.finish_reason ?? undefined;
      if (!message) {
        return trace({
          error: { kind: 'invalid_output', message: 'the model answered without a message' },
        });
      }
      const fnCalls = (message.tool_calls ?? []).filter(
        (c): c is OpenAI.Chat.Completions.ChatCompletionMessageFunctionToolCall =>
          c.type === 'function',
      );
      messages.push({
        role: 'assistant',
        content: message.content ?? null,
        ...(fnCalls.length ? { tool_calls: fnCalls } : {}),
        ...(message.refusal ? { refusal: message.refusal } : {}),
      });
      output = message.content ?? message.refusal ?? '';
      if (!fnCalls.length) {
        finished = true;
        return trace();
      }
      for (const c of fnCalls) {
        const { args, error } = parseArguments(c.function.arguments);
        let result: unknown;
        if (error) result = { error };
        else if (!toolNames.has(c.function.name))
          result = { error: `unknown tool ${c.function.name}` };
        else if (!fixtures) {
          return trace({
            error: {
              kind: 'target',
              message: `the model called ${c.function.name}, and the target has no fixtures`,
            },
          });
        } else {
          const answer = await fixtures.answer({
            name: c.function.name,
            arguments: args,
            case: request,
          });
          if ('missing' in answer)
            return trace({ error: { kind: 'target', message: answer.missing } });
          if ('failed' in answer)
            return trace({ error: { kind: 'crash', message: answer.failed } });
          result = answer.result;
        }
        toolCalls.push({ id: c.id, name: c.function.name, arguments: args, result });
        messages.push({
          role: 'tool',
          tool_call_id: c.id,
          content: typeof result === 'string' ? result : JSON.stringify(result),
        });
      }
    }
    // Out of steps while still calling tools: the system's failure (a loop), not ours; checks
    // see no answer.
    output = '';
    return trace();
  }

  return {
    run,
    async close() {
      closed = true;
    },
  };
}
