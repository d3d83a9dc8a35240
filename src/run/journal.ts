/**
 * The journal of a run: each finished trial appended to `<out>.journal.jsonl` as it completes,
 * so a run killed outright (SIGKILL, an OOM kill, a cancelled CI job) loses only the trials in
 * flight, and `evalgate run --resume` finishes it without repeating any finished trial.
 *
 *   {"schema":"evalgate/journal@1","suite_hash":"…","label":"run","trials":3,"selection":{…},
 *    "cases":120,"case_ids":"<sha256 of the selected ids>","started_at":"…"}
 *   {"case":"refund-01","result":{…TrialResult}}
 *   …
 *
 * The first line says which run the journal belongs to: a resume against another suite,
 * selection, trial count or label is refused. Lines are appended with one synchronous write per
 * event-loop turn (every trial finished in that turn at once): cheap, and once a trial is
 * counted as finished its line is in the kernel, where a killed process cannot lose it.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, rm, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { jsonLine } from '../targets/common.ts';
import type { TrialResult } from '../types.ts';
import type { TrialsBySide } from './runner.ts';
import { InputError } from './results-io.ts';
import type { Selection } from './select.ts';
import { linesOf } from './lines.ts';
import { JournalLines, spooledTrial } from './spool.ts';

export const JOURNAL_SCHEMA = 'evalgate/journal@1';

export interface JournalHeader {
  schema: typeof JOURNAL_SCHEMA;
  suite_hash: string;
  label: string;
  trials: number;
  selection: Selection;
  /** How many cases the run selected, and a hash of their ids in order. */
  cases: number;
  case_ids: string;
  started_at: string;
}

/** The journal of the results file `out`. */
export function journalPath(out: string): string {
  return `${out}.journal.jsonl`;
}

/** A hash of the selected case ids, in order: the same selection gives the same hash. */
export function caseIdsHash(ids: readonly string[]): string {
  const h = createHash('sha256');
  for (const id of ids) h.update(id).update('\n');
  return h.digest('hex');
}

/** What identifies a run; the journal's header must match it for a resume. */
export function journalHeader(run: {
  suiteHash: string;
  label: string;
  trials: number;
  selection: Selection;
  caseIds: readonly string[];
  startedAt: Date;
}): JournalHeader {
  return {
    schema: JOURNAL_SCHEMA,
    suite_hash: run.suiteHash,
    label: run.label,
    trials: run.trials,
    // Only what changes the cases: undefined fields would make equal selections compare unequal.
    selection: JSON.parse(JSON.stringify(run.selection)) as Selection,
    cases: run.caseIds.length,
    case_ids: caseIdsHash(run.caseIds),
    started_at: run.startedAt.toISOString(),
  };
}

/** Why `found` cannot be resumed as the run `wanted`, or undefined when it can. */
export function journalMismatch(found: JournalHeader, wanted: JournalHeader): string | undefined {
  if (found.suite_hash !== wanted.suite_hash) {
    return `it is for suite ${found.suite_hash.slice(0, 12)}, this suite is ${wanted.suite_hash.slice(0, 12)} (the config or a dataset changed)`;
  }
  if (JSON.stringify(found.selection) !== JSON.stringify(wanted.selection)) {
    return `it is for the selection ${JSON.stringify(found.selection)}, not ${JSON.stringify(wanted.selection)}`;
  }
  if (found.case_ids !== wanted.case_ids || found.cases !== wanted.cases) {
    return `it selected other cases (${found.cases}, now ${wanted.cases})`;
  }
  if (found.trials !== wanted.trials) {
    return `it is for --trials ${found.trials}, not ${wanted.trials}`;
  }
  if (found.label !== wanted.label) {
    return `it is for the label ${JSON.stringify(found.label)}, not ${JSON.stringify(wanted.label)}`;
  }
  return undefined;
}

export interface JournalContents {
  header: JournalHeader;
  /** Finished trials per case id. */
  trials: Map<string, TrialResult[]>;
}

/**
 * Reads a journal; undefined when there is none. A last line cut short (the process was killed
 * while writing it) is dropped; any other bad line is an InputError naming its line. Line by
 * line: with `spool`, each trial is kept slim and read back from the journal when needed
 * (spool.ts), so resuming a large run costs no more memory than running it.
 */
