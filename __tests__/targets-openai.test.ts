/**
 * The `openai` target (a prompt, tool schemas and fixtures in a real tool loop) and model calls
 * that behave (retries counted, Retry-After honoured, timeouts, a per-endpoint limit, a rejected
 * key stopping the run at its first call, prices, the max_cost budget), against an
 * OpenAI-compatible server on 127.0.0.1 spoken to by the real `openai` client.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compare } from '../src/compare/index.ts';
import { runPr } from '../src/pipeline/pr.ts';
import { runSuite } from '../src/pipeline/run-suite.ts';
import { loadSuite, parseConfig } from '../src/suite/index.ts';
import { createTarget } from '../src/targets/index.ts';
import type { Results } from '../src/types.ts';
import {
  completion,
  LOOKUP_ORDER_TOOLS,
  startFakeOpenAI,
  type FakeOpenAI,
} from './helpers/openai-server.ts';
import { suiteDir } from './helpers/suite-dir.ts';

vi.setConfig({ testTimeout: 60_000 });

const ALWAYS = 'You are a support assistant. ALWAYS look up the order before answering.\n';
const LAZY = 'You are a support assistant. Answer briefly.\n';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.seen.length = 0;
  fake.next.length = 0;
  fake.always = undefined;
  fake.delayMs = 0;
  fake.maxInFlight = 0;
});

const ids = Array.from({ length: 12 }, (_, i) => `order-${i}`);
const orderCases = (n = ids.length) =>
  ids
    .slice(0, n)
    .map((id, i) =>
      JSON.stringify({
        id,
        input: `Where is my order A${100 + i}?`,
        checks: [
          { type: 'tool_called', name: 'lookup_order', mode: 'grounded' },
          { type: 'contains', value: 'shipped', mode: 'grounded' },
        ],
      }),
    )
    .join('\n');

function config(extra = '', target = '') {
  return `version: 1
target:
  openai:
    model: gpt-4.1-mini
    base_url: ${fake.url}
    api_key_env: TEST_OPENAI_KEY
    system_prompt: prompt.md
    tools: tools.json
    fixtures: fixtures
${target}
datasets: [cases.jsonl]
failure_modes: {grounded: critical}
trials: 2
concurrency: 4
timeout: 10s
${extra}`;
}

function files(over: Record<string, string> = {}) {
  return {
    'evalgate.yml': config(),
    'prompt.md': ALWAYS,
    'tools.json': JSON.stringify(LOOKUP_ORDER_TOOLS),
    'fixtures/lookup_order.json': JSON.stringify({
      $responses: [
        { arguments: { order_id: 'A999' }, result: { status: 'lost' } },
        { result: { status: 'shipped' } },
      ],
    }),
    'cases.jsonl': orderCases(),
    ...over,
  };
}

const env = { TEST_OPENAI_KEY: 'sk-test-123' };

async function targetFor(dir: string, cfgText?: string) {
  const cfg = parseConfig(cfgText ?? config(), 'evalgate.yml');
  return createTarget(cfg.target, { rootDir: dir, concurrency: 4, env });
}

const request = (input: unknown) => ({ id: 'c', input, context: {}, tags: [], trial: 0 });

describe('the openai target', () => {
  it('runs a tool loop with folder fixtures and records messages, calls, usage, cost', async () => {
    const dir = suiteDir(files());
    const target = await targetFor(dir);
    const trace = await target.run(request('Where is my order A999?'), { timeoutMs: 10_000 });
    expect(trace.error).toBeUndefined();
    expect(trace.output).toBe('Order A999 is lost.');
    expect(trace.tool_calls).toEqual([
      {
        id: expect.any(String),
        name: 'lookup_order',
        arguments: { order_id: 'A999' },
        result: { status: 'lost' },
      },
    ]);
    expect(trace.messages!.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'tool',
      'assistant',
    ]);
    expect(trace.messages![0].content).toBe(ALWAYS);
    // Two calls of 1000 in / 100 out at gpt-4.1-mini's $0.40 / $1.60 per 1M tokens.
    expect(trace.usage).toEqual({ input_tokens: 2000, output_tokens: 200, cost_usd: 0.00112 });
    expect(trace.metadata).toMatchObject({
      model: 'gpt-4.1-mini',
      steps: 2,
      retries: 0,
      calls: [
        { input_tokens: 1000, output_tokens: 100, cost_usd: 0.00056, finish_reason: 'tool_calls' },
        { input_tokens: 1000, output_tokens: 100, cost_usd: 0.00056, finish_reason: 'stop' },
      ],
    });
    expect(trace.latency_ms).toBeGreaterThan(0);
    // What the model got: the schema file's tools, the key from the named variable, and the
    // fixture result as the tool message.
    expect(fake.seen).toHaveLength(2);
    expect(fake.seen[0].body.tools).toEqual(LOOKUP_ORDER_TOOLS);
    expect(fake.seen[0].headers.authorization).toBe('Bearer sk-test-123');
    expect(fake.seen[1].body.messages[3]).toMatchObject({
      role: 'tool',
      content: '{"status":"lost"}',
    });
    // Another order matches the fallback entry; a list of messages is the user side as it is.
    const other = await target.run(request([{ role: 'user', content: 'Order A123 please' }]), {
      timeoutMs: 10_000,
    });
    expect(other.output).toBe('Order A123 is shipped.');
    await target.close();
  });

  it('answers tool calls from a fixture module, and prices from the config win', async () => {
    const dir = suiteDir(
      files({
        'fixtures.mjs':
          'export function callTool({ name, arguments: a, case: c }) {\n' +
          '  return name === "lookup_order" ? `${a.order_id} in transit (${c.id})` : undefined;\n' +
          '}\n',
      }),
    );
    const cfg = parseConfig(
      config().replace('fixtures: fixtures', 'fixtures: ./fixtures.mjs#callTool'),
      'evalgate.yml',
    );
    const target = await createTarget(cfg.target, {
      rootDir: dir,
      concurrency: 1,
      env,
      prices: { 'gpt-4.1-mini': { input: 1, output: 10 } },
    });
    const trace = await target.run(request('Where is A321?'), { timeoutMs: 10_000 });
    expect(trace.output).toBe('Order A321 is A321 in transit (c).');
    expect(trace.tool_calls![0].result).toBe('A321 in transit (c)');
    expect(trace.usage!.cost_usd).toBeCloseTo((2000 * 1 + 200 * 10) / 1e6, 12);
  });

  it('a tool call no fixture covers is an error, not a guess', async () => {
    const dir = suiteDir(files({ 'fixtures/lookup_order.json': '{"$responses": []}' }));
    const trace = await (await targetFor(dir)).run(request('A555?'), { timeoutMs: 10_000 });
    expect(trace.error).toMatchObject({ kind: 'target' });
    expect(trace.error!.message).toContain('no fixture of lookup_order matches');
  });

  it('stops at max_steps when the model keeps calling tools', async () => {
    const dir = suiteDir(files({ 'prompt.md': 'LOOP' }));
    const cfg = config('', '    max_steps: 3');
    const trace = await (await targetFor(dir, cfg)).run(request('A123'), { timeoutMs: 10_000 });
    expect(fake.seen).toHaveLength(3);
    expect(trace.error).toBeUndefined();
    expect(trace.output).toBe('');
    expect(trace.tool_calls).toHaveLength(3);
    expect(trace.metadata).toMatchObject({ steps: 3, max_steps_reached: true });
  });

  it('honours Retry-After on a 429 and counts the retry', async () => {
    const dir = suiteDir(files({ 'prompt.md': LAZY }));
    fake.next.push({ status: 429, headers: { 'retry-after': '1' } });
    const started = performance.now();
    const trace = await (await targetFor(dir)).run(request('A123'), { timeoutMs: 10_000 });
    expect(performance.now() - started).toBeGreaterThan(900);
    expect(trace.error).toBeUndefined();
    expect(trace.output).toBe('I cannot see your order, sorry.');
    expect(fake.seen).toHaveLength(2);
    expect(trace.metadata).toMatchObject({ retries: 1, calls: [{ retries: 1 }] });
  });

  it('a 500 that persists is an http error after max_retries, retries counted', async () => {
    const dir = suiteDir(files({ 'prompt.md': LAZY }));
    fake.always = { status: 500, headers: { 'retry-after-ms': '5' } };
    const trace = await (
      await targetFor(dir, config('', '    max_retries: 3'))
    ).run(request('A123'), { timeoutMs: 10_000 });
    expect(fake.seen).toHaveLength(4);
    expect(trace.error).toMatchObject({ kind: 'http', status: 500 });
    expect(trace.error!.message).toMatch(/answered 500 .* after 3 retries$/);
    expect(trace.error!.fatal).toBeUndefined();
    expect(trace.metadata).toMatchObject({ retries: 3 });
  });

  it('a hanging response ends at the per-request timeout', async () => {
    const dir = suiteDir(files({ 'prompt.md': LAZY }));
    fake.always = 'hang';
    const started = performance.now();
    const trace = await (
      await targetFor(dir, config('', '    request_timeout: 300ms\n    max_retries: 0'))
    ).run(request('A123'), { timeoutMs: 10_000 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(trace.error).toMatchObject({ kind: 'timeout' });
    expect(trace.error!.message).toContain('did not answer within 300 ms');
  });

  it('sends extra headers, and speaks Azure OpenAI (deployment path, api-version, api-key)', async () => {
    const dir = suiteDir(files({ 'prompt.md': LAZY }));
    await (
      await targetFor(dir, config('', '    headers: {X-Team: evals}'))
    ).run(request('hi'), { timeoutMs: 10_000 });
    expect(fake.seen[0].headers['x-team']).toBe('evals');

    fake.seen.length = 0;
    const azure = config(
      '',
      '    azure: {deployment: support-dep, api_version: 2024-10-21}',
    ).replace(`base_url: ${fake.url}`, `base_url: ${fake.url.replace(/\/v1$/, '')}`);
    const trace = await (await targetFor(dir, azure)).run(request('hi'), { timeoutMs: 10_000 });
    expect(trace.error).toBeUndefined();
    expect(fake.seen[0].path).toBe(
      '/openai/deployments/support-dep/chat/completions?api-version=2024-10-21',
    );
    expect(fake.seen[0].headers['api-key']).toBe('sk-test-123');
  });

  it('holds requests to one base_url under max_concurrency', async () => {
    const dir = suiteDir(files({ 'prompt.md': LAZY }));
    fake.delayMs = 50;
    const target = await targetFor(dir, config('', '    max_concurrency: 2'));
    await Promise.all(
      Array.from({ length: 8 }, () => target.run(request('hi'), { timeoutMs: 10_000 })),
    );
    expect(fake.seen).toHaveLength(8);
    expect(fake.maxInFlight).toBe(2);
  });
});

describe('a missing or rejected key stops the run at the first call', () => {
  it('a 401 is one request, one error, and an incomplete run that says why', async () => {
    const dir = suiteDir(files());
    fake.always = { status: 401, body: { error: { message: 'Incorrect API key provided' } } };
    const lines: string[] = [];
    const results = await runSuite({
      suite: await loadSuite(join(dir, 'evalgate.yml')),
      env,
      concurrency: 8,
      log: (l) => lines.push(l),
    });
    expect(fake.seen).toHaveLength(1);
    expect(results.meta.counts).toMatchObject({ trials: 1, error: 1 });
    expect(results.meta.stopped).toMatch(
      /^openai target: 127\.0\.0\.1:\d+ rejected the API key \(401\): check TEST_OPENAI_KEY \(Incorrect API key provided\)$/,
    );
    expect(lines.filter((l) => l.startsWith('stopping the run'))).toHaveLength(1);
  });

  it('`evalgate run` exits 3 with one message', async () => {
    const dir = suiteDir(files());
    fake.always = { status: 401 };
    const { execFile } = await import('node:child_process');
    const out = await new Promise<{ code: number | null; stderr: string; stdout: string }>((r) => {
      execFile(
        process.execPath,
        [join(import.meta.dirname, '..', 'src', 'bin.ts'), 'run', '--quiet'],
        { cwd: dir, env: { ...process.env, ...env, CI: 'true' } },
        (err, stdout, stderr) =>
          r({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(out.code).toBe(3);
    expect(fake.seen).toHaveLength(1);
    expect(out.stderr.match(/rejected the API key/g)).toHaveLength(2); // the stop, the summary
    expect(out.stderr).toContain('stopped early:');
    expect(out.stderr).not.toContain('sk-test-123');
  });

  it('no key in the environment: no request at all', async () => {
    const dir = suiteDir(files());
    const results = await runSuite({
      suite: await loadSuite(join(dir, 'evalgate.yml')),
      env: {},
      concurrency: 8,
    });
    expect(fake.seen).toHaveLength(0);
    expect(results.meta.counts.trials).toBe(1);
    expect(results.meta.stopped).toBe(
      'openai target: no API key: the environment variable TEST_OPENAI_KEY is not set',
    );
  });
});

describe('the judge behaves the same', () => {
  it('a rejected judge key stops the run at its first grading, and judge cost is apart', async () => {
    const judgeServer = await startFakeOpenAI();
    try {
      judgeServer.always = { status: 403 };
      const judged = ids
        .map((id) =>
          JSON.stringify({
            id,
            input: 'hi',
            checks: [{ type: 'judge', rubric: 'Polite.', mode: 'grounded' }],
          }),
        )
        .join('\n');
      const judgeLine = `judge: {model: gpt-4o-mini, base_url: "${judgeServer.url}", api_key_env: TEST_OPENAI_KEY}\n`;
      const dir = suiteDir(
        files({ 'prompt.md': LAZY, 'cases.jsonl': judged, 'evalgate.yml': config(judgeLine) }),
      );
      const results = await runSuite({
        suite: await loadSuite(join(dir, 'evalgate.yml')),
        env,
        concurrency: 8,
      });
      expect(judgeServer.seen).toHaveLength(1);
      expect(results.meta.stopped).toMatch(
        /^judge gpt-4o-mini: 127\.0\.0\.1:\d+ refused the API key \(403\)/,
      );
      expect(results.meta.counts.trials).toBeLessThan(24);

      // A judge that answers: its tokens and cost are recorded apart from the system's.
      judgeServer.always = undefined;
      judgeServer.model = () => completion({ content: '{"pass": true, "reason": "ok"}' });
      judgeServer.usage = { prompt_tokens: 500, completion_tokens: 10 };
      const dir2 = suiteDir(
        files({ 'prompt.md': LAZY, 'cases.jsonl': judged, 'evalgate.yml': config(judgeLine) }),
      );
      const ok = await runSuite({ suite: await loadSuite(join(dir2, 'evalgate.yml')), env });
      expect(ok.meta.stopped).toBeUndefined();
      expect(ok.meta.counts).toMatchObject({ trials: 24, pass: 24 });
      // The system: 24 calls of gpt-4.1-mini. The judge: one grading per distinct trace (the
      // 24 trials share one answer, so one call; the others are cache hits and cost nothing).
      expect(ok.meta.usage.cost_usd).toBeCloseTo(24 * 0.00056, 9);
      expect(ok.meta.judge_usage).toEqual({
        input_tokens: 500,
        output_tokens: 10,
        cost_usd: (500 * 0.15 + 10 * 0.6) / 1e6,
      });
    } finally {
      await judgeServer.close();
    }
  });
});

describe('the config', () => {
  it('every endpoint example in docs/targets.md is a valid config', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'targets.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## `openai`'));
    const blocks = [...section.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const kinds = blocks.map((b) => {
      const c = parseConfig(
        `version: 1\n${b}datasets: [a]\nfailure_modes: {m: critical}\n`,
        'targets.md',
      );
      expect(c.target.kind).toBe('openai');
      return (
        c.target.kind === 'openai' && (c.target.azure ? 'azure' : (c.target.base_url ?? 'openai'))
      );
    });
    expect(kinds).toEqual(
      expect.arrayContaining([
        'openai',
        'azure',
        'https://models.github.ai/inference',
        'http://127.0.0.1:8000/v1',
        'http://127.0.0.1:11434/v1',
      ]),
    );
  });

  it('names a mistyped field of the openai target with its line', () => {
    expect(() =>
      parseConfig(
        'version: 1\ntarget:\n  openai:\n    model: gpt-4.1\n    max_step: 3\ndatasets: [a]\nfailure_modes: {m: critical}\n',
        'evalgate.yml',
      ),
    ).toThrow(
      'evalgate.yml:5: target.openai.max_step: unknown key "max_step" (did you mean "max_steps"?)',
    );
    expect(() =>
      parseConfig(
        'version: 1\ntarget: {openai: {model: m, azure: {deployment: d}}}\ndatasets: [a]\nfailure_modes: {m: critical}\nmax_cost: -1\n',
        'evalgate.yml',
      ),
    ).toThrow(
      /target\.openai\.azure\.api_version: required[\s\S]*max_cost: must be greater than 0/,
    );
  });
});

function git(dir: string, ...args: string[]) {
  execFileSync('git', args, {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t.invalid',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t.invalid',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

/** A repository whose base and head differ only in the system prompt. */
function promptRepo(extra = '') {
  const dir = suiteDir(files({ 'evalgate.yml': config(extra) }));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'tag', 'base');
  writeFileSync(join(dir, 'prompt.md'), LAZY);
  git(dir, 'commit', '-q', '-am', 'shorter prompt');
  return dir;
}

