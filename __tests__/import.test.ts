import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { normalizeTrace } from '../src/targets/trace.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');
const fixtures = join(root, '__tests__', 'fixtures', 'import');

function evalgate(args: string[], nodeFlags: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function importFixture(name: string): Record<string, any>[] {
  const r = evalgate(['import', join(fixtures, name)]);
  expect(r.stderr).toMatch(/imported \d+ trace/);
  expect(r.code).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('evalgate import', () => {
  it('maps OTel GenAI spans: messages from events, tool calls, retrieval, usage, latency, errors', () => {
    const [a, b] = importFixture('otel-genai.jsonl');
    // Spans of one trace spread over two export lines, the root last, become one trace.
    expect(a.trace_id).toBe('5b8efff798038103d269b633813fc60c');
    expect(a.metadata.source_trace_id).toBe(a.trace_id);
    expect(a.metadata.source).toBe('otel');
    expect(a.output).toBe(
      'I have refunded order A-1001: 49.90 EUR will be back on your card in 3-5 days.',
    );
    expect(a.messages.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(a.tool_calls).toEqual([
      {
        name: 'lookup_order',
        id: 'call_1',
        arguments: { order_id: 'A-1001' },
        result: { status: 'delivered', total: 49.9 },
      },
    ]);
    expect(a.retrieved).toEqual([
      { id: 'policy-7', text: 'Broken items are refunded in full within 30 days.', score: 0.91 },
    ]);
    expect(a.usage).toEqual({ input_tokens: 412, output_tokens: 38 });
    expect(a.latency_ms).toBe(1000);
    expect(a.error).toBeUndefined();
    expect(a.metadata.input).toBe('Please refund order A-1001, it arrived broken.');
    // Unmapped attributes are kept, by span.
    const rootSpan = a.metadata.spans.find((s: any) => s.span_id === 'a1b2c3d4e5f60708');
    expect(rootSpan.attributes['user.tier']).toBe('gold');
    // The second trace's root ended with status ERROR: the trace is an error, not a pass.
    expect(b.trace_id).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(b.error.message).toMatch(/b7ad6b7169203331.*status ERROR: upstream timeout/);
    expect(b.metadata.span_errors).toHaveLength(2);
    expect(b.messages).toEqual([{ role: 'user', content: 'What is your return window?' }]);
  });

  it('maps OpenInference spans: indexed messages, TOOL, RETRIEVER, token counts', () => {
    const [t] = importFixture('openinference.jsonl');
    expect(t.metadata.source).toBe('openinference');
    expect(t.trace_id).toBe('6e0c63257de34c92bf9efcd03927272e');
    expect(t.output).toBe('Yes: order B-2002 is within the 30-day window.');
    expect(t.tool_calls).toEqual([
      { name: 'get_order', arguments: { order_id: 'B-2002' }, result: { delivered: '2026-11-20' } },
    ]);
    expect(t.retrieved.map((d: any) => [d.id, d.score])).toEqual([
      ['policy-3', 0.87],
      ['faq-9', 0.55],
    ]);
    expect(t.usage).toEqual({ input_tokens: 470, output_tokens: 40 });
    expect(t.latency_ms).toBe(1500);
    expect(t.metadata.input).toBe('Is order B-2002 refundable?');
    expect(t.metadata.spans[0].attributes['session.id']).toBe('sess-42');
  });

  it('maps Langfuse traces: generations, tools, retrievers, events kept, ERROR level', () => {
    const [ok, failed] = importFixture('langfuse.jsonl');
    expect(ok.trace_id).toBe('lf-trace-001');
    expect(ok.output).toBe('Your refund for C-3003 has been issued.');
    expect(ok.usage).toEqual({ input_tokens: 120, output_tokens: 14 });
    expect(ok.retrieved[0]).toEqual({
      id: 'p-1',
      text: 'Refunds need an order lookup first.',
      score: 0.8,
    });
    expect(ok.metadata.observations[0]).toMatchObject({ type: 'EVENT', name: 'user-feedback' });
    expect(ok.latency_ms).toBe(1190);
    expect(failed.error.message).toMatch(/obs-4: orders API 503/);
    expect(failed.tool_calls[0]).toEqual({
      name: 'lookup_order',
      arguments: { order_id: 'D-4004' },
      result: { error: 'orders API 503' },
    });
  });

  it("groups Langfuse's flat observation rows (public API shape) into traces, in any row order", () => {
    const rows = readFileSync(join(fixtures, 'langfuse-observations.jsonl'), 'utf8');
    const [b, a, ...rest] = importFixture('langfuse-observations.jsonl');
    expect(rest).toHaveLength(0);
    // Interleaved rows: each trace is written at its last row (b's comes first).
    expect(rows.lastIndexOf('9e8d7c6b')).toBeLessThan(rows.lastIndexOf('7f3c2a1b'));
    expect(a.trace_id).toBe('7f3c2a1b-lf-trace-a');
    expect(a.output).toBe(
      "Done: I've issued a refund of $89.99 for order A1001 (reference R-A1001-1).",
    );
    expect(a.tool_calls).toEqual([
      {
        name: 'lookup_order',
        arguments: { order_id: 'A1001' },
        result: { ok: true, refund_eligible: true },
      },
    ]);
    expect(a.retrieved[0]).toEqual({
      id: 'kb/refund-policy.md',
      text: 'You can ask for a refund within 30 days of delivery.',
      score: 2.41,
    });
    expect(a.usage).toEqual({ input_tokens: 1112, output_tokens: 48, cost_usd: 0.0005216 });
    expect(a.latency_ms).toBe(2300);
    expect(a.metadata).toMatchObject({
      source: 'langfuse',
      source_trace_id: '7f3c2a1b-lf-trace-a',
      started_at: '2025-06-15T09:12:03.100Z',
      // The top-level observation's input is the trace's.
      input: {
        messages: [{ role: 'user', content: 'Please refund order A1001, it stopped working.' }],
      },
      environment: 'production',
    });
    expect(a.metadata.observations.map((o: { id: string }) => o.id)).toEqual([
      'a-root',
      'a-score-event',
    ]);
    expect(b.error.message).toBe('observation b-tool: payment provider unavailable');
    expect(b.tool_calls[0].result).toEqual({ error: 'payment provider unavailable' });
  });

  it("reads Langfuse's blob storage export rows: snake_case, UTC times without a zone, JSON text", () => {
    const [c] = importFixture('langfuse-blob-observations.jsonl');
    expect(c.trace_id).toBe('c0ffee00-lf-trace-c');
    expect(c.output).toBe('Our support team is available 24/7.');
    expect(c.retrieved).toEqual([
      { id: 'kb/hours.md', text: 'Monday to Friday, 8:00 to 18:00 CET.', score: 3.1 },
    ]);
    expect(c.messages[0]).toEqual({ role: 'user', content: 'When is your support open?' });
    expect(c.usage).toEqual({ input_tokens: 300, output_tokens: 12, cost_usd: 0.00014 });
    expect(c.latency_ms).toBe(1000);
    expect(c.metadata).toMatchObject({
      started_at: '2025-06-15T11:00:00.000Z',
      input: 'When is your support open?',
      name: 'support-chat',
      userId: 'C-104',
      sessionId: 'sess-9',
      tags: ['web'],
      release: '2.3.0',
      models: ['gpt-4.1-mini'],
    });
  });

  it('a malformed observation row: the file, the line of its trace and the observation id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-import-lf-'));
    const bad = join(dir, 'observations.jsonl');
    const rows = readFileSync(join(fixtures, 'langfuse-observations.jsonl'), 'utf8')
      .trim()
      .split('\n');
    rows[4] = rows[4].replace('2025-06-15T09:12:03.140Z', 'yesterday');
    writeFileSync(bad, rows.join('\n') + '\n');
    const r = evalgate(['import', bad]);
    expect(r.code).toBe(2);
    // Trace a is written (and fails) at its last row, line 9.
    expect(r.stderr).toMatch(
      /observations\.jsonl:9: trace 7f3c2a1b-lf-trace-a: observation a-gen-1: startTime: expected an ISO time, got "yesterday"/,
    );
    noStack(r.stderr);
  });

  it('streams Langfuse observation rows: a 40 MB export imports with a 40 MB heap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-import-lf-big-'));
    const big = join(dir, 'observations.jsonl');
    const template = readFileSync(join(fixtures, 'langfuse-observations.jsonl'), 'utf8').trim();
    const stream = createWriteStream(big);
    let bytes = 0;
    let traces = 0;
    for (let i = 0; bytes < 40 * 1024 * 1024; i++) {
      const hex = i.toString(16).padStart(8, '0');
      const text = template
        .replaceAll('7f3c2a1b-lf-trace-a', `${hex}-lf-trace-a`)
        .replaceAll('9e8d7c6b-lf-trace-b', `${hex}-lf-trace-b`);
      bytes += text.length + 1;
      traces += 2;
      if (!stream.write(`${text}\n`)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    const r = evalgate(
      ['import', big, '--out', join(dir, 'traces.jsonl')],
      ['--max-old-space-size=40'],
    );
    expect(r.stderr).toContain(`imported ${traces} trace(s) (${traces} langfuse)`);
    expect(r.code).toBe(0);
  }, 120_000);

  it('passes evalgate traces through the trace normaliser', () => {
    const [t] = importFixture('evalgate.jsonl');
    expect(t.usage).toEqual({ input_tokens: 50, output_tokens: 9 });
    expect(t.metadata).toMatchObject({ source: 'evalgate', source_trace_id: 'run-77' });
  });

  it('writes traces that the trace normaliser accepts as they are', () => {
    for (const f of [
      'otel-genai.jsonl',
      'openinference.jsonl',
      'langfuse.jsonl',
      'langfuse-observations.jsonl',
      'langfuse-blob-observations.jsonl',
    ]) {
      for (const t of importFixture(f)) {
        const r = normalizeTrace(t);
        expect('trace' in r, f).toBe(true);
      }
    }
  });

  it('a malformed span: one line naming the file, line and span id, exit 2, no partial output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-import-'));
    const out = join(dir, 'traces.jsonl');
    const r = evalgate(['import', join(fixtures, 'malformed-span.jsonl'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /malformed-span\.jsonl:2: span eee19b7ec3c1b174: startTimeUnixNano: expected Unix nanoseconds/,
    );
    noStack(r.stderr);
    expect(existsSync(out)).toBe(false);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "ab"}]}]}]}\n{');
    const r2 = evalgate(['import', bad]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/bad\.jsonl:1: spanId: required/);
    const r3 = evalgate(['import', join(dir, 'missing.jsonl')]);
    expect(r3.code).not.toBe(0);
    noStack(r2.stderr + r3.stderr);
  });

  it('streams: a 50 MB export imports with a 40 MB heap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-import-big-'));
    const big = join(dir, 'big.jsonl');
    const template = readFileSync(join(fixtures, 'otel-genai.jsonl'), 'utf8').trim().split('\n');
    const stream = createWriteStream(big);
    let bytes = 0;
    let traces = 0;
    for (let i = 0; bytes < 50 * 1024 * 1024; i++) {
      const hex = i.toString(16).padStart(8, '0');
      const text = template
        .map((l) =>
          l
            .replaceAll('5b8efff798038103d269b633813fc60c', `5b8efff798038103d269b633${hex}`)
            .replaceAll('0af7651916cd43dd8448eb211c80319c', `0af7651916cd43dd8448eb21${hex}`),
        )
        .join('\n');
      bytes += text.length + 1;
      traces += 2;
      if (!stream.write(`${text}\n`)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    const out = join(dir, 'traces.jsonl');
    const r = evalgate(['import', big, '--out', out], ['--max-old-space-size=40']);
    expect(r.stderr).toContain(`imported ${traces} trace(s) (${traces} otel)`);
    expect(r.code).toBe(0);
  }, 120_000);
});

