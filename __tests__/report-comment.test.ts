/**
 * The PR comment and the job summary, rendered by cmark-gfm the way GitHub renders them
 * (tables, strikethrough, autolinks, tagfilter; raw HTML allowed so <details> works, which is
 * also what makes the hostile-corpus test meaningful: we rely on our escaping, not on cmark).
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderComment, renderSummary, type CommentOptions } from '../src/report/index.ts';
import {
  acceptedSuite,
  bigSuite,
  demoSuite,
  errorSuite,
  hostileSuite,
  inconclusiveSuite,
  passSuite,
  type Suite3,
} from './helpers/report-fixtures.ts';

const OPTS: CommentOptions = {
  repoUrl: 'https://github.com/acme/support-bot',
  runUrl: 'https://github.com/acme/support-bot/actions/runs/123',
  artifactUrl: 'https://github.com/acme/support-bot/actions/runs/123/artifacts/9',
  viewerUrl: 'https://acme.github.io/evalgate/viewer.html',
  baseRef: 'main',
  headRef: 'feat/shorter-system-prompt',
};
const ALLOWED_LINKS = [
  'https://github.com/acme/support-bot/',
  'https://acme.github.io/evalgate/viewer.html',
  'https://cloud.langfuse.com/project/p/traces/',
];

const HAS_CMARK = spawnSync('cmark-gfm', ['--version']).status === 0;

function gfm(md: string): string {
  const r = spawnSync(
    'cmark-gfm',
    ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
    {
      input: md,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`cmark-gfm failed: ${r.stderr}`);
  return r.stdout;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The visible text of rendered HTML (tags dropped, comments dropped, entities decoded). */
function visibleText(htmlOut: string): string {
  return decode(htmlOut.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' '));
}

/** Column counts of each row of each table. */
function tableShapes(htmlOut: string): number[][] {
  return [...htmlOut.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
      (r) => (r[1].match(/<t[hd][ >]/g) ?? []).length,
    ),
  );
}

/** Asserts <details> opens and closes in order and returns how many there are. */
function balancedDetails(htmlOut: string): number {
  let depth = 0;
  let n = 0;
  for (const m of htmlOut.matchAll(/<(\/?)details\b/g)) {
    depth += m[1] ? -1 : 1;
    if (!m[1]) n++;
    expect(depth).toBeGreaterThanOrEqual(0);
    expect(depth).toBeLessThanOrEqual(1);
  }
  expect(depth).toBe(0);
  return n;
}

