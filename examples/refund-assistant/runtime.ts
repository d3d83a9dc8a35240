/**
 * Which model the assistant talks to. With OPENAI_API_KEY set: the real API (OPENAI_BASE_URL
 * honoured, so any OpenAI-compatible server works). Without it, or with REFUND_ASSISTANT_MOCK=1:
 * the scripted mock server, started in this process and reached over real loopback HTTP, so the
 * agent's code path is the same either way.
 */
import OpenAI from 'openai';
import { startMockLLM } from './mock-llm.ts';

export interface ModelClient {
  client: OpenAI;
  mode: 'api' | 'mock';
  close(): Promise<void>;
}

export function useMock(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.OPENAI_API_KEY || env.REFUND_ASSISTANT_MOCK === '1';
}

export async function createClient(
  env: NodeJS.ProcessEnv = process.env,
  opts: { unref?: boolean } = {},
): Promise<ModelClient> {
  if (!useMock(env)) {
    // The SDK reads OPENAI_BASE_URL itself; passing it keeps the env argument authoritative.
    const client = new OpenAI({
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL || undefined,
    });
    return { client, mode: 'api', close: async () => {} };
  }
  // REFUND_MOCK_LATENCY_MS slows every mock reply down, to make concurrency visible in tests.
  const latency = Number(env.REFUND_MOCK_LATENCY_MS);
  const mock = await startMockLLM({
    unref: opts.unref,
    ...(Number.isFinite(latency) && latency >= 0
      ? { latencyMs: [latency, latency] as [number, number] }
      : {}),
  });
  // evalgate retries transient errors itself; SDK retries would hide them from the run.
  const client = new OpenAI({ apiKey: 'mock-key', baseURL: mock.url, maxRetries: 0 });
  return { client, mode: 'mock', close: mock.close };
}

let shared: Promise<ModelClient> | undefined;

/**
 * One client per process, created on first use. Its mock server (if any) does not keep the
 * process alive, so `runCase` can be used as a module target without a teardown hook.
 */
export async function defaultClient(): Promise<OpenAI> {
  shared ??= createClient(process.env, { unref: true });
  return (await shared).client;
}

export async function closeDefaultClient(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (current) await (await current).close();
}
