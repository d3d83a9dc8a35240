// The loopback system for `npm run bench`: answers every case in a fixed delay, as an HTTP
// server (`http PORT_FILE`) or as a JSON-lines worker (`worker`). A separate process, so its
// CPU is not counted as ours.
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const DELAY_MS = Number(process.env.BENCH_DELAY_MS ?? 20);
// A "head" that regressed (scripts/bench-memory.ts): every Nth order is never looked up.
const REGRESS_EVERY = Number(process.env.BENCH_REGRESS_EVERY ?? 0);
const skips = (c) =>
  REGRESS_EVERY > 0 && Number(String(c.context?.order_id ?? '').slice(1)) % REGRESS_EVERY === 0;
const traceFor = (c) => ({
  output: `Your order ${c.context?.order_id ?? ''} ships on 2024-05-01. Refunds take 30 days.`,
  tool_calls: skips(c)
    ? []
    : [
        {
          name: 'lookup_order',
          arguments: { order_id: c.context?.order_id },
          result: { status: 'shipped' },
        },
      ],
  retrieved: [
    {
      id: 'kb/refunds.md',
      text: 'Refunds are accepted within 30 days. Orders ship on 2024-05-01.',
    },
  ],
  usage: { input_tokens: 120, output_tokens: 30, cost_usd: 0.0001 },
  latency_ms: DELAY_MS,
});

if (process.argv[2] === 'http') {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(traceFor(JSON.parse(body))));
      }, DELAY_MS);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () =>
    writeFileSync(process.argv[3], String(server.address().port)),
  );
} else {
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const { id, case: c } = JSON.parse(line);
    setTimeout(
      () => process.stdout.write(JSON.stringify({ id, trace: traceFor(c) }) + '\n'),
      DELAY_MS,
    );
  });
}
