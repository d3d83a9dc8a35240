/**
 * The viewer written from results files read line by line (issue 13): the same file as from the
 * results in memory, whatever order each side's cases are in; an unreadable side left out with
 * a message; `report --format html` within a heap smaller than its results; the file's size per
 * case bounded with outputs as varied as a model's; and in Chromium, a search finding a case by
 * text that only a compressed output block far down the file holds, and a #case= link into a
 * late block.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.ts';
import { fileSide, renderViewer, writeViewer, writeViewerStream } from '../src/report/viewer.ts';
import { sortedCases } from '../src/report/viewer-data.ts';
import { writeJson } from '../src/run/results-io.ts';
import type { Results } from '../src/types.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';
import { makeResults, rng } from './helpers/compare-results.ts';

const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');

/**
 * n cases x 3 trials per side, every trial's output its own 25-45 words drawn at random (about
 * as hard to compress as a model's prose); ~5% new failures. Head lists its cases in reverse.
 */
function proseSuite(n: number, seed = 5) {
  const r = rng(seed);
  const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919) % 100003}${'aeiou'[i % 5]}`);
  const prose = () =>
    Array.from({ length: 25 + Math.floor(r() * 20) }, () => words[Math.floor(r() * 3000)]).join(
      ' ',
    );
  const side = (label: string) => {
    const res = makeResults(
      Array.from({ length: n }, (_, i) => {
        const t = { correct: i % 20 === 0 && label === 'head' ? 'fail' : 'pass' } as const;
        return { id: `case-${String(i).padStart(6, '0')}`, trials: [t, t, t] };
      }),
      { label, modes: { correct: { severity: 'critical' } } },
    );
    for (const c of res.cases)
      for (const t of c.trials) t.trace = { ...t.trace, output: `${c.id} says ${prose()}` };
    return res;
  };
  const base = side('base');
  const head = side('head');
  head.cases.reverse();
  return { base, head, comparison: compare(base, head) };
}

/** Every data block of a viewer file: its id and decoded JSON text. */
function blocks(html: string) {
  return [...html.matchAll(/<script type="([^"]+)" id="([^"]+)">([^<]*)<\/script>/g)].map(
    ([, type, id, text]) => ({
      id,
      json: type === 'application/gzip' ? gunzipSync(Buffer.from(text, 'base64')).toString() : text,
    }),
  );
}

describe('the viewer from results files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-viewer-stream-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the viewer of the same results in memory, the sides in different orders', async () => {
    for (const n of [40, 1500]) {
      const s = proseSuite(n);
      await writeJson(join(dir, 'base.json'), s.base);
      await writeJson(join(dir, 'head.json'), s.head);
      const out = join(dir, `from-files-${n}.html`);
      const bytes = await writeViewerStream(out, s.comparison, {
        base: fileSide(join(dir, 'base.json')),
        head: fileSide(join(dir, 'head.json')),
      });
      const html = readFileSync(out, 'utf8');
      expect(Buffer.byteLength(html)).toBe(bytes);
      expect(html).toBe(renderViewer(s.comparison, s.base, s.head));
      // Each case's index entry says where its traces are on each side: the head's reversed.
      const index = blocks(html)
        .filter((b) => b.id.startsWith('evalgate-i'))
        .flatMap(
          (b) => JSON.parse(b.json) as { id: string; b: { at: number }; h: { at: number } }[],
        );
      const last = index.find((e) => e.id === s.base.cases[n - 1].id)!;
      expect([last.b.at, last.h.at]).toEqual([n - 1, 0]);
    }
  });

  it('leaves out a side it cannot read, and says why', async () => {
    const s = proseSuite(30);
    await writeJson(join(dir, 'base.json'), s.base);
    const told: string[] = [];
    const out = join(dir, 'half.html');
    await writeViewerStream(
      out,
      s.comparison,
      { base: fileSide(join(dir, 'base.json')), head: fileSide(join(dir, 'nowhere.json')) },
      { onUnreadable: (side, err) => told.push(`${side}: ${err.message}`) },
    );
    expect(told).toEqual([expect.stringMatching(/^head: .*nowhere\.json: no such file/)]);
    const ids = blocks(readFileSync(out, 'utf8')).map((b) => b.id);
    expect(ids).toContain('evalgate-bt0');
    expect(ids.some((id) => id.startsWith('evalgate-h'))).toBe(false);
    // Without onUnreadable, the error is thrown.
    await expect(
      writeViewerStream(join(dir, 'x.html'), s.comparison, {
        head: fileSide(join(dir, 'nowhere.json')),
      }),
    ).rejects.toThrow(/no such file/);
  });

  it(
    'report --format html fits a heap smaller than either results file',
    { timeout: 240_000 },
    async () => {
      // 300 cases x 3 trials of 100 KB outputs: 90 MB per side; the old report read both whole.
      const big = (label: string) => {
        const r = makeResults(
          Array.from({ length: 300 }, (_, i) => {
            const t = { correct: 'pass' } as const;
            return { id: `case-${i}`, trials: [t, t, t] };
          }),
          { label, modes: { correct: { severity: 'critical' } } },
        );
        for (const c of r.cases)
          for (const t of c.trials)
            t.trace = { ...t.trace, output: `${label} ${c.id} ${t.trial} ${'x'.repeat(100_000)}` };
        return r;
      };
      const write = async (base: Results, head: Results) => {
        const comparison = compare(base, head);
        comparison.base.results_path = 'base-big.json';
        comparison.head.results_path = 'head-big.json';
        await writeJson(join(dir, 'base-big.json'), base);
        await writeJson(join(dir, 'head-big.json'), head);
        await writeJson(join(dir, 'comparison-big.json'), comparison);
      };
      await write(big('base'), big('head'));
      expect(statSync(join(dir, 'head-big.json')).size).toBeGreaterThan(90_000_000);
      const r = spawnSync(
        process.execPath,
        [
          '--max-old-space-size=80',
          bin,
          'report',
          'comparison-big.json',
          '--format',
          'html',
          '--out',
          'big.html',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(r.stderr).not.toMatch(/heap out of memory/);
      expect(r.status).toBe(0);
      // Every trial's output is in it (each its own: 3 per case and side), in blocks of about
      // 2 MB of text (2 cases of these) rather than 100 cases: the writer holds one block.
      const html = readFileSync(join(dir, 'big.html'), 'utf8');
      let outputs = 0;
      let most = 0;
      const headBlocks = blocks(html).filter((x) => /^evalgate-hs/.test(x.id));
      for (const b of blocks(html).filter((x) => /^evalgate-[bh]s/.test(x.id))) {
        const part = JSON.parse(b.json) as string[][];
        most = Math.max(most, part.length);
        for (const texts of part) outputs += texts.length;
      }
      expect(outputs).toBe(1800);
      expect(most).toBeLessThanOrEqual(7);
      expect(headBlocks.length).toBeGreaterThan(40);
    },
  );

  it('stays under 1,000 bytes a case at 20,000 cases of 1.7 KB of varied outputs', async () => {
    const n = 20_000;
    const s = proseSuite(n);
    const bytes = await writeViewer(join(dir, 'size.html'), s.comparison, s.base, s.head);
    const chars = (r: Results) =>
      r.cases.reduce((k, c) => k + c.trials.reduce((j, t) => j + t.trace.output!.length, 0), 0);
    const outputs = (chars(s.base) + chars(s.head)) / n;
    console.log(
      `viewer, ${n} cases of varied outputs: ${(bytes / 1e6).toFixed(1)} MB, ` +
        `${Math.round(bytes / n)} bytes a case (its 6 outputs: ${Math.round(outputs)} characters)`,
    );
    expect(outputs).toBeGreaterThan(1650);
    // Every output is in it, compressed (about 2:1 for these words, as base64). The viewer that
    // copied 400 characters of each side's output into its index for the search was 1,223.
    expect(bytes / n).toBeLessThan(1000);
  }, 120_000);
});

describe.skipIf(!hasChromium())('the viewer from results files in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let suite: ReturnType<typeof proseSuite>;
  const N = 3000;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-viewer-stream-'));
    suite = proseSuite(N, 9);
    // A word that only one trial's output holds: the base side's third trial of a case listed
    // near the end (not the trial the index describes, nor the head's).
    const sorted = sortedCases(suite.comparison);
    const late = sorted[sorted.length - 5];
    expect(late.label).toBe('stable_pass');
    const c = suite.base.cases.find((k) => k.id === late.id)!;
    c.trials[2].trace = { ...c.trials[2].trace, output: 'an answer that says zanzibarquux once' };
    await writeJson(join(dir, 'base.json'), suite.base);
    await writeJson(join(dir, 'head.json'), suite.head);
    await writeViewerStream(join(dir, 'v.html'), suite.comparison, {
      base: fileSide(join(dir, 'base.json')),
      head: fileSide(join(dir, 'head.json')),
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const lateId = () => {
    const sorted = sortedCases(suite.comparison);
    return sorted[sorted.length - 5].id;
  };

  it('finds a case by a word only one compressed output block holds', async () => {
    const html = readFileSync(join(dir, 'v.html'), 'utf8');
    const holding = blocks(html)
      .filter((b) => b.json.includes('zanzibarquux'))
      .map((b) => b.id);
    // In a base output block, far from the first ones: not in the index, not in the head's.
    expect(holding).toHaveLength(1);
    expect(holding[0]).toMatch(/^evalgate-bs(\d+)$/);
    expect(Number(/\d+$/.exec(holding[0])![0])).toBeGreaterThan(20);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    await page.goto(`file://${join(dir, 'v.html')}`);
    await page.waitForSelector('body[data-ready]');
    await page.fill('#search', 'ZanzibarQuux');
    await page.waitForSelector('body[data-searched="zanzibarquux"]');
    expect(
      await page.$$eval('#cases .case', (els) => els.map((e) => e.getAttribute('data-id'))),
    ).toEqual([lateId()]);
    expect(await page.textContent('#count')).toBe(`Showing 1–1 of 1 cases (${N} in total)`);
    await page.click('#cases .case .case-row');
    const base = page.locator('#cases .case .detail .side').first();
    await expect.poll(() => base.locator('details.trial').count()).toBe(3);
    expect(await base.textContent()).toContain('an answer that says zanzibarquux once');

    // A word every output has: all cases, as their blocks are read.
    await page.fill('#search', 'says');
    await page.waitForSelector('body[data-searched="says"]');
    expect(await page.textContent('#count')).toBe(`Showing 1–100 of ${N} cases`);
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens a #case= link whose traces are in late blocks of both sides', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    const id = lateId();
    await page.goto(`file://${join(dir, 'v.html')}#case=${encodeURIComponent(id)}`);
    await page.waitForSelector('body[data-ready]');
    const target = page.locator('.case.target');
    expect(await target.getAttribute('data-id')).toBe(id);
    expect(await target.locator('details.trial').count()).toBe(6);
    const headOut = suite.head.cases.find((k) => k.id === id)!.trials[1].trace.output!;
    expect(await target.locator('.detail').textContent()).toContain(headOut);
    expect(await target.locator('.detail').textContent()).toContain('zanzibarquux');
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  }, 60_000);
});
