/**
 * `evalgate monitor --issue` against the loopback GitHub (every request validated against
 * GitHub's OpenAPI description): the first worsened run opens one issue, later worsened runs
 * comment on it, a steady run says "back to normal" once, and there is never a second issue.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findMonitorIssue, ISSUE_LABEL, ISSUE_MARKER } from '../src/monitor/issue.ts';
import { startGitHubServer, TOKENS, type GitHubServer } from './helpers/github-server.ts';
import { monitorDir, ROOT, traceLines, week } from './helpers/monitor.ts';

const run = promisify(execFile);

let gh: GitHubServer;
beforeEach(async () => {
  // A pull request (#1) carrying the label too: the issues list includes pull requests.
  gh = await startGitHubServer({ pulls: [{ number: 1, labels: [ISSUE_LABEL] }] });
});
afterEach(async () => {
  await gh.close();
});

async function monitor(dir: string, env: Record<string, string> = {}, bin = 'src/bin.ts') {
  const child = run(
    process.execPath,
    [join(ROOT, bin), 'monitor', 'traces.jsonl', '--out', 'out', '--issue'],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        GITHUB_API_URL: gh.url,
        GITHUB_REPOSITORY: `${gh.state.owner}/${gh.state.repo}`,
        GITHUB_TOKEN: TOKENS.actions,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '4242',
        ...env,
      },
    },
  );
  try {
    const { stderr } = await child;
    return { code: 0, stderr };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

const setTraces = (dir: string, latest: Parameters<typeof week>[0]) =>
  writeFileSync(join(dir, 'traces.jsonl'), `${traceLines(week(latest)).join('\n')}\n`);

describe('evalgate monitor --issue', () => {
  it('opens one issue, then comments on it, says "back to normal" once, never opens a second', async () => {
    const dir = monitorDir(week({ ok: 44, hallucinated: 15, ungrounded: 1 }));

    const first = await monitor(dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      /issue #2 opened: https:\/\/github\.com\/octo-org\/octo-repo\/issues\/2/,
    );
    expect(gh.state.issues).toHaveLength(1);
    const [issue] = gh.state.issues;
    expect(issue.title).toBe('evalgate monitor: hallucinated_action worsened');
    expect(issue.body).toContain(ISSUE_MARKER);
    expect(issue.body).toContain('| `hallucinated_action` |');
    expect(issue.body).toContain(
      '[The workflow run](https://github.com/octo-org/octo-repo/actions/runs/4242)',
    );
    expect(gh.state.labels.get(issue.number)).toEqual([ISSUE_LABEL]);

    const second = await monitor(dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/issue #2 commented/);
    expect(gh.state.issues).toHaveLength(1);
    expect(gh.state.comments.filter((c) => c.issue_number === 2)).toHaveLength(1);

    setTraces(dir, { ok: 57, hallucinated: 2, ungrounded: 1 });
    const steady = await monitor(dir);
    expect(steady.code).toBe(0);
    expect(steady.stderr).toMatch(/issue #2 back-to-normal/);
    const comments = gh.state.comments.filter((c) => c.issue_number === 2);
    expect(comments).toHaveLength(2);
    expect(comments[1].body).toMatch(/Back to normal: no failure mode worsened/);

    const again = await monitor(dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/issue #2: already back to normal/);
    expect(gh.state.comments.filter((c) => c.issue_number === 2)).toHaveLength(2);

    setTraces(dir, { ok: 44, hallucinated: 15, ungrounded: 1 });
    expect((await monitor(dir)).stderr).toMatch(/issue #2 commented/);
    expect(gh.state.issues).toHaveLength(1);
    expect(gh.state.violations).toEqual([]);
  }, 60_000);

  it('works the same from the bundle (dist/cli/index.js), as installed users run it', async () => {
    const dir = monitorDir(week({ ok: 44, hallucinated: 15, ungrounded: 1 }));
    const first = await monitor(dir, {}, 'dist/cli/index.js');
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/issue #2 opened/);
    expect(gh.state.issues).toHaveLength(1);
    expect(gh.state.labels.get(2)).toEqual([ISSUE_LABEL]);
    const second = await monitor(dir, {}, 'dist/cli/index.js');
    expect(second.stderr).toMatch(/issue #2 commented/);
    expect(gh.state.issues).toHaveLength(1);
    expect(gh.state.violations).toEqual([]);
  }, 60_000);

  it('does nothing when nothing worsened and no issue is open', async () => {
    const dir = monitorDir(week({ ok: 57, hallucinated: 2, ungrounded: 1 }));
    const r = await monitor(dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no issue: nothing worsened');
    expect(gh.state.issues).toHaveLength(0);
    expect(gh.state.requests.map((q) => q.operationId)).toEqual(['issues/list-for-repo']);
  });

  it('opens a new issue when the open one lacks the label or the marker, or was closed', async () => {
    await gh.close();
    gh = await startGitHubServer({
      issues: [
        // Marker without the label: someone quoting our issue.
        { number: 3, body: `${ISSUE_MARKER} quoted`, labels: [] },
        // Label without the marker: a person's issue about the monitor.
        { number: 4, body: 'the monitor is noisy', labels: [ISSUE_LABEL] },
        // Ours, closed by a person.
        { number: 5, body: ISSUE_MARKER, labels: [ISSUE_LABEL], state: 'closed' },
      ],
    });
    const dir = monitorDir(week({ ok: 44, hallucinated: 15 }));
    const r = await monitor(dir);
    expect(r.stderr).toMatch(/issue #6 opened/);
    expect(gh.state.comments).toHaveLength(0);
    expect(gh.state.violations).toEqual([]);
  });

  it('keeps the issue body inert: escaped trace text, no mentions, secrets masked', async () => {
    const secret = 'sk-live-0123456789abcdefXYZ';
    const dir = monitorDir(
      week({
        ok: 30,
        hallucinated: 30,
        errored: 5,
        errorMessage: `<script>alert(1)</script> @octocat #1 ${secret}`,
      }),
    );
    const r = await monitor(dir, { MONITOR_TEST_API_KEY: secret });
    expect(r.code).toBe(1);
    const body = gh.state.issues[0].body!;
    expect(body).toContain('First check error');
    expect(body).not.toContain(secret);
    expect(body).not.toMatch(/(?<!\\)<script/);
    expect(body).not.toMatch(/@octocat/);
    expect(body).not.toMatch(/#1\b/);
  });

  it('needs GITHUB_TOKEN and GITHUB_REPOSITORY (exit 2 before reading traces) and reports a refusal (exit 3)', async () => {
    const dir = monitorDir(week({ ok: 44, hallucinated: 15 }));
    const noToken = await monitor(dir, { GITHUB_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/--issue needs a token in GITHUB_TOKEN/);

    const readOnly = await monitor(dir, { GITHUB_TOKEN: TOKENS.readOnly });
    expect(readOnly.code).toBe(3);
    expect(readOnly.stderr).toMatch(
      /could not open or update the monitor issue: Resource not accessible by integration/,
    );
    expect(gh.state.issues).toHaveLength(0);
  });

  it('finds the oldest open issue with both the label and the marker, skipping pull requests', () => {
    const found = findMonitorIssue([
      { number: 9, body: ISSUE_MARKER, html_url: 'u9' },
      { number: 7, body: ISSUE_MARKER, html_url: 'u7', pull_request: {} },
      { number: 8, body: `x ${ISSUE_MARKER}`, html_url: 'u8' },
      { number: 2, body: null, html_url: 'u2' },
    ]);
    expect(found?.number).toBe(8);
  });
});
