/**
 * From a labelled trace to a golden case: the input and the retrieved documents from the trace,
 * the failure mode from the label, and a check suggested by what kind of failure the mode names
 * (a hallucinated action, a stale answer, a wrong tool...). Pure.
 */
import type { Trace } from '../types.ts';

export interface PromoteLabel {
  trace_id: string;
  mode: string;
  note?: string;
  /** The tool that should have been called (hallucinated action, wrong tool). */
  tool?: string;
  /** Text the right answer contains. */
  expected?: string;
  line: number;
}

export type Check = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Words of a claimed action in an answer ("I have refunded", "has been cancelled"...). */
const ACTION =
  /\b(?:refunded|cancel(?:l)?ed|issued|processed|booked|sent|updated|changed|created|deleted|scheduled|transferred|reset|approved)\b/i;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sentence ends: `.` `!` `?` `:` `;` before a space or the end (not the `.` of `$89.99`). */
const SENTENCE_END = /[.!?:;](?=\s|$)|\n/;
/** Amounts, order numbers, dates: they tie a claim to one trace, so they end it. */
const SPECIFIC = /\d/;

/**
 * The claim in an output: the clause around its first action word, as a regex. Up to 3 words
 * before and 2 after, within the sentence, stopping at a word with a digit, so the claim
 * matches the same promise about another order or amount ("your refund of $89.99 has been
 * processed" -> `has\s+been\s+processed\s+and\s+is`).
 */
export function claimIn(output: string): string | undefined {
  const m = ACTION.exec(output);
  if (!m) return undefined;
  const before = output.slice(0, m.index).split(SENTENCE_END).at(-1)!.trim().split(/\s+/);
  const after = output
    .slice(m.index + m[0].length)
    .split(SENTENCE_END)[0]
    .trim()
    .split(/\s+/);
  const lead: string[] = [];
  for (let i = before.length - 1; i >= 0 && lead.length < 3; i--) {
    if (!before[i] || SPECIFIC.test(before[i])) break;
    lead.unshift(before[i]);
  }
  const tail: string[] = [];
  for (const w of after) {
    if (!w || SPECIFIC.test(w) || tail.length === 2) break;
    tail.push(w);
  }
  return [...lead, m[0], ...tail].map(escapeRegex).join('\\s+');
}

export type FailureKind = 'hallucinated_action' | 'stale_answer' | 'wrong_tool' | 'other';

/** The kind of failure a mode's name describes. */
export function kindOf(mode: string): FailureKind {
  const m = mode.toLowerCase();
  if (/halluc|claim|fabricat|unperformed|fake/.test(m)) return 'hallucinated_action';
  if (/stale|outdated|ground|fact|wrong_info|incorrect_info/.test(m)) return 'stale_answer';
  if (/tool/.test(m)) return 'wrong_tool';
  return 'other';
}

/** The suggested checks for a label on a trace, and a note for what needs a person. */
export function suggestChecks(
  label: PromoteLabel,
  trace: Trace,
): { checks: Check[]; todo?: string } {
  const mode = label.mode;
  const kind = kindOf(mode);
  const checks: Check[] = [];
  let todo: string | undefined;
  const called = (trace.tool_calls ?? []).map((c) => c.name);
  if (kind === 'hallucinated_action') {
    const claim = claimIn(trace.output);
    if (claim && label.tool)
      checks.push({ type: 'claim_requires_tool', claim, tool: label.tool, mode });
    else if (claim) {
      checks.push({
        type: 'not_contains',
        value: trace.output.match(new RegExp(claim, 'i'))![0],
        ignore_case: true,
        mode,
      });
      todo = 'name the tool the claim needs (label "tool") to check it with claim_requires_tool';
    } else todo = 'no action claim found in the output: write the check by hand';
  } else if (kind === 'stale_answer') {
    checks.push({ type: 'grounded', mode });
  } else if (kind === 'wrong_tool') {
    if (label.tool) checks.push({ type: 'tool_called', name: label.tool, mode });
    const wrong = called.find((n) => n !== label.tool);
    if (wrong) checks.push({ type: 'tool_not_called', name: wrong, mode });
    if (!checks.length) todo = 'name the right tool (label "tool")';
  }
  if (label.expected) checks.push({ type: 'contains', value: label.expected, mode });
  if (!checks.length) {
    // Something a person must replace, but a valid check that the bad answer fails.
    const bad = trace.output.trim().slice(0, 80);
    if (bad) checks.push({ type: 'not_contains', value: bad, mode });
    todo ??= 'write a check for this failure (the suggestion only rejects the same answer)';
  }
  return todo ? { checks, todo } : { checks };
}

/** What the user asked: the import's `metadata.input`, else the last user message. */
export function inputOf(trace: Trace): unknown {
  const meta = trace.metadata?.input;
  if (meta !== undefined && meta !== null && meta !== '') return meta;
  const user = trace.messages?.findLast((m) => m.role === 'user');
  return typeof user?.content === 'string' ? user.content : undefined;
}

/** The trace's retrieved documents as the case's pinned documents (unique ids). */
export function documentsOf(trace: Trace): { id: string; text: string; source?: string }[] {
  const seen = new Set<string>();
  const out: { id: string; text: string; source?: string }[] = [];
  (trace.retrieved ?? []).forEach((d, i) => {
    let id = d.id ?? `doc-${i + 1}`;
    while (seen.has(id)) id = `${id}-${i + 1}`;
    seen.add(id);
    out.push(d.source ? { id, text: d.text, source: d.source } : { id, text: d.text });
  });
  return out;
}

export function sourceOf(trace: Trace): string {
  const s = trace.metadata?.source;
  return typeof s === 'string' ? s : 'traces';
}

export { isObject };
