/**
 * The sticky PR comment: one comment per PR, found again by a hidden marker *and* by its author,
 * updated in place on every run.
 *
 * Why both: anyone can paste the marker into a comment of their own (quoting ours, say); taking
 * over a human's comment would edit their words (and fail with 403 under an integration token).
 * Why every page: a busy PR has more than one page of comments, and missing ours on page 2 would
 * post a duplicate on every push.
 */
import { redactSecrets } from '../report/redact.ts';
import { errorMessage, errorStatus, isPermissionError, type GitHubClient } from './client.ts';

export type CommentMode = 'update' | 'new' | 'off';

export interface StickyCommentOptions {
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  /** Hidden marker, e.g. `<!-- evalgate:comment -->`. Added to the body if missing. */
  marker: string;
  mode: CommentMode;
  /**
   * Login that authors our comments. Default: `GET /user`, which works for personal tokens; for
   * an Actions/App token (403 there) any bot (`type: Bot`, login `*[bot]`) counts, preferring
   * `github-actions[bot]`.
   */
  author?: string;
}

export interface StickyCommentResult {
  id?: number;
  url?: string;
  action: 'created' | 'updated' | 'skipped';
  /** Why it was skipped (mode off, read-only token, ...). */
  reason?: string;
}

interface CommentLike {
  id: number;
  body?: string | null;
  html_url: string;
  created_at: string;
  user: { login: string; type?: string } | null;
}

const ACTIONS_BOT = 'github-actions[bot]';

/** The login our token acts as, or undefined when the token may not ask (installation tokens). */
export async function authenticatedLogin(octokit: GitHubClient): Promise<string | undefined> {
  try {
    const { data } = await octokit.request('GET /user');
    return data.login;
  } catch (err) {
    if (isPermissionError(err)) return undefined;
    throw err;
  }
}

/** Our comments among `comments`, oldest first. */
export function findOwnComments<T extends CommentLike>(
  comments: T[],
  marker: string,
  author: string | undefined,
): T[] {
  const marked = comments.filter((c) => typeof c.body === 'string' && c.body.includes(marker));
  if (author) return marked.filter((c) => c.user?.login === author);
  const bots = marked.filter((c) => c.user?.type === 'Bot' && c.user.login.endsWith('[bot]'));
  const actions = bots.filter((c) => c.user?.login === ACTIONS_BOT);
  return actions.length ? actions : bots;
}

/** GitHub's limit for a comment body, in characters. */
export const MAX_COMMENT_LENGTH = 65536;

/**
 * Last line of defence: the report already keeps itself under the limit, but a body over it
 * would be rejected (422) and the PR would get no comment at all.
 */
export function fitComment(body: string): string {
  if (body.length <= MAX_COMMENT_LENGTH) return body;
  const note = "\n\n_… cut to fit GitHub's comment limit; the full report is in the job summary._";
  let cut = body.slice(0, MAX_COMMENT_LENGTH - note.length);
  // Do not leave half a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}

function skipped(reason: string): StickyCommentResult {
  return { action: 'skipped', reason };
}

/**
 * Creates or updates the sticky comment. Permission errors (a fork PR's read-only token, a
 * missing `pull-requests: write`) come back as `skipped` with the reason; other errors throw.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  opts: StickyCommentOptions,
): Promise<StickyCommentResult> {
  if (opts.mode === 'off') return skipped('comment mode is off');
  const { owner, repo, issueNumber: issue_number } = opts;
  // The last line of defence: whatever the body was built from, no secret leaves in it.
  const redacted = redactSecrets(opts.body);
  const body = fitComment(
    redacted.includes(opts.marker) ? redacted : `${opts.marker}\n${redacted}`,
  );

  try {
    if (opts.mode === 'update') {
      const author = opts.author ?? (await authenticatedLogin(octokit));
      const all = await octokit.paginate(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        {
          owner,
          repo,
          issue_number,
          per_page: 100,
        },
      );
      const ours = findOwnComments(all, opts.marker, author);
      // Several of ours can exist (an older version duplicated, or `mode: new` ran before):
      // keep editing the newest, the one readers see last.
      const newest = ours.reduce<(typeof ours)[number] | undefined>(
        (best, c) =>
          !best ||
          c.created_at > best.created_at ||
          (c.created_at === best.created_at && c.id > best.id)
            ? c
            : best,
        undefined,
      );
      if (newest) {
        try {
          const { data } = await octokit.request(
            'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
            {
              owner,
              repo,
              comment_id: newest.id,
              body,
            },
          );
          return { id: Number(data.id), url: data.html_url, action: 'updated' };
        } catch (err) {
          // With the author only guessed (any bot), the comment may be another app's: GitHub
          // refuses the edit, and a comment of our own is what we want anyway. A read-only token
          // fails the create below too and ends up skipped.
          if (author || errorStatus(err) !== 403) throw err;
        }
      }
    }
    const { data } = await octokit.request(
      'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        owner,
        repo,
        issue_number,
        body,
      },
    );
    return { id: Number(data.id), url: data.html_url, action: 'created' };
  } catch (err) {
    if (isPermissionError(err)) {
      return skipped(
        `GitHub answered ${errorStatus(err)} (${errorMessage(err)}): the token may not comment here ` +
          '(a fork PR gets a read-only token; see docs/github.md for the two-workflow setup)',
      );
    }
    throw err;
  }
}
