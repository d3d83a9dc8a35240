/**
 * The HTML trace viewer: one self-contained file (inline CSS and JS, no network) with every case
 * of a comparison and, when the results are given, every trial's trace on both sides.
 *
 * Layout: the header data, then the case index in blocks of INDEX_CHUNK cases, then our script,
 * then the traces in blocks of TRACE_CHUNK cases (see viewer-blocks.ts). The script runs when
 * the parser reaches it: the first page of the list shows from the first index block while the
 * browser still reads the traces; a case's trace block is decoded when the case is opened.
 * Large suites (more than COMPRESS_FROM cases) store the blocks gzip-compressed: 100,000 cases
 * come to tens of MB instead of hundreds (docs/performance.md "Viewer").
 *
 * `writeViewer` writes the file block by block, so no more than one block's HTML is held.
 *
 * Safety: data blocks cannot end their element (viewer-blocks.ts); the page script renders
 * with textContent only; and a CSP allows no network at all and only our own script (by hash),
 * so even an injected `<script>` would not run.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { CaseResult, Comparison, Results } from '../types.ts';
import { showControls } from './plain.ts';
import { VIEWER_CSS, VIEWER_JS } from './viewer-assets.ts';
import { block, blockHtml, blockHtmlPieces, jsonForScript, type Block } from './viewer-blocks.ts';
import {
  caseEntry,
  sortedCases,
  traceEntry,
  viewerHeader,
  type ViewerOptions,
} from './viewer-data.ts';

export { sideUsage } from './viewer-data.ts';
export type { ViewerOptions } from './viewer-data.ts';
export { jsonForScript } from './viewer-blocks.ts';

/** Suites larger than this are written compressed (unless `compress` says otherwise). */
export const COMPRESS_FROM = 1000;
/** Cases per index block when compressed (uncompressed, the index is one block). */
export const INDEX_CHUNK = 2000;
/** Cases per trace block when compressed (uncompressed, each case has its own block). */
export const TRACE_CHUNK = 100;

function escapeHtml(s: string): string {
  return showControls(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const SCRIPT_HASH = `sha256-${createHash('sha256').update(VIEWER_JS, 'utf8').digest('base64')}`;

const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src '${SCRIPT_HASH}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The viewer's HTML, piece by piece: markup, and data blocks still to be wrapped. */
export function* viewerHtml(
  c: Comparison,
  base?: Results,
  head?: Results,
  opts: ViewerOptions = {},
): Generator<string | Block> {
  const cases = sortedCases(c);
  const compress = opts.compress ?? cases.length > COMPRESS_FROM;
  const indexChunk = compress ? INDEX_CHUNK : Math.max(1, cases.length);
  const traceChunk = compress ? TRACE_CHUNK : 1;
  const byId = (r?: Results) => {
    const m = new Map<string, CaseResult>();
    for (const k of r?.cases ?? []) m.set(k.id, k);
    return m;
  };
  const bm = byId(base);
  const hm = byId(head);
  const header = { ...viewerHeader(c, base, head, opts), indexChunk, traceChunk };
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(header.title)}</title>`,
    `<style>${VIEWER_CSS}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    '<noscript>This viewer needs JavaScript; the data is in the JSON blocks of this file' +
      (compress ? ' (gzip-compressed, base64).' : '.') +
      '</noscript>',
    `<script type="application/json" id="evalgate-data">${jsonForScript(header)}</script>`,
    '',
  ].join('\n');
  // The index comes before the script, so the script finds it whole; the traces after it, so
  // the list shows before the browser has read them.
  for (let start = 0, k = 0; start < cases.length; start += indexChunk, k++) {
    const part = cases.slice(start, start + indexChunk);
    yield block(`evalgate-i${k}`, part, (x) => caseEntry(x, bm.get(x.id), hm.get(x.id)), compress);
  }
  yield `<script>${VIEWER_JS}</script>\n`;
  for (let start = 0, k = 0; start < cases.length; start += traceChunk, k++) {
    const part = cases.slice(start, start + traceChunk);
    yield block(`evalgate-t${k}`, part, (x) => traceEntry(x, bm.get(x.id), hm.get(x.id)), compress);
  }
  yield '</body>\n</html>\n';
}

/** One self-contained HTML file showing every case; open it from disk or an artifact. */
export function renderViewer(
  c: Comparison,
  base?: Results,
  head?: Results,
  opts: ViewerOptions = {},
): string {
  const parts: string[] = [];
  for (const p of viewerHtml(c, base, head, opts))
    parts.push(typeof p === 'string' ? p : blockHtml(p));
  return parts.join('');
}

/**
 * Writes the viewer to `path` block by block (what the CLI and the action use: a 100,000-case
 * viewer is never one string in memory). Returns the bytes written.
 */
export async function writeViewer(
  path: string,
  c: Comparison,
  base?: Results,
  head?: Results,
  opts: ViewerOptions = {},
): Promise<number> {
  const out = createWriteStream(path);
  // An error while we wait rejects the wait (events.once); one in between is thrown next write.
  let error: Error | undefined;
  out.on('error', (err) => (error = err));
  const write = async (s: string) => {
    if (error) throw error;
    if (!out.write(s)) await once(out, 'drain');
  };
  try {
    for (const p of viewerHtml(c, base, head, opts)) {
      if (typeof p === 'string') await write(p);
      else for await (const s of blockHtmlPieces(p)) await write(s);
    }
    out.end();
    await once(out, 'finish');
  } finally {
    out.destroy();
  }
  if (error) throw error;
  return out.bytesWritten;
}
