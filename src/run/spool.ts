/**
 * Trials held on disk: a run keeps a slim copy of each finished trial in memory (slim.ts) and
 * knows where its full line is in the run's journal. Writing the results file reads each full
 * trial back (fullTrial), so a run's memory does not grow with its traces.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { TrialResult } from '../types.ts';
import { slimChecks, slimTrace } from './slim.ts';

/** Where the full trial of a slim one is: the journal, its line's byte offset and length. */
const SOURCE = Symbol('evalgate.spool');
const OFFSET = Symbol('evalgate.spool.offset');
const LENGTH = Symbol('evalgate.spool.length');

type Spooled = TrialResult & {
  [SOURCE]?: JournalLines;
  [OFFSET]?: number;
  [LENGTH]?: number;
};

/** Reads journal lines (`{"case", "result"}`) back by offset, with one file descriptor. */
export class JournalLines {
  readonly path: string;
  private fd: number | undefined;
  /** Writes out what the journal's writer still queues (a line is read only once on disk). */
  private readonly flush: () => void;

  constructor(path: string, flush: () => void = () => {}) {
    this.path = path;
    this.flush = flush;
  }

  read(offset: number, length: number): TrialResult {
    this.flush();
    this.fd ??= openSync(this.path, 'r');
    const buf = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const n = readSync(this.fd, buf, got, length - got, offset + got);
      if (n === 0) throw new Error(`${this.path}: the journal is shorter than the run wrote`);
      got += n;
    }
    return (JSON.parse(buf.toString('utf8')) as { result: TrialResult }).result;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A slim copy of `trial`, whose full version is the journal line at offset/length. */
export function spooledTrial(
  trial: TrialResult,
  source: JournalLines,
  offset: number,
  length: number,
): TrialResult {
  if (!trial || typeof trial !== 'object') return trial;
  // One object literal with the symbols (the fields of slimTrial): symbols added afterwards
  // took a second array per trial, 40 bytes each held to the end of a run.
  const checks = slimChecks(trial.checks);
  const trace = slimTrace(trial.trace);
  const { trial: n, stage, status, attempts, duration_ms } = trial;
  const slim: Spooled = trial.cached
    ? {
        trial: n,
        stage,
        status,
        checks,
        trace,
        attempts,
        duration_ms,
        cached: trial.cached,
        [SOURCE]: source,
        [OFFSET]: offset,
        [LENGTH]: length,
      }
    : {
        trial: n,
        stage,
        status,
        checks,
        trace,
        attempts,
        duration_ms,
        [SOURCE]: source,
        [OFFSET]: offset,
        [LENGTH]: length,
      };
  return slim;
}

/** Is any of these trials held on disk (only its slim copy in memory)? */
export function anySpooled(trials: readonly TrialResult[]): boolean {
  for (const t of trials) if ((t as Spooled)?.[SOURCE]) return true;
  return false;
}

/** The full trial: read back from the journal when only a slim copy is in memory. */
export function fullTrial(trial: TrialResult): TrialResult {
  const t = trial as Spooled;
  const source = t?.[SOURCE];
  return source ? source.read(t[OFFSET]!, t[LENGTH]!) : trial;
}

/** The journal a trial is held in, if it is held on disk. */
export function spoolOf(trial: TrialResult): JournalLines | undefined {
  return (trial as Spooled)?.[SOURCE];
}