export async function readJournal(
  path: string,
  options: { spool?: boolean } = {},
): Promise<JournalContents | undefined> {
  const lines = options.spool ? new JournalLines(path) : undefined;
  let header: JournalHeader | undefined;
  let headerCut = false;
  const trials = new Map<string, TrialResult[]>();
  let i = -1;
  try {
    for await (const line of linesOf(path)) {
      i++;
      let row: unknown;
      try {
        row = JSON.parse(line.text);
      } catch {
        row = undefined;
      }
      if (i === 0) {
        const h = row as JournalHeader | undefined;
        if (!line.complete) {
          headerCut = true; // killed while writing the header: nothing was recorded
          break;
        }
        if (h?.schema !== JOURNAL_SCHEMA || typeof h.suite_hash !== 'string') {
          throw new InputError(
            `line 1: not an evalgate journal (${JOURNAL_SCHEMA} expected)`,
            path,
          );
        }
        header = h;
        continue;
      }
      if (!line.complete) break; // cut short by a kill: that trial did not finish
      const entry = row as { case?: unknown; result?: TrialResult } | undefined;
      if (typeof entry?.case !== 'string' || typeof entry.result?.trial !== 'number') {
        throw new InputError(`line ${i + 1}: not a journal entry`, path);
      }
      const result = lines
        ? spooledTrial(entry.result, lines, line.offset, line.length)
        : entry.result;
      const list = trials.get(entry.case);
      if (!list) trials.set(entry.case, [result]);
      else if (!list.some((r) => r.trial === result.trial)) list.push(result);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read the journal (${(err as NodeJS.ErrnoException).code})`, path);
  }
  if (!header) {
    if (headerCut) return undefined;
    throw new InputError('empty journal', path);
  }
  return { header, trials };
}

/**
 * Appends trials to a journal. `record` queues a line; the queue goes to disk in one write at
 * the end of the current event-loop turn, or at `flush()`.
 */
export class JournalWriter {
  private fd: number | undefined;
  private queued: string[] = [];
  private queuedBytes = 0;
  private scheduled = false;
  /** Bytes in the file once the queue is written: where the next line starts. */
  private position: number;
  readonly path: string;
  /** Reads lines of this journal back (see keep). */
  readonly lines: JournalLines;

  private constructor(path: string, fd: number, position: number) {
    this.path = path;
    this.fd = fd;
    this.position = position;
    this.lines = new JournalLines(path, () => this.flush());
  }

  /** A new journal holding only `header` (an existing one is replaced). */
  static async create(path: string, header: JournalHeader): Promise<JournalWriter> {
    await mkdir(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    const line = Buffer.from(jsonLine(header));
    writeSync(fd, line);
    return new JournalWriter(path, fd, line.length);
  }

  /**
   * Appends to an existing journal. A last line cut short is cut off first, so the next line
   * starts on a line of its own.
   */
  static async append(path: string): Promise<JournalWriter> {
    const end = await endOfLastLine(path);
    const { size } = await stat(path);
    if (end < size) await truncate(path, end);
    return new JournalWriter(path, openSync(path, 'a'), end);
  }

  record(caseId: string, result: TrialResult): void {
    this.queue(caseId, result);
  }

  /**
   * Records a trial and returns the slim copy a run keeps in memory instead (see spool.ts): its
   * full version is read back from this journal when the results are written.
   */
  keep(caseId: string, result: TrialResult): TrialResult {
    const line = this.queue(caseId, result);
    if (line === undefined) return result;
    return spooledTrial(result, this.lines, line.offset, line.length);
  }

  private queue(caseId: string, result: TrialResult): { offset: number; length: number } | void {
    if (this.fd === undefined) return;
    const text = jsonLine({ case: caseId, result });
    this.queued.push(text);
    const offset = this.position;
    const bytes = Buffer.byteLength(text);
    this.position += bytes;
    this.queuedBytes += bytes;
    // A fast target (a module, a cache) can finish many trials before the event loop turns:
    // past 1 MB the queue goes to disk at once, so it never holds a run's traces.
    if (this.queuedBytes > 1 << 20) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return { offset, length: bytes - 1 };
  }

  flush(): void {
    this.scheduled = false;
    if (this.fd === undefined || this.queued.length === 0) return;
    const chunk = this.queued.join('');
    this.queued = [];
    this.queuedBytes = 0;
    const buf = Buffer.from(chunk);
    for (let off = 0; off < buf.length;) off += writeSync(this.fd, buf, off);
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Closes and deletes the journal (the run's results are safely written). */
  async remove(): Promise<void> {
    this.close();
    await rm(this.path, { force: true });
  }
}

/** The byte just after the journal's last newline (0 when it has none), read from the end. */
async function endOfLastLine(path: string): Promise<number> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (let end = size; end > 0;) {
      const start = Math.max(0, end - buf.length);
      const { bytesRead } = await file.read(buf, 0, end - start, start);
      const nl = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (nl >= 0) return start + nl + 1;
      end = start;
    }
    return 0;
  } finally {
    await file.close();
  }
}

/**
 * Opens the journal of a run: a new one, or with `resume` the existing one of the same run
 * (refused, with the reason, when it belongs to another run).
 */
export async function openJournal(
  options: { path: string; resume?: boolean },
  run: Parameters<typeof journalHeader>[0],
  log: (line: string) => void,
): Promise<{ writer: JournalWriter; finished?: TrialsBySide; startedAt: Date }> {
  const header = journalHeader(run);
  const found = options.resume ? await readJournal(options.path, { spool: true }) : undefined;
  if (found) {
    const why = journalMismatch(found.header, header);
    if (why) {
      throw new InputError(
        `cannot resume: ${why}. Delete the journal to start over, or run without --resume`,
        options.path,
      );
    }
    let count = 0;
    for (const list of found.trials.values()) count += list.length;
    log(
      `resuming from ${options.path}: ${count} of ${header.cases * header.trials} trials already finished`,
    );
    return {
      writer: await JournalWriter.append(options.path),
      finished: new Map([[run.label, found.trials]]),
      startedAt: new Date(found.header.started_at),
    };
  }
  if (options.resume) log(`nothing to resume (no ${options.path}): starting the run`);
  else if (existsSync(options.path)) {
    log(`starting over: replacing the journal of an unfinished run (--resume continues it)`);
  }
  return { writer: await JournalWriter.create(options.path, header), startedAt: run.startedAt };
}
