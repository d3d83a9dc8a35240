/**
 * The simulated user: the real openai client against a loopback OpenAI-compatible server and
 * against the demo's offline model server (examples/refund-assistant/mock-llm.ts), playing the
 * user of a real (module) target through `evalgate run`'s own path.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockLLM, type MockLLM } from '../examples/refund-assistant/mock-llm.ts';
import { runSuite } from '../src/pipeline/run-suite.ts';
import { DONE_SENTINEL, SIMULATOR_MARKER } from '../src/run/simulator.ts';
import { loadSuite } from '../src/suite/index.ts';
import type { Results, TrialResult } from '../src/types.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const FIX = join(import.meta.dirname, 'fixtures', 'conversation');

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A loopback chat-completions server: `reply` decides each answer; requests are kept. */
async function chatServer(reply: (body: any, n: number) => { status?: number; content?: unknown }) {
  const requests: any[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      const body = JSON.parse(text);
      requests.push(body);
      const r = reply(body, requests.length - 1);
      if (r.status && r.status !== 200) {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { message: 'bad request', type: 'invalid_request_error' } }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          created: 1,
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: r.content, refusal: null },
              finish_reason: 'stop',
            },
          ],
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise((r) => server.close(r)));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1`, requests };
}

const GOAL = 'Get a refund for order A-1001, which arrived damaged.';

async function run(baseUrl: string, simulatedUser: object, checks: object[], trials = 1) {
  const dir = suiteDir({
    'evalgate.yml': `version: 1
