/**
 * The trace cache and the accept label in the action, as GitHub runs it: `node dist/index.js`
 * (see actionEntry) in depth-1 clones of a real git repository, the filesystem storage standing
 * in for the Actions cache, a loopback GitHub. The system under test is the end-to-end test's
 * support assistant (__tests__/fixtures/action/app/), changed to append one line per target call
 * to $EVALGATE_CALLS (its working directory: the base worktree or the workspace), so the tests
 * count what each side called.
 *
 * The scenarios share one repository, one server and one store, and run in order.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionEntry,
  filesUnder,
  pullRequestPayload,
  pushPayload,
  runAction,
  type ActionRun,
} from './helpers/action-run.ts';
import {
  callsOf,
  makeCountingRepo,
  type Calls,
  type CountingRepo,
} from './helpers/counting-repo.ts';
import { startGitHubServer, TOKENS, type GitHubServer } from './helpers/github-server.ts';

const REPO = { owner: 'octo-org', repo: 'octo-repo' };
const ACCEPT_LABEL = 'eval-regression-accepted';
const ENTRY = actionEntry();
const PR = { prompt: 21, checks: 22, plant: 23, regress: 24, off: 25, nocache: 26 };
/** 30 cases x 2 trials. */
const TRIALS = 60;

let repo: CountingRepo;
let root: string;
let tmp: string;
let gh: GitHubServer;
/** The store standing in for the Actions cache of the repository. */
let store: string;
let runs = 0;

beforeAll(async () => {
  if (ENTRY.kind === 'src') console.warn(`trace cache e2e: running src/index.ts (${ENTRY.why})`);
  repo = await makeCountingRepo();
  root = repo.root;
  tmp = join(root, 'runs');
  store = join(root, 'store');
  await mkdir(tmp);
  gh = await startGitHubServer({
    ...REPO,
    pulls: Object.entries(PR).map(([head, number]) => ({
      number,
      head_sha: repo.shas[head] ?? repo.shas.prompt,
      head_ref: head,
      base_sha: repo.shas.main,
    })),
  });
});

afterAll(async () => {
  await gh?.close();
  await repo?.cleanup();
});

interface Ran extends ActionRun {
  calls: Calls;
}

const log = (r: ActionRun) => `${r.stdout}\n${r.stderr}`;

async function push(branch: 'main'): Promise<Ran> {
  const calls = join(root, `calls-${++runs}.txt`);
  const r = await runAction({
    entry: ENTRY.path,
    workspace: await repo.checkout(branch),
    eventName: 'push',
    payload: pushPayload({ ...REPO, sha: repo.shas[branch] }),
    repository: REPO,
    apiUrl: gh.url,
    sha: repo.shas[branch],
    inputs: { 'github-token': TOKENS.actions, mode: 'auto' },
    storeDir: store,
    tmpRoot: tmp,
    env: { EVALGATE_CALLS: calls },
  });
  return { ...r, calls: callsOf(calls) };
}

async function pull(
  head: keyof typeof PR,
  o: {
    action?: 'opened' | 'synchronize' | 'labeled';
    inputs?: Record<string, string>;
    storeDir?: string;
    labels?: string[];
  } = {},
): Promise<Ran> {
  const calls = join(root, `calls-${++runs}.txt`);
  const branch = head === 'off' ? 'prompt' : head;
  const r = await runAction({
    entry: ENTRY.path,
    workspace: await repo.checkout(branch),
    eventName: 'pull_request',
    payload: pullRequestPayload({
      ...REPO,
      action: o.action,
      number: PR[head],
      baseSha: repo.shas.main,
      headSha: repo.shas[branch],
      headRef: branch,
      labels: o.labels,
    }),
    repository: REPO,
    apiUrl: gh.url,
    sha: repo.shas[branch],
    inputs: {
      'github-token': TOKENS.actions,
      mode: 'auto',
      'check-name': 'evalgate',
      // The base side from the trace cache, not from a stored baseline.
      baseline: 'false',
      ...o.inputs,
    },
    storeDir: o.storeDir ?? store,
    tmpRoot: tmp,
    env: { EVALGATE_CALLS: calls },
    timeoutMs: 60_000,
  });
  return { ...r, calls: callsOf(calls) };
}

