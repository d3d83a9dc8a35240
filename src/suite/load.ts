import { readFile, stat } from 'node:fs/promises';
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Case, Suite, SuiteConfig } from '../types.ts';
import {
  DATASET_EXTENSIONS,
  caseCollector,
  datasetFormat,
  duplicateIdProblems,
  parseCases,
  type ParseCasesOptions,
} from './cases.ts';
import { configSource, parseConfig, partialConfig, type DatasetsConfig } from './config.ts';
import { ProblemList, SuiteError, displayPath, isSuiteError } from './errors.ts';
import type { SuiteProblem } from './errors.ts';
import { suiteHash } from './hash.ts';
import { decodeUtf8, utf8Problem } from './utf8.ts';
import { parseJsonLine } from './jsonl.ts';
import { caseSharing } from './share.ts';
import { HeldCase, type DatasetLines } from './held-case.ts';

/**
 * The only file I/O of the suite: read the config, glob and read the datasets, hand the text to
 * the pure parsers. Every path in the suite is relative to the config file's folder.
 */

/** Config file names looked for when a folder is given instead of a file. */
const CONFIG_NAMES = ['evalgate.yml', 'evalgate.yaml'];

async function resolveConfigPath(configPath: string): Promise<string> {
  const abs = path.resolve(configPath);
  const st = await stat(abs).catch(() => undefined);
  if (!st?.isDirectory()) return abs;
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(abs, name);
    if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
  }
  return path.join(abs, CONFIG_NAMES[0]);
}

/** A file that cannot be read, as a SuiteError naming it. */
function readError(err: unknown, abs: string, what: string): SuiteError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? `${what} not found`
      : code === 'EISDIR'
        ? `${what} is a folder, not a file`
        : `cannot read ${what}: ${(err as Error).message}`;
  return new SuiteError([{ file: displayPath(abs), message: reason }]);
}

async function readText(abs: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (err) {
    throw readError(err, abs, what);
  }
  const decoded = decodeUtf8(bytes, displayPath(abs));
  if ('problem' in decoded) throw new SuiteError([decoded.problem]);
  return decoded.text;
}

/** Reads and validates a config file (or `evalgate.yml` in a folder). Throws SuiteError. */
export async function loadConfig(configPath: string): Promise<SuiteConfig> {
  const abs = await resolveConfigPath(configPath);
  const text = await readText(abs, 'config file');
  return parseConfig(text, displayPath(abs));
}

/** Where to report a problem about `config.datasets[index]` (its line in the config, if known). */
function datasetsProblem(
  config: DatasetsConfig,
  rootDir: string,
  index: number | undefined,
  message: string,
): SuiteProblem {
  const src = configSource(config);
  const fieldPath = index === undefined ? ['datasets'] : ['datasets', index];
  const field = index === undefined ? 'datasets' : `datasets[${index}]`;
  if (!src) return { file: displayPath(rootDir), field, message };
  return { file: src.file, line: src.lineOf(fieldPath), field, message };
}

/** The dataset files one pattern names, relative to the root with `/` separators, sorted. */
async function expandPattern(pattern: string, rootDir: string): Promise<string[]> {
  // A pattern that names a folder means every dataset file under it.
  const asDir = await stat(path.resolve(rootDir, pattern)).catch(() => undefined);
  const patterns = asDir?.isDirectory()
    ? DATASET_EXTENSIONS.map((ext) => `${pattern.replace(/[\\/]+$/, '')}/**/*${ext}`)
    : [pattern];
  const files = await glob(patterns, {
    cwd: rootDir,
    onlyFiles: true,
    expandDirectories: false,
    // .evalgate/ holds our own output and the base worktree of a PR run: never datasets.
    ignore: ['**/node_modules/**', '**/.git/**', '**/.evalgate/**'],
  });
  return files.map((f) => f.split(path.sep).join('/')).sort();
}

/**
 * Globs `config.datasets` under `rootDir`, parses every file and validates every case. Throws
 * one SuiteError listing every problem (syntax, fields, unknown modes, duplicate ids, patterns
 * that match nothing, an empty suite).
 */
