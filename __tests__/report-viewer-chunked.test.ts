/**
 * The viewer of a large suite (issue 13): above 1,000 cases the index and the traces are stored
 * gzip-compressed in blocks (base64 in non-script `<script>` elements) that the page decodes
 * when it needs them. In headless Chromium: the first screen, a search over every case finding
 * one whose traces sit in a block not yet decoded, opening cases by click and by #case= anchor;
 * and hostile data stays inert and secrets stay out when it is compressed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLabels, traceHash } from '../src/calibrate/index.ts';
import { compare } from '../src/compare/index.ts';
import { renderViewer, writeViewer } from '../src/report/index.ts';
import type { Results } from '../src/types.ts';
import { sortedCases } from '../src/report/viewer-data.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';
import { makeResults } from './helpers/compare-results.ts';
import { bigSuite, HOSTILE_STRINGS, hostileSuite } from './helpers/report-fixtures.ts';

const N = 3000;

/** Every data block of a viewer file: its id, type and decoded JSON text. */
function blocks(html: string) {
  return [...html.matchAll(/<script type="([^"]+)" id="([^"]+)">([^<]*)<\/script>/g)].map(
    ([, type, id, text]) => ({
      id,
      type,
      json: type === 'application/gzip' ? gunzipSync(Buffer.from(text, 'base64')).toString() : text,
    }),
  );
}

describe('a large viewer file', () => {
  it('is compressed in blocks, each of which decodes to JSON, streamed as rendered', async () => {
    const s = bigSuite(N);
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-chunked-'));
    try {
      const file = join(dir, 'report.html');
      const bytes = await writeViewer(file, s.comparison, s.base, s.head);
      const html = readFileSync(file, 'utf8');
      expect(Buffer.byteLength(html)).toBe(bytes);
      // The streamed file is the rendered one.
      expect(html).toBe(renderViewer(s.comparison, s.base, s.head));
      const bs = blocks(html);
      expect(bs.filter((b) => b.id.startsWith('evalgate-i'))).toHaveLength(2);
      // Per side, blocks of 100 cases in the results' order: their outputs, and the rest.
      const per = (prefix: string) => bs.filter((b) => b.id.startsWith(prefix)).length;
      for (const [key, r] of [
        ['h', s.head],
        ['b', s.base],
      ] as const) {
        expect(per(`evalgate-${key}s`)).toBe(Math.ceil(r.cases.length / 100));
        expect(per(`evalgate-${key}t`)).toBe(Math.ceil(r.cases.length / 100));
      }
      expect(bs.filter((b) => b.type === 'application/json').map((b) => b.id)).toEqual([
        'evalgate-data',
      ]);
      const ids = bs
        .filter((b) => b.id.startsWith('evalgate-i'))
        .flatMap((b) => (JSON.parse(b.json) as { id: string }[]).map((c) => c.id));
      expect(ids).toEqual(sortedCases(s.comparison).map((c) => c.id));
      // Uncompressed it was many times larger.
      const plain = renderViewer(s.comparison, s.base, s.head, { compress: false });
      console.log(
        `viewer, ${N} cases: ${(bytes / 1e6).toFixed(1)} MB compressed, ${(plain.length / 1e6).toFixed(1)} MB plain`,
      );
      expect(bytes * 5).toBeLessThan(plain.length);
      // Streamed uncompressed, too, the file is the rendered one.
      const h = hostileSuite();
      await writeViewer(join(dir, 'small.html'), h.comparison, h.base, h.head);
      expect(readFileSync(join(dir, 'small.html'), 'utf8')).toBe(
        renderViewer(h.comparison, h.base, h.head),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps secrets out of compressed blocks and no block can end its element', () => {
    const h = hostileSuite();
    const html = renderViewer(h.comparison, h.base, h.head, { compress: true });
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)?.length).toBe(html.match(/<script[ >]/g)?.length);
    const bs = blocks(html);
    expect(bs.some((b) => b.type === 'application/gzip')).toBe(true);
    for (const b of bs) {
      JSON.parse(b.json);
      expect(b.json).not.toMatch(/sk-proj-abc|ghp_abc/);
      expect(b.json).not.toMatch(/<\/script|<!--/i);
    }
    // The hostile strings are there, as data.
    expect(bs.map((b) => b.json).join('')).toContain('\\u003cscript\\u003ealert(1)');
    // A small suite stays plain JSON unless asked.
    const small = blocks(renderViewer(h.comparison, h.base, h.head));
    expect(small.every((b) => b.type === 'application/json')).toBe(true);
  });
});

