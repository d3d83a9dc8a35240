/**
 * Cases held by where they are in their dataset, not as parsed. A run of 100,000 cases held
 * every parsed case (input, context, checks: about 600 bytes each in the bench) from loading to
 * the end, though a case's trials need it only while they run. A JSON-lines case is kept as its
 * id, tags, hash, source, failure modes and check outline, plus the byte range of its line; the
 * input, context and checks are read back from the file when asked for (`fullCase`, or the
 * getters), parsed and validated again, and used only if the case's hash is still the one
 * computed at load. A dataset rewritten while the suite runs (by the system under test, a
 * script) therefore fails the case loudly rather than running another case in its place.
 *
 * Only `loadSuite(path, {lazy: true})` holds cases this way (`evalgate run`); conversations
 * (`turns`, `simulated_user`) and JSON/YAML datasets are held parsed as before.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { hash as hashBytes } from 'node:crypto';
import type { Case, CheckSpec, SourceLocation } from '../types.ts';
import {
  validateCase,
  validateCheck,
  type CheckValidator,
  type ConversationSupport,
} from './cases.ts';
import type { FailureMode } from '../types.ts';
import { caseHash } from './hash.ts';

/** What a dataset file's cases are read back with: the file and how they were validated. */
export interface DatasetLines {
  /** Absolute path of the dataset file. */
  path: string;
  /** The file as messages show it. */
  shown: string;
  modes: Record<string, FailureMode> | undefined;
  conversation: ConversationSupport | undefined;
  /** The last case read back: a case's trials and the reads around them ask for it in a row. */
  last?: { offset: number; full: Case };
  /** Checks validated from this file's lines, by their JSON text (see validatedCheck). */
  checks?: Map<string, CheckSpec>;
  /**
   * Open while cases are read back (until closeHeldCases): a file replaced (renamed over) since
   * is still read as it was loaded; one rewritten in place is caught by the hash.
   */
  fd?: number;
}

/** Dataset files with a descriptor open. */
const opened = new Set<DatasetLines>();

/** Closes the dataset files cases were read back from (they are opened again if needed). */
export function closeHeldCases(): void {
  for (const lines of opened) {
    if (lines.fd !== undefined) closeSync(lines.fd);
    lines.fd = undefined;
    lines.last = undefined;
    lines.checks = undefined;
  }
  opened.clear();
}

/** What code that scans every case's checks needs of them without reading the case back. */
export interface CheckOutline {
  type: string;
  mode: string;
  /** Set (true) when the check has a `goal` (a goal_reached check graded by the judge). */
  goal?: unknown;
}

/**
 * The first 8 bytes of a line's SHA-256, as two numbers a case holds in place of a string. The
 * dataset can be rewritten by whoever runs beside the suite (the system under test): a CRC would
 * let them write other bytes that pass as the line loaded; 64 bits of SHA-256 do not (a second
 * preimage takes about 2^64 tries). About 3 µs a line, 1 more than a CRC.
 */
function lineDigest(bytes: Uint8Array): [number, number] {
  const d = hashBytes('sha256', bytes, 'buffer');
  return [d.readInt32LE(0), d.readInt32LE(4)];
}

/** Checks remembered per dataset file: a table emptied when full, not grown with the suite. */
const MAX_CHECKS = 4_096;
/** Larger check definitions are validated each time (rarely repeated, costly to key). */
const MAX_CHECK_JSON = 4_096;

/**
 * validateCheck, remembered by the check's JSON text within one dataset file (its failure modes
 * are the suite's). Two things at once: a check many cases repeat is validated once, not once
 * per case read back (validation was about half of reading a case back), and it stays one
 * object, which checks need: they memoise what they compile (regexes, schemas, judge
 * identities) by the spec object.
 */
function validatedCheck(lines: DatasetLines): CheckValidator {
  const table = (lines.checks ??= new Map());
  return (raw, index, modes) => {
    const key = JSON.stringify(raw);
    const known = key.length <= MAX_CHECK_JSON ? table.get(key) : undefined;
    if (known) return { spec: known, issues: [] };
    const v = validateCheck(raw, index, modes);
    if (v.spec && v.issues.length === 0 && key.length <= MAX_CHECK_JSON) {
      if (table.size >= MAX_CHECKS) table.clear();
      table.set(key, v.spec);
    }
    return v;
  };
}

/** A case's dataset changed on disk after the suite was loaded. */
export class CaseChangedError extends Error {}

const outlines = new Map<string, readonly CheckOutline[]>();
const MAX_OUTLINES = 10_000;

