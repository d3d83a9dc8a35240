/**
 * Secret redaction for everything a report shows. Model outputs, tool arguments and stderr can
 * carry credentials the system under test saw (a key echoed in an error message, an auth header
 * logged by a tool); a PR comment is public to everyone who can read the repository, so every
 * string a report prints goes through `redactSecrets` first.
 *
 * The patterns favour recall over precision for well-known token shapes, and keep the prefix of
 * the token so a reader still sees *which* credential leaked.
 */

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const MARK = '[REDACTED]';

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
  // Authorization headers.
  {
    pattern: /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9\-._~+/]{8,}=*/gi,
    replace: (_m, scheme: string, sp: string) => `${scheme}${sp}${MARK}`,
  },
  // Generic `api_key=...`, `"password": "..."`, `secret: ...`: keep the name, drop the value.
  {
    pattern:
      /\b((?:[A-Za-z0-9]+[_-])?(?:api[_-]?key|apikey|secret(?:[_-]?key)?|access[_-]?key|private[_-]?key|client[_-]?secret|auth[_-]?token|access[_-]?token|token|password|passwd|pwd))(\s*["']?\s*[:=]\s*["']?)([^\s"'&,;<>]{6,})/gi,
    replace: (_m, name: string, sep: string) => `${name}${sep}${MARK}`,
  },
];

// Cheap pre-test: nearly every string in a trace has none of these, and skips all the rules.
// Must match wherever a rule below would (the last branch is the generic rule's `name[:=]`).
const MAYBE =
  /sk-|gh[pousr]_|github_pat_|AKIA|ASIA|AIza|xox[abprs]-|(?:bearer|basic|token)\s|PRIVATE KEY|(?:key|secret|token|passw(?:or)?d|pwd)\s*["']?\s*[:=]/i;

/** Replaces secret-looking substrings (API keys, tokens, auth headers, passwords) with a mark. */
export function redactSecrets(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return typeof s === 'string' ? s : '';
  if (!MAYBE.test(s)) return s;
  let out = s;
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, rule.replace as (m: string, ...a: any[]) => string);
  }
  return out;
}

/** Deep copy of a JSON-like value with every string (keys included) redacted. */
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
  // Identifier-like keys (the usual case) cannot hold a secret: skip the work for them.
  for (const [k, x] of Object.entries(v))
    out[/^[A-Za-z0-9_]{1,64}$/.test(k) ? k : redactSecrets(k)] = walk(x, depth + 1);
  return out;
}

/**
 * `JSON.stringify` with every string value and key redacted, without building a redacted copy
 * first (the viewer serialises tens of MB of traces; a deep copy doubled the time and memory).
 */
export function redactedJson(value: unknown): string {
  const out = JSON.stringify(value, function (_key, v: unknown) {
    if (typeof v === 'string') return redactSecrets(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.some((k) => !/^[A-Za-z0-9_]{1,64}$/.test(k) && redactSecrets(k) !== k)) {
        const copy: Record<string, unknown> = {};
        for (const k of keys) copy[redactSecrets(k)] = (v as Record<string, unknown>)[k];
        return copy;
      }
    }
    return v;
  });
  return out ?? 'null';
}
