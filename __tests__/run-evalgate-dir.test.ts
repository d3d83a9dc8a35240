import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDir } from '../src/run/evalgate-dir.ts';

describe('makeDir: .evalgate/ ignores itself', () => {
  it('writes .evalgate/.gitignore for a folder anywhere below .evalgate/', async () => {
    const root = mkdtempSync(join(tmpdir(), 'evalgate-dir-'));
    await makeDir(join(root, '.evalgate', 'judge-cache'));
    expect(readFileSync(join(root, '.evalgate', '.gitignore'), 'utf8')).toBe('*\n');
    expect(existsSync(join(root, '.evalgate', 'judge-cache'))).toBe(true);
  });

  it('keeps a .gitignore the user wrote, and touches nothing outside .evalgate/', async () => {
    const root = mkdtempSync(join(tmpdir(), 'evalgate-dir-'));
    mkdirSync(join(root, '.evalgate'));
    writeFileSync(join(root, '.evalgate', '.gitignore'), '*.json\n');
    await makeDir(join(root, '.evalgate', 'pr'));
    expect(readFileSync(join(root, '.evalgate', '.gitignore'), 'utf8')).toBe('*.json\n');
    await makeDir(join(root, 'out'));
    expect(existsSync(join(root, 'out', '.gitignore'))).toBe(false);
    expect(existsSync(join(root, '.gitignore'))).toBe(false);
  });
});
