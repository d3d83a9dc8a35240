import { terminalText } from '../report/plain.ts';
import type { CheckStatus } from '../types.ts';

export interface ProgressSink {
  start(total: number, label: string): void;
  tick(status: CheckStatus): void;
  finish(): void;
}

/** Prints nothing: for tests and `--quiet`. */
export const silentProgress: ProgressSink = { start() {}, tick() {}, finish() {} };

function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${m % 60}m`;
}

/** Where progress goes: stderr, or the action's escaped log (src/github/log.ts). */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * A live bar on a terminal, and a plain line every `intervalMs` in CI logs (where carriage
 * returns turn into thousands of lines). Writes to stderr so stdout stays machine-readable.
 */
export class ConsoleProgress implements ProgressSink {
  private total = 0;
  private done = 0;
  private counts = { pass: 0, fail: 0, error: 0 };
  private started = 0;
  private lastDraw = 0;
  private label = '';
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly stream: ProgressStream;
  private readonly tty: boolean;
  private readonly intervalMs: number;

  constructor(options: { stream?: ProgressStream; intervalMs?: number; tty?: boolean } = {}) {
    this.stream = options.stream ?? process.stderr;
    this.tty = options.tty ?? Boolean(this.stream.isTTY && !process.env.CI);
    this.intervalMs = options.intervalMs ?? 5000;
  }

  start(total: number, label: string): void {
    this.total = total;
    this.done = 0;
    this.counts = { pass: 0, fail: 0, error: 0 };
    this.started = Date.now();
    // A --label is the user's, but it still must not drive the terminal.
    this.label = terminalText(label).replace(/\s+/g, ' ');
    if (!this.tty) {
      this.stream.write(`evalgate: ${this.label}: ${total} trials to run\n`);
      this.timer = setInterval(() => this.stream.write(this.line() + '\n'), this.intervalMs);
      this.timer.unref();
    }
  }

  tick(status: CheckStatus): void {
    this.done++;
    this.counts[status]++;
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && this.done < this.total) return;
    this.lastDraw = now;
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r\x1b[2K${bar} ${this.line()}`);
  }

  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.tty) this.stream.write('\r\x1b[2K');
    this.stream.write(`${this.line()} in ${formatDuration(Date.now() - this.started)}\n`);
  }

  private line(): string {
    const elapsed = Date.now() - this.started;
    const rate = elapsed > 0 ? (this.done / elapsed) * 1000 : 0;
    const eta = rate > 0 ? ((this.total - this.done) / rate) * 1000 : NaN;
    const pct = this.total ? Math.floor((this.done / this.total) * 100) : 100;
    const { pass, fail, error } = this.counts;
    return (
      `evalgate: ${this.label}: ${this.done}/${this.total} (${pct}%) · ${pass} pass · ${fail} fail · ` +
      `${error} error · ${rate.toFixed(1)}/s` +
      (this.done < this.total ? ` · eta ${formatDuration(eta)}` : '')
    );
  }
}
