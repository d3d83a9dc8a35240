/**
 * `evalgate monitor` as users run it (the CLI in a child process): exit codes, the numbers in
 * monitor.json against counts known from the generated traces, check errors counted apart,
 * the summary, the job summary, bad input with file and line, untrusted text kept inert.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wilson } from '../src/compare/stats.ts';
import type { MonitorReport } from '../src/monitor/report.ts';
import {
  CONFIG,
  DAY,
  evalgate,
  monitorDir,
  NOW,
  ROOT,
  traceLines,
  week,
} from './helpers/monitor.ts';

const read = (dir: string, f: string) => readFileSync(join(dir, 'out', f), 'utf8');
const report = (dir: string) => JSON.parse(read(dir, 'monitor.json')) as MonitorReport;
const monitor = (dir: string, extra: string[] = [], env?: Record<string, string | undefined>) =>
  evalgate(['monitor', 'traces.jsonl', '--out', 'out', ...extra], { cwd: dir, env });

describe('evalgate monitor', () => {
  it('exits 1 when a mode worsened, with every number in monitor.json', () => {
    // Latest day: 15 of 60 claim a refund never issued (previous days: 2 of 60 each).
    const dir = monitorDir(week({ ok: 44, hallucinated: 15, ungrounded: 1 }));
    const r = monitor(dir);
    expect(r.stderr).toMatch(/hallucinated_action: worsened \(latest 75\.0% of 60/);
    expect(r.code).toBe(1);
    const json = report(dir);
    expect(json.now).toBe(new Date(NOW - 60_000).toISOString());
    expect(json.windows).toHaveLength(8);
    expect(json.traces).toMatchObject({ read: 480, in_windows: 480, errored: 0 });
    const [h, u] = json.modes;
    expect(h.mode).toBe('hallucinated_action');
    expect(h.severity).toBe('critical');
    expect(h.latest).toMatchObject({ pass: 45, fail: 15, error: 0, n: 60 });
    expect(h.previous).toMatchObject({ pass: 406, fail: 14, n: 420 });
    expect(h.latest.ci).toEqual(wilson(45, 60));
    expect(h.windows.map((w) => w.fail)).toEqual([2, 2, 2, 2, 2, 2, 2, 15]);
    expect(h.verdict).toBe('worsened');
    expect(h.p_worse).toBeLessThan(1e-6);
    expect(u.verdict).toBe('steady');
    expect(u.latest).toMatchObject({ pass: 59, fail: 1 });
    expect(json.worsened).toEqual(['hallucinated_action']);

    const md = read(dir, 'summary.md');
    expect(md).toContain('1 failure mode worsened');
    expect(md).toMatch(
      /\| `hallucinated_action` \| 75% \(\d+%–\d+%\) of 60 \| 97% .* \| \*\*worsened\*\* \|/,
    );
    expect(read(dir, 'dashboard.html')).toContain(
      '<svg class="plot" data-mode="hallucinated_action"',
    );
  });

  it('exits 0 when nothing worsened, and appends the table to the job summary', () => {
    const dir = monitorDir(week({ ok: 57, hallucinated: 2, ungrounded: 1 }));
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = monitor(dir, [], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no failure mode worsened');
    expect(report(dir).modes.map((m) => m.verdict)).toEqual(['steady', 'steady']);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# earlier step\n')).toBe(true);
    expect(written).toContain('| `hallucinated_action` |');
  });

  it('counts check errors apart: never passes, left out of the rates', () => {
    // 30 errored traces in the latest window, on top of 30 that fail and 30 that pass.
    const dir = monitorDir(week({ ok: 30, hallucinated: 30, errored: 30 }));
    const r = monitor(dir);
    expect(r.code).toBe(1);
    const [h, u] = report(dir).modes;
    expect(h.latest).toMatchObject({ pass: 30, fail: 30, error: 30, n: 60, rate: 0.5 });
    expect(u.latest).toMatchObject({ pass: 60, fail: 0, error: 30, n: 60 });
    expect(report(dir).traces.errored).toBe(30);
    expect(h.first_error?.reason).toMatch(/run errored: .*upstream 503/);
    expect(read(dir, 'summary.md')).toMatch(
      /\| `hallucinated_action` \|.*\| 30 \| \*\*worsened\*\* \|/,
    );
  });

  it('says "too few traces" when the latest window has only errors, and exits 3 when nothing was measured', () => {
    const onlyErrors = monitorDir(week({ ok: 0, errored: 40 }));
    expect(monitor(onlyErrors).code).toBe(0);
    expect(report(onlyErrors).modes.map((m) => m.verdict)).toEqual([
      'too_few_traces',
      'too_few_traces',
    ]);
    expect(read(onlyErrors, 'summary.md')).toContain('Too few traces');

    const nothing = monitorDir([
      { ok: 0, errored: 5 },
      { ok: 0, errored: 5 },
    ]);
    const r = monitor(nothing);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/nothing was measured.*traces\.jsonl:\d+: run errored/);
  });

  it('--now ends the latest window there: later traces are counted apart', () => {
    const dir = monitorDir(week({ ok: 44, hallucinated: 15, ungrounded: 1 }));
    // One day earlier: the bad day is after now, the steady days are compared with each other.
    const r = monitor(dir, ['--now', new Date(NOW - DAY).toISOString()]);
    expect(r.code).toBe(0);
    const json = report(dir);
    expect(json.traces).toMatchObject({ read: 480, after_now: 60, in_windows: 420 });
    expect(json.modes[0].latest).toMatchObject({ pass: 58, fail: 2 });
  });

  it('a window of 12h and 2 previous windows', () => {
    const config = CONFIG.replace('window: 1d', 'window: 12h').replace('windows: 7', 'windows: 2');
    const dir = monitorDir(week({ ok: 44, hallucinated: 15 }), config);
    expect(monitor(dir).code).toBe(1);
    const json = report(dir);
    expect(json.windows).toHaveLength(3);
    expect(json.window_ms).toBe(12 * 3_600_000);
    // Each day's traces are spread over its last ~40 minutes: the latest 12h holds the last day.
    expect(json.modes[0].latest).toMatchObject({ fail: 15, n: 59 });
    expect(json.traces.before_windows).toBe(480 - 120);
  });
});

describe('evalgate monitor: judged online checks', () => {
  it("grades each trace with the config's judge", async () => {
    const { completion, startFakeOpenAI } = await import('./helpers/openai-server.ts');
    const fake = await startFakeOpenAI();
    // Fails answers that promise 90 days.
    fake.model = (body: any) => {
      const text = JSON.stringify(body.messages);
      return completion({
        content: JSON.stringify({ pass: !text.includes('90 days'), reason: 'checked the policy' }),
      });
    };
    try {
      const config = CONFIG.replace(
        'online:',
        `judge: { model: judge-mini, base_url: "${fake.url}", api_key_env: MONITOR_JUDGE_KEY }\nonline:`,
      ).replace(
        '    - { type: grounded, mode: ungrounded_answer }',
        '    - { type: follows_policy, mode: ungrounded_answer, policy: "Refunds within 30 days only." }',
      );
      const dir = monitorDir(
        [
          ...Array.from({ length: 3 }, () => ({ ok: 18, ungrounded: 1 })),
          { ok: 10, ungrounded: 10 },
        ],
        config.replace('windows: 7', 'windows: 3'),
      );
      const r = await new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(
          process.execPath,
          [join(ROOT, 'src/bin.ts'), 'monitor', 'traces.jsonl', '--out', 'out'],
          { cwd: dir, env: { PATH: process.env.PATH, MONITOR_JUDGE_KEY: 'sk-test-judge-key-000' } },
        );
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => done({ code, stderr }));
      });
      expect(r.stderr).toMatch(
        /ungrounded_answer: worsened \(latest 50\.0% of 20, previous 94\.7% of 57\)/,
      );
      expect(r.code).toBe(1);
      // The judge was asked, with the key from api_key_env.
      expect(fake.seen.length).toBeGreaterThan(0);
      expect(
        fake.seen.every((q) => q.headers.authorization === 'Bearer sk-test-judge-key-000'),
      ).toBe(true);
    } finally {
      await fake.close();
    }
  }, 30_000);
});

describe('evalgate monitor: bad input exits 2 with one line naming the file and line', () => {
  it('a line that is not JSON', () => {
    const dir = monitorDir(week({ ok: 10 }));
    const lines = readFileSync(join(dir, 'traces.jsonl'), 'utf8').split('\n');
    lines[2] = '{"output": ';
    writeFileSync(join(dir, 'traces.jsonl'), lines.join('\n'));
    const r = monitor(dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^evalgate: traces\.jsonl:3: not valid JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a trace without metadata.started_at', () => {
    const dir = monitorDir(week({ ok: 10 }));
    const lines = traceLines(week({ ok: 10 }));
    lines[4] = JSON.stringify({ output: 'hi', metadata: {} });
    writeFileSync(join(dir, 'traces.jsonl'), lines.join('\n'));
    const r = monitor(dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'evalgate: traces.jsonl:5: no metadata.started_at (the time the trace started)',
    );
  });

  it('an online check that needs an expected answer, at its line in the config', () => {
    const config = CONFIG.replace(
      '    - { type: grounded, mode: ungrounded_answer }',
      '    - { type: grounded, mode: ungrounded_answer }\n    - { type: contains, mode: ungrounded_answer, text: "30 days" }',
    );
    const dir = monitorDir(week({ ok: 10 }), config);
    const r = monitor(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^evalgate: evalgate\.yml:14: online\.checks\[2\]\.type: "contains" cannot run online: it needs an expected answer/,
    );
  });

  it("an online check's own fields and unknown modes, as a case's checks are validated", () => {
    const config = CONFIG.replace(
      '{ type: grounded, mode: ungrounded_answer }',
      '{ type: grounded, mode: ungrounded_answr }',
    ).replace('tool: issue_refund }', 'tol: issue_refund }');
    const r = monitor(monitorDir(week({ ok: 10 }), config));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evalgate\.yml:12: online\.checks\[0\]/);
    expect(r.stderr).toMatch(
      /evalgate\.yml:13: online\.checks\[1\]\.mode: unknown failure mode "ungrounded_answr" \(did you mean "ungrounded_answer"\?/,
    );
  });

  it('a bad window, modes without checks, no online section, a bad --now', () => {
    const bad = monitor(
      monitorDir(week({ ok: 10 }), CONFIG.replace('window: 1d', 'window: daily')),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /evalgate\.yml:8: online\.window: invalid window "daily" \(write e\.g\. 1d, 12h or 30m\)/,
    );

    const modes = monitor(
      monitorDir(
        week({ ok: 10 }),
        CONFIG.replace(
          'alpha: 0.05',
          'alpha: 0.05\n  modes: [hallucinated_action, ungrounded_answer, tone]',
        ),
      ),
    );
    expect(modes.code).toBe(2);
    expect(modes.stderr).toMatch(
      /evalgate\.yml:11: online\.modes\[2\]: unknown failure mode "tone"/,
    );

    const none = monitor(monitorDir(week({ ok: 10 }), CONFIG.replace(/online:[\s\S]*$/, '')));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/evalgate\.yml: no online: section/);

    const now = monitor(monitorDir(week({ ok: 10 })), ['--now', 'yesterday']);
    expect(now.code).toBe(2);
    expect(now.stderr).toMatch(/--now must be an ISO 8601 time/);
  });

  it('an online: section does not change the suite hash (it never changes a run)', async () => {
    const { parseConfig } = await import('../src/suite/config.ts');
    const { suiteHash } = await import('../src/suite/hash.ts');
    const withOnline = parseConfig(CONFIG, 'evalgate.yml');
    const without = parseConfig(CONFIG.replace(/online:[\s\S]*$/, ''), 'evalgate.yml');
    expect(withOnline.online?.modes).toEqual(['hallucinated_action', 'ungrounded_answer']);
    expect(without.online).toBeUndefined();
    expect(suiteHash(withOnline, [])).toBe(suiteHash(without, []));
  });
});

describe('evalgate monitor: untrusted text stays inert', () => {
  it('escapes trace text in the summary and the dashboard, and masks secrets', () => {
    const secret = 'sk-live-0123456789abcdefXYZ';
    const hostile = `<img src=x onerror=alert(1)> @octocat [x](https://evil.example) ${secret}`;
    const dir = monitorDir(week({ ok: 30, hallucinated: 30, errored: 5, errorMessage: hostile }));
    const r = monitor(dir, [], { MONITOR_TEST_API_KEY: secret });
    expect(r.code).toBe(1);
    const md = read(dir, 'summary.md');
    const html = read(dir, 'dashboard.html');
    const json = read(dir, 'monitor.json');
    for (const out of [md, html, json, r.stderr]) expect(out).not.toContain(secret);
    expect(md).toContain('First check error');
    // Markdown: escaped (`\<img`), so it renders as text; mentions broken by a zero-width joiner.
    expect(md).toContain('\\<img');
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toMatch(/@octocat/);
    expect(md).not.toContain('](https://evil');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the monitor docs', () => {
  const fenced = (text: string, lang: string) =>
    [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  const section = (text: string, heading: string) => {
    const start = text.indexOf(heading);
    const next = text.indexOf('\n## ', start + heading.length);
    return text.slice(start, next < 0 ? undefined : next);
  };
  const BASE = `version: 1
target: {command: "node agent.js"}
datasets: evals/*.jsonl
failure_modes:
  hallucinated_action: critical
  ungrounded_answer: major
`;

  it("the README's and docs/monitor.md's online: sections load", async () => {
    const { parseConfig } = await import('../src/suite/config.ts');
    const readme = section(
      readFileSync(join(ROOT, 'README.md'), 'utf8'),
      '## Monitoring production',
    );
    const doc = readFileSync(join(ROOT, 'docs/monitor.md'), 'utf8');
    const blocks = [
      fenced(readme, 'yaml').find((b) => b.startsWith('online:'))!,
      fenced(doc, 'yaml')
        .find((b) => b.includes('online:'))!
        .replace(/^failure_modes:[\s\S]*?(?=online:)/, ''),
    ];
    for (const block of blocks) {
      const config = parseConfig(BASE + block, 'evalgate.yml');
      expect(config.online?.checks.map((c) => c.type)).toEqual(['claim_requires_tool', 'grounded']);
    }
  });

  it("the README's scheduled workflow runs evalgate monitor with flags it has, and keeps one issue", async () => {
    const { parse } = await import('yaml');
    const readme = section(
      readFileSync(join(ROOT, 'README.md'), 'utf8'),
      '## Monitoring production',
    );
    const workflow = parse(fenced(readme, 'yaml').find((b) => b.includes('schedule:'))!);
    expect(workflow.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
    const steps = workflow.jobs.monitor.steps as { run?: string; uses?: string; with?: any }[];
    const monitorStep = steps.find((s) => s.run?.startsWith('evalgate monitor'))!;
    expect(monitorStep.run).toContain('--issue');
    expect(steps.some((s) => s.run?.includes('evalgate import'))).toBe(true);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with.path).toBe('monitor/');
    // Its flags exist: the same command line, on a real folder, is accepted.
    const dir = monitorDir(week({ ok: 57, hallucinated: 2, ungrounded: 1 }));
    const args = [
      'monitor',
      'traces.jsonl',
      '--out',
      'monitor',
      '--now',
      new Date(NOW).toISOString(),
    ];
    expect(monitorStep.run).toMatch(
      /evalgate monitor \S+ --out monitor --now "\$\(date -u \+%FT00:00:00Z\)" --issue/,
    );
    expect(evalgate(args, { cwd: dir }).code).toBe(0);
  });
});
