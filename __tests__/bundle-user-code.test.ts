/**
 * User code loaded by the bundle, as users run it: `module` targets and `script` checks through
 * dist/cli/index.js (the CLI), bin/evalgate.js (the installed command) and dist/index.js (the
 * action). The bundler once turned every dynamic import() into an empty stub, and every test
 * passed because they all imported src/. These tests never fall back to src/: a stale bundle
 * fails them (run `npm run bundle`), and CI checks dist/ equals a fresh bundle.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchPayload, runAction } from './helpers/action-run.ts';
import { completion, LOOKUP_ORDER_TOOLS, startFakeOpenAI } from './helpers/openai-server.ts';
import type { Results } from '../src/types.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURE = join(ROOT, '__tests__/fixtures/bundle');
const CLI = join(ROOT, 'dist/cli/index.js');
const ACTION = join(ROOT, 'dist/index.js');
const BIN = join(ROOT, 'bin/evalgate.js');
const run = promisify(execFile);

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

let tmp: string;

beforeAll(async () => {
  for (const f of [CLI, ACTION])
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run bundle\` first`);
  if (!process.env.CI && newest(join(ROOT, 'src')) > statSync(CLI).mtimeMs + 5_000)
    throw new Error('dist/ is older than src/: run `npm run bundle` (these tests run the bundle)');
  tmp = await mkdtemp(join(tmpdir(), 'evalgate-bundle-'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A copy of the fixture suite with `target.module` set to `module`. */
async function suiteWith(module: string): Promise<string> {
  const dir = await mkdtemp(join(tmp, 'suite-'));
  await cp(FIXTURE, dir, { recursive: true });
  const config = await readFile(join(dir, 'evalgate.yml'), 'utf8');
  await writeFile(join(dir, 'evalgate.yml'), config.replace(/module: .*/, `module: ${module}`));
  return dir;
}

/** Per case: the statuses of its checks over its trials. */
function outcomes(r: Results): Record<string, string[]> {
  return Object.fromEntries(
    r.cases.map((c) => [c.id, c.trials.flatMap((t) => t.checks.map((k) => k.status))]),
  );
}

const EXPECTED = {
  // q1 repeats the question and is short; q2 repeats it but is longer than its max of 5.
  q1: ['pass', 'pass', 'pass', 'pass'],
  q2: ['pass', 'fail', 'pass', 'fail'],
};

