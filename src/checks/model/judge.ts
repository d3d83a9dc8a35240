/**
 * The LLM judge: grades a trace against a rubric with any OpenAI-compatible chat endpoint, using
 * structured output ({pass, reason}) at temperature 0, and caches verdicts in memory and on disk
 * so an unchanged trace is never graded twice (base reuse, re-runs, adaptive stages).
 *
 * It also compares two answers (the pairwise check): which of A and B better meets a rubric.
 *
 * The only model I/O in src/checks/. Never throws: API trouble is an `error` outcome. The prompts
 * themselves are built in judge-prompt.ts.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openEndpoint, type Endpoint, ModelCallError } from '../../llm/endpoint.ts';
import { costOf, type PriceTable } from '../../llm/prices.ts';
import type { Case, CheckOutcome, JudgeConfig, Trace, Usage } from '../../types.ts';
import { errorMessage, safeJson } from '../common.ts';
import type { JudgeClient } from '../definition.ts';
import {
  buildJudgeMessages as buildMessages,
  buildPairMessages,
  type ChatMessage,
  type GradeOptions,
} from './judge-prompt.ts';
import { makeDir } from '../../run/evalgate-dir.ts';

export interface JudgeOptions {
  /** Default: the variable named by config.api_key_env (OPENAI_API_KEY). */
  apiKey?: string;
  /** Folder for cached verdicts (one JSON file per graded trace); none: memory only. */
  cacheDir?: string;
  /** Per-request timeout. Default 60 s. */
  timeoutMs?: number;
  /** SDK retries of 429/5xx/connection errors. Default 2. */
  maxRetries?: number;
  /** Model prices over the built-in table (the config's `prices`). */
  prices?: PriceTable;
}

/**
 * Bump when the prompt changes, so old cached verdicts are not reused for a different question.
 * 2: fields and few-shot examples, delimiters defused inside data, the pairwise prompt.
 */
const PROMPT_VERSION = 2;

const RESPONSE_FORMAT = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'grade',
    strict: true,
    schema: {
      type: 'object',
      properties: { pass: { type: 'boolean' }, reason: { type: 'string' } },
      required: ['pass', 'reason'],
      additionalProperties: false,
    },
  },
};

const PAIR_FORMAT = {
  type: 'json_schema' as const,
  json_schema: {
    name: 'preference',
    strict: true,
    schema: {
      type: 'object',
      properties: {
        better: { type: 'string', enum: ['A', 'B', 'same'] },
        reason: { type: 'string' },
      },
      required: ['better', 'reason'],
      additionalProperties: false,
    },
  },
};

function clip(text: string, max: number): string {
  return text.length > max
    ? text.slice(0, max) + ` … [${text.length - max} more characters]`
    : text;
}

/** The chat messages for one grading of a case's trace: bounded in size whatever it holds. */
export function buildJudgeMessages(
  rubric: string,
  trace: Trace,
  c: Case | undefined,
  opts: GradeOptions = {},
): ChatMessage[] {
  return buildMessages(rubric, trace, c?.input ?? null, opts);
}

