import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.ts';
import { ConsoleProgress } from '../src/run/progress.ts';

describe('version and progress', () => {
  it('VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });

  it('prints plain progress lines in CI logs, not carriage-return redraws', async () => {
    let out = '';
    const stream = {
      write: (s: string) => ((out += s), true),
      isTTY: false,
    } as unknown as NodeJS.WriteStream;
    const p = new ConsoleProgress({ stream, intervalMs: 20, tty: false });
    p.start(4, 'base + head');
    p.tick('pass');
    p.tick('fail');
    await new Promise((r) => setTimeout(r, 60));
    p.tick('error');
    p.tick('pass');
    p.finish();
    expect(out).not.toContain('\r');
    expect(out).toMatch(/base \+ head: 4 trials to run/);
    expect(out).toMatch(/2\/4 \(50%\) · 1 pass · 1 fail · 0 error/);
    expect(out).toMatch(/4\/4 \(100%\) · 2 pass · 1 fail · 1 error · [\d.]+\/s in \d+s\n$/);
  });

  it('redraws one line on a terminal', () => {
    let out = '';
    const stream = {
      write: (s: string) => ((out += s), true),
      isTTY: true,
    } as unknown as NodeJS.WriteStream;
    const p = new ConsoleProgress({ stream, tty: true });
    p.start(2, 'run');
    p.tick('pass');
    p.tick('pass');
    p.finish();
    expect(out).toContain('\r\x1b[2K');
    expect(out).toContain('█');
    expect(out.trim().split('\n')).toHaveLength(1);
  });
});
