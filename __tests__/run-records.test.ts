/**
 * What `evalgate run` records: the cases it selected, and trial statuses by the rule compare
 * uses; and `evalgate merge` refuses a shard set that is not a whole (a shard missing, or one
 * given twice), naming the shard.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okCases, suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'src', 'bin.ts');
const system = readFileSync(join(root, '__tests__', 'fixtures', 'run', 'system.mjs'), 'utf8');
const ids = Array.from({ length: 30 }, (_, i) => `case-${String(i).padStart(2, '0')}`);

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const read = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

describe('shards', () => {
  const dir = suiteDir({
    'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 1
concurrency: 4
`,
    'cases.jsonl': okCases(ids),
    'system.mjs': system,
  });
  for (const i of [1, 2, 3]) {
    const r = evalgate(['run', '--shard', `${i}/3`, '--out', `s${i}.json`, '-q'], dir);
    if (r.code !== 0) throw new Error(r.stderr);
  }

  it('each shard records the cases it selected (count, sha256 of the sorted ids, the ids)', () => {
    const s1 = read(dir, 's1.json');
    const selected = s1.cases.map((c: { id: string }) => c.id).sort();
    expect(s1.meta.selected).toEqual({
      count: selected.length,
      hash: createHash('sha256').update(selected.join('\n')).digest('hex'),
      ids: selected,
    });
  });

  it('a whole set merges, and the merged file selected every case', () => {
    const r = evalgate(['merge', 's3.json', 's1.json', 's2.json', '--out', 'all.json'], dir);
    expect(r.code).toBe(0);
    const all = read(dir, 'all.json');
    expect(all.meta.selected.ids).toEqual(ids);
    expect(all.meta.shard).toBeUndefined();
  });

  it('a missing shard is refused, naming it', () => {
    const r = evalgate(['merge', 's1.json', 's3.json', '--out', 'x.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shard 2\/3 is missing/);
  });

  it('a shard given twice is refused, naming it and both files', () => {
    const r = evalgate(['merge', 's1.json', 's2.json', 's2.json', 's3.json', '-o', 'x.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s2\.json: shard 2\/3 is given twice \(also s2\.json\)/);
  });

  it('shards of different splits are refused', () => {
    const r1 = evalgate(['run', '--shard', '1/2', '--out', 'h1.json', '-q'], dir);
    expect(r1.code).toBe(0);
    const r = evalgate(['merge', 's1.json', 's2.json', 's3.json', 'h1.json', '-o', 'x.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/h1\.json: is shard 1\/2, but s1\.json is one of 3/);
  });
});

describe('trial status', () => {
  it('a failed check makes the trial fail even when another check errored', () => {
    const dir = suiteDir({
      'evalgate.yml': `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl]
failure_modes: {correct: critical}
trials: 1
`,
      'cases.jsonl': [
        { id: 'fails', value: 'absent', module: 'checks.mjs#crash' },
        { id: 'unknown', value: 'ok', module: 'checks.mjs#crash' },
      ]
        .map((c) =>
          JSON.stringify({
            id: c.id,
            input: {},
            checks: [
              { type: 'contains', value: c.value, mode: 'correct' },
              { type: 'script', module: c.module, mode: 'correct' },
            ],
          }),
        )
        .join('\n'),
      'checks.mjs': 'export function crash() { throw new Error("boom"); }\n',
      'system.mjs': system,
    });
    const r = evalgate(['run', '--out', 'r.json', '-q'], dir);
    expect(r.code).toBe(0);
    const byId = Object.fromEntries(
      read(dir, 'r.json').cases.map((c: { id: string; trials: { status: string }[] }) => [
        c.id,
        c.trials[0].status,
      ]),
    );
    expect(byId).toEqual({ fails: 'fail', unknown: 'error' });
  });
});
