/**
 * Model calls that behave, for the `openai` target and the judge alike: one OpenAI client per
 * endpoint (api.openai.com, Azure OpenAI, GitHub Models, vLLM, Ollama...), whose built-in retries
 * (429, 408, 409 and 5xx, exponential backoff with jitter, honouring Retry-After and
 * retry-after-ms up to 60 s) are counted per call; a concurrency limit shared by every client of
 * a base URL in this process; a timeout per request; and a key that is missing or rejected
 * (401/403) stopping every later call at once, so a run says so once instead of failing each
 * trial with the same error.
 *
 * The first call to an endpoint goes alone (a probe): calls made meanwhile wait for its answer,
 * so a bad key costs one request, whatever the run's concurrency.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  AzureOpenAI,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import pLimit, { type LimitFunction } from 'p-limit';
import type { TraceErrorKind } from '../types.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface EndpointOptions {
  /** Who calls, for messages: "openai target", "judge". */
  who: string;
  /** Default: api.openai.com (or, for Azure, the resource endpoint). */
  baseURL?: string;
  apiKey?: string;
  /** The variable the key comes from, for messages. */
  apiKeyEnv: string;
  /** The config named the variable itself: then it must be set, even for a local server. */
  keyRequired?: boolean;
  headers?: Record<string, string>;
  /** Azure OpenAI: `baseURL` is the resource endpoint (https://NAME.openai.azure.com). */
  azure?: { deployment?: string; apiVersion: string };
  /** Per request (each retry gets its own). */
  timeoutMs: number;
  /** The SDK's retries of 429/408/409/5xx and connection errors. */
  maxRetries: number;
  /** Requests in flight to this base URL at once, over every client in the process. */
  maxConcurrency?: number;
}

/** Why a call failed, in the terms of a trace error. */
export class ModelCallError extends Error {
  readonly kind: TraceErrorKind;
  readonly status?: number;
  /** Every later call would fail the same way (a missing or rejected key): stop the run. */
  readonly fatal: boolean;
  readonly retries: number;
  constructor(
    kind: TraceErrorKind,
    message: string,
    extra: { status?: number; fatal?: boolean; retries?: number } = {},
  ) {
    super(message);
    this.kind = kind;
    this.status = extra.status;
    this.fatal = extra.fatal ?? false;
    this.retries = extra.retries ?? 0;
  }
}

export interface CallResult<T> {
  value: T;
  /** Requests the SDK repeated for this call (429, 5xx, timeouts). */
  retries: number;
}

/** Requests made by the call running in this async context (its first try and its retries). */
const requests = new AsyncLocalStorage<{ n: number }>();

const countingFetch: typeof fetch = (input, init) => {
  const store = requests.getStore();
  if (store) store.n++;
  return fetch(input, init);
};

const limits = new Map<string, LimitFunction>();

/** The process-wide limit of a base URL: the smallest any client asked for. */
function limitFor(baseURL: string, max: number | undefined): LimitFunction | undefined {
  if (!max) return limits.get(baseURL);
  const existing = limits.get(baseURL);
  if (existing) {
    if (max < existing.concurrency) existing.concurrency = max;
    return existing;
  }
  const limit = pLimit(max);
  limits.set(baseURL, limit);
  return limit;
}

/** The host of a base URL, for messages (never its credentials or path). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the endpoint';
  }
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export interface Endpoint {
  /** The base URL calls go to. */
  readonly url: string;
  /**
   * Runs one request through the endpoint's client. `deadline` is the caller's whole budget
   * (aborting it is a timeout); `signal` is the run's (aborting it is a cancellation).
   */
  call<T>(
    fn: (client: OpenAI, options: { signal: AbortSignal }) => Promise<T>,
    signals: { signal?: AbortSignal; deadline?: AbortSignal },
  ): Promise<CallResult<T>>;
}

