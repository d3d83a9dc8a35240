// Check runs and commit statuses against the loopback GitHub, with both real clients.
import { afterEach, describe, expect, it } from 'vitest';
import {
  conclusionFor,
  cutText,
  MAX_OUTPUT_LENGTH,
  publishCheckRun,
  publishGate,
  setCommitStatus,
  statusStateFor,
  type Annotation,
} from '../src/github/checks.ts';
import { actionsClient, restClient, type GitHubClient } from '../src/github/client.ts';
import { startGitHubServer, TOKENS, type GitHubServer } from './helpers/github-server.ts';

const repo = { owner: 'octo-org', repo: 'octo-repo' };
const sha = 'c0ffee'.padEnd(40, '0');

function annotations(n: number): Annotation[] {
  return Array.from({ length: n }, (_, i) => ({
    path: 'datasets/refunds.jsonl',
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: 'failure',
    message: `case refund-${i} newly fails: hallucinated_action`,
    title: `refund-${i}`,
  }));
}

const clients: [string, (token: string, url: string) => GitHubClient][] = [
  ['@actions/github getOctokit', (token, url) => actionsClient({ token, baseUrl: url })],
  ['@octokit/rest', (token, url) => restClient({ token, baseUrl: url })],
];

describe.each(clients)('check runs with %s', (_name, make) => {
  let gh: GitHubServer;
  afterEach(() => gh?.close());

  it('sends 120 annotations in 3 requests of at most 50 and keeps them all', async () => {
    gh = await startGitHubServer();
    const res = await publishCheckRun(make(TOKENS.actions, gh.url), {
      ...repo,
      headSha: sha,
      name: 'evalgate',
      conclusion: 'failure',
      title: 'Blocked: hallucinated_action regressed',
      summary: 'x'.repeat(MAX_OUTPUT_LENGTH + 5000),
      annotations: annotations(120),
      detailsUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1',
    });
    expect(res.action).toBe('created');
    expect(gh.state.violations).toEqual([]);
    const run = gh.state.checkRuns[0];
    expect(run).toMatchObject({
      id: res.id,
      head_sha: sha,
      conclusion: 'failure',
      status: 'completed',
      name: 'evalgate',
    });
    expect(run.annotationBatches).toEqual([50, 50, 20]);
    expect(run.annotations.map((a) => a.start_line)).toEqual(
      annotations(120).map((a) => a.start_line),
    );
    expect(run.output.summary!.length).toBeLessThanOrEqual(MAX_OUTPUT_LENGTH);
    expect(res.url).toMatch(/\/runs\/\d+$/);
  });

  it('a read-only token is skipped with a reason', async () => {
    gh = await startGitHubServer();
    const res = await publishCheckRun(make(TOKENS.readOnly, gh.url), {
      ...repo,
      headSha: sha,
      name: 'evalgate',
      conclusion: 'success',
      title: 't',
      summary: 's',
    });
    expect(res).toMatchObject({ action: 'skipped' });
    expect(res.reason).toMatch(/403/);
    expect(gh.state.checkRuns).toHaveLength(0);
  });

  it('sets a commit status, cutting the description to 140 characters', async () => {
    gh = await startGitHubServer();
    const res = await setCommitStatus(make(TOKENS.actions, gh.url), {
      ...repo,
      sha,
      context: 'evalgate',
      state: statusStateFor('block'),
      description: 'refusal_policy fell from 98% to 81% '.repeat(10),
      targetUrl: 'https://github.com/octo-org/octo-repo/pull/1',
    });
    expect(res.action).toBe('created');
    expect(gh.state.violations).toEqual([]);
    expect(gh.state.statuses[0]).toMatchObject({ sha, state: 'failure', context: 'evalgate' });
    expect(gh.state.statuses[0].description!.length).toBeLessThanOrEqual(140);
  });

  it('a personal token cannot create check runs: publishGate falls back to a commit status', async () => {
    gh = await startGitHubServer();
    const res = await publishGate(make(TOKENS.user, gh.url), {
      ...repo,
      headSha: sha,
      name: 'evalgate',
      conclusion: 'success',
      verdictState: 'success',
      title: 'Passed',
      summary: 's',
    });
    expect(res).toMatchObject({ action: 'created', kind: 'status' });
    expect(gh.state.checkRuns).toHaveLength(0);
    expect(gh.state.statuses).toHaveLength(1);
    expect(gh.state.violations).toEqual([]);
  });
});

describe('check helpers', () => {
  it('maps verdicts to conclusions and states', () => {
    expect(conclusionFor('pass')).toBe('success');
    expect(conclusionFor('block')).toBe('failure');
    expect(conclusionFor('error')).toBe('failure');
    expect(conclusionFor('block', true)).toBe('success');
    expect(statusStateFor('error')).toBe('error');
    expect(statusStateFor('block', true)).toBe('success');
  });

  it('cuts text without splitting surrogate pairs', () => {
    const s = cutText('ab' + '😀'.repeat(10), 7);
    expect(s.length).toBeLessThanOrEqual(7);
    expect(s).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(cutText('short', 10)).toBe('short');
  });
});
