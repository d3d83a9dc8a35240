/**
 * Secret redaction for everything evalgate writes where others can read it: the PR comment, the
 * job summary, the check run, the log, the trace viewer, and the results and comparison files.
 * Model outputs, tool arguments and stderr can carry credentials the system under test saw (a
 * key echoed in an error message, an auth header logged by a tool); a PR comment is public to
 * everyone who can read the repository.
 *
 * Two kinds of masking, both in `redactSecrets`:
 * - known values: every value evalgate knows is secret (registered with `addKnownSecrets`: the
 *   api keys, header values and tokens of this run, see secrets.ts) is masked wherever it
 *   appears, whatever its shape;
 * - patterns: well-known token shapes and `name: value` forms, for secrets evalgate was never
 *   told about. They favour recall over precision, and keep the prefix of a token so a reader
 *   still sees *which* credential leaked.
 */

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const MARK = '[REDACTED]';

/**
 * Known values shorter than this are not masked: '', `true`, `1` or a port number would mask
 * ordinary text everywhere, and are no secret anyway.
 */
export const MIN_SECRET_LENGTH = 6;
const TRIVIAL = new Set(['false', 'undefined', 'enabled', 'disabled']);

// Header names that carry a credential: their value is masked however short it is.
const HEADER_NAME =
  '(?:x-(?:[A-Za-z0-9]+-)*(?:api-?key|key|token|secret|auth|signature|password|credentials?)|api[_-]?key|apikey|(?:proxy-)?authorization)';

