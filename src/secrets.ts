/**
 * Which values of a run are secret. Every value found here is registered with the redaction
 * (report/redact.ts), which then masks it wherever it appears: comment, summary, check run,
 * log, viewer, results and comparison files. docs/security.md lists the sources for users.
 */
import { addKnownSecrets } from './report/redact.ts';
import type { SuiteConfig } from './types.ts';

/** An environment variable with one of these in its name holds a secret (any case). */
export const SECRET_ENV_NAME = /KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL/i;

/** The key a judge uses when the config names none. */
const DEFAULT_KEY_ENV = 'OPENAI_API_KEY';

// Headers that never carry a credential: their values (`application/json`) stay readable.
const PLAIN_HEADERS = new Set([
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'cache-control',
  'connection',
  'content-language',
  'content-type',
  'host',
  'user-agent',
]);

type Env = Record<string, string | undefined>;

/** Values of the environment variables whose names say they are secret. */
export function secretsInEnv(env: Env): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env))
    if (value && SECRET_ENV_NAME.test(name)) out.push(value);
  return out;
}

/** `https://user:pass@host`: the password and the user (a token is often the user). */
function urlCredentials(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const u = new URL(url.replaceAll('{port}', '8000'));
    return [u.username, u.password].filter(Boolean).map(decodeURIComponent);
  } catch {
    return [];
  }
}

/**
 * The secrets a suite config points at: the judge's and the openai target's api keys (from the
 * variables they name), every target `env` value, every http and openai target header value (and the credential after an
 * `Authorization` scheme such as `Bearer`), and credentials in the target's URLs.
 */
export function secretsInSuite(config: SuiteConfig, env: Env): string[] {
  const out: string[] = [];
  const keyEnv = config.judge?.api_key_env ?? DEFAULT_KEY_ENV;
  const key = env[keyEnv];
  if (key) out.push(key);
  const target = config.target;
  out.push(...Object.values(target.env ?? {}));
  if (target.kind === 'openai') {
    const targetKey = env[target.api_key_env ?? DEFAULT_KEY_ENV];
    if (targetKey) out.push(targetKey);
    out.push(...urlCredentials(target.base_url));
  }
  if (target.kind === 'http' || target.kind === 'openai') {
    for (const [name, value] of Object.entries(target.headers ?? {})) {
      if (PLAIN_HEADERS.has(name.toLowerCase())) continue;
      out.push(value);
      const credential = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value.trim());
      if (credential) out.push(credential[1]);
    }
    if (target.kind === 'http')
      out.push(...urlCredentials(target.url), ...urlCredentials(target.ready));
  }
  return out;
}

/** Registers the secrets of the process environment (and any given values). */
export function registerEnvSecrets(env: Env, extra: (string | undefined)[] = []): void {
  addKnownSecrets([...secretsInEnv(env), ...extra]);
}

/** Registers the secrets a suite config points at; `env` is what its target and judge get. */
export function registerSuiteSecrets(config: SuiteConfig, env: Env): void {
  addKnownSecrets(secretsInSuite(config, env));
}
