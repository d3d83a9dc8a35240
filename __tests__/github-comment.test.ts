// Sticky comment against the loopback GitHub, with both real clients.
import { afterEach, describe, expect, it } from 'vitest';
import { actionsClient, restClient, type GitHubClient } from '../src/github/client.ts';
import {
  findOwnComments,
  fitComment,
  upsertStickyComment,
  MAX_COMMENT_LENGTH,
} from '../src/github/comment.ts';
import {
  startGitHubServer,
  TOKENS,
  type GitHubServer,
  type SeedComment,
} from './helpers/github-server.ts';

const MARKER = '<!-- evalgate:comment -->';
const base = { owner: 'octo-org', repo: 'octo-repo', issueNumber: 7, marker: MARKER };

/** 150 comments so ours is past the first page, plus decoys that carry our marker. */
function seed(withOurs: boolean): SeedComment[] {
  const out: SeedComment[] = [];
  for (let i = 0; i < 150; i++) {
    out.push({ issue_number: 7, body: `chatter ${i}`, user: { login: i % 2 ? 'alice' : 'bob' } });
    if (i === 20)
      out.push({
        issue_number: 7,
        body: `> quoting the bot\n> ${MARKER}\nlgtm`,
        user: { login: 'mallory' },
      });
    if (i === 140)
      out.push({
        issue_number: 7,
        body: `${MARKER} by another app`,
        user: { login: 'other-app[bot]', type: 'Bot' },
      });
  }
  if (withOurs)
    out.splice(120, 0, {
      issue_number: 7,
      body: `${MARKER}\nold report`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
  // Noise on another PR that must never be touched.
  out.push({
    issue_number: 8,
    body: `${MARKER}\nPR 8 report`,
    user: { login: 'github-actions[bot]', type: 'Bot' },
  });
  return out;
}

const clients: [string, (token: string, url: string) => GitHubClient][] = [
  ['@actions/github getOctokit', (token, url) => actionsClient({ token, baseUrl: url })],
  ['@octokit/rest', (token, url) => restClient({ token, baseUrl: url })],
];

describe.each(clients)('upsertStickyComment with %s', (_name, make) => {
  let gh: GitHubServer;
  afterEach(() => gh?.close());

  const ours = () =>
    gh.state.comments.filter((c) => c.issue_number === 7 && c.user.login === 'github-actions[bot]');

  it('creates once, then updates in place across pages, never touching decoys', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 7 }, { number: 8 }], comments: seed(false) });
    const octokit = make(TOKENS.actions, gh.url);
    const decoys = gh.state.comments.filter((c) => c.body.includes(MARKER)).map((c) => ({ ...c }));

    const first = await upsertStickyComment(octokit, {
      ...base,
      body: 'report v1',
      mode: 'update',
    });
    expect(first.action).toBe('created');
    expect(first.url).toMatch(/#issuecomment-\d+$/);
    const second = await upsertStickyComment(octokit, {
      ...base,
      body: 'report v2',
      mode: 'update',
    });
    expect(second).toMatchObject({ action: 'updated', id: first.id });

    expect(ours()).toHaveLength(1);
    expect(ours()[0].body).toBe(`${MARKER}\nreport v2`);
    for (const d of decoys) expect(gh.state.comments.find((c) => c.id === d.id)).toEqual(d);
    // Pagination was followed to the end (151+ comments at 100 per page).
    const pages = gh.state.requests.filter(
      (r) => r.operationId === 'issues/list-comments' && /page=2/.test(r.url),
    );
    expect(pages.length).toBeGreaterThan(0);
    expect(gh.state.violations).toEqual([]);
    // The token went in the Authorization header of every request.
    expect(gh.state.requests.every((r) => r.authorization?.endsWith(TOKENS.actions))).toBe(true);
  });

  it('finds an existing comment past the first page and updates the newest of several', async () => {
    const comments = seed(true);
    comments.push({
      issue_number: 7,
      body: `${MARKER}\nduplicate from an old bug`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
    });
    gh = await startGitHubServer({ pulls: [{ number: 7 }, { number: 8 }], comments });
    const octokit = make(TOKENS.actions, gh.url);
    const [older, newer] = ours();
    const res = await upsertStickyComment(octokit, {
      ...base,
      body: `${MARKER}\nfresh`,
      mode: 'update',
    });
    expect(res).toMatchObject({ action: 'updated', id: newer.id });
    expect(gh.state.comments.find((c) => c.id === older.id)!.body).toContain('old report');
    expect(gh.state.comments.find((c) => c.id === newer.id)!.body).toBe(`${MARKER}\nfresh`);
    expect(ours()).toHaveLength(2);
    expect(gh.state.violations).toEqual([]);
  });

  it('with a personal token, identifies itself via GET /user and skips comments of others', async () => {
    gh = await startGitHubServer({
      pulls: [{ number: 7 }],
      comments: [
        {
          issue_number: 7,
          body: `${MARKER}\nby the bot`,
          user: { login: 'github-actions[bot]', type: 'Bot' },
        },
        { issue_number: 7, body: `${MARKER}\nmine`, user: { login: 'octocat' } },
      ],
    });
    const res = await upsertStickyComment(make(TOKENS.user, gh.url), {
      ...base,
      body: 'new',
      mode: 'update',
    });
    expect(res.action).toBe('updated');
    expect(gh.state.comments.find((c) => c.id === res.id)!.user.login).toBe('octocat');
    expect(gh.state.comments[0].body).toContain('by the bot');
    expect(
      gh.state.requests.some(
        (r) => r.operationId === 'users/get-authenticated' && r.status === 200,
      ),
    ).toBe(true);
  });

  it("mode 'new' always creates and 'off' makes no request", async () => {
    gh = await startGitHubServer({ pulls: [{ number: 7 }], comments: seed(true) });
    const octokit = make(TOKENS.actions, gh.url);
    const a = await upsertStickyComment(octokit, { ...base, body: 'a', mode: 'new' });
    const b = await upsertStickyComment(octokit, { ...base, body: 'b', mode: 'new' });
    expect([a.action, b.action]).toEqual(['created', 'created']);
    expect(a.id).not.toBe(b.id);
    expect(ours()).toHaveLength(3);
    const count = gh.state.requests.length;
    expect(await upsertStickyComment(octokit, { ...base, body: 'c', mode: 'off' })).toMatchObject({
      action: 'skipped',
    });
    expect(gh.state.requests.length).toBe(count);
  });

  it('a read-only (fork) token is skipped with a reason, not thrown, and the token is not in it', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 7 }], comments: seed(false) });
    const res = await upsertStickyComment(make(TOKENS.readOnly, gh.url), {
      ...base,
      body: 'x',
      mode: 'update',
    });
    expect(res.action).toBe('skipped');
    expect(res.reason).toMatch(/403.*Resource not accessible by integration/);
    expect(JSON.stringify(res)).not.toContain(TOKENS.readOnly);
    expect(ours()).toHaveLength(0);
  });

  it('a comment on a PR that does not exist is skipped (404), other errors throw', async () => {
    gh = await startGitHubServer({ pulls: [{ number: 7 }] });
    const octokit = make(TOKENS.actions, gh.url);
    expect(
      await upsertStickyComment(octokit, { ...base, issueNumber: 99, body: 'x', mode: 'new' }),
    ).toMatchObject({
      action: 'skipped',
    });
    await gh.close();
    await expect(
      upsertStickyComment(octokit, { ...base, body: 'x', mode: 'new' }),
    ).rejects.toThrow();
  });
});

describe('comment helpers', () => {
  it('cuts an oversized body under the limit without splitting a surrogate pair', () => {
    const body = 'x'.repeat(MAX_COMMENT_LENGTH - 100) + '😀'.repeat(200);
    const out = fitComment(body);
    expect(out.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(fitComment('short')).toBe('short');
  });

  it('without a known author prefers github-actions[bot] among bots and never takes a human comment', () => {
    const c = (id: number, login: string, type: string, body = MARKER) => ({
      id,
      body,
      html_url: '',
      created_at: `2024-01-01T00:00:0${id}Z`,
      user: { login, type },
    });
    const all = [
      c(1, 'alice', 'User'),
      c(2, 'other[bot]', 'Bot'),
      c(3, 'github-actions[bot]', 'Bot'),
      c(4, 'github-actions[bot]', 'Bot', 'no marker'),
    ];
    expect(findOwnComments(all, MARKER, undefined).map((x) => x.id)).toEqual([3]);
    expect(findOwnComments(all.slice(0, 2), MARKER, undefined).map((x) => x.id)).toEqual([2]);
    expect(findOwnComments(all, MARKER, 'alice').map((x) => x.id)).toEqual([1]);
  });
});
