/**
 * `evalgate monitor traces.jsonl... [--config] [--out dir] [--now ISO] [--issue]`: the config's
 * online checks over production traces, pass rates per failure mode per window, the latest window
 * against the previous ones. Writes monitor.json, summary.md (also the job summary) and
 * dashboard.html; with --issue opens or updates the one GitHub issue.
 *
 * Exit 0 no mode worsened, 1 a mode worsened, 2 bad input (config, traces, flags), 3 nothing
 * measured (no trace in the windows had a known outcome: every check errored) or GitHub refused.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { displayPath, suiteError } from '../suite/errors.ts';
import { configSource } from '../suite/config.ts';
import type { Suite, SuiteConfig } from '../types.ts';
import { dashboardHtml } from './dashboard.ts';
import { headline, monitorMarkdown } from './markdown.ts';
import { buildReport, latestTime, measuredAnything, type MonitorReport } from './report.ts';
import { checkTraces } from './run.ts';
import { redactedJson, redactSecrets } from '../report/redact.ts';

export interface MonitorOptions {
  files: string[];
  config: SuiteConfig;
  configPath: string;
  out: string;
  /** ms; default: the latest trace's time. */
  now?: number;
  issue?: boolean;
  env?: Record<string, string | undefined>;
}

export const EXIT_WORSENED = 1;
/** Nothing measured, or GitHub refused the issue: the CLI's "could not run". */
export const EXIT_COULD_NOT_RUN = 3;

/** Needs a judge only when an online check is graded by one. */
const JUDGED = new Set(['judge', 'faithful', 'answers_question', 'follows_policy']);

async function judgeOf(config: SuiteConfig, configPath: string, env: MonitorOptions['env']) {
  if (!config.judge || !config.online!.checks.some((c) => JUDGED.has(c.type))) return undefined;
  const { openJudge } = await import('../pipeline/run-suite.ts');
  const suite: Suite = { configPath, rootDir: dirname(configPath), config, cases: [], hash: '' };
  return openJudge(suite, env);
}

export async function writeOutputs(report: MonitorReport, out: string): Promise<string> {
  await mkdir(out, { recursive: true });
  const markdown = monitorMarkdown(report);
  await writeFile(join(out, 'monitor.json'), `${redactedJson(report)}\n`);
  await writeFile(join(out, 'summary.md'), redactSecrets(markdown));
  await writeFile(join(out, 'dashboard.html'), redactSecrets(dashboardHtml(report)));
  return markdown;
}

export async function monitorCommand(
  opts: MonitorOptions,
  log: (line: string) => void,
): Promise<number> {
  const env = opts.env ?? process.env;
  const online = opts.config.online;
  if (!online) {
    const src = configSource(opts.config);
    throw suiteError([
      {
        file: src?.file ?? displayPath(opts.configPath),
        message:
          'no online: section: name the checks to run over production traces (docs/monitor.md)',
      },
    ]);
  }
  // Checked before the traces are read: a missing token found after an hour of judging is late.
  const repo = env.GITHUB_REPOSITORY;
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  if (opts.issue) {
    const problem =
      !repo || !/^[^/\s]+\/[^/\s]+$/.test(repo)
        ? '--issue needs the repository as owner/name in GITHUB_REPOSITORY'
        : !token
          ? '--issue needs a token in GITHUB_TOKEN (with the issues: write permission)'
          : undefined;
    if (problem) throw suiteError([{ file: 'evalgate monitor', message: problem }]);
  }

  const checked = await checkTraces(opts.files, {
    online,
    rootDir: dirname(opts.configPath),
    judge: await judgeOf(opts.config, opts.configPath, env),
    concurrency: opts.config.concurrency,
  });
  const now = opts.now ?? latestTime(checked.times);
  if (now === undefined)
    throw suiteError([
      {
        file: opts.files.map((f) => displayPath(f)).join(', '),
        message: 'no traces in the file(s)',
      },
    ]);
  const report = buildReport(checked, online, now, opts.config.failure_modes);
  const markdown = await writeOutputs(report, opts.out);
  if (env.GITHUB_STEP_SUMMARY) {
    const { writeJobSummary } = await import('../github/outputs.ts');
    await writeJobSummary(markdown);
  }
  for (const m of report.modes) {
    const rate = (r: typeof m.latest) => (r.rate === null ? '–' : `${(r.rate * 100).toFixed(1)}%`);
    log(
      `${m.mode}: ${m.verdict.replaceAll('_', ' ')} (latest ${rate(m.latest)} of ${m.latest.n}, previous ${rate(m.previous)} of ${m.previous.n}${m.latest.error ? `, ${m.latest.error} check error(s)` : ''})`,
    );
  }
  log(`${headline(report)} → ${displayPath(opts.out)}/dashboard.html`);

  if (!measuredAnything(report)) {
    const first = report.modes.find((m) => m.first_error)?.first_error;
    log(
      `nothing was measured: no trace in the windows has a known outcome${first ? `; the first check error, ${first.file}:${first.line}: ${first.reason}` : ''}`,
    );
    return EXIT_COULD_NOT_RUN;
  }

  if (opts.issue) {
    const [owner, name] = repo!.split('/');
    const { restClient, errorMessage } = await import('../github/client.ts');
    const { syncMonitorIssue } = await import('./issue.ts');
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const runUrl = env.GITHUB_RUN_ID
      ? `${server}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
    try {
      const result = await syncMonitorIssue(
        restClient({ token: token!, baseUrl: env.GITHUB_API_URL }),
        { owner, repo: name, report, runUrl },
      );
      if (result.action === 'none')
        log(
          result.number
            ? `issue #${result.number}: already back to normal`
            : 'no issue: nothing worsened',
        );
      else log(`issue #${result.number} ${result.action}: ${result.url}`);
    } catch (err) {
      log(`could not open or update the monitor issue: ${errorMessage(err)}`);
      return EXIT_COULD_NOT_RUN;
    }
  }
  return report.worsened.length ? EXIT_WORSENED : 0;
}
