/**
 * `evalgate run` holds JSON-lines cases by their dataset line (src/suite/held-case.ts): a case's
 * input, context and checks are read back when its trials start, and its input again when the
 * results file is written. So a run's memory does not grow with what its cases hold, the
 * results are the same as from cases held parsed, and a dataset rewritten during the run errors
 * the changed cases instead of running other cases in their place.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { closeHeldCases, fullCase, HeldCase, loadSuite } from '../src/suite/index.ts';
import { readResults } from '../src/run/results-io.ts';
import type { Results } from '../src/types.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');

function evalgate(args: string[], cwd: string, nodeFlags: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeFlags, bin, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const config = (extra = '') => `version: 1
target: {module: "./agent.mjs#run"}
datasets: [cases.jsonl]
failure_modes: {correct: critical, tool: major}
trials: 1
concurrency: 8
timeout: 30s
${extra}`;

const agent = `export async function run(c) {
  return { output: 'ok ' + c.id + ' ' + JSON.stringify(c.context ?? {}), usage: { input_tokens: 1 } };
}
`;

/** Results without what differs between two runs of the same suite (durations, latencies). */
function stable(r: Results): unknown {
  return JSON.parse(
    JSON.stringify(r.cases, (k, v: unknown) =>
      k === 'duration_ms' || k === 'latency_ms' ? undefined : v,
    ),
  );
}

