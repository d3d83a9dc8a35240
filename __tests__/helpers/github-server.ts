/**
 * A loopback GitHub: a node:http server on 127.0.0.1 that speaks GitHub's REST wire format for
 * the endpoints evalgate uses (issues and their comments, pulls, labels, check runs, commit
 * statuses, repo, authenticated user), keeps what it is sent in memory, and validates **every** request against
 * GitHub's OpenAPI description (see github-openapi.ts). A request the real API would reject is
 * answered 404/405/422 with a GitHub-style error body and recorded in `state.violations`, so a
 * test can assert that list is empty.
 *
 * From a test:   const gh = await startGitHubServer({ comments: [...] }); ... await gh.close();
 * From a shell:  node __tests__/helpers/github-server.ts --port 8123   (prints its URL)
 *
 * Identities follow GitHub: the Actions `GITHUB_TOKEN` authors comments as `github-actions[bot]`
 * and may not call `GET /user`; a personal token is a user and may not create check runs; a
 * fork PR's token is read-only (writes answer 403 "Resource not accessible by integration").
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { loadSpec, matchRoute, validateRequest, type Route } from './github-openapi.ts';

export interface Identity {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface TokenSpec {
  login: string;
  type: 'User' | 'Bot';
  /** Read-only (a fork PR's GITHUB_TOKEN): every write answers 403. */
  readOnly?: boolean;
  /** `GET /user` works (user tokens); installation tokens get 403. Default: type === 'User'. */
  canGetUser?: boolean;
  /** Check runs need a GitHub App token; a personal token gets 403. Default: type === 'Bot'. */
  canWriteChecks?: boolean;
}

/** Tokens every server accepts unless `tokens` replaces them. */
export const TOKENS = {
  actions: 'ghs_loopbackActionsToken0000000000000000',
  readOnly: 'ghs_loopbackReadOnlyForkToken00000000000',
  user: 'ghp_loopbackPersonalToken000000000000000',
} as const;

export const DEFAULT_TOKENS: Record<string, TokenSpec> = {
  [TOKENS.actions]: { login: 'github-actions[bot]', type: 'Bot' },
  [TOKENS.readOnly]: { login: 'github-actions[bot]', type: 'Bot', readOnly: true },
  [TOKENS.user]: { login: 'octocat', type: 'User' },
};

export interface SeedComment {
  issue_number: number;
  body: string;
  user?: { login: string; type?: 'User' | 'Bot' };
}

export interface SeedPull {
  number: number;
  title?: string;
  head_sha?: string;
  head_ref?: string;
  base_sha?: string;
  base_ref?: string;
  /** Head branch lives in another repository. */
  fork?: boolean;
  labels?: string[];
}

/** An issue (not a pull request) that exists before the test. */
export interface SeedIssue {
  number: number;
  title?: string;
  body?: string;
  labels?: string[];
  state?: 'open' | 'closed';
  user?: { login: string; type?: 'User' | 'Bot' };
}

export interface GitHubServerOptions {
  port?: number;
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Replaces DEFAULT_TOKENS. */
  tokens?: Record<string, TokenSpec>;
  pulls?: SeedPull[];
  comments?: SeedComment[];
  /** Labels per issue/PR number (added to those given in `pulls`). */
  labels?: Record<number, string[]>;
  /** Serve under a prefix, as GitHub Enterprise Server does (`/api/v3`). */
  pathPrefix?: string;
  issues?: SeedIssue[];
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  user: Identity;
  created_at: string;
  updated_at: string;
}

export interface StoredComment {
  id: number;
  issue_number: number;
  body: string;
  user: Identity;
  created_at: string;
  updated_at: string;
}

export interface StoredAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  [k: string]: unknown;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  started_at: string;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: StoredAnnotation[];
  /** Annotations sent per request (create, then each update), to check batching. */
  annotationBatches: number[];
  app: Identity;
}

export interface StoredStatus {
  id: number;
  sha: string;
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
  creator: Identity;
}

