/**
 * Runs whose every user-controlled field holds text of the caller's choosing: case ids, tags,
 * dataset paths, inputs, mode names and descriptions, check names and reasons, outputs, tool
 * names, arguments and results, retrieved ids and texts, stderr, trace ids, error messages,
 * branch names, the accept label. Base and head are compared with the real `compare`, so the
 * reports see what they see in production: new failures, errored, added, removed, flaky cases.
 */
import { compare } from '../../src/compare/index.ts';
import { DEFAULT_GATE } from '../../src/defaults.ts';
import type { CaseResult, CheckStatus, Comparison, Results, TrialResult } from '../../src/types.ts';

export type Field =
  | 'id'
  | 'tag'
  | 'file'
  | 'input'
  | 'mode'
  | 'description'
  | 'checkName'
  | 'reason'
  | 'output'
  | 'toolName'
  | 'toolArg'
  | 'toolResult'
  | 'retrievedId'
  | 'retrievedText'
  | 'stderr'
  | 'traceId'
  | 'error'
  | 'ref'
  | 'acceptLabel';

export const FIELDS: Field[] = [
  'id',
  'tag',
  'file',
  'input',
  'mode',
  'description',
  'checkName',
  'reason',
  'output',
  'toolName',
  'toolArg',
  'toolResult',
  'retrievedId',
  'retrievedText',
  'stderr',
  'traceId',
  'error',
  'ref',
  'acceptLabel',
];

export interface HostileRun {
  base: Results;
  head: Results;
  comparison: Comparison;
  baseRef: string;
  headRef: string;
}

/** What each case does: base trials, head trials (p pass, f fail, e error, '' absent). */
const PLAN = [
  ['ppp', 'fff'], // new failure
  ['ppp', 'fff'],
  ['ppp', 'fff'],
  ['ppp', 'ffp'],
  ['ppp', 'eee'], // errored
  ['fff', 'ppp'], // fixed
  ['ppp', ''], // removed
  ['', 'ppp'], // added
  ['pfp', 'fpf'], // flaky
  ['ppp', 'ppp'],
];

/**
 * `text(field, n)` gives the n-th value of a field. Ids and mode names get a short unique
 * prefix (they pair cases and modes, so they must stay distinct).
 */
export function hostileRun(text: (field: Field, n: number) => string): HostileRun {
  const modes = [`a${text('mode', 0)}`, `b${text('mode', 1)}`];
  const failure_modes = {
    [modes[0]]: { severity: 'critical' as const, description: text('description', 0) },
    [modes[1]]: { severity: 'minor' as const, description: text('description', 1) },
  };
  const baseRef = text('ref', 0);
  const headRef = text('ref', 1);

  const trial = (i: number, j: number, s: string, side: string): TrialResult => {
    const status: CheckStatus = s === 'p' ? 'pass' : s === 'f' ? 'fail' : 'error';
    const n = i * 10 + j;
    return {
      trial: j,
      stage: 1,
      status,
      checks: modes.map((mode, k) => ({
        type: k ? 'contains' : 'tool_called',
        mode,
        index: k,
        name: text('checkName', n + k),
        status: k === 1 ? (status === 'error' ? 'error' : 'pass') : status,
        reason: text('reason', n + k),
      })),
      trace: {
        output: `${side} ${text('output', n)}`,
        // The head calls another tool than the base: new failures show where they diverge.
        tool_calls: [
          {
            name: text('toolName', side === 'head' ? n + 5 : n),
            arguments: { [text('toolArg', n)]: text('toolArg', n + 1) },
            result: text('toolResult', n),
          },
        ],
        retrieved: [{ id: text('retrievedId', n), text: text('retrievedText', n) }],
        // One new failure is a conversation: its excerpt shows the turns.
        ...(i === 2
          ? {
              turns: [
                { user: text('input', i), output: text('output', n + 1) },
                { user: text('input', i + 1), output: `${side} ${text('output', n)}` },
              ],
            }
          : {}),
        // Secrets inside trace links are masked by value (issue 8, "secrets"), not by the
        // patterns these tests hold the reports to: a trace id here holds no known token shape.
        trace_id: text('traceId', n).replace(/\b(sk|ghp)([-_])/g, '$1$2$2'),
        stderr: text('stderr', n),
        latency_ms: 100 + j,
        usage: { input_tokens: 10, output_tokens: 5, cost_usd: 0.001 },
        error: status === 'error' ? { kind: 'crash', message: text('error', n) } : null,
      },
      attempts: 1,
      duration_ms: 1,
    };
  };

  const side = (which: 0 | 1): Results => {
    const cases: CaseResult[] = [];
    PLAN.forEach((plan, i) => {
      const outcomes = plan[which];
      if (!outcomes) return;
      cases.push({
        id: `${i}-${text('id', i)}`,
        hash: `h${i}`,
        source: { file: `datasets/${text('file', i)}.jsonl`, line: i + 1 },
        tags: [text('tag', i), text('tag', i + 1)],
        input: { messages: [{ role: 'user', content: text('input', i) }] },
        modes,
        trials: [...outcomes].map((s, j) => trial(i, j, s, which ? 'head' : 'base')),
      });
    });
    let pass = 0;
    let fail = 0;
    let error = 0;
    for (const c of cases)
      for (const t of c.trials) {
        if (t.status === 'pass') pass++;
        else if (t.status === 'fail') fail++;
        else error++;
      }
    return {
      schema: 'evalgate/results@1',
      meta: {
        tool: 'evalgate',
        version: '0.0.0',
        label: which ? 'head' : 'base',
        config_path: 'evalgate.yml',
        suite_hash: 'x',
        git: { sha: which ? 'b'.repeat(40) : 'a'.repeat(40), ref: which ? headRef : baseRef },
        started_at: '2026-01-01T00:00:00Z',
        finished_at: '2026-01-01T00:00:01Z',
        duration_ms: 1000,
        trials: 3,
        counts: { cases: cases.length, trials: pass + fail + error, pass, fail, error },
        usage: { input_tokens: 100, output_tokens: 50, cost_usd: 0.01 },
        failure_modes,
        gate: { ...DEFAULT_GATE, adaptive: false, accept_label: text('acceptLabel', 0) },
        trace_url: 'https://cloud.langfuse.com/project/p/traces/{trace_id}',
      },
      cases,
    };
  };
  const base = side(0);
  const head = side(1);
  const comparison = compare(base, head, { basePath: 'base.json', headPath: 'head.json' });
  return { base, head, comparison, baseRef, headRef };
}