export async function loadCases(
  config: DatasetsConfig,
  rootDir: string,
  configPath?: string,
  options: LoadOptions = {},
): Promise<Case[]> {
  const root = path.resolve(rootDir);
  const problems = new ProblemList();
  const configAbs = configPath ? path.resolve(configPath) : undefined;
  const files: string[] = [];
  const seen = new Set<string>();

  for (let i = 0; i < config.datasets.length; i++) {
    const pattern = config.datasets[i];
    const matched = (await expandPattern(pattern, root)).filter(
      // `datasets: ["*.yml"]` must not read the config itself as a dataset.
      (f) => path.resolve(root, f) !== configAbs,
    );
    if (matched.length === 0) {
      problems.add(datasetsProblem(config, root, i, `${JSON.stringify(pattern)} matches no file`));
      continue;
    }
    for (const f of matched) {
      if (seen.has(f)) continue; // two patterns naming one file load it once
      seen.add(f);
      if (!datasetFormat(f)) {
        problems.add(
          datasetsProblem(
            config,
            root,
            i,
            `${JSON.stringify(pattern)} matches ${f}, which is not a dataset (use ${DATASET_EXTENSIONS.join(', ')})`,
          ),
        );
        continue;
      }
      files.push(f);
    }
  }

  const display = (rel: string) => displayPath(path.resolve(root, rel));
  // A lazy load reads JSON-lines datasets line by line (held-case.ts), the others whole.
  const streamed = (f: string) => options.lazy === true && datasetFormat(f) === 'jsonl';
  const texts = await Promise.all(
    files.map((f) =>
      streamed(f)
        ? undefined
        : readText(path.resolve(root, f), 'dataset file').catch((err: unknown) => {
            if (err instanceof SuiteError) problems.addAll(err.problems);
            return undefined;
          }),
    ),
  );

  // Known only from a whole config: a broken one does not say what conversations may use.
  const full = config as Partial<SuiteConfig>;
  const conversation = full.target
    ? { mode: full.target.conversation ?? 'turns', simulator: full.simulator !== undefined }
    : undefined;
  const cases: Case[] = [];
  const sharing = caseSharing();
  for (const [k, f] of files.entries()) {
    const opts = {
      file: display(f),
      source: f,
      format: datasetFormat(f)!,
      modes: config.failure_modes,
      conversation,
      sharing,
    };
    const parsed = streamed(f)
      ? heldCasesOrProblems(path.resolve(root, f), opts)
      : texts[k] === undefined
        ? undefined
        : parseCases(texts[k], opts);
    if (!parsed) continue;
    problems.addAll(parsed.problems);
    cases.push(...parsed.cases);
  }

  problems.addAll(duplicateIdProblems(cases, display));
  if (problems.size === 0 && cases.length === 0) {
    problems.add(
      datasetsProblem(
        config,
        root,
        undefined,
        `empty suite: ${files.length <= 3 ? files.join(', ') : `the ${files.length} dataset files`} ${files.length === 1 ? 'holds' : 'hold'} no cases`,
      ),
    );
  }
  problems.throwIfAny();
  return cases;
}

export interface LoadOptions {
  /**
   * Hold JSON-lines cases by their line in the dataset, read back when their input, context or
   * checks are asked for (src/suite/held-case.ts): for a run, whose cases are needed one at a
   * time, not for commands that read every case's fields.
   */
  lazy?: boolean;
}

/** Bytes read at a time from a JSON-lines dataset. */
const CHUNK = 1 << 20;

/** A line of a file: its number, byte offset and bytes (without its newline). */
interface FileLine {
  line: number;
  start: number;
  bytes: Buffer;
}

/**
 * The lines of a file, read a chunk at a time (synchronously: reading on libuv's threads cost
 * 10-20 MB more resident memory at 10,000 cases), a chunk's lines at once; a carriage return
 * before a newline is not part of a line. The whole text is never held: read at once, a 48 MB
 * dataset left about 40 MB of memory the process kept for the rest of a run. A chunk's lines
 * are views of the buffer the next chunk is read into: use them before asking for more.
 */
