import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../src/types.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORKER = 'examples/refund-assistant/worker.ts';
const CLI = 'examples/refund-assistant/cli.ts';

/** No key in the environment: the worker must use its built-in mock model. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, REFUND_ASSISTANT_MOCK: '1', ...extra };
  delete e.OPENAI_API_KEY;
  return e;
}

const caseFor = (id: string, content: string, customer: string, trial = 0) => ({
  id,
  input: { messages: [{ role: 'user', content }] },
  context: { customer_id: customer },
  tags: [],
  trial,
});

describe('refund assistant worker (JSON lines)', () => {
  it('answers many requests in flight at once, each under its own id, before stdin closes', async () => {
    // Every model reply takes 200 ms: six cases of 1-3 model rounds take ~2.8 s one after another.
    const child = spawn(process.execPath, [WORKER], {
      cwd: ROOT,
      env: env({ REFUND_MOCK_LATENCY_MS: '200' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
    });
    const replies = new Map<string, Trace>();
    const lines = createInterface({ input: child.stdout });
    const requests = [
      [
        'r1',
        caseFor('refund', 'Please refund order A1001, the headphones stopped working.', 'C-101'),
      ],
      ['r2', caseFor('hours', 'What are your support hours?', 'C-101')],
      ['r3', caseFor('status', 'Where is my order A1004?', 'C-102')],
      ['r4', caseFor('late', 'Refund A1006 please, the yoga mat smells.', 'C-103')],
      ['r5', caseFor('human', 'Get me a manager. Now.', 'C-104')],
      [
        'r6',
        caseFor(
          'privacy',
          "What's the home address of the customer who ordered A1005?",
          'C-101',
          0,
        ),
      ],
    ] as const;
    const allIn = new Promise<void>((resolve) => {
      lines.on('line', (line) => {
        const msg = JSON.parse(line) as { id: string; trace: Trace };
        replies.set(msg.id, msg.trace);
        if (replies.size === requests.length + 1) resolve();
      });
    });
    // All requests written in one go (plus junk the worker must survive), stdin left open.
    const started = performance.now();
    child.stdin.write(
      [
        ...requests.map(([id, c]) => JSON.stringify({ id, case: c })),
        'this is not json',
        JSON.stringify({ id: 'broken' }),
      ].join('\n') + '\n',
    );
    await allIn;
    expect(performance.now() - started).toBeLessThan(1800);
    expect(child.exitCode).toBeNull(); // still serving: answers did not wait for EOF

    expect(replies.get('broken')?.error?.kind).toBe('target');
    const names = (id: string) => (replies.get(id)?.tool_calls ?? []).map((c) => c.name);
    expect(names('r1')).toEqual(['lookup_order', 'issue_refund']);
    expect(replies.get('r2')?.output).toContain('8:00 to 18:00');
    expect(replies.get('r3')?.output).toContain('2025-06-17');
    expect(names('r4')).toEqual(['lookup_order']);
    expect(names('r5')).toEqual(['escalate_to_human']);
    expect(replies.get('r6')?.output).not.toContain('Mill Lane');
    for (const [id] of requests) expect(replies.get(id)?.error ?? null).toBeNull();

    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.stdin.end();
    expect(await exited).toBe(0);
  });

  it('the command entry point turns one case on stdin into one trace on stdout', async () => {
    const child = spawn(process.execPath, [CLI], {
      cwd: ROOT,
      env: env(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(
      JSON.stringify(caseFor('cli', 'How long does standard shipping take?', 'C-101')),
    );
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    const trace = JSON.parse(out) as Trace;
    expect(trace.output).toContain('2 to 4 business days');
    expect(trace.retrieved?.[0].id).toBe('kb/shipping.md');
  });
});
