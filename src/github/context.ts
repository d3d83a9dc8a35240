/**
 * What the workflow run is about: the event, the repository, the PR's base and head.
 *
 * `eventInfo` is a pure function of the environment and the event payload so it can be tested
 * with recorded payloads; `loadEventInfo` reads both from the process. We do not use
 * `@actions/github`'s `context` object: it reads the environment once at import time, which
 * makes it untestable and wrong for the CLI.
 */
import { readFile } from 'node:fs/promises';

export type EventKind = 'pull_request' | 'push' | 'workflow_dispatch' | 'other';

export interface EventInfo {
  kind: EventKind;
  /** GITHUB_EVENT_NAME as given (`pull_request_target`, `workflow_run`, ...). */
  eventName: string;
  /** The payload's `action` (`opened`, `synchronize`, `labeled`, ...), when it has one. */
  action?: string;
  owner: string;
  repo: string;
  prNumber?: number;
  baseSha?: string;
  headSha?: string;
  baseRef?: string;
  headRef?: string;
  defaultBranch?: string;
  /** Label names on the PR at the time of the event. */
  labels: string[];
  /** The PR's head lives in another repository: its token is read-only and has no secrets. */
  isFork: boolean;
  runUrl?: string;
  serverUrl: string;
  apiUrl: string;
  /** GITHUB_SHA: for a pull_request event this is the merge commit, not the head. */
  sha: string;
  ref: string;
}

type Env = Record<string, string | undefined>;

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function stripRef(ref: string | undefined): string | undefined {
  return ref?.replace(/^refs\/(heads|tags)\//, '');
}

/**
 * Reads the event from the environment and the (already parsed) payload. Never throws: a missing
 * or odd payload yields `kind: 'other'` with what could be read.
 */
export function eventInfo(env: Env, payload: unknown): EventInfo {
  const p = obj(payload) ?? {};
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  const apiUrl = (env.GITHUB_API_URL || defaultApiUrl(serverUrl)).replace(/\/$/, '');

  const repository = obj(p.repository);
  const [envOwner, envRepo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const owner = envOwner || str(obj(repository?.owner)?.login) || '';
  const repo = envRepo || str(repository?.name) || '';

  const runId = env.GITHUB_RUN_ID;
  const runAttempt = env.GITHUB_RUN_ATTEMPT;
  const runUrl =
    runId && owner && repo
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${runAttempt && runAttempt !== '1' ? `/attempts/${runAttempt}` : ''}`
      : undefined;

  const info: EventInfo = {
    kind: 'other',
    eventName,
    owner,
    repo,
    labels: [],
    isFork: false,
    runUrl,
    serverUrl,
    apiUrl,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    defaultBranch: str(repository?.default_branch),
  };
  const action = str(p.action);
  if (action) info.action = action;

  // pull_request_target carries the same PR object; what matters is that object.
  const pr = obj(p.pull_request);
  if (pr && (eventName === 'pull_request' || eventName === 'pull_request_target')) {
    const head = obj(pr.head);
    const base = obj(pr.base);
    const headRepo = obj(head?.repo);
    const baseRepo = obj(base?.repo);
    info.kind = 'pull_request';
    info.prNumber =
      typeof pr.number === 'number'
        ? pr.number
        : typeof p.number === 'number'
          ? p.number
          : undefined;
    info.headSha = str(head?.sha);
    info.baseSha = str(base?.sha);
    info.headRef = str(head?.ref);
    info.baseRef = str(base?.ref);
    info.defaultBranch = str(baseRepo?.default_branch) ?? info.defaultBranch;
    info.labels = Array.isArray(pr.labels)
      ? pr.labels.map((l) => str(obj(l)?.name)).filter((n): n is string => n !== undefined)
      : [];
    // A deleted fork has `head.repo: null`: treat as a fork (its token is read-only too).
    info.isFork = !headRepo || str(headRepo.full_name) !== str(baseRepo?.full_name);
  } else if (eventName === 'push') {
    info.kind = 'push';
    info.headSha = str(p.after) ?? info.sha;
    info.headRef = stripRef(str(p.ref) ?? info.ref);
    // A new branch's `before` is all zeros: there is no previous commit to compare with.
    const before = str(p.before);
    info.baseSha = before && !/^0+$/.test(before) ? before : undefined;
  } else if (eventName === 'workflow_dispatch') {
    info.kind = 'workflow_dispatch';
    info.headSha = info.sha || undefined;
    info.headRef = stripRef(str(p.ref) ?? info.ref);
  }
  return info;
}

/** github.com's API lives on api.github.com; GHES serves it under `<server>/api/v3`. */
function defaultApiUrl(serverUrl: string): string {
  return serverUrl === 'https://github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`;
}

/** Reads GITHUB_EVENT_PATH (if any) and the environment. A missing or broken file is no event. */
export async function loadEventInfo(env: Env = process.env): Promise<EventInfo> {
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      payload = {};
    }
  }
  return eventInfo(env, payload);
}
