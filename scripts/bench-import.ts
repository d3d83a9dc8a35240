/**
 * `node scripts/bench-import.ts [--mb 200]` (also run by `npm run bench`): `evalgate import` on a
 * synthetic OTLP export of the given size, through the bundled CLI (dist/cli/index.js: run
 * `npm run bundle` first). Prints the time, the throughput and the import's peak RSS.
 *
 * The export is the refund assistant's production traces (examples/refund-assistant/production,
 * OTel GenAI spans, about 5.6 KB a trace) repeated with fresh trace ids until the file has the
 * size asked for. 1 GB (`--mb 1024`, or BENCH_IMPORT_MB=1024) is the size the streaming claim
 * in docs/import.md is about; the default is 200 MB, to keep `npm run bench` short. The files
 * are written to a temp folder and deleted afterwards.
 */
import { spawnSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: process.env.BENCH_IMPORT_MB ?? '200' } },
});
const MB = Number(values.mb);
if (!(MB > 0)) throw new Error(`--mb must be a positive number, got ${values.mb}`);

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli', 'index.js');
if (!existsSync(cli)) throw new Error('no dist/cli/index.js: run npm run bundle first');

const template = readFileSync(
  join(root, 'examples', 'refund-assistant', 'production', 'otel-export.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => ({ line, traceId: /"traceId":\s*"([0-9a-f]{32})"/.exec(line)![1] }));

const dir = mkdtempSync(join(tmpdir(), 'evalgate-bench-import-'));
try {
  const file = join(dir, 'export.jsonl');
  const out = createWriteStream(file);
  let bytes = 0;
  let traces = 0;
  const target = MB * 1024 * 1024;
  while (bytes < target) {
    const { line, traceId } = template[traces % template.length];
    const copy = Math.floor(traces / template.length)
      .toString(16)
      .padStart(8, '0');
    const text = `${line.replaceAll(traceId, `${traceId.slice(0, 24)}${copy}`)}\n`;
    bytes += Buffer.byteLength(text);
    traces++;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');

  // The import's own peak RSS, from inside its process (a preloaded exit hook); once as users
  // run it, once with V8's heap capped at 64 MB: it completes, so memory does not grow with the
  // file.
  const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('bench-peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;
  const size = statSync(file).size / 1024 / 1024;
  const rows = [];
  let summary = '';
  for (const heap of [undefined, 64]) {
    const started = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [
        ...(heap ? [`--max-old-space-size=${heap}`] : []),
        '--import',
        hook,
        cli,
        'import',
        file,
        '--out',
        join(dir, 'traces.jsonl'),
      ],
      { encoding: 'utf8' },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0) throw new Error(`evalgate import failed (${r.status}): ${r.stderr}`);
    const rssKb = Number(/bench-peak-rss-kb (\d+)/.exec(r.stderr)?.[1]);
    summary = r.stderr.split('\n').find((l) => l.includes('imported')) ?? '';
    rows.push({
      heap: heap ? `capped at ${heap} MB` : 'default',
      'wall s': seconds.toFixed(1),
      'MB/s': (size / seconds).toFixed(1),
      'traces/s': Math.round(traces / seconds),
      'peak RSS MB': Math.round(rssKb / 1024),
    });
  }
  console.log(`\nImport: ${size.toFixed(0)} MB OTLP export (${traces} traces), bundled CLI`);
  console.table(rows);
  console.log(summary);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
