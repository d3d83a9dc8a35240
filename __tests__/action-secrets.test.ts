/**
 * Secrets never reach public output, tried on the real action (`node dist/index.js`, see
 * actionEntry) against the loopback GitHub. A tiny http target echoes every secret value it can
 * see into everything a trace has: output, failing check reasons, tool arguments (keys and
 * values), stderr, the trace id behind the trace links, metadata keys, error messages; the
 * dataset puts one into case ids. Then nothing the action wrote or sent may contain any of them:
 * the PR comment, the check run (title, summary, annotations), the job summary, the outputs,
 * the log as the runner shows it, and every file of the artifact and the cache (results,
 * comparison, report.html, comment.md).
 *
 * The same repository checks that the accept label is read from the PR through the API when
 * the job runs (a re-run replays the old event payload), and falls back to the event's labels
 * with a warning when the API cannot tell.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionEntry,
  filesUnder,
  pullRequestPayload,
  runAction,
  type ActionRun,
} from './helpers/action-run.ts';
import { git } from './helpers/action-repo.ts';
import { startGitHubServer, TOKENS, type GitHubServer } from './helpers/github-server.ts';

const REPO = { owner: 'octo-org', repo: 'secret-repo' };
const ACCEPT_LABEL = 'eval-regression-accepted';
const PR = { leak: 21, relabeled: 22, unknown: 23 };
const ENTRY = actionEntry();

/** Values no pattern would catch: only knowing them masks them. */
const SECRETS = {
  /** An environment variable named like a secret (a workflow's `env: FOO_API_KEY: ...`). */
  envKey: 'fooKeyValue-7Qm2xZ',
  /** The http target's header value. */
  header: 'hdr/Value+9Lp3Wq',
  /** A target `env` value. */
  targetEnv: 'tgtEnvValue-4Rt8Yk',
  /** The variable the judge's `api_key_env` names (its name says nothing). */
  judgeKey: 'judgeKey-2Vn6Hs',
  /** The action's openai-api-key input. */
  openaiInput: 'oaiInputKey-5Bd1Jc',
  /** The GitHub token (the runner hands inputs to the process, and so to the target). */
  token: TOKENS.actions,
};
const ALL = Object.values(SECRETS);

/** Every form a value can take in what the action writes: as is, in a URL, in a JSON string. */
const forms = (v: string) => [
  ...new Set([v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]),
];

const CONFIG = `version: 1
target:
  http:
    url: http://127.0.0.1:{port}/run
    start: node server.mjs
    headers:
      X-Upstream-Auth: ${SECRETS.header}
  env:
    UPSTREAM_SETTING: ${SECRETS.targetEnv}
datasets: cases.jsonl
failure_modes:
  answers: critical
judge:
  model: gpt-4.1-mini
  api_key_env: JUDGE_CRED_VAR
trace_url: https://traces.example.com/t/{trace_id}
trials: 2
concurrency: 4
timeout: 20s
`;

