/**
 * The action's log: every line evalgate writes to it goes through here, so that no text from a
 * pull request (a mode name, a case id, a check message, a branch name, a target's or the setup
 * command's output) can become a workflow command.
 *
 * The runner reads a command from any line of stdout or stderr that starts with `::` after
 * leading whitespace (`::add-mask::`, `::error::`, `::stop-commands::`), and, in its older form,
 * from `##[` anywhere in a line. It splits lines at `\n` and at a bare `\r`. So each message is
 * escaped here, statelessly: controls (the `\r` among them) become visible escapes, newlines
 * stay the only line breaks, and every `::` and `##[` gets a zero-width space inside it, which
 * the reader does not see and the runner does not skip.
 *
 * Known secret values and secret-shaped strings are masked here too (src/report/redact.ts):
 * the log is public wherever the repository is.
 *
 * We do not wrap output in `::stop-commands::` instead: inside such a block our own commands
 * (warnings, `add-mask` for secrets) would be ignored too, and a block is only as safe as every
 * write inside it; escaping each line is.
 *
 * `@actions/core`'s own `warning`/`error`/`notice` escape newlines in the message, so a message
 * cannot start a second line; the annotation still shows its text, hence the same escaping.
 */
import * as core from '@actions/core';
import { logSafe } from '../report/plain.ts';
import { redactSecrets } from '../report/redact.ts';

export { logSafe };

/** Known secret values masked, then escaped so no text can become a workflow command. */
function safe(text: string): string {
  return logSafe(redactSecrets(text));
}

/** A plain log line (or lines). */
export function info(text: string): void {
  core.info(safe(text));
}

/** A notice annotation. */
export function notice(text: string): void {
  core.notice(safe(text));
}

/** A warning annotation. */
export function warning(text: string): void {
  core.warning(safe(text));
}

/** An error annotation. */
export function error(text: string): void {
  core.error(safe(text));
}

/** An error annotation, and the step fails. */
export function fail(text: string): void {
  core.setFailed(safe(text));
}

/** A writable for progress lines (`ConsoleProgress`): the same escaping, to stdout. */
export const logStream = {
  isTTY: false,
  write(chunk: string): boolean {
    return process.stdout.write(safe(chunk));
  },
};
