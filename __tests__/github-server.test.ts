// The loopback GitHub server's own contract: it must reject what GitHub would reject, or the
// other github tests prove nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { startGitHubServer, TOKENS, type GitHubServer } from './helpers/github-server.ts';

const repo = { owner: 'octo-org', repo: 'octo-repo' };

describe('loopback GitHub server validation', () => {
  let gh: GitHubServer;
  let octokit: Octokit;
  beforeAll(async () => {
    gh = await startGitHubServer();
    octokit = new Octokit({ auth: TOKENS.actions, baseUrl: gh.url });
  });
  afterAll(() => gh.close());

  it('accepts a well-formed check run and records no violation', async () => {
    const before = gh.state.violations.length;
    const res = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      ...repo,
      name: 'evalgate',
      head_sha: 'a'.repeat(40),
      conclusion: 'success',
      output: { title: 't', summary: 's' },
    });
    expect(res.status).toBe(201);
    expect(gh.state.violations.length).toBe(before);
  });

  it('rejects a check run with a conclusion GitHub does not know (422) and records it', async () => {
    const err = await octokit
      .request('POST /repos/{owner}/{repo}/check-runs', {
        ...repo,
        name: 'evalgate',
        head_sha: 'a'.repeat(40),
        conclusion: 'passed' as 'success',
      })
      .catch((e: unknown) => e as { status: number; message: string });
    expect(err).toMatchObject({ status: 422 });
    const v = gh.state.violations.at(-1)!;
    expect(v.operationId).toBe('checks/create');
    expect(v.errors.join()).toMatch(/conclusion/);
  });

  it('rejects more than 50 annotations in one request (maxItems in the description)', async () => {
    const annotations = Array.from({ length: 51 }, (_, i) => ({
      path: 'datasets/a.jsonl',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'failure' as const,
      message: 'm',
    }));
    const res = await fetch(`${gh.url}/repos/octo-org/octo-repo/check-runs`, {
      method: 'POST',
      headers: { authorization: `token ${TOKENS.actions}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'x',
        head_sha: 'abc',
        output: { title: 't', summary: 's', annotations },
      }),
    });
    expect(res.status).toBe(422);
    expect(gh.state.violations.at(-1)!.errors.join()).toMatch(/must NOT have more than 50 items/);
  });

  it('rejects missing required fields, bad path params, unknown query params and unknown paths', async () => {
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${gh.url}${path}`, {
        method,
        headers: { authorization: `token ${TOKENS.actions}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const n = gh.state.violations.length;
    expect(
      (await call('POST', '/repos/octo-org/octo-repo/issues/1/comments', { text: 'x' })).status,
    ).toBe(422);
    expect((await call('GET', '/repos/octo-org/octo-repo/issues/abc/comments')).status).toBe(422);
    expect(
      (await call('GET', '/repos/octo-org/octo-repo/issues/1/comments?perpage=5')).status,
    ).toBe(422);
    expect((await call('GET', '/repos/octo-org/octo-repo/issue/1/comments')).status).toBe(404);
    expect((await call('PUT', '/repos/octo-org/octo-repo/check-runs')).status).toBe(404);
    const body = (await (
      await call('POST', '/repos/octo-org/octo-repo/statuses/abc', { state: 'ok' })
    ).json()) as {
      message: string;
      documentation_url: string;
    };
    expect(body.message).toMatch(/state/);
    expect(body.documentation_url).toMatch(/^https:\/\/docs\.github\.com/);
    expect(gh.state.violations.length).toBe(n + 6);
  });

  it('answers 401 to an unknown token and records the Authorization header of every request', async () => {
    const bad = new Octokit({ auth: 'ghp_wrong', baseUrl: gh.url });
    await expect(bad.request('GET /repos/{owner}/{repo}', repo)).rejects.toMatchObject({
      status: 401,
    });
    const last = gh.state.requests.at(-1)!;
    expect(last.authorization).toMatch(/ghp_wrong$/);
    expect(last.status).toBe(401);
  });

  it('serves under a GHES prefix', async () => {
    const ghes = await startGitHubServer({ pathPrefix: '/api/v3', defaultBranch: 'trunk' });
    try {
      expect(ghes.url).toMatch(/\/api\/v3$/);
      const o = new Octokit({ auth: TOKENS.user, baseUrl: ghes.url });
      const { data } = await o.request('GET /repos/{owner}/{repo}', repo);
      expect(data.default_branch).toBe('trunk');
      expect(ghes.state.violations).toEqual([]);
    } finally {
      await ghes.close();
    }
  });
});

describe('github-server.ts as a script', () => {
  it('prints its URL, serves requests, exposes its state and stops on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['__tests__/helpers/github-server.ts', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          const line = buf.split('\n').find((l) => l.startsWith('http://'));
          if (line) resolve(line.trim());
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const o = new Octokit({ auth: TOKENS.actions, baseUrl: url });
      await o.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 1,
        body: 'hi',
      });
      const state = (await (await fetch(`${url}/_loopback/state`)).json()) as {
        comments: { body: string }[];
      };
      expect(state.comments.map((c) => c.body)).toEqual(['hi']);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    expect(child.exitCode).toBe(0);
  });
});