/** The model's JSON, unwrapped from a code fence some OpenAI-compatible servers add. */
function parseObject(content: string): Record<string, unknown> | undefined {
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  let v: unknown;
  try {
    v = JSON.parse(unfenced);
  } catch {
    return undefined;
  }
  return v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

/** Parses the model's answer; undefined when it is not {pass: boolean, reason: string}. */
function parseVerdict(content: string): { pass: boolean; reason: string } | undefined {
  const o = parseObject(content);
  if (!o || typeof o.pass !== 'boolean') return undefined;
  return { pass: o.pass, reason: typeof o.reason === 'string' ? o.reason : '' };
}

function toOutcome(v: { pass: boolean; reason: string }): CheckOutcome {
  const reason = v.reason.replace(/\s+/g, ' ').trim() || (v.pass ? 'judge: pass' : 'judge: fail');
  return { status: v.pass ? 'pass' : 'fail', reason: clip(reason, 300) };
}

function apiFailure(err: unknown, model: string): CheckOutcome {
  if (!(err instanceof ModelCallError))
    return { status: 'error', reason: `judge ${model} failed: ${clip(errorMessage(err), 160)}` };
  return {
    status: 'error',
    // The endpoint's message names the judge, the host and what went wrong.
    reason: err.message.replace(/^judge: /, `judge ${model}: `),
    ...(err.retries ? { retries: err.retries } : {}),
    ...(err.fatal ? { fatal: true } : {}),
  };
}

/** A model answer, parsed; or the error outcome that stands for it. */
type Asked<T> =
  { ok: true; value: T; usage?: Usage; retries?: number } | { ok: false; outcome: CheckOutcome };

type Format = typeof RESPONSE_FORMAT | typeof PAIR_FORMAT;

function parsePreference(
  content: string,
): { better: 'A' | 'B' | 'same'; reason: string } | undefined {
  const o = parseObject(content);
  if (!o || (o.better !== 'A' && o.better !== 'B' && o.better !== 'same')) return undefined;
  const reason = typeof o.reason === 'string' ? o.reason.replace(/\s+/g, ' ').trim() : '';
  return { better: o.better, reason: clip(reason, 300) };
}

export function createJudge(config: JudgeConfig, opts: JudgeOptions = {}): JudgeClient {
  const model = config.model;
  const timeoutMs = opts.timeoutMs ?? config.request_timeout_ms ?? 60_000;
  const keyVar = config.api_key_env ?? 'OPENAI_API_KEY';
  const apiKey = opts.apiKey ?? process.env[keyVar];
  /** Answers and in-flight questions by key: concurrent trials of one trace share one call. */
  const memory = new Map<string, Promise<Asked<unknown>>>();
  let endpoint: Endpoint | undefined;

  function getEndpoint(): Endpoint {
    endpoint ??= openEndpoint({
      who: 'judge',
      baseURL: config.base_url,
      apiKey,
      apiKeyEnv: keyVar,
      timeoutMs,
      maxRetries: opts.maxRetries ?? config.max_retries ?? 2,
      maxConcurrency: config.max_concurrency,
    });
    return endpoint;
  }

  async function fromDisk<T>(
    key: string,
    parse: (s: string) => T | undefined,
  ): Promise<T | undefined> {
    if (!opts.cacheDir) return undefined;
    try {
      return parse(await readFile(join(opts.cacheDir, `${key}.json`), 'utf8'));
    } catch {
      return undefined; // a missing or unreadable entry is a miss
    }
  }

  async function toDisk(key: string, v: object): Promise<void> {
    if (!opts.cacheDir) return;
    try {
      await makeDir(opts.cacheDir);
      const file = join(opts.cacheDir, `${key}.json`);
      // Write then rename, so a concurrent reader never sees half a file.
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, JSON.stringify({ ...v, model }) + '\n');
      await rename(tmp, file);
    } catch {
      // The cache is an optimisation: failing to write it must not fail the check.
    }
  }

  async function askUncached<T extends object>(
    key: string,
    messages: ChatMessage[],
    format: Format,
    parse: (content: string) => T | undefined,
  ): Promise<Asked<T>> {
    const cached = await fromDisk(key, parse);
    if (cached) return { ok: true, value: cached };
    let content: string | null | undefined;
    // What this call spent: recorded on its outcome (a cached answer costs nothing).
    const spent: { usage?: Usage; retries?: number } = {};
    const failed = (reason: string): Asked<T> => ({
      ok: false,
      outcome: { status: 'error', reason, ...spent },
    });
    try {
      const { value: completion, retries } = await getEndpoint().call(
        (client, { signal }) =>
          client.chat.completions.create(
            { model, temperature: 0, messages, response_format: format },
            { signal },
          ),
        {},
      );
      if (retries) spent.retries = retries;
      const u = completion.usage;
      if (u) {
        const input = u.prompt_tokens ?? 0;
        const output = u.completion_tokens ?? 0;
        const cost = costOf(model, input, output, opts.prices);
        spent.usage = {
          input_tokens: input,
          output_tokens: output,
          ...(cost !== undefined ? { cost_usd: cost } : {}),
        };
      }
      const choice = completion.choices?.[0];
      if (choice?.message?.refusal)
        return failed(`judge ${model} refused: ${clip(choice.message.refusal, 160)}`);
      if (choice?.finish_reason === 'length')
        return failed(`judge ${model} answer was cut off (max tokens)`);
      content = choice?.message?.content;
    } catch (err) {
      return { ok: false, outcome: apiFailure(err, model) };
    }
    const v = typeof content === 'string' ? parse(content) : undefined;
    if (!v)
      return failed(
        `judge ${model} returned malformed output: ${JSON.stringify(clip(String(content ?? ''), 80))}`,
      );
    await toDisk(key, v);
    return { ok: true, value: v, ...spent };
  }

  /** One question to the model, asked once per key (memory, then disk, then the API). */
  function ask<T extends object>(
    question: unknown,
    messages: ChatMessage[],
    format: Format,
    parse: (content: string) => T | undefined,
  ): Promise<Asked<T>> {
    let key: string;
    try {
      key = createHash('sha256')
        .update(safeJson({ v: PROMPT_VERSION, model, question, messages }))
        .digest('hex');
    } catch (err) {
      return Promise.resolve({
        ok: false,
        outcome: { status: 'error', reason: `judge: ${errorMessage(err)}` },
      });
    }
    const hit = memory.get(key) as Promise<Asked<T>> | undefined;
    // An answer shared with another trial was paid for once: this trial records no spend.
    if (hit)
      return hit.then((a) =>
        a.ok
          ? { ok: true, value: a.value }
          : {
              ok: false,
              outcome: {
                status: 'error',
                reason: a.outcome.reason,
                ...(a.outcome.fatal ? { fatal: true } : {}),
              },
            },
      );
    const p = askUncached(key, messages, format, parse).then(
      (a) => {
        // Errors are not cached: the next trial may well get through.
        if (!a.ok) memory.delete(key);
        return a;
      },
      (err: unknown): Asked<T> => {
        memory.delete(key);
        return {
          ok: false,
          outcome: { status: 'error', reason: `judge failed: ${errorMessage(err)}` },
        };
      },
    );
    memory.set(key, p);
    return p;
  }

  return {
    async grade(rubric, trace, c, options = {}) {
      let messages: ChatMessage[];
      try {
        messages = buildJudgeMessages(rubric, trace, c, options);
      } catch (err) {
        return { status: 'error', reason: `judge: ${errorMessage(err)}` };
      }
      // The question names its fields and examples besides the prompt they make.
      const question = {
        kind: 'grade',
        fields: options.fields ?? null,
        examples: options.examples ?? [],
      };
      const a = await ask(question, messages, RESPONSE_FORMAT, parseVerdict);
      if (!a.ok) return a.outcome;
      return {
        ...toOutcome(a.value),
        ...(a.usage ? { usage: a.usage } : {}),
        ...(a.retries ? { retries: a.retries } : {}),
      };
    },
    async prefer(rubric, first, second, c, fields) {
      let messages: ChatMessage[];
      try {
        messages = buildPairMessages(rubric, first, second, c?.input ?? null, fields);
      } catch (err) {
        return { status: 'error', reason: `judge: ${errorMessage(err)}` };
      }
      const a = await ask({ kind: 'pair', fields }, messages, PAIR_FORMAT, parsePreference);
      if (!a.ok) return a.outcome;
      return {
        ...a.value,
        ...(a.usage ? { usage: a.usage } : {}),
        ...(a.retries ? { retries: a.retries } : {}),
      };
    },
  };
}
