/**
 * `evalgate monitor` through the bundle (dist/cli/index.js), as installed users run it: the
 * command's modules are imported on demand, which a bundler can get wrong while every test of
 * src/ passes. A stale bundle fails this test (run `npm run bundle`), like bundle-user-code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MonitorReport } from '../src/monitor/report.ts';
import { evalgate, monitorDir, ROOT, week } from './helpers/monitor.ts';

const CLI = join(ROOT, 'dist/cli/index.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run bundle\` first`);
  if (!process.env.CI && newest(join(ROOT, 'src')) > statSync(CLI).mtimeMs + 5_000)
    throw new Error('dist/ is older than src/: run `npm run bundle` (this test runs the bundle)');
});

describe('evalgate monitor from the bundle', () => {
  it('exits 1 on a worsened mode and 0 on a steady week, writing all three files', () => {
    const bad = monitorDir(week({ ok: 44, hallucinated: 15, ungrounded: 1 }));
    const r = evalgate(['monitor', 'traces.jsonl', '--out', 'out'], { cwd: bad, bin: CLI });
    expect(r.stderr).toContain('hallucinated_action: worsened');
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(join(bad, 'out/monitor.json'), 'utf8')) as MonitorReport;
    expect(json.worsened).toEqual(['hallucinated_action']);
    expect(readFileSync(join(bad, 'out/dashboard.html'), 'utf8')).toContain('<svg class="plot"');
    expect(readFileSync(join(bad, 'out/summary.md'), 'utf8')).toContain('**worsened**');

    const fine = monitorDir(week({ ok: 57, hallucinated: 2, ungrounded: 1 }));
    expect(
      evalgate(['monitor', 'traces.jsonl', '--out', 'out'], { cwd: fine, bin: CLI }).code,
    ).toBe(0);

    const help = evalgate(['--help'], { cwd: fine, bin: CLI });
    expect(help.stdout).toMatch(/monitor {4}online checks over production traces/);
  });
});
