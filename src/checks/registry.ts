import type { CheckOutcome, CheckResult, CheckSpec, Trace } from '../types.ts';
import { errorMessage, plural } from './common.ts';
import type { CheckContext, CheckDefinition } from './definition.ts';
import { script } from './script.ts';
// Grouped by what they read: the answer's text, the tool calls, the retrieved context, usage and
// timing, the conversation's turns, a model's grade.
import { contains } from './text/contains.ts';
import { equals } from './text/equals.ts';
import { jsonSchema } from './text/json-schema.ts';
import { notContains } from './text/not-contains.ts';
import { refusal } from './text/refusal.ts';
import { regex } from './text/regex.ts';
import { claimRequiresTool } from './tools/claim-requires-tool.ts';
import { toolCalled } from './tools/tool-called.ts';
import { toolNotCalled } from './tools/tool-not-called.ts';
import { toolSequence } from './tools/tool-sequence.ts';
import { toolArgs } from './tools/tool-args.ts';
import { noToolLoop } from './tools/no-tool-loop.ts';
import { maxSteps } from './tools/max-steps.ts';
import { toolErrorHandled } from './tools/tool-error-handled.ts';
import { grounded } from './retrieval/grounded.ts';
import { retrievalRecall } from './retrieval/retrieval-recall.ts';
import { retrievalPrecision } from './retrieval/retrieval-precision.ts';
import { contextUsed } from './retrieval/context-used.ts';
import { maxCost } from './budget/max-cost.ts';
import { maxLatency } from './budget/max-latency.ts';
import { maxTokens } from './budget/max-tokens.ts';
import { maxTurns } from './turns/max-turns.ts';
import { turnCount, turnView } from './turns/conversation.ts';
import { remembers } from './turns/remembers.ts';
import { noRepeatedQuestion } from './turns/no-repeated-question.ts';
import { goalReached } from './turns/goal-reached.ts';
import { judge } from './model/judge-check.ts';
import { answersQuestion, faithful, followsPolicy } from './model/ready-made.ts';
import { pairwise } from './model/pairwise-check.ts';

/** Every check type, by name. Adding a check: write its file, add it here. */
const definitions: CheckDefinition<any>[] = [
  contains,
  notContains,
  regex,
  equals,
  jsonSchema,
  toolCalled,
  toolNotCalled,
  toolSequence,
  claimRequiresTool,
  toolArgs,
  noToolLoop,
  maxSteps,
  toolErrorHandled,
  refusal,
  grounded,
  retrievalRecall,
  retrievalPrecision,
  contextUsed,
  maxLatency,
  maxCost,
  maxTokens,
  maxTurns,
  remembers,
  noRepeatedQuestion,
  goalReached,
  script,
  judge,
  faithful,
  answersQuestion,
  followsPolicy,
  pairwise,
];

const byType = new Map<string, CheckDefinition>(definitions.map((d) => [d.type, d]));

export function getCheck(type: string): CheckDefinition | undefined {
  return byType.get(type);
}

// Sorted once: the suite loader asks for it for every check it validates.
const sortedTypes = Object.freeze([...byType.keys()].sort());

export function checkTypes(): readonly string[] {
  return sortedTypes;
}

const STATUSES = new Set(['pass', 'fail', 'error']);

/** Guards against a check that returns something other than an outcome. */
function normalise(outcome: unknown): CheckOutcome {
  if (outcome && typeof outcome === 'object') {
    const o = outcome as Partial<CheckOutcome>;
    if (typeof o.status === 'string' && STATUSES.has(o.status)) {
      const out: CheckOutcome = {
        status: o.status,
        reason: typeof o.reason === 'string' ? o.reason : '',
      };
      // What a model-graded check spent and retried, and whether its failure stops the run.
      if (o.usage && typeof o.usage === 'object') out.usage = o.usage;
      if (typeof o.retries === 'number' && o.retries > 0) out.retries = o.retries;
      if (o.fatal === true) out.fatal = true;
      return out;
    }
  }
  return { status: 'error', reason: 'check returned no outcome' };
}

