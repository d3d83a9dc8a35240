/** Checks that load user files: json_schema with schema_file, and script. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, ctxFor } from './fixtures/checks/run.ts';
import { goodRefund, hallucinatedRefund, triageTrace } from './fixtures/checks/traces.ts';

const scratch = mkdtempSync(join(tmpdir(), 'evalgate-checks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('json_schema', () => {
  const inline = {
    type: 'json_schema',
    schema: {
      type: 'object',
      properties: { intent: { enum: ['refund', 'other'] }, order_id: { type: 'string' } },
      required: ['intent'],
    },
  };

  it('passes for JSON matching an inline schema', async () => {
    const t = triageTrace('{"intent": "refund", "order_id": "A17"}\n');
    expect(await check(inline, t)).toEqual({
      status: 'pass',
      reason: 'output is JSON matching the schema',
    });
  });

  it('fails naming the first violation', async () => {
    const r = await check(inline, triageTrace('{"intent": "cancel"}'));
    expect(r.status).toBe('fail');
    expect(r.reason).toBe(
      'output JSON does not match the schema: /intent must be equal to one of the allowed values ["refund","other"]',
    );
    const missing = await check(inline, triageTrace('{"order_id": "A17"}'));
    expect(missing.reason).toContain("must have required property 'intent'");
  });

  it('output that is not JSON is a fail, not an error', async () => {
    const r = await check(inline, triageTrace('Sure! Here is the JSON: {"intent": "refund"}'));
    expect(r.status).toBe('fail');
    expect(r.reason).toMatch(/^output is not JSON \(.+\): "Sure! Here is the JSON/);
  });

  it('loads schema_file relative to the suite root, with format and additionalProperties', async () => {
    const spec = { type: 'json_schema', schema_file: 'ticket.schema.json' };
    expect(
      await check(spec, triageTrace('{"intent":"refund","order_id":"A17","priority":"high"}')),
    ).toMatchObject({ status: 'pass' });
    const r = await check(spec, triageTrace('{"intent":"refund","order_id":"A17","urgent":true}'));
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('must NOT have additional properties ("urgent")');
    const bad = await check(spec, triageTrace('{"intent":"refund","order_id":"a-17"}'));
    expect(bad.reason).toContain('/order_id must match pattern');
  });

  it('a missing, unparsable or invalid schema is an error', async () => {
    writeFileSync(join(scratch, 'broken.json'), '{ "type": "object", ');
    writeFileSync(join(scratch, 'invalid.json'), '{ "type": "objekt" }');
    const ctx = ctxFor({ rootDir: scratch });
    const t = triageTrace('{}');
    const missing = await check({ type: 'json_schema', schema_file: 'nope.json' }, t, ctx);
    expect(missing.status).toBe('error');
    expect(missing.reason).toContain('cannot read schema_file');
    const broken = await check({ type: 'json_schema', schema_file: 'broken.json' }, t, ctx);
    expect(broken.status).toBe('error');
    expect(broken.reason).toContain('does not parse');
    const invalid = await check({ type: 'json_schema', schema_file: 'invalid.json' }, t, ctx);
    expect(invalid.status).toBe('error');
    expect(invalid.reason).toContain('invalid JSON Schema');
  });

  it('the spec needs exactly one of schema and schema_file; an inline schema is checked at load', async () => {
    const { specIssues } = await import('./fixtures/checks/run.ts');
    expect(specIssues({ type: 'json_schema' })).toMatch(/exactly one/);
    expect(specIssues({ type: 'json_schema', schema: {}, schema_file: 'a.json' })).toMatch(
      /exactly one/,
    );
    expect(specIssues({ type: 'json_schema', schema: { type: 'objekt' } })).toMatch(
      /invalid JSON Schema/,
    );
  });

  it('two cases with the same $id schema both compile (no shared-instance clash)', async () => {
    const schema = { $id: 'https://example.com/ticket', type: 'object', required: ['intent'] };
    const a = await check({ type: 'json_schema', schema: { ...schema } }, triageTrace('{}'));
    const b = await check(
      { type: 'json_schema', schema: { ...schema, required: ['order_id'] } },
      triageTrace('{"order_id":"A1"}'),
    );
    expect([a.status, b.status]).toEqual(['fail', 'pass']);
  });

  it('supports draft 2019-09 and 2020-12 schemas', async () => {
    const spec = {
      type: 'json_schema',
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'array',
        prefixItems: [{ type: 'string' }, { type: 'number' }],
        items: false,
      },
    };
    expect(await check(spec, triageTrace('["refund", 50]'))).toMatchObject({ status: 'pass' });
    expect(await check(spec, triageTrace('["refund", 50, 1]'))).toMatchObject({ status: 'fail' });
    const d2019 = {
      type: 'json_schema',
      schema: {
        $schema: 'https://json-schema.org/draft/2019-09/schema',
        type: 'object',
        dependentRequired: { refund: ['order_id'] },
      },
    };
    expect(await check(d2019, triageTrace('{"refund":true}'))).toMatchObject({ status: 'fail' });
    expect(await check(d2019, triageTrace('{"refund":true,"order_id":"A1"}'))).toMatchObject({
      status: 'pass',
    });
  });
});

describe('script', () => {
  const mod = 'scripts/refund-checks.js';

  it('passes or fails with the reason the function gives', async () => {
    const ok = await check({ type: 'script', module: `${mod}#amountMatchesOrder` }, goodRefund());
    expect(ok).toEqual({ status: 'pass', reason: 'refund 50 equals order total' });
    const t = goodRefund();
    t.tool_calls![1].arguments!.amount = 500;
    expect(await check({ type: 'script', module: `${mod}#amountMatchesOrder` }, t)).toEqual({
      status: 'fail',
      reason: 'refund 500 but order total 50',
    });
  });

  it('receives the case and options; booleans work; the default export is used without #', async () => {
    expect(await check({ type: 'script', module: `${mod}#mentionsOrderId` }, goodRefund())).toEqual(
      { status: 'pass', reason: `${mod}#mentionsOrderId passed` },
    );
    expect(
      await check({ type: 'script', module: `${mod}#mentionsOrderId` }, hallucinatedRefund()),
    ).toEqual({ status: 'fail', reason: `${mod}#mentionsOrderId returned false` });
    const limit = { type: 'script', module: `${mod}#underLimit` };
    expect(await check({ ...limit, options: { limit: 100 } }, goodRefund())).toMatchObject({
      status: 'pass',
    });
    expect(await check({ ...limit, options: { limit: 20 } }, goodRefund())).toMatchObject({
      status: 'fail',
    });
    expect(await check({ type: 'script', module: mod }, goodRefund())).toMatchObject({
      status: 'pass',
    });
  });

  it('imports a module once, however many times it runs', async () => {
    const g = globalThis as { __refundChecksImports?: number };
    await check({ type: 'script', module: `${mod}#mentionsOrderId` }, goodRefund());
    const before = g.__refundChecksImports;
    for (let i = 0; i < 5; i++) {
      await check({ type: 'script', module: `${mod}#amountMatchesOrder` }, goodRefund());
    }
    expect(before).toBe(1);
    expect(g.__refundChecksImports).toBe(1);
  });

  it('imports TypeScript user checks', async () => {
    const spec = { type: 'script', module: 'scripts/typed-check.ts#politeClose' };
    expect(await check(spec, goodRefund())).toMatchObject({ status: 'pass' });
    expect(await check(spec, hallucinatedRefund())).toEqual({
      status: 'fail',
      reason: 'no offer of further help',
    });
  });

  it('a throw, a bad return value, a hang or a missing export is an error', async () => {
    const run = (ref: string, extra: Record<string, unknown> = {}) =>
      check({ type: 'script', module: `${mod}#${ref}`, ...extra }, hallucinatedRefund());
    const threw = await run('crashes');
    expect(threw.status).toBe('error');
    expect(threw.reason).toMatch(/^scripts\/refund-checks\.js#crashes threw: /);
    expect(await run('returnsString')).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('expected a boolean or {pass, reason}'),
    });
    expect(await run('hangs', { timeout_ms: 50 })).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('did not return within 50 ms'),
    });
    expect(await run('notAFunction')).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('is not an exported function'),
    });
  });

  it('a module that cannot be imported is an error', async () => {
    writeFileSync(join(scratch, 'syntax.js'), 'export function broken( {\n');
    const ctx = ctxFor({ rootDir: scratch });
    const t = goodRefund();
    const missing = await check({ type: 'script', module: 'missing.js#f' }, t, ctx);
    expect(missing.status).toBe('error');
    expect(missing.reason).toContain('cannot import');
    const syntax = await check({ type: 'script', module: 'syntax.js#broken' }, t, ctx);
    expect(syntax.status).toBe('error');
    expect(syntax.reason).toContain('cannot import');
  });
});