describe('spans as a target answer', () => {
  it('maps one trace of OTLP spans; says which span is malformed; leaves traces alone', async () => {
    const { traceFromTargetSpans } = await import('../src/import/target-spans.ts');
    const request = JSON.parse(
      readFileSync(join(fixtures, 'openinference.jsonl'), 'utf8').trim(),
    ) as Record<string, unknown>;
    const r = traceFromTargetSpans(request);
    expect(r && 'trace' in r && r.trace.output).toBe(
      'Yes: order B-2002 is within the 30-day window.',
    );
    expect(traceFromTargetSpans({ output: 'a trace' })).toBeUndefined();
    const [first] = readFileSync(join(fixtures, 'malformed-span.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(traceFromTargetSpans(JSON.parse(first))).toEqual({
      error: 'span eee19b7ec3c1b174: startTimeUnixNano: expected Unix nanoseconds, got "yesterday"',
    });
    const two = JSON.parse(readFileSync(join(fixtures, 'otel-genai.jsonl'), 'utf8').split('\n')[1]);
    expect(traceFromTargetSpans(two)).toEqual({
      error: 'resourceSpans: spans of 2 traces; a target answers with one',
    });
  });

  it('a command target that prints OTLP spans gives the mapped trace; bad spans are invalid output', async () => {
    const { createTarget } = await import('../src/targets/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-spans-target-'));
    const line = readFileSync(join(fixtures, 'openinference.jsonl'), 'utf8').trim();
    const bad = readFileSync(join(fixtures, 'malformed-span.jsonl'), 'utf8').trim().split('\n')[1];
    writeFileSync(join(dir, 'good.json'), line);
    writeFileSync(join(dir, 'bad.json'), bad);
    const run = async (file: string) => {
      const target = await createTarget(
        { kind: 'command', command: `cat ${file}` },
        { rootDir: dir, concurrency: 1 },
      );
      try {
        return await target.run(
          { id: 'c1', input: {}, context: {}, tags: [], trial: 0 },
          { timeoutMs: 10_000 },
        );
      } finally {
        await target.close();
      }
    };
    const good = await run('good.json');
    expect(good.error).toBeFalsy();
    expect(good.output).toBe('Yes: order B-2002 is within the 30-day window.');
    const broken = await run('bad.json');
    expect(broken.error?.kind).toBe('invalid_output');
    expect(broken.error?.message).toContain('span eee19b7ec3c1b174');
  });
});
