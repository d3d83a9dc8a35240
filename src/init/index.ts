/**
 * `evalgate init`: a suite that runs from the first minute. Writes the files of
 * templates.ts into a repository, never over a file that exists.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { detectProject, TARGET_KINDS, type Project, type TargetKind } from './detect.ts';
import { initFiles } from './templates.ts';

export { TARGET_KINDS, type TargetKind } from './detect.ts';

export interface InitResult {
  project: Project;
  files: { path: string; written: boolean }[];
}

export function isTargetKind(value: string): value is TargetKind {
  return (TARGET_KINDS as readonly string[]).includes(value);
}

/** Writes the starting suite into `dir`; files that exist are left alone and reported. */
export async function initProject(dir: string, target?: TargetKind): Promise<InitResult> {
  const project = await detectProject(dir, target);
  const files: InitResult['files'] = [];
  for (const file of initFiles(project)) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    try {
      // 'wx' creates or fails: no window between a check and the write, and an existing
      // symlink (even a dangling one) counts as existing.
      await writeFile(path, file.text, { flag: 'wx' });
      files.push({ path: file.path, written: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      files.push({ path: file.path, written: false });
    }
  }
  return { project, files };
}

/** What `evalgate init` prints: what it wrote, what it left, and what to do next. */
export function describeInit(result: InitResult): string {
  const { project, files } = result;
  const lines = [`evalgate init: a ${project.target} target (${project.reason})`];
  for (const f of files)
    lines.push(f.written ? `  wrote    ${f.path}` : `  skipped  ${f.path} (exists)`);
  const stub = files.find((f) => f.path.startsWith('evals/') && !f.path.endsWith('.jsonl'));
  lines.push(
    '',
    'Next:',
    `  1. evalgate validate                  # the suite loads`,
    `  2. evalgate run --out .evalgate/results.json   # the three example cases against the stub`,
    `  3. replace the stub (${stub?.path}) with a call into your system, and write your own cases`,
    `  4. commit, then: evalgate pr --base main   # the pull-request check on your machine`,
  );
  return lines.join('\n');
}
