/**
 * The example systems in docs/targets.md, run as written (extracted from the page), on case
 * text that breaks naive line readers and decoders.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTarget } from '../src/targets/index.ts';
import type { Target } from '../src/targets/target.ts';
import type { TargetConfig } from '../src/types.ts';
import { ctx, node, request, tempDir } from './helpers/targets.ts';

const DOC = readFileSync(join(import.meta.dirname, '..', 'docs', 'targets.md'), 'utf8');

/** The first fenced code block after the line that names `file`. */
function example(file: string): string {
  const at = DOC.indexOf(`(\`${file}\``);
  if (at < 0) throw new Error(`docs/targets.md has no example ${file}`);
  const m = /```\w*\n([\s\S]*?)```/.exec(DOC.slice(at));
  if (!m) throw new Error(`no code block after ${file}`);
  return m[1];
}

const HOSTILE = [
  'line\u2028separator and paragraph\u2029separator',
  'NEL\u0085 FS\u001c VT\u000b FF\u000c CR\r LF\n CRLF\r\n tab\t',
  'emoji 😀 and a lone surrogate \ud800 and BOM \ufeff',
  // Multi-byte characters across the 64 KB chunks of a pipe.
  `${'€'.repeat(30_000)}${'é'.repeat(30_000)}${'😀'.repeat(10_000)}`,
];

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let target: Target | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

async function answers(config: TargetConfig): Promise<string[]> {
  target = await createTarget(config, ctx({ rootDir: dir }));
  const t = target;
  const traces = await Promise.all(
    HOSTILE.map((text, i) =>
      t.run(request({ messages: [{ role: 'user', content: text }] }, {}, `c${i}`), {
        timeoutMs: 20_000,
      }),
    ),
  );
  return traces.map((tr) => tr.error?.message ?? tr.output);
}

const expected = HOSTILE.map((text) => `You asked: ${text}`);
const dir = tempDir();
writeFileSync(join(dir, 'worker.mjs'), example('worker.mjs'));
writeFileSync(join(dir, 'worker.py'), example('worker.py'));
writeFileSync(join(dir, 'eval_entry.mjs'), example('eval_entry.mjs'));
writeFileSync(join(dir, 'eval_entry.py'), example('eval_entry.py'));

describe('the example systems in docs/targets.md', () => {
  it('the Node worker answers any case text', async () => {
    expect(await answers({ kind: 'worker', command: node('worker.mjs'), workers: 1 })).toEqual(
      expected,
    );
  });

  it('the Node command answers any case text', async () => {
    expect(await answers({ kind: 'command', command: node('eval_entry.mjs') })).toEqual(expected);
  });

  it.skipIf(!hasPython)(
    'the Python worker answers any case text, whatever the locale',
    async () => {
      expect(
        await answers({
          kind: 'worker',
          command: 'python3 worker.py',
          workers: 1,
          env: { PYTHONIOENCODING: 'ascii', LC_ALL: 'C' },
        }),
      ).toEqual(expected);
    },
  );

  it.skipIf(!hasPython)(
    'the Python command answers any case text, whatever the locale',
    async () => {
      expect(
        await answers({
          kind: 'command',
          command: 'python3 eval_entry.py',
          env: { PYTHONIOENCODING: 'ascii', LC_ALL: 'C' },
        }),
      ).toEqual(expected);
    },
  );
});
