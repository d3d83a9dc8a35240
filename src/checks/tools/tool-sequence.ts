import { z } from 'zod';
import type { ToolCall } from '../../types.ts';
import { checkSchema, error, fail, formatCall, pass, perSpec, toolCallsOf } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { argFields, argsOf, compileArgs, type ArgMatcher } from './args.ts';

/**
 * How the expected steps are compared with the calls made (the trajectory):
 *
 * - in_order: the steps happen in this order, other calls may come between (the default, and
 *   what `tool_sequence` always did);
 * - contiguous: the steps happen back to back, somewhere in the trajectory (`strict: true`);
 * - strict: the calls are exactly these steps, in this order, and nothing else;
 * - unordered: the calls are exactly these steps, in any order (the same multiset);
 * - superset: every step happens (each matched by its own call), in any order, others allowed;
 * - subset: every call is one of the steps (each step matching at most one call).
 */
const MATCHES = ['in_order', 'contiguous', 'strict', 'unordered', 'subset', 'superset'] as const;
type Match = (typeof MATCHES)[number];

const stepSchema = z.strictObject({ name: z.string().min(1), ...argFields });

const schema = checkSchema({
  type: z.literal('tool_sequence'),
  /** The expected calls: tool names, or `{name, args, args_schema, args_match}` steps. */
  tools: z.array(z.union([z.string().min(1), stepSchema])).min(1),
  /** How the steps are compared with the calls (default in_order). */
  match: z.enum(MATCHES).optional(),
  /** The older spelling of `match: contiguous` (true) / `match: in_order` (false). */
  strict: z.boolean().optional(),
}).refine((s) => s.match === undefined || s.strict === undefined, {
  message: 'give match or strict, not both (strict: true is match: contiguous)',
});

type Spec = z.infer<typeof schema>;

interface Step {
  name: string;
  args: ArgMatcher | undefined;
  label: string;
}

function compile(spec: Spec): { steps: Step[]; match: Match } | string {
  const steps: Step[] = [];
  for (const [i, raw] of spec.tools.entries()) {
    const step = typeof raw === 'string' ? { name: raw } : raw;
    const args = compileArgs(step);
    if (typeof args === 'string') return `tools[${i}]: ${args}`;
    steps.push({ name: step.name, args, label: args ? `${step.name} ${args.label}` : step.name });
  }
  const match: Match = spec.match ?? (spec.strict ? 'contiguous' : 'in_order');
  return { steps, match };
}

const compiled = perSpec(compile);

function matches(step: Step, call: ToolCall): boolean {
  return call.name === step.name && (!step.args || step.args.mismatch(argsOf(call)) === undefined);
}

const arrow = (items: string[]) => items.join(' → ');

function trajectory(calls: ToolCall[], max = 8): string {
  if (calls.length === 0) return 'no tools';
  const shown = calls.slice(0, max).map((c) => c.name);
  return arrow(shown) + (calls.length > max ? ` → … (${calls.length} calls)` : '');
}

/** Steps matched greedily as a subsequence: greedy is optimal, each step taking its earliest call. */
function inOrder(steps: Step[], calls: ToolCall[]): number {
  let i = 0;
  for (const call of calls) if (i < steps.length && matches(steps[i], call)) i++;
  return i;
}

/** The longest prefix of the steps matched by consecutive calls anywhere. */
function contiguous(steps: Step[], calls: ToolCall[]): number {
  let best = 0;
  for (let start = 0; start < calls.length && best < steps.length; start++) {
    let k = 0;
    while (k < steps.length && start + k < calls.length && matches(steps[k], calls[start + k])) k++;
    if (k > best) best = k;
  }
  return best;
}

/**
 * A maximum matching of steps to distinct calls (Kuhn's augmenting paths: steps may overlap, e.g.
 * a step with arguments and one without for the same tool). Returns, per step, its call or -1.
 */
