/**
 * `evalgate review` as a reviewer uses it: import real exports, sample them, write the page,
 * label traces in headless Chromium (a mode of the config, a new mode, a note, "no failure",
 * by keyboard and by mouse), see the summary count them, reload, download the labels file, and
 * feed it to `evalgate promote` and `evalgate validate` unchanged.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPromoteLabels } from '../src/promote/command.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';
import { suiteDir } from './helpers/suite-dir.ts';

const root = join(import.meta.dirname, '..');
const SRC_BIN = join(root, 'src', 'bin.ts');
const DIST_CLI = join(root, 'dist', 'cli', 'index.js');
const fixtures = join(root, '__tests__', 'fixtures', 'import');

function evalgate(args: string[], cwd: string, bin = SRC_BIN) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CONFIG = `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl, promoted.jsonl]
failure_modes:
  hallucinated_action: {severity: critical, description: claims an action it never took}
  stale_answer: major
trace_url: https://cloud.langfuse.com/project/p/traces/{trace_id}
`;
const CASE = JSON.stringify({
  id: 'older',
  input: { q: 'hello' },
  checks: [{ type: 'contains', value: 'ok', mode: 'stale_answer' }],
});

/** A suite with a sample of the import fixtures (seed 1: two errored, three passing traces). */
function sampledSuite(): string {
  const dir = suiteDir({ 'evalgate.yml': CONFIG, 'cases.jsonl': `${CASE}\n` });
  const files = ['otel-genai.jsonl', 'openinference.jsonl', 'langfuse.jsonl'].map((f) =>
    join(fixtures, f),
  );
  expect(evalgate(['import', ...files, '--out', 'traces.jsonl'], dir).code).toBe(0);
  expect(
    evalgate(['sample', 'traces.jsonl', '--seed', '1', '--out', 'sample.jsonl'], dir).code,
  ).toBe(0);
  return dir;
}

const HALLUCINATED = '5b8efff798038103d269b633813fc60c';
const OPENINFERENCE = '6e0c63257de34c92bf9efcd03927272e';
const ERRORED = '0af7651916cd43dd8448eb211c80319c';

async function summaryRows(page: Page): Promise<string[][]> {
  return page.$$eval('#summary-table tbody tr', (trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) => (td.firstChild?.textContent ?? '').trim()),
    ),
  );
}
const heading = (page: Page) => page.textContent('#trace h2');
const pressed = (page: Page, mode: string) =>
  page.getAttribute(`#review button[data-mode="${mode}"]`, 'aria-pressed');

