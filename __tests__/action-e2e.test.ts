/**
 * The action end to end, as GitHub runs it: `node dist/index.js` (see actionEntry) in a depth-1
 * clone of a real git repository, with a recorded webhook payload, the runner's environment and
 * files, a loopback GitHub that checks every request against GitHub's OpenAPI description, and
 * the filesystem storage standing in for the Actions cache and artifact services.
 *
 * The system under test is __tests__/fixtures/action/app/: a deterministic support assistant
 * whose behaviour comes from config/assistant.json, with 30 cases over three failure modes.
 * The scenarios share one repository and one server and run in order (the second and third
 * update the first one's comment).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionEntry,
  filesUnder,
  pullRequestPayload,
  pushPayload,
  dispatchPayload,
  runAction,
  type ActionRun,
  type PullRequestEvent,
} from './helpers/action-run.ts';
import {
  APP_FIXTURE,
  DROPPED_TOPICS,
  git,
  makeActionRepo,
  type ActionRepo,
} from './helpers/action-repo.ts';
import { startGitHubServer, TOKENS, type GitHubServer } from './helpers/github-server.ts';

const REPO = { owner: 'octo-org', repo: 'octo-repo' };
const MARKER = '<!-- evalgate:comment -->';
const ACCEPT_LABEL = 'eval-regression-accepted';
const PR = { block: 7, fork: 8, cached: 9, clean: 10, broken: 11, local: 12 };
const ENTRY = actionEntry();

/** 1-based lines of refusals.jsonl whose cases the regressing head fails. */
const REGRESSED_LINES = readFileSync(join(APP_FIXTURE, 'datasets/refusals.jsonl'), 'utf8')
  .split('\n')
  .map((line, i) => ({ line: i + 1, text: line }))
  .filter(({ text }) => DROPPED_TOPICS.some((t) => text.includes(`"topic":"${t}"`)))
  .map(({ line }) => line);

const caseIdOf = (topic: string) => `refuse-${topic.replace(/_/g, '-')}`;

let repo: ActionRepo;
let gh: GitHubServer;
let tmp: string;
/** Every run's folders, to look for the token in everything the action wrote. */
const written: string[] = [];

beforeAll(async () => {
  if (ENTRY.kind === 'src') console.warn(`action e2e: running src/index.ts (${ENTRY.why})`);
  tmp = await mkdtemp(join(tmpdir(), 'evalgate-e2e-'));
  repo = await makeActionRepo();
  gh = await startGitHubServer({
    ...REPO,
    pulls: [
      {
        number: PR.block,
        head_sha: repo.heads.regress,
        head_ref: 'regress',
        base_sha: repo.baseSha,
      },
      { number: PR.fork, head_sha: repo.heads.regress, head_ref: 'regress', fork: true },
      {
        number: PR.cached,
        head_sha: repo.heads.regress,
        head_ref: 'regress',
        base_sha: repo.baseSha,
      },
      { number: PR.clean, head_sha: repo.heads.clean, head_ref: 'clean', base_sha: repo.baseSha },
      {
        number: PR.broken,
        head_sha: repo.heads.broken,
        head_ref: 'broken',
        base_sha: repo.baseSha,
      },
      {
        number: PR.local,
        head_sha: repo.heads.regress,
        head_ref: 'regress',
        base_sha: repo.baseSha,
      },
    ],
  });
});

