/**
 * GitHub's markdown renderer, and what "inert" means for its output. cmark-gfm is the renderer
 * GitHub's is built on (tables, strikethrough, autolinks, tagfilter); raw HTML is let through
 * (`--unsafe`), as GitHub lets it through to its sanitizer, so whatever tag or attribute our
 * escaping leaves in the text shows up here. Mentions and issue references GitHub links after
 * rendering, on text outside code: `visibleText` gives that text.
 */
import { spawnSync } from 'node:child_process';

export const HAS_CMARK = spawnSync('cmark-gfm', ['--version']).status === 0;

const ARGS = [
  '--unsafe',
  '-e',
  'table',
  '-e',
  'strikethrough',
  '-e',
  'autolink',
  '-e',
  'tagfilter',
];

export function gfm(md: string): string {
  const r = spawnSync('cmark-gfm', ARGS, {
    input: md,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`cmark-gfm failed: ${r.stderr}`);
  return r.stdout;
}

/**
 * Many documents in one cmark-gfm process (one spawn costs ~5 ms): each document is ended by a
 * paragraph holding a separator word no document here contains.
 */
export function gfmMany(docs: string[]): string[] {
  const sep = (i: number) => `EVALGATESEP${i}X`;
  // An unclosed fence in a document would swallow the separator, and that is a finding in
  // itself: the split then fails.
  const input = docs.map((d, i) => `${d}\n\n${sep(i)}\n\n`).join('');
  const out = gfm(input);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < docs.length; i++) {
    const marker = `<p>${sep(i)}</p>\n`;
    const at = out.indexOf(marker, from);
    if (at < 0) throw new Error(`document ${i} swallowed the separator: it left a block open`);
    parts.push(out.slice(from, at));
    from = at + marker.length;
  }
  return parts;
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

/** Text GitHub scans for mentions and references: outside code, tags and comments dropped. */
export function visibleText(html: string): string {
  return decode(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
      .replace(/<code>[\s\S]*?<\/code>/g, ' ')
      .replace(/<[^>]*>/g, ' '),
  );
}

const ALLOWED_TAGS = new Set([
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
  'br',
]);
const ALLOWED_ATTRS = new Set(['href', 'align', 'class', 'lang']);

/**
 * What is not inert in rendered HTML: a tag or attribute we do not write ourselves, a link
 * outside `allowedLinks`, an @-mention or #-reference GitHub would link. Empty when inert.
 */
export function inertProblems(html: string, allowedLinks: string[]): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const tag = m[2].toLowerCase();
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const a of m[3].matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const name = a[1].toLowerCase();
      if (!ALLOWED_ATTRS.has(name)) problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'class' && !/^"language-[\w-]*"$/.test(a[2] ?? ''))
        problems.push(`class ${a[2]} on <${tag}>`);
      if (name === 'href') {
        const href = decode((a[2] ?? '').replace(/^["']|["']$/g, ''));
        if (!allowedLinks.some((p) => href.startsWith(p))) problems.push(`link ${href}`);
      }
    }
  }
  const text = visibleText(html);
  // GitHub's mention: @ after a non-word character, then a login (letters, digits, dashes),
  // optionally /team. A zero-width joiner after the @ stops it.
  for (const m of text.matchAll(/(?:^|[^\w`])@([A-Za-z0-9][A-Za-z0-9-]*)/g))
    problems.push(`mention @${m[1]}`);
  for (const m of text.matchAll(/(?:^|[^\w&])(?:[\w.-]+\/[\w.-]+)?#(\d+)\b/g))
    problems.push(`reference #${m[1]}`);
  for (const m of text.matchAll(/\bGH-(\d+)\b/gi)) problems.push(`reference GH-${m[1]}`);
  return problems;
}