export function openEndpoint(o: EndpointOptions): Endpoint {
  const url = o.baseURL ?? OPENAI_BASE_URL;
  const limit = limitFor(url, o.maxConcurrency);
  let client: OpenAI | undefined;
  /** Set once a call learns that every call will fail: the message each later call repeats. */
  let stopped: string | undefined;
  let probe: Promise<void> | undefined;
  let open = false;

  function keyProblem(): string | undefined {
    if (o.apiKey) return undefined;
    // A local server (base_url) usually needs no key; api.openai.com and Azure always do.
    if (o.keyRequired || !o.baseURL || o.azure)
      return `${o.who}: no API key: the environment variable ${o.apiKeyEnv} is not set`;
    return undefined;
  }

  function getClient(): OpenAI {
    if (client) return client;
    const common = {
      apiKey: o.apiKey || 'unused',
      maxRetries: o.maxRetries,
      timeout: o.timeoutMs,
      defaultHeaders: o.headers,
      fetch: countingFetch,
    };
    try {
      client = o.azure
        ? new AzureOpenAI({
            ...common,
            endpoint: url,
            deployment: o.azure.deployment,
            apiVersion: o.azure.apiVersion,
          })
        : new OpenAI({ ...common, baseURL: url });
    } catch (err) {
      throw new ModelCallError('target', `${o.who}: cannot create the client: ${String(err)}`, {
        fatal: true,
      });
    }
    return client;
  }

  function classify(err: unknown, retries: number, deadline?: AbortSignal): ModelCallError {
    if (err instanceof ModelCallError) return err;
    const host = hostOf(url);
    if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) {
      const what = err.status === 401 ? 'rejected the API key' : 'refused the API key';
      return new ModelCallError(
        'http',
        `${o.who}: ${host} ${what} (${err.status}): check ${o.apiKeyEnv}` +
          (err.error && typeof err.error === 'object' && 'message' in err.error
            ? ` (${clip(String((err.error as { message: unknown }).message), 160)})`
            : ''),
        { status: err.status, fatal: true, retries },
      );
    }
    if (err instanceof APIUserAbortError) {
      return deadline?.aborted
        ? new ModelCallError('timeout', `${o.who}: no answer from ${host} in time`, { retries })
        : new ModelCallError('cancelled', 'the run was interrupted', { retries });
    }
    if (err instanceof APIConnectionTimeoutError)
      return new ModelCallError(
        'timeout',
        `${o.who}: ${host} did not answer within ${o.timeoutMs} ms` + tries(retries),
        { retries },
      );
    if (err instanceof APIConnectionError)
      return new ModelCallError(
        'connection',
        `${o.who}: cannot reach ${host}: ${clip(String((err.cause as Error)?.message ?? err.message), 160)}` +
          tries(retries),
        { retries },
      );
    if (err instanceof RateLimitError)
      return new ModelCallError(
        'rate_limit',
        `${o.who}: ${host} rate-limited (429)` + tries(retries),
        {
          status: 429,
          retries,
        },
      );
    if (err instanceof APIError)
      return new ModelCallError(
        'http',
        `${o.who}: ${host} answered ${clip(err.message, 200)}` + tries(retries),
        { status: err.status, retries },
      );
    return new ModelCallError('crash', `${o.who}: ${clip(String(err), 200)}`, { retries });
  }

  async function attempt<T>(
    fn: (client: OpenAI, options: { signal: AbortSignal }) => Promise<T>,
    signals: { signal?: AbortSignal; deadline?: AbortSignal },
  ): Promise<CallResult<T>> {
    const problem = keyProblem();
    if (problem) throw new ModelCallError('target', problem, { fatal: true });
    const c = getClient();
    const both = [signals.signal, signals.deadline].filter((s): s is AbortSignal => !!s);
    const signal = both.length === 1 ? both[0] : AbortSignal.any(both);
    const store = { n: 0 };
    const run = () => requests.run(store, () => fn(c, { signal }));
    try {
      const value = await (limit ? limit(run) : run());
      return { value, retries: Math.max(0, store.n - 1) };
    } catch (err) {
      throw classify(err, Math.max(0, store.n - 1), signals.deadline);
    }
  }

  return {
    url,
    async call(fn, signals) {
      if (!open && probe) await probe;
      if (stopped) throw new ModelCallError('cancelled', `the run stopped: ${stopped}`);
      let release: (() => void) | undefined;
      if (!open && !probe) probe = new Promise<void>((r) => (release = r));
      try {
        return await attempt(fn, signals);
      } catch (err) {
        const e = err as ModelCallError;
        if (e.fatal) stopped ??= e.message;
        throw e;
      } finally {
        if (release) {
          open = true;
          release();
        }
      }
    },
  };
}

function tries(retries: number): string {
  return retries ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
}
