/**
 * Runs the action the way the Actions runner does: `node <entry>` as a child process in the
 * workspace, with the runner's environment (GITHUB_*, RUNNER_TEMP, INPUT_<NAME> with dashes
 * kept), an event payload file, and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, which it reads
 * back afterwards. Event payloads start from @octokit/webhooks-examples (real payloads recorded
 * from GitHub) and are adjusted to the test's repository and commits.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * What to run: `dist/index.js`, the file action.yml names, as GitHub would. CI (CI=true) must
 * have it (it is committed, and CI checks it equals a fresh `npm run bundle`). On a developer's
 * machine a missing or stale bundle (older than a file in src/) falls back to `src/index.ts`,
 * which Node runs directly, so the test checks the code being edited without a 20 s bundle.
 * EVALGATE_E2E_ENTRY=dist|src forces one.
 */
export function actionEntry(): { path: string; kind: 'dist' | 'src'; why: string } {
  const dist = join(ROOT, 'dist', 'index.js');
  const src = join(ROOT, 'src', 'index.ts');
  const forced = process.env.EVALGATE_E2E_ENTRY;
  if (forced === 'src') return { path: src, kind: 'src', why: 'EVALGATE_E2E_ENTRY=src' };
  if (forced === 'dist' || process.env.CI) {
    if (!existsSync(dist)) throw new Error('dist/index.js is missing: run `npm run bundle` first');
    return { path: dist, kind: 'dist', why: forced ? 'EVALGATE_E2E_ENTRY=dist' : 'CI' };
  }
  if (!existsSync(dist)) return { path: src, kind: 'src', why: 'dist/index.js is missing' };
  // A fresh checkout writes dist/ and src/ within moments of each other: allow a little slack.
  if (newestMtime(join(ROOT, 'src')) > statSync(dist).mtimeMs + 5_000) {
    return { path: src, kind: 'src', why: 'dist/index.js is older than src/' };
  }
  return { path: dist, kind: 'dist', why: 'dist/index.js is fresh' };
}

// ---------------------------------------------------------------------------------------------
// Event payloads
// ---------------------------------------------------------------------------------------------

