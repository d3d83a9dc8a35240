/**
 * `npm run bench` (part): what the trace cache saves in the action, and the accept label's path.
 *
 * Runs the bundled action (dist/index.js, what GitHub runs) as the runner does, in depth-1
 * clones of a real git repository (the end-to-end test's support assistant, with
 * BENCH_CACHE_CASES more cases; 2 trials each), with the filesystem storage standing in for the
 * Actions cache and a loopback GitHub. The system appends one line per target call to a file,
 * so the calls are counted, not inferred. Prints the target calls per side for:
 *
 *   (a) a re-run of the same commit (push, then a PR re-run)
 *   (b) a PR changing only a check
 *   (c) a PR changing one prompt file, the base's traces warm (only the head side runs)
 *
 * and the wall time of the accept label's run (labeled event) next to the PR run it reuses.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pullRequestPayload, pushPayload, runAction } from '../__tests__/helpers/action-run.ts';
import { callsOf, makeCountingRepo, type Calls } from '../__tests__/helpers/counting-repo.ts';
import { startGitHubServer, TOKENS } from '../__tests__/helpers/github-server.ts';

const EXTRA = Number(process.env.BENCH_CACHE_CASES ?? 470);
const entry = join(import.meta.dirname, '..', 'dist', 'index.js');
if (!existsSync(entry)) {
  console.error('bench-cache: dist/index.js is missing: run `npm run bundle` first');
  process.exit(1);
}

const REPO = { owner: 'octo-org', repo: 'octo-repo' };
const ACCEPT_LABEL = 'eval-regression-accepted';
const PR = { prompt: 1, checks: 2, regress: 3 };
const repo = await makeCountingRepo(EXTRA);
const store = join(repo.root, 'store');
const tmp = join(repo.root, 'runs');
await mkdir(tmp);
const gh = await startGitHubServer({
  ...REPO,
  pulls: Object.entries(PR).map(([head, number]) => ({
    number,
    head_sha: repo.shas[head],
    head_ref: head,
    base_sha: repo.shas.main,
  })),
});

let runs = 0;
interface Measured {
  calls: Calls;
  ms: number;
  code: number | null;
}

async function run(
  kind: 'push' | 'pull_request',
  branch: string,
  o: { number?: number; action?: 'opened' | 'synchronize' | 'labeled'; labels?: string[] } = {},
): Promise<Measured> {
  const calls = join(repo.root, `calls-${++runs}.txt`);
  const sha = repo.shas[branch];
  const workspace = await repo.checkout(branch);
  const started = performance.now();
  const r = await runAction({
    entry,
    workspace,
    eventName: kind,
    payload:
      kind === 'push'
        ? pushPayload({ ...REPO, sha })
        : pullRequestPayload({
            ...REPO,
            action: o.action,
            number: o.number!,
            baseSha: repo.shas.main,
            headSha: sha,
            headRef: branch,
            labels: o.labels,
          }),
    repository: REPO,
    apiUrl: gh.url,
    sha,
    inputs: { 'github-token': TOKENS.actions, mode: 'auto', 'check-name': 'evalgate' },
    storeDir: store,
    tmpRoot: tmp,
    env: { EVALGATE_CALLS: calls },
    timeoutMs: 300_000,
  });
  const ms = performance.now() - started;
  if (r.code !== 0 && r.code !== 1) {
    console.error(r.stdout, r.stderr);
    throw new Error(`the action failed (${r.code})`);
  }
  return { calls: callsOf(calls), ms, code: r.code };
}

const rows: [string, Measured][] = [];
try {
  const cold = await run('push', 'main');
  rows.push(['push of main, cold cache', cold]);
  rows.push(['(a) re-run of the same push', await run('push', 'main')]);
  rows.push([
    '(c) PR changing one prompt file',
    await run('pull_request', 'prompt', { number: 1 }),
  ]);
  rows.push([
    '(a) re-run of that PR commit',
    await run('pull_request', 'prompt', { number: 1, action: 'synchronize' }),
  ]);
  rows.push(['(b) PR changing only a check', await run('pull_request', 'checks', { number: 2 })]);
  const blocked = await run('pull_request', 'regress', { number: 3 });
  rows.push(['regressing PR (blocks)', blocked]);
  gh.state.labels.set(PR.regress, [ACCEPT_LABEL]);
  const labeled = await run('pull_request', 'regress', {
    number: 3,
    action: 'labeled',
    labels: [ACCEPT_LABEL],
  });
  if (labeled.code !== 0) throw new Error('the labeled run did not pass');
  rows.push(['accept label added (labeled event)', labeled]);

  const cases = 30 + EXTRA;
  console.log(
    `\nTrace cache in the action: ${cases} cases x 2 trials, bundled action, filesystem storage\n`,
  );
  console.log('| run | base calls | head calls | wall |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, m] of rows)
    console.log(`| ${name} | ${m.calls.base} | ${m.calls.head} | ${(m.ms / 1000).toFixed(1)} s |`);
  console.log(
    `\nThe accept label's run: ${(labeled.ms / 1000).toFixed(2)} s, no target call, against ${(blocked.ms / 1000).toFixed(1)} s for the run it reuses.`,
  );
} finally {
  await gh.close();
  await repo.cleanup();
}
