/**
 * Multi-turn cases: runs a scripted or simulated conversation against a target, and assembles
 * the turns into one trace (docs/targets.md, "Conversations").
 *
 *   conversation: turns   one request per user turn: the conversation so far, the new user
 *                         message, and the `state` the system returned last; a transient error
 *                         retries that turn (the earlier turns stand).
 *   conversation: whole   one request with the whole script; the system returns `turns`.
 *
 * A turn that errors makes the whole trial an error (the completed turns are kept for the
 * viewer): a conversation cut short is never graded as if it had ended there.
 */
import { matchingCalls, toolCallsOf } from '../checks/common.ts';
import type {
  Case,
  CaseRequest,
  ConversationMode,
  ScriptedTurn,
  ToolCall,
  Trace,
  TraceMessage,
  TraceTurn,
  Usage,
} from '../types.ts';
import type { SimulatorClient, TranscriptEntry } from './simulator.ts';

/** One call of the target, with the runner's retries of transient errors. */
export type TargetCall = (
  request: CaseRequest,
  timeoutMs?: number,
) => Promise<{ trace: Trace; attempts: number }>;

export interface ConversationRun {
  mode: ConversationMode;
  call: TargetCall;
  /** The per-call timeout; a `whole` call gets it once per scripted turn. */
  timeoutMs: number;
  simulator?: SimulatorClient;
  signal?: AbortSignal;
}

type Outcome = { trace: Trace; attempts: number };

/** Runs one trial of a multi-turn case. Never throws. */
export async function runConversation(
  c: Case,
  base: CaseRequest,
  run: ConversationRun,
): Promise<Outcome> {
  if (c.simulated_user) return simulated(c, base, run);
  const script = c.turns ?? [];
  return run.mode === 'whole' ? whole(script, base, run) : scripted(script, base, run);
}

// ---------------------------------------------------------------------------------------------
// Turn by turn
// ---------------------------------------------------------------------------------------------

/** The state of a turn-by-turn conversation between two turns. */
class Dialogue {
  readonly turns: TraceTurn[] = [];
  readonly messages: { role: 'user' | 'assistant'; content: string }[] = [];
  attempts = 0;
  private state: unknown;
  private readonly base: CaseRequest;
  private readonly run: ConversationRun;

  constructor(base: CaseRequest, run: ConversationRun) {
    this.base = base;
    this.run = run;
  }

  /** Sends one user turn; returns the error trace of the whole trial when the turn failed. */
  async say(user: string): Promise<Trace | undefined> {
    const turn = this.turns.length + 1;
    this.messages.push({ role: 'user', content: user });
    const request: CaseRequest = {
      ...this.base,
      conversation: {
        mode: 'turns',
        turn,
        user,
        messages: this.messages.slice(),
        ...(this.state !== undefined ? { state: this.state } : {}),
      },
    };
    const { trace, attempts } = await this.run.call(request);
    this.attempts += attempts;
    if (trace.error) return turnFailed(this.turns, turn, trace);
    const t = turnOf(user, trace);
    this.turns.push(t);
    this.messages.push({ role: 'assistant', content: t.output });
    // The last state the system returned goes back with every later turn.
    const state = trace.metadata?.state;
    if (state !== undefined && state !== null) this.state = state;
    return undefined;
  }
}

async function scripted(
  script: ScriptedTurn[],
  base: CaseRequest,
  run: ConversationRun,
): Promise<Outcome> {
  const d = new Dialogue(base, run);
  for (const { user } of script) {
    const failed = await d.say(user);
    if (failed) return { trace: failed, attempts: d.attempts };
  }
  return { trace: assemble(d.turns), attempts: d.attempts };
}

async function simulated(c: Case, base: CaseRequest, run: ConversationRun): Promise<Outcome> {
  const spec = c.simulated_user!;
  const sim = run.simulator;
  if (!sim) {
    return {
      trace: errorOf('simulator', 'no simulator configured (simulator: {model: ...})', []),
      attempts: 0,
    };
  }
  const seed = sim.seedBase + base.trial;
  const transcript: TranscriptEntry[] = [];
  const d = new Dialogue(base, run);
  let stopped: 'done' | 'tool' | 'max_turns' = 'max_turns';
  const record = (trace: Trace) => {
    trace.metadata = {
      ...trace.metadata,
      simulator: { model: sim.model, seed, stopped, transcript },
    };
    return trace;
  };
  for (let i = 0; i < spec.max_turns; i++) {
    let user: string;
    if (i === 0 && spec.first_message !== undefined) {
      user = spec.first_message;
    } else {
      const reply = await sim.next(spec, transcript, seed, run.signal);
      if (run.signal?.aborted) {
        return { trace: errorOf('cancelled', 'the run was cancelled', d.turns), attempts: 0 };
      }
      if ('error' in reply) {
        return { trace: record(errorOf('simulator', reply.error, d.turns)), attempts: d.attempts };
      }
      if ('done' in reply) {
        stopped = 'done';
        break;
      }
      user = reply.text;
    }
    transcript.push({ role: 'user', content: user });
    const failed = await d.say(user);
    if (failed) return { trace: record(failed), attempts: d.attempts };
    const last = d.turns[d.turns.length - 1];
    transcript.push({ role: 'assistant', content: last.output });
    if (spec.stop && matchingCalls(last.tool_calls ?? [], spec.stop.tool, spec.stop.args).length) {
      stopped = 'tool';
      break;
    }
  }
  if (d.turns.length === 0) {
    const message = `simulator ${sim.model}: the user said ${'[DONE]'} before its first message`;
    return { trace: record(errorOf('simulator', message, d.turns)), attempts: d.attempts };
  }
  return { trace: record(assemble(d.turns)), attempts: d.attempts };
}