describe('a run holds cases by their dataset line', () => {
  it('fits a heap smaller than its parsed cases', { timeout: 60_000 }, () => {
    // 2,500 cases whose input is 1,200 empty objects: 9 MB of JSON that parses into about 100
    // MB of heap. Held parsed, the run did not fit a 128 MB heap; held by line, it fits 24 MB.
    const n = 2_500;
    const items = `[${Array(1_200).fill('{}').join(',')}]`;
    const lines = Array.from(
      { length: n },
      (_, i) =>
        `{"id":"case-${i}","input":{"items":${items}},"checks":[{"type":"contains","value":"case-${i}","mode":"correct"}]}`,
    );
    const dir = suiteDir({
      'evalgate.yml': config(),
      'cases.jsonl': lines.join('\n') + '\n',
      'agent.mjs': `export async function run(c) {
  return { output: c.id + ' ' + c.input.items.length };
}
`,
    });
    const r = evalgate(['run', '--out', 'out/results.json', '--quiet'], dir, [
      '--max-old-space-size=64',
    ]);
    expect(r.stderr).not.toMatch(/heap out of memory/i);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8')) as Results;
    expect(results.meta.counts).toMatchObject({ cases: n, trials: n, pass: n });
    // The input is in the results, read back from its line when they were written.
    expect(results.cases[n - 1].input).toEqual({ items: JSON.parse(items) });
  });

  it('gives the same results as cases held parsed, whatever the lines hold', async () => {
    // A BOM, CRLF line ends, blank lines, characters of 2, 3 and 4 bytes: byte offsets, not
    // characters, locate a line; conversations stay parsed.
    const rows = [
      { id: 'plain', input: 'hi', checks: [{ type: 'contains', value: 'ok', mode: 'correct' }] },
      {
        id: 'accents-é',
        input: { q: 'café ünïcode 日本語 🙂' },
        context: { doc: 'naïve – “quoted”' },
        tags: ['smoke'],
        checks: [
          { type: 'contains', value: 'ok', mode: 'correct' },
          { type: 'regex', pattern: 'o+k', flags: 'i', mode: 'tool' },
        ],
      },
      {
        id: 'talk',
        turns: [{ user: 'hello' }, { user: 'más' }],
        checks: [{ type: 'contains', value: 'ok', mode: 'correct' }],
      },
      {
        id: 'last 🙂',
        input: ['x', 1, null],
        checks: [{ type: 'regex', pattern: 'ok', mode: 'correct' }],
      },
    ];
    const text = '\ufeff' + rows.map((r) => JSON.stringify(r)).join('\r\n\r\n') + '\r\n';
    const dir = suiteDir({
      'evalgate.yml': config(),
      'cases.jsonl': text,
      'agent.mjs': agent,
    });
    const parsed = await loadSuite(join(dir, 'evalgate.yml'));
    const held = await loadSuite(join(dir, 'evalgate.yml'), { lazy: true });
    expect(held.hash).toBe(parsed.hash);
    expect(held.cases.map((c) => c instanceof HeldCase)).toEqual([true, true, false, true]);
    expect(held.cases.map(fullCase)).toEqual(parsed.cases);
    for (const [i, c] of held.cases.entries()) {
      expect(c.input).toEqual(parsed.cases[i].input);
      expect(c.context).toEqual(parsed.cases[i].context);
      expect(c.checks).toEqual(parsed.cases[i].checks);
    }

    // The CLI holds them by line; the module API's run (parsed) must give the same file.
    const r = evalgate(['run', '--out', 'out/held.json', '--quiet'], dir);
    expect(r.code, r.stderr).toBe(0);
    const { runSuite } = await import('../src/pipeline/run-suite.ts');
    const { writeJson } = await import('../src/run/results-io.ts');
    await writeJson(join(dir, 'out/parsed.json'), await runSuite({ suite: parsed }));
    const a = await readResults(join(dir, 'out/held.json'));
    const b = await readResults(join(dir, 'out/parsed.json'));
    expect(stable(a)).toEqual(stable(b));
    expect(a.cases.find((c) => c.id === 'accents-é')?.input).toEqual(rows[1].input);
    expect(a.meta.counts).toMatchObject({ cases: 4, pass: 4 });
  });

  it('reads back a case rewritten in other bytes but equal, shares equal checks, refuses a changed one', async () => {
    const check = { type: 'regex', pattern: 'o+k', flags: 'i', mode: 'correct' };
    const rows = ['a', 'b', 'c'].map((id) => ({ id, input: { q: id }, checks: [check] }));
    const dir = suiteDir({
      'evalgate.yml': config(),
      'cases.jsonl': rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
      'agent.mjs': agent,
    });
    const held = await loadSuite(join(dir, 'evalgate.yml'), { lazy: true });
    const [a, b, c] = held.cases;
    // Checks memoise what they compile by the spec object: equal checks must stay one object.
    expect(fullCase(a).checks[0]).toBe(fullCase(b).checks[0]);
    const hashA = fullCase(a).hash;

    // The same cases in other bytes (keys reordered, spaces; each line as long as before, so
    // the offsets still hold), and one whose check changed: the first two are the cases
    // loaded (same hash), the third is refused.
    const same = (r: (typeof rows)[number]) =>
      JSON.stringify({ checks: r.checks, input: r.input, id: r.id });
    const changed = JSON.stringify({ ...rows[2], checks: [{ ...check, pattern: 'o+K' }] });
    const lines = [same(rows[0]), same(rows[1]), changed];
    expect(lines.map((l) => l.length)).toEqual(rows.map((r) => JSON.stringify(r).length));
    writeFileSync(join(dir, 'cases.jsonl'), lines.join('\n') + '\n');
    const { closeHeldCases } = await import('../src/suite/index.ts');
    closeHeldCases();
    expect(fullCase(a)).toMatchObject({ id: 'a', hash: hashA, input: { q: 'a' } });
    expect(fullCase(b).input).toEqual({ q: 'b' });
    expect(() => fullCase(c)).toThrow(
      /cases\.jsonl:3: case "c" changed since the suite was loaded/,
    );
    closeHeldCases();
  });

  it('refuses other bytes made to match a weak checksum of the line (what a system could write)', async () => {
    // The system under test can write the dataset while it runs. A line with a changed check,
    // its description's letters flipped (p <-> q) until its CRC-32 is the loaded line's, must
    // not pass for the line loaded: only the case hash or a strong digest may say so.
    const row = (pattern: string) =>
      JSON.stringify({
        id: 'forged',
        description: 'p'.repeat(64),
        input: 'x',
        checks: [{ type: 'regex', pattern, mode: 'correct' }],
      });
    const loaded = row('o+k');
    const forged = sameCrc32(row('o+K'), loaded, row('o+K').indexOf('p'.repeat(64)), 64);
    expect(forged).not.toBe(loaded);
    expect(crc32(Buffer.from(forged))).toBe(crc32(Buffer.from(loaded)));
    const dir = suiteDir({
      'evalgate.yml': config(),
      'cases.jsonl': loaded + '\n',
      'agent.mjs': agent,
    });
    const [c] = (await loadSuite(join(dir, 'evalgate.yml'), { lazy: true })).cases;
    writeFileSync(join(dir, 'cases.jsonl'), forged + '\n');
    expect(() => fullCase(c)).toThrow(/case "forged" changed since the suite was loaded/);
    closeHeldCases();
  });

  it('reports the same problems when a dataset is read line by line', async () => {
    const ok = (id: string) =>
      JSON.stringify({
        id,
        input: id,
        checks: [{ type: 'contains', value: 'x', mode: 'correct' }],
      });
    const datasets: Record<string, Buffer> = {
      json: Buffer.from(`${ok('a')}\n{"id": "b", \n${ok('c')}\n`),
      case: Buffer.from(`${ok('a')}\r\n{"id": "b", "input": 1, "checks": []}\r\n{"id": "c"}`),
      utf8: Buffer.concat([
        Buffer.from(`\ufeff${ok('a')}\n{"bad json\n{"id": "b", "input": "caf`),
        Buffer.from([0xe9]),
        Buffer.from('"}\n'),
      ]),
      duplicate: Buffer.from(`${ok('a')}\n\n${ok('a')}\n`),
      empty: Buffer.from('\n  \n'),
    };
    for (const [name, bytes] of Object.entries(datasets)) {
      const dir = suiteDir({ 'evalgate.yml': config(), 'cases.jsonl': '', 'agent.mjs': agent });
      writeFileSync(join(dir, 'cases.jsonl'), bytes);
      const problem = (lazy: boolean) =>
        loadSuite(join(dir, 'evalgate.yml'), { lazy }).then(
          () => 'loaded',
          (err: Error) => err.message,
        );
      const parsed = await problem(false);
      expect(parsed, name).toMatch(/cases\.jsonl:\d|empty suite/);
      expect(await problem(true), name).toBe(parsed);
    }
  });

  it('errors the cases whose line changed during the run, and runs the others', () => {
    // The system under test rewrites the dataset as its first case runs: case-3's input is
    // another of the same length, and case-6 and case-7 trade lines. None may run as another.
    const lines = Array.from({ length: 8 }, (_, i) =>
      JSON.stringify({
        id: `case-${i}`,
        input: `question ${i}`,
        checks: [{ type: 'contains', value: 'ok', mode: 'correct' }],
      }),
    );
    const rewritten = [...lines];
    rewritten[3] = rewritten[3].replace('question 3', 'question X');
    [rewritten[6], rewritten[7]] = [lines[7], lines[6]];
    const dir = suiteDir({
      'evalgate.yml': config().replace('concurrency: 8', 'concurrency: 1'),
      'cases.jsonl': lines.join('\n') + '\n',
      'rewritten.jsonl': rewritten.join('\n') + '\n',
      // As case-5 runs, case-1's line changes again, after its trial ran.
      'late.jsonl': [lines[0], lines[1].replace('question 1', 'question Y'), ...rewritten.slice(2)]
        .join('\n')
        .concat('\n'),
      'agent.mjs': `import { copyFileSync } from 'node:fs';
export async function run(c) {
  if (c.id === 'case-0') copyFileSync('rewritten.jsonl', 'cases.jsonl');
  if (c.id === 'case-5') copyFileSync('late.jsonl', 'cases.jsonl');
  return { output: 'ok ' + JSON.stringify(c.input) };
}
`,
    });
    const r = evalgate(['run', '--out', 'out/results.json', '--quiet'], dir);
    const results = JSON.parse(readFileSync(join(dir, 'out/results.json'), 'utf8')) as Results;
    const byId = new Map(results.cases.map((c) => [c.id, c.trials[0]]));
    for (const id of ['case-3', 'case-6', 'case-7']) {
      expect(byId.get(id)?.status).toBe('error');
      expect(byId.get(id)?.trace.error?.kind).toBe('dataset');
      expect(byId.get(id)?.trace.error?.message).toMatch(
        new RegExp(`cases\\.jsonl:${Number(id.slice(5)) + 1}: case "${id}" changed since`),
      );
    }
    // Every other case ran as loaded; none ran the rewritten input.
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(results.meta.counts).toMatchObject({ cases: 8, pass: 5, error: 3 });
    expect(JSON.stringify(results)).not.toContain('question X');
    // case-1 ran as loaded; its line changed before the results were written: its trial stands,
    // and its input, no longer known, is null rather than the new line's.
    expect(byId.get('case-1')?.status).toBe('pass');
    expect(results.cases.find((c) => c.id === 'case-1')?.input).toBeNull();
    expect(JSON.stringify(results)).not.toContain('question Y');
    // The input of a case whose trials ran is read back for the file when it is still the same.
    expect(results.cases.find((c) => c.id === 'case-5')?.input).toBe('question 5');
    writeFileSync(join(dir, 'cases.jsonl'), lines.join('\n') + '\n');
  });
});

