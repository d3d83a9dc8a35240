/**
 * The trace viewer speaks the comment's language (headless Chromium): a regressed mode that does
 * not block looks different from one that blocks, with the comment's words; the comment's
 * `#case=` links (redacted ids included) open their case; cost, tokens and latency that no trace
 * reported read "not reported", never "$0", "0 tokens" or "0 ms".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderComment, renderViewer } from '../src/report/index.ts';
import { sideUsage } from '../src/report/viewer.ts';
import { modeVerdictCell } from '../src/report/verdict-words.ts';
import type { Comparison, Results } from '../src/types.ts';
import { hasChromium, launchChromium, watchPage, type PageWatch } from './helpers/chromium.ts';
import { demoSuite } from './helpers/report-fixtures.ts';

/** The demo regression, with `tone` (minor: not blocking) regressed as well. */
function withMinorRegression() {
  const d = demoSuite();
  const tone = d.comparison.modes.find((m) => m.mode === 'tone')!;
  tone.verdict = 'regressed';
  tone.blocking = false;
  return d;
}

/** Results whose traces report no usage and no latency (a plain command target). */
function withoutUsage(r: Results): Results {
  const out = structuredClone(r);
  out.meta.usage = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
  for (const c of out.cases) {
    for (const t of c.trials) {
      delete t.trace.usage;
      delete t.trace.latency_ms;
    }
  }
  return out;
}

const SECRET_ID = 'refund-key-sk-proj-AAAAbbbbCCCCddddEEEEffff-01';

describe('viewer data', () => {
  it('uses the comment verdict words: a regression that does not block is not a blocking one', () => {
    expect(modeVerdictCell({ verdict: 'regressed', blocking: true })).toBe('🔴 regressed');
    expect(modeVerdictCell({ verdict: 'regressed', blocking: false })).toBe(
      '🟠 regressed (not blocking)',
    );
    // The comment's mode table says the same.
    const d = withMinorRegression();
    const md = renderComment(d.comparison);
    expect(md).toMatch(/`tone`.*🟠 regressed \(not blocking\)/);
    expect(md).toMatch(/`refusal_policy`.*🔴 regressed/);
  });

  it('reads "not reported" for what no trace reported, from the traces or the comparison', () => {
    const d = demoSuite();
    const bare = withoutUsage(d.head);
    // The comparison of such a run holds zeros (or, in newer comparisons, nothing at all).
    const zero: Comparison['head'] = {
      ...d.comparison.head,
      usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
      latency_ms: { p50: 0, p95: 0 },
    };
    const expected = {
      cost: 'not reported',
      input_tokens: 'not reported',
      output_tokens: 'not reported',
      p50: 'not reported',
      p95: 'not reported',
    };
    expect(sideUsage(zero, bare)).toEqual(expected);
    const absent = { ...zero } as Partial<Comparison['head']>;
    delete absent.usage;
    delete absent.latency_ms;
    expect(sideUsage(absent as Comparison['head'], undefined)).toEqual(expected);
    // Reported values are shown, a reported zero as zero.
    const some = sideUsage(d.comparison.head, d.head);
    expect(some.cost).toBe('$0.08');
    expect(some.p50).toMatch(/\d/);
    const free = structuredClone(bare);
    free.cases[0].trials[0].trace.usage = { cost_usd: 0 };
    expect(sideUsage(zero, free).cost).toBe('$0');
    expect(sideUsage(zero, free).input_tokens).toBe('not reported');
  });
});

