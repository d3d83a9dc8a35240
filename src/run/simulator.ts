/**
 * The simulated user: a model behind any OpenAI-compatible chat endpoint plays the user of a
 * case's `simulated_user` (persona, goal), one message per turn, until it says it is done.
 *
 * Never throws: API trouble and unusable replies come back as `{error}`, which the conversation
 * turns into an `error` trial (a simulator failure says nothing about the system under test).
 */
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  RateLimitError,
} from 'openai';
import { errorMessage } from '../checks/common.ts';
import type { SimulatedUser, SimulatorConfig } from '../types.ts';

/** What the simulated user writes when its goal is reached or the assistant cannot help. */
export const DONE_SENTINEL = '[DONE]';

/**
 * The first words of the simulator's system prompt. The demo's offline model server recognises
 * requests by it (examples/refund-assistant/mock-user.ts) and answers as the user.
 */
export const SIMULATOR_MARKER = '[evalgate simulated user]';

/** Longest user message accepted from the simulator: a runaway model is an error, not a turn. */
const MAX_MESSAGE = 8000;

export interface TranscriptEntry {
  /** `user`: the simulated user; `assistant`: the system under test. */
  role: 'user' | 'assistant';
  content: string;
}

export type SimulatorReply = { text: string } | { done: true } | { error: string };

export interface SimulatorClient {
  model: string;
  /** Added to the trial number: the seed of each conversation. */
  seedBase: number;
  /** The user's next message after `transcript` (empty: the first message). Never throws. */
  next(
    user: SimulatedUser,
    transcript: readonly TranscriptEntry[],
    seed: number,
    signal?: AbortSignal,
  ): Promise<SimulatorReply>;
}

export interface SimulatorOptions {
  /** Default: the variable named by config.api_key_env (OPENAI_API_KEY). */
  apiKey?: string;
  /** Per-request timeout. Default 60 s. */
  timeoutMs?: number;
  /** SDK retries of 429/5xx/connection errors. Default 2. */
  maxRetries?: number;
}

type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/**
 * The chat for the simulator. Roles are swapped: the simulator is the assistant of this chat,
 * writing the user's lines; the system's answers reach it as user messages.
 */
export function buildSimulatorMessages(
  user: SimulatedUser,
  transcript: readonly TranscriptEntry[],
): ChatMessage[] {
  const system = [
    `${SIMULATOR_MARKER} You play a user talking to an AI assistant, to test the assistant.`,
    `Persona: ${oneLine(user.persona)}`,
    `Goal: ${oneLine(user.goal)}`,
    "Write only the user's next message, as plain text in the first person, the way this user",
    'would write it. Give details when the assistant needs them, not all at once. When the goal',
    `is reached, or the assistant cannot help any further, reply with exactly ${DONE_SENTINEL}.`,
  ].join('\n');
  const messages: ChatMessage[] = [
    { role: 'system', content: system },
    { role: 'user', content: '(The assistant is waiting for your first message.)' },
  ];
  for (const entry of transcript) {
    messages.push({ role: entry.role === 'user' ? 'assistant' : 'user', content: entry.content });
  }
  return messages;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function apiFailure(err: unknown, model: string, timeoutMs: number): string {
  if (err instanceof APIConnectionTimeoutError) return `timed out after ${timeoutMs} ms`;
  if (err instanceof RateLimitError) return 'rate-limited (429)';
  if (err instanceof APIConnectionError) return `unreachable: ${errorMessage(err.cause ?? err)}`;
  if (err instanceof APIError) return `API error: ${errorMessage(err).slice(0, 160)}`;
  return `failed: ${errorMessage(err).slice(0, 160)} (${model})`;
}

export function createSimulator(
  config: SimulatorConfig,
  opts: SimulatorOptions = {},
): SimulatorClient {
  const model = config.model;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const keyVar = config.api_key_env ?? 'OPENAI_API_KEY';
  const apiKey = opts.apiKey ?? process.env[keyVar];
  let client: OpenAI | undefined;

  function getClient(): OpenAI | string {
    if (client) return client;
    // A local OpenAI-compatible server (base_url) usually needs no key; api.openai.com does.
    if (!apiKey && !config.base_url) return `no API key (set ${keyVar})`;
    try {
      client = new OpenAI({
        apiKey: apiKey || 'unused',
        baseURL: config.base_url,
        maxRetries: opts.maxRetries ?? 2,
        timeout: timeoutMs,
      });
      return client;
    } catch (err) {
      return `cannot create client: ${errorMessage(err)}`;
    }
  }

  return {
    model,
    seedBase: config.seed ?? 0,
    async next(user, transcript, seed, signal) {
      const fail = (why: string): SimulatorReply => ({ error: `simulator ${model}: ${why}` });
      const c = getClient();
      if (typeof c === 'string') return fail(c);
      let content: string | null | undefined;
      try {
        const completion = await c.chat.completions.create(
          {
            model,
            messages: buildSimulatorMessages(user, transcript),
            seed,
            ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
          },
          { signal },
        );
        const choice = completion.choices?.[0];
        if (choice?.message?.refusal) return fail(`refused: ${choice.message.refusal}`);
        if (choice?.finish_reason === 'length') return fail('reply was cut off (max tokens)');
        content = choice?.message?.content;
      } catch (err) {
        return fail(apiFailure(err, model, timeoutMs));
      }
      const text = typeof content === 'string' ? content.trim() : '';
      if (text.includes(DONE_SENTINEL)) return { done: true };
      if (!text) return fail('returned an empty message');
      if (text.length > MAX_MESSAGE) return fail(`returned ${text.length} characters`);
      return { text };
    },
  };
}
