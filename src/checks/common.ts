import { z } from 'zod';
import type { CheckOutcome, ToolCall, Trace } from '../types.ts';

/**
 * Fields every check spec has. Each check's schema extends this (through `checkSchema`, which
 * also rejects unknown fields). Kept non-strict itself so other code can parse just the common
 * fields of any check.
 */
export const checkBase = z.object({
  type: z.string(),
  mode: z.string().min(1),
  /** A short label shown in reports instead of the type. */
  name: z.string().optional(),
  /**
   * In a multi-turn case: the 1-based turn the check reads (its answer, tool calls, retrieved
   * context). Absent: the whole conversation (the final answer, every turn's tool calls).
   */
  turn: z.int().min(1).optional(),
});

/**
 * A check's schema: the common fields plus its own, rejecting unknown keys so that a typo such
 * as `vaule:` is a load error instead of a silently ignored field.
 */
export function checkSchema<T extends z.ZodRawShape>(shape: T) {
  return checkBase.extend(shape).strict();
}

// ---------------------------------------------------------------------------------------------
// Outcomes and reasons
// ---------------------------------------------------------------------------------------------

export const pass = (reason: string): CheckOutcome => ({ status: 'pass', reason: oneLine(reason) });
export const fail = (reason: string): CheckOutcome => ({ status: 'fail', reason: oneLine(reason) });
export const error = (reason: string): CheckOutcome => ({
  status: 'error',
  reason: oneLine(reason),
});

/** Reasons are shown in one table cell: no newlines, bounded length. */
function oneLine(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ');
  return flat.length > 400 ? flat.slice(0, 399) + '…' : flat;
}

/** A quoted, single-line piece of untrusted text, cut to about `max` characters. */
export function quote(text: unknown, max = 120): string {
  const s = typeof text === 'string' ? text : safeJson(text);
  const flat = s.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
  return JSON.stringify(cut);
}

/** A quoted window of `text` around [start, end), with ellipses where it was cut. */
export function quoteAround(text: string, start: number, end: number, max = 120): string {
  const pad = Math.max(0, Math.floor((max - (end - start)) / 2));
  const from = Math.max(0, start - pad);
  const to = Math.min(text.length, end + pad);
  const piece = (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
  return quote(piece, max + 2);
}

/** JSON.stringify that never throws (cycles, BigInt) and never returns undefined. */
export function safeJson(value: unknown): string {
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s;
  } catch {
    return String(value);
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return typeof err === 'string' ? err : safeJson(err);
}

// ---------------------------------------------------------------------------------------------
// Per-spec caches: checks run once per case x trial, specs live as long as the suite.
// ---------------------------------------------------------------------------------------------

/** Memoises `fn` on the identity of its (spec) argument. */
export function perSpec<S extends object, V>(fn: (spec: S) => V): (spec: S) => V {
  const cache = new WeakMap<S, V>();
  return (spec) => {
    if (cache.has(spec)) return cache.get(spec) as V;
    const value = fn(spec);
    cache.set(spec, value);
    return value;
  };
}

/** Flags that make `RegExp.test` stateful (lastIndex); dropped because compiled regexes are shared. */
const STATEFUL_FLAGS = /[gy]/g;

/** Compiles a user regex, or returns the reason it does not compile. */
export function compileRegex(pattern: string, flags = ''): RegExp | string {
  try {
    return new RegExp(pattern, flags.replace(STATEFUL_FLAGS, ''));
  } catch (err) {
    return `invalid regex ${quote(pattern, 60)}: ${errorMessage(err)}`;
  }
}

/** A zod string that must compile as a regex (so the suite loader reports it with its line). */
export const regexString = z
  .string()
  .min(1)
  .refine((p) => typeof compileRegex(p) !== 'string', {
    message: 'not a valid regular expression',
  });

// ---------------------------------------------------------------------------------------------
// Tool calls
// ---------------------------------------------------------------------------------------------

/** Calls parsed out of a message log, per messages array (parsing JSON arguments is not free). */
const fromMessagesCache = new WeakMap<object, ToolCall[]>();

const isCall = (c: unknown): c is ToolCall =>
  !!c && typeof c === 'object' && typeof (c as ToolCall).name === 'string';

/**
 * The trace's tool calls: `tool_calls` when the target reported them, else those found in
 * OpenAI-style assistant messages (`{function: {name, arguments: "<json>"}}`), so a target that
 * returns only its message log is still checkable.
 */
export function toolCallsOf(trace: Trace): ToolCall[] {
  const reported: unknown[] | undefined = trace.tool_calls;
  if (Array.isArray(reported) && reported.length > 0) {
    // Untrusted shape: drop entries without a name rather than crash on them.
    return reported.every(isCall) ? (reported as ToolCall[]) : reported.filter(isCall);
  }
  const messages = trace.messages;
  if (!Array.isArray(messages)) return [];
  const cached = fromMessagesCache.get(messages);
  if (cached) return cached;
  const calls: ToolCall[] = [];
  for (const m of messages) {
    if (!m || !Array.isArray(m.tool_calls)) continue;
    for (const raw of m.tool_calls) {
      const call = fromMessageToolCall(raw);
      if (call) calls.push(call);
    }
  }
  fromMessagesCache.set(messages, calls);
  return calls;
}

function fromMessageToolCall(raw: unknown): ToolCall | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const fn = (r.function && typeof r.function === 'object' ? r.function : r) as Record<
    string,
    unknown
  >;
  if (typeof fn.name !== 'string') return undefined;
  let args: unknown = fn.arguments ?? fn.args ?? fn.input;
  if (typeof args === 'string') {
    try {
      args = JSON.parse(args);
    } catch {
      args = { _raw: args };
    }
  }
  const call: ToolCall = { name: fn.name };
  if (args && typeof args === 'object' && !Array.isArray(args)) {
    call.arguments = args as Record<string, unknown>;
  }
  if (typeof r.id === 'string') call.id = r.id;
  return call;
}

/** `name({"a":1})`, short, for reasons. */
export function formatCall(call: ToolCall, max = 80): string {
  const args = call.arguments === undefined ? '' : safeJson(call.arguments);
  const text = `${call.name}(${args})`;
  return text.length > max ? text.slice(0, max - 1) + '…)' : text;
}

/** Distinct tool names in call order, for "called instead: ..." hints. */
export function callNames(calls: ToolCall[], max = 6): string {
  if (calls.length === 0) return 'no tools';
  const names = calls.map((c) => c.name);
  return names.length > max
    ? names.slice(0, max).join(', ') + `, … (${names.length} calls)`
    : names.join(', ');
}

/**
 * Deep partial equality: every key of `expected` is present in `actual` with a matching value.
 * Objects match on a subset of keys (recursively); arrays must have the same length and match
 * element by element; anything else must be strictly equal.
 */
export function partialMatch(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => partialMatch(e, actual[i]))
    );
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.prototype.hasOwnProperty.call(a, key)) return false;
      if (!partialMatch(value, a[key])) return false;
    }
    return true;
  }
  return false;
}

/** Calls to `name` whose arguments include `args` (all calls to `name` when `args` is absent). */
export function matchingCalls(
  calls: ToolCall[],
  name: string,
  args: Record<string, unknown> | undefined,
): ToolCall[] {
  return calls.filter(
    (c) => c.name === name && (args === undefined || partialMatch(args, c.arguments ?? {})),
  );
}

/** JSON-ish values, for `args` in specs. */
export const argsRecord = z.record(z.string(), z.unknown());
