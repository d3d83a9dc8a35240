/**
 * Making untrusted text inert in GitHub-flavoured markdown.
 *
 * Everything a report prints that came from a dataset, a model or a check reason goes through
 * `inline` (text inside a line or a table cell) or `fence` (a code block). The goal is that the
 * text renders as the same characters and does nothing else: no HTML, no links or images, no
 * table breakage, no @-mentions or #-references (GitHub turns those into notifications and
 * cross-links *after* markdown rendering, on the text nodes, so backslash escapes alone do not
 * stop them: a zero-width joiner between `@` and the name does).
 */
import { showControls } from './plain.ts';
import { redactSecrets } from './redact.ts';

const ZWJ = '\u200d';
const ZWSP = '\u200b';

/** Cuts to at most `max` code units without splitting a surrogate pair; marks the cut with …. */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= 1) return '…';
  let end = max - 1;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return s.slice(0, end) + '…';
}

/** Any value as display text: strings as they are, the rest as compact JSON. Never throws. */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s;
  } catch {
    return String(v);
  }
}

/** Text read past `max` before redacting, so a secret straddling the final cut is seen whole. */
const WINDOW = 256;
/**
 * Dropped from the end of a window that cut the text: a token cut there may be too short for
 * its pattern (20 of 40 characters of a GitHub token), and redaction shrinks what comes before
 * it, which would bring it into view.
 */
const UNSEEN_TAIL = 64;

/** `s.slice(0, end)` without leaving half a surrogate pair. */
function head(s: string, end: number): string {
  const code = s.charCodeAt(end - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/**
 * Untrusted value -> plain text: controls and bidi overrides shown as visible escapes (an ESC
 * would drive a terminal, a NUL confuses parsers, an override makes text read differently from
 * what it is), secrets redacted, cut to `max`. Only a window a little past `max` is read, so a
 * long output costs little.
 */
export function clean(v: unknown, max: number): string {
  const text = asText(v);
  const long = text.length > max + WINDOW;
  const s = redactSecrets(
    showControls((long ? head(text, max + WINDOW) : text).replace(/\r\n?/g, '\n')),
  );
  if (!long) return cut(s, max);
  const kept = head(s, Math.max(0, s.length - UNSEEN_TAIL));
  return kept.length >= max ? cut(kept, max) : kept + '…';
}

/** Breaks @-mentions, #-references, GH-references and URL autolinks with invisible characters. */
export function neutralize(s: string): string {
  return (
    s
      .replace(/@(?=[A-Za-z0-9_-])/g, '@' + ZWJ)
      .replace(/#(?=[A-Za-z0-9_])/g, '#' + ZWJ)
      .replace(/(GH)-(?=\d)/gi, '$1-' + ZWJ)
      .replace(/:(?=\/\/)/g, ':' + ZWSP)
      // No \b: GitHub's autolinker starts a link at `www.` after `_`, `*` or `~` too.
      .replace(/(www)\./gi, '$1' + ZWSP + '.')
  );
}

// ASCII punctuation that can start markdown or HTML syntax anywhere in a line. Line-start-only
// syntax (headings, lists, quotes) cannot occur because we never start a line with untrusted text.
const MD_SPECIAL = /[\\`*_[\]()#!|~$<>&{}]/g;

/**
 * Untrusted value -> one line of inert markdown, at most about `max` visible characters.
 * Newlines become ` ⏎ ` so a reason cannot end a table row or a list item.
 */
export function inline(v: unknown, max = 300): string {
  const flat = clean(v, max)
    .replace(/\s*\n\s*/g, ' ⏎ ')
    .replace(/\t/g, ' ');
  return neutralize(flat.replace(MD_SPECIAL, (ch) => '\\' + ch));
}

/**
 * A fenced code block that its content cannot close: the fence is one backtick longer than the
 * longest backtick run inside. Content is neutralised too (mentions are not linked inside code
 * on GitHub today, but we assume nothing about the renderer).
 */
export function fence(text: string, lang = 'text'): string {
  // `<!--` broken too, so an output cannot carry our hidden comment marker verbatim.
  const body = neutralize(text).replace(/<!--/g, '<!\u200d--');
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}${lang}\n${body.replace(/\n+$/, '')}\n${f}`;
}

/**
 * An inline code span for short identifiers (mode names, check types, refs); anything with
 * characters that could matter falls back to escaped text.
 */
export function code(v: unknown, max = 80): string {
  const s = clean(v, max);
  if (/^[A-Za-z0-9_.:/-]+$/.test(s) && !/:\/\//.test(s) && !/^www\./i.test(s)) return '`' + s + '`';
  return inline(s, max);
}

/** Escapes text for an HTML context (inside `<summary>`, which markdown does not process). */
export function html(v: unknown, max = 200): string {
  return neutralize(
    clean(v, max)
      .replace(/\s+/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;'),
  );
}

/**
 * A link destination we are willing to print: http(s) only, with the characters that could
 * end a markdown destination or an HTML attribute percent-encoded. Anything else -> undefined.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(
    /[()<>"'`\s\\[\]]/g,
    (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'),
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A URL component from untrusted text (case ids, file paths, trace ids). */
export function urlPart(s: string): string {
  // A lone surrogate (a cut emoji in a case id) would make encodeURIComponent throw.
  return encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd')).replace(
    /[!'()*]/g,
    (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** A path in a repository: each segment encoded, `/` kept. */
export function urlPath(p: string): string {
  return p
    .split('/')
    .filter((seg) => seg !== '' && seg !== '.' && seg !== '..')
    .map(urlPart)
    .join('/');
}

/** `[text](href)` when the href is safe; the text alone otherwise. `text` must be markdown already. */
export function link(text: string, href: string | undefined): string {
  const safe = safeHref(href);
  return safe ? `[${text}](${safe})` : text;
}
