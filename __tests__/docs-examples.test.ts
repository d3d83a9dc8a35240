import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSuite } from '../src/suite/index.ts';
import { suiteDir } from './helpers/suite-dir.ts';
import { validateCheck } from '../src/suite/cases.ts';

const root = join(import.meta.dirname, '..');
const read = (f: string) => readFileSync(join(root, f), 'utf8');

/** The fenced blocks of a Markdown file with the given info string. */
function fenced(markdown: string, lang: string): string[] {
  const re = new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm');
  return [...markdown.matchAll(re)].map((m) => m[1]);
}

/** The JSON values written one after another in `text` (one per line, or pretty-printed). */
function jsonValues(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth++ === 0) start = i;
    } else if (ch === '}' || ch === ']') {
      if (--depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return out;
}

describe('the examples in the docs load as they are shown', () => {
  it("the README's case loads with the README's config, as one JSONL line", async () => {
    const readme = read('README.md');
    const config = fenced(readme, 'yaml').find((b) => b.startsWith('version: 1\n'))!;
    const golden = fenced(readme, 'json').find((b) => b.includes('"checks"'))!;
    const dir = suiteDir({
      'evalgate.yml': config,
      'evals/cases.jsonl': JSON.stringify(JSON.parse(golden)) + '\n',
    });
    const suite = await loadSuite(join(dir, 'evalgate.yml'));
    expect(suite.cases.map((c) => c.id)).toEqual(['refund-hallucination-01']);
  });

  it('docs/config.md: the JSONL line and the YAML list are the same case', async () => {
    const doc = read('docs/config.md');
    const section = doc.slice(doc.indexOf('## A golden case'));
    const [jsonl] = fenced(section, 'jsonl');
    const [yaml] = fenced(section, 'yaml');
    expect(jsonl.trim().split('\n')).toHaveLength(1);
    const config = `version: 1
target: { command: "true" }
datasets: [cases.*]
failure_modes: { hallucinated_action: critical, wrong_tool: major }
`;
    const fromJsonl = await loadSuite(
      join(suiteDir({ 'evalgate.yml': config, 'cases.jsonl': jsonl }), 'evalgate.yml'),
    );
    const fromYaml = await loadSuite(
      join(suiteDir({ 'evalgate.yml': config, 'cases.yaml': yaml }), 'evalgate.yml'),
    );
    expect(fromJsonl.cases).toHaveLength(1);
    expect(fromJsonl.cases[0].hash).toBe(fromYaml.cases[0].hash);
  });

  it('docs/config.md: the pinned-documents case loads, its documents reach the target as written', async () => {
    const doc = read('docs/config.md');
    const section = doc.slice(doc.indexOf('### Pinned documents'));
    const [yaml] = fenced(section, 'yaml');
    const config = `version: 1
target: { command: "true" }
datasets: [cases.yaml]
failure_modes: { stale_answer: critical, retrieval: major }
`;
    const suite = await loadSuite(
      join(suiteDir({ 'evalgate.yml': config, 'cases.yaml': yaml }), 'evalgate.yml'),
    );
    expect(suite.cases[0].context?.documents).toEqual([
      { id: 'kb/hours.md', text: 'Support hours are 9-5, Monday to Friday.' },
      { id: 'kb/returns.md', text: 'Returns are accepted within 30 days of delivery.' },
    ]);
    expect(suite.cases[0].checks.map((c) => c.type)).toEqual([
      'grounded',
      'context_used',
      'retrieval_recall',
    ]);
  });

  it('docs/checks.md: every JSON check example is a valid spec of its type', () => {
    const blocks = fenced(read('docs/checks.md'), 'json');
    const specs: unknown[] = [];
    for (const block of blocks) specs.push(...jsonValues(block));
    const checks = specs.filter((s) => typeof (s as { type?: unknown }).type === 'string');
    expect(checks.length).toBeGreaterThan(20);
    for (const spec of checks) {
      const { issues } = validateCheck(spec, 0, undefined);
      expect(issues, JSON.stringify(spec)).toEqual([]);
    }
  });

  it('docs/github.md: the workflow_run job installs evalgate before it publishes, and the check it requires exists', () => {
    const doc = read('docs/github.md');
    const block = fenced(doc, 'yaml').find((b) => b.includes('workflow_run:'))!;
    const steps: { uses?: string; run?: string; with?: Record<string, string> }[] =
      parse(block).jobs.publish.steps;
    const at = (pred: (s: (typeof steps)[number]) => boolean) => steps.findIndex(pred);
    const checkout = at((s) => !!s.uses?.startsWith('actions/checkout@'));
    const install = at((s) => /\bnpm (ci|install)\b/.test(s.run ?? ''));
    const download = at((s) => !!s.uses?.startsWith('actions/download-artifact@'));
    const publish = at((s) => /evalgate publish/.test(s.run ?? ''));
    expect(checkout).toBeGreaterThanOrEqual(0);
    expect(install).toBeGreaterThan(checkout);
    expect(publish).toBeGreaterThan(install);
    // A checkout after the download would wipe it; an artifact inside the checkout could
    // replace its files.
    expect(download).toBeGreaterThan(checkout);
    expect(steps[download].with?.path).toContain('runner.temp');
    // Step 3 of "Requiring the check" requires the check this job creates.
    expect(steps[publish].run).toMatch(/--check-name evalgate/);
  });

  it("docs/github.md states check-name's default as action.yml has it", () => {
    const input = parse(read('action.yml')).inputs['check-name'];
    const doc = read('docs/github.md').replace(/\s+/g, ' ');
    if (input.default === undefined) {
      expect(doc).toContain('`check-name` has no default');
      expect(doc).not.toMatch(/`check-name`, default/);
    } else expect(doc).toContain(`\`check-name\`, default \`${input.default}\``);
  });
});
