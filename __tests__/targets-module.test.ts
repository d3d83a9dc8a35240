import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModuleTarget, parseModuleSpec } from '../src/targets/module.ts';
import { createTarget } from '../src/targets/index.ts';
import { ctx, request, tempDir, until } from './helpers/targets.ts';

const load = (exportName: string) =>
  createModuleTarget({ kind: 'module', module: 'agent.ts', export: exportName }, ctx());

describe('parseModuleSpec', () => {
  it('splits path#export, with the explicit export winning and runCase as fallback', () => {
    expect(parseModuleSpec('./src/agent.ts#runCase')).toEqual({
      path: './src/agent.ts',
      exportName: 'runCase',
    });
    expect(parseModuleSpec('./a.ts#x', 'y')).toEqual({ path: './a.ts', exportName: 'y' });
    expect(parseModuleSpec('./a.js')).toEqual({ path: './a.js', exportName: 'runCase' });
  });
});

describe('module target', () => {
  it('imports a TypeScript module and normalizes what its function returns', async () => {
    const t = await createTarget(
      { kind: 'module', module: './agent.ts', export: 'runCase' },
      ctx(),
    );
    const trace = await t.run(request({ text: 'hi' }), { timeoutMs: 2000 });
    expect(trace.output).toBe('echo:hi');
    expect(trace.tool_calls).toEqual([{ name: 'lookup', arguments: { q: 'hi' } }]);
    expect(trace.usage).toEqual({ input_tokens: 10, output_tokens: 5 });
    expect(trace.latency_ms).toBeGreaterThanOrEqual(0);
    await t.close();
    expect((await t.run(request({}), { timeoutMs: 100 })).error?.kind).toBe('cancelled');
  });

  it('takes a returned string as the output', async () => {
    const t = await load('plain');
    expect(await t.run(request({}, {}, 'case-7'), { timeoutMs: 2000 })).toMatchObject({
      output: 'plain:case-7',
    });
  });

  it('reports a throw (async or sync) as crash with the message and the stack', async () => {
    const t = await load('throws');
    const trace = await t.run(request({}), { timeoutMs: 2000 });
    expect(trace.output).toBe('');
    expect(trace.error).toEqual({
      kind: 'crash',
      message: 'the function threw: TypeError: cannot read the knowledge base',
    });
    expect(trace.stderr).toMatch(/agent\.ts/);
    const sync = await (await load('throwsSync')).run(request({}), { timeoutMs: 2000 });
    expect(sync.error?.message).toBe('the function threw: sync failure');
  });

  it('times out a function that never settles, aborting its signal', async () => {
    const markFile = join(tempDir(), 'mark');
    const t = await load('hangs');
    const trace = await t.run(request({}, { markFile }), { timeoutMs: 200 });
    expect(trace.error).toMatchObject({ kind: 'timeout', message: 'no answer within 200 ms' });
    expect(trace.latency_ms).toBeGreaterThanOrEqual(195);
    await until(() => (existsSync(markFile) ? true : undefined), 1000);
    expect(readFileSync(markFile, 'utf8')).toBe('aborted');
  });

  it('cancels on the run signal', async () => {
    const markFile = join(tempDir(), 'mark');
    const t = await load('hangs');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const trace = await t.run(request({}, { markFile }), {
      timeoutMs: 5000,
      signal: controller.signal,
    });
    expect(trace.error?.kind).toBe('cancelled');
    expect(readFileSync(markFile, 'utf8')).toBe('aborted');
  });

  it('reports a return value that is not JSON as invalid_output', async () => {
    const trace = await (await load('badReturn')).run(request({}), { timeoutMs: 2000 });
    expect(trace.error?.kind).toBe('invalid_output');
    expect(trace.error?.message).toMatch(/not JSON-serialisable.*BigInt/);
  });

  it('fails creation for a missing module or export, naming what exists', async () => {
    await expect(
      createTarget({ kind: 'module', module: 'nope.ts', export: 'run' }, ctx()),
    ).rejects.toThrow(/nope\.ts not found/);
    await expect(load('missing')).rejects.toThrow(
      /no function export "missing" \(exports: .*runCase/,
    );
    await expect(load('notAFunction')).rejects.toThrow(/no function export "notAFunction"/);
  });

  it('createTarget rejects an unknown kind', async () => {
    await expect(
      createTarget({ kind: 'grpc' } as unknown as Parameters<typeof createTarget>[0], ctx()),
    ).rejects.toThrow(/unknown target kind: grpc/);
  });
});
