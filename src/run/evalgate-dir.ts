import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';

/** The folder evalgate writes its own files into (PR worktrees, outputs, the judge cache). */
export const EVALGATE_DIR = '.evalgate';

/**
 * mkdir -p `dir`; when `dir` is inside a `.evalgate/` folder, that folder also gets a
 * `.gitignore` of `*` (which ignores itself too), so a run leaves no untracked files in a
 * repository that does not ignore `.evalgate/` itself. An existing `.gitignore` is kept.
 */
export async function makeDir(dir: string): Promise<void> {
  const abs = resolve(dir);
  await mkdir(abs, { recursive: true });
  for (let d = abs; dirname(d) !== d; d = dirname(d)) {
    if (basename(d) !== EVALGATE_DIR) continue;
    await writeFile(resolve(d, '.gitignore'), '*\n', { flag: 'wx' }).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    });
    return;
  }
}
