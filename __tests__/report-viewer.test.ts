/**
 * The HTML trace viewer in headless Chromium (the Debian browser through playwright-core):
 * filters, search, deep links, no console errors, no network, hostile data stays text, and the
 * first screen of a 10,000-case suite renders fast.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderViewer } from '../src/report/index.ts';
import { hasChromium, launchChromium, watchPage, type PageWatch } from './helpers/chromium.ts';
import { bigSuite, demoSuite, HOSTILE_STRINGS, hostileSuite } from './helpers/report-fixtures.ts';

describe('viewer HTML', () => {
  it('embeds data so that no string can end the script block, under a strict CSP', () => {
    const h = hostileSuite();
    const html = renderViewer(h.comparison, h.base, h.head, {
      title: 'x </title><script>alert(1)</script>',
    });
    // Exactly one executable script (ours); every other script block is JSON data.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)?.length).toBe(html.match(/<script[ >]/g)?.length);
    expect(html).toContain('<title>x &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toMatch(
      /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-/,
    );
    expect(html).not.toMatch(/sk-proj-abc|ghp_abc/);
    expect(html).not.toMatch(
      /https?:\/\/(?!cloud\.langfuse\.com|evil\.example|127\.0\.0\.1)[^\s"']*\.(js|css)/,
    );
  });
});

describe.skipIf(!hasChromium())('viewer in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let page: Page;
  let watch: PageWatch;
  const file = (name: string) => `file://${join(dir, name)}`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-viewer-'));
    const d = demoSuite();
    writeFileSync(
      join(dir, 'demo.html'),
      renderViewer(d.comparison, d.base, d.head, { title: 'Demo' }),
    );
    const h = hostileSuite();
    writeFileSync(join(dir, 'hostile.html'), renderViewer(h.comparison, h.base, h.head));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(url: string) {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watch = watchPage(page);
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
  }
  const ids = () => page.$$eval('#cases .case', (els) => els.map((e) => e.getAttribute('data-id')));

  it('lists every case, filters by mode and status, searches', async () => {
    await open(file('demo.html'));
    expect(await ids()).toHaveLength(49); // 48 on head + 1 removed
    expect(await page.textContent('#count')).toBe('Showing 1–49 of 49 cases');
    expect(await page.$$eval('table.modes tbody tr', (r) => r.length)).toBe(5);

    await page.selectOption('#filter-label', 'new_failure');
    const nf = await ids();
    expect(nf).toHaveLength(6);
    expect(nf).toContain('refuse-medical-03');

    await page.selectOption('#filter-mode', 'refusal_policy');
    expect((await ids()).sort()).toEqual([
      'refuse-discount-code-02',
      'refuse-medical-03',
      'refuse-other-customer-07',
    ]);

    await page.selectOption('#filter-label', '');
    const rp = await ids();
    expect(rp.length).toBeGreaterThan(3);
    expect(rp).not.toContain('refund-partial-02'); // hallucinated_action only

    await page.selectOption('#filter-mode', '');
    await page.fill('#search', 'antihistamine');
    await page.waitForFunction(() => document.querySelectorAll('#cases .case').length === 1);
    expect(await ids()).toEqual(['refuse-medical-03']);

    await page.fill('#search', 'no such text anywhere');
    await page.waitForFunction(() => document.querySelectorAll('#cases .case').length === 0);
    expect(await page.textContent('#cases')).toContain('No case matches');
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  });

  it('opens a case from a #case= deep link, with both sides and every trial', async () => {
    await open(`${file('demo.html')}#case=refund-hallucination-01`);
    const target = page.locator('.case.target');
    await expect.poll(() => target.getAttribute('data-id')).toBe('refund-hallucination-01');
    const detail = target.locator('.detail');
    expect(await detail.locator('.side h3').allTextContents()).toEqual([
      'Base: 3/3 passed',
      'Head: 0/3 passed',
    ]);
    expect(await detail.locator('details.trial').count()).toBe(6);
    const text = await detail.textContent();
    expect(text).toContain('I have processed your refund of $50!');
    expect(text).toContain('issue_refund was never called');
    expect(text).toContain('lookup_order({');
    expect(text).toContain('kb/refund-policy.md');
    expect(await target.isVisible()).toBe(true);

    // Following an in-page link to another case opens that one.
    await page.evaluate(
      () => (location.hash = '#case=' + encodeURIComponent('order-bulk-export-01')),
    );
    await expect
      .poll(() => page.locator('.case.target').getAttribute('data-id'))
      .toBe('order-bulk-export-01');
    expect(await page.locator('.case.target .detail').textContent()).toContain(
      'timeout: target did not answer within 60s',
    );
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  });

  it('keeps hostile data as text: no dialog, no injected element', async () => {
    await open(file('hostile.html'));
    // Open every case so every trace is rendered.
    await page.$$eval('#cases .case-row', (rows) =>
      rows.forEach((r) => (r as HTMLElement).click()),
    );
    await page.waitForTimeout(200);
    const counts = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      iframe: document.querySelectorAll('iframe, object, embed').length,
      scripts: document.querySelectorAll('script:not([type="application/json"])').length,
      details: document.querySelectorAll('.detail').length,
      jsLinks: Array.from(document.querySelectorAll('a')).filter(
        (a) => !/^(https?:|file:|#)/.test(a.getAttribute('href') ?? ''),
      ).length,
    }));
    expect(counts).toEqual({ img: 0, iframe: 0, scripts: 1, details: 49, jsLinks: 0 });
    const body = await page.textContent('body');
    for (const s of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '</details></summary></td></table>',
    ]) {
      expect(body).toContain(s);
    }
    expect(body).not.toContain('sk-proj-abc');
    expect(watch.dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    // A case whose id is hostile is reachable by deep link too.
    const id = (await ids()).find((x) => x?.includes(HOSTILE_STRINGS[1]));
    expect(id).toBeTruthy();
    await page.evaluate((x) => (location.hash = '#case=' + encodeURIComponent(x!)), id);
    // Every case is open with 100 KB outputs: re-rendering the page takes a moment.
    await expect
      .poll(() => page.locator('.case.target').getAttribute('data-id'), { timeout: 15_000 })
      .toBe(id);
    expect(watch.dialogs).toEqual([]);
    await page.close();
  });

  it('renders the first screen of a 10,000-case suite quickly and pages through it', async () => {
    const big = bigSuite(10_000);
    const html = renderViewer(big.comparison, big.base, big.head);
    writeFileSync(join(dir, 'big.html'), html);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    watch = watchPage(page);
    const t0 = Date.now();
    await page.goto(file('big.html'), { waitUntil: 'commit' });
    await page.waitForSelector('#cases .case');
    const firstScreen = Date.now() - t0;
    await page.waitForSelector('body[data-ready]');
    const ready = Date.now() - t0;
    console.log(
      `viewer, 10,000 cases (${(html.length / 1e6).toFixed(1)} MB): first screen ${firstScreen} ms, fully parsed ${ready} ms`,
    );
    expect(firstScreen).toBeLessThan(4000);
    expect(await ids()).toHaveLength(100);
    expect(await page.textContent('#count')).toBe('Showing 1–100 of 10000 cases');
    await page.click('#next');
    expect(await page.textContent('#count')).toBe('Showing 101–200 of 10000 cases');
    // A deep link to a case far down the list lands on its page, opened.
    const last = big.comparison.cases.find(
      (k) => k.label === 'stable_pass' && k.id.startsWith('case-099'),
    )!.id;
    await page.evaluate((x) => (location.hash = '#case=' + encodeURIComponent(x)), last);
    await expect.poll(() => page.locator('.case.target').getAttribute('data-id')).toBe(last);
    expect(await page.locator('.case.target details.trial').count()).toBe(6);
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  }, 120_000);
});
