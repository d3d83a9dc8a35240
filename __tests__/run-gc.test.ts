/**
 * The heap a long run keeps (src/run/gc.ts): loading a large suite must not leave V8's young
 * generation at its 128 MB maximum (it did: a 100,000-case run peaked at 729 MiB, 128 MB of it
 * the young generation), and a user's own heap flag wins over ours.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { favourMemory } from '../src/run/gc.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');

/** Loads the suite in a child node, as `evalgate run` does; its young generation's size in MB. */
function youngAfterLoad(dir: string, tuned: boolean) {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { favourMemory } from ${JSON.stringify(join(root, 'src/run/gc.ts'))};
    import { loadSuite } from ${JSON.stringify(join(root, 'src/suite/index.ts'))};
    const percent = ${tuned} ? favourMemory() : undefined;
    const suite = await loadSuite(${JSON.stringify(join(dir, 'evalgate.yml'))});
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    console.log(JSON.stringify({ cases: suite.cases.length, young_mb: young / 2 ** 20, percent }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', EVALGATE_HEAP_GROWING_PERCENT: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { cases: number; young_mb: number; percent?: number };
}

function bigSuite(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        id: `case-${i}`,
        input: { messages: [{ role: 'user', content: `Where is order A${i}?` }] },
        context: { order_id: `A${i}` },
        checks: [
          { type: 'contains', value: 'ships', mode: 'answer' },
          { type: 'tool_called', name: 'lookup_order', args: { order_id: `A${i}` }, mode: 'tool' },
        ],
      }),
    );
  }
  return suiteDir({
    'evalgate.yml': `version: 1
target: {command: "echo ok"}
datasets: [cases.jsonl]
failure_modes: {answer: {severity: major}, tool: {severity: major}}
`,
    'cases.jsonl': lines.join('\n') + '\n',
  });
}

describe('the heap of a long run', () => {
  const dir = bigSuite(20_000);

  it('keeps the young generation at 16 MB while a large suite loads', () => {
    // Untuned, this load grows it past 16 MB: the tuned figure below is then the tuning's doing.
    expect(youngAfterLoad(dir, false).young_mb).toBeGreaterThan(16);
    const tuned = youngAfterLoad(dir, true);
    expect(tuned.cases).toBe(20_000);
    expect(tuned.percent).toBe(25);
    expect(tuned.young_mb).toBeLessThanOrEqual(16);
  }, 30_000);

  it("leaves V8's defaults when the user sets the flag or turns it off", () => {
    // Either way nothing is set: the answer says so before any flag changes.
    expect(favourMemory({ EVALGATE_HEAP_GROWING_PERCENT: '0' }, [])).toBeUndefined();
    expect(favourMemory({}, ['--heap-growing-percent=50'])).toBeUndefined();
    expect(favourMemory({}, ['--heap_growing_percent=50'])).toBeUndefined();
  });
});
