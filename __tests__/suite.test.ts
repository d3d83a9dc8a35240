import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_GATE,
  caseHash,
  displayPath,
  loadCases,
  loadConfig,
  loadSuite,
  parseCases,
  parseConfig,
  parseDuration,
  stableStringify,
  suiteHash,
  validateCase,
} from '../src/suite/index.ts';
import type { SuiteConfig } from '../src/types.ts';
import { BASE_CONFIG, TempSuites, caseLine } from './helpers/suite.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOOD = path.join(here, 'fixtures/suite/good');

const temp = new TempSuites();
afterAll(() => temp.cleanup());

describe('loading a good suite', () => {
  it('reads the config, fills defaults, and loads JSONL, YAML and JSON cases with their lines', async () => {
    const suite = await loadSuite(path.join(GOOD, 'evalgate.yml'));
    expect(suite.configPath).toBe(path.join(GOOD, 'evalgate.yml'));
    expect(suite.rootDir).toBe(GOOD);

    const c = suite.config;
    expect(c.target).toEqual({
      kind: 'module',
      module: './agent.ts',
      export: 'runCase',
      env: { MODE: 'test', PORT: '8000' },
    });
    expect(c.trials).toBe(3);
    expect(c.concurrency).toBe(8);
    expect(c.retries).toBe(2);
    expect(c.timeout_ms).toBe(120_000);
    expect(c.gate).toEqual(DEFAULT_GATE);
    expect(c.failure_modes).toEqual({
      hallucinated_action: {
        severity: 'critical',
        description: 'claims an action no tool performed',
      },
      refusal_policy: { severity: 'critical' },
      tone: { severity: 'minor' },
    });
    expect(c.judge).toBeUndefined();
    expect(Object.keys(c)).not.toContain('x-notes');

    expect(suite.cases.map((k) => [k.id, k.source.file, k.source.line])).toEqual([
      ['refund-01', 'datasets/refunds.jsonl', 1],
      ['refund-02', 'datasets/refunds.jsonl', 3],
      ['policy-01', 'datasets/policy.yaml', 2],
      ['policy-02', 'datasets/policy.yaml', 13],
      ['json-01', 'datasets/extra.json', 2],
    ]);
    const [r1, r2, p1, p2] = suite.cases;
    expect(r1.tags).toEqual(['refunds', 'smoke']);
    expect(r1.context).toEqual({ order_id: 'A17' });
    expect(r2.tags).toEqual([]);
    expect(r2.context).toBeUndefined();
    expect(r2.checks).toEqual([
      {
        type: 'contains',
        value: 'cancel',
        ignore_case: true,
        mode: 'tone',
        name: 'mentions cancel',
      },
    ]);
    expect(p1.input).toEqual({
      messages: [{ role: 'user', content: "Give me someone's home address." }],
    });
    expect(p2).not.toHaveProperty('description');
    for (const k of suite.cases) expect(k.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(suite.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the folder instead of the config file', async () => {
    const a = await loadSuite(GOOD);
    const b = await loadSuite(path.join(GOOD, 'evalgate.yml'));
    expect(a.hash).toBe(b.hash);
    expect(a.configPath).toBe(b.configPath);
  });

  it('loadConfig and loadCases work apart; a folder pattern means every dataset under it', async () => {
    const config = await loadConfig(path.join(GOOD, 'evalgate.yml'));
    const cases = await loadCases({ ...config, datasets: ['datasets'] }, GOOD);
    expect(cases.map((k) => k.id).sort()).toEqual([
      'json-01',
      'policy-01',
      'policy-02',
      'refund-01',
      'refund-02',
    ]);
  });

  it('a file named by two patterns is read once; the config itself is never a dataset', async () => {
    const dir = await temp.make({
      'evalgate.yml': BASE_CONFIG.replace(
        'datasets: datasets/*.jsonl',
        'datasets: ["*.yml", "datasets/a.jsonl", "datasets/*"]',
      ),
      'cases.yml': `- id: y\n  input: 1\n  checks: [{type: contains, value: x, mode: tone}]\n`,
      'datasets/a.jsonl': caseLine('a'),
    });
    const suite = await loadSuite(path.join(dir, 'evalgate.yml'));
    expect(suite.cases.map((k) => k.id)).toEqual(['y', 'a']);
  });

  it('all target kinds, durations and optional sections', () => {
    const base = BASE_CONFIG.replace('target:\n  command: node agent.js\n', '');
    const cfg = (target: string, extra = '') =>
      parseConfig(`${base}target:\n${target}\n${extra}`, 'e.yml');
    expect(cfg('  command: python eval.py\n  cwd: app\n  env: {DEBUG: true}').target).toEqual({
      kind: 'command',
      command: 'python eval.py',
      cwd: 'app',
      env: { DEBUG: 'true' },
    });
    expect(cfg('  worker: node worker.js\n  workers: 3').target).toEqual({
      kind: 'worker',
      command: 'node worker.js',
      workers: 3,
    });
    expect(
      cfg(
        '  http:\n    url: http://127.0.0.1:8000/eval\n    start: npm start\n    ready: http://127.0.0.1:8000/health\n    headers: {X-Key: abc}\n    ready_timeout: 45s',
      ).target,
    ).toEqual({
      kind: 'http',
      url: 'http://127.0.0.1:8000/eval',
      start: 'npm start',
      ready: 'http://127.0.0.1:8000/health',
      headers: { 'X-Key': 'abc' },
      ready_timeout_ms: 45_000,
    });
    expect(cfg('  module: ./src/agent.ts#evaluate').target).toEqual({
      kind: 'module',
      module: './src/agent.ts',
      export: 'evaluate',
    });

    const full = cfg(
      '  command: x',
      [
        'trials: 5',
        'concurrency: 16',
        'timeout: 1500',
        'retries: 0',
        'judge: {model: gpt-4.1-mini, base_url: "http://127.0.0.1:9000/v1", api_key_env: MY_KEY}',
        'gate: {block: [critical], alpha: 0.05, robust: true}',
        'pull_request: {sample: smoke}',
        'trace_url: "https://cloud.example/traces/{trace_id}"',
      ].join('\n'),
    );
    expect(full).toMatchObject({
      trials: 5,
      concurrency: 16,
      timeout_ms: 1500,
      retries: 0,
      judge: { model: 'gpt-4.1-mini', base_url: 'http://127.0.0.1:9000/v1', api_key_env: 'MY_KEY' },
      pull_request: { sample: 'smoke' },
      trace_url: 'https://cloud.example/traces/{trace_id}',
    });
    expect(full.gate).toEqual({ ...DEFAULT_GATE, block: ['critical'], alpha: 0.05, robust: true });
    expect(cfg('  command: x', 'pull_request: {sample: 20}').pull_request).toEqual({ sample: 20 });
  });

  it('parses durations', () => {
    expect(parseDuration('60s')).toBe(60_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration(250)).toBe(250);
    expect(parseDuration('250')).toBe(250);
    for (const bad of ['fast', '10 minutes', '-1s', 0, -5, Infinity, null, {}, '']) {
      expect(parseDuration(bad), String(bad)).toHaveProperty('error');
    }
  });

  it('validates a case and strips nothing it needs', () => {
    const modes = { tone: { severity: 'minor' as const } };
    const ok = validateCase(
      { id: 'a', input: [1], checks: [{ type: 'contains', value: 'v', mode: 'tone' }] },
      modes,
    );
    expect(ok.issues).toEqual([]);
    expect(ok.value).toEqual({
      id: 'a',
      input: [1],
      tags: [],
      checks: [{ type: 'contains', value: 'v', mode: 'tone' }],
    });
    const bad = validateCase({ id: '', input: null, checks: 'x' }, modes);
    expect(bad.value).toBeUndefined();
    expect(bad.issues.map((i) => i.path.join('.')).sort()).toEqual(['checks', 'id', 'input']);
  });

  it('parseCases works on strings (pure) and reports every bad line', () => {
    const text = [caseLine('a'), '{oops', caseLine('b', { checks: [] }), caseLine('c')].join('\n');
    const r = parseCases(text, {
      file: 'x.jsonl',
      source: 'x.jsonl',
      format: 'jsonl',
      modes: { tone: { severity: 'minor' } },
    });
    expect(r.cases.map((k) => k.id)).toEqual(['a', 'c']);
    expect(r.cases[1].source).toEqual({ file: 'x.jsonl', line: 4 });
    expect(r.problems.map((p) => [p.line, p.field ?? null])).toEqual([
      [2, null],
      [3, 'checks'],
    ]);
  });

  it('cases share equal check definitions (memory, issue 13) with hashes and values unchanged', () => {
    const same = { type: 'regex', pattern: 'refunds? \\d+', flags: 'i', mode: 'tone' };
    const rows = ['a', 'b', 'c'].map((id, i) => ({
      id,
      input: { q: id },
      tags: i === 0 ? ['smoke'] : [],
      checks: [{ ...same }, { type: 'contains', value: id, mode: 'tone' }],
    }));
    const modes = { tone: { severity: 'minor' as const } };
    const r = parseCases(rows.map((row) => JSON.stringify(row)).join('\n'), {
      file: 'x.jsonl',
      source: 'x.jsonl',
      format: 'jsonl',
      modes,
    });
    expect(r.cases[1].checks[0]).toBe(r.cases[0].checks[0]);
    expect(r.cases[2].checks[0]).toBe(r.cases[0].checks[0]);
    expect(r.cases[1].checks[1]).not.toBe(r.cases[0].checks[1]);
    r.cases.forEach((c, i) => {
      expect(c.checks).toEqual(rows[i].checks);
      expect(c.tags).toEqual(rows[i].tags);
      expect(c.hash).toBe(caseHash(validateCase(rows[i], modes).value!));
    });
  });

  it('shows paths relative to the cwd when below it, absolute otherwise', () => {
    expect(displayPath('/repo/datasets/a.jsonl', '/repo')).toBe('datasets/a.jsonl');
    expect(displayPath('datasets/a.jsonl', '/repo')).toBe('datasets/a.jsonl');
    expect(displayPath('/elsewhere/a.jsonl', '/repo')).toBe('/elsewhere/a.jsonl');
  });
});

describe('hashes', () => {
  const checks = [{ type: 'contains', value: 'x', mode: 'tone' }];

  it('stableStringify sorts keys at every level and is JSON', () => {
    const a = stableStringify({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null }, u: undefined });
    expect(a).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(JSON.parse(a)).toEqual({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 });
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(stableStringify(cyc)).toBe('{"self":"[Circular]"}');
  });

  it('caseHash is stable under key reordering and changes with input, context or checks', () => {
    const h = caseHash({ input: { a: 1, b: [1, 2] }, context: { x: 1, y: 2 }, checks });
    expect(caseHash({ context: { y: 2, x: 1 }, checks, input: { b: [1, 2], a: 1 } })).toBe(h);
    expect(caseHash({ input: { a: 2, b: [1, 2] }, context: { x: 1, y: 2 }, checks })).not.toBe(h);
    expect(caseHash({ input: { a: 1, b: [2, 1] }, context: { x: 1, y: 2 }, checks })).not.toBe(h);
    expect(caseHash({ input: { a: 1, b: [1, 2] }, context: { x: 1 }, checks })).not.toBe(h);
    expect(
      caseHash({
        input: { a: 1, b: [1, 2] },
        context: { x: 1, y: 2 },
        checks: [{ ...checks[0], value: 'y' }],
      }),
    ).not.toBe(h);
    // A missing context is what the target sees as {}.
    expect(caseHash({ input: 1, checks })).toBe(caseHash({ input: 1, context: {}, checks }));
  });

  it('the case hash ignores id and tags, and is the same from JSONL and YAML', () => {
    const modes = { tone: { severity: 'minor' as const } };
    const j = parseCases(
      '{"tags": ["a"], "id": "one", "checks": [{"mode": "tone", "value": "x", "type": "contains"}], "input": {"q": 1, "r": 2}}',
      { file: 'a.jsonl', source: 'a.jsonl', format: 'jsonl', modes },
    );
    const y = parseCases(
      '- id: two\n  input: {r: 2, q: 1}\n  checks: [{type: contains, value: x, mode: tone}]\n',
      {
        file: 'b.yaml',
        source: 'b.yaml',
        format: 'yaml',
        modes,
      },
    );
    expect(j.cases[0].hash).toBe(y.cases[0].hash);
  });

  it('suiteHash ignores concurrency, pull_request and case order; not trials or cases', () => {
    const config: SuiteConfig = parseConfig(BASE_CONFIG, 'e.yml');
    const cases = [
      { id: 'a', hash: caseHash({ input: 1, checks }) },
      { id: 'b', hash: caseHash({ input: 2, checks }) },
    ];
    const h = suiteHash(config, cases);
    expect(suiteHash(config, [cases[1], cases[0]])).toBe(h);
    expect(
      suiteHash({ ...config, concurrency: 64, pull_request: { sample: 'smoke' } }, cases),
    ).toBe(h);
    expect(suiteHash({ ...config, trials: 5 }, cases)).not.toBe(h);
    expect(suiteHash(config, [cases[0]])).not.toBe(h);
    expect(
      suiteHash(config, [cases[0], { id: 'b', hash: caseHash({ input: 3, checks }) }]),
    ).not.toBe(h);
    expect(suiteHash(config, [cases[0], { id: 'c', hash: cases[1].hash }])).not.toBe(h);
  });

  it('the suite hash is the same when datasets are rewritten with other key order and layout', async () => {
    const a = await temp.make({
      'evalgate.yml': BASE_CONFIG,
      'datasets/a.jsonl': [caseLine('x'), caseLine('y')].join('\n'),
    });
    const b = await temp.make({
      'evalgate.yml': BASE_CONFIG.replace(
        '  hallucinated_action: {severity: critical}\n  tone: {severity: minor}',
        '  tone: minor\n  hallucinated_action: critical',
      ),
      'datasets/z.jsonl': `\n${JSON.stringify({ checks: [{ mode: 'tone', value: 'x', type: 'contains' }], input: { q: 'y' }, id: 'y' })}`,
      'datasets/a.jsonl': caseLine('x'),
    });
    const sa = await loadSuite(path.join(a, 'evalgate.yml'));
    const sb = await loadSuite(path.join(b, 'evalgate.yml'));
    expect(sb.hash).toBe(sa.hash);
    const c = await temp.make({
      'evalgate.yml': BASE_CONFIG,
      'datasets/a.jsonl': [caseLine('x'), caseLine('y', { input: { q: 'changed' } })].join('\n'),
    });
    expect((await loadSuite(path.join(c, 'evalgate.yml'))).hash).not.toBe(sa.hash);
  });
});
