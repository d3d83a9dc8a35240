import { spawn } from 'node:child_process';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', '..', 'src', 'bin.ts');

/**
 * Runs the CLI without blocking the test's event loop (a server in the test process, such as a
 * fake OpenAI endpoint, must answer it meanwhile). `entry`: the bundle, for tests of what users run.
 */
export function evalgateAsync(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  entry = bin,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', SYNTH_KEY: 'test-key', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
