/**
 * Untrusted text on a terminal or in a CI log: shown, never obeyed.
 *
 * A case id, a model output or a target's stderr can hold an ESC that starts a terminal control
 * sequence (clear the screen, rewrite the title, a hyperlink that hides its target), a carriage
 * return that overwrites what was printed before it, a C1 control that some terminals treat as
 * ESC [, or a bidirectional override that makes text read differently from what it is. Each such
 * character is replaced with a visible escape (`\x1b`, `\r`, `\u202e`), so the reader sees that
 * it was there and nothing acts on it. Tabs and newlines are kept: callers decide about lines.
 */

// C0 controls except tab and newline, DEL, C1 controls, the Unicode line and paragraph
// separators (some viewers break lines there), and the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\r': '\\r', '\f': '\\f', '\v': '\\v', '\0': '\\0' };

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.charCodeAt(0);
  return cp < 0x100
    ? `\\x${cp.toString(16).padStart(2, '0')}`
    : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** Controls and bidi overrides as visible escapes; tab and newline kept. */
export function showControls(s: string): string {
  return s.replace(UNSAFE, visible);
}

/** Text for a terminal: `showControls` of any value's text. */
export function terminalText(v: unknown): string {
  return showControls(typeof v === 'string' ? v : String(v));
}

/**
 * JSON text for a terminal: the characters `JSON.stringify` leaves raw that a terminal or an
 * editor may act on (C1 controls, line separators, bidi overrides) as \u escapes. They can only
 * occur inside strings, so the JSON means the same.
 */
export function terminalJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const ZWSP = '\u200b';

/**
 * Text that no GitHub Actions runner reads as a workflow command, in any of its lines: controls
 * shown (a bare `\r` would end a line for the runner), and every `::` and `##[` broken with a
 * zero-width space, which the reader does not see and the runner does not skip. See
 * src/github/log.ts, the only place the action writes its log from.
 */
export function logSafe(text: unknown): string {
  return showControls(typeof text === 'string' ? text : String(text))
    .replace(/:(?=:)/g, ':' + ZWSP)
    .replace(/#(?=#\[)/g, '#' + ZWSP);
}
