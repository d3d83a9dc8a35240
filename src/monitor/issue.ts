/**
 * The monitor's one GitHub issue: opened when a failure mode first worsens, commented on each
 * later run that finds a mode worsened, and told once "back to normal" when a run finds none
 * worsened. Never a second issue while one is open: the open issue is found again by its label
 * *and* the hidden marker in its body (a label alone could be put on anyone's issue; a marker
 * alone could be quoted into one). Closing the issue is left to people: the next worsened run
 * after that opens a new one.
 *
 * The body is the monitor's markdown (untrusted text escaped, no @-mentions or raw HTML) with
 * known secrets masked as a last step.
 */
import { fitComment } from '../github/comment.ts';
import type { GitHubClient } from '../github/client.ts';
import { cut, neutralize, safeHref } from '../report/markdown.ts';
import { redactSecrets } from '../report/redact.ts';
import { headline, monitorMarkdown } from './markdown.ts';
import type { MonitorReport } from './report.ts';

export const ISSUE_LABEL = 'evalgate-monitor';
/** In the issue's body and in each of our comments. */
export const ISSUE_MARKER = '<!-- evalgate:monitor -->';
/** In our "back to normal" comments, so a steady run says so once, not every day. */
export const NORMAL_MARKER = '<!-- evalgate:monitor:normal -->';

export interface IssueOptions {
  owner: string;
  repo: string;
  report: MonitorReport;
  /** The workflow run (its artifacts hold the dashboard). */
  runUrl?: string;
}

export interface IssueResult {
  action: 'opened' | 'commented' | 'back-to-normal' | 'none';
  number?: number;
  url?: string;
}

interface IssueLike {
  number: number;
  body?: string | null;
  html_url: string;
  pull_request?: unknown;
}

/** The open monitor issue among `issues` (the oldest, should there be several), or undefined. */
export function findMonitorIssue<T extends IssueLike>(issues: readonly T[]): T | undefined {
  return issues
    .filter((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(ISSUE_MARKER))
    .sort((a, b) => a.number - b.number)[0];
}

function body(marker: string, markdown: string, runUrl: string | undefined): string {
  const run = safeHref(runUrl);
  const link = run ? `\n[The workflow run](${run}) has the dashboard in its artifacts.\n` : '';
  return fitComment(`${marker}\n${redactSecrets(markdown)}${link}`);
}

export function issueTitle(r: MonitorReport): string {
  // Titles are plain text, but GitHub still links #123 in them: neutralised like everything else.
  return neutralize(redactSecrets(cut(`evalgate monitor: ${r.worsened.join(', ')} worsened`, 200)));
}

export async function syncMonitorIssue(
  client: GitHubClient,
  opts: IssueOptions,
): Promise<IssueResult> {
  const { owner, repo, report } = opts;
  const open = await client.paginate('GET /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    state: 'open',
    labels: ISSUE_LABEL,
    per_page: 100,
  });
  const existing = findMonitorIssue(open);
  const markdown = monitorMarkdown(report);

  if (report.worsened.length > 0) {
    if (!existing) {
      const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        title: issueTitle(report),
        body: body(ISSUE_MARKER, markdown, opts.runUrl),
        labels: [ISSUE_LABEL],
      });
      return { action: 'opened', number: data.number, url: data.html_url };
    }
    const { data } = await client.request(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        owner,
        repo,
        issue_number: existing.number,
        body: body(ISSUE_MARKER, markdown, opts.runUrl),
      },
    );
    return { action: 'commented', number: existing.number, url: data.html_url };
  }

  if (!existing) return { action: 'none' };
  const comments = await client.paginate(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner, repo, issue_number: existing.number, per_page: 100 },
  );
  const ours = comments.filter((c) => typeof c.body === 'string' && c.body.includes(ISSUE_MARKER));
  const last = ours[ours.length - 1];
  if (last?.body?.includes(NORMAL_MARKER))
    return { action: 'none', number: existing.number, url: existing.html_url };
  const { data } = await client.request(
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    {
      owner,
      repo,
      issue_number: existing.number,
      body: body(
        `${ISSUE_MARKER}\n${NORMAL_MARKER}`,
        `Back to normal: ${headline(report).replace(/^evalgate monitor: /, '')} in the latest window. Close this issue when you are done with it; the next worsened mode opens a new one.\n\n${markdown}`,
        opts.runUrl,
      ),
    },
  );
  return { action: 'back-to-normal', number: existing.number, url: data.html_url };
}