function assertInert(htmlOut: string) {
  expect(htmlOut).not.toMatch(/<script/i);
  expect(htmlOut).not.toMatch(/<img/i);
  expect(htmlOut).not.toMatch(/<iframe/i);
  // Inside tags only: the same words are fine as visible (escaped) text.
  expect(htmlOut).not.toMatch(/<[^>]*(href|src)\s*=\s*["']?\s*javascript:/i);
  expect(htmlOut).not.toMatch(/<[^>]*\son\w+\s*=/i);
  for (const m of htmlOut.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
    expect(
      ALLOWED_LINKS.some((p) => m[1].startsWith(p)),
      `unexpected link ${m[1]}`,
    ).toBe(true);
  }
  // Only our own tags: tables, lists, paragraphs, code, details.
  const tags = new Set([...htmlOut.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase()));
  const allowed = [
    'p',
    'a',
    'strong',
    'em',
    'code',
    'pre',
    'ul',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'details',
    'summary',
    'h3',
    'h4',
    'hr',
    'blockquote',
  ];
  expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
  const text = visibleText(htmlOut);
  expect(text).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/m); // no mention-able @name
  expect(text).not.toMatch(/#\d/); // no #123 references
  expect(text).not.toMatch(/GH-\d/i);
  expect(text).not.toMatch(/sk-proj-abc|ghp_abc/); // secrets redacted
}

describe.skipIf(!HAS_CMARK)('comment rendered by cmark-gfm', () => {
  let demo: Suite3;
  beforeAll(() => {
    demo = demoSuite();
  });

  it('starts with the verdict sentence and keeps tables and details well-formed', () => {
    const md = renderComment(demo.comparison, OPTS);
    expect(md.split('\n')[0]).toBe(
      '❌ **Blocked**: `refusal_policy` fell from 98% to 81% (-17 pts, 95% CI -24 to -10) and `hallucinated_action` fell from 100% to 90% (-10 pts, 95% CI -17 to -4); 6 new failures.',
    );
    const out = gfm(md);
    const shapes = tableShapes(out);
    expect(shapes).toHaveLength(3);
    expect(shapes[0]).toEqual(Array(5).fill(7)); // header + 4 modes, 7 columns
    expect(shapes[1]).toEqual(Array(2).fill(7)); // the folded mode, collapsed
    expect(shapes[2]).toEqual(Array(7).fill(4));
    // 6 excerpts (confirmed failures) + the suspected ones + the folded modes + the sample-size
    // hints + 5 lists (fixed, flaky, added, removed, errored)
    expect(balancedDetails(out)).toBe(14);
    assertInert(out);
    expect(md.trimEnd().endsWith('<!-- evalgate:comment -->')).toBe(true);
  });

  it('links each new failure to its dataset line, the viewer and the tracing tool', () => {
    const md = renderComment(demo.comparison, {
      ...OPTS,
      headSha: 'b8e2d47c1a9f0e3d2c5b6a7980fedcba12345678',
    });
    expect(md).toContain(
      '[refuse-medical-03](https://github.com/acme/support-bot/blob/b8e2d47c1a9f0e3d2c5b6a7980fedcba12345678/datasets/refusals.yaml#L18)',
    );
    expect(md).toContain(
      '[viewer](https://acme.github.io/evalgate/viewer.html#case=refuse-medical-03)',
    );
    expect(md).toContain(
      '[head trace](https://cloud.langfuse.com/project/p/traces/head-refuse-medical-03-0)',
    );
    expect(md).toContain(
      'Reproduce locally: `evalgate pr --base main --head feat/shorter-system-prompt`',
    );
    expect(md).toContain('add the `eval-regression-accepted` label');
    // New failures before suspected ones, and refusal_policy (the larger drop) first.
    expect(md.indexOf('refuse-medical-03')).toBeLessThan(md.indexOf('refund-hallucination-01'));
    expect(md.indexOf('refund-partial-02')).toBeLessThan(md.indexOf('refuse-legal-11'));
  });

  it('keeps a hostile corpus inert', () => {
    const h = hostileSuite();
    const md = renderComment(h.comparison, {
      ...OPTS,
      headRef: h.comparison.head.ref,
      baselineNote: 'reused from cache <img src=x onerror=alert(1)> @octocat #7',
    });
    expect(md.length).toBeLessThan(65_536);
    const out = gfm(md);
    assertInert(out);
    const shapes = tableShapes(out);
    expect(shapes[0]).toEqual(Array(5).fill(7));
    expect(shapes[1]).toEqual(Array(2).fill(7));
    expect(shapes.at(-1)).toEqual(Array(7).fill(4));
    balancedDetails(out);
    // The hidden marker appears once, at the end: an output cannot carry it verbatim.
    expect(md.split('<!-- evalgate:comment -->')).toHaveLength(2);
    // The hostile ref is shell-quoted inside a code span that it cannot close.
    expect(md).toMatch(
      /Reproduce locally: ``evalgate pr --base main --head 'feat\/`rm -rf ~`\\\|@/,
    );
    // Hostile text is still shown, as text.
    expect(visibleText(out)).toContain('<script>alert(1)</script>');
  });

  it('keeps the summary well-formed and inert too', () => {
    const h = hostileSuite();
    const out = gfm(renderSummary(h.comparison, OPTS));
    assertInert(out);
    balancedDetails(out);
    expect(tableShapes(out)[0]).toEqual(Array(5).fill(7));
  });

  it('shortens in tiers and says so', () => {
    const full = renderComment(demo.comparison, OPTS);
    expect(full).not.toContain('Shortened');
    const shorter = renderComment(demo.comparison, { ...OPTS, maxLength: full.length - 500 });
    expect(shorter.length).toBeLessThanOrEqual(full.length - 500);
    expect(shorter).toContain('**Shortened**');
    // Long outputs: trimming the excerpts is enough.
    const hostile = hostileSuite().comparison;
    const hostileFull = renderComment(hostile, OPTS);
    const trimmed = renderComment(hostile, { ...OPTS, maxLength: hostileFull.length - 1000 });
    expect(trimmed.length).toBeLessThanOrEqual(hostileFull.length - 1000);
    expect(trimmed).toContain('trace excerpts were trimmed');
    expect(balancedDetails(gfm(trimmed))).toBeGreaterThan(0);
    const bare = renderComment(demo.comparison, { ...OPTS, maxLength: 6000 });
    expect(bare.length).toBeLessThanOrEqual(6000);
    expect(bare).toContain('case lists were collapsed into counts');
    expect(bare).toContain('<!-- evalgate:comment -->');
    const out = gfm(bare);
    balancedDetails(out);
    expect(tableShapes(out)[0]).toEqual(Array(5).fill(7));
  });
});

describe('comment snapshots', () => {
  it.each([
    ['demo regression', demoSuite],
    ['clean pass', passSuite],
    ['inconclusive run', inconclusiveSuite],
    ['error run', errorSuite],
    ['accepted block', acceptedSuite],
  ])('%s', (_name, build) => {
    const md = renderComment(build().comparison, OPTS);
    expect(md.length).toBeLessThan(65_000);
    expect(md).toMatchSnapshot();
  });

  it('verdict lines of the other outcomes', () => {
    expect(renderComment(passSuite().comparison, OPTS).split('\n')[0]).toMatch(
      /^✅ \*\*Passed\*\*: no failure mode regressed/,
    );
    // Inconclusive modes are in the table; the headline only says what happened.
    expect(renderComment(inconclusiveSuite().comparison, OPTS).split('\n')[0]).toMatch(
      /^✅ \*\*Passed\*\*: no failure mode regressed \(/,
    );
    const err = renderComment(errorSuite().comparison, OPTS);
    expect(err.split('\n')[0]).toMatch(/^⚠️ \*\*Error\*\*: head: 67% of trials errored/);
    expect(err).not.toContain('add the `eval-regression-accepted` label');
    const acc = renderComment(acceptedSuite().comparison, OPTS);
    expect(acc.split('\n')[0]).toMatch(
      /^✅ Regression accepted: `refusal_policy` fell from 98% to 81%.*accepted with the `eval-regression-accepted` label\.$/,
    );
    expect(acc).not.toContain('add the `eval-regression-accepted` label');
  });

  it('a 10,000-case suite stays under the limit and says it was shortened', () => {
    const big = bigSuite(10_000);
    const t0 = performance.now();
    const md = renderComment(big.comparison, OPTS);
    const took = performance.now() - t0;
    console.log(`10,000-case comment: ${md.length} chars in ${took.toFixed(0)} ms`);
    expect(md.length).toBeLessThan(65_536);
    expect(md).toContain('**Shortened**');
    expect(md).toMatch(/…and [\d,]+ more not shown here: see the \[trace viewer\]/);
    expect(md).toMatchSnapshot();
    const summary = renderSummary(big.comparison, OPTS);
    expect(summary.length).toBeLessThanOrEqual(1024 * 1024);
    expect(summary.length).toBeGreaterThan(md.length);
    if (HAS_CMARK) {
      const out = gfm(md);
      balancedDetails(out);
      expect(tableShapes(out)[0].every((n) => n === 7)).toBe(true);
    }
  });
});
