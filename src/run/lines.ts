/**
 * Reading files line by line with each line's byte offset, so that a line can be read again
 * later on its own (readLineAt) without keeping it in memory: the journal and the results file
 * of a large run are read this way.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface Line {
  text: string;
  /** Byte offset of the line's first byte, and its length in bytes (without the newline). */
  offset: number;
  length: number;
  /** False for a last line without a newline after it (a file cut short, or a final line). */
  complete: boolean;
}

const CHUNK = 1 << 20;

/** The lines of a file, in order, read in 1 MB chunks (a line longer than that is joined once). */
export async function* linesOf(path: string): AsyncGenerator<Line> {
  const file = await open(path, 'r');
  try {
    // The start of a line that began in an earlier chunk, and where it began.
    const pending: Buffer[] = [];
    let pendingOffset = 0;
    let position = 0;
    for (;;) {
      // A fresh buffer per chunk: the pieces kept in `pending` must not be overwritten.
      const chunk = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await file.read(chunk, 0, CHUNK, position);
      if (bytesRead === 0) break;
      const data = chunk.subarray(0, bytesRead);
      const base = position;
      position += bytesRead;
      let start = 0;
      for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, start)) {
        if (pending.length) {
          pending.push(data.subarray(0, nl));
          const whole = Buffer.concat(pending);
          pending.length = 0;
          yield {
            text: whole.toString('utf8'),
            offset: pendingOffset,
            length: whole.length,
            complete: true,
          };
        } else {
          yield {
            text: data.toString('utf8', start, nl),
            offset: base + start,
            length: nl - start,
            complete: true,
          };
        }
        start = nl + 1;
      }
      if (start < data.length) {
        if (!pending.length) pendingOffset = base + start;
        pending.push(start === 0 ? data : Buffer.from(data.subarray(start)));
      }
    }
    if (pending.length) {
      const whole = Buffer.concat(pending);
      yield {
        text: whole.toString('utf8'),
        offset: pendingOffset,
        length: whole.length,
        complete: false,
      };
    }
  } finally {
    await file.close();
  }
}

/** Reads single lines of one file by their offset and length (from linesOf). */
export class LineReader {
  private file: Promise<FileHandle> | undefined;
  readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async read(offset: number, length: number): Promise<string> {
    this.file ??= open(this.path, 'r');
    const file = await this.file;
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await file.read(buf, got, length - got, offset + got);
      if (bytesRead === 0) throw new Error(`${this.path}: file shorter than expected`);
      got += bytesRead;
    }
    return buf.toString('utf8');
  }

  async close(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    if (file) await (await file).close();
  }
}
