/**
 * Regenerates docs/comment.png and docs/viewer.png from the real demo's output (run
 * `npm run demo` first), or from the report test fixture when there is none, and, after
 * `npm run demo:loop`, docs/monitor.png and docs/review.png (when evalgate has those commands):
 *   node scripts/screenshots.ts
 * The comment is rendered by cmark-gfm (as GitHub does) into a page with GitHub-like CSS; both
 * pages are screenshotted by the Debian Chromium. Not a test; run it after changing a report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderComment, renderViewer } from '../src/report/index.ts';
import { demoSuite } from '../__tests__/helpers/report-fixtures.ts';
import type { Comparison, Results } from '../src/types.ts';
import { launchChromium } from '../__tests__/helpers/chromium.ts';

const CSS = `
body{margin:0;background:#fff;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328}
.comment{max-width:920px;margin:16px;border:1px solid #d1d9e0;border-radius:6px}
.comment-head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e}
.comment-head b{color:#1f2328}
.markdown-body{padding:16px}
.markdown-body>*:first-child{margin-top:0}
h3{font-size:1.25em;margin:24px 0 16px;font-weight:600}
p,ul,table,pre,details,blockquote{margin:0 0 16px}
a{color:#0969da;text-decoration:none}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:85%;background:rgba(175,184,193,.2);padding:.2em .4em;border-radius:6px}
pre{background:#f6f8fa;padding:16px;border-radius:6px;overflow:auto}
pre code{background:none;padding:0;font-size:85%}
table{border-collapse:collapse;display:block;width:max-content;max-width:100%;overflow:auto}
th,td{border:1px solid #d1d9e0;padding:6px 13px}
th{font-weight:600}
tr:nth-child(2n){background:#f6f8fa}
blockquote{color:#59636e;border-left:.25em solid #d1d9e0;padding:0 1em}
hr{border:0;height:.25em;background:#d1d9e0;margin:24px 0}
summary{cursor:pointer}
ul{padding-left:2em}
`;

const out = join(import.meta.dirname, '..', 'docs');
const demoDir = join(import.meta.dirname, '..', '.evalgate', 'demo');
const readJson = (f: string) => JSON.parse(readFileSync(join(demoDir, f), 'utf8'));
const demo = existsSync(join(demoDir, 'comparison.json'))
  ? {
      comparison: readJson('comparison.json') as Comparison,
      base: readJson('base-results.json') as Results,
      head: readJson('head-results.json') as Results,
    }
  : demoSuite();
const md = renderComment(demo.comparison, {
  repoUrl: 'https://github.com/acme/support-bot',
  runUrl: 'https://github.com/acme/support-bot/actions/runs/123',
  artifactUrl: 'https://github.com/acme/support-bot/actions/runs/123/artifacts/9',
  viewerUrl: 'https://acme.github.io/evalgate/viewer.html',
  baseRef: 'main',
  headRef: 'support-prompt-reassure',
});
// The viewer shot opens a new failure whose trajectory left the base's (both sides called a
// different tool at the divergent step), else the first new failure.
const newFailures = demo.comparison.cases.filter((c) => c.label === 'new_failure');
const firstNewFailure =
  newFailures.find((c) => c.excerpt?.divergence?.head && c.excerpt.divergence.base)?.id ??
  newFailures[0]?.id ??
  demo.comparison.cases[0].id;
const r = spawnSync(
  'cmark-gfm',
  ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
  {
    input: md,
    encoding: 'utf8',
  },
);
if (r.status !== 0) throw new Error(`cmark-gfm failed: ${r.stderr}`);
const page = `<!doctype html><meta charset="utf-8"><style>${CSS}</style><div class="comment"><div class="comment-head"><b>github-actions</b> bot commented</div><div class="markdown-body">${r.stdout}</div></div>`;

const dir = mkdtempSync(join(tmpdir(), 'evalgate-shots-'));
const browser = await launchChromium();
try {
  const p1 = await browser.newPage({
    viewport: { width: 960, height: 1250 },
    deviceScaleFactor: 1,
  });
  await p1.setContent(page);
  // Open the first trace excerpt so the screenshot shows one (with its trajectory).
  await p1.evaluate(() =>
    [...document.querySelectorAll('details')]
      .find((d) => d.querySelector('summary')?.textContent?.startsWith('Head trace excerpt'))
      ?.setAttribute('open', ''),
  );
  await p1.screenshot({
    path: join(out, 'comment.png'),
    fullPage: false,
    clip: { x: 0, y: 0, width: 960, height: 1250 },
  });

  const viewerFile = join(dir, 'viewer.html');
  writeFileSync(
    viewerFile,
    renderViewer(demo.comparison, demo.base, demo.head, {
      title: 'evalgate: acme/support-bot #42',
    }),
  );
  const p2 = await browser.newPage({
    viewport: { width: 1440, height: 1500 },
    deviceScaleFactor: 1,
  });
  await p2.goto(`file://${viewerFile}`);
  await p2.waitForSelector('body[data-ready]');
  await p2.selectOption('#filter-label', 'new_failure');
  await p2.click(`.case[data-id="${firstNewFailure}"] .case-row`);
  await p2.evaluate((id) => {
    const trials = document.querySelectorAll(`.case[data-id="${id}"] details.trial`);
    // The first base trial and the first head trial.
    trials.forEach((d, i) => {
      (d as HTMLDetailsElement).open = i === 0 || i === trials.length / 2;
    });
  }, firstNewFailure);
  await p2.screenshot({
    path: join(out, 'viewer.png'),
    fullPage: false,
    clip: { x: 0, y: 0, width: 1440, height: 1500 },
  });
  console.log(`wrote ${join(out, 'comment.png')} and ${join(out, 'viewer.png')}`);

  // From `npm run demo:loop`'s output, when there is one: the monitor's dashboard, and the
  // review page of its sample (each only when this evalgate has the command).
  const loopDir = join(import.meta.dirname, '..', '.evalgate', 'demo-loop');
  const dashboard = join(loopDir, 'monitor', 'dashboard.html');
  if (existsSync(dashboard)) {
    const p3 = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    await p3.goto(`file://${dashboard}`);
    await p3.screenshot({ path: join(out, 'monitor.png'), fullPage: false });
    console.log(`wrote ${join(out, 'monitor.png')}`);
  }
  const review = join(dir, 'review.html');
  const ran = existsSync(join(loopDir, 'sample.jsonl'))
    ? spawnSync(
        process.execPath,
        [
          join(import.meta.dirname, '..', 'src', 'bin.ts'),
          'review',
          'sample.jsonl',
          '--config',
          'suite/evalgate.yml',
          '--out',
          review,
        ],
        { cwd: loopDir, encoding: 'utf8' },
      )
    : undefined;
  if (ran?.status === 0 && existsSync(review)) {
    const p4 = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    await p4.goto(`file://${review}`);
    await p4.screenshot({ path: join(out, 'review.png'), fullPage: false });
    console.log(`wrote ${join(out, 'review.png')}`);
  } else console.log('review page: not available (run npm run demo:loop; needs evalgate review)');
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
