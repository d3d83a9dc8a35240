/**
 * Sharing what cases repeat. A large suite repeats the same check definitions, modes, types,
 * patterns and tags in every case; parsed from JSON, each case holds its own copies (at 100,000
 * cases that was about half of the loaded suite). After validation, a case's checks that are
 * deep-equal share one object, and the short strings of its checks and tags share one copy.
 * Values are never changed, only which copy holds them, so case hashes and behaviour stay the
 * same; nothing mutates a loaded case's checks or tags.
 *
 * The tables live as long as one load (`caseSharing()`), not the process: a suite whose checks
 * differ per case (an order id in each `tool_called`) filled them with 100,000 unique entries
 * that nothing would look up again, about 30 MB kept for the rest of a run.
 */
import type { CheckSpec } from '../types.ts';
import type { CaseBody } from './cases.ts';

/** Bounds: a suite of unique strings must not grow the tables without end. */
const MAX_ENTRIES = 100_000;
/** Longer strings are rarely repeated exactly; interning them would only cost a lookup. */
const MAX_STRING = 256;
/** Check definitions larger than this (as JSON) are kept as they are. */
const MAX_CHECK_JSON = 4_096;

/** Frozen: a shared list must never be changed through one case. */
const EMPTY_TAGS = Object.freeze([]) as unknown as string[];

function intern(strings: Map<string, string>, s: string): string {
  if (s.length > MAX_STRING) return s;
  const known = strings.get(s);
  if (known !== undefined) return known;
  if (strings.size < MAX_ENTRIES) strings.set(s, s);
  return s;
}

/** Plain JSON (no RegExp, Date, functions, ...): only then does its JSON text identify it. */
function isPlainJson(v: unknown, depth = 0): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object' || depth > 16) return false;
  if (Array.isArray(v)) return v.every((x) => isPlainJson(x, depth + 1));
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v).every((x) => x !== undefined && isPlainJson(x, depth + 1));
}

/** A copy of a plain JSON value with its short strings (values and keys) interned. */
function internDeep<T>(strings: Map<string, string>, v: T): T {
  if (typeof v === 'string') return intern(strings, v) as T;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => internDeep(strings, x)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[intern(strings, k)] = internDeep(strings, x);
  return out as T;
}

/** Shares what the cases of one load repeat; the tables go when the load's last case is in. */
export interface CaseSharing {
  /** The case with its checks and tags shared with earlier cases where equal (see above). */
  share<T extends CaseBody>(c: T): T;
  /** Only its tags: for a case whose checks are not kept (held by its line, held-case.ts). */
  shareTags<T extends CaseBody>(c: T): T;
}

export function caseSharing(): CaseSharing {
  const strings = new Map<string, string>();
  const checks = new Map<string, CheckSpec>();
  /** One shared object for each distinct check definition (by its JSON text, key order kept). */
  const shareCheck = (spec: CheckSpec): CheckSpec => {
    if (!isPlainJson(spec)) return spec;
    const key = JSON.stringify(spec);
    if (key.length > MAX_CHECK_JSON) return spec;
    const known = checks.get(key);
    if (known) return known;
    const copy = internDeep(strings, spec);
    if (checks.size < MAX_ENTRIES) checks.set(key, copy);
    return copy;
  };
  return {
    share(c) {
      c.checks = c.checks.map(shareCheck);
      return this.shareTags(c);
    },
    shareTags(c) {
      c.tags = c.tags.length === 0 ? EMPTY_TAGS : c.tags.map((t) => intern(strings, t));
      return c;
    },
  };
}
