/**
 * Terminal escape sequences in configs, datasets, model outputs and a target's stderr reach the
 * terminal shown (`\x1b`, `\r`, `\u202e`), never raw: the CLI is spawned as users run it, from
 * src/bin.ts and from the bundle (dist/cli/index.js), and its stdout and stderr bytes are read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const ENTRIES = [
  { name: 'src/bin.ts', path: join(root, 'src', 'bin.ts') },
  { name: 'dist/cli/index.js', path: join(root, 'dist', 'cli', 'index.js') },
].filter((e) => existsSync(e.path));

/** Each a different way to drive a terminal: clear, retitle, hyperlink, overwrite, C1, bidi. */
const ESCAPES = [
  '\x1b[2J\x1b[H',
  '\x1b]0;owned\x07',
  '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\',
  'safe\roverwritten',
  '\u009b31mred',
  'abc\u202edcba',
  '\x00\x08\x7f',
].join(' ');

// Raw control characters a terminal acts on (tab and newline are ours), and bidi overrides.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const SYSTEM = `
import { existsSync } from 'node:fs';
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const c = JSON.parse(input);
  process.stderr.write(${JSON.stringify(`stderr ${ESCAPES}\n`)});
  const fail = existsSync('head.flag') && c.id.startsWith('bad');
  process.stdout.write(JSON.stringify({ output: (fail ? 'nope ' : 'ok ') + ${JSON.stringify(ESCAPES)} }));
});
`;

function hostileSuite(): string {
  const modes = `failure_modes:\n  correct: critical\n  ${JSON.stringify(`style ${ESCAPES}`)}: minor\n`;
  const cases = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({
      id: `${i < 6 ? 'bad' : 'good'}-${i} ${ESCAPES}`,
      input: `q ${ESCAPES}`,
      tags: [`tag ${ESCAPES}`],
      checks: [
        { type: 'contains', value: 'ok', mode: 'correct' },
        { type: 'not_contains', value: 'nope', mode: `style ${ESCAPES}` },
      ],
    }),
  ).join('\n');
  return suiteDir({
    'evalgate.yml': `version: 1\ntarget: {command: "node system.mjs"}\ndatasets: [cases.jsonl]\n${modes}trials: 2\nconcurrency: 4\n`,
    'cases.jsonl': cases + '\n',
    'system.mjs': SYSTEM,
  });
}

function run(entry: string, args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [entry, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function expectShownNotObeyed(out: string) {
  expect(out).not.toMatch(RAW);
}

describe.each(ENTRIES)('the CLI on a terminal ($name)', ({ path: entry }) => {
  it('validate, run, compare and report show control characters escaped', () => {
    const dir = hostileSuite();
    const outputs: string[] = [];
    const step = (args: string[], code?: number) => {
      const r = run(entry, args, dir);
      if (code !== undefined) expect(r.code, r.out).toBe(code);
      outputs.push(r.out);
      return r.out;
    };
    const validated = step(['validate'], 0);
    // The mode name is printed, with its escapes visible.
    expect(validated).toContain('style \\x1b[2J\\x1b[H');
    step(['run', '--out', 'base.json', '--label', `base ${ESCAPES.replace(/\0/g, '')}`], 0);
    writeFileSync(join(dir, 'head.flag'), '');
    step(['run', '--out', 'head.json'], 0);
    const text = step(['compare', 'base.json', 'head.json', '--out', 'comparison.json']);
    expect(text).toContain('bad-0 \\x1b[2J');
    expect(text).toContain('\\u202e');
    step(['compare', 'base.json', 'head.json', '--json']);
    for (const format of ['text', 'markdown', 'summary', 'html'])
      step(['report', 'comparison.json', '--format', format], 0);
    for (const out of outputs) expectShownNotObeyed(out);
  }, 60_000);

  it('a dataset error quoting hostile text is one escaped message', () => {
    const dir = suiteDir({
      'evalgate.yml': `version: 1\ntarget: {command: "node x.mjs"}\ndatasets: [cases.jsonl]\nfailure_modes: {correct: critical}\n`,
      'cases.jsonl': [
        JSON.stringify({
          id: `a ${ESCAPES}`,
          input: 'q',
          checks: [{ type: 'contains', value: 'ok', mode: `nope ${ESCAPES}` }],
        }),
        // A syntax error: the parser's message may quote the line.
        `{"id": "b", "input": "\u009b31m \u202e", oops ${'\x1b[2J'}`,
      ].join('\n'),
    });
    const r = run(entry, ['validate'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/cases\.jsonl:1/);
    expectShownNotObeyed(r.out);
  });
});
