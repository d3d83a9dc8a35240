/**
 * Reading a multi-turn trace: the view a `turn: n` check sees, and the question sentences of an
 * answer (for `remembers` and `no_repeated_question`). Pure.
 */
import type { Trace, TraceTurn } from '../../types.ts';

/**
 * The trace as a `turn: n` check sees it: that turn's answer, tool calls, retrieved context,
 * messages and usage, with `turns` holding the conversation up to and including turn n (for
 * the checks that read across turns) and `turn` set to n. A trace without turns is its own
 * turn 1. Undefined when the trace has no turn n.
 */
export function turnView(trace: Trace, n: number): Trace | undefined {
  const turns = trace.turns;
  if (!turns || turns.length === 0) return n === 1 ? trace : undefined;
  const t = turns[n - 1];
  if (!t) return undefined;
  const view: Trace = { output: t.output, turns: turns.slice(0, n), turn: n };
  if (t.tool_calls) view.tool_calls = t.tool_calls;
  if (t.retrieved) view.retrieved = t.retrieved;
  if (t.messages) view.messages = t.messages;
  if (t.usage) view.usage = t.usage;
  if (t.latency_ms !== undefined) view.latency_ms = t.latency_ms;
  if (t.metadata) view.metadata = t.metadata;
  if (trace.trace_id !== undefined) view.trace_id = trace.trace_id;
  return view;
}

/** The number of turns a trace holds (a trace without `turns` is one turn). */
export function turnCount(trace: Trace): number {
  return trace.turns && trace.turns.length > 0 ? trace.turns.length : 1;
}

/** The turns a conversation check reads, or undefined for a single-turn trace. */
export function conversationOf(trace: Trace): TraceTurn[] | undefined {
  return trace.turns && trace.turns.length > 0 ? trace.turns : undefined;
}

/** Sentence ends: after . ! ? (and their full-width forms), or a line break. */
const SENTENCES = /(?<=[.!?。！？])\s+|\n+/;

/** The sentences of `text` that end in a question mark, trimmed. */
export function questionsIn(text: string): string[] {
  if (!text.includes('?') && !text.includes('？')) return [];
  const out: string[] = [];
  for (const s of text.split(SENTENCES)) {
    const q = s.trim();
    if (q.endsWith('?') || q.endsWith('？')) out.push(q);
  }
  return out;
}
