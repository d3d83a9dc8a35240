import { createHash } from 'node:crypto';
import type { Case, SuiteConfig } from '../types.ts';

/**
 * Content hashes: a case's hash pairs and caches it (same input, context and checks => same
 * hash, whatever the key order in the file); the suite hash keys cached base results. Pure.
 */

/**
 * JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` hash the same. Like
 * JSON.stringify: undefined object fields are dropped, non-finite numbers become null. Values
 * JSON cannot hold are written in a stable form (RegExp as /src/flags, Date as ISO, bigint as
 * digits) rather than silently as `{}`; a cycle is written as "[Circular]" instead of throwing.
 */
export function stableStringify(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown): string | undefined => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? JSON.stringify(v) : 'null';
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return JSON.stringify(v.toString());
      case 'undefined':
      case 'function':
      case 'symbol':
        return undefined;
    }
    const obj = v as object;
    if (obj instanceof RegExp) return JSON.stringify(obj.toString());
    if (obj instanceof Date)
      return JSON.stringify(Number.isNaN(obj.getTime()) ? null : obj.toISOString());
    if (seen.has(obj)) return '"[Circular]"';
    seen.add(obj);
    let out: string;
    if (Array.isArray(obj)) {
      out = `[${obj.map((x) => walk(x) ?? 'null').join(',')}]`;
    } else if (obj instanceof Map) {
      out = walk(Object.fromEntries(obj)) ?? 'null';
    } else if (obj instanceof Set) {
      out = walk([...obj]) ?? 'null';
    } else {
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        const s = walk((obj as Record<string, unknown>)[key]);
        if (s !== undefined) parts.push(`${JSON.stringify(key)}:${s}`);
      }
      out = `{${parts.join(',')}}`;
    }
    seen.delete(obj);
    return out;
  };
  return walk(value) ?? 'null';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Over what determines a case's outcome: input, context, checks and its conversation. Not the id (renaming a case
 * does not change it) and not the tags (they select cases, they do not grade them). A missing
 * context hashes like `{}`, because that is what the target receives either way.
 */
export function caseHash(
  c: Pick<Case, 'input' | 'context' | 'checks' | 'turns' | 'simulated_user'>,
): string {
  // A single-turn case has neither field, and stableStringify drops undefined ones: its hash is
  // what it was before conversations existed.
  return sha256(
    stableStringify({
      input: c.input,
      context: c.context ?? {},
      // A human label grades the judge, not the system: adding one leaves the case as it was.
      checks: c.checks.some((k) => k.human !== undefined)
        ? c.checks.map(({ human: _human, ...k }) => k)
        : c.checks,
      turns: c.turns,
      simulated_user: c.simulated_user,
    }),
  );
}

/** Config fields that change how a run is scheduled or shown, never its results. */
const NOT_HASHED = [
  'cache',
  'concurrency',
  'pull_request',
  'trace_url',
  'online',
  'synth',
] as const;

/**
 * Over the config (minus NOT_HASHED) and every case's id and hash, in id order (so moving cases
 * between files or reordering them does not change it).
 */
export function suiteHash(
  config: SuiteConfig,
  cases: readonly Pick<Case, 'id' | 'hash'>[],
): string {
  const rest: Record<string, unknown> = { ...config };
  for (const key of NOT_HASHED) delete rest[key];
  const pairs = cases
    .map((c) => [c.id, c.hash] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sha256(stableStringify({ schema: 'evalgate/suite@1', config: rest, cases: pairs }));
}