const RULES: Rule[] = [
  // PEM private keys: the whole block.
  {
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: () => `-----BEGIN PRIVATE KEY----- ${MARK}`,
  },
  // OpenAI (sk-..., sk-proj-...), Anthropic (sk-ant-...) and similar `sk-` keys.
  { pattern: /\bsk-(?:[A-Za-z]+-)?[A-Za-z0-9_-]{16,}/g, replace: () => `sk-${MARK}` },
  // GitHub tokens: classic (ghp_), OAuth (gho_), app (ghs_, ghu_), refresh (ghr_), fine-grained.
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/g, replace: () => `github_pat_${MARK}` },
  { pattern: /\b(gh[pousr])_[A-Za-z0-9]{20,}/g, replace: (_m, p: string) => `${p}_${MARK}` },
  // AWS access key ids.
  { pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, replace: (_m, p: string) => `${p}${MARK}` },
  // Google API keys, Slack tokens.
  { pattern: /\bAIza[A-Za-z0-9_-]{35}/g, replace: () => `AIza${MARK}` },
  { pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, replace: () => `xox-${MARK}` },
  // Credentials in a URL: `scheme://user:password@host` (the user stays), or a long token as
  // the whole user part (`https://<token>@github.com`).
  {
    pattern: /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^\s:@/?#"'<>]*):[^\s@/?#"'<>]+@/g,
    replace: (_m, scheme: string, user: string) => `${scheme}${user}:${MARK}@`,
  },
  {
    pattern: /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)[A-Za-z0-9._~%!$&*+=-]{16,}@/g,
    replace: (_m, scheme: string) => `${scheme}${MARK}@`,
  },
  // Authorization headers. A bearer token is masked whatever its length or characters.
  {
    pattern: /\b(Bearer)(\s+)[^\s"'<>,;\\]+/gi,
    replace: (_m, scheme: string, sp: string) => `${scheme}${sp}${MARK}`,
  },
  {
    pattern: /\b(Basic|Token)(\s+)[A-Za-z0-9\-._~+/]{8,}=*/gi,
    replace: (_m, scheme: string, sp: string) => `${scheme}${sp}${MARK}`,
  },
  // `x-api-key: ...`, `X-Vault-Token: ...`, `"api-key": "..."`: any value, however short (an
  // Authorization scheme stays readable).
  {
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(${HEADER_NAME})(\\s*["']?\\s*[:=]\\s*["']?)((?:Bearer|Basic|Token|Digest)\\s+)?[^\\s"'&,;<>]+`,
      'gi',
    ),
    replace: (_m, name: string, sep: string, scheme?: string) =>
      `${name}${sep}${scheme ?? ''}${MARK}`,
  },
  // Generic `api_key=...`, `"password": "..."`, `secret: ...`: keep the name, drop the value.
  {
    pattern:
      /\b((?:[A-Za-z0-9]+[_-])?(?:api[_-]?key|apikey|secret(?:[_-]?key)?|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?token|access[_-]?token|token|password|passwd|pwd))(\s*["']?\s*[:=]\s*["']?)([^\s"'&,;<>]{6,})/gi,
    replace: (_m, name: string, sep: string) => `${name}${sep}${MARK}`,
  },
];

// Cheap pre-test: nearly every string in a trace has none of these, and skips all the rules.
// Must match wherever a rule above would (the last branch is the `name[:=]` of the generic and
// the header rules).
const PATTERN_MAYBE =
  'sk-|gh[pousr]_|github_pat_|AKIA|ASIA|AIza|xox[abprs]-|(?:bearer|basic|token)\\s|PRIVATE KEY|:\\/\\/[^\\s/]*@|(?:key|secret|token|passw(?:or)?d|pwd|auth\\w*|signature|credentials?)\\s*["\']?\\s*[:=]';

// ---------------------------------------------------------------------------------------------
// Known secret values
// ---------------------------------------------------------------------------------------------

/** Every registered form of every known value (as given, URL-encoded, JSON-escaped). */
const known = new Set<string>();
/** The values as registered (what the listeners were given). */
const originals: string[] = [];
/** All known forms, longest first (a value containing another is masked whole). */
let knownPattern: RegExp | undefined;
/** The pre-test: the patterns' pre-test, or any known value. */
let maybe = new RegExp(PATTERN_MAYBE, 'i');
let knownMaybe: RegExp | undefined;
const listeners: ((value: string) => void)[] = [];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The forms a value takes in what we print: as is, in a URL, inside a JSON string. */
function formsOf(value: string): string[] {
  const forms = [value];
  const url = encodeURIComponent(value);
  if (url !== value) forms.push(url);
  const json = JSON.stringify(value).slice(1, -1);
  if (json !== value) forms.push(json);
  return forms;
}

/** Whether `value` is long and specific enough to be masked as a known secret. */
export function isMaskable(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return v.length >= MIN_SECRET_LENGTH && !TRIVIAL.has(v.toLowerCase());
}

/**
 * Registers secret values: from now on `redactSecrets` masks each wherever it appears. Values
 * too short to be a secret (see MIN_SECRET_LENGTH) are skipped; a multi-line value is also
 * registered line by line. Returns the values newly registered (each is also handed to the
 * listeners, e.g. the action's `core.setSecret`).
 */
export function addKnownSecrets(values: Iterable<string | undefined | null>): string[] {
  const added: string[] = [];
  const add = (v: string) => {
    if (!isMaskable(v)) return;
    const value = v.trim();
    if (known.has(value)) return;
    for (const form of formsOf(value)) known.add(form);
    originals.push(value);
    added.push(value);
  };
  for (const v of values) {
    if (typeof v !== 'string') continue;
    add(v);
    if (v.includes('\n')) for (const line of v.split(/\r?\n/)) add(line);
  }
  if (added.length) {
    rebuild();
    for (const value of added) for (const listener of listeners) listener(value);
  }
  return added;
}

/** Calls `listener` with every value registered so far and every one registered later. */
export function onKnownSecret(listener: (value: string) => void): void {
  listeners.push(listener);
  for (const v of originals) listener(v);
}

/** How many values (forms included) are registered. */
export function knownSecretCount(): number {
  return known.size;
}

/** Forgets every known value and listener (tests; a process has one set of secrets). */
export function clearKnownSecrets(): void {
  known.clear();
  originals.length = 0;
  listeners.length = 0;
  rebuild();
}

function rebuild(): void {
  keyCache.clear();
  if (known.size === 0) {
    knownPattern = undefined;
    knownMaybe = undefined;
    maybe = new RegExp(PATTERN_MAYBE, 'i');
    return;
  }
  const alternation = [...known]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  knownPattern = new RegExp(alternation, 'g');
  knownMaybe = new RegExp(alternation);
  maybe = new RegExp(PATTERN_MAYBE, 'i');
}

// ---------------------------------------------------------------------------------------------
// Redaction
// ---------------------------------------------------------------------------------------------

/** Replaces known secret values and secret-looking substrings with a mark. */
export function redactSecrets(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return typeof s === 'string' ? s : '';
  const hasKnown = knownMaybe !== undefined && knownMaybe.test(s);
  if (!hasKnown && !maybe.test(s)) return s;
  let out = s;
  if (hasKnown) out = out.replace(knownPattern!, MARK);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, rule.replace as (m: string, ...a: any[]) => string);
  }
  return out;
}

/**
 * Object keys whose value is a credential however it looks (`api_key`, `x-auth-token`,
 * `Authorization`, `password`, `cookie`...): the value is masked whole. A bare `token` is not
 * one of them (tokenizer and logprob traces use it for words).
 */
const SECRET_FIELD =
  /^(?:(?:[a-z0-9]+[_-])*(?:api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret|secret|passw(?:or)?d|pwd|credentials?)|(?:[a-z0-9]+[_-])+token|(?:proxy-)?authorization|(?:set-)?cookie)$/i;

interface KeyInfo {
  /** The key as printed. */
  key: string;
  /** Its value is a credential. */
  secret: boolean;
}

// Traces repeat the same few dozen keys millions of times: remember what each comes to.
const keyCache = new Map<string, KeyInfo>();
const KEY_CACHE_MAX = 50_000;

function keyInfo(k: string): KeyInfo {
  let info = keyCache.get(k);
  if (info === undefined) {
    info = { key: redactSecrets(k), secret: SECRET_FIELD.test(k) };
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(k, info);
  }
  return info;
}

// Only strings: a secret-named key can also be a map key (a case id `db-password` in the
// viewer's index, a failure mode `leaked_api_key`) whose number or object value is ours.
function maskedValue(v: unknown): unknown {
  return typeof v === 'string' && v !== '' ? MARK : v;
}

/** Deep copy of a JSON-like value with every string and key redacted. */
export function redactDeep<T>(value: T): T {
  return walk(value, 0) as T;
}

function walk(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return redactSecrets(v);
  if (v === null || typeof v !== 'object') return v;
  // Traces come from user code: bound the depth rather than trust the shape.
  if (depth > 64) return '[too deep]';
  if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const info = keyInfo(k);
    out[info.key] = walk(info.secret ? maskedValue(x) : x, depth + 1);
  }
  return out;
}

/**
 * `JSON.stringify` with every string value and key redacted, without building a redacted copy
 * first (the viewer serialises tens of MB of traces; a deep copy doubled the time and memory).
 */
export function redactedJson(value: unknown): string {
  const out = JSON.stringify(value, function (this: unknown, key, v: unknown) {
    if (typeof v === 'string') {
      // `key` is the holder's own key (before any rename below); array indices are no names.
      if (key !== '' && !Array.isArray(this) && keyInfo(key).secret) return maskedValue(v);
      return redactSecrets(v);
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.some((k) => keyInfo(k).key !== k)) {
        const copy: Record<string, unknown> = {};
        for (const k of keys) {
          const info = keyInfo(k);
          const x = (v as Record<string, unknown>)[k];
          copy[info.key] = info.secret ? maskedValue(x) : x;
        }
        return copy;
      }
    }
    return v;
  });
  return out ?? 'null';
}