describe.skipIf(!hasChromium())('a large viewer in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let suite: ReturnType<typeof bigSuite>;
  const file = (name: string) => `file://${join(dir, name)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-chunked-'));
    suite = bigSuite(N);
    await writeViewer(join(dir, 'big.html'), suite.comparison, suite.base, suite.head);
    const h = hostileSuite();
    writeFileSync(
      join(dir, 'hostile.html'),
      renderViewer(h.comparison, h.base, h.head, { compress: true }),
    );
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const ids = (page: Page) =>
    page.$$eval('#cases .case', (els) => els.map((e) => e.getAttribute('data-id')));

  /** A stable pass far down the list: its traces are in one of the last blocks. */
  function lateCase(skip = 0) {
    const sorted = sortedCases(suite.comparison);
    const at = sorted.length - 1 - skip;
    const id = sorted[at].id;
    const n = Number(/^case-(\d+)/.exec(id)![1]);
    expect(sorted[at].label).toBe('stable_pass');
    expect(Math.floor(at / 100)).toBeGreaterThan(20); // trace block 20 or later
    const output = suite.head.cases.find((c) => c.id === id)!.trials[0].trace.output!;
    return { id, needle: `Z${n}`, output };
  }

  it('shows the first screen, searches every case, opens one from a block not yet decoded', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    const t0 = Date.now();
    await page.goto(file('big.html'), { waitUntil: 'commit' });
    await page.waitForSelector('#cases .case');
    const firstScreen = Date.now() - t0;
    expect(await ids(page)).toHaveLength(100);
    await page.waitForSelector('body[data-ready]');
    console.log(`viewer, ${N} cases compressed: first screen ${firstScreen} ms`);
    expect(await page.textContent('#count')).toBe(`Showing 1–100 of ${N} cases`);
    expect(await page.locator('.detail').count()).toBe(0);

    // Found by its output, which only the search text of the index holds before it is opened.
    const late = lateCase();
    await page.fill('#search', late.needle);
    await page.waitForFunction(() => document.querySelectorAll('#cases .case').length === 1);
    expect(await ids(page)).toEqual([late.id]);
    expect(await page.textContent('#count')).toBe(`Showing 1–1 of 1 cases (${N} in total)`);
    await page.click('#cases .case .case-row');
    const detail = page.locator('#cases .case .detail');
    await expect.poll(() => detail.locator('details.trial').count()).toBe(6);
    expect(await detail.textContent()).toContain(late.output);
    expect(await detail.locator('.side h3').allTextContents()).toEqual([
      'Base: 3/3 passed',
      'Head: 3/3 passed',
    ]);

    // Filters see every case too.
    await page.fill('#search', '');
    await page.selectOption('#filter-label', 'stable_pass');
    await expect
      .poll(() => page.textContent('#count'))
      .toMatch(new RegExp(`of ${suite.comparison.counts.stable_pass} cases`));
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  }, 60_000);

  it('opens a case by #case= anchor, on load and on a hash change', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    const late = lateCase(3);
    await page.goto(`${file('big.html')}#case=${encodeURIComponent(late.id)}`);
    await page.waitForSelector('body[data-ready]');
    const target = page.locator('.case.target');
    expect(await target.getAttribute('data-id')).toBe(late.id);
    expect(await target.locator('details.trial').count()).toBe(6);
    expect(await target.locator('.detail').textContent()).toContain(late.output);
    expect(await target.isVisible()).toBe(true);

    const nf = suite.comparison.cases.find((k) => k.label === 'new_failure')!.id;
    await page.evaluate((x) => (location.hash = '#case=' + encodeURIComponent(x)), nf);
    await expect.poll(() => page.locator('.case.target').getAttribute('data-id')).toBe(nf);
    expect(await page.locator('.case.target .side h3').allTextContents()).toEqual([
      'Base: 3/3 passed',
      'Head: 0/3 passed',
    ]);
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  }, 60_000);

  it('labels judged checks in a compressed viewer and downloads the labels file', async () => {
    const judged = (label: string, failing: number): Results => {
      const r = makeResults(
        Array.from({ length: 3 }, (_, i) => {
          const t = { quality: i < failing ? 'fail' : 'pass' } as const;
          return { id: `case-${i}`, trials: [t, t], output: `answer ${label} ${i}` };
        }),
        { label },
      );
      for (const c of r.cases)
        for (const t of c.trials) t.checks[0] = { ...t.checks[0], type: 'judge', name: 'helpful' };
      return r;
    };
    const base = judged('base', 0);
    const head = judged('head', 2);
    writeFileSync(
      join(dir, 'labels.html'),
      renderViewer(compare(base, head), base, head, { compress: true }),
    );
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${file('labels.html')}#case=case-0`);
    await page.waitForSelector('body[data-ready]');
    const head0 = page.locator('.case.target .side').nth(1).locator('details.trial').first();
    await head0.locator('button.label-pass').click();
    expect(await page.locator('.label-bar').textContent()).toContain('1 label(s)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Download labels.jsonl'),
    ]);
    const labels = parseLabels(readFileSync((await download.path())!, 'utf8'), 'labels.jsonl');
    const c0 = head.cases[0];
    expect(labels.map(({ line: _line, ...l }) => l)).toEqual([
      {
        trace_hash: traceHash(c0.input, c0.trials[0].trace),
        case: 'case-0',
        check: 0,
        label: 'pass',
      },
    ]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('keeps hostile data as text when it is compressed', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    await page.goto(file('hostile.html'));
    await page.waitForSelector('body[data-ready]');
    await page.$$eval('#cases .case-row', (rows) =>
      rows.forEach((r) => (r as HTMLElement).click()),
    );
    await expect.poll(() => page.locator('.detail .sides').count(), { timeout: 15_000 }).toBe(49);
    const counts = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      iframe: document.querySelectorAll('iframe, object, embed').length,
      scripts: document.querySelectorAll('script:not([type="application/json"])').length,
      jsLinks: Array.from(document.querySelectorAll('a')).filter(
        (a) => !/^(https?:|file:|#)/.test(a.getAttribute('href') ?? ''),
      ).length,
    }));
    // Our script and the compressed data blocks (type application/gzip: never run).
    const dataBlocks = await page.$$eval(
      'script[type="application/gzip"]',
      (s) => s.length as number,
    );
    expect(counts).toEqual({ img: 0, iframe: 0, scripts: 1 + dataBlocks, jsLinks: 0 });
    const body = await page.locator('#app').textContent();
    for (const s of [HOSTILE_STRINGS[0], HOSTILE_STRINGS[1], HOSTILE_STRINGS[10]])
      expect(body).toContain(s);
    expect(body).not.toContain('sk-proj-abc');
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  }, 60_000);
});
