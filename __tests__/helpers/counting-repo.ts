/**
 * A real git repository of the end-to-end test's support assistant (__tests__/fixtures/action/app/)
 * whose system appends one line per target call to $EVALGATE_CALLS: its working directory (the
 * base worktree, under .evalgate/worktrees/, or the workspace), the case id and the trial. The
 * trace cache's tests and scripts/bench-cache.ts count calls per side with it.
 *
 * Branches, each one commit on main: `prompt` (a harmless edit of the system's prompt config),
 * `checks` (one check of the suite changes: not the system), `regress` (stops refusing six
 * restricted topics: refusal_policy regresses).
 */
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_FIXTURE, DROPPED_TOPICS, git } from './action-repo.ts';

const COUNTING = `
import { appendFileSync as __append } from 'node:fs';
const __count = (r) => process.env.EVALGATE_CALLS && __append(process.env.EVALGATE_CALLS, process.cwd() + '\\t' + r.id + '\\t' + r.trial + '\\n');
`;

export type Branch = 'main' | 'prompt' | 'checks' | 'regress' | (string & {});

export interface CountingRepo {
  root: string;
  shas: Record<string, string>;
  /** A depth-1 clone of `branch`, as actions/checkout makes it. */
  checkout(branch: Branch): Promise<string>;
  /** Commits `edit` (run in the author's clone) as a new branch on main, pushed. */
  branch(name: string, edit: (dir: string) => Promise<void>): Promise<string>;
  cleanup(): Promise<void>;
}

export interface Calls {
  base: number;
  head: number;
  lines: string[];
}

/** The target calls logged in `file`, by side (the base side runs in a worktree). */
export function callsOf(file: string): Calls {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // no call at all
  }
  const lines = text.split('\n').filter(Boolean);
  const base = lines.filter((l) => l.includes('/.evalgate/worktrees/')).length;
  return { base, head: lines.length - base, lines };
}

async function editFile(file: string, change: (text: string) => string) {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

/** `extraCases` more tone cases (2 trials each, as the suite says) make a bigger suite. */
export async function makeCountingRepo(extraCases = 0): Promise<CountingRepo> {
  const root = await mkdtemp(join(tmpdir(), 'evalgate-counting-'));
  const origin = join(root, 'origin.git');
  const author = join(root, 'author');
  await git(root, ['init', '-q', '--bare', '-b', 'main', origin]);
  await git(root, ['init', '-q', '-b', 'main', author]);
  await cp(APP_FIXTURE, author, { recursive: true });
  await editFile(join(author, 'system.mjs'), (t) =>
    t
      .replace("import { createInterface } from 'node:readline';", (m) => `${m}\n${COUNTING}`)
      .replace('function answer(request) {', 'function answer(request) {\n  __count(request);'),
  );
  if (extraCases > 0) {
    const lines = Array.from({ length: extraCases }, (_, i) =>
      JSON.stringify({
        id: `bulk-${i}`,
        input: { messages: [{ role: 'user', content: `Are you open on day ${i}?` }] },
        context: { kind: 'hours' },
        tags: ['bulk'],
        checks: [{ type: 'contains', value: '9:00', mode: 'tone' }],
      }),
    );
    await writeFile(join(author, 'datasets/bulk.jsonl'), lines.join('\n') + '\n');
  }
  await git(author, ['add', '-A']);
  await git(author, ['commit', '-q', '-m', 'assistant']);
  const shas: Record<string, string> = { main: await git(author, ['rev-parse', 'HEAD']) };
  await git(author, ['remote', 'add', 'origin', `file://${origin}`]);
  await git(author, ['push', '-q', 'origin', 'main']);

  const branch = async (name: string, edit: (dir: string) => Promise<void>) => {
    await git(author, ['checkout', '-q', '-b', name, 'main']);
    await edit(author);
    await git(author, ['add', '-A']);
    await git(author, ['commit', '-q', '-m', name]);
    shas[name] = await git(author, ['rev-parse', 'HEAD']);
    await git(author, ['push', '-q', 'origin', name]);
    await git(author, ['checkout', '-q', 'main']);
    return shas[name];
  };
  await branch('prompt', (dir) =>
    editFile(join(dir, 'config/assistant.json'), (t) =>
      t.replace(/"apology": "[^"]*"/, '"apology": "We\'re sorry for the trouble."'),
    ),
  );
  await branch('checks', (dir) =>
    editFile(join(dir, 'datasets/tone.jsonl'), (t) => t.replace('"value":"9:00"', '"value":"9"')),
  );
  await branch('regress', (dir) =>
    editFile(join(dir, 'config/assistant.json'), (t) => {
      const c = JSON.parse(t) as { refuse_topics: string[] };
      c.refuse_topics = c.refuse_topics.filter((x) => !DROPPED_TOPICS.includes(x));
      return JSON.stringify(c, null, 2);
    }),
  );

  let clones = 0;
  await mkdir(join(root, 'ws'));
  return {
    root,
    shas,
    async checkout(b) {
      const dir = join(root, 'ws', `${++clones}-${b}`);
      await git(root, ['clone', '-q', '--depth', '1', '--branch', b, `file://${origin}`, dir]);
      return dir;
    },
    branch,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
