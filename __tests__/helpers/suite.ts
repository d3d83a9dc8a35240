import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { SuiteError, displayPath, isSuiteError } from '../../src/suite/index.ts';

/** Small temporary suites for the suite tests: files by relative path, written under a temp dir. */
export class TempSuites {
  private dirs: string[] = [];

  async make(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-suite-'));
    this.dirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      const abs = path.join(dir, rel);
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, text);
    }
    return dir;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.dirs.map((d) => rm(d, { recursive: true, force: true })));
    this.dirs = [];
  }
}

/** A valid config, with `extra` lines appended (YAML) for the datasets and modes most tests use. */
export const BASE_CONFIG = `version: 1
target:
  command: node agent.js
datasets: datasets/*.jsonl
failure_modes:
  hallucinated_action: {severity: critical}
  tone: {severity: minor}
`;

/** One valid JSONL case line. */
export function caseLine(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    input: { q: id },
    checks: [{ type: 'contains', value: 'x', mode: 'tone' }],
    ...extra,
  });
}

/** Awaits `p`, which must reject with a SuiteError, and returns it. */
export async function suiteErrorOf(p: Promise<unknown>): Promise<SuiteError> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  expect(isSuiteError(caught), `expected a SuiteError, got ${String(caught)}`).toBe(true);
  return caught as SuiteError;
}

/** Synchronous variant for the pure parsers. */
export function suiteErrorOfSync(fn: () => unknown): SuiteError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(isSuiteError(caught), `expected a SuiteError, got ${String(caught)}`).toBe(true);
  return caught as SuiteError;
}

/**
 * Asserts that `err` has a problem at `file:line` about `field` whose text matches `pattern`,
 * both as structured data and in the one-line message (`file:line[:col]: field: message`).
 */
export function expectProblem(
  err: SuiteError,
  where: { dir?: string; file: string; line: number; field?: string },
  pattern: RegExp,
): void {
  const file = where.dir ? displayPath(path.join(where.dir, where.file)) : where.file;
  const match = err.problems.find(
    (p) =>
      p.file === file &&
      p.line === where.line &&
      p.field === where.field &&
      pattern.test(p.message),
  );
  expect(
    match,
    `no problem ${file}:${where.line} ${where.field ?? ''} ~ ${pattern} in:\n${err.message}`,
  ).toBeDefined();
  const prefix = `${file}:${where.line}${match!.column !== undefined ? `:${match!.column}` : ''}: ${
    where.field ? `${where.field}: ` : ''
  }`;
  expect(err.message.split('\n'), err.message).toContain(prefix + match!.message);
}
