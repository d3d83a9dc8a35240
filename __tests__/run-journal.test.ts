/**
 * Nothing lost under a crash: `evalgate run` journals each finished trial, `--resume` finishes a
 * killed run without repeating them, results are written atomically, and a run in which every
 * trial errored says so with its exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal, JournalWriter, journalHeader } from '../src/run/journal.ts';
import { writeJson } from '../src/run/results-io.ts';
import type { Results, TrialResult } from '../src/types.ts';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');
const ids = Array.from({ length: 20 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A suite whose system logs each call (the request line) to calls.log, then answers "ok". */
function slowSuite() {
  return suiteDir({
    'evalgate.yml': `version: 1
target: {command: "sh system.sh"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 3
concurrency: 4
timeout: 10s
`,
    'cases.jsonl': okCases(ids),
    'system.sh': `read -r line
printf '%s\\n' "$line" >> calls.log
sleep 0.05
echo '{"output":"ok"}'
`,
  });
}

const lines = (file: string) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];

/** Calls per `case#trial`, from the system's own log. */
function calls(dir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines(join(dir, 'calls.log'))) {
    const r = JSON.parse(line) as { id: string; trial: number };
    const key = `${r.id}#${r.trial}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const shape = (r: Results) =>
  r.cases.map((c) => `${c.id}:${c.trials.map((t) => `${t.trial}/${t.status}`).join(',')}`);

describe('evalgate run: journal and --resume', () => {
  it('SIGKILL mid-run, then --resume: no finished trial runs twice, results as a full run', async () => {
    const dir = slowSuite();
    const journal = join(dir, 'results.json.journal.jsonl');
    const child = spawn(process.execPath, [bin, 'run', '--out', 'results.json', '-q'], {
      cwd: dir,
      stdio: 'ignore',
    });
    const exited = new Promise((done) => child.on('exit', done));
    // Kill it outright once about a third of the 60 trials are journaled.
    const deadline = Date.now() + 20_000;
    while (lines(journal).length < 21) {
      if (Date.now() > deadline) throw new Error('the run journaled nothing');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dir, 'results.json'))).toBe(false);
    const killed = await readJournal(journal);
    const finished = [...killed!.trials].flatMap(([id, ts]) => ts.map((t) => `${id}#${t.trial}`));
    expect(finished.length).toBeGreaterThanOrEqual(20);
    expect(finished.length).toBeLessThan(60);
    // The trials in flight at the kill finish on their own (their process groups survive).
    await new Promise((r) => setTimeout(r, 500));

    // A resume against another run is refused, naming the difference; the journal is kept.
    const otherTrials = evalgate(
      ['run', '--out', 'results.json', '--resume', '--trials', '2'],
      dir,
    );
    expect(otherTrials.code).toBe(2);
    expect(otherTrials.stderr).toMatch(/cannot resume: it is for --trials 3, not 2/);
    const otherCases = evalgate(['run', '--out', 'results.json', '--resume', '--sample', '5'], dir);
    expect(otherCases.code).toBe(2);
    expect(otherCases.stderr).toMatch(/cannot resume: it is for the selection/);
    const dataset = readFileSync(join(dir, 'cases.jsonl'), 'utf8');
    writeFileSync(join(dir, 'cases.jsonl'), okCases([...ids, 'case-new']));
    const otherSuite = evalgate(['run', '--out', 'results.json', '--resume'], dir);
    expect(otherSuite.code).toBe(2);
    expect(otherSuite.stderr).toMatch(/cannot resume: it is for suite \w+, this suite is \w+/);
    writeFileSync(join(dir, 'cases.jsonl'), dataset);
    expect(calls(dir).size).toBeLessThan(60); // nothing ran

    const resumed = evalgate(['run', '--out', 'results.json', '--resume', '-q'], dir);
    expect(resumed.stderr).toMatch(
      new RegExp(`resuming from .*: ${finished.length} of 60 trials already finished`),
    );
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/20 cases, 60 trials: 60 pass, 0 fail, 0 error/);

    const counts = calls(dir);
    expect(counts.size).toBe(60);
    for (const key of finished) expect(counts.get(key), key).toBe(1);
    // Only trials in flight at the kill (at most the concurrency) may have run twice.
    const twice = [...counts.values()].filter((n) => n > 1).length;
    expect(twice).toBeLessThanOrEqual(4);

    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
    expect(existsSync(journal)).toBe(false); // served: removed after the results were written
    const complete = evalgate(['run', '--out', 'complete.json', '-q'], dir);
    expect(complete.code).toBe(0);
    const full = JSON.parse(readFileSync(join(dir, 'complete.json'), 'utf8')) as Results;
    expect(shape(results)).toEqual(shape(full));
    expect(results.meta.counts).toEqual(full.meta.counts);
    expect(Object.keys(results.meta).sort()).toEqual(Object.keys(full.meta).sort());
    expect(results.meta.interrupted).toBeUndefined();
  }, 60_000);

  it('--resume with no journal runs the whole suite; a run without --resume starts over', () => {
    const dir = slowSuite();
    writeFileSync(join(dir, 'cases.jsonl'), okCases(ids.slice(0, 2)));
    const r = evalgate(['run', '--out', 'out/r.json', '--resume', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/nothing to resume/);
    expect(r.stdout).toMatch(/2 cases, 6 trials/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['r.json']); // no journal, no temp file left
    writeFileSync(join(dir, 'out/r.json.journal.jsonl'), '{"schema":"evalgate/journal@1"}\n');
    const again = evalgate(['run', '--out', 'out/r.json', '-q'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/starting over: replacing the journal of an unfinished run/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['r.json']);
  });

  it('exits 3 when every trial errored, with the first error and its case', () => {
    const dir = suiteDir({
      'evalgate.yml': `version: 1
target: {command: "echo 'OPENAI_API_KEY is not set' >&2; exit 1"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 2
retries: 0
`,
      'cases.jsonl': okCases(['first-case', 'second-case']),
    });
    const r = evalgate(['run', '--out', 'results.json', '-q'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'every trial errored (nothing was measured); the first, case "first-case" trial 0: crash: command failed (exit code 1): OPENAI_API_KEY is not set',
    );
    expect(existsSync(join(dir, 'results.json'))).toBe(true); // the evidence is still written
  });

  it('exits 0 when only some trials errored', () => {
    const dir = suiteDir({
      'evalgate.yml': `version: 1
target: {command: "read -r l; case \\"$l\\" in *bad*) exit 1;; esac; echo '{\\"output\\":\\"ok\\"}'"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
retries: 0
`,
      'cases.jsonl': okCases(['good', 'bad']),
    });
    const r = evalgate(['run', '--out', 'results.json', '-q'], dir);
    expect(r.stdout).toMatch(/3 pass, 0 fail, 3 error/);
    expect(r.code).toBe(0);
  });
});

describe('the journal file', () => {
  const trial = (n: number): TrialResult => ({
    trial: n,
    stage: 1,
    status: 'pass',
    checks: [],
    trace: { output: `answer\u2028${n}` },
    attempts: 1,
    duration_ms: 1,
  });
  const header = journalHeader({
    suiteHash: 'abc',
    label: 'run',
    trials: 2,
    selection: {},
    caseIds: ['a'],
    startedAt: new Date(0),
  });

  it('drops a last line cut short by a kill, and appends after it on a line of its own', async () => {
    const path = join(suiteDir({}), 'r.json.journal.jsonl');
    const w = await JournalWriter.create(path, header);
    w.record('a', trial(0));
    w.close();
    writeFileSync(path, readFileSync(path, 'utf8') + '{"case":"a","result":{"tri', { flag: 'w' });
    const read = await readJournal(path);
    expect(read!.trials.get('a')!.map((t) => t.trace.output)).toEqual(['answer\u20280']);
    const again = await JournalWriter.append(path);
    again.record('a', trial(1));
    again.close();
    expect((await readJournal(path))!.trials.get('a')!.map((t) => t.trial)).toEqual([0, 1]);
    expect(lines(path)).toHaveLength(3);
  });

  it('refuses a journal with a bad line in the middle, naming the line', async () => {
    const path = join(suiteDir({}), 'r.json.journal.jsonl');
    writeFileSync(path, `${JSON.stringify(header)}\nnot json\n{"case":"a","result":{"trial":0}}\n`);
    await expect(readJournal(path)).rejects.toThrow(/line 2: not a journal entry/);
  });
});

describe('writeJson', () => {
  it('leaves the previous file whole when writing fails midway (temp file + rename)', async () => {
    const dir = suiteDir({ 'results.json': '{"previous":true}\n' });
    const path = join(dir, 'results.json');
    const results = {
      schema: 'evalgate/results@1',
      meta: { counts: {} },
      // The second case cannot be serialized: the write fails after the first was written.
      cases: [
        { id: 'a', trials: [] },
        { id: 'b', trials: [], big: 10n },
      ],
    } as unknown as Results;
    await expect(writeJson(path, results)).rejects.toThrow(/BigInt/);
    await new Promise((r) => setTimeout(r, 200)); // whatever was queued has reached the disk
    expect(readFileSync(path, 'utf8')).toBe('{"previous":true}\n');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });
});