/** One frozen outline per distinct list of check types, modes and goals: 100,000 cases share a few. */
function outlineOf(checks: readonly CheckSpec[]): readonly CheckOutline[] {
  const key = checks.map((k) => `${k.type}\0${k.mode}\0${k.goal !== undefined}`).join('\u0001');
  const known = outlines.get(key);
  if (known) return known;
  const list = Object.freeze(
    checks.map((k) =>
      Object.freeze(
        k.goal !== undefined
          ? { type: k.type, mode: k.mode, goal: true }
          : { type: k.type, mode: k.mode },
      ),
    ),
  ) as readonly CheckOutline[];
  if (outlines.size < MAX_OUTLINES) outlines.set(key, list);
  return list;
}

export class HeldCase implements Case {
  readonly id: string;
  readonly tags: string[];
  readonly source: SourceLocation;
  readonly hash: string;
  readonly outline: readonly CheckOutline[];
  readonly #lines: DatasetLines;
  readonly #offset: number;
  readonly #length: number;
  /**
   * The line's digest as loaded (lineDigest): a line read back with the same bytes is the case
   * loaded, so its hash need not be computed again (half the cost of reading a case back).
   */
  readonly #digest0: number;
  readonly #digest1: number;

  constructor(c: Case, lines: DatasetLines, offset: number, length: number, bytes: Uint8Array) {
    this.id = c.id;
    this.tags = c.tags;
    this.source = c.source;
    this.hash = c.hash;
    this.outline = outlineOf(c.checks);
    this.#lines = lines;
    this.#offset = offset;
    this.#length = length;
    [this.#digest0, this.#digest1] = lineDigest(bytes);
  }

  /** Whether these are the bytes of the line as loaded. */
  #asLoaded(bytes: Uint8Array): boolean {
    const [d0, d1] = lineDigest(bytes);
    return d0 === this.#digest0 && d1 === this.#digest1;
  }

  get input(): unknown {
    return this.full().input;
  }

  get context(): Record<string, unknown> | undefined {
    return this.full().context;
  }

  get checks(): CheckSpec[] {
    return this.full().checks;
  }

  /**
   * The case's input for its results entry. When the line's bytes are those loaded (the same
   * digest), the input is taken from them as they are (validation passes a case's input through
   * untouched) without validating and hashing the case again; otherwise the case is read back in
   * full, its hash checked.
   */
  resultInput(): unknown {
    const lines = this.#lines;
    if (lines.last?.offset === this.#offset) return lines.last.full.input;
    const bytes = readRange(lines, this.#offset, this.#length);
    if (this.#asLoaded(bytes))
      return (JSON.parse(bytes.toString('utf8')) as { input: unknown }).input;
    return this.full().input;
  }

  /** The case as parsed, read back from its line; throws CaseChangedError if it changed. */
  full(): Case {
    const lines = this.#lines;
    if (lines.last?.offset === this.#offset) return lines.last.full;
    const at = `${lines.shown}:${this.source.line}`;
    const changed = (why: string) =>
      new CaseChangedError(
        `${at}: case ${JSON.stringify(this.id)} ${why} since the suite was loaded (was the dataset rewritten during the run?)`,
      );
    let bytes: Buffer;
    try {
      bytes = readRange(lines, this.#offset, this.#length);
    } catch (err) {
      throw changed(`cannot be read back (${(err as Error).message})`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw changed('is no longer valid JSON');
    }
    const { value } = validateCase(raw, lines.modes, lines.conversation, validatedCheck(lines));
    // Bytes other than those loaded (whitespace, key order) may still be the same case: its hash.
    if (!value || value.id !== this.id || (!this.#asLoaded(bytes) && caseHash(value) !== this.hash))
      throw changed('changed');
    // The tags as loaded: the hash does not cover them, and the case is the one loaded.
    const full: Case = {
      ...value,
      tags: this.tags,
      checks: value.checks,
      source: this.source,
      hash: this.hash,
    };
    lines.last = { offset: this.#offset, full };
    return full;
  }
}

/** The case as parsed: read back when it is held by its line. */
export function fullCase(c: Case): Case {
  return c instanceof HeldCase ? c.full() : c;
}

/** A case's check types, modes and goals, without reading a held case back. */
export function checkOutline(c: Case): readonly CheckOutline[] {
  return c instanceof HeldCase ? c.outline : c.checks;
}

function readRange(lines: DatasetLines, offset: number, length: number): Buffer {
  if (lines.fd === undefined) {
    lines.fd = openSync(lines.path, 'r');
    opened.add(lines);
  }
  const buf = Buffer.allocUnsafe(length);
  for (let got = 0; got < length;) {
    const n = readSync(lines.fd, buf, got, length - got, offset + got);
    if (n === 0) throw new Error('the file is shorter than it was');
    got += n;
  }
  return buf;
}
