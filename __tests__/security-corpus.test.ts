/**
 * The hostile corpus (fixtures/hostile/strings.json, plus a 100 KB string) through every
 * user-controlled field (helpers/hostile.ts) to every output: the PR comment and the job summary
 * as GitHub renders them (cmark-gfm), the check run's title, summary and annotations, the
 * error comment, the absolute report, the text report, the log lines and the HTML viewer in
 * Chromium. Inert means: no tag or attribute we do not write, no link we did not make, no
 * @-mention or #-reference GitHub would link, no workflow command, no raw terminal control, no
 * secret of a known shape, and a comment under GitHub's 65,536 characters.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureAnnotations } from '../src/github/publish.ts';
import { renderAbsolute, renderErrorComment } from '../src/report/absolute.ts';
import {
  plainHeadline,
  renderComment,
  renderSummary,
  renderTextReport,
  renderViewer,
  type CommentOptions,
} from '../src/report/index.ts';
import { logSafe, terminalText } from '../src/report/plain.ts';
import { hasChromium, launchChromium, watchPage } from './helpers/chromium.ts';
import { gfmMany, HAS_CMARK, inertProblems } from './helpers/gfm.ts';
import { hostileRun, type HostileRun } from './helpers/hostile.ts';
import { workflowCommands } from './helpers/workflow-commands.ts';

const STRINGS: string[] = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'hostile', 'strings.json'), 'utf8'),
);
const HUGE = `${'A'.repeat(50_000)}${STRINGS.join(' ')}${'`'.repeat(40)}${'B'.repeat(50_000)}`;

const OPTS: CommentOptions = {
  repoUrl: 'https://github.com/acme/support-bot',
  runUrl: 'https://github.com/acme/support-bot/actions/runs/123',
  artifactUrl: 'https://github.com/acme/support-bot/actions/runs/123/artifacts/9',
  viewerUrl: 'https://acme.github.io/evalgate/viewer.html',
};
const ALLOWED_LINKS = [
  'https://github.com/acme/support-bot/',
  'https://acme.github.io/evalgate/viewer.html',
  'https://cloud.langfuse.com/project/p/traces/',
];

// Raw controls a terminal or a parser acts on (tab and newline are layout), bidi overrides.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const SECRET = /sk-proj-abc|ghp_abc/;

/** Run r: field values rotate through the corpus, so every field meets every string. */
const rotations: HostileRun[] = STRINGS.map((_, r) =>
  hostileRun((_field, n) => STRINGS[(n + r) % STRINGS.length]),
);
/** Every field holds the whole corpus at once. */
const together = hostileRun(() => STRINGS.join('\n'));
/** Every field holds 100 KB. */
const huge = hostileRun(() => HUGE);
const RUNS = [...rotations, together, huge];

function markdownOf(run: HostileRun): { name: string; md: string; comment?: boolean }[] {
  const o = { ...OPTS, baseRef: run.baseRef, headRef: run.headRef };
  return [
    { name: 'comment', md: renderComment(run.comparison, o), comment: true },
    { name: 'summary', md: renderSummary(run.comparison, o) },
    { name: 'check summary', md: renderSummary(run.comparison, { ...o, maxLength: 65_000 }) },
    { name: 'absolute', md: renderAbsolute(run.head, { runUrl: OPTS.runUrl }) },
    {
      name: 'error comment',
      md: renderErrorComment(`${run.comparison.cases[0].id} failed`, { runUrl: OPTS.runUrl }),
      comment: true,
    },
  ];
}

