/**
 * `node scripts/bench-redact.ts`: what secret redaction costs at 100,000 cases. Builds a results
 * file of realistic traces (output, messages, a tool call, usage, trace id, metadata) and times
 * writing it as the action does (`writeJson`, every string and key redacted) and serialising
 * its traces for the viewer (`redactedJson`), with no known secret values and with 40 of them
 * registered (about what a CI job's environment holds).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as redact from '../src/report/redact.ts';
import { writeJson } from '../src/run/results-io.ts';
import type { CaseResult, Results } from '../src/types.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

function caseResult(i: number): CaseResult {
  const output = `Your order A${i} ships on Monday. Refunds take 5 days; see our policy page for the details of returns and exchanges. Anything else I can help with today?`;
  return {
    id: `case-${i}`,
    hash: `h${i}`,
    input: { messages: [{ role: 'user', content: `Where is order A${i}?` }] },
    tags: [],
    source: { file: 'datasets/orders.jsonl', line: i + 1 },
    trials: [
      {
        trial: 0,
        status: 'pass',
        duration_ms: 20,
        trace: {
          output,
          messages: [
            { role: 'system', content: 'You are a helpful support assistant for an online shop.' },
            { role: 'user', content: `Where is order A${i}?` },
            { role: 'assistant', content: output },
          ],
          tool_calls: [
            {
              name: 'lookup_order',
              arguments: { order_id: `A${i}` },
              result: { status: 'packed' },
            },
          ],
          usage: { input_tokens: 40, output_tokens: 60, cost_usd: 0.0001 },
          latency_ms: 20,
          trace_id: `0af7651916cd43dd8448eb211c80319c-${i}`,
          metadata: { model: 'gpt-4.1-mini', request_id: `req_${i}` },
        },
        checks: [
          {
            type: 'contains',
            mode: 'ungrounded_answer',
            status: 'pass',
            reason: 'contains "ships"',
          },
        ],
      },
    ],
  } as unknown as CaseResult;
}

const results = {
  schema: 'evalgate/results@1',
  meta: { counts: { cases: CASES } },
  cases: Array.from({ length: CASES }, (_, i) => caseResult(i)),
} as unknown as Results;

const dir = mkdtempSync(join(tmpdir(), 'bench-redact-'));
/** The best of five runs after a warm-up: the machine is shared and noisy. */
async function time(label: string, f: () => unknown) {
  await f();
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await f();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label}: ${Math.round(best)} ms`);
}

async function round(label: string) {
  await time(`${label} writeJson(results)`, () => writeJson(join(dir, 'r.json'), results));
  await time(`${label} redactedJson(each trial)`, () => {
    for (const c of results.cases) redact.redactedJson(c.trials);
  });
}

console.log(`${CASES} cases`);
await round('no known secrets:');
const add = (redact as Record<string, unknown>).addKnownSecrets as
  ((v: string[]) => unknown) | undefined;
if (add) {
  add(Array.from({ length: 40 }, (_, i) => `s3cr3t-${i}-${'x'.repeat(i)}Zq${i * 7919}`));
  await round('40 known secrets:');
}
rmSync(dir, { recursive: true, force: true });
