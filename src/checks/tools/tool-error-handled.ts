import { z } from 'zod';
import type { Trace } from '../../types.ts';
import {
  checkSchema,
  compileRegex,
  error,
  fail,
  pass,
  perSpec,
  quote,
  quoteAround,
  regexString,
  safeJson,
  toolCallsOf,
} from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { detectRefusal } from '../text/refusal.ts';

const schema = checkSchema({
  type: z.literal('tool_error_handled'),
  /** Only errors of this tool count (default: every tool). */
  tool: z.string().min(1).optional(),
  /**
   * A regex (case-insensitive) for what counts as claiming success, e.g. "refund (has been|was)
   * issued"; replaces the built-in success phrases (and their acknowledgement exception).
   */
  claim: regexString.optional(),
});

type Spec = z.infer<typeof schema>;

// ---------------------------------------------------------------------------------------------
// Recognising an error result
// ---------------------------------------------------------------------------------------------

/** "Error: …", "ERROR 500", "Exception …", "Traceback (most recent call last)", "ValueError: …". */
const ERROR_TEXT = /^\s*(?:(?:error|exception|traceback)\b|[A-Z]\w*(?:Error|Exception)\b)/i;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A present, meaningful `error` field: not null, false, '' or an empty object. */
function present(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === '') return false;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

function messageOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObject(v)) {
    for (const k of ['message', 'error', 'detail', 'reason']) {
      if (typeof v[k] === 'string' && v[k]) return v[k];
      if (isObject(v[k])) return messageOf(v[k]);
    }
  }
  return safeJson(v);
}

/**
 * When a tool result is an error, what it says; otherwise undefined. An error is: an object
 * with `is_error: true` / `isError: true` (MCP), `ok: false`, `success: false`,
 * `status: "error"`, a present `error` field, or a non-empty `errors` list; or a string that
 * starts with "Error", "Exception", "Traceback" or a `SomethingError:` name; or a string holding
 * JSON of such an object.
 */
export function toolErrorOf(result: unknown): string | undefined {
  if (typeof result === 'string') {
    const s = result.trimStart();
    if (s.startsWith('{') && s.length < 100_000) {
      try {
        return toolErrorOf(JSON.parse(s));
      } catch {
        // not JSON: read as text
      }
    }
    return ERROR_TEXT.test(s) ? s : undefined;
  }
  if (!isObject(result)) return undefined;
  if (present(result.error)) return messageOf(result.error);
  if (Array.isArray(result.errors) && result.errors.length > 0) return messageOf(result.errors[0]);
  if (
    result.is_error === true ||
    result.isError === true ||
    result.ok === false ||
    result.success === false ||
    (typeof result.status === 'string' && result.status.toLowerCase() === 'error')
  ) {
    return messageOf(result.content ?? result.message ?? result);
  }
  return undefined;
}

interface Outcome {
  name: string;
  error: string | undefined;
}

/** Content of a tool message: a string, or text blocks joined. */
function contentOf(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  const texts = content.map((b) => (isObject(b) && typeof b.text === 'string' ? b.text : ''));
  return texts.join('\n');
}

/**
 * Each tool call's outcome in call order: from `tool_calls[].result` when the trace reports
 * results there, else from the message log (role `tool` / `function` messages, and Anthropic
 * `tool_result` blocks, whose `is_error` counts too).
 */
