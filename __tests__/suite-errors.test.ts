import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../src/suite/utf8.ts';
import { checkTypes } from '../src/checks/registry.ts';
import { MAX_PROBLEMS, loadSuite, parseConfig } from '../src/suite/index.ts';
import {
  BASE_CONFIG,
  TempSuites,
  caseLine,
  expectProblem,
  suiteErrorOf,
  suiteErrorOfSync,
} from './helpers/suite.ts';

/**
 * Malformed configs and datasets: every message must name the file, the line and the field, so
 * a user can jump straight to the mistake.
 */

const temp = new TempSuites();
afterAll(() => temp.cleanup());

const CFG = 'evalgate.yml';

/** A suite whose config is `config` and whose datasets are `files` (default one valid case). */
async function suite(
  config: string,
  files: Record<string, string> = { 'datasets/a.jsonl': caseLine('a') },
) {
  const dir = await temp.make({ [CFG]: config, ...files });
  return { dir, err: await suiteErrorOf(loadSuite(`${dir}/${CFG}`)) };
}

/** A suite with the base config and one dataset file. */
async function dataset(name: string, text: string) {
  const config = BASE_CONFIG.replace(
    'datasets/*.jsonl',
    `datasets/${name.split('.').pop() === 'jsonl' ? '*.jsonl' : name}`,
  );
  return suite(config, { [`datasets/${name}`]: text });
}

describe('config and dataset problems in one pass', () => {
  it('a bad config field and a bad dataset line are reported together', async () => {
    const { dir, err } = await suite(BASE_CONFIG + 'trials: three\n', {
      'datasets/a.jsonl': [caseLine('a'), '{"id": "b", "input": {}', caseLine('c')].join('\n'),
    });
    expectProblem(err, { dir, file: CFG, line: 8, field: 'trials' }, /./);
    expectProblem(err, { dir, file: 'datasets/a.jsonl', line: 2 }, /./);
    expect(err.problems).toHaveLength(2);
  });

  it('with broken failure_modes, dataset syntax errors still come, unknown modes do not', async () => {
    const config = BASE_CONFIG.replace('tone: {severity: minor}', 'tone: {severity: loud}');
    const { dir, err } = await suite(config, {
      'datasets/a.jsonl': [caseLine('a'), 'not json'].join('\n'),
    });
    expectProblem(err, { dir, file: CFG, line: 7, field: 'failure_modes.tone.severity' }, /./);
    expectProblem(err, { dir, file: 'datasets/a.jsonl', line: 2 }, /./);
    expect(err.problems).toHaveLength(2);
  });

  it('a datasets glob that matches nothing is reported next to a config error', async () => {
    const config = BASE_CONFIG.replace('datasets/*.jsonl', 'data/*.jsonl') + 'retries: -1\n';
    const { dir, err } = await suite(config);
    expectProblem(err, { dir, file: CFG, line: 8, field: 'retries' }, /./);
    expectProblem(err, { dir, file: CFG, line: 4, field: 'datasets[0]' }, /matches no file/);
  });

  it('when the datasets cannot be determined, only the config is reported', async () => {
    const { dir, err } = await suite(
      BASE_CONFIG.replace('datasets: datasets/*.jsonl', 'datasets: 3'),
      {
        'datasets/a.jsonl': 'not json',
      },
    );
    expectProblem(err, { dir, file: CFG, line: 4, field: 'datasets' }, /./);
    expect(err.problems).toHaveLength(1);
  });
});

