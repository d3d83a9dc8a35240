/**
 * The viewer's data blocks: `<script>` elements the browser never runs (their type is not
 * JavaScript) holding JSON, either as text or gzip-compressed and base64-encoded.
 *
 * Neither can end its element early: JSON has `<`, `>` and `&` escaped as \u003c etc., and
 * base64 has no `<` at all. The page decodes a compressed block with DecompressionStream, which
 * works on a file opened from disk (where fetch() of a file next to it would not).
 */
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { redactedJson } from './redact.ts';

const gzipAsync = promisify(gzip);

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

/** A data block as the viewer's HTML generator yields it: redacted JSON, to be wrapped. */
export interface Block {
  id: string;
  json: string;
  compress: boolean;
}

/**
 * A block of `items` (a JSON array), serialised item by item: each item's redacted copy and
 * JSON die young, where one stringify of the whole array kept them all alive to the end.
 */
export function block<T>(
  id: string,
  items: T[],
  toJson: (item: T) => unknown,
  compress: boolean,
): Block {
  return { id, json: `[${items.map((x) => jsonForScript(toJson(x))).join(',')}]`, compress };
}

const GZIP = { level: 9 };

function wrap(b: Block, text: string): string {
  const type = b.compress ? GZIP_TYPE : 'application/json';
  return `<script type="${type}" id="${b.id}">${text}</script>\n`;
}

/** The block's HTML, compressed here and now. */
export function blockHtml(b: Block): string {
  return wrap(b, b.compress ? gzipSync(b.json, GZIP).toString('base64') : b.json);
}

/** The block's HTML, compressed on libuv's thread pool (beside the next block's JSON). */
export async function blockHtmlAsync(b: Block): Promise<string> {
  if (!b.compress) return wrap(b, b.json);
  return wrap(b, (await gzipAsync(b.json, GZIP)).toString('base64'));
}
