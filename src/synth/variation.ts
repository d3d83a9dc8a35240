/**
 * A model's answer -> synthetic cases, or the reason an answer is unusable. Pure.
 *
 * A variation keeps its parent's checks (without human labels: those graded the parent's trace),
 * failure modes, context and tags, adds the tag `synthetic` and `parent`, and says where it came
 * from in `description`. Unusable answers (not JSON, empty, identical to the parent or to another
 * variation, another shape than the parent, a case that does not validate) are counted by the
 * caller and never written.
 *
 * A changed fact (`fact`) changes what a correct answer is, so the parent's expectations are not
 * kept blindly: a `contains`/`equals` check whose value holds the old text now expects the new
 * text, and every other check that mentions the old text, or that the model names as depending
 * on it, is dropped. Such a case is tagged `needs-review` and its description lists what changed.
 */
import { stableStringify } from '../suite/hash.ts';
import { validateCase } from '../suite/cases.ts';
import type { FailureMode } from '../types.ts';
import type { SynthKind, SynthSubject } from './prompt.ts';

export type BadReason = 'not_json' | 'empty' | 'identical' | 'duplicate' | 'invalid';

export const BAD_TEXT: Record<BadReason, string> = {
  not_json: 'not JSON',
  empty: 'empty',
  identical: 'identical to its parent',
  duplicate: 'a duplicate of another variation',
  invalid: 'not a valid case',
};

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The fields a variation may rewrite, as the parent has them. */
export const USER_FIELDS = ['input', 'turns', 'simulated_user'] as const;

export function subjectOf(parent: Obj, kind: SynthKind): SynthSubject {
  const s: SynthSubject = {};
  for (const f of USER_FIELDS) if (parent[f] !== undefined) s[f] = parent[f];
  if (kind === 'fact' && parent.context !== undefined) s.context = parent.context;
  return s;
}

/** The answer's variations, or why there are none. */
export function parseAnswer(content: string | null | undefined): unknown[] | BadReason {
  if (typeof content !== 'string' || content.trim() === '') return 'empty';
  let v: unknown;
  try {
    // Some servers fence JSON even in json mode.
    v = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
  } catch {
    return 'not_json';
  }
  if (!isObj(v)) return 'not_json';
  const list = Array.isArray(v.variations) ? v.variations : undefined;
  return list && list.length ? list : 'empty';
}

/**
 * Same JSON shape: same types, the same keys, arrays of the same length, and equal numbers,
 * booleans, nulls and `role` strings. Other strings are what a variation rewrites.
 */
export function sameShape(a: unknown, b: unknown, key?: string): boolean {
  if (typeof a === 'string' && typeof b === 'string') return key === 'role' ? a === b : true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameShape(x, b[i]));
  }
  if (isObj(a) || isObj(b)) {
    if (!isObj(a) || !isObj(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && sameShape(a[k], b[k], k));
  }
  return a === b;
}

/** A text the parent had that the variation left empty. */
function emptied(a: unknown, b: unknown): boolean {
  if (typeof a === 'string') return a.trim() !== '' && typeof b === 'string' && b.trim() === '';
  if (Array.isArray(a)) return Array.isArray(b) && a.some((x, i) => emptied(x, b[i]));
  if (isObj(a)) return isObj(b) && Object.keys(a).some((k) => emptied(a[k], b[k]));
  return false;
}

function deepMapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => deepMapStrings(x, f));
  if (isObj(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepMapStrings(x, f)]));
  return v;
}

