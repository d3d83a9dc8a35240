import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs git in `cwd` and returns trimmed stdout; throws with git's stderr on failure. */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`git ${args.join(' ')} failed: ${(e.stderr || e.message).trim()}`, {
      cause: err,
    });
  }
}

/** The commit and branch of a folder, or undefined outside a git repository. */
export async function gitInfo(cwd: string): Promise<{ sha?: string; ref?: string } | undefined> {
  try {
    const sha = await git(cwd, ['rev-parse', 'HEAD']);
    let ref: string | undefined;
    try {
      ref = await git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']);
      if (ref === 'HEAD') ref = undefined; // detached
    } catch {
      ref = undefined;
    }
    return { sha, ref };
  } catch {
    return undefined;
  }
}

/** Resolves a ref to a full commit sha. */
export async function resolveCommit(cwd: string, ref: string): Promise<string> {
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => {
    throw new Error(`cannot resolve ${JSON.stringify(ref)} to a commit in ${cwd}`);
  });
}

/**
 * Makes sure a commit is present locally. Actions' checkout is shallow (depth 1) by default, so
 * the base sha of a PR is usually missing: fetch exactly that commit from origin.
 */
export async function ensureCommit(
  cwd: string,
  sha: string,
  log?: (l: string) => void,
): Promise<void> {
  try {
    await git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return;
  } catch {
    log?.(`fetching ${sha.slice(0, 12)} from origin (the checkout does not have it)`);
  }
  await git(cwd, ['fetch', '--no-tags', '--depth=1', 'origin', sha]);
}

/** Adds a detached worktree of `sha` in a new temp folder; `remove()` deletes it (idempotent). */
export async function addWorktree(
  repoDir: string,
  sha: string,
  dir: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  await git(repoDir, ['worktree', 'add', '--detach', '--force', dir, sha]);
  let removed = false;
  return {
    dir,
    remove: async () => {
      if (removed) return;
      removed = true;
      await git(repoDir, ['worktree', 'remove', '--force', dir]).catch(() => undefined);
      await git(repoDir, ['worktree', 'prune']).catch(() => undefined);
    },
  };
}

/** The top folder of the repository that contains `cwd`. */
export async function repoRoot(cwd: string): Promise<string> {
  return git(cwd, ['rev-parse', '--show-toplevel']);
}
