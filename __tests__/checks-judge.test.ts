/**
 * The LLM judge against a small OpenAI-compatible server on 127.0.0.1 speaking the real
 * /v1/chat/completions wire format.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJudge } from '../src/checks/model/judge.ts';
import { check, ctxFor } from './fixtures/checks/run.ts';
import { goodRefund, hallucinatedRefund, refundCase } from './fixtures/checks/traces.ts';

type Behaviour = 'grade' | '500' | '429' | 'garbage' | 'slow' | 'refusal';

interface Seen {
  path: string;
  auth: string | undefined;
  body: any;
}

let behaviour: Behaviour = 'grade';
let hits = 0;
let seen: Seen[] = [];
let server: Server;
let baseURL: string;
const scratch = mkdtempSync(join(tmpdir(), 'evalgate-judge-'));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

function completion(content: string | null, extra: Record<string, unknown> = {}) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'judge-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, ...extra },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 20, total_tokens: 140 },
  };
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const text = await readBody(req);
    hits++;
    seen.push({ path: req.url ?? '', auth: req.headers.authorization, body: JSON.parse(text) });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    // retry-after-ms keeps the SDK's retries fast in tests.
    const fast = { 'retry-after-ms': '5' };
    switch (behaviour) {
      case '500':
        return send(500, { error: { message: 'upstream exploded', type: 'server_error' } }, fast);
      case '429':
        return send(429, { error: { message: 'slow down', type: 'rate_limit' } }, fast);
      case 'garbage':
        return send(200, completion('The answer passes, I think {pass: yes'));
      case 'refusal':
        return send(200, completion(null, { refusal: "I can't grade this." }));
      case 'slow':
        setTimeout(() => send(200, completion('{"pass":true,"reason":"late"}')), 2000);
        return;
      default: {
        // A deterministic "model": the answer passes when a refund tool call appears in the prompt.
        const user = JSON.parse(text).messages[1].content as string;
        const refunded = user.includes('issue_refund(');
        return send(
          200,
          completion(
            JSON.stringify({
              pass: refunded,
              reason: refunded
                ? 'Polite and confirms the refund that was issued.'
                : 'Claims a refund without issuing one.',
            }),
          ),
        );
      }
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  behaviour = 'grade';
  hits = 0;
  seen = [];
});

const rubric = 'Polite, and only confirms a refund if one was issued.';

describe('createJudge', () => {
  it('sends a temperature-0 structured-output request and returns the verdict', async () => {
    const judge = createJudge({ model: 'judge-mini', base_url: baseURL }, { apiKey: 'sk-test' });
    const out = await judge.grade(rubric, goodRefund(), refundCase());
    // The grading's tokens are recorded on its outcome, apart from the system's usage.
    expect(out).toEqual({
      status: 'pass',
      reason: 'Polite and confirms the refund that was issued.',
      usage: { input_tokens: 120, output_tokens: 20 },
    });
    expect(hits).toBe(1);
    const req = seen[0];
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.auth).toBe('Bearer sk-test');
    expect(req.body.model).toBe('judge-mini');
    expect(req.body.temperature).toBe(0);
    expect(req.body.response_format.type).toBe('json_schema');
    expect(req.body.response_format.json_schema.schema.required).toEqual(['pass', 'reason']);
    const prompt = req.body.messages[1].content as string;
    expect(prompt).toContain(rubric);
    expect(prompt).toContain('My blender (order A17) arrived broken.'); // case input
    expect(prompt).toContain('issue_refund({"order_id":"A17","amount":50');
    expect(prompt).toContain('kb/refunds.md, kb/hours.md');
    expect(prompt).toContain("I've issued a refund of $50");

    const fail = await judge.grade(rubric, hallucinatedRefund(), refundCase());
    expect(fail).toMatchObject({ status: 'fail', reason: 'Claims a refund without issuing one.' });
  });

  it('caches verdicts in memory and on disk', async () => {
    const cacheDir = join(scratch, 'cache');
    const judge = createJudge({ model: 'judge-mini', base_url: baseURL }, { cacheDir });
    const first = await judge.grade(rubric, goodRefund(), refundCase());
    const second = await judge.grade(rubric, goodRefund(), refundCase());
    // A cached verdict costs nothing: the same verdict, without usage.
    expect(second).toEqual({ status: first.status, reason: first.reason });
    expect(first.usage?.input_tokens).toBe(120);
    expect(hits).toBe(1);
    // Concurrent identical gradings share one request.
    const t = hallucinatedRefund();
    await Promise.all([1, 2, 3].map(() => judge.grade(rubric, t, refundCase())));
    expect(hits).toBe(2);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(2);

    // A new process (a new client) with the same cache folder does not call the API at all.
    const fresh = createJudge({ model: 'judge-mini', base_url: baseURL }, { cacheDir });
    behaviour = '500';
    expect(await fresh.grade(rubric, goodRefund(), refundCase())).toEqual(second);
    expect(hits).toBe(2);

    // Another rubric or another model is another question.
    behaviour = 'grade';
    await fresh.grade(rubric + ' Mentions the timeline.', goodRefund(), refundCase());
    const other = createJudge({ model: 'judge-large', base_url: baseURL }, { cacheDir });
    await other.grade(rubric, goodRefund(), refundCase());
    expect(hits).toBe(4);
  });

  it('a 500 is an error after the SDK retried, and errors are not cached', async () => {
    const judge = createJudge({ model: 'judge-mini', base_url: baseURL }, { apiKey: 'k' });
    behaviour = '500';
    const out = await judge.grade(rubric, goodRefund(), refundCase());
    expect(out.status).toBe('error');
    expect(out.reason).toMatch(
      /^judge judge-mini: 127\.0\.0\.1:\d+ answered 500 .* after 2 retries$/,
    );
    expect(out.retries).toBe(2);
    expect(hits).toBe(3); // one try + maxRetries 2
    behaviour = 'grade';
    expect((await judge.grade(rubric, goodRefund(), refundCase())).status).toBe('pass');
    expect(hits).toBe(4);
  });

  it('a 429 is an error saying so', async () => {
    const judge = createJudge(
      { model: 'judge-mini', base_url: baseURL },
      { apiKey: 'k', maxRetries: 0 },
    );
    behaviour = '429';
    expect(await judge.grade(rubric, goodRefund(), refundCase())).toEqual({
      status: 'error',
      reason: expect.stringMatching(/^judge judge-mini: 127\.0\.0\.1:\d+ rate-limited \(429\)$/),
    });
  });

  it('garbage content or a refusal from the model is an error', async () => {
    const judge = createJudge({ model: 'judge-mini', base_url: baseURL }, { apiKey: 'k' });
    behaviour = 'garbage';
    const out = await judge.grade(rubric, goodRefund(), refundCase());
    expect(out.status).toBe('error');
    expect(out.reason).toContain('returned malformed output: "The answer passes, I think');
    behaviour = 'refusal';
    expect(await judge.grade(rubric, goodRefund(), refundCase())).toMatchObject({
      status: 'error',
      reason: expect.stringContaining("refused: I can't grade this."),
    });
  });

  it('a timeout is an error', async () => {
    const judge = createJudge(
      { model: 'judge-mini', base_url: baseURL },
      { apiKey: 'k', timeoutMs: 200, maxRetries: 0 },
    );
    behaviour = 'slow';
    expect(await judge.grade(rubric, goodRefund(), refundCase())).toEqual({
      status: 'error',
      reason: expect.stringMatching(/^judge judge-mini: .* did not answer within 200 ms$/),
    });
  });

  it('an unreachable endpoint is an error', async () => {
    const judge = createJudge(
      { model: 'judge-mini', base_url: 'http://127.0.0.1:9/v1' },
      { apiKey: 'k', maxRetries: 0 },
    );
    const out = await judge.grade(rubric, goodRefund(), refundCase());
    expect(out.status).toBe('error');
    expect(out.reason).toMatch(/^judge judge-mini: cannot reach 127\.0\.0\.1:9/);
  });

  it('without a key for api.openai.com it errors before any request, and stops the run', async () => {
    const judge = createJudge({ model: 'gpt-4.1-mini', api_key_env: 'EVALGATE_TEST_NO_SUCH_KEY' });
    expect(await judge.grade(rubric, goodRefund(), refundCase())).toEqual({
      status: 'error',
      reason:
        'judge gpt-4.1-mini: no API key: the environment variable EVALGATE_TEST_NO_SUCH_KEY is not set',
      fatal: true,
    });
  });
});

describe('judge check', () => {
  it('grades through ctx.judge', async () => {
    const judge = createJudge({ model: 'judge-mini', base_url: baseURL }, { apiKey: 'k' });
    const ctx = ctxFor({ judge });
    expect(await check({ type: 'judge', rubric }, goodRefund(), ctx)).toMatchObject({
      status: 'pass',
    });
    expect(await check({ type: 'judge', rubric }, hallucinatedRefund(), ctx)).toMatchObject({
      status: 'fail',
    });
  });

  it('is an error without a configured judge', async () => {
    expect(await check({ type: 'judge', rubric }, goodRefund())).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('no judge configured'),
    });
  });
});
