/**
 * evalgate `worker` target: JSON lines `{"id", "case"}` on stdin, `{"id", "trace"}` lines on
 * stdout, many requests in flight at once. The model client (real API or the in-process mock)
 * is created once and shared by every case.
 *
 *   node examples/refund-assistant/worker.ts
 */
import { createInterface } from 'node:readline';
import type { CaseRequest, Trace } from '../../src/types.ts';
import { runCase } from './agent.ts';
import { createClient } from './runtime.ts';

function errorTrace(message: string): Trace {
  return { output: '', error: { kind: 'target', message } };
}

function reply(id: unknown, trace: Trace): void {
  process.stdout.write(`${JSON.stringify({ id, trace })}\n`);
}

async function main(): Promise<void> {
  const model = await createClient();
  process.stderr.write(`refund-assistant worker ready (model: ${model.mode})\n`);
  const inflight = new Set<Promise<void>>();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });

  for await (const line of lines) {
    if (!line.trim()) continue;
    let msg: { id?: unknown; case?: unknown };
    try {
      msg = JSON.parse(line);
    } catch {
      process.stderr.write(`ignoring a line that is not JSON: ${line.slice(0, 200)}\n`);
      continue;
    }
    const id = msg?.id;
    if (id === undefined || id === null) {
      process.stderr.write('ignoring a request without an id\n');
      continue;
    }
    const request = msg.case as CaseRequest | undefined;
    if (!request || typeof request !== 'object' || typeof request.id !== 'string') {
      reply(id, errorTrace('request has no valid "case" object'));
      continue;
    }
    const job = runCase(request, { client: model.client })
      .catch((err: unknown) =>
        errorTrace(`agent failed: ${(err as Error)?.message ?? String(err)}`),
      )
      .then((trace) => reply(id, trace));
    inflight.add(job);
    void job.finally(() => inflight.delete(job));
  }
  await Promise.all(inflight);
  await model.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`worker failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
