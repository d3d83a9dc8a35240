// The whole publishing path (comment + gate) for a real comparison, against the loopback GitHub.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ANNOTATIONS } from '../src/github/checks.ts';
import { actionsClient } from '../src/github/client.ts';
import {
  failureAnnotations,
  publishComparison,
  publishOutsideActions,
  serverUrlFor,
} from '../src/github/publish.ts';
import { startGitHubServer, TOKENS, type GitHubServer } from './helpers/github-server.ts';
import { bigSuite, demoSuite, HEAD_SHA } from './helpers/report-fixtures.ts';

const repo = { owner: 'octo-org', repo: 'octo-repo' };

/** Everything written to stdout/stderr while `fn` runs. */
async function captureOutput<T>(fn: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (c: unknown) => {
    chunks.push(String(c));
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    return { value: await fn(), output: chunks.join('') };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('publishing a comparison', () => {
  let gh: GitHubServer;
  afterEach(() => gh?.close());

  it('with the Actions token: sticky comment, failing check run with annotations on dataset lines', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 3, head_sha: HEAD_SHA }] });
    const { comparison } = demoSuite();
    const octokit = actionsClient({ token: TOKENS.actions, baseUrl: gh.url });
    const opts = { ...repo, pr: 3, comparison, commentMode: 'update' as const, suiteDir: 'evals' };
    const first = await publishComparison(octokit, opts);
    const second = await publishComparison(octokit, opts);
    expect(first.comment.action).toBe('created');
    expect(second.comment).toMatchObject({ action: 'updated', id: first.comment.id });
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0].body).toContain('<!-- evalgate:comment -->');

    expect(first.check).toMatchObject({ action: 'created', kind: 'check' });
    const run = gh.state.checkRuns[0];
    expect(run.head_sha).toBe(HEAD_SHA); // looked up from the PR
    expect(run.conclusion).toBe('failure');
    const newFailures = comparison.cases.filter((c) => c.label === 'new_failure').length;
    expect(run.annotations.filter((a) => a.annotation_level === 'failure')).toHaveLength(
      newFailures,
    );
    expect(run.annotations.every((a) => a.path.startsWith('evals/datasets/'))).toBe(true);
    expect(gh.state.violations).toEqual([]);
  });

  it('outside Actions with a personal token: comment plus a commit status; the token is never printed', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 3, head_sha: HEAD_SHA }] });
    const { comparison } = demoSuite();
    const { value, output } = await captureOutput(() =>
      publishOutsideActions({
        token: TOKENS.user,
        apiUrl: gh.url,
        ...repo,
        pr: 3,
        comparison,
        commentMode: 'update',
        sha: HEAD_SHA,
      }),
    );
    expect(value.commentAction).toBe('created');
    expect(value.commentUrl).toMatch(/#issuecomment-/);
    expect(value.check).toMatchObject({ action: 'created', kind: 'status' });
    expect(gh.state.statuses[0]).toMatchObject({
      sha: HEAD_SHA,
      state: 'failure',
      context: 'evalgate',
    });
    expect(output).not.toContain(TOKENS.user);
    expect(JSON.stringify(value)).not.toContain(TOKENS.user);
    expect(gh.state.requests.every((r) => r.authorization?.endsWith(TOKENS.user))).toBe(true);
    expect(gh.state.violations).toEqual([]);
  });

  it('a large suite stays within every GitHub limit', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 3 }] });
    const { comparison } = bigSuite(2000);
    const octokit = actionsClient({ token: TOKENS.actions, baseUrl: gh.url });
    const res = await publishComparison(octokit, {
      ...repo,
      pr: 3,
      comparison,
      commentMode: 'update',
      sha: HEAD_SHA,
    });
    expect(res.comment.action).toBe('created');
    expect(res.check.action).toBe('created');
    expect(gh.state.violations).toEqual([]);
    const run = gh.state.checkRuns[0];
    const all = failureAnnotations(comparison).length;
    expect(all).toBeGreaterThan(100);
    expect(run.annotations.length).toBe(Math.min(all, MAX_ANNOTATIONS));
    expect(run.annotationBatches.length).toBeGreaterThan(2);
    expect(Math.max(...run.annotationBatches)).toBeLessThanOrEqual(50);
  });

  it('a fork PR token publishes nothing and says why', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 3, fork: true }] });
    const octokit = actionsClient({ token: TOKENS.readOnly, baseUrl: gh.url });
    const res = await publishComparison(octokit, {
      ...repo,
      pr: 3,
      comparison: demoSuite().comparison,
      commentMode: 'update',
    });
    expect(res.comment.action).toBe('skipped');
    expect(res.check.action).toBe('skipped');
    expect(res.check.reason).toMatch(/403/);
    expect(gh.state.comments).toHaveLength(0);
  });

  it('refuses results for a sha that is not the PR head (a PR number from an untrusted artifact)', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 3, head_sha: HEAD_SHA }, { number: 4 }] });
    const { comparison } = demoSuite();
    await expect(
      publishOutsideActions({
        token: TOKENS.user,
        apiUrl: gh.url,
        ...repo,
        pr: 4,
        comparison,
        commentMode: 'update',
        sha: HEAD_SHA,
      }),
    ).rejects.toThrow(/PR #4's head is .* not publishing/);
    expect(gh.state.comments).toHaveLength(0);
    expect(gh.state.statuses).toHaveLength(0);
  });

  it('maps API URLs to web URLs', () => {
    expect(serverUrlFor('https://api.github.com')).toBe('https://github.com');
    expect(serverUrlFor('https://ghe.corp.test/api/v3/')).toBe('https://ghe.corp.test');
    expect(serverUrlFor('https://api.acme.ghe.com')).toBe('https://acme.ghe.com');
  });
});
