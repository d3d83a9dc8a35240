/**
 * The HTML trace viewer: one self-contained file (inline CSS and JS, no network) with every case
 * of a comparison and, when the results are given, every trial's trace on both sides.
 *
 * Layout: the header data, then the case index in blocks of INDEX_CHUNK cases, then our script,
 * then each side's traces in blocks of TRACE_CHUNK cases (fewer when they are large), in the
 * order of that side's results file (the index says where each case's are), each block split in
 * two: the outputs (all the search reads) and the rest of the trials. The script runs when the
 * parser reaches it: the
 * first page of the list shows from the first index block while the browser still reads the
 * traces; a case's trace blocks are decoded when the case is opened, the output blocks one after
 * another when a search looks beyond the index. Large suites (more than COMPRESS_FROM cases)
 * store the blocks gzip-compressed: 100,000 cases come to tens of MB instead of hundreds
 * (docs/performance.md "Viewer").
 *
 * `writeViewerStream` reads each side's cases twice, one at a time (a first pass for the header
 * and the index, a second for the traces), and writes the file block by block: neither a
 * results file nor the viewer is ever whole in memory.
 *
 * Safety: data blocks cannot end their element (viewer-blocks.ts); the page script renders
 * with textContent only; and a CSP allows no network at all and only our own script (by hash),
 * so even an injected `<script>` would not run.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { readCases } from '../run/results-stream.ts';
import type { CaseResult, Comparison, Results } from '../types.ts';
import { showControls } from './plain.ts';
import { VIEWER_CSS, VIEWER_JS } from './viewer-assets.ts';
import { block, blockHtml, blockHtmlPieces, jsonForScript, type Block } from './viewer-blocks.ts';
import {
  caseEntry,
  Pool,
  SideScanner,
  sideTraces,
  sortedCases,
  viewerHeader,
  type ScannedSides,
  type ViewerOptions,
  type ViewerSide,
} from './viewer-data.ts';

export { sideUsage } from './viewer-data.ts';
export type { ViewerOptions, ViewerSide } from './viewer-data.ts';
export { jsonForScript } from './viewer-blocks.ts';

/** Suites larger than this are written compressed (unless `compress` says otherwise). */
export const COMPRESS_FROM = 1000;
/** Cases per index block when compressed (uncompressed, the index is one block). */
export const INDEX_CHUNK = 2000;
export { TRACE_CHARS, TRACE_CHUNK } from './viewer-data.ts';

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

/** A side's first pass (see SideScanner), with the side's meta. */
function scanner(c: Comparison, meta?: Results['meta']) {
  const listed = new Set((c.cases ?? []).map((k) => k.id));
  return Object.assign(new SideScanner(listed), { meta });
}

/**
 * The viewer's HTML up to its script: markup, and the header and the index as data blocks still
 * to be wrapped. The traces follow (TraceBlocks), then VIEWER_END.
 */
function* viewerStart(
  c: Comparison,
  sides: ScannedSides,
  opts: ViewerOptions,
): Generator<string | Block> {
  const cases = sortedCases(c);
  const compress = compressed(c, opts);
  const indexChunk = compress ? INDEX_CHUNK : Math.max(1, cases.length);
  const header = {
    ...viewerHeader(c, sides, opts),
    indexChunk,
    // Per side, the first position of each trace block (a case's block is the last that starts
    // at or before its position) and the number of positions: the search reads every block.
    starts: { b: sides.base?.starts ?? [], h: sides.head?.starts ?? [] },
    entries: { b: sides.base?.at.size ?? 0, h: sides.head?.at.size ?? 0 },
  };
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
  const b = sides.base?.at;
  const h = sides.head?.at;
  for (let start = 0, k = 0; start < cases.length; start += indexChunk, k++) {
    const part = cases.slice(start, start + indexChunk);
    yield block(`evalgate-i${k}`, part, (x) => caseEntry(x, b?.get(x.id), h?.get(x.id)), compress);
  }
  yield `<script>${VIEWER_JS}</script>\n`;
}

