/**
 * Which checks may run online (over production traces) and the validation of the config's
 * `online:` section beyond its zod shape: each check as a case's check is validated (same
 * registry, same messages), then refused when its type needs an expected answer that a
 * production trace does not have. Pure; the config loader reports the issues with their lines.
 */
import { validateCheck } from '../suite/cases.ts';
import { describeValue, type Issue } from '../suite/issues.ts';
import type { CheckSpec, FailureMode } from '../types.ts';

/**
 * Checks that judge a trace on its own: a claim needs its tool call, an answer its sources, a
 * refusal is recognisable, budgets and tool loops are properties of the trace, and a judge grades
 * against a rubric. Not here: checks that compare with a golden answer or a case's own
 * expectations (contains, equals, tool_called, retrieval_recall ...), which a production trace
 * has none of, and conversation checks that read a scripted user.
 */
export const ONLINE_CHECK_TYPES: ReadonlySet<string> = new Set([
  'claim_requires_tool',
  'grounded',
  'refusal',
  'max_cost',
  'max_latency',
  'max_tokens',
  'max_steps',
  'max_turns',
  'no_tool_loop',
  'tool_error_handled',
  'judge',
  'faithful',
  'answers_question',
  'follows_policy',
]);

const ALLOWED = [...ONLINE_CHECK_TYPES].join(', ');

export interface OnlineChecks {
  checks: CheckSpec[];
  modes: string[];
  issues: Issue[];
}

/**
 * Validates `online.checks` (raw, as written) and `online.modes` against the config's failure
 * modes. Issue paths start at the config's root (`online.checks[2].type`).
 */
export function validateOnlineChecks(
  raw: readonly unknown[],
  declaredModes: readonly string[] | undefined,
  failureModes: Record<string, FailureMode>,
): OnlineChecks {
  const issues: Issue[] = [];
  const checks: CheckSpec[] = [];
  /** Where each valid check is in `online.checks`, for messages. */
  const at: number[] = [];
  raw.forEach((value, i) => {
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && !ONLINE_CHECK_TYPES.has(type)) {
      // Known or not, say what is allowed: the registry's full list would suggest the wrong ones.
      issues.push({
        path: ['online', 'checks', i, 'type'],
        message: `${describeValue(type)} cannot run online: it needs an expected answer or a scripted case that production traces do not have (online checks: ${ALLOWED})`,
      });
      return;
    }
    const v = validateCheck(value, i, failureModes);
    for (const issue of v.issues) issues.push({ ...issue, path: ['online', ...issue.path] });
    if (v.spec) {
      checks.push(v.spec);
      at.push(i);
    }
  });

  const checked = [...new Set(checks.map((c) => c.mode))];
  let modes = checked;
  if (declaredModes) {
    modes = [...new Set(declaredModes)];
    declaredModes.forEach((m, i) => {
      if (!Object.hasOwn(failureModes, m))
        issues.push({
          path: ['online', 'modes', i],
          message: `unknown failure mode ${describeValue(m)} (known: ${Object.keys(failureModes).join(', ')})`,
        });
      else if (!checked.includes(m) && issues.length === 0)
        issues.push({
          path: ['online', 'modes', i],
          message: `no online check has mode ${describeValue(m)}: add one to online.checks`,
        });
    });
    checks.forEach((c, i) => {
      if (!modes.includes(c.mode))
        issues.push({
          path: ['online', 'checks', at[i], 'mode'],
          message: `mode ${describeValue(c.mode)} is not in online.modes (${modes.join(', ')})`,
        });
    });
  } else {
    // Config order, not check order: the dashboard lists modes as the config declares them.
    const order = Object.keys(failureModes);
    modes = checked.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }
  return { checks, modes, issues };
}