describe('a PR that edits only the prompt', () => {
  it('is evaluated on base and head with no application code, and blocks its regression', async () => {
    const dir = promptRepo();
    const out = await runPr({ repoDir: dir, baseRef: 'base', configPath: 'evalgate.yml', env });
    const c = out.comparison;
    const { base, head } = out;
    expect(base.meta.counts.trials).toBeGreaterThanOrEqual(24);
    expect(base.meta.counts.pass).toBe(base.meta.counts.trials);
    expect(head.meta.counts.fail).toBe(head.meta.counts.trials);
    expect(c.verdict).toBe('block');
    expect(c.modes.find((m) => m.mode === 'grounded')!.verdict).toBe('regressed');
    // Base answers with a tool call (two model calls per trial), head without (one).
    expect(base.meta.usage.cost_usd).toBeCloseTo(base.meta.counts.trials * 0.00112, 9);
    expect(head.meta.usage.cost_usd).toBeCloseTo(head.meta.counts.trials * 0.00056, 9);
    expect(c.base.usage.cost_usd).toBe(base.meta.usage.cost_usd);
    // Every case guards `grounded`: its evidence cost what the side cost; no judge ran.
    expect(c.modes.find((m) => m.mode === 'grounded')!.cost_usd).toEqual({
      base: { system: base.meta.usage.cost_usd, judge: 0 },
      head: { system: head.meta.usage.cost_usd, judge: 0 },
    });
  });

  it('past the max_cost budget the run stops and the verdict is error, never pass', async () => {
    // The base's budget holds (a PR cannot raise its own): about 10 of the 48 trials.
    const dir = promptRepo('max_cost: 0.008');
    const lines: string[] = [];
    const out = await runPr({
      repoDir: dir,
      baseRef: 'base',
      configPath: 'evalgate.yml',
      env,
      concurrency: 1,
      log: (l) => lines.push(l),
    });
    const done = out.base.meta.counts.trials + out.head.meta.counts.trials;
    expect(done).toBeGreaterThan(5);
    expect(done).toBeLessThan(48);
    expect(out.head.meta.stopped).toMatch(/^the max_cost budget of \$0\.0080 is spent/);
    expect(out.comparison.verdict).toBe('error');
    expect(out.comparison.reasons.join('\n')).toContain('max_cost budget of $0.0080 is spent');
    expect(lines.filter((l) => l.includes('max_cost budget'))).toHaveLength(1);
  });

  it('compare treats a stopped side as incomplete even when every case has a trial', () => {
    const base = { ...stub(), meta: { ...stub().meta } } as Results;
    const head = { ...stub(), meta: { ...stub().meta, stopped: 'the max_cost budget is spent' } };
    const c = compare(base, head as Results);
    expect(c.verdict).toBe('error');
    expect(c.incomplete?.head?.stopped).toBe('the max_cost budget is spent');
    expect(c.reasons.join(' ')).toContain('head stopped before it finished (the max_cost budget');
  });
});

function stub(): Results {
  const trial = (status: 'pass' | 'fail') => ({
    trial: 0,
    stage: 1,
    status,
    checks: [{ type: 'contains', mode: 'm', index: 0, status, reason: '' }],
    trace: { output: 'x' },
    attempts: 1,
    duration_ms: 1,
  });
  return {
    schema: 'evalgate/results@1',
    meta: {
      tool: 'evalgate',
      version: 'test',
      config_path: 'evalgate.yml',
      suite_hash: 'h',
      started_at: new Date(0).toISOString(),
      finished_at: new Date(0).toISOString(),
      duration_ms: 0,
      trials: 1,
      counts: { cases: 1, trials: 1, pass: 1, fail: 0, error: 0 },
      usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
      failure_modes: { m: { severity: 'critical' } },
      gate: parseConfig(
        'version: 1\ntarget: {command: x}\ndatasets: [a]\nfailure_modes: {m: critical}\n',
        'x',
      ).gate,
    },
    cases: [
      {
        id: 'a',
        hash: 'h',
        source: { file: 'c.jsonl', line: 1 },
        tags: [],
        input: 'q',
        modes: ['m'],
        trials: [trial('pass')],
      },
    ],
  } as Results;
}
