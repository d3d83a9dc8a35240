/**
 * A refund assistant's production traces for the monitor tests: per day, how many traces claim
 * a refund without calling issue_refund (hallucinated_action fails), state an amount no
 * retrieved document has (ungrounded_answer fails), errored, or were fine; and a config whose
 * online: section checks exactly that.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DAY = 86_400_000;
/** The end of the latest window in the tests: midnight UTC. */
export const NOW = Date.parse('2026-11-30T00:00:00Z');

export interface DaySpec {
  ok: number;
  hallucinated?: number;
  ungrounded?: number;
  /** Traces whose run errored (every check is an error). */
  errored?: number;
  /** Overrides for the errored traces' message (untrusted text). */
  errorMessage?: string;
}

export const CONFIG = `version: 1
target: {command: "node agent.js"}
datasets: evals/*.jsonl
failure_modes:
  hallucinated_action: critical
  ungrounded_answer: major
online:
  window: 1d
  windows: 7
  alpha: 0.05
  checks:
    - { type: claim_requires_tool, mode: hallucinated_action, claim: "refund (has been|was) (issued|processed)", tool: issue_refund }
    - { type: grounded, mode: ungrounded_answer }
`;

const POLICY = { id: 'policy', text: 'Refunds are possible within 30 days of delivery.' };

/** JSON lines of traces; `days[0]` is the oldest day, the last ends at NOW. */
export function traceLines(days: DaySpec[]): string[] {
  const lines: string[] = [];
  days.forEach((d, di) => {
    const dayEnd = NOW - (days.length - 1 - di) * DAY;
    let k = 0;
    const add = (trace: Record<string, unknown>) => {
      // Spread over the day, never on its boundaries.
      const at = new Date(dayEnd - 60_000 - k * 37_000).toISOString();
      const id = `d${di}-${k++}`;
      lines.push(
        JSON.stringify({ trace_id: id, ...trace, metadata: { started_at: at, source: 'otel' } }),
      );
    };
    for (let i = 0; i < d.ok; i++)
      add({
        output: 'Your refund has been issued: within 30 days, as the policy says.',
        tool_calls: [{ name: 'issue_refund', arguments: { order: 'A1' }, result: { ok: true } }],
        retrieved: [POLICY],
      });
    for (let i = 0; i < (d.hallucinated ?? 0); i++)
      add({
        output: 'Your refund has been issued.',
        tool_calls: [{ name: 'lookup_order', arguments: { order: 'A1' }, result: {} }],
        retrieved: [POLICY],
      });
    for (let i = 0; i < (d.ungrounded ?? 0); i++)
      add({ output: 'Refunds are possible within 90 days.', retrieved: [POLICY] });
    for (let i = 0; i < (d.errored ?? 0); i++)
      add({ output: '', error: { kind: 'crash', message: d.errorMessage ?? 'upstream 503' } });
  });
  return lines;
}

/** A folder with evalgate.yml (CONFIG or `config`) and traces.jsonl. */
export function monitorDir(days: DaySpec[], config = CONFIG): string {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-monitor-'));
  writeFileSync(join(dir, 'evalgate.yml'), config);
  writeFileSync(join(dir, 'traces.jsonl'), `${traceLines(days).join('\n')}\n`);
  return dir;
}

/** Seven steady days of 60 traces (2 hallucinated, 1 ungrounded), then `latest`. */
export function week(latest: DaySpec): DaySpec[] {
  return [...Array.from({ length: 7 }, () => ({ ok: 57, hallucinated: 2, ungrounded: 1 })), latest];
}

export function evalgate(
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined>; bin?: string },
) {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  for (const k of ['GITHUB_STEP_SUMMARY', 'GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_REPOSITORY'])
    if (!(opts.env && k in opts.env)) delete env[k];
  const r = spawnSync(process.execPath, [opts.bin ?? join(ROOT, 'src', 'bin.ts'), ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
