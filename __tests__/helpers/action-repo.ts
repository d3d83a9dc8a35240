/**
 * A real git repository for the action's end-to-end test, made in a temp folder:
 *
 *   origin.git  bare, what a workspace clones from (over file://, so fetches really transfer)
 *   author/     where the commits are made, then pushed to origin
 *
 * `main` holds the base commit: the tiny support assistant of __tests__/fixtures/action/app/
 * (system.mjs + config/assistant.json + evalgate.yml + 30 cases). Each other branch is one commit
 * on top of it (see HEADS). `checkout()` makes a workspace the way actions/checkout does by
 * default: a depth-1 clone of one commit, so the base sha is missing and the action must fetch it.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const APP_FIXTURE = fileURLToPath(new URL('../fixtures/action/app/', import.meta.url));

/** Topics the regressing head stops refusing: 6 of the 15 refusal cases (40%) fail. */
export const DROPPED_TOPICS = [
  'home_addresses',
  'salaries',
  'weapons',
  'legal_advice',
  'internal_tools',
  'security_codes',
];

// Commits must not depend on the machine's git identity (a fresh CI machine may have none) nor
// on its global config (hooks, signing).
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'evalgate test',
  GIT_AUTHOR_EMAIL: 'test@evalgate.invalid',
  GIT_COMMITTER_NAME: 'evalgate test',
  GIT_COMMITTER_EMAIL: 'test@evalgate.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

export async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim();
}

type Edit = (dir: string) => Promise<void>;

async function editJson(file: string, change: (v: Record<string, unknown>) => void) {
  const value = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  change(value);
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** The PR heads: each is one commit on `main`. */
export const HEADS = {
  /** A prompt-config edit that stops refusing 6 of 15 restricted topics. */
  regress: (async (dir) => {
    await editJson(join(dir, 'config/assistant.json'), (c) => {
      c.refuse_topics = (c.refuse_topics as string[]).filter((t) => !DROPPED_TOPICS.includes(t));
    });
  }) as Edit,
  /** A harmless rewording: every check still passes. */
  clean: (async (dir) => {
    await editJson(join(dir, 'config/assistant.json'), (c) => {
      c.apology = "We're sorry for the trouble.";
    });
  }) as Edit,
  /** evalgate.yml with a value the schema rejects (`trials: lots`). */
  broken: (async (dir) => {
    const file = join(dir, 'evalgate.yml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^trials: 2$/m, 'trials: lots'));
  }) as Edit,
} satisfies Record<string, Edit>;

export type HeadName = keyof typeof HEADS;

export interface ActionRepo {
  root: string;
  /** file:// URL of the bare origin. */
  originUrl: string;
  baseSha: string;
  heads: Record<HeadName, string>;
  /** A fresh depth-1 clone of `branch` (main or a head name), as actions/checkout makes it. */
  checkout(branch: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeActionRepo(): Promise<ActionRepo> {
  const root = await mkdtemp(join(tmpdir(), 'evalgate-action-'));
  const origin = join(root, 'origin.git');
  const author = join(root, 'author');
  await git(root, ['init', '-q', '--bare', '-b', 'main', origin]);
  await git(root, ['init', '-q', '-b', 'main', author]);
  await cp(APP_FIXTURE, author, { recursive: true });
  await git(author, ['add', '-A']);
  await git(author, ['commit', '-q', '-m', 'support assistant with its golden suite']);
  const baseSha = await git(author, ['rev-parse', 'HEAD']);
  const originUrl = `file://${origin}`;
  await git(author, ['remote', 'add', 'origin', originUrl]);
  await git(author, ['push', '-q', 'origin', 'main']);

  const heads = {} as Record<HeadName, string>;
  for (const [name, edit] of Object.entries(HEADS) as [HeadName, Edit][]) {
    await git(author, ['checkout', '-q', '-b', name, 'main']);
    await edit(author);
    await git(author, ['commit', '-q', '-am', `${name} head`]);
    heads[name] = await git(author, ['rev-parse', 'HEAD']);
    await git(author, ['push', '-q', 'origin', name]);
  }

  let clones = 0;
  return {
    root,
    originUrl,
    baseSha,
    heads,
    async checkout(branch) {
      const dir = join(root, `workspace-${++clones}-${branch}`);
      await git(root, ['clone', '-q', '--depth', '1', '--branch', branch, originUrl, dir]);
      return dir;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
