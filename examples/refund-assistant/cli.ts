/**
 * evalgate `command` target: one case JSON on stdin, one trace JSON on stdout.
 *
 *   echo '{"id":"t","input":{"messages":[{"role":"user","content":"When are you open?"}]},"context":{},"tags":[],"trial":0}' \
 *     | node examples/refund-assistant/cli.ts
 */
import type { CaseRequest, Trace } from '../../src/types.ts';
import { runCase } from './agent.ts';
import { createClient } from './runtime.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  let request: CaseRequest;
  try {
    request = JSON.parse(await readStdin()) as CaseRequest;
    if (!request || typeof request !== 'object' || typeof request.id !== 'string')
      throw new Error('no "id"');
  } catch (err) {
    const trace: Trace = {
      output: '',
      error: { kind: 'target', message: `bad case on stdin: ${(err as Error).message}` },
    };
    process.stdout.write(`${JSON.stringify(trace)}\n`);
    return;
  }
  const model = await createClient();
  try {
    const trace = await runCase(request, { client: model.client });
    process.stdout.write(`${JSON.stringify(trace)}\n`);
  } finally {
    await model.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`cli failed: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
