/**
 * Labelling traces for judge calibration in the viewer (headless Chromium): a person marks a
 * judged check of a trace pass or fail, the label survives a reload (localStorage), and the
 * downloaded labels file is what `evalgate calibrate` reads, naming the trace by its hash.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLabels, traceHash } from '../src/calibrate/index.ts';
import { compare } from '../src/compare/index.ts';
import { renderViewer } from '../src/report/index.ts';
import type { Results } from '../src/types.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';
import { makeResults } from './helpers/compare-results.ts';

/** Two modes per trial: `quality` graded by a judge (check 0), `format` by a plain check. */
function judged(label: string, failing: number): Results {
  const r = makeResults(
    Array.from({ length: 4 }, (_, i) => {
      const t = { quality: i < failing ? 'fail' : 'pass', format: 'pass' } as const;
      return { id: `case-${i}`, trials: [t, t], output: `answer ${label} ${i}` };
    }),
    { label },
  );
  for (const c of r.cases)
    c.trials.forEach((t, j) => {
      t.trace.output = `answer ${label} ${c.id} trial ${j}`;
      t.checks[0] = { ...t.checks[0], type: 'judge', name: 'helpful' };
    });
  return r;
}

describe.skipIf(!hasChromium())('viewer labels', () => {
  let browser: Browser;
  let dir: string;
  let base: Results;
  let head: Results;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-labels-'));
    base = judged('base', 0);
    head = judged('head', 2);
    writeFileSync(join(dir, 'report.html'), renderViewer(compare(base, head), base, head));
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('labels judged checks, keeps them across a reload, downloads the labels file', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    const url = `file://${join(dir, 'report.html')}#case=case-0`;
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
    const box = page.locator('.case.target');
    // Only the judged check can be labelled: one row per trial, on both sides.
    const rows = box.locator('.labels .label-row');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().getAttribute('data-check')).toBe('0');
    expect(await page.locator('.label-bar').textContent()).toContain('0 label(s)');
    // The head's first trial: the person disagrees with the judge (which failed it), with a note.
    const headTrial = box.locator('.side').nth(1).locator('details.trial').first();
    await headTrial.locator('.label-note').fill('it answers the question');
    await headTrial.locator('.label-note').dispatchEvent('change');
    await headTrial.locator('button.label-pass').click();
    // The base's second trial: fail.
    await box.locator('.side').nth(0).locator('details.trial').nth(1).locator('summary').click();
    await box
      .locator('.side')
      .nth(0)
      .locator('details.trial')
      .nth(1)
      .locator('button.label-fail')
      .click();
    expect(await page.locator('.label-bar').textContent()).toContain('2 label(s)');
    expect(await headTrial.locator('button.label-pass').getAttribute('aria-pressed')).toBe('true');

    // Reviewing goes on after a reload: the labels are still there.
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(await page.locator('.label-bar').textContent()).toContain('2 label(s)');
    const again = page.locator('.case.target .side').nth(1).locator('details.trial').first();
    expect(await again.locator('button.label-pass').getAttribute('aria-pressed')).toBe('true');
    expect(await again.locator('.label-note').inputValue()).toBe('it answers the question');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Download labels.jsonl'),
    ]);
    expect(download.suggestedFilename()).toBe('labels.jsonl');
    const text = readFileSync((await download.path())!, 'utf8');
    const labels = parseLabels(text, 'labels.jsonl');
    const c0 = (r: Results) => r.cases.find((c) => c.id === 'case-0')!;
    expect(
      labels.map(({ line: _line, ...l }) => l).sort((a, b) => a.label.localeCompare(b.label)),
    ).toEqual([
      {
        trace_hash: traceHash(c0(base).input, c0(base).trials[1].trace),
        case: 'case-0',
        check: 0,
        label: 'fail',
      },
      {
        trace_hash: traceHash(c0(head).input, c0(head).trials[0].trace),
        case: 'case-0',
        check: 0,
        label: 'pass',
        note: 'it answers the question',
      },
    ]);

    // Clicking a chosen label again takes it back.
    await again.locator('button.label-pass').click();
    expect(await page.locator('.label-bar').textContent()).toContain('1 label(s)');
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await context.close();
  });

  it('shows no labelling where no check is judged', async () => {
    const plain = makeResults([{ id: 'a', trials: [{ quality: 'pass' }] }], { label: 'base' });
    writeFileSync(join(dir, 'plain.html'), renderViewer(compare(plain, plain), plain, plain));
    const page = await browser.newPage();
    await page.goto(`file://${join(dir, 'plain.html')}#case=a`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.locator('.label-bar').count()).toBe(0);
    expect(await page.locator('.labels').count()).toBe(0);
    await page.close();
  });
});