/** The stored entries under `dir` whose key starts with `prefix`: file name -> lines. */
function saved(dir: string, keyPart: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of filesUnder(join(dir, 'baselines'))) {
    if (!f.includes(keyPart) || !f.endsWith('.jsonl')) continue;
    out.set(basename(f), readFileSync(f, 'utf8').split('\n').filter(Boolean));
  }
  return out;
}

const commentOn = (pr: number) => gh.state.comments.filter((c) => c.issue_number === pr);

let baseFingerprint = '';

describe(`the trace cache in the action (${ENTRY.kind === 'dist' ? 'dist/index.js' : 'src/index.ts'})`, () => {
  it('a push run calls the target and saves its traces under the sha; a re-run calls nothing', async () => {
    const first = await push('main');
    expect(first.code, log(first)).toBe(0);
    expect(first.calls.head).toBe(TRIALS);
    const files = saved(store, `-sha-${repo.shas.main}-`);
    expect([...files.keys()]).toHaveLength(1);
    baseFingerprint = [...files.keys()][0].replace('.jsonl', '');
    expect(files.get(`${baseFingerprint}.jsonl`)).toHaveLength(TRIALS);
    expect(first.stdout).toMatch(/trace cache: saved 60 traces .* as evalgate-traces-v1-\w+-sha-/);

    const again = await push('main');
    expect(again.code, log(again)).toBe(0);
    expect(again.calls.lines).toEqual([]);
    expect(again.stdout).toContain('evalgate: 0 of 60 target calls: all from cache');
    expect(again.stdout).toMatch(
      /nothing saved \(every trace came from the cache saved for this commit\)/,
    );
  });

  it('a PR serves the base from the cache (0 base calls), runs the head, saves only the head', async () => {
    const r = await pull('prompt');
    expect(r.code, log(r)).toBe(0);
    expect(r.calls.base).toBe(0);
    expect(r.calls.head).toBe(TRIALS);
    const body = commentOn(PR.prompt).at(-1)!.body;
    expect(body).toContain('60 of 120 target calls (60 from cache)');
    expect(r.stdout).toContain('evalgate: 60 of 120 target calls (60 from cache)');
    const files = saved(store, `-pr-${PR.prompt}-${repo.shas.prompt}-`);
    expect([...files.keys()]).toHaveLength(1);
    expect(files.has(`${baseFingerprint}.jsonl`)).toBe(false);
    expect([...files.values()][0]).toHaveLength(TRIALS);

    // A re-run of the same commit: nothing is called on either side.
    const again = await pull('prompt', { action: 'synchronize' });
    expect(again.code, log(again)).toBe(0);
    expect(again.calls.lines).toEqual([]);
    expect(commentOn(PR.prompt).at(-1)!.body).toContain('0 of 120 target calls: all from cache');
  });

  it('a PR that changes only a check calls no target on either side and saves nothing', async () => {
    const r = await pull('checks');
    expect(r.code, log(r)).toBe(0);
    expect(r.calls.lines).toEqual([]);
    expect(commentOn(PR.checks).at(-1)!.body).toContain('0 of 120 target calls: all from cache');
    expect(r.stdout).toMatch(/nothing saved \(the head's system is the base's/);
    expect(saved(store, `-pr-${PR.checks}-`).size).toBe(0);
  });

  it("entries the head's setup plants for the base's system are never served, nor saved", async () => {
    // The head's setup writes "traces" of the base's system where a cache could be read from:
    // the workspace's .evalgate/cache and the action's own traces folder.
    const planted = readFileSync(
      filesUnder(join(store, 'baselines')).find((f) => f.endsWith(`${baseFingerprint}.jsonl`))!,
      'utf8',
    )
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const row = JSON.parse(l);
        row.t.output = 'PLANTED';
        return JSON.stringify(row);
      })
      .join('\n');
    await repo.branch('plant', async (author) => {
      await writeFile(join(author, 'planted.jsonl'), `${planted}\n`);
      await writeFile(
        join(author, 'plant.mjs'),
        `import { mkdirSync, copyFileSync } from 'node:fs';\n` +
          `for (const dir of ['.evalgate/cache/traces', process.env.RUNNER_TEMP + '/evalgate-traces']) {\n` +
          `  mkdirSync(dir, { recursive: true });\n` +
          `  copyFileSync('planted.jsonl', dir + '/${baseFingerprint}.jsonl');\n}\n`,
      );
    });
    gh.state.pulls.set(PR.plant, { ...gh.state.pulls.get(PR.plant)!, head_sha: repo.shas.plant });
    // A store without the branch's traces: only a planted entry could spare the base its calls.
    const fresh = await mkdtemp(join(root, 'store-fresh-'));
    const r = await pull('plant', {
      storeDir: fresh,
      inputs: { setup: 'if [ -f plant.mjs ]; then node plant.mjs; fi' },
    });
    expect(r.code, log(r)).toBe(0);
    expect(r.calls.base).toBe(TRIALS);
    expect(r.calls.head).toBe(TRIALS);
    const base = readFileSync(join(r.runnerTemp, 'evalgate-out/base-results.json'), 'utf8');
    expect(base).not.toContain('PLANTED');
    // What the PR job saved: the head's system only, and no planted line.
    const files = saved(fresh, `-pr-${PR.plant}-`);
    expect([...files.keys()]).toHaveLength(1);
    expect(files.has(`${baseFingerprint}.jsonl`)).toBe(false);
    expect([...files.values()][0].join('\n')).not.toContain('PLANTED');
  });

  it('the accept label reuses the stored comparison: no target, no setup, comment and check flip', async () => {
    // The same setup in both runs (workflow inputs do not change with the event): it appends
    // one line per tree it runs in.
    const marker = join(root, 'setup-ran');
    const setup = { setup: `echo ran >> ${marker}` };
    const setupRuns = () => readFileSync(marker, 'utf8').split('\n').filter(Boolean).length;
    const blocked = await pull('regress', { inputs: setup });
    expect(blocked.code, log(blocked)).toBe(1);
    expect(blocked.outputs.verdict).toBe('block');
    expect(blocked.stdout).toMatch(/comparison stored as evalgate-verdict-v1-/);
    expect(setupRuns()).toBe(2);
    const firstComment = commentOn(PR.regress)[0];
    expect(firstComment.body.split('\n')[0]).toMatch(/Blocked/);

    gh.state.labels.set(PR.regress, [ACCEPT_LABEL]);
    const started = Date.now();
    const labeled = await pull('regress', {
      action: 'labeled',
      labels: [ACCEPT_LABEL],
      inputs: setup,
    });
    const ms = Date.now() - started;
    expect(labeled.code, log(labeled)).toBe(0);
    expect(labeled.calls.lines).toEqual([]);
    expect(setupRuns()).toBe(2);
    expect(labeled.stdout).toMatch(/labeled event: reusing the comparison of \w{7}\.\.\w{7}/);
    expect(labeled.outputs.verdict).toBe('pass');
    const comments = commentOn(PR.regress);
    expect(comments).toHaveLength(1);
    expect(comments[0].body.split('\n')[0]).toMatch(/accepted/i);
    const check = gh.state.checkRuns.filter((c) => c.head_sha === repo.shas.regress).at(-1)!;
    expect(check.conclusion).toBe('success');
    expect(ms).toBeLessThan(20_000);
  });

  it('the cache input false turns the trace cache off: both sides call the target', async () => {
    const r = await pull('off', { inputs: { cache: 'false' } });
    expect(r.code, log(r)).toBe(0);
    expect(r.calls.base).toBe(TRIALS);
    expect(r.calls.head).toBe(TRIALS);
    expect(r.stdout).toContain('trace cache off (input cache: false)');
    expect(commentOn(PR.off).at(-1)!.body).not.toMatch(/from cache/);
    expect(saved(store, `-pr-${PR.off}-`).size).toBe(0);
  });

  it('cache: false in the config turns it off too', async () => {
    await repo.branch('nocache', async (author) => {
      const file = join(author, 'evalgate.yml');
      await writeFile(file, `${readFileSync(file, 'utf8')}cache: false\n`);
    });
    gh.state.pulls.set(PR.nocache, {
      ...gh.state.pulls.get(PR.nocache)!,
      head_sha: repo.shas.nocache,
    });
    const r = await pull('nocache');
    expect(r.code, log(r)).toBe(0);
    expect(r.calls.base).toBe(TRIALS);
    expect(r.calls.head).toBe(TRIALS);
    expect(r.stdout).toContain('trace cache off (cache: false in the config)');
    expect(saved(store, `-pr-${PR.nocache}-`).size).toBe(0);
  });
});