// The system under test: passes (`OK`) on main, fails on the head, and leaks everything it sees.
const SERVER = `import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
const { fail } = JSON.parse(readFileSync(new URL('./mode.json', import.meta.url), 'utf8'));
const seen = (req) => [
  process.env.FOO_API_KEY,
  req.headers['x-upstream-auth'],
  process.env.UPSTREAM_SETTING,
  process.env.JUDGE_CRED_VAR,
  process.env.OPENAI_API_KEY,
  process.env['INPUT_GITHUB-TOKEN'],
];
createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.method !== 'POST' || !body) return res.end('ok'); // the readiness probe
    const c = JSON.parse(body);
    const s = seen(req);
    const all = s.join(' | ');
    const trace = fail && c.context.error
      ? { error: { message: 'upstream refused key ' + all } }
      : {
          output: (fail ? 'LEAK ' : 'OK ') + all,
          messages: [{ role: 'user', content: 'q ' + all }, { role: 'assistant', content: all }],
          tool_calls: [{ name: 'lookup', arguments: { [s[0]]: s[1], key: s[2], token: s[5] }, result: { [s[3]]: s[4] } }],
          stderr: 'debug: ' + all,
          trace_id: 'tr-' + s[0] + '-' + s[1] + '-' + c.trial,
          metadata: { [s[2]]: s[5], note: all },
        };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(trace));
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

function dataset(): string {
  const lines = [];
  for (let i = 0; i < 8; i++) {
    lines.push(
      JSON.stringify({
        // Case ids are written by the PR author: one carries a secret value outright.
        id: i === 0 ? `case-${SECRETS.envKey}` : `case-${i}`,
        input: { q: `question ${i}` },
        context: { error: i === 7 },
        checks: [{ type: 'contains', value: 'OK', mode: 'answers' }],
      }),
    );
  }
  return lines.join('\n') + '\n';
}

interface Repo {
  root: string;
  baseSha: string;
  headSha: string;
  checkout(): Promise<string>;
}

/** origin.git with main (passing) and `leak` (failing), as in helpers/action-repo.ts. */
async function makeRepo(root: string): Promise<Repo> {
  const origin = join(root, 'origin.git');
  const author = join(root, 'author');
  await git(root, ['init', '-q', '--bare', '-b', 'main', origin]);
  await git(root, ['init', '-q', '-b', 'main', author]);
  await writeFile(join(author, 'evalgate.yml'), CONFIG);
  await writeFile(join(author, 'server.mjs'), SERVER);
  await writeFile(join(author, 'cases.jsonl'), dataset());
  await writeFile(join(author, 'mode.json'), '{"fail": false}\n');
  await git(author, ['add', '-A']);
  await git(author, ['commit', '-q', '-m', 'base']);
  const baseSha = await git(author, ['rev-parse', 'HEAD']);
  await git(author, ['remote', 'add', 'origin', `file://${origin}`]);
  await git(author, ['push', '-q', 'origin', 'main']);
  await git(author, ['checkout', '-q', '-b', 'leak']);
  await writeFile(join(author, 'mode.json'), '{"fail": true}\n');
  await git(author, ['commit', '-q', '-am', 'leak']);
  const headSha = await git(author, ['rev-parse', 'HEAD']);
  await git(author, ['push', '-q', 'origin', 'leak']);
  let n = 0;
  return {
    root,
    baseSha,
    headSha,
    async checkout() {
      const dir = join(root, `workspace-${++n}`);
      await git(root, ['clone', '-q', '--depth', '1', '--branch', 'leak', `file://${origin}`, dir]);
      return dir;
    },
  };
}

let tmp: string;
let repo: Repo;
let gh: GitHubServer;

beforeAll(async () => {
  if (ENTRY.kind === 'src') console.warn(`action secrets: running src/index.ts (${ENTRY.why})`);
  tmp = await mkdtemp(join(tmpdir(), 'evalgate-secrets-e2e-'));
  await mkdir(join(tmp, 'repo'));
  repo = await makeRepo(join(tmp, 'repo'));
  const pull = { head_sha: repo.headSha, head_ref: 'leak', base_sha: repo.baseSha };
  gh = await startGitHubServer({
    ...REPO,
    pulls: [
      { number: PR.leak, ...pull },
      // The label was added after the event fired: only the API knows it.
      { number: PR.relabeled, ...pull, labels: ['bug', ACCEPT_LABEL] },
    ],
  });
}, 60_000);