// ---------------------------------------------------------------------------------------------
// Whole conversation in one call
// ---------------------------------------------------------------------------------------------

async function whole(
  script: ScriptedTurn[],
  base: CaseRequest,
  run: ConversationRun,
): Promise<Outcome> {
  const request: CaseRequest = { ...base, conversation: { mode: 'whole', turns: script } };
  const { trace, attempts } = await run.call(request, run.timeoutMs * script.length);
  if (trace.error) return { trace, attempts };
  const returned = trace.turns;
  const latency = trace.latency_ms ?? 0;
  if (!returned || returned.length === 0) {
    const message = `conversation: whole, but the trace has no turns (return one entry in "turns" per scripted turn)`;
    return { trace: errorOf('invalid_output', message, [], latency), attempts };
  }
  if (returned.length > script.length) {
    const message = `the system returned ${returned.length} turns, the case scripts ${script.length}`;
    return { trace: errorOf('invalid_output', message, [], latency), attempts };
  }
  const turns = returned.map((t, i) => ({ ...t, user: script[i].user }));
  for (const t of turns) materialiseCalls(t);
  // Fewer turns than scripted is kept as it is: the checks of the missing turns (and of the
  // whole conversation, whose end is missing) error in the check runner.
  const out = assemble(turns);
  out.latency_ms = latency;
  if (trace.usage) out.usage = trace.usage;
  if (trace.trace_id !== undefined) out.trace_id = trace.trace_id;
  if (trace.stderr) out.stderr = trace.stderr;
  if (trace.metadata) out.metadata = trace.metadata;
  return { trace: out, attempts };
}

// ---------------------------------------------------------------------------------------------
// Assembling turns into a trace
// ---------------------------------------------------------------------------------------------

/** One turn from the trace a system returned for it. */
function turnOf(user: string, trace: Trace): TraceTurn {
  const turn: TraceTurn = { user, output: trace.output };
  if (trace.tool_calls) turn.tool_calls = trace.tool_calls;
  if (trace.retrieved) turn.retrieved = trace.retrieved;
  if (trace.messages) turn.messages = trace.messages;
  if (trace.usage) turn.usage = trace.usage;
  if (trace.latency_ms !== undefined) turn.latency_ms = trace.latency_ms;
  const metadata = { ...trace.metadata };
  if (trace.trace_id !== undefined) metadata.trace_id = trace.trace_id;
  if (Object.keys(metadata).length) turn.metadata = metadata;
  materialiseCalls(turn);
  return turn;
}

/** A turn whose calls are only in its OpenAI-style messages gets them as `tool_calls`. */
function materialiseCalls(turn: TraceTurn): void {
  if (turn.tool_calls?.length || !turn.messages) return;
  const calls = toolCallsOf(turn);
  if (calls.length) turn.tool_calls = calls;
}

/**
 * The trace of a whole conversation: every turn kept, and the top-level fields describing the
 * whole (the last answer; every turn's tool calls and retrieved context in order; the usage and
 * latency totals; a user/assistant transcript as `messages`).
 */
export function assemble(turns: TraceTurn[]): Trace {
  const calls: ToolCall[] = [];
  const retrieved: NonNullable<Trace['retrieved']> = [];
  const messages: TraceMessage[] = [];
  let usage: Usage | undefined;
  let latency = 0;
  let traceId: string | undefined;
  for (const t of turns) {
    if (t.tool_calls) calls.push(...t.tool_calls);
    if (t.retrieved) retrieved.push(...t.retrieved);
    messages.push({ role: 'user', content: t.user }, { role: 'assistant', content: t.output });
    if (t.usage) usage = addUsage(usage, t.usage);
    latency += t.latency_ms ?? 0;
    const id = t.metadata?.trace_id;
    if (typeof id === 'string') traceId = id;
  }
  const trace: Trace = {
    output: turns.length ? turns[turns.length - 1].output : '',
    messages,
    latency_ms: Math.round(latency * 10) / 10,
    turns,
  };
  if (calls.length) trace.tool_calls = calls;
  if (retrieved.length) trace.retrieved = retrieved;
  if (usage) trace.usage = usage;
  if (traceId !== undefined) trace.trace_id = traceId;
  return trace;
}

function addUsage(a: Usage | undefined, b: Usage): Usage {
  const out: Usage = { ...a };
  for (const key of ['input_tokens', 'output_tokens', 'cost_usd'] as const) {
    if (b[key] !== undefined) out[key] = (out[key] ?? 0) + b[key];
  }
  return out;
}

/** The trace of a conversation that failed at `turn`: its error, the turns before it. */
function turnFailed(turns: TraceTurn[], turn: number, failed: Trace): Trace {
  const error = failed.error!;
  const trace = errorOf(error.kind, `turn ${turn}: ${error.message}`, turns, failed.latency_ms);
  const { transient: _transient, ...rest } = error;
  trace.error = { ...rest, message: trace.error!.message };
  if (failed.stderr) trace.stderr = failed.stderr;
  return trace;
}

function errorOf(
  kind: NonNullable<Trace['error']>['kind'],
  message: string,
  turns: TraceTurn[],
  extraLatency = 0,
): Trace {
  const done = turns.length ? assemble(turns) : undefined;
  const trace: Trace = {
    output: '',
    error: { kind, message },
    latency_ms: Math.round(((done?.latency_ms ?? 0) + extraLatency) * 10) / 10,
  };
  if (done) {
    trace.turns = turns;
    trace.messages = done.messages;
    if (done.usage) trace.usage = done.usage;
  }
  return trace;
}
