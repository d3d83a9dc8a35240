import type { z } from 'zod';
import type { SuiteProblem } from './errors.ts';
import { didYouMean } from './suggest.ts';

/**
 * Turns zod issues into one-line messages for people, each with the path of the field it is
 * about. Zod's default wording ("Invalid input: expected number, received string") says what a
 * parser saw; ours says what to write ("expected a number, got \"three\""). Messages a schema
 * author wrote themselves are kept as they are. Pure.
 */

export type PathSegment = string | number;

export interface Issue {
  path: PathSegment[];
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `checks[1].mode`, `failure_modes["my mode"].severity`; '' for the root. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENTIFIER.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** A short, safe rendering of a value the user wrote, for "got ..." (never huge, never throws). */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string': {
      const s = JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
      return s;
    }
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(v);
    case 'object':
      return 'a mapping';
    default:
      return typeof v;
  }
}

/** "a, b or c". */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'null',
  date: 'a date',
};

export function getAt(value: unknown, path: readonly PathSegment[]): unknown {
  let cur = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  if (hint) return `unknown key "${key}"${hint}`;
  return known.length > 0
    ? `unknown key "${key}" (known: ${[...known].sort().join(', ')})`
    : `unknown key "${key}"`;
}

/** Zod's own default messages; anything else was written by a schema author and is kept. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized)/;

type AnyIssue = z.core.$ZodIssue;

/**
 * Zod issues -> our issues. `input` is the value that was parsed (for "got ..."), `schema` the
 * schema (to list the known keys of an object when a key is unknown), `base` a path prefix.
 */
export function fromZodIssues(
  issues: readonly AnyIssue[],
  schema: z.ZodType | undefined,
  input: unknown,
  base: PathSegment[] = [],
): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) out.push(...fromZodIssue(issue, schema, input, base));
  return out;
}

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

function fromZodIssue(
  issue: AnyIssue,
  schema: z.ZodType | undefined,
  input: unknown,
  base: PathSegment[],
): Issue[] {
  const rel = toPath(issue.path);
  const path = [...base, ...rel];
  // With `reportInput`, zod tells us the value it saw (after any preprocessing); else look it up.
  const value = 'input' in issue ? issue.input : getAt(input, rel);
  const custom = !ZOD_DEFAULT.test(issue.message);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = schema ? knownKeysAt(schema, rel) : [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: unknownKeyMessage(key, known),
      }));
    }
    case 'invalid_union': {
      if (issue.errors.length === 0) {
        // A discriminated union whose discriminator matched no option.
        const options = (issue as { options?: unknown[] }).options;
        const message =
          value === undefined
            ? 'required'
            : Array.isArray(options)
              ? `must be one of ${options.map(String).join(', ')}; got ${describeValue(value)}`
              : `invalid value ${describeValue(value)}`;
        return [{ path, message }];
      }
      if (custom) return [{ path, message: issue.message }];
      if (value === undefined) return [{ path, message: 'required' }];
      // The option that got furthest explains best: one that complains about a nested field
      // (the value had the right shape), else one that did not reject the value's type.
      const deeper =
        issue.errors.find((branch) => branch.some((i) => i.path.length > 0)) ??
        issue.errors.find(
          (branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0),
        );
      if (deeper) {
        return fromZodIssues(deeper, undefined, value, path);
      }
      const expected = issue.errors
        .flat()
        .map((i) => (i.code === 'invalid_type' ? (EXPECTED[i.expected] ?? i.expected) : undefined))
        .filter((x): x is string => x !== undefined);
      const uniq = [...new Set(expected)];
      return [{ path, message: `expected ${joinOr(uniq)}, got ${describeValue(value)}` }];
    }
    default:
      return [{ path, message: custom ? issue.message : plainMessage(issue, value) }];
  }
}

function plainMessage(issue: AnyIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return 'required';
      if (issue.expected === 'never') return 'not allowed here';
      const want = EXPECTED[issue.expected] ?? issue.expected;
      if (typeof value === 'number' && !Number.isFinite(value)) return `expected a finite number`;
      return `expected ${want}, got ${describeValue(value)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? 'must not be empty' : `needs at least ${min} items`;
      }
      if (issue.origin === 'string') {
        return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
      }
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${min}, got ${describeValue(value)}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return `allows at most ${max} items`;
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${max}, got ${describeValue(value)}`;
    }
    case 'invalid_value': {
      if (value === undefined) return 'required';
      const values = issue.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      const hint =
        typeof value === 'string'
          ? didYouMean(
              value,
              issue.values.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      return values.length === 1
        ? `must be ${values[0]}, got ${describeValue(value)}${hint}`
        : `must be one of ${values.join(', ')}; got ${describeValue(value)}${hint}`;
    }
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern) return `must match ${issue.pattern}`;
      return `must be a valid ${issue.format === 'url' ? 'URL' : issue.format}, got ${describeValue(value)}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'invalid key';
    case 'invalid_element':
      return 'invalid element';
    default:
      return issue.message;
  }
}

/**
 * The keys an object schema allows at `path` inside `schema`, for "unknown key" hints. Walks
 * zod's definitions (the documented `_zod.def` for library authors); [] when it cannot tell.
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let cur: unknown = schema;
  let i = 0;
  for (let guard = 0; guard < 100 && cur; guard++) {
    const def = (cur as { _zod?: { def?: Record<string, any> } })._zod?.def;
    if (!def) return [];
    switch (def.type) {
      case 'object':
        if (i === path.length) return Object.keys(def.shape);
        cur = def.shape[path[i++]];
        break;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'catch':
      case 'readonly':
      case 'nonoptional':
        cur = def.innerType;
        break;
      case 'pipe':
        // A preprocess is pipe(transform, schema); a transform is pipe(schema, transform).
        cur =
          (def.in as { _zod?: { def?: { type?: string } } })?._zod?.def?.type === 'transform'
            ? def.out
            : def.in;
        break;
      case 'record':
        if (i === path.length) return [];
        i++;
        cur = def.valueType;
        break;
      case 'array':
        if (i === path.length) return [];
        i++;
        cur = def.element;
        break;
      case 'union': {
        const keys = (def.options as z.ZodType[]).flatMap((o) => knownKeysAt(o, path.slice(i)));
        return [...new Set(keys)];
      }
      case 'lazy':
        cur = def.getter();
        break;
      default:
        return [];
    }
  }
  return [];
}

/** Issues at paths of a located document -> problems with lines, in line order. */
export function issuesToProblems(
  issues: readonly Issue[],
  file: string,
  doc: { lineOf(path: readonly PathSegment[]): number | undefined },
): SuiteProblem[] {
  const problems = issues.map((i): SuiteProblem => {
    const field = formatPath(i.path);
    return { file, line: doc.lineOf(i.path), ...(field ? { field } : {}), message: i.message };
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