const VIEWER_END = '</body>\n</html>\n';

const compressed = (c: Comparison, opts: ViewerOptions) =>
  opts.compress ?? (c.cases?.length ?? 0) > COMPRESS_FROM;

/**
 * One side's trace blocks, from its cases in the results' order (the second pass): per
 * TRACE_CHUNK cases or TRACE_CHARS characters of their text, whichever comes first, a block of
 * their outputs (`evalgate-<s>s<k>`, what the search reads) and a block of the rest of their
 * trials (`evalgate-<s>t<k>`: the block's pool, then one entry per case; see sideTraces). Fed
 * one case at a time.
 */
class TraceBlocks {
  private part: { text: string[]; rest: unknown }[] = [];
  private pool = new Pool();
  private written = 0;
  private k = 0;
  private readonly key: 'b' | 'h';
  private readonly scan: SideScanner;
  private readonly other: SideScanner | undefined;
  private readonly compress: boolean;

  constructor(
    key: 'b' | 'h',
    scan: SideScanner,
    other: SideScanner | undefined,
    compress: boolean,
  ) {
    this.key = key;
    this.scan = scan;
    this.other = other;
    this.compress = compress;
  }

  add(c: CaseResult): Block[] {
    if (!this.scan.next(c, this.written)) return [];
    // The blocks end where the first pass said (SideScanner.starts).
    const done =
      this.part.length && this.scan.starts[this.k + 1] === this.written ? this.flush() : [];
    this.written++;
    // The input once per case: on the head side, on the base side only for a removed case.
    const withInput = this.key === 'h' || !this.other?.at.has(c.id);
    this.part.push(sideTraces(c, withInput, this.pool));
    return done;
  }

  end(): Block[] {
    if (this.written !== this.scan.at.size)
      throw new Error(
        `the ${this.key === 'b' ? 'base' : 'head'} results changed while the viewer was written`,
      );
    return this.part.length ? this.flush() : [];
  }

  private flush(): Block[] {
    const part = this.part;
    const pool = this.pool.values;
    this.part = [];
    this.pool = new Pool();
    const k = this.k++;
    // The rest: the block's pool first, then the entries.
    return [
      block(`evalgate-${this.key}s${k}`, part, (x) => x.text, this.compress),
      block(
        `evalgate-${this.key}t${k}`,
        [pool, ...part.map((x) => x.rest)],
        (x) => x,
        this.compress,
      ),
    ];
  }
}

/** Reads a side's cases for the first pass; an unreadable side is dropped when `onUnreadable`. */
async function scanSide(
  c: Comparison,
  name: 'base' | 'head',
  s: ViewerSide | undefined,
  onUnreadable: ViewerStreamOptions['onUnreadable'],
): Promise<ScannedSides['base']> {
  if (!s) return undefined;
  const scan = scanner(c);
  try {
    for await (const k of s.cases()) scan.add(k);
  } catch (err) {
    if (!onUnreadable) throw err;
    onUnreadable(name, err as Error);
    return undefined;
  }
  scan.meta = s.meta;
  return scan;
}

/** A side held in memory as a ViewerSide (its cases are read twice, from the array). */
export function resultsSide(r: Results | undefined): ViewerSide | undefined {
  return r ? { cases: () => r.cases ?? [], meta: r.meta } : undefined;
}

/**
 * A side read from a results file, line by line, once per pass (src/run/results-stream.ts): no
 * more than one case of it is held at a time. Its meta is set by the first pass.
 */
export function fileSide(path: string): ViewerSide {
  const s: ViewerSide = {
    cases: () =>
      readCases(path, (head) => {
        s.meta = head.meta;
      }),
  };
  return s;
}

export interface ViewerStreamOptions extends ViewerOptions {
  /**
   * A side whose results cannot be read (missing file, not results) is left out, and this is
   * told why; without it, the error is thrown. Only the first pass's errors are caught.
   */
  onUnreadable?: (side: 'base' | 'head', err: Error) => void;
}

