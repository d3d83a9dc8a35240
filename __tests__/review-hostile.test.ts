/**
 * The review page with the hostile corpus (fixtures/hostile/strings.json) in every field a trace
 * or the config brings: trace ids, outputs, messages, tool names, arguments and results,
 * retrieved ids, texts and sources, errors, stderr, metadata, the sample's strata and failed
 * modes, mode names and descriptions. In Chromium, with every trace opened and a hostile mode
 * name typed by the reviewer: no injected script runs, no element or link we did not make
 * appears, nothing is requested, no secret shows, and the download keeps the text as typed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReviewPage, type ReviewTrace } from '../src/review/page.ts';
import type { Trace } from '../src/types.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';

const STRINGS: string[] = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'hostile', 'strings.json'), 'utf8'),
);
const SECRET = /sk-proj-abc|ghp_abc/;
const TRACE_URL = 'https://cloud.langfuse.com/project/p/traces/{trace_id}';

/** Trace i: every field holds a string of the corpus (rotated), the last one all of them. */
function hostileTrace(i: number, s: (k: number) => string): Trace {
  return {
    trace_id: `t${i}-${s(0)}`,
    output: s(1),
    messages: [
      { role: 'user', content: s(2) },
      { role: 'assistant', content: s(3), tool_calls: [{ name: s(4), arguments: { q: s(5) } }] },
      { role: 'tool', name: s(6), content: s(7) },
    ],
    tool_calls: [{ name: s(8), arguments: { [s(9)]: s(10) }, result: { text: s(11) } }],
    retrieved: [{ id: s(12), text: s(13), source: s(14), score: 0.5 }],
    error: i % 3 === 0 ? { kind: 'target', message: s(15) } : undefined,
    stderr: s(16),
    metadata: {
      source: s(17),
      input: s(18),
      started_at: s(19),
      service: s(20),
      models: [s(21)],
      span_errors: [{ name: s(22), message: s(23) }],
      sample: { stratum: s(0), seed: 1, failed_modes: [s(1), s(2)], case: s(3) },
      [s(4)]: s(5),
    },
    turns: [{ user: s(6), output: s(7), tool_calls: [{ name: s(8), arguments: { a: s(9) } }] }],
  } as Trace;
}

const TRACES: ReviewTrace[] = [
  ...STRINGS.map((_, i) => hostileTrace(i, (k) => STRINGS[(i + k) % STRINGS.length])),
  hostileTrace(STRINGS.length, () => STRINGS.join('\n')),
].map((trace, i) => ({ trace, line: i + 1 }));

const MODES = STRINGS.slice(0, 4).map((s, i) => ({
  name: `m${i}${s}`,
  severity: 'major',
  description: STRINGS[(i + 5) % STRINGS.length],
}));

async function inert(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    elements: document.querySelectorAll('img, iframe, object, embed, svg, style:not(head style)')
      .length,
    scripts: document.querySelectorAll('script:not([type="application/json"])').length,
    links: Array.from(document.querySelectorAll('a[href]'))
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => !h.startsWith('https://cloud.langfuse.com/project/p/traces/')),
  }));
}

describe.skipIf(!hasChromium())('the review page with hostile traces', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-review-hostile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs no injected script, requests nothing, and downloads the text as typed', async () => {
    const file = join(dir, 'review.html');
    const opts = { sampleName: STRINGS.join(' '), sampleHash: 'f'.repeat(64), modes: MODES };
    writeFileSync(file, renderReviewPage(TRACES, { ...opts, traceUrl: TRACE_URL }));
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready]');

      // The reviewer types a hostile mode name and note on the first trace.
      const mode = STRINGS[1];
      await page.fill('#new-mode', mode);
      await page.click('#add-mode');
      expect(await page.textContent('#new-mode-msg')).toBe('');
      await page.fill('#note', STRINGS.join('\n'));
      await page.click('#trace h2');

      // Every trace is opened, with its metadata.
      for (let i = 0; i < TRACES.length; i++) {
        await page.$$eval('#trace details', (ds) =>
          ds.forEach((d) => ((d as HTMLDetailsElement).open = true)),
        );
        expect(await inert(page)).toEqual({ pwned: null, elements: 0, scripts: 1, links: [] });
        const text = (await page.textContent('body')) ?? '';
        expect(text).not.toMatch(SECRET);
        if (i === TRACES.length - 1) {
          expect(text).toContain('<script>window.__pwned=1;alert(1)</script>');
          expect(text).toContain('checks failed for:');
        }
        await page.keyboard.press('j');
      }
      expect(await page.textContent('#progress')).toBe(`1 of ${TRACES.length} reviewed`);
      expect(await page.textContent('#summary-table')).toContain(mode);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#download'),
      ]);
      // The sample's name made safe for a file name.
      expect(download.suggestedFilename()).toMatch(/^[A-Za-z0-9._-]+\.labels\.jsonl$/);
      const lines = readFileSync((await download.path())!, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines[1]).toMatchObject({
        trace_id: TRACES[0].trace.trace_id,
        mode,
        note: STRINGS.join('\n').replace(/\r/g, '\n'),
      });
      expect(lines[0].evalgate_review.new_modes).toEqual([mode]);
      expect(watch.dialogs).toEqual([]);
      expect(watch.network).toEqual([]);
      expect(watch.errors).toEqual([]);
      await context.close();

      // A trace_url that is not http(s) makes no link at all.
      const js = join(dir, 'js.html');
      writeFileSync(
        js,
        renderReviewPage(TRACES, { ...opts, traceUrl: 'javascript:alert(1)//{trace_id}' }),
      );
      const p2 = await browser.newPage();
      const w2 = watchPage(p2);
      await p2.goto(`file://${js}`);
      await p2.waitForSelector('body[data-ready]');
      expect(await p2.locator('a[href]').count()).toBe(0);
      expect(w2.dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