function oneLine(v: unknown, max: number): string {
  const s = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The parent's checks for a variation whose context changed `from` -> `to`. */
export function factChecks(
  checks: Obj[],
  from: string,
  to: string,
  affected: ReadonlySet<number>,
): { checks: Obj[]; notes: string[] } {
  const out: Obj[] = [];
  const notes: string[] = [];
  const escaped = JSON.stringify(from).slice(1, -1);
  checks.forEach((c, i) => {
    const mentions = JSON.stringify(c).includes(escaped);
    if (!mentions && !affected.has(i)) return void out.push(c);
    const type = String(c.type);
    if (
      (type === 'contains' || type === 'equals') &&
      typeof c.value === 'string' &&
      c.value.includes(from)
    ) {
      const value = c.value.replaceAll(from, to);
      notes.push(`check ${i} (${type}) now expects ${JSON.stringify(value)}`);
      return void out.push({ ...c, value });
    }
    // The system must still not say what it must not say, whatever the fact.
    if (type === 'not_contains' && !affected.has(i)) return void out.push(c);
    notes.push(`check ${i} (${type}) dropped: it depends on the changed fact`);
  });
  return { checks: out, notes };
}

export interface VariationContext {
  parent: Obj;
  kind: SynthKind;
  model: string;
  /** YYYY-MM-DD. */
  date: string;
  modes: Record<string, FailureMode> | undefined;
  /** Subjects already produced for this parent (stable JSON): a repeat is a duplicate. */
  seen: Set<string>;
  /** Masks secrets in the model's text before anything is kept. */
  redact: (s: string) => string;
}

/**
 * What makes two variations of a parent the same case: what the user says and the context (the
 * parent's, unless the variation changed it), whatever the kind that wrote it.
 */
export function variationKey(subject: Obj, parent: Obj): string {
  const context = subject.context ?? parent.context;
  return stableStringify({ ...subject, ...(context !== undefined ? { context } : {}) });
}

export type Built = { row: Obj; note: string } | { bad: BadReason; why: string };

/** One variation of the model's answer -> the case row (without its id), or why it is unusable. */
export function buildVariation(raw: unknown, ctx: VariationContext): Built {
  const { parent, kind } = ctx;
  if (!isObj(raw)) return { bad: 'invalid', why: 'a variation is not a JSON object' };
  const v = deepMapStrings(raw, ctx.redact) as Obj;
  const before = subjectOf(parent, kind) as Obj;
  const after: Obj = {};
  for (const f of Object.keys(before)) {
    const value = v[f] === undefined ? before[f] : v[f];
    if (f !== 'context' && !sameShape(before[f], value))
      return { bad: 'invalid', why: `its ${f} has another shape than the parent's` };
    if (emptied(before[f], value)) return { bad: 'empty', why: `its ${f} has empty text` };
    after[f] = value;
  }
  if (stableStringify(after) === stableStringify(before))
    return { bad: 'identical', why: 'same as the parent' };
  const key = variationKey(after, parent);
  if (ctx.seen.has(key)) return { bad: 'duplicate', why: 'same as another variation' };

  let checks = (Array.isArray(parent.checks) ? parent.checks : []).map((c) => {
    if (!isObj(c) || !Object.hasOwn(c, 'human')) return c as Obj;
    const { human: _human, ...rest } = c;
    return rest;
  });
  const review: string[] = [];
  if (kind === 'fact') {
    if (!isObj(after.context)) return { bad: 'invalid', why: 'no context in the answer' };
    const changed = isObj(v.changed) ? v.changed : {};
    const { from, to } = changed;
    if (typeof from !== 'string' || typeof to !== 'string' || !from || from === to)
      return { bad: 'invalid', why: 'no changed fact ({"from", "to"}) in the answer' };
    if (!JSON.stringify(before.context).includes(JSON.stringify(from).slice(1, -1)))
      return { bad: 'invalid', why: "the changed fact is not in the parent's context" };
    if (!JSON.stringify(after.context).includes(JSON.stringify(to).slice(1, -1)))
      return { bad: 'invalid', why: 'the new fact is not in the new context' };
    const affected = new Set(
      (Array.isArray(v.affected_checks) ? v.affected_checks : []).filter((i): i is number =>
        Number.isInteger(i),
      ),
    );
    const fixed = factChecks(checks, from, to, affected);
    if (!fixed.checks.length)
      return { bad: 'invalid', why: 'every check depends on the changed fact' };
    checks = fixed.checks;
    review.push(
      `changed ${JSON.stringify(oneLine(from, 80))} to ${JSON.stringify(oneLine(to, 80))}`,
      ...fixed.notes,
    );
  }

  const note = oneLine(v.note, 200);
  const tags = (Array.isArray(parent.tags) ? parent.tags : []).filter(
    (t) => t !== 'synthetic' && t !== 'needs-review',
  );
  const row: Obj = {
    input: after.input,
    ...(after.turns !== undefined ? { turns: after.turns } : {}),
    ...(after.simulated_user !== undefined ? { simulated_user: after.simulated_user } : {}),
    ...(kind === 'fact'
      ? { context: after.context }
      : parent.context !== undefined
        ? { context: parent.context }
        : {}),
    tags: [...tags, 'synthetic', ...(kind === 'fact' ? ['needs-review'] : [])],
    parent: parent.id,
    description:
      `synthetic ${kind} variation of ${String(parent.id)}, written by ${ctx.model} on ${ctx.date}` +
      (note ? `: ${note}` : '') +
      (review.length ? `; review: ${review.join('; ')}` : ''),
    checks,
  };
  if (row.input === undefined) delete row.input;
  const { issues } = validateCase({ id: 'x', ...row }, ctx.modes);
  if (issues.length) {
    const i = issues[0];
    return { bad: 'invalid', why: `${i.path.join('.') || 'case'}: ${i.message}` };
  }
  ctx.seen.add(key);
  return { row, note };
}