afterAll(async () => {
  await gh?.close();
  await repo?.cleanup();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface PrRun {
  number: number;
  head: keyof ActionRepo['heads'];
  action?: PullRequestEvent['action'];
  labels?: string[];
  fork?: boolean;
  token?: string;
  /** EVALGATE_STORE_DIR; `null` leaves it unset (the Actions cache/artifact services). */
  storeDir?: string | null;
}

async function runPr(o: PrRun): Promise<ActionRun> {
  const workspace = await repo.checkout(o.head);
  const headSha = repo.heads[o.head];
  const storeDir =
    o.storeDir === null ? undefined : (o.storeDir ?? (await mkdtemp(join(tmp, 'store-'))));
  const result = await runAction({
    entry: ENTRY.path,
    workspace,
    eventName: 'pull_request',
    payload: pullRequestPayload({
      ...REPO,
      action: o.action,
      number: o.number,
      baseSha: repo.baseSha,
      headSha,
      headRef: o.head,
      labels: o.labels,
      forkOwner: o.fork ? 'forker' : undefined,
    }),
    repository: REPO,
    apiUrl: gh.url,
    sha: headSha,
    inputs: {
      config: 'evalgate.yml',
      'github-token': o.token ?? TOKENS.actions,
      mode: 'auto',
      comment: 'update',
      'check-name': 'evalgate',
    },
    storeDir,
    tmpRoot: tmp,
  });
  written.push(result.runnerTemp, ...(storeDir ? [storeDir] : []));
  return result;
}

/** `::error::`/`::warning::` lines, their data unescaped as the runner does (`%25` is `%`). */
const commands = (r: ActionRun, name: string) =>
  r.stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${name}::`))
    .map((l) => l.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
/** The newest check run on a commit: the one GitHub shows and branch protection reads. */
const latestCheck = (sha: string) => gh.state.checkRuns.filter((c) => c.head_sha === sha).at(-1)!;
const commentsOn = (pr: number) => gh.state.comments.filter((c) => c.issue_number === pr);
const log = (r: ActionRun) => `${r.stdout}\n${r.stderr}`;
/** The log as the runner shows it: it consumes `::add-mask::` lines and hides their values. */
const shownLog = (r: ActionRun) =>
  log(r)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

/** What every run must hold, whatever its verdict. */
function expectHygiene(r: ActionRun) {
  expect(gh.state.violations).toEqual([]);
  for (const token of [TOKENS.actions, TOKENS.readOnly]) {
    expect(shownLog(r)).not.toContain(token);
  }
  // The token was registered as a secret, so the runner would mask it had it slipped out.
  expect(r.stdout).toContain(`::add-mask::${TOKENS.actions}`.slice(0, 20));
  // An unexpected exception prints a stack: never in a run that went as designed.
  expect(log(r)).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

describe(`the action as GitHub runs it (${ENTRY.kind === 'dist' ? 'dist/index.js' : 'src/index.ts'})`, () => {
  it('blocks a regressing PR: exit 1, one sticky comment, outputs, summary, a failing check with annotations', async () => {
    const r = await runPr({ number: PR.block, head: 'regress', action: 'opened' });
    expect(r.code, log(r)).toBe(1);
    expectHygiene(r);

    // Progress in the log: both sides, 30 cases x 2 trials each.
    expect(r.stdout).toMatch(/^evalgate: base \+ head: 120 trials to run$/m);
    // The depth-1 checkout lacked the base: the action fetched it from origin.
    expect(r.stdout).toContain(`fetching ${repo.baseSha.slice(0, 12)} from origin`);
    const errors = commands(r, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::evalgate: Blocked: refusal_policy fell from 100% to 60%/);

    const comments = commentsOn(PR.block);
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(comments[0].user.login).toBe('github-actions[bot]');
    expect(body.split('\n')[0]).toMatch(/Blocked/);
    expect(body.split('\n')[0]).toMatch(/refusal_policy/);
    // The per-mode table: 15 refusal cases x 2 trials and the re-runs of the mixed ones (so the
    // cases have different trial counts), 6 cases failing on the head.
    expect(body).toMatch(
      /^\| `refusal_policy` \| `critical` \| 100% \(15 cases\) \| 60% \(15 cases\) \|/m,
    );
    expect(body).toMatch(/^\| `hallucinated_action` \| `critical` \|/m);
    expect(body).toContain('refuse-salaries');
    expect(body).toContain(MARKER);
    // Each new failure links to its dataset line at the PR's head commit.
    for (const line of REGRESSED_LINES) {
      expect(body).toContain(
        `(https://github.com/octo-org/octo-repo/blob/${repo.heads.regress}/datasets/refusals.jsonl#L${line})`,
      );
    }
    // Unconfirmed flips never in the headline; the reproduce command works without the registry.
    expect(body.split('\n')[0]).not.toMatch(/suspected/i);
    expect(body).toContain('Reproduce locally: `evalgate pr --base ');

    expect(r.outputs).toMatchObject({
      verdict: 'block',
      'regressed-modes': 'refusal_policy',
      'new-failures': String(DROPPED_TOPICS.length),
      'base-source': 'run',
    });
    expect(r.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    const comparison = JSON.parse(await readFile(r.outputs['comparison-path'], 'utf8'));
    expect(comparison.verdict).toBe('block');
    expect(comparison.head.sha).toBe(repo.heads.regress);
    const head = JSON.parse(await readFile(r.outputs['results-path'], 'utf8'));
    expect(head.cases).toHaveLength(30);
    expect(await readFile(r.outputs['report-path'], 'utf8')).toMatch(/^<!doctype html>/i);
    // The artifact went to the store, with the files the outputs name.
    const artifact = filesUnder(written.at(-1)!).map((f) => f.split('/').pop());
    expect(artifact).toEqual(expect.arrayContaining(['comparison.json', 'report.html']));

    expect(r.summary).toMatch(/Blocked/);
    expect(r.summary).toContain('refusal_policy');

    const checks = gh.state.checkRuns.filter((c) => c.head_sha === repo.heads.regress);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      name: 'evalgate',
      status: 'completed',
      conclusion: 'failure',
    });
    const failing = checks[0].annotations.filter((a) => a.annotation_level === 'failure');
    expect(failing.map((a) => a.path)).toEqual(failing.map(() => 'datasets/refusals.jsonl'));
    expect(failing.map((a) => a.start_line).sort((a, b) => a - b)).toEqual(REGRESSED_LINES);
  });

  it('a second run (synchronize) updates the same comment in place', async () => {
    const before = commentsOn(PR.block)[0];
    const r = await runPr({ number: PR.block, head: 'regress', action: 'synchronize' });
    expect(r.code, log(r)).toBe(1);
    expectHygiene(r);
    const comments = commentsOn(PR.block);
    expect(comments).toHaveLength(1);
    expect(comments[0].id).toBe(before.id);
    expect(
      gh.state.requests.filter(
        (q) => q.method === 'PATCH' && q.url.includes(`/issues/comments/${before.id}`),
      ),
    ).toHaveLength(1);
  });

  it('the accept label turns the block into a pass with a warning', async () => {
    // The action asks the API for the PR's labels (the event's may be stale on a re-run).
    gh.state.labels.set(PR.block, ['bug', ACCEPT_LABEL]);
    const r = await runPr({
      number: PR.block,
      head: 'regress',
      action: 'labeled',
      labels: ['bug', ACCEPT_LABEL],
    });
    expect(r.code, log(r)).toBe(0);
    expectHygiene(r);
    expect(r.stdout).not.toContain('::error::');
    expect(commands(r, 'warning').join('\n')).toMatch(
      new RegExp(`^::warning::evalgate: regression accepted by the "${ACCEPT_LABEL}" label`),
    );
    expect(r.outputs.verdict).toBe('pass');
    const comments = commentsOn(PR.block);
    expect(comments).toHaveLength(1);
    expect(comments[0].body.split('\n')[0]).toMatch(/accepted/i);
    // Each workflow run adds a check run; the newest is the one branch protection reads.
    expect(latestCheck(repo.heads.regress).conclusion).toBe('success');
  });

  it('a fork PR with a read-only token: no crash, a notice, exit code per verdict, no 403 trace', async () => {
    const writesBefore = gh.state.comments.length;
    const r = await runPr({ number: PR.fork, head: 'regress', fork: true, token: TOKENS.readOnly });
    expect(r.code, log(r)).toBe(1);
    expectHygiene(r);
    expect(r.stdout).toMatch(/^::notice::evalgate: this PR comes from a fork/m);
    // The 403s are explained in one line each, not thrown.
    expect(r.stdout).toMatch(/^::notice::evalgate: no PR comment: GitHub answered 403/m);
    expect(r.stdout).toMatch(/^::notice::evalgate: check not published: GitHub answered 403/m);
    expect(log(r)).not.toMatch(/HttpError|RequestError/);
    expect(r.outputs.verdict).toBe('block');
    expect(gh.state.comments).toHaveLength(writesBefore);
    expect(commentsOn(PR.fork)).toHaveLength(0);
  });

  it('a push stores a baseline; the next PR restores it and runs only the head side', async () => {
    const storeDir = await mkdtemp(join(tmp, 'store-shared-'));
    const workspace = await repo.checkout('main');
    const push = await runAction({
      entry: ENTRY.path,
      workspace,
      eventName: 'push',
      payload: pushPayload({ ...REPO, sha: repo.baseSha }),
      repository: REPO,
      apiUrl: gh.url,
      sha: repo.baseSha,
      inputs: { 'github-token': TOKENS.actions, mode: 'auto', 'check-name': 'evalgate' },
      storeDir,
      tmpRoot: tmp,
    });
    written.push(push.runnerTemp, storeDir);
    expect(push.code, log(push)).toBe(0);
    expectHygiene(push);
    expect(push.stdout).toMatch(/evalgate: baseline run \(push\)/);
    expect(push.stdout).toMatch(/baseline saved as evalgate-baseline-v1-\w+-/);
    const saved = filesUnder(join(storeDir, 'baselines'));
    expect(saved.some((f) => f.endsWith(`${repo.baseSha}/results.json`))).toBe(true);
    expect(push.outputs['base-source']).toBe('none');
    expect(push.summary).not.toBe('');

    const requestsBefore = gh.state.requests.length;
    const r = await runPr({ number: PR.cached, head: 'regress', storeDir });
    expect(r.code, log(r)).toBe(1);
    expectHygiene(r);
    expect(r.outputs['base-source']).toBe('cache');
    expect(r.stdout).toMatch(/restored baseline evalgate-baseline-v1-/);
    expect(r.stdout).toContain(`reusing cached results of ${repo.baseSha.slice(0, 12)}; 0 case(s)`);
    // Stage 1 ran the head only (30 cases x 2 trials); the base came from the baseline.
    expect(r.stdout).toMatch(/^evalgate: head: 60 trials to run$/m);
    expect(r.stdout).not.toMatch(/base \+ head: \d+ trials to run/);
    // The base side is the baseline's trials, untouched, except the cases the adaptive second
    // stage re-ran on the base (the 6 ambiguous refusal cases, 5 more trials each).
    const base = JSON.parse(
      await readFile(join(r.runnerTemp, 'evalgate-out/base-results.json'), 'utf8'),
    );
    const baseline = JSON.parse(
      readFileSync(
        saved.find((f) => f.endsWith('results.json'))!,
        'utf8',
      ),
    );
    expect(base.meta.baseline_of).toBe(repo.baseSha);
    const rerun = new Set<string>(base.meta.stage2_modes ? DROPPED_TOPICS.map(caseIdOf) : []);
    const byId = new Map(baseline.cases.map((c: { id: string }) => [c.id, c]));
    const reused = base.cases.filter((c: { id: string }) => !rerun.has(c.id));
    expect(reused.length).toBeGreaterThanOrEqual(24);
    for (const c of reused) expect(c).toEqual(byId.get(c.id));
    expect(commentsOn(PR.cached)[0].body).toMatch(/cached baseline/i);
    expect(gh.state.requests.length).toBeGreaterThan(requestsBefore);
  });

  it('a manual full run reports absolute rates, then compares with the latest baseline', async () => {
    const storeDir = await mkdtemp(join(tmp, 'store-dispatch-'));
    const dispatch = async (head: 'main' | 'regress') => {
      const workspace = await repo.checkout(head);
      const run = await runAction({
        entry: ENTRY.path,
        workspace,
        eventName: 'workflow_dispatch',
        payload: dispatchPayload({ ...REPO }),
        repository: REPO,
        apiUrl: gh.url,
        sha: head === 'main' ? repo.baseSha : repo.heads[head],
        inputs: { 'github-token': TOKENS.actions, mode: 'auto' },
        storeDir,
        tmpRoot: tmp,
      });
      written.push(run.runnerTemp);
      expectHygiene(run);
      return run;
    };
    // No baseline yet: every case, all trials, absolute pass rates in the job summary.
    const first = await dispatch('regress');
    expect(first.code, log(first)).toBe(0);
    expect(first.stdout).toMatch(/evalgate: full run \(workflow_dispatch\)/);
    expect(first.outputs['base-source']).toBe('none');
    expect(first.summary).toMatch(/No baseline to compare with/);
    expect(first.summary).toMatch(/refusal_policy/);

    // A push to main stores a baseline; the next full run of the regressing branch compares.
    const push = await runAction({
      entry: ENTRY.path,
      workspace: await repo.checkout('main'),
      eventName: 'push',
      payload: pushPayload({ ...REPO, sha: repo.baseSha }),
      repository: REPO,
      apiUrl: gh.url,
      sha: repo.baseSha,
      inputs: { 'github-token': TOKENS.actions, mode: 'auto' },
      storeDir,
      tmpRoot: tmp,
    });
    written.push(push.runnerTemp, storeDir);
    expect(push.code, log(push)).toBe(0);
    const second = await dispatch('regress');
    expect(second.code, log(second)).toBe(1);
    expect(second.outputs['base-source']).toBe('cache');
    expect(second.outputs.verdict).toBe('block');
    expect(second.summary).toMatch(/Blocked/);
    expect(second.summary).toMatch(/latest baseline/);
  });

  it('a clean head passes with a passed comment (and no cache/artifact service is no failure)', async () => {
    // No EVALGATE_STORE_DIR: the Actions cache and artifact services, which this machine lacks.
    const r = await runPr({ number: PR.clean, head: 'clean', storeDir: null });
    expect(r.code, log(r)).toBe(0);
    expectHygiene(r);
    expect(r.stdout).toMatch(
      /^::notice::evalgate: no baseline restored: the Actions cache is not available/m,
    );
    // The same cache holds traces: its notice names them, not "baseline".
    expect(r.stdout).toMatch(
      /^::notice::evalgate: no trace cache restored: the Actions cache is not available/m,
    );
    expect(r.stdout).toMatch(/^::notice::evalgate: artifact evalgate-report not uploaded/m);
    expect(r.summary).toMatch(/Passed/);
    expect(r.outputs['base-source']).toBe('run');
    expect(r.outputs).toMatchObject({
      verdict: 'pass',
      'regressed-modes': '',
      'new-failures': '0',
    });
    const comments = commentsOn(PR.clean);
    expect(comments).toHaveLength(1);
    expect(comments[0].body.split('\n')[0]).toMatch(/Passed/);
    expect(latestCheck(repo.heads.clean).conclusion).toBe('success');
  });

  it('a broken config in the head fails the step and says so on the PR, with file:line', async () => {
    const r = await runPr({ number: PR.broken, head: 'broken' });
    expect(r.code, log(r)).toBe(1);
    expectHygiene(r);
    const errors = commands(r, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/evalgate\.yml:\d+/);
    expect(errors[0]).toContain('trials');
    expect(r.outputs.verdict).toBe('error');
    const comments = commentsOn(PR.broken);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/Error/);
    expect(comments[0].body).toMatch(/evalgate\.yml:\d+/);
    expect(comments[0].body).toContain(MARKER);
    expect(comments[0].body).not.toMatch(/\n\s+at /);
  });

  it('the token appears nowhere: not in comments, checks, results or artifacts', () => {
    const everything = [
      ...gh.state.comments.map((c) => c.body),
      ...gh.state.checkRuns.map((c) => JSON.stringify(c.output)),
      ...written.flatMap(filesUnder).map((f) => readFileSync(f, 'utf8')),
    ];
    expect(everything.length).toBeGreaterThan(10);
    for (const text of everything) {
      expect(text).not.toContain(TOKENS.actions);
      expect(text).not.toContain(TOKENS.readOnly);
    }
  });
});

