/**
 * Octokit clients. Inside Actions we use `@actions/github`'s `getOctokit` (proxy-aware, the
 * runner's user agent); outside (another CI, a laptop) plain `@octokit/rest`. Both are the same
 * `@octokit/core` underneath, so the publishing code takes the small `GitHubClient` surface
 * (`request` + `paginate`) and works with either.
 */
import { getOctokit } from '@actions/github';
import { Octokit } from '@octokit/rest';
import type { Octokit as RestOctokit } from '@octokit/rest';
import { logSafe } from '../report/plain.ts';

/** What our GitHub functions use: typed route requests and pagination. */
export type GitHubClient = Pick<RestOctokit, 'request' | 'paginate'>;

export interface ClientOptions {
  token: string;
  /** REST base URL; GHES is `https://<host>/api/v3`. Default: GITHUB_API_URL, else api.github.com. */
  baseUrl?: string;
  userAgent?: string;
}

const USER_AGENT = 'evalgate';

function apiUrl(baseUrl: string | undefined): string {
  return (baseUrl || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '');
}

/** The client for code running inside a GitHub Actions job. */
export function actionsClient(opts: ClientOptions): GitHubClient {
  return getOctokit(opts.token, {
    baseUrl: apiUrl(opts.baseUrl),
    userAgent: opts.userAgent ?? USER_AGENT,
    log: { ...REQUEST_LOG, error: escapedLine },
  });
}

const escapedLine = (message: string) => void process.stderr.write(`${logSafe(message)}\n`);

/**
 * Octokit's own log: failed requests are reported by our callers with context (a fork PR's 403
 * is expected), so only its warnings (GitHub's deprecation notices) are shown, escaped like every
 * other line we print.
 */
const REQUEST_LOG = {
  debug: () => {},
  info: () => {},
  warn: escapedLine,
  error: () => {},
};

/** The client for `evalgate publish` outside Actions. */
export function restClient(opts: ClientOptions): GitHubClient {
  return new Octokit({
    auth: opts.token,
    baseUrl: apiUrl(opts.baseUrl),
    userAgent: opts.userAgent ?? USER_AGENT,
    log: REQUEST_LOG,
  });
}

/** HTTP status of an Octokit `RequestError` (or anything with a numeric `status`). */
export function errorStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** GitHub's own message from an error response, else the error's message; one line, no token. */
export function errorMessage(err: unknown): string {
  const data = (err as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  const msg =
    typeof data?.message === 'string'
      ? data.message
      : err instanceof Error
        ? err.message
        : String(err);
  return msg.split('\n')[0].slice(0, 300);
}

/**
 * Errors that mean "this token may not do that here" (a fork PR's read-only token, a missing
 * `permissions:` entry, a personal token creating a check run): callers report them and skip.
 */
export function isPermissionError(err: unknown): boolean {
  const s = errorStatus(err);
  return s === 401 || s === 403 || s === 404;
}
