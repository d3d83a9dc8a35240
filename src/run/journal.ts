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
import { mkdir, readFile, rm, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { jsonLine } from '../targets/common.ts';
import type { TrialResult } from '../types.ts';
import type { TrialsBySide } from './runner.ts';
import { InputError } from './results-io.ts';
import type { Selection } from './select.ts';

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
 * while writing it) is dropped; any other bad line is an InputError naming its line.
 */
export async function readJournal(path: string): Promise<JournalContents | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read the journal (${(err as NodeJS.ErrnoException).code})`, path);
  }
  const lines = text.split('\n');
  // A complete journal ends with a newline: the last element is then empty.
  const complete = lines.pop() === '';
  let header: JournalHeader | undefined;
  const trials = new Map<string, TrialResult[]>();
  for (let i = 0; i < lines.length; i++) {
    let row: unknown;
    try {
      row = JSON.parse(lines[i]);
    } catch {
      row = undefined;
    }
    if (i === 0) {
      const h = row as JournalHeader | undefined;
      if (h?.schema !== JOURNAL_SCHEMA || typeof h.suite_hash !== 'string') {
        throw new InputError(`line 1: not an evalgate journal (${JOURNAL_SCHEMA} expected)`, path);
      }
      header = h;
      continue;
    }
    const entry = row as { case?: unknown; result?: TrialResult } | undefined;
    if (typeof entry?.case !== 'string' || typeof entry.result?.trial !== 'number') {
      throw new InputError(`line ${i + 1}: not a journal entry`, path);
    }
    const list = trials.get(entry.case);
    if (!list) trials.set(entry.case, [entry.result]);
    else if (!list.some((r) => r.trial === entry.result!.trial)) list.push(entry.result);
  }
  if (!header) {
    if (!complete) return undefined; // killed while writing the header: nothing was recorded
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
  private scheduled = false;
  readonly path: string;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
  }

  /** A new journal holding only `header` (an existing one is replaced). */
  static async create(path: string, header: JournalHeader): Promise<JournalWriter> {
    await mkdir(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    writeSync(fd, jsonLine(header));
    return new JournalWriter(path, fd);
  }

  /**
   * Appends to an existing journal. A last line cut short is cut off first, so the next line
   * starts on a line of its own.
   */
  static async append(path: string): Promise<JournalWriter> {
    const bytes = await readFile(path);
    const end = bytes.lastIndexOf(0x0a) + 1;
    if (end < bytes.length) await truncate(path, end);
    return new JournalWriter(path, openSync(path, 'a'));
  }

  record(caseId: string, result: TrialResult): void {
    if (this.fd === undefined) return;
    this.queued.push(jsonLine({ case: caseId, result }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.fd === undefined || this.queued.length === 0) return;
    const chunk = this.queued.join('');
    this.queued = [];
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
  const found = options.resume ? await readJournal(options.path) : undefined;
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