describe('evalgate review (command)', () => {
  it('writes the page; without evalgate.yml every mode is new; a bad line names file and line', () => {
    const dir = sampledSuite();
    try {
      const r = evalgate(['review', 'sample.jsonl'], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/review page of 5 trace\(s\) \(2 failure mode\(s\)/);
      const html = readFileSync(join(dir, 'review.html'), 'utf8');
      expect(html).not.toMatch(/<(link|img|iframe)\b|src=["']?https?:/i);
      expect(html).toContain("default-src 'none'");

      rmSync(join(dir, 'evalgate.yml'));
      const bare = evalgate(['review', 'sample.jsonl', '--out', 'bare.html'], dir);
      expect(bare.code).toBe(0);
      expect(bare.stderr).toMatch(/no evalgate\.yml here.*every failure mode is typed as new/);
      // A config named on the command line must exist.
      const missing = evalgate(['review', 'sample.jsonl', '--config', 'nope.yml'], dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/nope\.yml/);
      expect(missing.stderr).not.toMatch(/\n\s+at /);

      writeFileSync(
        join(dir, 'bad.jsonl'),
        `${readFileSync(join(dir, 'sample.jsonl'), 'utf8')}{"output": 3}\n`,
      );
      const bad = evalgate(['review', 'bad.jsonl', '--out', 'bad.html'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/bad\.jsonl:6: not a trace/);
      expect(existsSync(join(dir, 'bad.html'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the bundle (dist/cli/index.js) writes the same page', () => {
    const dir = sampledSuite();
    try {
      expect(evalgate(['review', 'sample.jsonl', '--out', 'src.html'], dir).code).toBe(0);
      const r = evalgate(['review', 'sample.jsonl', '--out', 'dist.html'], dir, DIST_CLI);
      expect(r.stderr).toMatch(/review page of 5 trace/);
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, 'dist.html'), 'utf8')).toBe(
        readFileSync(join(dir, 'src.html'), 'utf8'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the labels file', () => {
  it("docs/import.md's example download is read by promote: summary and no-failure lines skipped", async () => {
    const doc = readFileSync(join(root, 'docs', 'import.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Reviewing a sample'));
    const block = /```json\n([\s\S]*?)```/.exec(section)![1];
    expect(block).toContain('"evalgate_review"');
    const dir = suiteDir({ 'labels.jsonl': block });
    const logged: string[] = [];
    try {
      const labels = await readPromoteLabels(
        join(dir, 'labels.jsonl'),
        new Set(['hallucinated_action']),
        (l) => logged.push(l),
      );
      expect(labels.map(({ trace_id, mode, tool }) => ({ trace_id, mode, tool }))).toEqual([
        { trace_id: HALLUCINATED, mode: 'hallucinated_action', tool: 'issue_refund' },
      ]);
      expect(logged).toEqual(['1 trace(s) reviewed with no failure (mode null): skipped']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasChromium())('evalgate review (the page in Chromium)', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = sampledSuite();
    expect(evalgate(['review', 'sample.jsonl', '--out', 'review.html'], dir).code).toBe(0);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('labels traces, counts them per mode, keeps them across a reload; promote reads the download', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`file://${join(dir, 'review.html')}`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.textContent('#progress')).toBe('0 of 5 reviewed');
    expect(await heading(page)).toBe('Trace 1 of 5');
    expect(await page.textContent('#why')).toContain('stratum: error');
    expect(await page.textContent('#trace')).toContain('upstream timeout');

    // Trace 3 (j, j): the hallucinated refund, shown readably, labelled by key with a note.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await heading(page)).toBe('Trace 3 of 5');
    expect(await page.textContent('#trace .kv')).toContain(HALLUCINATED);
    expect(await page.getAttribute('#source-link', 'href')).toBe(
      `https://cloud.langfuse.com/project/p/traces/${HALLUCINATED}`,
    );
    expect(await page.textContent('#messages')).toContain('I have refunded order A-1001');
    expect(await page.textContent('#tool-calls')).toContain('lookup_order');
    expect(await page.textContent('#retrieved')).toContain('policy-7');
    await page.keyboard.press('1');
    expect(await pressed(page, 'hallucinated_action')).toBe('true');
    await page.keyboard.press('n');
    await page.keyboard.type('claims a refund, never called issue_refund');
    // Keys typed into the note are text, not navigation.
    expect(await heading(page)).toBe('Trace 3 of 5');
    await page.fill('#tool', 'issue_refund');
    await page.keyboard.press('Escape');

    // Trace 4: a new mode, typed; names the config's rules refuse are refused.
    await page.keyboard.press('j');
    expect(await page.textContent('#trace .kv')).toContain(OPENINFERENCE);
    for (const [name, message] of [
      ['errors', /built-in failure mode/],
      ['Stale_Answer', /already "stale_answer"/],
      ['   ', /Type a name/],
    ] as const) {
      await page.fill('#new-mode', name);
      await page.click('#add-mode');
      expect(await page.textContent('#new-mode-msg')).toMatch(message);
    }
    expect(await page.textContent('#progress')).toBe('1 of 5 reviewed');
    await page.fill('#new-mode', 'wrong_currency');
    await page.press('#new-mode', 'Enter');
    expect(await page.textContent('#new-mode-msg')).toBe('');
    expect(await pressed(page, 'wrong_currency')).toBe('true');
    await page.fill('#note', 'answers in dollars, the shop sells in euros');
    await page.keyboard.press('Escape');

    // Trace 5: the new mode is now offered like the others (key 3).
    await page.keyboard.press('j');
    await page.keyboard.press('3');
    expect(await pressed(page, 'wrong_currency')).toBe('true');
    // Trace 2 by mouse: stale answer. Trace 1 (k): no failure; pressing it twice takes it back.
    await page.click('#list li[data-index="1"]');
    expect(await heading(page)).toBe('Trace 2 of 5');
    await page.click('#review button[data-mode="stale_answer"]');
    await page.keyboard.press('k');
    await page.keyboard.press('0');
    await page.keyboard.press('0');
    expect(await page.textContent('#progress')).toBe('4 of 5 reviewed');
    await page.click('#no-failure');
    expect(await page.getAttribute('#no-failure', 'aria-pressed')).toBe('true');

    // The summary: labels per mode, most frequent first.
    const expected = [
      ['wrong_currency', '2', '40%'],
      ['hallucinated_action', '1', '20%'],
      ['stale_answer', '1', '20%'],
      ['no failure', '1', '20%'],
    ];
    expect(await page.textContent('#progress')).toBe('5 of 5 reviewed');
    expect(await summaryRows(page)).toEqual(expected);
    expect(await page.textContent('#summary pre')).toBe('failure_modes:\n  wrong_currency: major');
    expect(
      await page.$$eval('#list li', (lis) => lis.map((li) => li.getAttribute('data-reviewed'))),
    ).toEqual(['pass', 'mode', 'mode', 'mode', 'mode']);

    // A reload keeps the work, and where the reviewer was.
    // Chromium hands localStorage writes to its browser process asynchronously; on a loaded
    // 2-core CI machine a reload right after the last click could come first (seen once: "0 of
    // 5"). A reviewer reloads seconds later, so reload until the work shows, for at most 10 s: a
    // page that never saves still fails here.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.waitForSelector('body[data-ready]');
          return page.textContent('#progress');
        },
        { timeout: 10_000, interval: 250 },
      )
      .toBe('5 of 5 reviewed');
    expect(await summaryRows(page)).toEqual(expected);
    expect(await heading(page)).toBe('Trace 1 of 5');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await pressed(page, 'hallucinated_action')).toBe('true');
    expect(await page.inputValue('#note')).toBe('claims a refund, never called issue_refund');
    expect(await page.inputValue('#tool')).toBe('issue_refund');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('sample.labels.jsonl');
    const labelsPath = join(dir, 'sample.labels.jsonl');
    await download.saveAs(labelsPath);
    const lines = readFileSync(labelsPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].evalgate_review).toMatchObject({
      version: 1,
      sample: 'sample.jsonl',
      reviewed: 5,
      traces: 5,
      counts: { wrong_currency: 2, hallucinated_action: 1, stale_answer: 1 },
      no_failure: 1,
      new_modes: ['wrong_currency'],
    });
    expect(lines.slice(1).map(({ labelled_at: _, ...l }) => l)).toEqual([
      { trace_id: ERRORED, mode: null },
      { trace_id: 'lf-trace-002', mode: 'stale_answer' },
      {
        trace_id: HALLUCINATED,
        mode: 'hallucinated_action',
        note: 'claims a refund, never called issue_refund',
        tool: 'issue_refund',
      },
      {
        trace_id: OPENINFERENCE,
        mode: 'wrong_currency',
        note: 'answers in dollars, the shop sells in euros',
      },
      { trace_id: 'lf-trace-001', mode: 'wrong_currency' },
    ]);
    expect(watch.errors).toEqual([]);
    expect(watch.network).toEqual([]);
    await context.close();

    // Promote reads the download as it is. The new mode must be in the config first...
    const promoteArgs = ['promote', 'sample.jsonl', '--labels', 'sample.labels.jsonl'];
    const refused = evalgate([...promoteArgs, '--dataset', 'promoted.jsonl'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /sample\.labels\.jsonl:5.*unknown failure mode "wrong_currency".*add it to failure_modes first/,
    );
    expect(existsSync(join(dir, 'promoted.jsonl'))).toBe(false);
    // ... as the page's snippet says: then every label but "no failure" becomes a case.
    writeFileSync(
      join(dir, 'evalgate.yml'),
      CONFIG.replace('  stale_answer: major\n', '  stale_answer: major\n  wrong_currency: major\n'),
    );
    const r = evalgate([...promoteArgs, '--dataset', 'promoted.jsonl'], dir);
    expect(r.stderr).toMatch(/1 trace\(s\) reviewed with no failure \(mode null\): skipped/);
    expect(r.stderr).toMatch(/appended 4 case\(s\) to promoted\.jsonl/);
    expect(r.code).toBe(0);
    const cases = readFileSync(join(dir, 'promoted.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(cases.map((c) => c.id)).toEqual([
      'prod-stale_answer-lf-trace-002',
      `prod-hallucinated_action-${HALLUCINATED.slice(0, 12)}`,
      `prod-wrong_currency-${OPENINFERENCE.slice(0, 12)}`,
      'prod-wrong_currency-lf-trace-001',
    ]);
    expect(cases[1].checks[0]).toMatchObject({ type: 'claim_requires_tool', tool: 'issue_refund' });
    expect(cases[1].description).toMatch(/: claims a refund, never called issue_refund$/);
    const v = evalgate(['validate'], dir);
    expect(v.stderr + v.stdout).toMatch(/ok, 5 cases/);
    expect(v.code).toBe(0);
  }, 60_000);
});
