/**
 * Secret masking, unit by unit: known values (registered once, masked wherever they appear),
 * the patterns for secrets evalgate was never told about, and the outputs that must use both.
 * The action end to end (every output of a real run) is in action-secrets.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderComment, renderSummary, renderViewer } from '../src/report/index.ts';
import {
  addKnownSecrets,
  clearKnownSecrets,
  MIN_SECRET_LENGTH,
  onKnownSecret,
  redactDeep,
  redactedJson,
  redactSecrets,
} from '../src/report/redact.ts';
import { writeJson } from '../src/run/results-io.ts';
import { secretsInEnv, secretsInSuite } from '../src/secrets.ts';
import type { SuiteConfig } from '../src/types.ts';
import { demoSuite } from './helpers/report-fixtures.ts';

afterEach(() => clearKnownSecrets());

describe('known secret values', () => {
  it('are masked wherever they appear, whatever their shape', () => {
    addKnownSecrets(['plain-Value-42', 'p@ss/w0rd+"quoted"']);
    expect(redactSecrets('the key is plain-Value-42.')).toBe('the key is [REDACTED].');
    expect(redactSecrets('xplain-Value-42y')).toBe('x[REDACTED]y');
    // As a URL carries it, and as a JSON string escapes it.
    const url = `https://x.example/?q=${encodeURIComponent('p@ss/w0rd+"quoted"')}`;
    expect(redactSecrets(url)).toBe('https://x.example/?q=[REDACTED]');
    expect(redactSecrets(JSON.stringify({ v: 'p@ss/w0rd+"quoted"' }))).toBe('{"v":"[REDACTED]"}');
  });

  it(`skip values shorter than ${MIN_SECRET_LENGTH} characters and boolean words`, () => {
    expect(addKnownSecrets(['', '1', 'true', 'abcde', 'false', 'undefined', 'abcdef'])).toEqual([
      'abcdef',
    ]);
    expect(redactSecrets('true 1 abcde abcdef')).toBe('true 1 abcde [REDACTED]');
  });

  it('mask a value containing another whole, and a multi-line value line by line', () => {
    addKnownSecrets(['secret-one', 'secret-one-two', 'line-one-xyz\nline-two-xyz']);
    expect(redactSecrets('a secret-one-two b')).toBe('a [REDACTED] b');
    expect(redactSecrets('only line-two-xyz here')).toBe('only [REDACTED] here');
  });

  it('reach listeners (core.setSecret), those registered before and after', () => {
    addKnownSecrets(['early-secret-1']);
    const seen: string[] = [];
    onKnownSecret((v) => seen.push(v));
    addKnownSecrets(['later-secret-2', 'early-secret-1']);
    expect(seen).toEqual(['early-secret-1', 'later-secret-2']);
  });

  it('are masked in JSON keys and values, identifier-like keys included', () => {
    addKnownSecrets(['KnownSecret_0123']);
    const value = { KnownSecret_0123: { nested: ['KnownSecret_0123'] }, ok: 'fine' };
    const json = redactedJson(value);
    expect(json).not.toContain('KnownSecret_0123');
    expect(JSON.parse(json)).toEqual({ '[REDACTED]': { nested: ['[REDACTED]'] }, ok: 'fine' });
    expect(JSON.stringify(redactDeep(value))).toBe(json);
  });
});

describe('patterns', () => {
  it.each([
    ['X-API-KEY: abcd', 'X-API-KEY: [REDACTED]'],
    ['x-api-key: zz-9', 'x-api-key: [REDACTED]'],
    ['"x-api-key":"abc"', '"x-api-key":"[REDACTED]"'],
    ['X-Vault-Token: s.abc', 'X-Vault-Token: [REDACTED]'],
    ['x-goog-api-key=k1', 'x-goog-api-key=[REDACTED]'],
    ['api-key: 12', 'api-key: [REDACTED]'],
    ['Authorization: Basic YWJj', 'Authorization: Basic [REDACTED]'],
    ['https://user:hunter2@db.example.com/x', 'https://user:[REDACTED]@db.example.com/x'],
    ['postgres://admin:p%40ss@localhost:5432/db', 'postgres://admin:[REDACTED]@localhost:5432/db'],
    ['redis://:pw@host', 'redis://:[REDACTED]@host'],
    ['https://x-access-token0123456789@github.com/o/r', 'https://[REDACTED]@github.com/o/r'],
    ['Bearer abc', 'Bearer [REDACTED]'],
    ['auth: bearer a$b%c^d!', 'auth: bearer [REDACTED]'],
    ['{"h":"Bearer x.y"}', '{"h":"Bearer [REDACTED]"}'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('keep ordinary text, URLs and JSON alone', () => {
    for (const s of [
      'input_tokens: 1234, the key point is a monkey; a token of thanks',
      'see https://github.com/o/r/blob/abc/x.jsonl#L3 and ssh://git@github.com/o/r',
      'email me at someone@example.com',
    ])
      expect(redactSecrets(s)).toBe(s);
  });

  it('mask JSON keys shaped like tokens, and the values of credential-named keys', () => {
    const value = {
      ghp_abcdefghijklmnopqrstuvwxyz0123: 1,
      headers: { 'x-api-key': 'abc', Authorization: 'xyz', 'content-type': 'application/json' },
      password: 'pw',
      openai_api_key: 'k',
      slack_token: 't',
      // A bare `token` is a word in logprob traces; numbers and maps under secret-ish names
      // (a case id or a failure mode named like one) are ours, not secrets.
      logprobs: [{ token: 'Hello' }],
      index: { 'db-password': 3 },
      failure_modes: { leaked_api_key: { severity: 'critical' } },
    };
    const expected = {
      'ghp_[REDACTED]': 1,
      headers: {
        'x-api-key': '[REDACTED]',
        Authorization: '[REDACTED]',
        'content-type': 'application/json',
      },
      password: '[REDACTED]',
      openai_api_key: '[REDACTED]',
      slack_token: '[REDACTED]',
      logprobs: [{ token: 'Hello' }],
      index: { 'db-password': 3 },
      failure_modes: { leaked_api_key: { severity: 'critical' } },
    };
    expect(JSON.parse(redactedJson(value))).toEqual(expected);
    expect(redactDeep(value)).toEqual(expected);
  });
});

describe('where secrets come from', () => {
  it('environment variables named like secrets, any case', () => {
    expect(
      secretsInEnv({
        FOO_API_KEY: 'k-123456',
        github_token: 't-123456',
        DB_PASSWORD: 'p-123456',
        MY_CLIENT_SECRET: 's-123456',
        GCP_CREDENTIALS: 'c-123456',
        HOME: '/home/me',
        EMPTY_TOKEN: '',
      }).sort(),
    ).toEqual(['c-123456', 'k-123456', 'p-123456', 's-123456', 't-123456']);
  });

  it("a suite config: the judge's key variable, target env, http headers, URL credentials", () => {
    const config = {
      target: {
        kind: 'http',
        url: 'https://svc:url-pass-123@api.example.com/run',
        env: { UPSTREAM: 'target-env-value' },
        headers: {
          'Content-Type': 'application/json',
          Authorization: 'Bearer hdr-token-123',
          'X-Custom': 'custom-header-value',
        },
      },
      judge: { model: 'gpt-4.1-mini', api_key_env: 'JUDGE_CRED' },
    } as unknown as SuiteConfig;
    const found = secretsInSuite(config, { JUDGE_CRED: 'judge-key-value', OPENAI_API_KEY: 'x' });
    expect(found).toEqual(
      expect.arrayContaining([
        'judge-key-value',
        'target-env-value',
        'Bearer hdr-token-123',
        'hdr-token-123',
        'custom-header-value',
        'url-pass-123',
      ]),
    );
    expect(found).not.toContain('application/json');
    expect(found).not.toContain('x');
  });

  it('an openai target: its key variable, its headers, credentials in its base_url', () => {
    const config = {
      target: {
        kind: 'openai',
        model: 'gpt-4.1-mini',
        base_url: 'https://u:base-pass-123@gw.example.com/v1',
        api_key_env: 'TARGET_CRED',
        headers: { 'X-Gateway-Key': 'gateway-key-value', Accept: 'application/json' },
      },
    } as unknown as SuiteConfig;
    const found = secretsInSuite(config, { TARGET_CRED: 'target-key-value' });
    expect(found).toEqual(
      expect.arrayContaining(['target-key-value', 'gateway-key-value', 'base-pass-123']),
    );
    expect(found).not.toContain('application/json');
  });
});

describe('outputs use the known values', () => {
  const SECRET = 'ghp_TraceIdSecret0123456789abcdef';
  const VALUE = 'value-Secret-In-Trace-42';

  it('trace links built from a trace id carry no secret', () => {
    const { comparison } = demoSuite();
    const k = comparison.cases.find((c) => c.label === 'new_failure')!;
    k.head!.trace_id = `run ${SECRET}`;
    k.base!.trace_id = `Bearer x.y`;
    for (const md of [renderComment(comparison), renderSummary(comparison)]) {
      expect(md).toContain('head trace');
      expect(md).not.toContain(SECRET.slice(4));
      expect(md).not.toMatch(/Bearer(%20|\s)x\.y/);
    }
  });

  it('the comment, summary and viewer mask a known value in outputs, reasons and case ids', () => {
    addKnownSecrets([VALUE]);
    const { comparison, base, head } = demoSuite();
    const k = comparison.cases.find((c) => c.label === 'new_failure')!;
    k.head!.failing[0].reason = `expected refusal, got ${VALUE}`;
    const hc = head.cases.find((c) => c.id === k.id)!;
    hc.trials[0].trace.output = `here: ${VALUE}`;
    hc.trials[0].trace.metadata = { [VALUE]: VALUE };
    const id = `${k.id}-${VALUE}`;
    k.id = id;
    hc.id = id;
    const opts = { viewerUrl: 'https://x.example/report.html', repoUrl: 'https://github.com/o/r' };
    for (const out of [
      renderComment(comparison, opts),
      renderSummary(comparison, opts),
      renderViewer(comparison, base, head),
    ])
      expect(out).not.toContain(VALUE);
  });

  it('results and comparison files are written redacted', async () => {
    addKnownSecrets([VALUE]);
    const { comparison, head } = demoSuite();
    head.cases[0].trials[0].trace.output = `leaked ${VALUE} and x-api-key: k`;
    head.cases[0].trials[0].trace.tool_calls = [{ name: 't', arguments: { [VALUE]: VALUE } }];
    comparison.reasons.push(`reason with ${VALUE}`);
    const dir = await mkdtemp(join(tmpdir(), 'evalgate-secrets-'));
    try {
      await writeJson(join(dir, 'results.json'), head);
      await writeJson(join(dir, 'comparison.json'), comparison);
      for (const f of ['results.json', 'comparison.json']) {
        const text = await readFile(join(dir, f), 'utf8');
        expect(text).toContain('[REDACTED]');
        expect(text).not.toContain(VALUE);
        expect(text).not.toContain('x-api-key: k');
        JSON.parse(text);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
