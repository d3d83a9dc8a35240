import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSuite } from '../src/suite/index.ts';
import { createTarget } from '../src/targets/index.ts';
import { buildResults, runTrials } from '../src/run/runner.ts';
import { runSuite } from '../src/pipeline/run-suite.ts';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A system under test on 127.0.0.1 whose answer for each request `respond` decides. */
async function system(
  respond: (
    body: any,
    n: number,
  ) => { status?: number; body?: unknown; delayMs?: number; headers?: Record<string, string> },
) {
  let n = 0;
  const seen: any[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      const body = JSON.parse(text);
      seen.push(body);
      const r = respond(body, n++);
      setTimeout(() => {
        res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers });
        res.end(JSON.stringify(r.body ?? { output: 'ok' }));
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/eval`, seen };
}

function config(url: string, extra = '') {
  return `version: 1
target: {http: {url: "${url}"}}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 2
concurrency: 4
timeout: 2s
retries: 2
${extra}`;
}

describe('runner', () => {
  it('runs cases x trials, records checks and counts, and keeps every trace', async () => {
    const sut = await system((b) => ({
      body: {
        output: b.id === 'b' ? 'nope' : 'ok',
        usage: { input_tokens: 10, output_tokens: 2, cost_usd: 0.001 },
      },
    }));
    const dir = suiteDir({
      'evalgate.yml': config(sut.url),
      'cases.jsonl': okCases(['a', 'b', 'c']),
    });
    const results = await runSuite({ suite: await loadSuite(join(dir, 'evalgate.yml')) });
    expect(results.schema).toBe('evalgate/results@1');
    expect(results.meta.counts).toEqual({ cases: 3, trials: 6, pass: 4, fail: 2, error: 0 });
    expect(results.meta.usage).toEqual({ input_tokens: 60, output_tokens: 12, cost_usd: 0.006 });
    const b = results.cases.find((c) => c.id === 'b')!;
    expect(b.trials.map((t) => t.status)).toEqual(['fail', 'fail']);
    expect(b.trials[0].checks[0]).toMatchObject({
      type: 'contains',
      mode: 'correct',
      status: 'fail',
    });
    expect(b.trials[0].trace.output).toBe('nope');
    // The system saw the case without its checks, with the trial number.
    expect(sut.seen[0]).not.toHaveProperty('checks');
    expect(new Set(sut.seen.map((s) => s.trial))).toEqual(new Set([0, 1]));
  });

  it('retries a 500 and a 429 and counts the attempts; a 400 is an error, never a pass', async () => {
    const sut = await system((b, n) => {
      if (b.id === 'flaky' && n === 0) return { status: 500, body: { error: 'boom' } };
      if (b.id === 'limited' && b.trial === 0)
        return { status: 429, body: {}, headers: { 'retry-after': '0' } };
      if (b.id === 'bad') return { status: 400, body: { error: 'bad request' } };
      return {};
    });
    const dir = suiteDir({
      'evalgate.yml': config(sut.url),
      'cases.jsonl': okCases(['flaky', 'limited', 'bad']),
    });
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    const target = await createTarget(suite.config.target, { rootDir: dir, concurrency: 1 });
    try {
      const trials = await runTrials({
        suite,
        cases: suite.cases,
        sides: [{ label: 'run', target }],
        trials: 1,
        concurrency: 1,
        timeoutMs: 2000,
        retries: 2,
        retryDelayMs: 5,
      });
      const byCase = trials.get('run')!;
      expect(byCase.get('flaky')![0]).toMatchObject({ status: 'pass', attempts: 2 });
      // 429 on every attempt: retried to the limit, then an error trial.
      expect(byCase.get('limited')![0]).toMatchObject({ status: 'error', attempts: 3 });
      expect(byCase.get('limited')![0].trace.error?.kind).toBe('rate_limit');
      expect(byCase.get('bad')![0]).toMatchObject({ status: 'error', attempts: 1 });
      expect(byCase.get('bad')![0].checks[0].status).toBe('error');
    } finally {
      await target.close();
    }
  });

  it('interleaves base and head trials of each case', async () => {
    const order: string[] = [];
    const base = await system((b) => (order.push(`base:${b.id}:${b.trial}`), {}));
    const head = await system((b) => (order.push(`head:${b.id}:${b.trial}`), {}));
    const dir = suiteDir({ 'evalgate.yml': config(base.url), 'cases.jsonl': okCases(['x', 'y']) });
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    const tb = await createTarget(
      { kind: 'http', url: base.url },
      { rootDir: dir, concurrency: 1 },
    );
    const th = await createTarget(
      { kind: 'http', url: head.url },
      { rootDir: dir, concurrency: 1 },
    );
    await runTrials({
      suite,
      cases: suite.cases,
      sides: [
        { label: 'base', target: tb },
        { label: 'head', target: th },
      ],
      trials: 2,
      concurrency: 1,
      timeoutMs: 2000,
      retries: 0,
    });
    await tb.close();
    await th.close();
    expect(order).toEqual([
      'base:x:0',
      'head:x:0',
      'base:x:1',
      'head:x:1',
      'base:y:0',
      'head:y:0',
      'base:y:1',
      'head:y:1',
    ]);
  });

  it('stops on abort, keeps the trials that finished and marks the run interrupted', async () => {
    const controller = new AbortController();
    const sut = await system((_b, n) => {
      if (n === 3) setTimeout(() => controller.abort(), 5);
      return { delayMs: n >= 3 ? 300 : 0 };
    });
    const dir = suiteDir({
      'evalgate.yml': config(sut.url),
      'cases.jsonl': okCases(['a', 'b', 'c', 'd', 'e', 'f']),
    });
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    const started = Date.now();
    const results = await runSuite({ suite, concurrency: 1, trials: 1, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(results.meta.interrupted).toBe(true);
    // Three finished; the one cut short is dropped, not counted as an error; the rest never ran.
    expect(results.meta.counts).toMatchObject({ cases: 3, trials: 3, pass: 3, error: 0 });
    expect(sut.seen.length).toBe(4);
  });

  it('records the config in the results with target env and header values masked', async () => {
    const sut = await system(() => ({}));
    const yml = config(sut.url).replace(
      `target: {http: {url: "${sut.url}"}}`,
      `target: {http: {url: "${sut.url}", headers: {Authorization: "Bearer sk-test-0123456789abcdef0123"}}, env: {API_KEY: "hunter2-secret"}}`,
    );
    const dir = suiteDir({ 'evalgate.yml': yml, 'cases.jsonl': okCases(['a']) });
    const results = await runSuite({ suite: await loadSuite(join(dir, 'evalgate.yml')) });
    expect(results.meta.counts.pass).toBe(2);
    const target = results.meta.config!.target as {
      headers?: Record<string, string>;
      env?: Record<string, string>;
    };
    expect(target.headers).toEqual({ Authorization: '***' });
    expect(target.env).toEqual({ API_KEY: '***' });
    const text = JSON.stringify(results);
    expect(text).not.toContain('sk-test-0123456789abcdef0123');
    expect(text).not.toContain('hunter2-secret');
  });

  it('builds results that leave out cases with no finished trial', async () => {
    const dir = suiteDir({
      'evalgate.yml': config('http://127.0.0.1:9/'),
      'cases.jsonl': okCases(['a', 'b']),
    });
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    const now = new Date();
    const results = buildResults({ suite, cases: suite.cases, trials: 1 }, 'run', new Map(), {
      startedAt: now,
      finishedAt: now,
    });
    expect(results.cases).toEqual([]);
    expect(results.meta.counts.cases).toBe(0);
    expect(results.meta.suite_hash).toBe(suite.hash);
  });
});
