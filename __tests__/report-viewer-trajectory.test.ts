/**
 * The viewer's trajectory of a new failure (head vs base, the first divergent step marked) and
 * a conversation's turns, in headless Chromium, from a real compare() of synthetic runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.ts';
import { renderViewer } from '../src/report/index.ts';
import type { ToolCall } from '../src/types.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';
import { makeResults, trials } from './helpers/compare-results.ts';

const lookup: ToolCall = { name: 'lookup_order', arguments: { order_id: 'A1004' } };
const refund: ToolCall = {
  name: 'issue_refund',
  arguments: { order_id: 'A1004', amount: 39.9, reason: 'customer request' },
};

/** 12 cases of wrong_tool; the first six (the named ones among them) fail every head trial. */
function runs() {
  const ids = [
    'refund-before-lookup',
    'chat',
    'stops-early',
    ...Array.from({ length: 9 }, (_, i) => `c${i}`),
  ];
  const base = makeResults(
    ids.map((id) => ({ id, trials: trials('wrong_tool', 3, 3) })),
    { label: 'base' },
  );
  const head = makeResults(
    ids.map((id, i) => ({ id, trials: trials('wrong_tool', i < 6 ? 0 : 3, 3) })),
    { label: 'head' },
  );
  for (const t of base.cases[0].trials) t.trace.tool_calls = [lookup, refund];
  for (const t of head.cases[0].trials) t.trace.tool_calls = [refund, lookup];
  for (const t of base.cases[2].trials) t.trace.tool_calls = [lookup, refund];
  for (const t of head.cases[2].trials) t.trace.tool_calls = [lookup];
  for (const t of head.cases[1].trials) {
    t.trace.tool_calls = [refund];
    t.trace.turns = [
      { user: 'Hi, my order number is A1004.', output: 'Thanks! How can I help with A1004?' },
      { user: 'I want my money back.', output: 'Done: refunded.', tool_calls: [refund] },
    ];
  }
  return { base, head, comparison: compare(base, head) };
}

describe.skipIf(!hasChromium())('viewer: trajectories and turns', () => {
  let browser: Browser;
  let dir: string;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-viewer-traj-'));
    const r = runs();
    writeFileSync(join(dir, 'v.html'), renderViewer(r.comparison, r.base, r.head));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows both trajectories with the first divergent step highlighted', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    await page.goto(`file://${join(dir, 'v.html')}#case=refund-before-lookup`);
    await page.waitForSelector('body[data-ready]');
    const traj = page.locator('.case.target .detail .traj');
    expect(await traj.locator('.note').textContent()).toBe(
      'Head diverges at step 1: base called lookup_order, head called issue_refund',
    );
    const cols = traj.locator('.cols > div');
    expect(await cols.nth(0).locator('li').allTextContents()).toEqual([
      'lookup_order {"order_id":"A1004"}',
      'issue_refund {"order_id":"A1004","amount":39.9,"reason":"customer request"}',
    ]);
    expect(await cols.nth(1).locator('li').allTextContents()).toEqual([
      'issue_refund {"order_id":"A1004","amount":39.9,"reason":"customer request"}',
      'lookup_order {"order_id":"A1004"}',
    ]);
    // Exactly the first step of each side carries the highlight, and it is visibly styled.
    expect(await traj.locator('li.diverge').allTextContents()).toEqual([
      'lookup_order {"order_id":"A1004"}',
      'issue_refund {"order_id":"A1004","amount":39.9,"reason":"customer request"}',
    ]);
    const bg = await traj
      .locator('li.diverge')
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await page.close();
  });

  it('marks the step a head that stopped early never made', async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${join(dir, 'v.html')}#case=stops-early`);
    await page.waitForSelector('body[data-ready]');
    const traj = page.locator('.case.target .detail .traj');
    expect(await traj.locator('.note').textContent()).toBe(
      'Head diverges at step 2: base called issue_refund, head stopped',
    );
    const cols = traj.locator('.cols > div');
    expect(await cols.nth(1).locator('li').allTextContents()).toEqual([
      'lookup_order {"order_id":"A1004"}',
      '(no more calls)',
    ]);
    expect(await cols.nth(1).locator('li.diverge').getAttribute('value')).toBe('2');
    expect(await cols.nth(0).locator('li.diverge').textContent()).toContain('issue_refund');
    await page.close();
  });

  it("shows a conversation's turns in each trial", async () => {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    await page.goto(`file://${join(dir, 'v.html')}#case=chat`);
    await page.waitForSelector('body[data-ready]');
    const head = page.locator('.case.target .detail .side').nth(1);
    const turns = head.locator('details.trial[open] .turns .turn');
    expect(await turns.count()).toBe(2);
    expect(await turns.nth(0).textContent()).toContain(
      'user: Hi, my order number is A1004.\nassistant: Thanks! How can I help with A1004?',
    );
    expect(await turns.nth(1).textContent()).toContain('calls: issue_refund(');
    // The base looked an order up first: the head's only step is where it diverges.
    const traj = page.locator('.case.target .detail .traj');
    expect(await traj.locator('.note').textContent()).toBe(
      'Head diverges at step 1: base called lookup_order, head called issue_refund',
    );
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
