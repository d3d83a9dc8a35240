/**
 * Matching a tool call's arguments, shared by `tool_sequence` steps and `tool_args`:
 *
 * - `args`: a deep partial match (the same as `tool_called`'s `args`);
 * - `args_schema`: a JSON Schema the whole arguments object must satisfy (compiled by the
 *   `json_schema` check's compiler, once per distinct schema);
 * - `args_match`: a regex per argument name, tested on the argument's value (strings as they
 *   are, other values as JSON).
 *
 * Everything is compiled once per spec; testing a call allocates nothing when it matches.
 */
import { z } from 'zod';
import type { ToolCall } from '../../types.ts';
import { argsRecord, compileRegex, partialMatch, quote, regexString, safeJson } from '../common.ts';
import { compileSchema } from '../text/json-schema.ts';

/** A JSON Schema for the arguments object; one that does not compile is a load error. */
const argsSchemaField = z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
  const compiled = compileSchema(schema);
  if (typeof compiled === 'string') ctx.addIssue({ code: 'custom', message: compiled });
});

/** The argument fields, for a check's or a step's zod shape. */
export const argFields = {
  /** A subset of the arguments (deep partial match). */
  args: argsRecord.optional(),
  /** A JSON Schema the arguments object must match. */
  args_schema: argsSchemaField.optional(),
  /** Argument name -> regex its value must match. */
  args_match: z.record(z.string(), regexString).optional(),
};

export interface ArgSpec {
  args?: Record<string, unknown>;
  args_schema?: Record<string, unknown>;
  args_match?: Record<string, string>;
}

export interface ArgMatcher {
  /** undefined when the arguments match, else a short phrase saying why not. */
  mismatch(args: Record<string, unknown>): string | undefined;
  /** What is required, for reasons: `with {"order_id":"A17"}`, `matching args_schema`. */
  label: string;
}

/** The matcher of a spec's argument fields, undefined when it has none, or why it is invalid. */
export function compileArgs(spec: ArgSpec): ArgMatcher | undefined | string {
  const { args, args_schema, args_match } = spec;
  if (args === undefined && args_schema === undefined && args_match === undefined) {
    return undefined;
  }
  const validate = args_schema === undefined ? undefined : compileSchema(args_schema);
  if (typeof validate === 'string') return validate;
  const patterns: [string, RegExp][] = [];
  for (const [key, pattern] of Object.entries(args_match ?? {})) {
    const re = compileRegex(pattern);
    if (typeof re === 'string') return `args_match.${key}: ${re}`;
    patterns.push([key, re]);
  }
  const labels: string[] = [];
  if (args !== undefined) labels.push(`with ${safeJson(args)}`);
  if (validate) labels.push('matching args_schema');
  for (const [key, re] of patterns) labels.push(`${key} ~ ${String(re)}`);

  return {
    label: labels.join(', '),
    mismatch(actual) {
      if (args !== undefined && !partialMatch(args, actual)) {
        return `arguments do not include ${safeJson(args)}`;
      }
      for (const [key, re] of patterns) {
        if (!Object.hasOwn(actual, key)) return `no argument ${key}`;
        const value = actual[key];
        const text = typeof value === 'string' ? value : safeJson(value);
        if (!re.test(text)) {
          const shown = typeof value === 'string' ? quote(value, 40) : text.slice(0, 40);
          return `${key} ${shown} does not match ${String(re)}`;
        }
      }
      if (validate && !validate(actual)) {
        const first = validate.errors?.[0];
        const where = first?.instancePath || '(arguments)';
        return `args_schema: ${where} ${first?.message ?? 'is invalid'}`;
      }
      return undefined;
    },
  };
}

/** A call's arguments as an object (a call without arguments has none: `{}`). */
export function argsOf(call: ToolCall): Record<string, unknown> {
  const a = call.arguments;
  return a && typeof a === 'object' && !Array.isArray(a) ? a : {};
}