/** One self-contained HTML file showing every case; open it from disk or an artifact. */
export function renderViewer(
  c: Comparison,
  base?: Results,
  head?: Results,
  opts: ViewerOptions = {},
): string {
  const sides: ScannedSides = {};
  for (const [name, r] of [
    ['base', base],
    ['head', head],
  ] as const) {
    if (!r) continue;
    const scan = scanner(c, r.meta);
    for (const k of r.cases ?? []) scan.add(k);
    sides[name] = scan;
  }
  const parts: string[] = [];
  for (const p of viewerStart(c, sides, opts)) parts.push(typeof p === 'string' ? p : blockHtml(p));
  for (const [key, r] of [
    ['h', head],
    ['b', base],
  ] as const) {
    const scan = key === 'h' ? sides.head : sides.base;
    if (!r || !scan) continue;
    const blocks = new TraceBlocks(
      key,
      scan,
      key === 'h' ? sides.base : sides.head,
      compressed(c, opts),
    );
    for (const k of r.cases ?? []) for (const b of blocks.add(k)) parts.push(blockHtml(b));
    for (const b of blocks.end()) parts.push(blockHtml(b));
  }
  parts.push(VIEWER_END);
  return parts.join('');
}

/**
 * Writes the viewer to `path` block by block (what the CLI and the action use: a 100,000-case
 * viewer is never one string in memory). Returns the bytes written. A thin wrapper of
 * writeViewerStream for results already in memory.
 */
export function writeViewer(
  path: string,
  c: Comparison,
  base?: Results,
  head?: Results,
  opts: ViewerOptions = {},
): Promise<number> {
  return writeViewerStream(path, c, { base: resultsSide(base), head: resultsSide(head) }, opts);
}

/**
 * The viewer written from each side's cases as they come (fileSide: a results file read line by
 * line, twice), block by block, to a file or a stream (left open). Memory: the comparison, and
 * per side a position and trial counts per case; never a whole results file. Returns the bytes
 * written.
 */
export async function writeViewerStream(
  out: string | NodeJS.WritableStream,
  c: Comparison,
  sides: { base?: ViewerSide; head?: ViewerSide },
  opts: ViewerStreamOptions = {},
): Promise<number> {
  const scanned: ScannedSides = {
    base: await scanSide(c, 'base', sides.base, opts.onUnreadable),
    head: await scanSide(c, 'head', sides.head, opts.onUnreadable),
  };
  const stream: NodeJS.WritableStream = typeof out === 'string' ? createWriteStream(out) : out;
  // An error while we wait rejects the wait (events.once); one in between is thrown next write.
  let error: Error | undefined;
  const onError = (err: Error) => (error = err);
  stream.on('error', onError);
  let bytes = 0;
  const write = async (s: string) => {
    if (error) throw error;
    bytes += Buffer.byteLength(s);
    if (!stream.write(s)) await once(stream, 'drain');
  };
  const writeBlock = async (b: Block) => {
    for await (const s of blockHtmlPieces(b)) await write(s);
  };
  try {
    for (const p of viewerStart(c, scanned, opts)) {
      if (typeof p === 'string') await write(p);
      else await writeBlock(p);
    }
    for (const key of ['h', 'b'] as const) {
      const side = key === 'h' ? sides.head : sides.base;
      const scan = key === 'h' ? scanned.head : scanned.base;
      if (!side || !scan) continue;
      const other = key === 'h' ? scanned.base : scanned.head;
      const blocks = new TraceBlocks(key, scan, other, compressed(c, opts));
      for await (const k of side.cases()) for (const b of blocks.add(k)) await writeBlock(b);
      for (const b of blocks.end()) await writeBlock(b);
    }
    await write(VIEWER_END);
    if (typeof out === 'string') {
      stream.end();
      await once(stream, 'finish');
    }
  } finally {
    if (typeof out === 'string') (stream as Writable).destroy();
    else stream.off('error', onError);
  }
  if (error) throw error;
  return bytes;
}
