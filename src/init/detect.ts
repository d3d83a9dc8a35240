/**
 * Which starting target `evalgate init` writes: the language of the project in `dir`, read from
 * the files at its root, and the command that installs the project's dependencies in CI.
 */
import { readdir } from 'node:fs/promises';

export const TARGET_KINDS = ['python', 'node', 'http'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export interface Project {
  target: TargetKind;
  /** Why this target, for the user: "found pyproject.toml", "--target node". */
  reason: string;
  /** Installs the project's dependencies in a fresh checkout; undefined when there is none. */
  install?: string;
}

const PYTHON_MARKERS = ['pyproject.toml', 'requirements.txt', 'setup.py', 'Pipfile'];

/** The install command for a kind of project, from the lock and manifest files present. */
function installCommand(target: TargetKind, files: Set<string>): string | undefined {
  if (target === 'node') {
    if (!files.has('package.json')) return undefined;
    return files.has('package-lock.json') ? 'npm ci' : 'npm install';
  }
  if (target === 'python') {
    if (files.has('requirements.txt')) return 'pip install -r requirements.txt';
    if (files.has('pyproject.toml') || files.has('setup.py')) return 'pip install -e .';
  }
  return undefined;
}

/**
 * Python markers win over package.json: an LLM application with a package.json for its front
 * end or its tooling is more often a Python system than a Node one, and `--target` overrides.
 */
export async function detectProject(dir: string, chosen?: TargetKind): Promise<Project> {
  const files = new Set(await readdir(dir).catch(() => [] as string[]));
  const make = (target: TargetKind, reason: string): Project => ({
    target,
    reason,
    install: installCommand(target, files),
  });
  if (chosen) return make(chosen, `--target ${chosen}`);
  const marker = PYTHON_MARKERS.find((f) => files.has(f));
  if (marker) return make('python', `found ${marker}`);
  const script = [...files].sort().find((f) => f.endsWith('.py'));
  if (script) return make('python', `found ${script}`);
  if (files.has('package.json')) return make('node', 'found package.json');
  return make('http', 'no Python or Node project found: a target your server can answer');
}