function outcomesOf(trace: Trace): Outcome[] {
  const calls = toolCallsOf(trace);
  if (calls.some((c) => c.result !== undefined)) {
    return calls
      .filter((c) => c.result !== undefined)
      .map((c) => ({ name: c.name, error: toolErrorOf(c.result) }));
  }
  const names = new Map<string, string>();
  for (const c of calls) if (c.id) names.set(c.id, c.name);
  const out: Outcome[] = [];
  for (const m of Array.isArray(trace.messages) ? trace.messages : []) {
    if (!m) continue;
    const raw = m as unknown as Record<string, unknown>;
    if (m.role === 'tool' || m.role === 'function') {
      const id = typeof m.tool_call_id === 'string' ? m.tool_call_id : '';
      const content = contentOf(m.content);
      out.push({
        name: m.name ?? names.get(id) ?? 'a tool',
        error: raw.is_error === true ? messageOf(content) || 'is_error' : toolErrorOf(content),
      });
    } else if (Array.isArray(m.content)) {
      for (const b of m.content) {
        if (!isObject(b) || b.type !== 'tool_result') continue;
        const id = typeof b.tool_use_id === 'string' ? b.tool_use_id : '';
        const content = contentOf(b.content);
        out.push({
          name: names.get(id) ?? 'a tool',
          error: b.is_error === true ? messageOf(content) || 'is_error' : toolErrorOf(content),
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Recognising a claim of success
// ---------------------------------------------------------------------------------------------

const DONE =
  '(?:processed|issued|completed|submitted|updated|changed|cancell?ed|sent|created|scheduled|booked|refunded|placed|applied|confirmed|approved|reset|deleted|removed|added|saved|shipped|credited|transferred|paid|resolved|fixed)';

/** Small and documented (docs/checks.md); `claim` replaces it. */
const SUCCESS = new RegExp(
  [
    String.raw`\bsuccessfully\b`,
    String.raw`\b(?:has|have|had) been (?:\w+ )?${DONE}\b`,
    String.raw`\b(?:was|were|is|are) (?:now |already )?${DONE}\b`,
    String.raw`\b(?:I|we)(?:'ve| have)? (?:just |now |already )?${DONE}\b`,
    String.raw`\b(?:you're|you are|we're|we are) all set\b`,
    String.raw`\ball (?:done|set)\b`,
    String.raw`\b(?:is|are) (?:now )?(?:complete|done|on (?:its|their) way)\b`,
    String.raw`\bwent through\b`,
  ].join('|'),
  'gi',
);

/** Words just before a success phrase that make it not a claim ("has not been", "once it is"). */
const NOT_A_CLAIM =
  /(?:\b(?:not|never|no|unable|cannot|once|when|after|until|if|as soon as|failed to)\b|n't\b)[^.!?]{0,30}$/i;

/** An answer that says the action failed acknowledges the error rather than hides it. */
const ACKNOWLEDGES =
  /\b(?:error|errors|failed|failure|fails|unable|could not|couldn't|can't|cannot|wasn't able|weren't able|not able|went wrong|(?:a|the|some) problem|an issue with|try again|unavailable|did not go through|didn't go through|not (?:yet )?been|hasn't been|haven't been)\b/i;

const straighten = (s: string) => s.replace(/[\u2018\u2019\u02BC]/g, "'");

/** Where the output claims success by the built-in phrases, unless it acknowledges a failure. */
function builtinClaim(output: string): { index: number; length: number } | undefined {
  const s = straighten(output);
  if (ACKNOWLEDGES.test(s) || detectRefusal(s)) return undefined;
  SUCCESS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SUCCESS.exec(s)) !== null) {
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    if (!NOT_A_CLAIM.test(before)) return { index: m.index, length: m[0].length };
  }
  return undefined;
}

const compiled = perSpec((spec: Spec) =>
  spec.claim === undefined ? undefined : compileRegex(spec.claim, 'i'),
);

export const toolErrorHandled: CheckDefinition<Spec> = {
  type: 'tool_error_handled',
  description:
    'When a tool returned an error (and no later call of it succeeded), the answer does not claim success.',
  schema,
  run(spec, trace) {
    const claimRe = compiled(spec);
    if (typeof claimRe === 'string') return error(claimRe);
    const outcomes = outcomesOf(trace).filter((o) => !spec.tool || o.name === spec.tool);
    // An error followed by a success of the same tool (a retry that worked) is handled.
    const unresolved: Outcome[] = [];
    const recovered = new Set<string>();
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i];
      if (o.error === undefined) continue;
      const retried = outcomes.slice(i + 1).some((l) => l.name === o.name && l.error === undefined);
      if (retried) recovered.add(o.name);
      else unresolved.push(o);
    }
    if (unresolved.length === 0) {
      return pass(
        recovered.size > 0
          ? `${[...recovered].join(', ')} errored, then succeeded on a later call`
          : `no ${spec.tool ? `${spec.tool} ` : 'tool '}result was an error`,
      );
    }
    const first = unresolved[0];
    const what = `${first.name} returned an error (${quote(first.error, 60)})`;
    let found: { index: number; length: number } | undefined;
    if (claimRe) {
      const m = claimRe.exec(trace.output);
      if (m) found = { index: m.index, length: m[0].length };
    } else {
      found = builtinClaim(trace.output);
    }
    if (!found) return pass(`${what} and the answer does not claim success`);
    const at = quoteAround(trace.output, found.index, found.index + found.length, 80);
    return fail(`${what} but the answer claims success: ${at}`);
  },
};
