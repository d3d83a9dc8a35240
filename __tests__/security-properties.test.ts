/**
 * Property tests of the same boundary as security-corpus.test.ts, over generated text: strings
 * built from the pieces that markdown, HTML, GitHub's autolinker and mention linker, the Actions
 * runner and terminals give meaning to, mixed with arbitrary Unicode. For any of them, through
 * the escaping helpers and through whole runs (every field, the real compare, every report):
 * no raw HTML survives cmark-gfm, no mention or reference is linked, no link appears that we
 * did not make, no workflow command reaches the log, no raw control reaches a terminal, no
 * secret of a known shape is shown, and the comment stays under 65,536 characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureAnnotations } from '../src/github/publish.ts';
import {
  plainHeadline,
  renderComment,
  renderSummary,
  renderTextReport,
} from '../src/report/index.ts';
import { clean, code, fence, html, inline, link } from '../src/report/markdown.ts';
import { logSafe, terminalText } from '../src/report/plain.ts';
import { gfmMany, HAS_CMARK, inertProblems } from './helpers/gfm.ts';
import { hostileRun } from './helpers/hostile.ts';
import { workflowCommands } from './helpers/workflow-commands.ts';

const SECRETS = [
  ' sk-proj-abcdefghijklmnopqrstuvwx1234 ',
  ' ghp_abcdefghijklmnopqrstuvwxyz0123456789 ',
];
const SECRET_SHOWN = /sk-proj-abcdefghij|ghp_abcdefghij/;

/** Pieces with a meaning somewhere downstream. */
const PIECES = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '```',
  '~~~',
  '|',
  '\\',
  '*',
  '_',
  '~',
  '[',
  ']',
  '(',
  ')',
  '!',
  '#',
  '@',
  ':',
  '::',
  '##[',
  '/',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u2028',
  '\u00a0',
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '<details>',
  '</details>',
  '<summary>',
  '<!--',
  '-->',
  '<a href="javascript:alert(1)">',
  '</a>',
  '<br>',
  '&lt;',
  '&#64;',
  'http://evil.example/',
  'https://',
  'www.',
  'javascript:',
  'mailto:',
  '![x](',
  '](',
  '@octocat',
  '@org/team',
  'octocat',
  '#123',
  'GH-7',
  'acme/repo#9',
  '123',
  '::error::',
  '::add-mask::',
  '::stop-commands::',
  '##[error]',
  '%0A',
  '\x1b',
  '\x1b[2J',
  '\x1b]8;;',
  '\x07',
  '\u009b',
  '\x00',
  '\x7f',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '$',
  '$$',
  '{',
  '}',
  'evalgate:comment',
  ...SECRETS,
];

const hostileText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    {
      maxLength: 24,
    },
  )
  .map((parts) => parts.join(''));

/** Now and then a long one: 10-100 KB of the same, for the size limits and the cuts. */
const fieldText = fc.oneof(
  { weight: 9, arbitrary: hostileText },
  fc
    .tuple(hostileText, fc.integer({ min: 10_000, max: 100_000 }))
    // Whole repeats, not cut at n: a cut can end the input in a token's first characters, which
    // are no secret (and no pattern can know them for one), yet would match SECRET_SHOWN.
    .map(([s, n]) => (s || '<').repeat(Math.ceil(n / Math.max(1, s.length)))),
);

// Raw controls a terminal or a parser acts on (tab and newline are layout), bidi overrides.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const OURS = [
  'https://github.com/acme/bot/',
  'https://acme.github.io/v.html',
  'https://cloud.langfuse.com/project/p/traces/',
];

describe('escaping primitives, for any text', () => {
  it.skipIf(!HAS_CMARK)('stay inert in every markdown context GitHub renders', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const doc = [
          `before ${inline(s)} after`,
          '',
          `| a | b |\n| - | - |\n| ${inline(s, 80)} | ${code(s)} |`,
          '',
          `- ${link(inline(s, 40), 'https://github.com/acme/bot/blob/x')} · ${code(s, 20)}`,
          '',
          `<details><summary>Excerpt: ${html(s, 80)}</summary>`,
          '',
          fence(clean(s, 2000)),
          '',
          '</details>',
        ].join('\n');
        const [rendered] = gfmMany([doc]);
        expect(inertProblems(rendered, OURS)).toEqual([]);
        // The table keeps its two cells; the details block stays closed.
        expect(rendered.match(/<td>/g) ?? []).toHaveLength(2);
        expect((rendered.match(/<details>/g) ?? []).length).toBe(
          (rendered.match(/<\/details>/g) ?? []).length,
        );
        expect(doc).not.toMatch(RAW_CONTROL);
        expect(doc).not.toMatch(SECRET_SHOWN);
      }),
      { numRuns: 400 },
    );
  });

  it('never start a workflow command, never drive a terminal', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('', 'evalgate: ', '  ', '\n'), (s, prefix) => {
        expect(workflowCommands(logSafe(prefix + s))).toEqual([]);
        expect(terminalText(s)).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('whole runs with generated text in every field', () => {
  it.skipIf(!HAS_CMARK)('every report stays inert, and the comment fits', () => {
    fc.assert(
      fc.property(fc.array(fieldText, { minLength: 1, maxLength: 6 }), (strings) => {
        const run = hostileRun((field, n) => strings[(n + field.length) % strings.length]);
        const o = {
          repoUrl: 'https://github.com/acme/bot',
          viewerUrl: 'https://acme.github.io/v.html',
          baseRef: run.baseRef,
          headRef: run.headRef,
        };
        const comment = renderComment(run.comparison, o);
        const summary = renderSummary(run.comparison, o);
        expect(comment.length).toBeLessThan(65_536);
        const rendered = gfmMany([comment, summary]);
        for (const [k, md] of [comment, summary].entries()) {
          expect(inertProblems(rendered[k], OURS)).toEqual([]);
          expect(md).not.toMatch(RAW_CONTROL);
          expect(md).not.toMatch(SECRET_SHOWN);
        }
        const h = plainHeadline(run.comparison);
        expect(workflowCommands(logSafe(`evalgate: ${h.title}: ${h.text}`))).toEqual([]);
        const plain = [
          renderTextReport(run.comparison),
          `${h.title}: ${h.text}`,
          ...failureAnnotations(run.comparison).map((a) => `${a.title}\n${a.message}`),
        ].join('\n');
        expect(plain).not.toMatch(RAW_CONTROL);
        expect(plain).not.toMatch(SECRET_SHOWN);
      }),
      { numRuns: 100 },
    );
  });
});

describe('what these properties found, pinned', () => {
  it('a lone surrogate in a case id does not break the comment', () => {
    const run = hostileRun((field) => (field === 'id' ? 'emoji \ud83d cut' : 'x'));
    expect(renderComment(run.comparison, { viewerUrl: 'https://acme.github.io/v.html' })).toContain(
      'emoji',
    );
  });

  it.skipIf(!HAS_CMARK)('`www.` after an underscore is not autolinked', () => {
    const [rendered] = gfmMany([`a ${inline('_www.evil.example')} b`]);
    expect(inertProblems(rendered, OURS)).toEqual([]);
  });

  it('a token cut at a length limit is not shown in part', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const many = ` ${token} `.repeat(2000);
    for (let max = 20; max < 400; max += 7) expect(clean(many, max)).not.toMatch(SECRET_SHOWN);
    const run = hostileRun(() => many);
    expect(renderComment(run.comparison)).not.toMatch(SECRET_SHOWN);
  });
});