target: {module: "${join(FIX, 'module.mjs')}#runCase"}
datasets: [cases.jsonl]
failure_modes: {memory: major, refunds: critical}
simulator: {model: sim-model, base_url: "${baseUrl}", seed: 7}
trials: ${trials}
timeout: 10s
retries: 0
`,
    'cases.jsonl': JSON.stringify({ id: 'sim', simulated_user: simulatedUser, checks }),
  });
  const suite = await loadSuite(join(dir, 'evalgate.yml'));
  return runSuite({ suite, label: 'head' });
}

const trials = (r: Results): TrialResult[] => r.cases[0].trials;

describe('a simulated user', () => {
  it('is played through the openai client, with roles swapped, seeded, until it says it is done', async () => {
    const lines = ['Hi, my order is A-1001.', 'Please refund it.', DONE_SENTINEL];
    const llm = await chatServer((_b, n) => ({ content: lines[n] }));
    const results = await run(llm.url, { persona: 'a busy customer', goal: GOAL, max_turns: 5 }, [
      { type: 'remembers', mode: 'memory', pattern: 'A-\\d+' },
      { type: 'goal_reached', mode: 'refunds', tool: 'issue_refund', within: 2 },
    ]);
    const t = trials(results)[0];
    expect(t.status).toBe('pass');
    expect(t.trace.turns!.map((x) => x.user)).toEqual(lines.slice(0, 2));
    const meta = t.trace.metadata!.simulator as Record<string, any>;
    expect(meta.model).toBe('sim-model');
    expect(meta.seed).toBe(7); // the config's seed + trial 0
    expect(meta.stopped).toBe('done');
    expect(meta.transcript.map((e: any) => e.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);

    // What the simulator model saw: the persona and goal, and the system's answers as `user`.
    expect(llm.requests).toHaveLength(3);
    const last = llm.requests[2];
    expect(last.model).toBe('sim-model');
    expect(last.seed).toBe(7);
    expect(last.messages[0].role).toBe('system');
    expect(last.messages[0].content).toContain(SIMULATOR_MARKER);
    expect(last.messages[0].content).toContain(`Goal: ${GOAL}`);
    expect(last.messages.slice(2).map((m: any) => m.role)).toEqual([
      'assistant',
      'user',
      'assistant',
      'user',
    ]);
    expect(last.messages.at(-1).content).toBe('Your refund for A-1001 has been issued.');
  });

  it('stops when the system calls the stop tool, or at max_turns', async () => {
    const llm = await chatServer(() => ({ content: 'Refund order A-1001 please.' }));
    const stop = await run(
      llm.url,
      { persona: 'p', goal: GOAL, max_turns: 4, stop: { tool: 'issue_refund' } },
      [{ type: 'tool_called', mode: 'refunds', name: 'issue_refund' }],
    );
    expect(trials(stop)[0].trace.turns).toHaveLength(1);
    expect((trials(stop)[0].trace.metadata!.simulator as any).stopped).toBe('tool');

    const chatty = await chatServer(() => ({ content: 'Hello?' }));
    const max = await run(chatty.url, { persona: 'p', goal: GOAL, max_turns: 3 }, [
      { type: 'tool_not_called', mode: 'refunds', name: 'issue_refund' },
    ]);
    expect(trials(max)[0].trace.turns).toHaveLength(3);
    expect((trials(max)[0].trace.metadata!.simulator as any).stopped).toBe('max_turns');
    expect(trials(max)[0].status).toBe('pass');
  });

  it('a simulator failure is an error trial, not a failed case', async () => {
    const down = await chatServer(() => ({ status: 400 }));
    const http = trials(
      await run(down.url, { persona: 'p', goal: GOAL, max_turns: 3 }, [
        { type: 'tool_not_called', mode: 'refunds', name: 'issue_refund' },
      ]),
    )[0];
    expect(http.status).toBe('error');
    expect(http.trace.error).toMatchObject({ kind: 'simulator' });
    expect(http.trace.error!.message).toMatch(/simulator sim-model: API error/);
    expect(http.checks[0].status).toBe('error');

    // An unusable reply mid-conversation: the turns so far are kept, the trial is an error.
    const empty = await chatServer((_b, n) => ({ content: n === 0 ? 'Hi, order A-1001.' : '   ' }));
    const bad = trials(
      await run(empty.url, { persona: 'p', goal: GOAL, max_turns: 3 }, [
        { type: 'tool_not_called', mode: 'refunds', name: 'issue_refund' },
      ]),
    )[0];
    expect(bad.status).toBe('error');
    expect(bad.trace.error!.message).toMatch(/empty message/);
    expect(bad.trace.turns).toHaveLength(1);

    // Done before saying anything: nothing was tested.
    const mute = await chatServer(() => ({ content: DONE_SENTINEL }));
    const none = trials(
      await run(mute.url, { persona: 'p', goal: GOAL, max_turns: 3 }, [
        { type: 'tool_not_called', mode: 'refunds', name: 'issue_refund' },
      ]),
    )[0];
    expect(none.status).toBe('error');
    expect(none.trace.error!.kind).toBe('simulator');
  });

  it('is played offline and deterministically by the demo model server', async () => {
    const mock: MockLLM = await startMockLLM({ latencyMs: [0, 0] });
    closers.push(() => mock.close());
    const user = {
      persona: 'a polite customer',
      goal: GOAL,
      max_turns: 6,
      stop: { tool: 'issue_refund', args: { order_id: 'A-1001' } },
    };
    const checks = [
      { type: 'goal_reached', mode: 'refunds', tool: 'issue_refund', args: { order_id: 'A-1001' } },
      { type: 'remembers', mode: 'memory', value: 'A-1001' },
    ];
    const first = await run(mock.url, user, checks, 2);
    const again = await run(mock.url, user, checks, 2);
    for (const t of trials(first)) {
      expect(t.status).toBe('pass');
      expect((t.trace.metadata!.simulator as any).stopped).toBe('tool');
      expect(t.trace.turns!.length).toBeGreaterThanOrEqual(2);
      expect(t.trace.turns![0].user).not.toContain('A-1001'); // the opener does not give it
    }
    // Same seed, same conversation.
    const users = (r: Results) => trials(r).map((t) => t.trace.turns!.map((x) => x.user));
    expect(users(again)).toEqual(users(first));

    // Without a stop tool, the mock user says it is done once the refund is confirmed.
    const { stop: _stop, ...talkative } = user;
    const done = trials(await run(mock.url, talkative, checks))[0];
    expect(done.status).toBe('pass');
    expect((done.trace.metadata!.simulator as any).stopped).toBe('done');
  });
});
