import { createWriteStream } from 'node:fs';

/** A file written in pieces, waiting when the disk is behind (so nothing large is buffered). */
export interface FileWriter {
  /** Resolves when the stream can take more. */
  write(chunk: string): Promise<void>;
  /** Writes the last piece and resolves once the file is complete (rejects on a write error). */
  end(chunk?: string): Promise<void>;
  /**
   * Closes the file without finishing it. Resolves once it is closed, so a caller that then
   * deletes the file is not followed by a stream still opening and creating it again.
   */
  abort(): Promise<void>;
}

export function openFileWriter(path: string): FileWriter {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  // An error before end() is awaited must not be reported as unhandled: end() reports it.
  done.catch(() => {});
  return {
    write: (chunk) =>
      out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r)),
    end: (chunk) => {
      out.end(chunk);
      return done;
    },
    abort: () => new Promise<void>((closed) => out.destroy().once('close', () => closed())),
  };
}