/** Shared by every check of an errored trace: says what went wrong with the run. */
function runErrored(e: NonNullable<Trace['error']>): CheckOutcome {
  const message = typeof e.message === 'string' ? e.message.replace(/\s+/g, ' ').slice(0, 160) : '';
  return { status: 'error', reason: `run errored: ${e.kind}${message ? ` (${message})` : ''}` };
}

/**
 * Why the conversation a case scripts is not all there (a `whole` system that returned fewer
 * turns than scripted): then a check of the whole conversation, which reads its end, errors.
 */
function missingTurns(trace: Trace, scripted: number | undefined): string | undefined {
  if (scripted === undefined || trace.error) return undefined;
  const returned = turnCount(trace);
  if (returned >= scripted) return undefined;
  return `the system returned ${plural(returned, 'turn')}, the case scripts ${scripted}`;
}

/** The trace a `turn: n` check reads, or why there is none. */
function scopedTrace(trace: Trace, n: number, scripted: number | undefined): Trace | string {
  const view = turnView(trace, n);
  if (view) return view;
  const returned = plural(turnCount(trace), 'turn');
  return scripted !== undefined
    ? `turn ${n}: the system returned ${returned}, the case scripts ${scripted}`
    : `turn ${n}: the conversation has ${returned}`;
}

function threw(err: unknown): CheckOutcome {
  return { status: 'error', reason: `check threw: ${errorMessage(err)}` };
}

/**
 * Runs every check of a case on one trace. Never throws. A trace that errored makes every check
 * `error` (an error is never a pass or a fail); so does an unknown type or a check that throws.
 *
 * A check with `turn: n` reads that turn of a multi-turn trace (see turns/conversation.ts); a
 * turn the trace does not have makes it `error`, never a pass.
 *
 * Hot path: synchronous checks are evaluated without a microtask each; only checks that return a
 * promise (script, judge, json_schema with a file) are awaited, concurrently. A single-turn case
 * allocates nothing for turns.
 */
export function runChecks(
  specs: CheckSpec[],
  trace: Trace,
  ctx: CheckContext,
): Promise<CheckResult[]> {
  const results: CheckResult[] = new Array(specs.length);
  let pending: Promise<void>[] | undefined;
  const scripted = ctx.case?.turns?.length;
  const missing = scripted !== undefined ? missingTurns(trace, scripted) : undefined;
  /** Turn views by turn number, made once per trace for the checks that ask for them. */
  let views: Map<number, Trace | string> | undefined;
  for (let index = 0; index < specs.length; index++) {
    const spec = specs[index];
    const result: CheckResult = {
      type: spec.type,
      mode: spec.mode,
      index,
      name: spec.name as string | undefined,
      status: 'error',
      reason: '',
    };
    results[index] = result;
    const set = (o: CheckOutcome) => {
      result.status = o.status;
      result.reason = o.reason;
      if (o.usage) result.usage = o.usage;
      if (o.retries) result.retries = o.retries;
      if (o.fatal) result.fatal = true;
    };
    if (trace.error) {
      set(runErrored(trace.error));
      continue;
    }
    const def = byType.get(spec.type);
    if (!def) {
      set({ status: 'error', reason: `unknown check type ${spec.type}` });
      continue;
    }
    let seen = trace;
    const n = spec.turn;
    if (typeof n === 'number') {
      result.turn = n;
      let view = (views ??= new Map()).get(n);
      if (view === undefined) views.set(n, (view = scopedTrace(trace, n, scripted)));
      if (typeof view === 'string') {
        set({ status: 'error', reason: view });
        continue;
      }
      seen = view;
    } else if (missing) {
      set({ status: 'error', reason: missing });
      continue;
    }
    let out: CheckOutcome | Promise<CheckOutcome>;
    try {
      out = def.run(spec, seen, ctx);
    } catch (err) {
      set(threw(err));
      continue;
    }
    if (out && typeof (out as Promise<CheckOutcome>).then === 'function') {
      (pending ??= []).push(
        Promise.resolve(out).then(
          (o) => set(normalise(o)),
          (err: unknown) => set(threw(err)),
        ),
      );
    } else {
      set(normalise(out));
    }
  }
  return pending ? Promise.all(pending).then(() => results) : Promise.resolve(results);
}
