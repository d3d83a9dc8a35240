import { isUtf8 } from 'node:buffer';
import type { SuiteProblem } from './errors.ts';

/**
 * Decoding a config or dataset file. Bytes that are not UTF-8 (a file saved as Latin-1 or
 * UTF-16) would otherwise become U+FFFD silently, and checks would compare against mangled text.
 * Pure: works on bytes.
 */
export function decodeUtf8(
  bytes: Uint8Array,
  file: string,
): { text: string } | { problem: SuiteProblem } {
  // isUtf8 is a fast native scan; the slow walk below only runs on a bad file.
  if (isUtf8(bytes))
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') };
  return { problem: utf8Problem(bytes, file) };
}

/**
 * The problem of bytes that are not UTF-8: the line and column of the first bad byte. `line` is
 * the line the bytes start at (a dataset read line by line gives one line at a time).
 */
export function utf8Problem(bytes: Uint8Array, file: string, firstLine = 1): SuiteProblem {
  const at = firstInvalidUtf8(bytes);
  let line = firstLine;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, at)).length + 1;
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return {
    file,
    line,
    column,
    message: `not UTF-8: byte 0x${hex} is not valid here (save the file as UTF-8)`,
  };
}

/** The offset of the first byte that starts no valid UTF-8 sequence; bytes.length if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // The allowed range of the second byte, and how many continuation bytes follow it.
    let lo = 0x80;
    let hi = 0xbf;
    let more: number;
    if (b >= 0xc2 && b <= 0xdf) more = 0;
    else if (b === 0xe0) [lo, more] = [0xa0, 1];
    else if (b === 0xed)
      [hi, more] = [0x9f, 1]; // no UTF-16 surrogates
    else if (b >= 0xe1 && b <= 0xef) more = 1;
    else if (b === 0xf0) [lo, more] = [0x90, 2];
    else if (b >= 0xf1 && b <= 0xf3) more = 2;
    else if (b === 0xf4)
      [hi, more] = [0x8f, 2]; // nothing above U+10FFFF
    else return i;
    if (i + 1 + more >= n || bytes[i + 1] < lo || bytes[i + 1] > hi) return i;
    for (let k = 2; k <= more + 1; k++) {
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    }
    i += more + 2;
  }
  return n;
}