function* fileLines(abs: string): Generator<FileLine[]> {
  const fd = openSync(abs, 'r');
  try {
    // One buffer, the unfinished line moved to its front before each read: a buffer per chunk
    // (Buffer.concat) left its memory to the allocator, about 20 MB more at 10,000 cases.
    let buf = Buffer.allocUnsafe(CHUNK);
    let kept = 0; // bytes of an unfinished line at the front of buf
    let offset = 0; // of buf[0] in the file
    let line = 0;
    for (;;) {
      if (kept === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2); // a line longer than the buffer
        buf.copy(bigger, 0, 0, kept);
        buf = bigger;
      }
      const bytesRead = readSync(fd, buf, kept, buf.length - kept, null);
      const end = kept + bytesRead;
      const lines: FileLine[] = [];
      let at = 0;
      for (let nl = buf.indexOf(10, kept); nl >= 0 && nl < end; nl = buf.indexOf(10, at)) {
        const stop = nl > at && buf[nl - 1] === 13 ? nl - 1 : nl;
        lines.push({ line: ++line, start: offset + at, bytes: buf.subarray(at, stop) });
        at = nl + 1;
      }
      if (bytesRead === 0) {
        // The last line, without a newline: kept as it is (like the text split at newlines).
        if (at < end || line === 0)
          lines.push({ line: ++line, start: offset + at, bytes: buf.subarray(at, end) });
        yield lines;
        return;
      }
      yield lines;
      buf.copy(buf, 0, at, end);
      kept = end - at;
      offset += at;
    }
  } finally {
    closeSync(fd);
  }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A JSON-lines dataset read line by line into cases held by their line (held-case.ts), with
 * the problems parseCases would report for the same file: a file that is not UTF-8 is one
 * problem (its first bad byte) and no cases, as when it is read whole.
 */
function heldCases(
  abs: string,
  opts: ParseCasesOptions,
): { cases: Case[]; problems: SuiteProblem[] } {
  const lines: DatasetLines = {
    path: abs,
    shown: opts.file,
    modes: opts.modes,
    conversation: opts.conversation,
  };
  const { cases, problems, take } = caseCollector(opts);
  try {
    for (const batch of fileLines(abs)) {
      for (const { line, start, bytes } of batch) {
        if (!isUtf8(bytes)) {
          return { cases: [], problems: [utf8Problem(bytes, opts.file, line)] };
        }
        const skip = line === 1 && bytes.subarray(0, 3).equals(BOM) ? 3 : 0;
        const src = bytes.toString('utf8', skip);
        if (src.trim() === '') continue;
        const parsed = parseJsonLine(src, line, opts.file);
        if ('problem' in parsed) {
          problems.push(parsed.problem);
          continue;
        }
        take(parsed.value, { lineOf: () => line }, line, (c) =>
          c.turns || c.simulated_user
            ? c
            : new HeldCase(c, lines, start + skip, bytes.length - skip, bytes.subarray(skip)),
        );
      }
    }
  } catch (err) {
    // The file could not be read (its problems above are of what was read): a SuiteError.
    if (typeof (err as NodeJS.ErrnoException)?.code !== 'string') throw err;
    throw readError(err, abs, 'dataset file');
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { cases, problems };
}

/** heldCases, or the problem of a file that cannot be read. */
function heldCasesOrProblems(
  abs: string,
  opts: ParseCasesOptions,
): { cases: Case[]; problems: SuiteProblem[] } {
  try {
    return heldCases(abs, opts);
  } catch (err) {
    if (!(err instanceof SuiteError)) throw err;
    return { cases: [], problems: err.problems };
  }
}

/**
 * Loads a whole suite: config, cases and hash. Throws SuiteError with every problem found: when
 * the config is broken but its datasets can still be determined, their problems come too.
 */
export async function loadSuite(configPath: string, options: LoadOptions = {}): Promise<Suite> {
  const abs = await resolveConfigPath(configPath);
  const rootDir = path.dirname(abs);
  const text = await readText(abs, 'config file');
  const file = displayPath(abs);
  let config: SuiteConfig;
  try {
    config = parseConfig(text, file);
  } catch (err) {
    const partial = isSuiteError(err) ? partialConfig(text, file) : undefined;
    if (!partial) throw err;
    const problems = new ProblemList();
    const add = (e: SuiteError) => {
      problems.addAll(e.problems);
      problems.omitted += e.omitted;
    };
    add(err as SuiteError);
    await loadCases(partial, rootDir, abs).catch((e: unknown) => {
      if (!isSuiteError(e)) throw e;
      add(e);
    });
    problems.throwIfAny();
    throw err;
  }
  const cases = await loadCases(config, rootDir, abs, options);
  return { configPath: abs, rootDir, config, cases, hash: suiteHash(config, cases) };
}