describe('npm run local-action with .env.example', () => {
  const root = join(APP_FIXTURE, '../../../..');
  const envExample = readFileSync(join(root, '.env.example'), 'utf8');
  const set = Object.fromEntries(
    [...envExample.matchAll(/^([A-Z][\w.-]*)=(.*)$/gm)].map((m) => [m[1], m[2]]),
  );

  it('.env.example sets only inputs action.yml declares, and no secret', () => {
    const declared = new Set(
      [...readFileSync(join(root, 'action.yml'), 'utf8').matchAll(/^ {2}([a-z][\w-]*):$/gm)].map(
        (m) => m[1],
      ),
    );
    const inputs = Object.keys(set).filter((k) => k.startsWith('INPUT_'));
    expect(inputs.length).toBeGreaterThan(2);
    for (const k of inputs) expect(declared, k).toContain(k.slice(6).toLowerCase());
    expect(Object.keys(set)).not.toContain('INPUT_GITHUB-TOKEN');
    expect(Object.keys(set)).not.toContain('INPUT_OPENAI-API-KEY');
  });

  it('the package.json script runs src/main.ts under @github/local-action', async () => {
    const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts[
      'local-action'
    ] as string;
    const args = script.split(' ');
    expect(args.slice(0, 3)).toEqual(['local-action', '.', 'src/main.ts']);
    expect(args[3]).toBe('.env.example');
    // A full clone (origin/main present, as in a developer's checkout) at the regressing head.
    const workspace = join(repo.root, 'local-checkout');
    await git(repo.root, ['clone', '-q', '--branch', 'regress', repo.originUrl, workspace]);
    // .env.example as written, except that the run's files go to a temp folder, not .evalgate/.
    const envFile = join(tmp, 'local.env');
    const eventFile = join(tmp, 'local-event.json');
    const payload = pullRequestPayload({
      ...REPO,
      number: PR.local,
      baseSha: repo.baseSha,
      headSha: repo.heads.regress,
      headRef: 'regress',
    });
    await writeFile(eventFile, JSON.stringify(payload));
    await writeFile(
      envFile,
      envExample
        .replace(/^EVALGATE_STORE_DIR=.*$/m, `EVALGATE_STORE_DIR=${join(tmp, 'local-store')}`)
        .replace(/^RUNNER_TEMP=.*$/m, `RUNNER_TEMP=${join(tmp, 'local-temp')}`)
        // The documented "publish to a real PR" setup, but without the token: an API that
        // answers, so an attempt to publish would be seen.
        .replace(
          /^GITHUB_API_URL=.*$/m,
          [
            `GITHUB_API_URL=${gh.url}`,
            `GITHUB_REPOSITORY=${REPO.owner}/${REPO.repo}`,
            'GITHUB_EVENT_NAME=pull_request',
            `GITHUB_EVENT_PATH=${eventFile}`,
          ].join('\n'),
        ),
    );
    const requestsBefore = gh.state.requests.length;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) {
      if (v !== undefined && !/^(GITHUB_|INPUT_|ACTIONS_|RUNNER_|VITEST|NODE_OPTIONS)/.test(k))
        env[k] = v;
    }
    env.GITHUB_WORKSPACE = workspace;
    const { stdout } = await new Promise<{ stdout: string }>((done, fail) =>
      execFile(
        'npx',
        ['--no-install', ...args.slice(0, 3), envFile],
        { cwd: root, env, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
        (err, out, errOut) =>
          err ? fail(new Error(`${err.message}\n${out}\n${errOut}`)) : done({ stdout: out }),
      ),
    );
    const plain = stripVTControlCharacters(stdout);
    expect(plain).toContain('evalgate: pr run (pull_request) of evalgate.yml');
    expect(plain).toMatch(/'verdict'\s*│\s*'block'/);
    expect(plain).toMatch(/'regressed-modes'\s*│\s*'refusal_policy'/);
    expect(plain).toMatch(/'base-source'\s*│\s*'run'/);
    // No token in the file: local-action hands the action.yml default `${{ github.token }}`
    // through unexpanded, and that must count as no token, not be sent to GitHub.
    expect(gh.state.requests.slice(requestsBefore)).toEqual([]);
    expect(plain).not.toMatch(/HttpError|Bad credentials|fetch failed/);
  }, 120_000);
});
