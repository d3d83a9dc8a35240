/**
 * The merge gate as GitHub sees it: a check run (with annotations on the dataset lines of
 * failing cases) or, where check runs are not allowed (a personal token outside Actions), a
 * commit status. Branch protection can require either by name.
 */
import { redactSecrets } from '../report/redact.ts';
import type { OverallVerdict } from '../types.ts';
import { errorMessage, errorStatus, isPermissionError, type GitHubClient } from './client.ts';

export type CheckConclusion = 'success' | 'failure' | 'neutral';
export type AnnotationLevel = 'notice' | 'warning' | 'failure';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
}

export interface CheckRunOptions {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: CheckConclusion;
  title: string;
  /** Markdown; cut to GitHub's 65,535 characters. */
  summary: string;
  text?: string;
  annotations?: Annotation[];
  detailsUrl?: string;
  /** At most this many annotations in all (each 50 is a request). Default 500. */
  maxAnnotations?: number;
}

export interface PublishResult {
  id?: number;
  url?: string;
  action: 'created' | 'skipped';
  reason?: string;
}

/** GitHub's limits for check runs. */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;
export const MAX_OUTPUT_LENGTH = 65535;
export const MAX_STATUS_DESCRIPTION = 140;
/** Our own cap: a suite with thousands of new failures should not cost a hundred requests. */
export const MAX_ANNOTATIONS = 500;

/**
 * Verdict → conclusion. `accepted` (the accept label turned a block into a pass) is a success:
 * a neutral check would satisfy branch protection too, but green says "merge allowed" plainly;
 * the comment and the title carry the warning.
 */
export function conclusionFor(verdict: OverallVerdict, accepted = false): CheckConclusion {
  if (accepted) return 'success';
  return verdict === 'pass' ? 'success' : 'failure';
}

/** Cuts `s` to at most `max` UTF-16 units, never splitting a surrogate pair, marking the cut. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const mark = '\n…';
  let out = s.slice(0, max - mark.length);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out + mark;
}

/** GitHub rejects annotations with lines < 1 or end before start; clamp instead of failing. */
function cleanAnnotation(a: Annotation): Annotation {
  const start = Math.max(1, Math.floor(Number(a.start_line)) || 1);
  const end = Math.max(start, Math.floor(Number(a.end_line)) || start);
  const out: Annotation = {
    path: a.path,
    start_line: start,
    end_line: end,
    annotation_level: a.annotation_level,
    message: cutText(redactSecrets(String(a.message ?? '')), 64 * 1024 - 1) || '(no message)',
  };
  if (a.title) out.title = cutText(redactSecrets(String(a.title)), 255);
  return out;
}

export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function permissionSkip(err: unknown, what: string): PublishResult {
  return {
    action: 'skipped',
    reason: `GitHub answered ${errorStatus(err)} (${errorMessage(err)}): the token may not ${what} (needs \`checks: write\`; a personal token cannot create check runs, use a commit status)`,
  };
}

/**
 * Creates a completed check run with the first 50 annotations, then adds the rest 50 at a time
 * with updates (GitHub's per-request limit). Permission errors come back as `skipped`.
 */
export async function publishCheckRun(
  octokit: GitHubClient,
  opts: CheckRunOptions,
): Promise<PublishResult> {
  const { owner, repo } = opts;
  // Everything in a check run is public to whoever can see the commit: no secret in any of it.
  const title = cutText(redactSecrets(opts.title), 255);
  const summary = cutText(redactSecrets(opts.summary), MAX_OUTPUT_LENGTH);
  const text =
    opts.text === undefined ? undefined : cutText(redactSecrets(opts.text), MAX_OUTPUT_LENGTH);
  const [first = [], ...rest] = batches(
    (opts.annotations ?? []).map(cleanAnnotation),
    MAX_ANNOTATIONS_PER_REQUEST,
  );
  let id: number | undefined;
  try {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      owner,
      repo,
      name: opts.name,
      head_sha: opts.headSha,
      status: 'completed',
      conclusion: opts.conclusion,
      completed_at: new Date().toISOString(),
      ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
      output: { title, summary, ...(text ? { text } : {}), annotations: first },
    });
    id = Number(data.id);
    for (const batch of rest) {
      await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        owner,
        repo,
        check_run_id: Number(data.id),
        output: { title, summary, annotations: batch },
      });
    }
    return { id: Number(data.id), url: data.html_url ?? undefined, action: 'created' };
  } catch (err) {
    if (isPermissionError(err)) {
      // The run may exist already with its first batch: report it, do not pretend it is missing.
      return { ...permissionSkip(err, 'create check runs'), id };
    }
    throw err;
  }
}

export interface CommitStatusOptions {
  owner: string;
  repo: string;
  sha: string;
  /** The status's name in branch protection. */
  context: string;
  state: 'success' | 'failure' | 'error' | 'pending';
  /** Cut to GitHub's 140 characters. */
  description: string;
  targetUrl?: string;
}

export function statusStateFor(
  verdict: OverallVerdict,
  accepted = false,
): CommitStatusOptions['state'] {
  if (accepted || verdict === 'pass') return 'success';
  return verdict === 'error' ? 'error' : 'failure';
}

/** Sets a commit status: what a personal token (outside Actions) can do instead of a check run. */
export async function setCommitStatus(
  octokit: GitHubClient,
  opts: CommitStatusOptions,
): Promise<PublishResult> {
  try {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
      owner: opts.owner,
      repo: opts.repo,
      sha: opts.sha,
      state: opts.state,
      context: opts.context,
      description: cutText(redactSecrets(opts.description), MAX_STATUS_DESCRIPTION).replace(
        /\n…$/,
        '…',
      ),
      ...(opts.targetUrl ? { target_url: opts.targetUrl } : {}),
    });
    return { id: Number(data.id), url: data.url, action: 'created' };
  } catch (err) {
    if (isPermissionError(err)) {
      return {
        action: 'skipped',
        reason: `GitHub answered ${errorStatus(err)} (${errorMessage(err)}): the token may not set commit statuses (needs \`statuses: write\`)`,
      };
    }
    throw err;
  }
}

/**
 * A check run where allowed, else a commit status with the same name: so `evalgate publish` with a
 * personal token still leaves something branch protection can require.
 */
export async function publishGate(
  octokit: GitHubClient,
  opts: CheckRunOptions & { verdictState: CommitStatusOptions['state'] },
): Promise<PublishResult & { kind: 'check' | 'status' }> {
  const check = await publishCheckRun(octokit, opts);
  if (check.action === 'created' || check.id !== undefined) return { ...check, kind: 'check' };
  const status = await setCommitStatus(octokit, {
    owner: opts.owner,
    repo: opts.repo,
    sha: opts.headSha,
    context: opts.name,
    state: opts.verdictState,
    description: opts.title,
    targetUrl: opts.detailsUrl,
  });
  if (status.action === 'skipped') {
    return { ...status, reason: `${check.reason}; ${status.reason}`, kind: 'status' };
  }
  return { ...status, kind: 'status' };
}