function assign(steps: Step[], calls: ToolCall[]): Int32Array {
  const callOf = new Int32Array(steps.length).fill(-1);
  const stepOf = new Int32Array(calls.length).fill(-1);
  const ok = steps.map((s) => calls.map((c) => matches(s, c)));
  const seen = new Uint8Array(calls.length);
  const augment = (s: number): boolean => {
    for (let c = 0; c < calls.length; c++) {
      if (!ok[s][c] || seen[c]) continue;
      seen[c] = 1;
      if (stepOf[c] < 0 || augment(stepOf[c])) {
        stepOf[c] = s;
        callOf[s] = c;
        return true;
      }
    }
    return false;
  };
  for (let s = 0; s < steps.length; s++) {
    seen.fill(0);
    augment(s);
  }
  return callOf;
}

/** Why the first call of the step's tool did not match it, when the tool was called at all. */
function argHint(step: Step, calls: ToolCall[]): string {
  if (!step.args) return '';
  const same = calls.find((c) => c.name === step.name);
  if (!same) return '';
  return `; ${formatCall(same)}: ${step.args.mismatch(argsOf(same)) ?? 'matched elsewhere'}`;
}

function list(items: string[], max = 4): string {
  return items.slice(0, max).join(', ') + (items.length > max ? `, … (${items.length})` : '');
}

export const toolSequence: CheckDefinition<Spec> = {
  type: 'tool_sequence',
  description:
    'The tool calls follow a trajectory: in_order (default), contiguous, strict, unordered, subset or superset, with arguments per step.',
  schema,
  run(spec, trace) {
    const c = compiled(spec);
    if (typeof c === 'string') return error(c);
    const { steps, match } = c;
    const calls = toolCallsOf(trace);
    const want = arrow(steps.map((s) => s.label));
    const called = `called: ${trajectory(calls)}`;

    if (match === 'in_order' || match === 'contiguous') {
      const n = match === 'in_order' ? inOrder(steps, calls) : contiguous(steps, calls);
      const how = match === 'in_order' ? 'in order' : 'back to back';
      if (n === steps.length) return pass(`called ${want} ${how}`);
      const next = steps[n];
      return fail(
        `expected ${want} ${how}; matched ${n} of ${steps.length} (next: ${next.label}); ${called}${argHint(next, calls)}`,
      );
    }

    if (match === 'strict') {
      const len = Math.max(steps.length, calls.length);
      for (let i = 0; i < len; i++) {
        const step = steps[i];
        const call = calls[i];
        if (step && call && matches(step, call)) continue;
        const at = `step ${i + 1}`;
        const why = !call
          ? `${at}: expected ${step.label}, no more calls`
          : !step
            ? `${at}: unexpected ${formatCall(call)} after the ${steps.length} expected`
            : `${at}: expected ${step.label}, got ${formatCall(call)}${
                call.name === step.name && step.args ? ` (${step.args.mismatch(argsOf(call))})` : ''
              }`;
        return fail(`expected exactly ${want}; ${why}; ${called}`);
      }
      return pass(`called exactly ${want}`);
    }

    const callOf = assign(steps, calls);
    const missing = steps.filter((_, s) => callOf[s] < 0);
    const used = new Uint8Array(calls.length);
    for (const ci of callOf) if (ci >= 0) used[ci] = 1;
    const extra = calls.filter((_, i) => !used[i]);
    const names = list(steps.map((s) => s.label));

    if (match === 'superset') {
      if (missing.length === 0) return pass(`called ${names} (among ${calls.length} calls)`);
      return fail(
        `missing ${list(missing.map((s) => s.label))}; ${called}${argHint(missing[0], calls)}`,
      );
    }
    if (match === 'subset') {
      if (extra.length === 0) return pass(`all ${calls.length} calls among ${names}`);
      return fail(
        `not among the expected calls: ${list(extra.map((x) => formatCall(x, 60)))}; expected only ${names}`,
      );
    }
    // unordered
    if (missing.length === 0 && extra.length === 0) {
      return pass(`called exactly ${names} (any order)`);
    }
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing ${list(missing.map((s) => s.label))}`);
    if (extra.length > 0) parts.push(`unexpected ${list(extra.map((x) => formatCall(x, 60)))}`);
    return fail(`expected exactly ${names} in any order; ${parts.join('; ')}; ${called}`);
  },
};
