/**
 * The monitor's dashboard.html in headless Chromium: one plot per failure mode, the worsened
 * window marked, the Wilson band drawn, no request to anything outside the file, no script run
 * (the page has none, and a CSP forbids any), hostile trace text shown as text. Dark mode too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardHtml } from '../src/monitor/dashboard.ts';
import { CONFIG, evalgate, monitorDir, week } from './helpers/monitor.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';

const THREE_MODES = CONFIG.replace('failure_modes:\n', 'failure_modes:\n  slow: minor\n').replace(
  '    - { type: grounded',
  '    - { type: max_latency, mode: slow, ms: 5000 }\n    - { type: grounded',
);

describe('dashboard HTML', () => {
  it('is self-contained: no script, no external reference', () => {
    const dir = monitorDir(week({ ok: 44, hallucinated: 15 }));
    evalgate(['monitor', 'traces.jsonl', '--out', 'out'], { cwd: dir });
    const html = readFileSync(join(dir, 'out', 'dashboard.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("default-src 'none'");
  });
});

describe.skipIf(!hasChromium())('dashboard in Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = monitorDir(
      week({
        ok: 40,
        hallucinated: 15,
        errored: 3,
        errorMessage: '<img src=x onerror=alert(1)><script>alert(2)</script>',
      }),
      THREE_MODES,
    );
    const r = evalgate(['monitor', 'traces.jsonl', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`shows one plot per mode, the worsened window marked (${scheme})`, async () => {
      const page = await browser.newPage({ colorScheme: scheme });
      const watch = watchPage(page);
      await page.goto(`file://${join(dir, 'out', 'dashboard.html')}`);
      const plots = page.locator('svg.plot');
      expect(await plots.count()).toBe(3);
      // In the config's order of failure_modes (slow is declared first).
      expect(await plots.evaluateAll((s) => s.map((e) => e.getAttribute('data-mode')))).toEqual([
        'slow',
        'hallucinated_action',
        'ungrounded_answer',
      ]);
      const worse = page.locator('svg.plot[data-mode="hallucinated_action"]');
      expect(await worse.getAttribute('data-verdict')).toBe('worsened');
      expect(await worse.locator('rect.worse').count()).toBe(1);
      expect(await worse.locator('circle.worse-dot').count()).toBe(1);
      // 8 windows, each with traces: 8 points on one line, one band around them.
      expect(await worse.locator('circle.dot').count()).toBe(8);
      expect(await worse.locator('polygon.band').count()).toBe(1);
      expect(await page.locator('svg.plot[data-mode="slow"] rect.worse').count()).toBe(0);
      // The plot is drawn (has a size) and the band is visible against the page.
      const box = await worse.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      const fill = await worse.locator('polygon.band').evaluate((e) => getComputedStyle(e).fill);
      expect(fill).toMatch(/rgba\(/);
      // Hostile text from a trace is text, not markup: it ran nothing and made no element.
      expect(await page.locator('section.mode img').count()).toBe(0);
      expect(await page.textContent('body')).toContain('<img src=x onerror=alert(1)>');
      expect(watch.dialogs).toEqual([]);
      expect(watch.network).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  }

  it('leaves a gap for a window without traces', async () => {
    const html = dashboardHtml({
      schema: 'evalgate/monitor@1',
      now: '2026-11-30T00:00:00.000Z',
      window_ms: 86_400_000,
      previous_windows: 2,
      alpha: 0.05,
      traces: { read: 20, in_windows: 20, after_now: 0, before_windows: 0, errored: 0 },
      windows: [
        { start: '2026-11-27T00:00:00.000Z', end: '2026-11-28T00:00:00.000Z' },
        { start: '2026-11-28T00:00:00.000Z', end: '2026-11-29T00:00:00.000Z' },
        { start: '2026-11-29T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
      ],
      modes: [
        {
          mode: 'm',
          windows: [
            { pass: 9, fail: 1, error: 0, n: 10, rate: 0.9, ci: [0.6, 0.98] },
            { pass: 0, fail: 0, error: 0, n: 0, rate: null, ci: null },
            { pass: 8, fail: 2, error: 0, n: 10, rate: 0.8, ci: [0.49, 0.94] },
          ],
          previous: { pass: 9, fail: 1, error: 0, n: 10, rate: 0.9, ci: [0.6, 0.98] },
          latest: { pass: 8, fail: 2, error: 0, n: 10, rate: 0.8, ci: [0.49, 0.94] },
          change: -0.1,
          p_worse: 0.5,
          p_better: 0.9,
          p_worse_adjusted: 0.5,
          p_better_adjusted: 0.9,
          verdict: 'steady',
        },
      ],
      worsened: [],
    });
    const page = await browser.newPage();
    await page.setContent(html);
    expect(await page.locator('svg.plot circle.dot').count()).toBe(2);
    // Two runs of one point each: two bands, two lines, none across the empty window.
    expect(await page.locator('svg.plot polyline.rate').count()).toBe(2);
    await page.close();
  });
});
