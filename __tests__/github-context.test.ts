// Event parsing over the real payloads GitHub documents (@octokit/webhooks-examples).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventInfo, loadEventInfo } from '../src/github/context.ts';

interface ExampleGroup {
  name: string;
  examples: Record<string, any>[];
}
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as ExampleGroup[];
const group = (name: string) => examples.find((g) => g.name === name)!.examples;

const prOpened = group('pull_request').find((e) => e.action === 'opened')!;
const push = group('push').find((e) => e.ref?.startsWith('refs/heads/')) ?? group('push')[0];
const dispatch = group('workflow_dispatch')[0];

const env = (over: Record<string, string> = {}) => ({
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_REF: 'refs/pull/2/merge',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '1234',
  ...over,
});

describe('eventInfo', () => {
  it('reads a pull_request.opened payload', () => {
    const info = eventInfo(env({ GITHUB_EVENT_NAME: 'pull_request' }), prOpened);
    const pr = prOpened.pull_request;
    expect(info).toMatchObject({
      kind: 'pull_request',
      owner: 'Codertocat',
      repo: 'Hello-World',
      prNumber: pr.number,
      headSha: pr.head.sha,
      baseSha: pr.base.sha,
      headRef: pr.head.ref,
      baseRef: pr.base.ref,
      defaultBranch: pr.base.repo.default_branch,
      isFork: false,
      runUrl: 'https://github.com/Codertocat/Hello-World/actions/runs/1234',
      apiUrl: 'https://api.github.com',
      sha: 'f'.repeat(40),
    });
    expect(info.labels).toEqual(pr.labels.map((l: { name: string }) => l.name));
  });

  it('detects a fork PR (another head repo, or a deleted one) and reads labels', () => {
    const fork = structuredClone(prOpened);
    fork.pull_request.head.repo.full_name = 'contributor/Hello-World';
    fork.pull_request.labels = [{ name: 'eval-regression-accepted' }, { name: 'bug' }];
    const info = eventInfo(env({ GITHUB_EVENT_NAME: 'pull_request' }), fork);
    expect(info.isFork).toBe(true);
    expect(info.labels).toEqual(['eval-regression-accepted', 'bug']);
    const gone = structuredClone(prOpened);
    gone.pull_request.head.repo = null;
    expect(eventInfo(env({ GITHUB_EVENT_NAME: 'pull_request_target' }), gone).isFork).toBe(true);
  });

  it('reads a push payload', () => {
    const info = eventInfo(
      env({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: push.ref, GITHUB_SHA: push.after }),
      push,
    );
    expect(info.kind).toBe('push');
    expect(info.headSha).toBe(push.after);
    expect(info.headRef).toBe(push.ref.replace(/^refs\/(heads|tags)\//, ''));
    expect(info.baseSha).toBe(/^0+$/.test(push.before) ? undefined : push.before);
    expect(info.defaultBranch).toBe(push.repository.default_branch);
    expect(info.prNumber).toBeUndefined();
    const tagPush = group('push').find((e) => !/^0+$/.test(e.before))!;
    expect(eventInfo(env({ GITHUB_EVENT_NAME: 'push' }), tagPush)).toMatchObject({
      baseSha: tagPush.before,
      headSha: tagPush.after,
      headRef: tagPush.ref.replace(/^refs\/tags\//, ''),
    });
    const created = { ...push, before: '0'.repeat(40) };
    expect(eventInfo(env({ GITHUB_EVENT_NAME: 'push' }), created).baseSha).toBeUndefined();
  });

  it('reads a workflow_dispatch payload', () => {
    const info = eventInfo(
      env({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' }),
      dispatch,
    );
    expect(info.kind).toBe('workflow_dispatch');
    expect(info.headSha).toBe('f'.repeat(40));
    expect(info.headRef).toBe(dispatch.ref.replace(/^refs\/heads\//, ''));
    expect(info.isFork).toBe(false);
  });

  it('derives the GHES API URL and never throws on junk', () => {
    const info = eventInfo(
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_SERVER_URL: 'https://ghe.corp.test/' },
      'junk',
    );
    expect(info).toMatchObject({
      kind: 'other',
      serverUrl: 'https://ghe.corp.test',
      apiUrl: 'https://ghe.corp.test/api/v3',
    });
    expect(eventInfo({}, null).kind).toBe('other');
    expect(
      eventInfo(
        { GITHUB_EVENT_NAME: 'pull_request' },
        { pull_request: { labels: [null, 3, { name: 'x' }] } },
      ).labels,
    ).toEqual(['x']);
  });

  it('loadEventInfo reads GITHUB_EVENT_PATH and survives a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evalgate-ctx-'));
    try {
      const file = join(dir, 'event.json');
      await writeFile(file, JSON.stringify(prOpened));
      const info = await loadEventInfo(
        env({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file }),
      );
      expect(info.prNumber).toBe(prOpened.pull_request.number);
      const missing = await loadEventInfo(
        env({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'nope.json') }),
      );
      expect(missing.kind).toBe('other');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