describe('malformed configs', () => {
  it('YAML syntax error: line and column', async () => {
    const { dir, err } = await suite(
      `version: 1\ntarget:\n  command: "node agent.js\ndatasets: x\n`,
    );
    expect(err.problems[0].column).toBeGreaterThan(0);
    expect(err.message).toMatch(/YAML syntax error: Missing closing "quote/);
    expectProblem(err, { dir, file: CFG, line: 5 }, /YAML syntax error/);
  });

  it('duplicate key in YAML is a syntax error at its line', async () => {
    const { dir, err } = await suite(BASE_CONFIG + 'trials: 3\ntrials: 4\n');
    expectProblem(err, { dir, file: CFG, line: 9 }, /Map keys must be unique/);
  });

  it('trials: "three"', async () => {
    const { dir, err } = await suite(BASE_CONFIG + 'trials: three\n');
    expectProblem(
      err,
      { dir, file: CFG, line: 8, field: 'trials' },
      /expected a number, got "three"/,
    );
  });

  it('trials: 1.5 is not an integer', () => {
    const err = suiteErrorOfSync(() => parseConfig(BASE_CONFIG + 'trials: 1.5\n', CFG));
    expectProblem(err, { file: CFG, line: 8, field: 'trials' }, /expected an integer, got 1.5/);
  });

  it('concurrency: 0', async () => {
    const { dir, err } = await suite(BASE_CONFIG + 'concurrency: 0\n');
    expectProblem(
      err,
      { dir, file: CFG, line: 8, field: 'concurrency' },
      /must be at least 1, got 0/,
    );
  });

  it('timeout: "fast"', async () => {
    const { dir, err } = await suite(BASE_CONFIG + 'timeout: fast\n');
    expectProblem(
      err,
      { dir, file: CFG, line: 8, field: 'timeout' },
      /invalid duration "fast" \(write e\.g\. 60s/,
    );
  });

  it('missing target', async () => {
    const { dir, err } = await suite(
      BASE_CONFIG.replace('target:\n  command: node agent.js\n', ''),
    );
    expectProblem(err, { dir, file: CFG, line: 1, field: 'target' }, /^required$/);
  });

  it('two target kinds', async () => {
    const { dir, err } = await suite(
      BASE_CONFIG.replace(
        '  command: node agent.js\n',
        '  command: node agent.js\n  worker: node w.js\n',
      ),
    );
    expectProblem(
      err,
      { dir, file: CFG, line: 2, field: 'target' },
      /exactly one target kind, found command and worker/,
    );
  });

  it('a target kind misspelt', () => {
    const err = suiteErrorOfSync(() =>
      parseConfig(BASE_CONFIG.replace('  command:', '  comand:'), CFG),
    );
    expectProblem(
      err,
      { file: CFG, line: 3, field: 'target.comand' },
      /unknown key "comand" \(did you mean "command"\?\)/,
    );
  });

  it('target with no kind at all', () => {
    const err = suiteErrorOfSync(() =>
      parseConfig(BASE_CONFIG.replace('  command: node agent.js', '  cwd: app'), CFG),
    );
    expectProblem(
      err,
      { file: CFG, line: 2, field: 'target' },
      /needs one of command, worker, http, module/,
    );
  });

  it('http target: bad url and unknown key, deep in the node', () => {
    const config = BASE_CONFIG.replace(
      '  command: node agent.js\n',
      '  http:\n    url: localhost:8000\n    ready_timeout: soon\n    header: {}\n',
    );
    const err = suiteErrorOfSync(() => parseConfig(config, CFG));
    expectProblem(
      err,
      { file: CFG, line: 4, field: 'target.http.url' },
      /must be an http\(s\) URL/,
    );
    expectProblem(
      err,
      { file: CFG, line: 5, field: 'target.http.ready_timeout' },
      /invalid duration "soon"/,
    );
    expectProblem(
      err,
      { file: CFG, line: 6, field: 'target.http.header' },
      /did you mean "headers"/,
    );
  });

  it('module target with an empty export name', () => {
    const err = suiteErrorOfSync(() =>
      parseConfig(BASE_CONFIG.replace('command: node agent.js', 'module: "./agent.ts#"'), CFG),
    );
    expectProblem(err, { file: CFG, line: 3, field: 'target.module' }, /#exportName/);
  });

  it('unknown top-level key, with a suggestion', async () => {
    const { dir, err } = await suite(BASE_CONFIG + 'concurency: 4\n');
    expectProblem(
      err,
      { dir, file: CFG, line: 8, field: 'concurency' },
      /unknown key "concurency" \(did you mean "concurrency"\?\)/,
    );
  });

  it('unknown top-level key with nothing close lists the known keys', () => {
    const err = suiteErrorOfSync(() => parseConfig(BASE_CONFIG + 'banana: 4\n', CFG));
    expectProblem(
      err,
      { file: CFG, line: 8, field: 'banana' },
      /unknown key "banana" \(known: .*failure_modes.*\)/,
    );
  });

  it('invalid severity', async () => {
    const { dir, err } = await suite(
      BASE_CONFIG.replace('{severity: minor}', '{severity: blocker}'),
    );
    expectProblem(
      err,
      { dir, file: CFG, line: 7, field: 'failure_modes.tone.severity' },
      /must be one of critical, major, minor, info; got "blocker"/,
    );
  });

  it('invalid severity in the shorthand form, with a suggestion', () => {
    const err = suiteErrorOfSync(() =>
      parseConfig(BASE_CONFIG.replace('{severity: minor}', 'minr'), CFG),
    );
    expectProblem(
      err,
      { file: CFG, line: 7, field: 'failure_modes.tone' },
      /got "minr" \(did you mean "minor"\?\)/,
    );
  });

  it('version: 2', async () => {
    const { dir, err } = await suite(BASE_CONFIG.replace('version: 1', 'version: 2'));
    expectProblem(
      err,
      { dir, file: CFG, line: 1, field: 'version' },
      /unsupported version 2 \(this evalgate reads version: 1\)/,
    );
  });

  it('missing version', () => {
    const err = suiteErrorOfSync(() => parseConfig(BASE_CONFIG.replace('version: 1\n', ''), CFG));
    expectProblem(err, { file: CFG, line: 1, field: 'version' }, /required \(write version: 1\)/);
  });

  it('empty failure_modes', () => {
    const config = BASE_CONFIG.replace(/failure_modes:[\s\S]*$/, 'failure_modes: {}\n');
    const err = suiteErrorOfSync(() => parseConfig(config, CFG));
    expectProblem(err, { file: CFG, line: 5, field: 'failure_modes' }, /at least one failure mode/);
  });

  it('gate fields: a bad severity in block, alpha out of range, a typo', () => {
    const config = BASE_CONFIG + 'gate:\n  block: [critical, majr]\n  alpha: 2\n  min_dorp: 0.1\n';
    const err = suiteErrorOfSync(() => parseConfig(config, CFG));
    expectProblem(
      err,
      { file: CFG, line: 9, field: 'gate.block[1]' },
      /got "majr" \(did you mean "major"\?\)/,
    );
    expectProblem(err, { file: CFG, line: 10, field: 'gate.alpha' }, /must be less than 1, got 2/);
    expectProblem(err, { file: CFG, line: 11, field: 'gate.min_dorp' }, /did you mean "min_drop"/);
  });

  it('pull_request.sample of the wrong type; trace_url without {trace_id}', () => {
    const config = BASE_CONFIG + 'pull_request: {sample: true}\ntrace_url: https://example.com/t\n';
    const err = suiteErrorOfSync(() => parseConfig(config, CFG));
    expectProblem(
      err,
      { file: CFG, line: 8, field: 'pull_request.sample' },
      /expected a string or a number, got true/,
    );
    expectProblem(err, { file: CFG, line: 9, field: 'trace_url' }, /must contain \{trace_id\}/);
  });

  it('the config is a list, not a mapping', () => {
    const err = suiteErrorOfSync(() => parseConfig('- version: 1\n', CFG));
    expectProblem(err, { file: CFG, line: 1 }, /must be a mapping/);
  });

  it('missing config file names the path', async () => {
    const dir = await temp.make({});
    const err = await suiteErrorOf(loadSuite(`${dir}/nope.yml`));
    expect(err.message).toMatch(/nope\.yml: config file not found/);
    expect(err.file.endsWith('nope.yml')).toBe(true);
  });

  it('a datasets glob that matches no file: the line of that pattern', async () => {
    const config = BASE_CONFIG.replace(
      'datasets: datasets/*.jsonl',
      'datasets:\n  - datasets/*.jsonl\n  - golden/*.yaml',
    );
    const { dir, err } = await suite(config);
    expectProblem(
      err,
      { dir, file: CFG, line: 6, field: 'datasets[1]' },
      /"golden\/\*\.yaml" matches no file/,
    );
  });

  it('a glob matching a file that is not a dataset', async () => {
    const { dir, err } = await suite(BASE_CONFIG.replace('datasets/*.jsonl', 'datasets/*'), {
      'datasets/a.jsonl': caseLine('a'),
      'datasets/README.md': '# notes',
    });
    expectProblem(
      err,
      { dir, file: CFG, line: 4, field: 'datasets[0]' },
      /matches datasets\/README\.md, which is not a dataset/,
    );
  });

  it('empty suite', async () => {
    const { dir, err } = await suite(BASE_CONFIG, { 'datasets/a.jsonl': '\n\n  \n' });
    expectProblem(err, { dir, file: CFG, line: 4, field: 'datasets' }, /empty suite/);
  });
});

describe('files that are not UTF-8', () => {
  /** Latin-1 bytes (é = 0xE9) where UTF-8 was expected: once silently read as U+FFFD. */
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('a JSONL dataset: file, line and column of the first bad byte', async () => {
    const dir = await temp.make({ [CFG]: BASE_CONFIG });
    const text = `${caseLine('a')}\n${caseLine('b')}\n${caseLine('caf\u00e9', { input: { q: 'd\u00e9j\u00e0' } })}\n`;
    await mkdir(join(dir, 'datasets'));
    await writeFile(join(dir, 'datasets/a.jsonl'), latin1(text));
    const err = await suiteErrorOf(loadSuite(`${dir}/${CFG}`));
    expectProblem(err, { dir, file: 'datasets/a.jsonl', line: 3 }, /not UTF-8: byte 0xE9/);
    expect(err.problems[0].column).toBe(text.split('\n')[2].indexOf('\u00e9') + 1);
  });

  it('a YAML dataset, after valid multi-byte characters', async () => {
    const config = BASE_CONFIG.replace('datasets/*.jsonl', 'datasets/cases.yaml');
    const yaml =
      '- id: ok\n  input: {q: "€ ✓ 😀"}\n  checks: [{type: contains, value: x, mode: tone}]\n';
    const dir = await temp.make({ [CFG]: config });
    await mkdir(join(dir, 'datasets'));
    await writeFile(
      join(dir, 'datasets/cases.yaml'),
      Buffer.concat([Buffer.from(yaml), latin1('- id: na\u00efve\n')]),
    );
    const err = await suiteErrorOf(loadSuite(`${dir}/${CFG}`));
    expectProblem(err, { dir, file: 'datasets/cases.yaml', line: 4 }, /not UTF-8: byte 0xEF/);
  });

  it('the config file itself', async () => {
    const dir = await temp.make({ 'datasets/a.jsonl': caseLine('a') });
    await writeFile(join(dir, CFG), latin1(`${BASE_CONFIG}# caf\u00e9\n`));
    const err = await suiteErrorOf(loadSuite(`${dir}/${CFG}`));
    expectProblem(err, { dir, file: CFG, line: 8 }, /not UTF-8/);
  });

  it('finds the first byte of a bad sequence, whatever the kind', () => {
    const at = (...b: number[]) => firstInvalidUtf8(Uint8Array.from(b));
    expect(at(0x61, 0xc3, 0xa9, 0x62)).toBe(4); // valid é
    expect(at(0x61, 0x80)).toBe(1); // a lone continuation byte
    expect(at(0x61, 0xc3)).toBe(1); // cut short at the end
    expect(at(0xc0, 0xaf)).toBe(0); // overlong
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // a UTF-16 surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // above U+10FFFF
    expect(at(0xf0, 0x9f, 0x98, 0x80, 0xff)).toBe(4); // 😀 then 0xFF
  });
});

describe('malformed datasets', () => {
  it('bad JSON on line 37 of a 40-line file: line and column', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => caseLine(`case-${i + 1}`));
    lines[36] = '{"id": "case-37", "input": 1 "checks": []}';
    const { dir, err } = await dataset('big.jsonl', lines.join('\n') + '\n');
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0].column).toBe(30);
    expectProblem(
      err,
      { dir, file: 'datasets/big.jsonl', line: 37 },
      /invalid JSON: Expected ',' or '}'/,
    );
    expect(err.message).toContain('datasets/big.jsonl:37:30: invalid JSON');
  });

  it('duplicate ids name both lines, across files', async () => {
    const { dir, err } = await suite(BASE_CONFIG, {
      'datasets/a.jsonl': [caseLine('x'), caseLine('dup')].join('\n'),
      'datasets/b.jsonl': ['', caseLine('y'), caseLine('dup')].join('\n'),
    });
    const first = `${'datasets/a.jsonl'}:2`;
    expectProblem(
      err,
      { dir, file: 'datasets/b.jsonl', line: 3, field: 'id' },
      /duplicate case id "dup" \(first at .*datasets\/a\.jsonl:2\)/,
    );
    expect(err.message).toContain(first);
  });

  it('missing id', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      `${caseLine('a')}\n${JSON.stringify({ input: 1, checks: [{ type: 'contains', value: 'x', mode: 'tone' }] })}\n`,
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 2, field: 'id' },
      /required \(every case needs a stable id/,
    );
  });

  it('unknown failure mode, with a suggestion and the known modes', async () => {
    const line = caseLine('a', {
      checks: [
        { type: 'contains', value: 'x', mode: 'tone' },
        { type: 'contains', value: 'y', mode: 'tonee' },
      ],
    });
    const { dir, err } = await dataset('refunds.jsonl', `\n\n${line}\n`);
    expectProblem(
      err,
      { dir, file: 'datasets/refunds.jsonl', line: 3, field: 'checks[1].mode' },
      /^unknown failure mode "tonee" \(did you mean "tone"\? known: hallucinated_action, tone\)$/,
    );
  });

  it('unknown check type lists the known types', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      caseLine('a', { checks: [{ type: 'containz', value: 'x', mode: 'tone' }] }),
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'checks[0].type' },
      /unknown check type "containz" \(did you mean "contains"\? known: .*contains/,
    );
    for (const t of checkTypes()) expect(err.message).toContain(t);
  });

  it('trajectory and retrieval checks: a bad step, a bad schema, a missing threshold, at their line', async () => {
    const line = caseLine('a', {
      checks: [
        {
          type: 'tool_sequence',
          tools: ['lookup_order', { name: 'issue_refund', arg: {} }],
          match: 'in_order',
          mode: 'tone',
        },
        { type: 'tool_args', name: 'issue_refund', args_schema: { type: 'nope' }, mode: 'tone' },
        { type: 'retrieval_precision', relevant: ['kb/hours.md'], mode: 'tone' },
      ],
    });
    const { dir, err } = await dataset('a.jsonl', `${caseLine('ok')}\n${line}\n`);
    const at = (field: string) => ({ dir, file: 'datasets/a.jsonl', line: 2, field });
    expectProblem(err, at('checks[0].tools[1].arg'), /did you mean "args"/);
    expectProblem(err, at('checks[1].args_schema'), /^invalid JSON Schema/);
    expectProblem(err, at('checks[2].min'), /^required/);
  });

  it('pinned documents in context: each needs an id and a text, ids unique', async () => {
    const docs = (documents: unknown) => caseLine('a', { context: { documents } });
    const bad = await dataset('a.jsonl', docs([{ id: 'kb/hours.md', txt: '9-5' }]));
    expectProblem(
      bad.err,
      { dir: bad.dir, file: 'datasets/a.jsonl', line: 1, field: 'context.documents[0].text' },
      /^required/,
    );
    const twice = await dataset(
      'a.jsonl',
      docs([
        { id: 'kb/hours.md', text: '9-5' },
        { id: 'kb/hours.md', text: '24/7' },
      ]),
    );
    expectProblem(
      twice.err,
      { dir: twice.dir, file: 'datasets/a.jsonl', line: 1, field: 'context.documents[1].id' },
      /duplicate document id "kb\/hours.md"/,
    );
  });

  it('input missing', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      JSON.stringify({ id: 'a', checks: [{ type: 'contains', value: 'x', mode: 'tone' }] }),
    );
    expectProblem(err, { dir, file: 'datasets/a.jsonl', line: 1, field: 'input' }, /^required/);
  });

  it('checks empty', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      JSON.stringify({ id: 'a', input: 'hi', checks: [] }),
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'checks' },
      /at least one check/,
    );
  });

  it('a check field of the wrong type', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      caseLine('a', { checks: [{ type: 'contains', value: 5, mode: 'tone' }] }),
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'checks[0].value' },
      /expected a string, got 5/,
    );
  });

  it('a misspelt check field is not silently ignored', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      caseLine('a', { checks: [{ type: 'contains', value: 'x', ignore_cas: true, mode: 'tone' }] }),
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'checks[0].ignore_cas' },
      /did you mean "ignore_case"/,
    );
  });

  it('a check without mode', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      caseLine('a', { checks: [{ type: 'contains', value: 'x' }] }),
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'checks[0].mode' },
      /^required$/,
    );
  });

  it('tags of the wrong type; an unknown case key', async () => {
    const { dir, err } = await dataset('a.jsonl', caseLine('a', { tags: 'smoke', chekcs: [] }));
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'tags' },
      /expected a list, got "smoke"/,
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'chekcs' },
      /did you mean "checks"/,
    );
  });

  it('a JSONL line that is not an object', async () => {
    const { dir, err } = await dataset('a.jsonl', `${caseLine('a')}\n[1, 2]\n`);
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 2 },
      /expected a case \(a mapping with id, input, checks\), got a list/,
    );
  });

  it("YAML dataset: an error deep in a node names that node's line", async () => {
    const yaml = [
      '- id: y1', //                           1
      '  input: hello', //                     2
      '  checks:', //                          3
      '    - type: contains', //               4
      '      value: hi', //                    5
      '      mode: tone', //                   6
      '- id: y2', //                           7
      '  input:', //                           8
      '    messages: [{role: user}]', //       9
      '  checks:', //                         10
      '    - type: contains', //              11
      '      mode: tone', //                  12
      '    - type: contains', //              13
      '      value:', //                      14
      '        nested: true', //              15
      '      mode: tone', //                  16
    ].join('\n');
    const { dir, err } = await dataset('cases.yaml', yaml);
    expectProblem(
      err,
      { dir, file: 'datasets/cases.yaml', line: 11, field: 'checks[0].value' },
      /^required$/,
    );
    expectProblem(
      err,
      { dir, file: 'datasets/cases.yaml', line: 14, field: 'checks[1].value' },
      /expected a string, got a mapping/,
    );
  });

  it('YAML dataset syntax error', async () => {
    const { dir, err } = await dataset('cases.yaml', '- id: a\n  input: [1, 2\n- id: b\n');
    expect(err.problems[0].column).toBeGreaterThan(0);
    expectProblem(
      err,
      { dir, file: 'datasets/cases.yaml', line: err.problems[0].line! },
      /YAML syntax error/,
    );
    expect(err.problems[0].line).toBeGreaterThanOrEqual(2);
  });

  it('YAML dataset that is not a list', async () => {
    const { dir, err } = await dataset('cases.yaml', '# comment\nid: a\ninput: 1\n');
    expectProblem(
      err,
      { dir, file: 'datasets/cases.yaml', line: 2 },
      /expected a list of cases, got a mapping/,
    );
  });

  it('JSON dataset: syntax error line and column, and a field error at its line', async () => {
    const bad = await dataset('cases.json', '[\n  {"id": "a",\n   "input": 1,,\n  }\n]');
    expectProblem(bad.err, { dir: bad.dir, file: 'datasets/cases.json', line: 3 }, /invalid JSON/);
    expect(bad.err.problems[0].column).toBe(15);

    const json = JSON.stringify(
      [
        JSON.parse(caseLine('a')),
        { id: 'b', input: 2, checks: [{ type: 'contains', value: 'x', mode: 'nope' }] },
      ],
      null,
      2,
    );
    const { dir, err } = await dataset('cases.json', json);
    const line = json.split('\n').findIndex((l) => l.includes('"nope"')) + 1;
    expectProblem(
      err,
      { dir, file: 'datasets/cases.json', line, field: 'checks[0].mode' },
      /unknown failure mode "nope"/,
    );
  });

  it('collects problems across files, and caps the list', async () => {
    const bad = (i: number) =>
      JSON.stringify({
        id: `c${i}`,
        input: 1,
        checks: [{ type: 'contains', value: 1, mode: 'tone' }],
      });
    const { dir, err } = await suite(BASE_CONFIG, {
      'datasets/a.jsonl': 'not json\n',
      'datasets/b.jsonl': Array.from({ length: 30 }, (_, i) => bad(i)).join('\n'),
    });
    expect(err.problems).toHaveLength(MAX_PROBLEMS);
    expect(err.omitted).toBe(11);
    expect(err.message.split('\n')).toHaveLength(MAX_PROBLEMS + 1);
    expect(err.message).toMatch(/\.\.\. and 11 more problems$/);
    expectProblem(err, { dir, file: 'datasets/a.jsonl', line: 1 }, /invalid JSON/);
    expectProblem(
      err,
      { dir, file: 'datasets/b.jsonl', line: 19, field: 'checks[0].value' },
      /expected a string/,
    );
  });

  it.runIf(checkTypes().includes('regex'))('a misspelt regex type suggests regex', async () => {
    const { dir, err } = await dataset(
      'a.jsonl',
      caseLine('a', { checks: [{ type: 'regexx', mode: 'tone' }] }),
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.jsonl', line: 1, field: 'checks[0].type' },
      /did you mean "regex"\?/,
    );
  });

  it.runIf(checkTypes().includes('tool_called'))(
    'tool_called without its fields names a field of that check',
    async () => {
      const { dir, err } = await dataset(
        'a.jsonl',
        caseLine('a', { checks: [{ type: 'tool_called', mode: 'tone', nme: 'x' }] }),
      );
      const p = err.problems.find((x) => x.field?.startsWith('checks[0].'));
      expect(p?.line).toBe(1);
      expect(p?.file).toContain('datasets/a.jsonl');
      void dir;
    },
  );
});
