/**
 * `npm run demo:synth`: `evalgate synth` on two of the demo's cases, every kind, with the demo's
 * built-in model server (offline, no key, the same answer every time). The variations go to
 * .evalgate/demo-synth/synth.jsonl for review; nothing in datasets/ changes.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { main } from '../src/cli.ts';
import { startMockLLM } from '../examples/refund-assistant/mock-llm.ts';

const root = join(import.meta.dirname, '..');
const outDir = join(root, '.evalgate', 'demo-synth');
const out = join(outDir, 'synth.jsonl');
// The demo's own output folder: replaced on each run (synth itself never overwrites a file).
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const server = await startMockLLM({ unref: true });
// The demo config has no synth: section: synth uses the judge's endpoint, whose URL is here.
process.env.EVALGATE_DEMO_JUDGE_URL = server.url;
process.chdir(root);
const code = await main([
  'synth',
  'datasets/conversations.yaml',
  '--ids',
  'hours-pinned-docs,conv-refund-order-from-turn-1',
  '--out',
  relative(root, out),
]);
await server.close();
if (code === 0)
  console.log(
    `\nReview ${relative(process.cwd(), out)}, then add it to datasets: and run evalgate validate.`,
  );
process.exitCode = code;
