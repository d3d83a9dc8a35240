/**
 * The conversation examples of docs/targets.md, run as written (extracted from the page) through
 * `evalgate run`'s path: a scripted conversation whose refund needs the order id of turn 1, and
 * a single-turn case that must work as before.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSuite } from '../src/pipeline/run-suite.ts';
import { loadSuite } from '../src/suite/index.ts';
import { suiteDir } from './helpers/suite-dir.ts';
import { node } from './helpers/targets.ts';

const DOC = readFileSync(join(import.meta.dirname, '..', 'docs', 'targets.md'), 'utf8');

/** The first fenced code block after the line that names `file`. */
function example(file: string): string {
  const at = DOC.indexOf(`(\`${file}\``);
  if (at < 0) throw new Error(`docs/targets.md has no example ${file}`);
  const m = /```\w*\n([\s\S]*?)```/.exec(DOC.slice(at));
  if (!m) throw new Error(`no code block after ${file}`);
  return m[1];
}

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const CASES = [
  {
    id: 'conv',
    turns: [{ user: 'Hi, my order is A-1001.' }, { user: 'Please refund it.' }],
    checks: [
      {
        type: 'tool_called',
        mode: 'refunds',
        name: 'issue_refund',
        args: { order_id: 'A-1001' },
        turn: 2,
      },
      { type: 'tool_not_called', mode: 'refunds', name: 'issue_refund', turn: 1 },
      { type: 'remembers', mode: 'refunds', value: 'A-1001' },
      { type: 'contains', mode: 'refunds', value: 'Refund issued for A-1001.' },
    ],
  },
  {
    id: 'single',
    input: { messages: [{ role: 'user', content: 'hello' }] },
    checks: [{ type: 'equals', mode: 'refunds', value: 'You asked: hello' }],
  },
];

async function run(file: string, target: string, cases = CASES) {
  const dir = suiteDir({
    [file]: example(file),
    'evalgate.yml': `version: 1
target: ${target}
datasets: [cases.jsonl]
failure_modes: {refunds: critical}
trials: 1
concurrency: 2
timeout: 20s
retries: 0
`,
    'cases.jsonl': cases.map((c) => JSON.stringify(c)).join('\n'),
  });
  const results = await runSuite({ suite: await loadSuite(join(dir, 'evalgate.yml')) });
  return Object.fromEntries(results.cases.map((c) => [c.id, c.trials[0]]));
}

async function expectWorks(file: string, target: string) {
  const trials = await run(file, target);
  for (const t of Object.values(trials)) {
    expect(
      t.checks.filter((k) => k.status !== 'pass'),
      JSON.stringify(t.trace),
    ).toEqual([]);
    expect(t.status).toBe('pass');
  }
  expect(trials.conv.trace.turns).toHaveLength(2);
}

const http = (start: string) => `{http: {url: "http://127.0.0.1:{port}/eval", start: '${start}'}}`;

describe('the conversation examples in docs/targets.md', () => {
  it('Node command', () => expectWorks('conv_entry.mjs', `{command: '${node('conv_entry.mjs')}'}`));
  it('Node worker', () =>
    expectWorks('conv_worker.mjs', `{worker: '${node('conv_worker.mjs')}', workers: 2}`));
  it('Node server', () => expectWorks('conv_server.mjs', http(node('conv_server.mjs'))));
  it('module', () => expectWorks('conv_agent.mjs', '{module: ./conv_agent.mjs#runCase}'));
  it.skipIf(!hasPython)('Python command', () =>
    expectWorks('conv_entry.py', `{command: python3 conv_entry.py}`),
  );
  it.skipIf(!hasPython)('Python worker', () =>
    expectWorks('conv_worker.py', `{worker: python3 conv_worker.py, workers: 2}`),
  );
  it.skipIf(!hasPython)('Python server', () =>
    expectWorks('conv_server.py', http('python3 conv_server.py')),
  );

  const whole = (target: string) => `${target.slice(0, -1)}, conversation: whole}`;
  const conversationOnly = [CASES[0]];
  it('Node command, conversation: whole', async () => {
    const t = await run(
      'conv_whole.mjs',
      whole(`{command: '${node('conv_whole.mjs')}'}`),
      conversationOnly,
    );
    expect(t.conv.status).toBe('pass');
    expect(t.conv.attempts).toBe(1);
  });
  it.skipIf(!hasPython)('Python command, conversation: whole', async () => {
    const t = await run(
      'conv_whole.py',
      whole('{command: python3 conv_whole.py}'),
      conversationOnly,
    );
    expect(t.conv.status).toBe('pass');
    expect(t.conv.attempts).toBe(1);
  });
});
