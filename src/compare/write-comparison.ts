/**
 * Writes a comparison file without building one string of it: at 100,000 cases the comparison
 * is 25 MB of JSON, and JSON.stringify held it (and its pieces) at once. The same JSON as
 * redactedJson(comparison), but with one case per line, so that a reader can also take it line
 * by line:
 *
 *   {"schema":"evalgate/comparison@1",…,"modes":[…],"cases":[
 *   {"id":"a",…},
 *   {"id":"b",…}
 *   ],"counts":{…},…}
 *
 * Each part goes through redactedJson as it would inside the whole (the replacer sees the same
 * keys and holders), so what is redacted is unchanged.
 */
import { createWriteStream } from 'node:fs';
import { redactedJson } from '../report/redact.ts';
import type { Comparison } from '../types.ts';

/** The comparison's keys before and after `cases`, as two objects (the order kept). */
function around(c: Comparison): [Record<string, unknown>, Record<string, unknown>] {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let part = before;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'cases') part = after;
    else part[k] = v;
  }
  return [before, after];
}

export async function writeComparisonStream(path: string, comparison: Comparison): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const write = (chunk: string) =>
    out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  try {
    const [before, after] = around(comparison);
    const opening = redactedJson(before).slice(0, -1);
    await write(`${opening}${opening.length > 1 ? ',' : ''}"cases":[\n`);
    const cases = comparison.cases;
    // Joined in batches: one write per case costs more than the JSON itself.
    let batch = '';
    for (let i = 0; i < cases.length; i++) {
      batch += (i ? ',\n' : '') + redactedJson(cases[i]);
      if (batch.length > 1 << 16) {
        await write(batch);
        batch = '';
      }
    }
    const closing = redactedJson(after);
    out.end(`${batch}\n]${closing.length > 2 ? `,${closing.slice(1)}` : '}'}\n`);
  } catch (err) {
    await new Promise<void>((closed) => out.destroy().once('close', () => closed()));
    throw err;
  }
  await done;
}
