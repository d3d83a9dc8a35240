/**
 * The viewer's data blocks: `<script>` elements the browser never runs (their type is not
 * JavaScript) holding JSON, either as text or gzip-compressed and base64-encoded.
 *
 * Neither can end its element early: JSON has `<`, `>` and `&` escaped as \u003c etc., and
 * base64 has no `<` at all. The page decodes a compressed block with DecompressionStream, which
 * works on a file opened from disk (where fetch() of a file next to it would not).
 */
import { once } from 'node:events';
import { createGzip, gzipSync } from 'node:zlib';
import { redactedJson } from './redact.ts';

/** The `type` of a compressed block: base64 text of gzip bytes of JSON. */
export const GZIP_TYPE = 'application/gzip';

/**
 * Redacted JSON that cannot end a `<script>` element or start a comment inside it. C1 controls
 * and bidi overrides are \u-escaped as well: the same data, and a file printed to a terminal
 * (`evalgate report --format html` without --out) has nothing in it a terminal would obey.
 */
export function jsonForScript(v: unknown): string {
  return redactedJson(v).replace(
    /[<>&\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A data block as the viewer's HTML generator yields it: a JSON array of `items`, each turned
 * into what is shown by `toJson`, serialised (and redacted) one item at a time when written.
 */
export interface Block<T = unknown> {
  id: string;
  items: readonly T[];
  toJson: (item: T) => unknown;
  compress: boolean;
}

export function block<T>(
  id: string,
  items: readonly T[],
  toJson: (item: T) => unknown,
  compress: boolean,
): Block {
  return { id, items, toJson: toJson as (item: unknown) => unknown, compress };
}

const GZIP = { level: 9 };
/** Pieces of about this many characters: below V8's large-object size, so they die young. */
const PIECE = 32 * 1024;

function openTag(b: Block): string {
  return `<script type="${b.compress ? GZIP_TYPE : 'application/json'}" id="${b.id}">`;
}
const CLOSE_TAG = '</script>\n';

/** The block's JSON in pieces of about PIECE characters (each item redacted as it goes). */
function* jsonPieces(b: Block): Generator<string> {
  let parts: string[] = ['['];
  let size = 1;
  for (let i = 0; i < b.items.length; i++) {
    const json = (i ? ',' : '') + jsonForScript(b.toJson(b.items[i]));
    parts.push(json);
    size += json.length;
    if (size >= PIECE) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  parts.push(']');
  yield parts.join('');
}

/** The block's HTML as one string, compressed here and now (`renderViewer`). */
export function blockHtml(b: Block): string {
  const json = [...jsonPieces(b)].join('');
  return openTag(b) + (b.compress ? gzipSync(json, GZIP).toString('base64') : json) + CLOSE_TAG;
}

/**
 * The block's HTML in pieces (`writeViewer`): JSON serialised while the thread pool compresses
 * what came before, base64 cut at multiples of 3 bytes so the pieces join into one base64 text.
 * No string as large as the block is ever built, which keeps a 100,000-case build's memory
 * from growing with garbage V8 collects late. The bytes are those of `blockHtml`.
 */
export async function* blockHtmlPieces(b: Block): AsyncGenerator<string> {
  yield openTag(b);
  if (!b.compress) yield* jsonPieces(b);
  else {
    const gz = createGzip(GZIP);
    const feed = (async () => {
      for (const piece of jsonPieces(b)) if (!gz.write(piece)) await once(gz, 'drain');
      gz.end();
    })();
    feed.catch((err: Error) => gz.destroy(err));
    let carry: Buffer | undefined;
    for await (const chunk of gz as AsyncIterable<Buffer>) {
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
      const cut = buf.length - (buf.length % 3);
      if (cut) yield buf.subarray(0, cut).toString('base64');
      carry = cut < buf.length ? buf.subarray(cut) : undefined;
    }
    await feed;
    if (carry) yield carry.toString('base64');
  }
  yield CLOSE_TAG;
}