afterAll(async () => {
  await gh?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function runPr(
  number: number,
  eventLabels: string[] = [],
): Promise<ActionRun & { storeDir: string }> {
  const storeDir = await mkdtemp(join(tmp, 'store-'));
  const run = await runAction({
    entry: ENTRY.path,
    workspace: await repo.checkout(),
    eventName: 'pull_request',
    payload: pullRequestPayload({
      ...REPO,
      number,
      baseSha: repo.baseSha,
      headSha: repo.headSha,
      headRef: 'leak',
      labels: eventLabels,
    }),
    repository: REPO,
    apiUrl: gh.url,
    sha: repo.headSha,
    inputs: {
      'github-token': SECRETS.token,
      'openai-api-key': SECRETS.openaiInput,
      mode: 'auto',
      comment: 'update',
      'check-name': 'evalgate',
    },
    env: { FOO_API_KEY: SECRETS.envKey, JUDGE_CRED_VAR: SECRETS.judgeKey },
    storeDir,
    tmpRoot: tmp,
    timeoutMs: 90_000,
  });
  return Object.assign(run, { storeDir });
}

const log = (r: ActionRun) => `${r.stdout}\n${r.stderr}`;
/** The log as the runner shows it: it consumes `::add-mask::` lines. */
const shownLog = (r: ActionRun) =>
  log(r)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

describe(`secrets in the action's output (${ENTRY.kind === 'dist' ? 'dist/index.js' : 'src/index.ts'})`, () => {
  let r: ActionRun & { storeDir: string };

  beforeAll(async () => {
    r = await runPr(PR.leak);
  }, 120_000);

  it('the run itself went as designed: blocked, with comment, check, annotations, artifact', () => {
    expect(r.code, log(r)).toBe(1);
    expect(gh.state.violations).toEqual([]);
    expect(r.outputs.verdict).toBe('block');
    const comment = gh.state.comments.find((c) => c.issue_number === PR.leak)!;
    expect(comment.body).toContain('[REDACTED]');
    expect(comment.body).toContain('head trace');
    const check = gh.state.checkRuns.find((c) => c.head_sha === repo.headSha)!;
    expect(check.annotations.length).toBeGreaterThan(0);
    expect(r.summary).toContain('[REDACTED]');
    const files = filesUnder(join(r.runnerTemp, 'evalgate-out')).map((f) => f.split('/').pop());
    expect(files).toEqual(
      expect.arrayContaining([
        'base-results.json',
        'head-results.json',
        'comparison.json',
        'report.html',
        'comment.md',
      ]),
    );
    expect(filesUnder(r.storeDir).length).toBeGreaterThan(0);
  });

  it('every secret value is registered with the runner (::add-mask::)', () => {
    const masked = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
    for (const v of ALL) expect(masked, v).toContain(v);
  });

  it('no secret in any form reaches the comment, check run, summary, outputs, log or files', () => {
    const outputs: [string, string][] = [
      ...gh.state.comments.map((c): [string, string] => [`comment ${c.id}`, c.body]),
      ...gh.state.checkRuns.map((c): [string, string] => [`check run ${c.id}`, JSON.stringify(c)]),
      ...gh.state.requests.map((q): [string, string] => [
        `request ${q.method} ${q.url}`,
        `${q.url} ${JSON.stringify(q.body ?? null)}`,
      ]),
      ['job summary', r.summary],
      ['outputs', JSON.stringify(r.outputs)],
      ['log', shownLog(r)],
      ...[...filesUnder(r.runnerTemp), ...filesUnder(r.storeDir)].map((f): [string, string] => [
        f,
        readFileSync(f, 'utf8'),
      ]),
    ];
    expect(outputs.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const [where, text] of outputs)
      for (const v of ALL)
        for (const form of forms(v)) if (text.includes(form)) leaks.push(`${where}: ${form}`);
    expect(leaks).toEqual([]);
  });
});

describe('the accept label is read from the PR when the job runs', () => {
  it('a label added after the event (a re-run replays the old payload) counts', async () => {
    const r = await runPr(PR.relabeled, []);
    expect(r.code, log(r)).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.stdout).toMatch(
      new RegExp(`^::warning::evalgate: regression accepted by the "${ACCEPT_LABEL}" label`, 'm'),
    );
    expect(
      gh.state.requests.some(
        (q) =>
          q.method === 'GET' &&
          q.url.startsWith(`/repos/${REPO.owner}/${REPO.repo}/issues/${PR.relabeled}/labels`),
      ),
    ).toBe(true);
    const comment = gh.state.comments.find((c) => c.issue_number === PR.relabeled)!;
    expect(comment.body.split('\n')[0]).toMatch(/accepted/i);
  }, 120_000);

  it("when the API cannot tell, the event's labels count, with a warning", async () => {
    // The loopback GitHub does not know this PR: reading its labels answers 404.
    const r = await runPr(PR.unknown, [ACCEPT_LABEL]);
    expect(r.code, log(r)).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^::warning::evalgate: could not read the labels of PR #${PR.unknown} \\(Not Found\\)`,
        'm',
      ),
    );
    expect(r.outputs.verdict).toBe('pass');
  }, 120_000);
});
