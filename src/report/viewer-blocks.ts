/**
 * The viewer's data blocks: `<script>` elements the browser never runs (their type is not
 * JavaScript) holding JSON, either as text or gzip-compressed and base64-encoded.
 *
 * Neither can end its element early: JSON has `<`, `>` and `&` escaped as \u003c etc., and
 * base64 has no `<` at all. The page decodes a compressed block with DecompressionStream, which
 * works on a file opened from disk (where fetch() of a file next to it would not).
 */
import { gzipSync } from 'node:zlib';
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

/** One data block with `v` (redacted), compressed or as JSON text. */
export function dataBlock(id: string, v: unknown, compress: boolean): string {
  const json = jsonForScript(v);
  if (!compress) return `<script type="application/json" id="${id}">${json}</script>\n`;
  const b64 = gzipSync(json, { level: 9 }).toString('base64');
  return `<script type="${GZIP_TYPE}" id="${id}">${b64}</script>\n`;
}