describe.skipIf(!HAS_CMARK)('markdown outputs, rendered as GitHub does', () => {
  it('(the checks find what they look for in unescaped text)', () => {
    const [html] = gfmMany([
      'hi @octocat, fixes #12 <img src=x onerror=y> [x](https://evil.example/) https://evil.example/z',
    ]);
    expect(inertProblems(html, ALLOWED_LINKS).sort()).toEqual([
      'attribute onerror on <img>',
      'attribute src on <img>',
      'link https://evil.example/',
      'link https://evil.example/z',
      'mention @octocat',
      'reference #12',
      'tag <img>',
    ]);
    expect(workflowCommands('x\r::error::y\n ##[add-mask]z').map((c) => c.name)).toEqual([
      'error',
      'add-mask',
    ]);
  });

  it('stay inert for every string in every field', () => {
    const docs = RUNS.flatMap((run, r) => markdownOf(run).map((d) => ({ ...d, r })));
    const html = gfmMany(docs.map((d) => d.md));
    const problems: string[] = [];
    docs.forEach((d, i) => {
      const where = `run ${d.r} ${d.name}`;
      for (const p of inertProblems(html[i], ALLOWED_LINKS)) problems.push(`${where}: ${p}`);
      if (SECRET.test(d.md)) problems.push(`${where}: a secret`);
      if (RAW_CONTROL.test(d.md)) problems.push(`${where}: a raw control character`);
      if (d.comment && d.md.length >= 65_536) problems.push(`${where}: ${d.md.length} chars`);
      if (d.comment && d.md.split('<!-- evalgate:comment -->').length !== 2)
        problems.push(`${where}: the marker is not there exactly once`);
    });
    expect(problems).toEqual([]);
  });
});

describe('plain-text outputs', () => {
  it('the check title, annotations and text report show controls and hide secrets', () => {
    for (const run of RUNS) {
      const h = plainHeadline(run.comparison);
      const title = `${h.title}: ${h.text}`;
      expect(title).not.toMatch(RAW_CONTROL);
      expect(title).not.toMatch(SECRET);
      expect(title).not.toContain('\n');
      const annotations = failureAnnotations(run.comparison);
      expect(annotations.length).toBeGreaterThan(0);
      for (const a of annotations) {
        // The path must name the dataset file exactly (GitHub matches it); it is not shown.
        expect(`${a.title}\n${a.message}`).not.toMatch(RAW_CONTROL);
        expect(`${a.title}\n${a.message}`).not.toMatch(SECRET);
      }
      const text = renderTextReport(run.comparison);
      expect(text).not.toMatch(RAW_CONTROL);
      expect(text).not.toMatch(SECRET);
    }
  });

  it('log lines start no workflow command, whatever they quote', () => {
    for (const s of [...STRINGS, HUGE]) {
      for (const line of [s, `evalgate: ${s}`, `  ${s}`, `${s}\n${s}`]) {
        expect(workflowCommands(logSafe(line))).toEqual([]);
      }
      expect(terminalText(s)).not.toMatch(RAW_CONTROL);
    }
    for (const run of RUNS) {
      const h = plainHeadline(run.comparison);
      expect(workflowCommands(logSafe(`evalgate: ${h.title}: ${h.text}`))).toEqual([]);
      const reasons = run.comparison.cases.flatMap((k) => k.head?.failing ?? []);
      for (const f of reasons)
        expect(workflowCommands(logSafe(`${f.mode}: ${f.reason}`))).toEqual([]);
    }
  });
});

describe.skipIf(!hasChromium())('the HTML viewer in Chromium', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'evalgate-corpus-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs no injected script and requests nothing', async () => {
    const file = join(dir, 'hostile.html');
    const run = together;
    writeFileSync(
      file,
      renderViewer(run.comparison, run.base, run.head, { title: STRINGS.join(' ') }),
    );
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const watch = watchPage(page);
      await page.goto(`file://${file}`);
      await page.waitForSelector('#cases .case-row');
      // Open every case, so every trace, tool call and retrieved text is rendered.
      await page.$$eval('#cases .case-row', (rows) =>
        rows.forEach((r) => (r as HTMLElement).click()),
      );
      await page.waitForTimeout(300);
      const found = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        elements: document.querySelectorAll(
          'img, iframe, object, embed, svg, style:not(head style)',
        ).length,
        scripts: document.querySelectorAll('script:not([type="application/json"])').length,
        links: Array.from(document.querySelectorAll('a'))
          .map((a) => a.getAttribute('href') ?? '')
          .filter((h) => !/^(#|https:\/\/cloud\.langfuse\.com\/project\/p\/traces\/)/.test(h)),
      }));
      expect(found).toEqual({ pwned: null, elements: 0, scripts: 1, links: [] });
      const body = (await page.textContent('body')) ?? '';
      expect(body).toContain('<script>window.__pwned=1;alert(1)</script>');
      expect(body).not.toMatch(SECRET);
      expect(watch.dialogs).toEqual([]);
      expect(watch.network).toEqual([]);
      expect(watch.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
