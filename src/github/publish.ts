/**
 * Publishing a comparison to a PR: the sticky comment and the gate (check run, or commit status
 * where check runs are not allowed). `publishComparison` takes any client, so the action and
 * `evalgate publish` (outside Actions, `@octokit/rest`) share it.
 */
import {
  COMMENT_MAX,
  DEFAULT_MARKER,
  plainHeadline,
  renderComment,
  renderSummary,
} from '../report/index.ts';
import { clean } from '../report/markdown.ts';
import type { Comparison } from '../types.ts';
import {
  conclusionFor,
  publishGate,
  statusStateFor,
  type Annotation,
  type PublishResult,
} from './checks.ts';
import { restClient, type GitHubClient } from './client.ts';
import { upsertStickyComment, type CommentMode, type StickyCommentResult } from './comment.ts';

export interface PublishOptions {
  owner: string;
  repo: string;
  pr: number;
  comparison: Comparison;
  /** Head sha for the check; default: the PR's current head. */
  sha?: string;
  checkName?: string;
  commentMode: CommentMode;
  runUrl?: string;
  /** Web URL of the server (`https://github.com`, a GHES host), for links in the report. */
  serverUrl?: string;
  /** Folder of the suite config inside the repository, for annotation paths. Default: root. */
  suiteDir?: string;
  /** Login of our comments' author, when known (see StickyCommentOptions.author). */
  author?: string;
  marker?: string;
}

export interface PublishOutcome {
  comment: StickyCommentResult;
  check: PublishResult & { kind?: 'check' | 'status' };
  /** Convenience for the CLI's output line. */
  commentAction: StickyCommentResult['action'];
  commentUrl?: string;
}

/** The web URL belonging to an API URL: api.github.com → github.com, `<host>/api/v3` → `<host>`. */
export function serverUrlFor(apiUrl: string): string {
  const u = apiUrl.replace(/\/$/, '');
  if (/^https?:\/\/api\.github\.com$/.test(u)) return 'https://github.com';
  const ghec = /^(https?:\/\/)api\.(.+\.ghe\.com)$/.exec(u);
  if (ghec) return `${ghec[1]}${ghec[2]}`;
  return u.replace(/\/api\/v3$/, '');
}

/**
 * Annotations on the dataset lines of the cases that newly fail (and suspected ones, as
 * warnings). Paths in results are relative to the suite's folder; GitHub wants them relative to
 * the repository root.
 */
export function failureAnnotations(c: Comparison, suiteDir = ''): Annotation[] {
  const dir = suiteDir
    .replace(/\\/g, '/')
    .replace(/^\.(\/|$)/, '')
    .replace(/\/+$/, '');
  const prefix = dir ? `${dir}/` : '';
  const out: Annotation[] = [];
  for (const cs of c.cases) {
    if (cs.label !== 'new_failure' && cs.label !== 'suspected_new_failure') continue;
    if (!cs.source?.file) continue;
    // Annotations are plain text, but public: names and reasons cleaned like every report's.
    const modes = cs.modes
      .filter((m) => m.label === cs.label)
      .map((m) => clean(m.mode, 80).replace(/\s+/g, ' '));
    const reasons = (cs.head?.failing ?? []).map(
      (f) => `${clean(f.mode, 80).replace(/\s+/g, ' ')}: ${clean(f.reason, 2000)}`,
    );
    out.push({
      path: `${prefix}${cs.source.file}`,
      start_line: cs.source.line,
      end_line: cs.source.line,
      annotation_level: cs.label === 'new_failure' ? 'failure' : 'warning',
      title: clean(
        `${cs.label === 'new_failure' ? 'New failure' : 'Suspected new failure'}: ${cs.id}`,
        255,
      ).replace(/\s+/g, ' '),
      message: [
        `Passes on base, fails on head (${modes.join(', ') || 'unknown mode'}).`,
        ...reasons,
      ].join('\n'),
    });
  }
  return out;
}

/** Comment + gate for one PR. Permission problems come back as `skipped` results, not errors. */
export async function publishComparison(
  octokit: GitHubClient,
  opts: PublishOptions,
): Promise<PublishOutcome> {
  const { owner, repo, pr, comparison } = opts;
  const serverUrl = opts.serverUrl ?? 'https://github.com';
  let sha = opts.sha;
  if (!sha) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      owner,
      repo,
      pull_number: pr,
    });
    sha = data.head.sha;
  }
  const marker = opts.marker ?? DEFAULT_MARKER;
  const reportOpts = {
    runUrl: opts.runUrl,
    repoUrl: `${serverUrl}/${owner}/${repo}`,
    headSha: sha,
    marker,
  };
  const comment = await upsertStickyComment(octokit, {
    owner,
    repo,
    issueNumber: pr,
    marker,
    mode: opts.commentMode,
    body: renderComment(comparison, { ...reportOpts, maxLength: COMMENT_MAX }),
    author: opts.author,
  });

  const h = plainHeadline(comparison);
  const check = await publishGate(octokit, {
    owner,
    repo,
    headSha: sha,
    name: opts.checkName ?? 'evalgate',
    conclusion: conclusionFor(comparison.verdict, comparison.accepted),
    verdictState: statusStateFor(comparison.verdict, comparison.accepted),
    title: `${h.title}: ${h.text}`,
    summary: renderSummary(comparison, { ...reportOpts, maxLength: 65_000 }),
    annotations: failureAnnotations(comparison, opts.suiteDir),
    detailsUrl: opts.runUrl ?? comment.url,
  });
  return { comment, check, commentAction: comment.action, commentUrl: comment.url };
}

export interface OutsideActionsOptions extends Omit<PublishOptions, 'serverUrl'> {
  token: string;
  apiUrl: string;
}

/** The PR is not the one the results are for: nothing is published. */
export class PullMismatchError extends Error {}

/**
 * Refuses to publish results for `sha` on a PR whose head is another commit. In the fork
 * pattern the PR number comes from an artifact the PR's own code wrote: without this check it
 * could point the comment and the check at any other PR.
 */
export async function verifyPullHead(
  octokit: GitHubClient,
  opts: { owner: string; repo: string; pr: number; sha: string },
): Promise<void> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: opts.owner,
    repo: opts.repo,
    pull_number: opts.pr,
  });
  if (data.head.sha !== opts.sha) {
    throw new PullMismatchError(
      `PR #${opts.pr}'s head is ${data.head.sha.slice(0, 12)}, not ${opts.sha.slice(0, 12)} (the commit ` +
        'these results are for): not publishing. The PR number may be wrong, or the PR has new commits.',
    );
  }
}

/** `evalgate publish`: the same comment and gate from another CI or a laptop. */
export async function publishOutsideActions(opts: OutsideActionsOptions): Promise<PublishOutcome> {
  const { token, apiUrl, ...rest } = opts;
  const octokit = restClient({ token, baseUrl: apiUrl });
  if (rest.sha)
    await verifyPullHead(octokit, {
      owner: rest.owner,
      repo: rest.repo,
      pr: rest.pr,
      sha: rest.sha,
    });
  return publishComparison(octokit, { ...rest, serverUrl: serverUrlFor(apiUrl) });
}