interface WebhookExample {
  name: string;
  examples: Record<string, any>[];
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookExample[];

function example(event: string, action?: string): Record<string, any> {
  const found = examples
    .find((e) => e.name === event)
    ?.examples.find((e) => action === undefined || e.action === action);
  if (!found) throw new Error(`no ${event}${action ? `.${action}` : ''} example payload`);
  return structuredClone(found);
}

export interface RepoName {
  owner: string;
  repo: string;
}

function retarget(repository: Record<string, any>, { owner, repo }: RepoName) {
  repository.name = repo;
  repository.full_name = `${owner}/${repo}`;
  repository.owner.login = owner;
  repository.default_branch = 'main';
}

export interface PullRequestEvent extends RepoName {
  action?: 'opened' | 'synchronize' | 'labeled';
  number: number;
  baseSha: string;
  headSha: string;
  headRef: string;
  labels?: string[];
  /** The head branch lives in `<forkOwner>/<repo>`. */
  forkOwner?: string;
}

/** GitHub's recorded `pull_request` payload, pointed at our repository, commits and labels. */
export function pullRequestPayload(e: PullRequestEvent): Record<string, any> {
  const p = example('pull_request', e.action ?? 'opened');
  p.number = e.number;
  const pr = p.pull_request;
  pr.number = e.number;
  retarget(p.repository, e);
  retarget(pr.base.repo, e);
  pr.base.ref = 'main';
  pr.base.sha = e.baseSha;
  pr.head.ref = e.headRef;
  pr.head.sha = e.headSha;
  pr.head.repo = structuredClone(pr.base.repo);
  if (e.forkOwner) {
    retarget(pr.head.repo, { owner: e.forkOwner, repo: e.repo });
    pr.head.repo.fork = true;
  }
  pr.head.label = `${e.forkOwner ?? e.owner}:${e.headRef}`;
  const template = pr.labels?.[0] ?? { color: 'ededed', default: false, description: null };
  pr.labels = (e.labels ?? []).map((name, i) => ({ ...template, id: 9000 + i, name }));
  return p;
}

/** GitHub's recorded `push` payload: `sha` pushed to main. */
export function pushPayload(e: RepoName & { sha: string }): Record<string, any> {
  const p = example('push');
  retarget(p.repository, e);
  p.ref = 'refs/heads/main';
  p.after = e.sha;
  p.before = '0'.repeat(40);
  return p;
}

/** GitHub's recorded `workflow_dispatch` payload, pointed at our repository and branch. */
export function dispatchPayload(
  e: RepoName & { inputs?: Record<string, string> },
): Record<string, any> {
  const p = example('workflow_dispatch');
  retarget(p.repository, e);
  p.ref = 'refs/heads/main';
  p.inputs = e.inputs ?? {};
  return p;
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What the action wrote to GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** What it wrote to GITHUB_STEP_SUMMARY. */
  summary: string;
  /** RUNNER_TEMP of this run (the action writes into evalgate-out/ there). */
  runnerTemp: string;
}

export interface RunActionOptions {
  entry: string;
  workspace: string;
  eventName: string;
  payload: Record<string, unknown>;
  repository: RepoName;
  apiUrl: string;
  /** GITHUB_SHA: the head for a PR (the runner gives the merge commit), the pushed sha for push. */
  sha: string;
  /** Without the INPUT_ prefix, names as in action.yml. */
  inputs: Record<string, string>;
  /** EVALGATE_STORE_DIR: where baselines and artifacts go instead of the Actions services. */
  storeDir?: string;
  /** Parent folder for RUNNER_TEMP and the runner's files. */
  tmpRoot: string;
  timeoutMs?: number;
  /** More environment variables, as a workflow's `env:` would set them. */
  env?: Record<string, string>;
}

/** The parent's environment without anything a real runner (or a developer's shell) would add. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(GITHUB_|INPUT_|ACTIONS_|RUNNER_|OPENAI_)/i.test(k) || k === 'EVALGATE_STORE_DIR')
      continue;
    // vitest's own markers would make a child that happens to import vitest behave differently.
    if (/^(VITEST|TEST$|NODE_OPTIONS$)/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

/** `GITHUB_OUTPUT` uses the heredoc form `name<<delimiter\nvalue\ndelimiter`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\r?\n([\s\S]*?)\r?\n\2\r?$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

let runs = 0;

export async function runAction(o: RunActionOptions): Promise<ActionRun> {
  const dir = await mkdtemp(join(o.tmpRoot, `run-${++runs}-`));
  const runnerTemp = join(dir, 'temp');
  await mkdir(runnerTemp, { recursive: true });
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output.txt');
  const summaryPath = join(dir, 'summary.md');
  await writeFile(eventPath, JSON.stringify(o.payload, null, 2));
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const serverUrl = 'https://github.com';
  const env: Record<string, string> = {
    ...cleanEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${o.repository.owner}/${o.repository.repo}`,
    GITHUB_REPOSITORY_OWNER: o.repository.owner,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_SERVER_URL: serverUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_RUN_ID: String(4242 + runs),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: o.sha,
    GITHUB_REF:
      o.eventName === 'pull_request'
        ? `refs/pull/${(o.payload as { number?: number }).number}/merge`
        : 'refs/heads/main',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
  };
  if (o.storeDir) env.EVALGATE_STORE_DIR = o.storeDir;
  Object.assign(env, o.env);
  for (const [name, value] of Object.entries(o.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const child = spawn(process.execPath, [o.entry], {
    cwd: o.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timeoutMs = o.timeoutMs ?? 40_000;
  const code = await new Promise<number | null>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the action did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', fail);
    child.on('close', (c) => {
      clearTimeout(timer);
      done(c);
    });
  });
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
    summary: await readFile(summaryPath, 'utf8'),
    runnerTemp,
  };
}

/** Every regular file under `dir`, recursively (artifacts, baselines, outputs). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(p));
    else if (entry.isFile()) files.push(p);
  }
  return files;
}