describe.skipIf(!hasChromium())('viewer verdicts, links and usage in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-viewer-words-'));
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

  it('shows a non-blocking regression in other words and colours than a blocking one', async () => {
    const d = withMinorRegression();
    writeFileSync(join(dir, 'minor.html'), renderViewer(d.comparison, d.base, d.head));
    await open(pathToFileURL(join(dir, 'minor.html')).href);
    const cell = async (mode: string) => {
      const row = page.locator('table.modes tbody tr', { hasText: mode });
      const td = row.locator('td').last();
      return {
        text: (await td.textContent())!,
        color: await td.evaluate((e) => getComputedStyle(e).color),
        weight: await td.evaluate((e) => getComputedStyle(e).fontWeight),
      };
    };
    const blocking = await cell('refusal_policy');
    const minor = await cell('tone');
    expect(blocking.text).toBe('🔴 regressed');
    expect(minor.text).toMatch(/^🟠 regressed \(not blocking\)/);
    expect(minor.color).not.toBe(blocking.color);
    expect(blocking.color).toBe('rgb(209, 36, 47)'); // the comment's red
    expect(Number(minor.weight)).toBeLessThan(Number(blocking.weight));
    // The headline is the comment's, in the blocking colour.
    const verdict = page.locator('header .verdict strong');
    expect(await verdict.textContent()).toMatch(/^\S+ Blocked:$/);
    expect(await verdict.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(209, 36, 47)');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("opens the case of the comment's #case= link, its id redacted", async () => {
    const d = demoSuite();
    // A new failure whose id holds something shaped like a secret.
    const target = d.comparison.cases.find((k) => k.label === 'new_failure')!;
    const old = target.id;
    const other = d.comparison.cases.find((k) => k.label === 'new_failure' && k !== target)!.id;
    for (const x of [d.comparison.cases, d.base.cases, d.head.cases]) {
      for (const k of x) {
        if (k.id === old) k.id = SECRET_ID;
        else if (k.id === other) k.id = 'cut-emoji-\ud83d-01';
      }
    }
    const file = join(dir, 'secret.html');
    writeFileSync(file, renderViewer(d.comparison, d.base, d.head));
    // The comment links to the viewer where the run published it; the same anchor opened on
    // the file here.
    const viewerUrl = 'https://example.test/runs/1/viewer.html';
    const md = renderComment(d.comparison, { viewerUrl });
    const links = [...md.matchAll(/\]\((https:[^)\s]+#case=[^)\s]+)\)/g)].map((m) => m[1]);
    const link = links.find((l) => l.includes('refund-key'));
    expect(link, 'the comment links the case to the viewer').toBeDefined();
    expect(link).not.toContain('AAAAbbbb');
    await open(pathToFileURL(file).href + link!.slice(link!.indexOf('#')));
    const opened = page.locator('.case.target');
    await expect.poll(() => opened.getAttribute('data-id')).toMatch(/^refund-key-sk-/);
    expect(await opened.getAttribute('data-id')).not.toContain('AAAAbbbb');
    expect(await opened.locator('.detail .side h3').count()).toBe(2);
    expect(await opened.isVisible()).toBe(true);

    // An id cut in the middle of an emoji (a lone surrogate): the comment's link still opens it.
    const cut = 'cut-emoji-\ud83d-01';
    const link2 = links.find((l) => l.includes('cut-emoji'));
    expect(link2).toContain('%EF%BF%BD');
    await page.evaluate((h) => (location.hash = h), link2!.slice(link2!.indexOf('#')));
    await expect.poll(() => page.locator('.case.target').getAttribute('data-id')).toBe(cut);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('says "not reported" for a run whose traces report no usage or latency', async () => {
    const d = demoSuite();
    const base = withoutUsage(d.base);
    const head = withoutUsage(d.head);
    const c = structuredClone(d.comparison);
    for (const side of [c.base, c.head]) {
      side.usage = { input_tokens: 0, output_tokens: 0, cost_usd: 0 };
      side.latency_ms = { p50: 0, p95: 0 };
    }
    writeFileSync(join(dir, 'bare.html'), renderViewer(c, base, head));
    // Base without usage, head with it: each side says what it has.
    const half = structuredClone(d.comparison);
    half.base = c.base;
    writeFileSync(join(dir, 'half.html'), renderViewer(half, base, d.head));

    await open(`${pathToFileURL(join(dir, 'bare.html')).href}#case=refund-hallucination-01`);
    const usage = page.locator('#usage tbody tr');
    expect(await usage.nth(0).locator('td').allTextContents()).toEqual(
      Array(5).fill('not reported'),
    );
    expect(await usage.nth(1).locator('td').allTextContents()).toEqual(
      Array(5).fill('not reported'),
    );
    const trial = page.locator('.case.target details.trial').first();
    await expect.poll(() => trial.count()).toBe(1);
    const kv = (await trial.locator('.kv').textContent())!;
    expect(kv).toContain('latency not reported');
    expect(kv).toContain('tokens not reported');
    expect(kv).toContain('cost not reported');
    expect(await page.textContent('body')).not.toMatch(
      /\$0(?![.\d])|\b0 tokens|\b0 ms\b|0 in \/ 0 out/,
    );
    await page.close();

    await open(pathToFileURL(join(dir, 'half.html')).href);
    const rows = page.locator('#usage tbody tr');
    expect(await rows.nth(0).locator('td').first().textContent()).toBe('not reported');
    expect(await rows.nth(1).locator('td').first().textContent()).toBe('$0.08');
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
