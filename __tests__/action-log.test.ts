/**
 * No line the action writes to its log can start a workflow command from a pull request's text.
 * The action runs as GitHub runs it (`node dist/index.js`, see actionEntry) on a repository whose
 * head commit is hostile: its mode names, case ids, target output and stderr, and the output of
 * the setup command hold `::error::`, `::add-mask::`, `::stop-commands::`, `##[...]` and `\r`
 * tricks. The log is read back the way the runner reads it (helpers/workflow-commands.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from './helpers/action-repo.ts';
import {
  actionEntry,
  dispatchPayload,
  pullRequestPayload,
  runAction,
  type ActionRun,
} from './helpers/action-run.ts';
import { unintendedCommands, workflowCommands } from './helpers/workflow-commands.ts';

const ENTRY = actionEntry();
const REPO = { owner: 'octo-org', repo: 'octo-repo' };

/** Every way we know to start a command from inside a string, each tagged PWNED. */
const INJECT = [
  '\n::error title=PWNED::PWNED newline',
  '\n  ::add-mask::evalgate',
  '\r::warning::PWNED carriage return',
  '\n::stop-commands::PWNEDTOKEN',
  '\u2028::notice::PWNED line separator',
  ' ##[error]PWNED legacy form',
  '\n\u00a0::error::PWNED after a no-break space',
].join('');

const HOSTILE_MODE = `tone${INJECT}`;

function suiteFiles(head: boolean): Record<string, string> {
  const cases = Array.from({ length: 16 }, (_, i) =>
    JSON.stringify({
      id: `case-${i}${i % 4 === 0 ? INJECT : ''}`,
      input: `question ${i}${INJECT}`,
      tags: [`t${INJECT}`],
      checks: [
        { type: 'contains', value: 'ok', mode: 'correct' },
        { type: 'contains', value: 'polite', mode: HOSTILE_MODE },
      ],
    }),
  ).join('\n');
  // The base is rude and the head polite: the hostile mode improves, so the passing verdict's
  // log line names it.
  const system = `
    let input = '';
    process.stdin.on('data', (c) => (input += c));
    process.stdin.on('end', () => {
      process.stderr.write(${JSON.stringify(`stderr${INJECT}\n`)});
      process.stdout.write(${JSON.stringify(`::error::PWNED stdout before the trace\n`)});
      process.stdout.write(JSON.stringify({ output: ${JSON.stringify(head ? 'ok polite' : 'ok')} + ${JSON.stringify(INJECT)} }));
    });
  `;
  const setup = `process.stdout.write(${JSON.stringify(`setup${INJECT}\n::error::PWNED setup\n`)}); process.stderr.write(${JSON.stringify(`  ::warning::PWNED setup stderr\n##[add-mask]PWNED\n`)});`;
  return {
    'evalgate.yml': [
      'version: 1',
      'target:',
      '  command: node system.mjs',
      'datasets:',
      '  - cases.jsonl',
      'failure_modes:',
      '  correct:',
      '    severity: critical',
      `  ${JSON.stringify(HOSTILE_MODE)}:`,
      '    severity: minor',
      'trials: 1',
      'concurrency: 4',
      '',
    ].join('\n'),
    'cases.jsonl': cases + '\n',
    'system.mjs': system,
    'setup.mjs': setup,
  };
}

let tmp: string;
let repoDir: string;
let baseSha: string;
let headSha: string;

async function commit(files: Record<string, string>, message: string): Promise<string> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(repoDir, name), text);
  await git(repoDir, ['add', '-A']);
  await git(repoDir, ['commit', '-q', '-m', message]);
  return git(repoDir, ['rev-parse', 'HEAD']);
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'evalgate-log-'));
  repoDir = join(tmp, 'repo');
  await git(tmp, ['init', '-q', '-b', 'main', repoDir]);
  baseSha = await commit(suiteFiles(false), 'base');
  headSha = await commit(suiteFiles(true), 'hostile head');
}, 30_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const logOf = (r: ActionRun) => `${r.stdout}\n${r.stderr}`;

function expectNoInjectedCommand(r: ActionRun) {
  const log = logOf(r);
  expect(unintendedCommands(log), log).toEqual([]);
  // Our own annotations may quote the hostile text, escaped: never as a second command.
  for (const c of workflowCommands(log)) expect(c.data).not.toMatch(/(^|\n)\s*::/);
}

describe(`the action's log (${ENTRY.kind === 'dist' ? 'dist/index.js' : 'src/index.ts'})`, () => {
  it('a pull request: hostile mode names, ids, target output and setup output start no command', async () => {
    const r = await runAction({
      entry: ENTRY.path,
      workspace: repoDir,
      eventName: 'pull_request',
      payload: pullRequestPayload({ ...REPO, number: 3, baseSha, headSha, headRef: 'hostile' }),
      repository: REPO,
      apiUrl: 'http://127.0.0.1:9',
      sha: headSha,
      inputs: { config: 'evalgate.yml', comment: 'off', setup: 'node setup.mjs' },
      storeDir: join(tmp, 'store-pr'),
      tmpRoot: tmp,
      timeoutMs: 60_000,
    });
    expect(r.code, logOf(r)).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    // The hostile text did reach the log (the mode name in the verdict line, the setup
    // output), shown rather than obeyed.
    expect(r.stdout).toMatch(/evalgate: Passed|no failure mode regressed/);
    expect(r.stdout).toContain('PWNED newline');
    expect(r.stdout).toContain('PWNED setup');
    expectNoInjectedCommand(r);
  }, 90_000);

  it('a full run: setup output is logged escaped too', async () => {
    const r = await runAction({
      entry: ENTRY.path,
      workspace: repoDir,
      eventName: 'workflow_dispatch',
      payload: dispatchPayload({ ...REPO }),
      repository: REPO,
      apiUrl: 'http://127.0.0.1:9',
      sha: headSha,
      inputs: { config: 'evalgate.yml', setup: 'node setup.mjs' },
      storeDir: join(tmp, 'store-full'),
      tmpRoot: tmp,
      timeoutMs: 60_000,
    });
    expect(r.code, logOf(r)).toBe(0);
    expect(r.stdout).toContain('PWNED setup');
    expectNoInjectedCommand(r);
  }, 90_000);

  it('an invalid hostile config fails the step with one escaped error', async () => {
    const bad = join(tmp, 'bad');
    await git(tmp, ['clone', '-q', repoDir, bad]);
    await writeFile(
      join(bad, 'evalgate.yml'),
      `version: 1\ntarget:\n  command: node system.mjs\ndatasets: [cases.jsonl]\nfailure_modes:\n  correct: ${JSON.stringify(`nope${INJECT}`)}\n`,
    );
    const r = await runAction({
      entry: ENTRY.path,
      workspace: bad,
      eventName: 'workflow_dispatch',
      payload: dispatchPayload({ ...REPO }),
      repository: REPO,
      apiUrl: 'http://127.0.0.1:9',
      sha: headSha,
      inputs: { config: 'evalgate.yml' },
      storeDir: join(tmp, 'store-bad'),
      tmpRoot: tmp,
    });
    expect(r.code).toBe(1);
    expectNoInjectedCommand(r);
    expect(workflowCommands(logOf(r)).filter((c) => c.name === 'error')).toHaveLength(1);
  }, 60_000);
});