describe('the bundled CLI loads user modules', () => {
  for (const [how, entry] of [
    ['dist/cli/index.js', CLI],
    ['bin/evalgate.js', BIN],
  ] as const) {
    for (const module of ['./agent.ts#runCase', './agent.mjs#default']) {
      it(`${how}: a module target ${module} and script checks in .mjs and .ts`, async () => {
        const dir = await suiteWith(module);
        const out = join(dir, 'results.json');
        const { stdout } = await run(process.execPath, [entry, 'run', '--out', out, '-q'], {
          cwd: dir,
        });
        expect(stdout).toMatch(/2 cases, 4 trials: 2 pass, 2 fail, 0 error/);
        const results = JSON.parse(await readFile(out, 'utf8')) as Results;
        expect(outcomes(results)).toEqual(EXPECTED);
      });
    }
  }

  it('a module that cannot be imported is one clear error line, exit 3', async () => {
    const dir = await suiteWith('./missing.ts#runCase');
    const err = await run(process.execPath, [CLI, 'run', '-q'], { cwd: dir }).catch((e) => e);
    expect(err.code).toBe(3);
    expect(err.stderr).toMatch(/module target: .*missing\.ts not found/);
    expect(err.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('the bundled CLI grades with a judge', () => {
  it('sends the trace to an OpenAI-compatible server through the bundled openai client', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const prompt = JSON.parse(body).messages.at(-1).content as string;
        seen.push(`${req.url} ${req.headers.authorization}`);
        const pass = prompt.includes('where is my refund'); // the answer, not the rubric
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-bundle',
            object: 'chat.completion',
            created: 0,
            model: 'judge-mini',
            choices: [
              {
                index: 0,
                message: {
                  role: 'assistant',
                  content: JSON.stringify({ pass, reason: pass ? 'on topic' : 'off topic' }),
                  refusal: null,
                },
                finish_reason: 'stop',
                logprobs: null,
              },
            ],
            usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const dir = await suiteWith('./agent.ts#runCase');
      const config = await readFile(join(dir, 'evalgate.yml'), 'utf8');
      await writeFile(
        join(dir, 'evalgate.yml'),
        `${config}judge: { model: judge-mini, base_url: "${url}", api_key_env: BUNDLE_JUDGE_KEY }\n`,
      );
      const judged = (id: string, q: string) =>
        JSON.stringify({
          id,
          input: { question: q },
          checks: [{ type: 'judge', rubric: 'Stays on the refund topic.', mode: 'echo' }],
        });
      await writeFile(
        join(dir, 'cases.jsonl'),
        `${judged('j1', 'where is my refund?')}\n${judged('j2', 'what are your hours?')}\n`,
      );
      const out = join(dir, 'results.json');
      await run(process.execPath, [CLI, 'run', '--out', out, '-q'], {
        cwd: dir,
        env: { ...process.env, BUNDLE_JUDGE_KEY: 'sk-bundle-test-key' },
      });
      const results = JSON.parse(await readFile(out, 'utf8')) as Results;
      expect(outcomes(results)).toEqual({ j1: ['pass', 'pass'], j2: ['fail', 'fail'] });
      expect(seen[0]).toBe('/v1/chat/completions Bearer sk-bundle-test-key');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('the bundled CLI compares answers pairwise in a pull request', () => {
  it('pr: a head worse than the base blocks; follows_policy reads its policy_file', async () => {
    const fake = await startFakeOpenAI();
    // Pairwise: prefers the answer that echoes the question over "nope"; policy: always followed.
    fake.model = (body: any) => {
      const user = body.messages[1].content as string;
      if (!user.includes('<answer_a>'))
        return completion({
          content: JSON.stringify({ pass: user.includes('Never say nope'), reason: 'policy' }),
        });
      const a = user.slice(user.indexOf('<answer_a>\n'), user.indexOf('\n</answer_a>'));
      return completion({
        content: JSON.stringify({ better: a.includes('nope') ? 'B' : 'A', reason: 'echo' }),
      });
    };
    const dir = await suiteWith('./agent.mjs#default');
    const git = (...args: string[]) =>
      run('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir });
    try {
      const config = await readFile(join(dir, 'evalgate.yml'), 'utf8');
      await writeFile(
        join(dir, 'evalgate.yml'),
        `${config.replace('length: minor', 'length: minor\n  policy: minor')}judge: { model: judge-mini, base_url: "${fake.url}" }\ngate: { adaptive: false }\n`,
      );
      await writeFile(join(dir, 'policy.md'), 'Never say nope.\n');
      const ids = Array.from({ length: 8 }, (_, i) => `p${i}`);
      await writeFile(
        join(dir, 'cases.jsonl'),
        ids
          .map((id) =>
            JSON.stringify({
              id,
              input: { question: `question ${id}` },
              checks: [
                { type: 'pairwise', rubric: 'Echoes the question.', mode: 'echo' },
                { type: 'follows_policy', policy_file: 'policy.md', mode: 'policy' },
              ],
            }),
          )
          .join('\n') + '\n',
      );
      await writeFile(join(dir, '.gitignore'), '.evalgate/\n');
      await git('init', '-q', '-b', 'main');
      await git('add', '-A');
      await git('commit', '-q', '-m', 'base');
      await git('tag', 'base');
      // The head answers "nope" to everything.
      await writeFile(join(dir, 'agent.mjs'), "export default async () => ({ output: 'nope' });\n");
      await git('commit', '-qam', 'head');
      const r = await run(process.execPath, [CLI, 'pr', '--base', 'base', '-q'], {
        cwd: dir,
      }).catch((e) => e);
      expect(r.stdout).toMatch(/BLOCKED/i);
      expect(r.code).toBe(1);
      const head = JSON.parse(
        await readFile(join(dir, '.evalgate', 'pr', 'head-results.json'), 'utf8'),
      ) as Results;
      expect(head.cases[0].trials[0].checks[0]).toMatchObject({
        type: 'pairwise',
        status: 'fail',
        reason: 'head worse than base in both orders: echo',
      });
      expect(head.cases[0].trials[0].checks[1]).toMatchObject({
        type: 'follows_policy',
        status: 'pass',
      });
    } finally {
      await fake.close();
    }
  });
});

describe('the bundled CLI runs an openai target', () => {
  it('a prompt, tool schemas and a fixture module, through the bundled openai client', async () => {
    const fake = await startFakeOpenAI();
    try {
      const dir = await mkdtemp(join(tmp, 'openai-'));
      const files: Record<string, string> = {
        'evalgate.yml': `version: 1
target:
  openai:
    model: gpt-4.1-mini
    base_url: ${fake.url}
    api_key_env: BUNDLE_OPENAI_KEY
    system_prompt: prompt.md
    tools: tools.json
    fixtures: ./fixtures.ts#callTool
datasets: [cases.jsonl]
failure_modes: {grounded: critical}
trials: 1
`,
        'prompt.md': 'ALWAYS look up the order.',
        'tools.json': JSON.stringify(LOOKUP_ORDER_TOOLS),
        // A TypeScript fixture module: loaded by Node's import() from the bundle.
        'fixtures.ts':
          'export function callTool(call: { name: string; arguments: { order_id: string } }): unknown {\n' +
          '  return { status: call.arguments.order_id === "A100" ? "shipped" : "lost" };\n}\n',
        'cases.jsonl': ['A100', 'A200']
          .map((o) =>
            JSON.stringify({
              id: o,
              input: `Where is ${o}?`,
              checks: [
                { type: 'tool_called', name: 'lookup_order', mode: 'grounded' },
                { type: 'contains', value: 'shipped', mode: 'grounded' },
              ],
            }),
          )
          .join('\n'),
      };
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      const out = join(dir, 'results.json');
      const { stdout } = await run(process.execPath, [CLI, 'run', '--out', out, '-q'], {
        cwd: dir,
        env: { ...process.env, BUNDLE_OPENAI_KEY: 'sk-bundle-openai' },
      });
      const results = JSON.parse(await readFile(out, 'utf8')) as Results;
      expect(outcomes(results)).toEqual({ A100: ['pass', 'pass'], A200: ['pass', 'fail'] });
      expect(results.cases[0].trials[0].trace.tool_calls?.[0]).toMatchObject({
        name: 'lookup_order',
        arguments: { order_id: 'A100' },
        result: { status: 'shipped' },
      });
      expect(results.meta.usage.cost_usd).toBeCloseTo(2 * 0.00112, 9);
      // The run's summary line says what it spent.
      expect(stdout).toMatch(/2 cases, 2 trials: 1 pass, 1 fail, 0 error, \$0\.0022 → /);
      expect(fake.seen[0].headers.authorization).toBe('Bearer sk-bundle-openai');
    } finally {
      await fake.close();
    }
  });
});

describe('the bundled action loads user modules', () => {
  it('a workflow_dispatch full run with a module target and script checks', async () => {
    const workspace = await suiteWith('./agent.ts#runCase');
    const repository = { owner: 'octo-org', repo: 'octo-repo' };
    const result = await runAction({
      entry: ACTION,
      workspace,
      eventName: 'workflow_dispatch',
      payload: dispatchPayload(repository),
      repository,
      apiUrl: 'http://127.0.0.1:9', // no token: nothing is sent
      sha: 'f'.repeat(40),
      inputs: { mode: 'full', comment: 'off', baseline: 'false' },
      storeDir: join(workspace, 'store'),
      tmpRoot: tmp,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/could not import|Cannot find module/);
    const results = JSON.parse(await readFile(result.outputs['results-path'], 'utf8')) as Results;
    expect(outcomes(results)).toEqual(EXPECTED);
    expect(result.summary).toMatch(/echo/);
  });
});
