// Builds the committed bundles: dist/index.js (the action) and dist/cli/index.js (the CLI).
// TypeScript emits ESM JavaScript into build/, then ncc bundles each entry with its dependencies.
// (ncc's own TypeScript loader needs the TS compiler API, which TypeScript 7 no longer has; going
// through tsc's output works with either.)
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('build', { recursive: true, force: true });
rmSync('dist', { recursive: true, force: true });
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['ncc', 'build', 'build/index.js', '-o', 'dist', '--license', 'licenses.txt', '-q']);
run('npx', ['ncc', 'build', 'build/bin.js', '-o', 'dist/cli', '-q']);
rmSync('build', { recursive: true, force: true });