export interface RecordedRequest {
  method: string;
  /** Path without the GHES prefix, query string included. */
  url: string;
  operationId?: string;
  body?: unknown;
  /** The Authorization header exactly as sent. */
  authorization?: string;
  status: number;
}

export interface Violation {
  method: string;
  url: string;
  operationId?: string;
  errors: string[];
}

export interface GitHubServerState {
  owner: string;
  repo: string;
  defaultBranch: string;
  comments: StoredComment[];
  labels: Map<number, string[]>;
  pulls: Map<number, SeedPull>;
  /** Issues proper (pull requests are in `pulls`); their labels are in `labels`. */
  issues: StoredIssue[];
  checkRuns: StoredCheckRun[];
  statuses: StoredStatus[];
  requests: RecordedRequest[];
  violations: Violation[];
}

export interface GitHubServer {
  /** Base URL to give Octokit as `baseUrl` (includes the GHES prefix when set). */
  url: string;
  state: GitHubServerState;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const HTML = 'https://github.com';

class HttpError extends Error {
  readonly status: number;
  readonly extra: Record<string, unknown>;
  constructor(status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function userJson(u: Identity) {
  return {
    login: u.login,
    id: u.id,
    node_id: `U_${u.id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${encodeURIComponent(u.login)}`,
    html_url: `${HTML}/${encodeURIComponent(u.login)}`,
    type: u.type,
    site_admin: false,
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startGitHubServer(opts: GitHubServerOptions = {}): Promise<GitHubServer> {
  loadSpec();
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'octo-repo';
  const prefix = (opts.pathPrefix ?? '').replace(/\/$/, '');
  const tokens = opts.tokens ?? DEFAULT_TOKENS;
  let nextId = 1_000_001;
  const identities = new Map<string, Identity>();
  const identity = (login: string, type: 'User' | 'Bot'): Identity => {
    let found = identities.get(login);
    if (!found) {
      found = {
        login,
        type,
        id: login === 'github-actions[bot]' ? 41898282 : 5000 + identities.size,
      };
      identities.set(login, found);
    }
    return found;
  };

  const state: GitHubServerState = {
    owner,
    repo,
    defaultBranch: opts.defaultBranch ?? 'main',
    comments: [],
    labels: new Map(),
    pulls: new Map(),
    issues: [],
    checkRuns: [],
    statuses: [],
    requests: [],
    violations: [],
  };
  for (const p of opts.pulls ?? [{ number: 1 }]) {
    state.pulls.set(p.number, p);
    if (p.labels) state.labels.set(p.number, [...p.labels]);
  }
  for (const [n, names] of Object.entries(opts.labels ?? {})) {
    const num = Number(n);
    state.labels.set(num, [...(state.labels.get(num) ?? []), ...names]);
  }
  for (const i of opts.issues ?? []) {
    const t = iso(Date.now() - 7_200_000);
    state.issues.push({
      number: i.number,
      title: i.title ?? `Issue #${i.number}`,
      body: i.body ?? null,
      state: i.state ?? 'open',
      user: identity(i.user?.login ?? 'octocat', i.user?.type ?? 'User'),
      created_at: t,
      updated_at: t,
    });
    if (i.labels) state.labels.set(i.number, [...(state.labels.get(i.number) ?? []), ...i.labels]);
  }
  // Seeded comments are spaced a minute apart in the past, in the order given.
  const seedStart = Date.now() - (opts.comments?.length ?? 0) * 60_000 - 3_600_000;
  (opts.comments ?? []).forEach((c, i) => {
    const t = iso(seedStart + i * 60_000);
    state.comments.push({
      id: nextId++,
      issue_number: c.issue_number,
      body: c.body,
      user: identity(c.user?.login ?? 'octocat', c.user?.type ?? 'User'),
      created_at: t,
      updated_at: t,
    });
  });

  const issueExists = (n: number) =>
    state.pulls.has(n) ||
    state.issues.some((i) => i.number === n) ||
    state.labels.has(n) ||
    state.comments.some((c) => c.issue_number === n);
  /** Issues and pull requests share one sequence of numbers, as on GitHub. */
  const nextIssueNumber = () =>
    Math.max(
      0,
      ...state.pulls.keys(),
      ...state.issues.map((i) => i.number),
      ...state.labels.keys(),
      ...state.comments.map((c) => c.issue_number),
    ) + 1;

  function commentJson(c: StoredComment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${c.id}`,
      html_url: `${HTML}/${owner}/${repo}/${state.pulls.has(c.issue_number) ? 'pull' : 'issues'}/${c.issue_number}#issuecomment-${c.id}`,
      issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${c.issue_number}`,
      body: c.body,
      user: userJson(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
  }

  function issueJson(i: StoredIssue) {
    return {
      id: 2_000_000 + i.number,
      node_id: `I_${i.number}`,
      url: `https://api.github.com/repos/${owner}/${repo}/issues/${i.number}`,
      html_url: `${HTML}/${owner}/${repo}/issues/${i.number}`,
      number: i.number,
      state: i.state,
      title: i.title,
      body: i.body,
      user: userJson(i.user),
      labels: (state.labels.get(i.number) ?? []).map(labelJson),
      comments: state.comments.filter((c) => c.issue_number === i.number).length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.state === 'closed' ? i.updated_at : null,
      author_association: i.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    };
  }

  /** A pull request as `GET /repos/{owner}/{repo}/issues` lists it (with `pull_request`). */
  function pullAsIssueJson(p: SeedPull) {
    const pull = pullJson(p);
    return {
      id: 2_000_000 + p.number,
      node_id: `I_${p.number}`,
      url: `https://api.github.com/repos/${owner}/${repo}/issues/${p.number}`,
      html_url: pull.html_url,
      number: p.number,
      state: 'open',
      title: pull.title,
      body: null,
      user: pull.user,
      labels: pull.labels,
      comments: state.comments.filter((c) => c.issue_number === p.number).length,
      created_at: iso(0),
      updated_at: iso(0),
      closed_at: null,
      author_association: 'MEMBER',
      pull_request: { url: `https://api.github.com/repos/${owner}/${repo}/pulls/${p.number}` },
    };
  }

  const findIssue = (n: string) => {
    const i = state.issues.find((x) => x.number === Number(n));
    if (!i) throw new HttpError(404, 'Not Found');
    return i;
  };

  function checkRunJson(r: StoredCheckRun) {
    return {
      id: r.id,
      node_id: `CR_${r.id}`,
      head_sha: r.head_sha,
      external_id: '',
      url: `https://api.github.com/repos/${owner}/${repo}/check-runs/${r.id}`,
      html_url: `${HTML}/${owner}/${repo}/runs/${r.id}`,
      details_url: r.details_url ?? null,
      status: r.status,
      conclusion: r.conclusion,
      started_at: r.started_at,
      completed_at: r.completed_at,
      output: {
        ...r.output,
        annotations_count: r.annotations.length,
        annotations_url: `https://api.github.com/repos/${owner}/${repo}/check-runs/${r.id}/annotations`,
      },
      name: r.name,
      check_suite: { id: r.id + 1 },
      app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
      pull_requests: [],
    };
  }

  function labelJson(name: string, i: number) {
    return {
      id: 208045946 + i,
      node_id: `LA_${i}`,
      url: `https://api.github.com/repos/${owner}/${repo}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: 'f29513',
      default: false,
    };
  }

  function repoJson(full: boolean) {
    const ownerJson = userJson(identity(owner, 'User'));
    const base = {
      id: 1296269,
      node_id: 'R_1296269',
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: ownerJson,
      private: false,
      html_url: `${HTML}/${owner}/${repo}`,
      fork: false,
      url: `https://api.github.com/repos/${owner}/${repo}`,
      default_branch: state.defaultBranch,
    };
    return full ? { ...base, visibility: 'public', archived: false, disabled: false } : base;
  }

  function pullJson(p: SeedPull) {
    const headRepo = p.fork
      ? {
          ...repoJson(false),
          id: 999,
          full_name: `fork-owner/${repo}`,
          fork: true,
          owner: userJson(identity('fork-owner', 'User')),
        }
      : repoJson(false);
    return {
      id: 1000 + p.number,
      number: p.number,
      state: 'open',
      title: p.title ?? `Pull request #${p.number}`,
      html_url: `${HTML}/${owner}/${repo}/pull/${p.number}`,
      user: userJson(identity(p.fork ? 'fork-owner' : 'octocat', 'User')),
      labels: (state.labels.get(p.number) ?? []).map(labelJson),
      draft: false,
      head: {
        label: `${p.fork ? 'fork-owner' : owner}:${p.head_ref ?? 'feature'}`,
        ref: p.head_ref ?? 'feature',
        sha: p.head_sha ?? 'b'.repeat(40),
        repo: headRepo,
      },
      base: {
        label: `${owner}:${p.base_ref ?? state.defaultBranch}`,
        ref: p.base_ref ?? state.defaultBranch,
        sha: p.base_sha ?? 'a'.repeat(40),
        repo: repoJson(false),
      },
    };
  }

  /** Issue-comment bodies are limited to 65,536 characters (not in the OpenAPI description). */
  function checkCommentBody(body: string) {
    if (body.length > 65536) {
      throw new HttpError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'IssueComment',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)',
          },
        ],
      });
    }
  }

  function paginate<T>(items: T[], query: URLSearchParams, selfUrl: URL, res: ServerResponse): T[] {
    const perPage = Math.min(Math.max(Number(query.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (n: number, rel: string) => {
      const u = new URL(selfUrl);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(n));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    if (links.length) res.setHeader('link', links.join(', '));
    return items.slice((page - 1) * perPage, page * perPage);
  }

  type Handler = (ctx: {
    route: Route;
    query: URLSearchParams;
    body: any;
    who: Identity | undefined;
    token: TokenSpec | undefined;
    selfUrl: URL;
    res: ServerResponse;
  }) => { status: number; json: unknown };

  const needWrite = (token: TokenSpec | undefined) => {
    if (!token) throw new HttpError(401, 'Requires authentication');
    if (token.readOnly) throw new HttpError(403, 'Resource not accessible by integration');
  };
  const findComment = (id: string) => {
    const c = state.comments.find((x) => x.id === Number(id));
    if (!c) throw new HttpError(404, 'Not Found');
    return c;
  };
  const issueNumber = (route: Route) => {
    const n = Number(route.params.issue_number ?? route.params.pull_number);
    if (!issueExists(n)) throw new HttpError(404, 'Not Found');
    return n;
  };

  const handlers: Record<string, Handler> = {
    'users/get-authenticated': ({ who, token }) => {
      if (!token || !who) throw new HttpError(401, 'Requires authentication');
      if (!(token.canGetUser ?? token.type === 'User')) {
        throw new HttpError(403, 'Resource not accessible by integration');
      }
      return {
        status: 200,
        json: { ...userJson(who), name: who.login, created_at: iso(0), updated_at: iso(0) },
      };
    },
    'repos/get': () => ({ status: 200, json: repoJson(true) }),
    'pulls/get': ({ route }) => {
      const p = state.pulls.get(Number(route.params.pull_number));
      if (!p) throw new HttpError(404, 'Not Found');
      return { status: 200, json: pullJson(p) };
    },
    'issues/list-for-repo': ({ query, selfUrl, res }) => {
      const wanted = query.get('state') ?? 'open';
      const labels = (query.get('labels') ?? '').split(',').filter(Boolean);
      const hasLabels = (n: number) => labels.every((l) => (state.labels.get(n) ?? []).includes(l));
      const issues = state.issues
        .filter((i) => (wanted === 'all' || i.state === wanted) && hasLabels(i.number))
        .map((i) => ({ n: i.number, json: issueJson(i) as unknown }));
      // Pull requests are issues too on this endpoint (callers must skip `pull_request`).
      const pulls = [...state.pulls.values()]
        .filter((p) => wanted !== 'closed' && hasLabels(p.number))
        .map((p) => ({ n: p.number, json: pullAsIssueJson(p) as unknown }));
      // Newest first, GitHub's default sort.
      const all = [...issues, ...pulls].sort((a, b) => b.n - a.n).map((x) => x.json);
      return { status: 200, json: paginate(all, query, selfUrl, res) };
    },
    'issues/get': ({ route }) => ({
      status: 200,
      json: issueJson(findIssue(route.params.issue_number)),
    }),
    'issues/create': ({ body, who, token }) => {
      needWrite(token);
      const t = iso(Date.now());
      const issue: StoredIssue = {
        number: nextIssueNumber(),
        title: String(body.title),
        body: body.body ?? null,
        state: 'open',
        user: who!,
        created_at: t,
        updated_at: t,
      };
      checkCommentBody(issue.body ?? '');
      state.issues.push(issue);
      const labels = ((body.labels ?? []) as (string | { name: string })[]).map((l) =>
        typeof l === 'string' ? l : l.name,
      );
      // GitHub creates labels that do not exist yet (for a token that may push).
      if (labels.length) state.labels.set(issue.number, labels);
      return { status: 201, json: issueJson(issue) };
    },
    'issues/update': ({ route, body, token }) => {
      needWrite(token);
      const issue = findIssue(route.params.issue_number);
      if (typeof body.title === 'string') issue.title = body.title;
      if (body.body !== undefined) {
        checkCommentBody(body.body ?? '');
        issue.body = body.body;
      }
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      if (Array.isArray(body.labels))
        state.labels.set(
          issue.number,
          (body.labels as (string | { name: string })[]).map((l) =>
            typeof l === 'string' ? l : l.name,
          ),
        );
      issue.updated_at = iso(Date.now());
      return { status: 200, json: issueJson(issue) };
    },
    'issues/list-labels-on-issue': ({ route, query, selfUrl, res }) => {
      const n = issueNumber(route);
      const all = (state.labels.get(n) ?? []).map(labelJson);
      return { status: 200, json: paginate(all, query, selfUrl, res) };
    },
    'issues/list-comments': ({ route, query, selfUrl, res }) => {
      const n = issueNumber(route);
      const since = query.get('since');
      const all = state.comments
        .filter((c) => c.issue_number === n && (!since || c.updated_at >= since))
        .sort((a, b) => a.id - b.id)
        .map(commentJson);
      return { status: 200, json: paginate(all, query, selfUrl, res) };
    },
    'issues/get-comment': ({ route }) => ({
      status: 200,
      json: commentJson(findComment(route.params.comment_id)),
    }),
    'issues/create-comment': ({ route, body, who, token }) => {
      needWrite(token);
      const n = issueNumber(route);
      checkCommentBody(body.body);
      const t = iso(Date.now());
      const c: StoredComment = {
        id: nextId++,
        issue_number: n,
        body: body.body,
        user: who!,
        created_at: t,
        updated_at: t,
      };
      state.comments.push(c);
      return { status: 201, json: commentJson(c) };
    },
    'issues/update-comment': ({ route, body, who, token }) => {
      needWrite(token);
      const c = findComment(route.params.comment_id);
      // GitHub lets only the author (or a maintainer with a user token) edit a comment; an
      // integration token editing someone else's comment gets 403.
      if (token!.type === 'Bot' && c.user.login !== who!.login) {
        throw new HttpError(403, 'Resource not accessible by integration');
      }
      checkCommentBody(body.body);
      c.body = body.body;
      c.updated_at = iso(Date.now());
      return { status: 200, json: commentJson(c) };
    },
    'checks/create': ({ body, token, who }) => {
      needWrite(token);
      if (!(token!.canWriteChecks ?? token!.type === 'Bot')) {
        throw new HttpError(403, 'You must authenticate via a GitHub App.');
      }
      const now = iso(Date.now());
      const anns = (body.output?.annotations ?? []) as StoredAnnotation[];
      const run: StoredCheckRun = {
        id: nextId++,
        name: body.name,
        head_sha: body.head_sha,
        status: body.conclusion ? 'completed' : (body.status ?? 'queued'),
        conclusion: body.conclusion ?? null,
        details_url: body.details_url,
        started_at: body.started_at ?? now,
        completed_at: body.conclusion ? (body.completed_at ?? now) : null,
        output: {
          title: body.output?.title ?? null,
          summary: body.output?.summary ?? null,
          text: body.output?.text ?? null,
        },
        annotations: [...anns],
        annotationBatches: [anns.length],
        app: who!,
      };
      state.checkRuns.push(run);
      return { status: 201, json: checkRunJson(run) };
    },
    'checks/update': ({ route, body, token }) => {
      needWrite(token);
      const run = state.checkRuns.find((r) => r.id === Number(route.params.check_run_id));
      if (!run) throw new HttpError(404, 'Not Found');
      if (body.name) run.name = body.name;
      if (body.details_url) run.details_url = body.details_url;
      if (body.status) run.status = body.status;
      if (body.conclusion) {
        run.conclusion = body.conclusion;
        run.status = 'completed';
        run.completed_at = body.completed_at ?? iso(Date.now());
      }
      if (body.output) {
        run.output = {
          title: body.output.title ?? run.output.title,
          summary: body.output.summary,
          text: body.output.text ?? run.output.text,
        };
      }
      // Annotations accumulate across updates, as on GitHub.
      const anns = (body.output?.annotations ?? []) as StoredAnnotation[];
      run.annotations.push(...anns);
      run.annotationBatches.push(anns.length);
      return { status: 200, json: checkRunJson(run) };
    },
    'repos/create-commit-status': ({ route, body, token, who }) => {
      needWrite(token);
      if (typeof body.description === 'string' && body.description.length > 140) {
        throw new HttpError(422, 'Validation Failed', {
          errors: [
            {
              resource: 'Status',
              code: 'custom',
              field: 'description',
              message: 'description is too long (maximum is 140 characters)',
            },
          ],
        });
      }
      const s: StoredStatus = {
        id: nextId++,
        sha: route.params.sha,
        state: body.state,
        context: body.context ?? 'default',
        description: body.description ?? null,
        target_url: body.target_url ?? null,
        created_at: iso(Date.now()),
        creator: who!,
      };
      state.statuses.push(s);
      return {
        status: 201,
        json: {
          ...s,
          url: `https://api.github.com/repos/${owner}/${repo}/statuses/${s.sha}`,
          avatar_url: null,
          node_id: `SC_${s.id}`,
          updated_at: s.created_at,
          creator: userJson(who!),
        },
      };
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<RecordedRequest> {
    const method = req.method ?? 'GET';
    const selfUrl = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const rawText = await readBody(req);
    const authorization = req.headers.authorization;
    const record: RecordedRequest = { method, url: req.url ?? '/', authorization, status: 0 };
    const send = (status: number, json: unknown) => {
      record.status = status;
      res.statusCode = status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('x-github-api-version-selected', '2022-11-28');
      res.setHeader('x-github-request-id', `LOOP:${state.requests.length + 1}`);
      res.setHeader('x-ratelimit-limit', '5000');
      res.setHeader('x-ratelimit-remaining', '4999');
      res.end(status === 204 ? undefined : JSON.stringify(json));
    };
    const fail = (status: number, message: string, extra: Record<string, unknown> = {}) =>
      send(status, { message, documentation_url: DOCS, status: String(status), ...extra });

    let pathname = selfUrl.pathname;
    // Not GitHub's: lets a test in another process read what the server holds.
    if (method === 'GET' && pathname === '/_loopback/state') {
      send(200, {
        ...state,
        labels: Object.fromEntries(state.labels),
        pulls: Object.fromEntries(state.pulls),
      });
      return record;
    }
    if (prefix) {
      if (!pathname.startsWith(`${prefix}/`)) {
        state.violations.push({ method, url: record.url, errors: [`path is outside ${prefix}`] });
        fail(404, 'Not Found');
        return record;
      }
      pathname = pathname.slice(prefix.length);
    }
    record.url = pathname + selfUrl.search;

    let body: unknown;
    if (rawText.length) {
      try {
        body = JSON.parse(rawText);
      } catch {
        record.body = rawText;
        state.violations.push({ method, url: record.url, errors: ['body is not valid JSON'] });
        fail(400, 'Problems parsing JSON');
        return record;
      }
    }
    record.body = body;

    const match = matchRoute(method, pathname);
    if (!match.ok) {
      state.violations.push({ method, url: record.url, errors: [match.message] });
      // GitHub answers 404 for unknown paths and for methods a path does not support.
      fail(404, 'Not Found');
      return record;
    }
    const { route, operation } = match;
    record.operationId = route.operationId;
    const errors = validateRequest(
      route,
      operation,
      selfUrl.searchParams,
      body,
      req.headers['content-type'],
    );
    if (errors.length) {
      state.violations.push({ method, url: record.url, operationId: route.operationId, errors });
      fail(422, `Invalid request.\n\n${errors.join('\n')}`, {
        errors: errors.map((message) => ({ code: 'invalid', message })),
      });
      return record;
    }

    const handler = handlers[route.operationId];
    if (!handler) {
      // A real endpoint this fake does not serve: not a violation of GitHub's API, but a test
      // relying on it would be meaningless, so say so loudly.
      fail(501, `The loopback GitHub server does not implement ${route.operationId}`);
      return record;
    }

    if (
      route.params.owner !== undefined &&
      (route.params.owner !== owner || route.params.repo !== repo)
    ) {
      fail(404, 'Not Found');
      return record;
    }

    // Authorization: "token X" (@actions/github) or "bearer X" (@octokit/auth-token for ghs_/ghp_).
    let token: TokenSpec | undefined;
    if (authorization) {
      const m = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization);
      token = m ? tokens[m[1]] : undefined;
      if (!token) {
        fail(401, 'Bad credentials');
        return record;
      }
    }
    const who = token ? identity(token.login, token.type) : undefined;

    try {
      const out = handler({ route, query: selfUrl.searchParams, body, who, token, selfUrl, res });
      send(out.status, out.json);
    } catch (e) {
      if (e instanceof HttpError) fail(e.status, e.message, e.extra);
      else fail(500, e instanceof Error ? e.message : String(e));
    }
    return record;
  }

  const server = createServer((req, res) => {
    handle(req, res)
      .then((record) => state.requests.push(record))
      .catch((e: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ message: String(e) }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * `node __tests__/helpers/github-server.ts [--port N] [--prefix /api/v3] [--seed options.json]`
 * prints its URL on stdout; `GET /_loopback/state` returns what it holds; SIGTERM stops it and
 * prints the violations on stderr.
 */
export async function main(argv: string[] = process.argv.slice(2)): Promise<GitHubServer> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seedFile = arg('--seed');
  const seed = seedFile ? (JSON.parse(readFileSync(seedFile, 'utf8')) as GitHubServerOptions) : {};
  const server = await startGitHubServer({
    ...seed,
    port: arg('--port') ? Number(arg('--port')) : seed.port,
    pathPrefix: arg('--prefix') ?? seed.pathPrefix,
    owner: arg('--owner') ?? seed.owner,
    repo: arg('--repo') ?? seed.repo,
  });
  process.stdout.write(`${server.url}\n`);
  const stop = () => {
    process.stderr.write(
      `${server.state.requests.length} requests, ${server.state.violations.length} violations\n`,
    );
    for (const v of server.state.violations) process.stderr.write(`${JSON.stringify(v)}\n`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