/**
 * `line` with some of the `count` characters from `from` (each "p") turned into "q", so that its
 * CRC-32 is the one of `target`. CRC-32 is linear over GF(2): each flip changes the checksum by
 * a fixed vector, and the flips to make are found by elimination over those vectors.
 */
function sameCrc32(line: string, target: string, from: number, count: number): string {
  const bytes = Buffer.from(line);
  const start = crc32(bytes);
  const basis = new Map<number, { v: number; flips: Set<number> }>(); // by leading bit
  const reduce = (v: number, flips: Set<number>) => {
    for (let bit = 31; bit >= 0; bit--) {
      const b = (v >>> bit) & 1 ? basis.get(bit) : undefined;
      if (!b) continue;
      v = (v ^ b.v) >>> 0;
      for (const i of b.flips) {
        if (flips.has(i)) flips.delete(i);
        else flips.add(i);
      }
    }
    return v;
  };
  for (let i = from; i < from + count; i++) {
    bytes[i] ^= 1;
    const flips = new Set([i]);
    const v = reduce((crc32(bytes) ^ start) >>> 0, flips);
    bytes[i] ^= 1;
    if (v) basis.set(31 - Math.clz32(v), { v, flips });
  }
  const flips = new Set<number>();
  if (reduce((crc32(Buffer.from(target)) ^ start) >>> 0, flips) !== 0)
    throw new Error('no flips make that checksum');
  for (const i of flips) bytes[i] ^= 1;
  return bytes.toString('utf8');
}
