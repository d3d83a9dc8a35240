/**
 * Reports without a comparison: a run with no baseline to compare with (the first baseline, a
 * manual full run before any baseline exists) shows absolute pass rates per failure mode; a run
 * that failed outright shows the error, so a broken eval is never silent on the PR.
 */
import { markdownTable } from 'markdown-table';
import { wilson } from '../compare/stats.ts';
import type { Results } from '../types.ts';
import { DEFAULT_MARKER } from './comment.ts';
import { pct, usd } from './format.ts';
import { clean, code, fence, inline, link, safeHref } from './markdown.ts';

export interface AbsoluteOptions {
  title?: string;
  runUrl?: string;
  artifactUrl?: string;
}

/** Per mode: trials passing (a trial passes a mode when all its checks of that mode pass). */
export function modeRates(
  results: Results,
): { mode: string; passes: number; trials: number; errors: number; cases: number }[] {
  const acc = new Map<
    string,
    { passes: number; trials: number; errors: number; cases: Set<string> }
  >();
  for (const c of results.cases) {
    for (const t of c.trials) {
      const status = new Map<string, 'pass' | 'fail' | 'error'>();
      for (const k of t.checks) {
        const prev = status.get(k.mode);
        if (k.status === 'error' || prev === 'error') status.set(k.mode, 'error');
        else if (k.status === 'fail' || prev === 'fail') status.set(k.mode, 'fail');
        else status.set(k.mode, 'pass');
      }
      for (const [mode, s] of status) {
        let a = acc.get(mode);
        if (!a) acc.set(mode, (a = { passes: 0, trials: 0, errors: 0, cases: new Set() }));
        a.cases.add(c.id);
        if (s === 'error') a.errors++;
        else {
          a.trials++;
          if (s === 'pass') a.passes++;
        }
      }
    }
  }
  return [...acc.entries()]
    .map(([mode, a]) => ({
      mode,
      passes: a.passes,
      trials: a.trials,
      errors: a.errors,
      cases: a.cases.size,
    }))
    .sort((x, y) => x.mode.localeCompare(y.mode));
}

export function renderAbsolute(results: Results, opts: AbsoluteOptions = {}): string {
  const { counts, usage } = results.meta;
  const lines: string[] = [];
  lines.push(
    `### ${inline(opts.title ?? 'evalgate run')}: ${counts.cases} cases, ${counts.trials} trials`,
  );
  lines.push('');
  lines.push(
    `No baseline to compare with, so these are absolute pass rates. ${counts.pass} trials passed, ` +
      `${counts.fail} failed, ${counts.error} errored${results.meta.git?.sha ? ` on ${code(results.meta.git.sha.slice(0, 7))}` : ''}.`,
  );
  lines.push('');
  const rows = modeRates(results).map((r) => {
    const severity = results.meta.failure_modes[r.mode]?.severity ?? '';
    const [lo, hi] = r.trials ? wilson(r.passes, r.trials) : [0, 0];
    return [
      code(r.mode),
      severity,
      r.trials ? pct(r.passes / r.trials) : 'n/a',
      r.trials ? `${pct(lo)} to ${pct(hi)}` : '',
      String(r.cases),
      String(r.errors),
    ];
  });
  lines.push(
    markdownTable([
      ['Failure mode', 'Severity', 'Pass rate', '95% CI', 'Cases', 'Errored trials'],
      ...rows,
    ]),
  );
  lines.push('');
  lines.push(
    `Tokens: ${usage.input_tokens} in, ${usage.output_tokens} out; cost ${usd(usage.cost_usd)}.`,
  );
  const links = [
    link('run', safeHref(opts.runUrl)),
    link('artifact with the trace viewer', safeHref(opts.artifactUrl)),
  ].filter((l) => l && !l.startsWith('run') && !l.startsWith('artifact'));
  if (links.length) lines.push('', links.join(' · '));
  return lines.join('\n') + '\n';
}

/** The sticky comment of a run that failed before it could compare anything. */
export function renderErrorComment(
  message: string,
  opts: { runUrl?: string; marker?: string } = {},
): string {
  const run = safeHref(opts.runUrl);
  return [
    `⚠️ **Error**: evalgate could not evaluate this PR; no verdict on regressions.`,
    '',
    fence(clean(message, 4000)),
    '',
    run ? `See the ${link('workflow run', run)} for the log.` : 'See the workflow log.',
    '',
    opts.marker ?? DEFAULT_MARKER,
  ].join('\n');
}
