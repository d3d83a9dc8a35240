/**
 * The review page of an imported sample (`evalgate review`): one self-contained HTML file, the
 * trace viewer's safety model (src/report/viewer.ts): the data sits in
 * `<script type="application/json">` blocks escaped by `jsonForScript` (redacted, nothing in it
 * can end the block), the page script builds the page with textContent only, and a CSP allows
 * no network and only our own script (by hash).
 *
 * Each trace has its own JSON block, parsed when the reviewer opens it (the list needs only
 * ids, strata and failed modes).
 */
import { createHash } from 'node:crypto';
import { ERRORS_MODE } from '../defaults.ts';
import { VIEWER_CSS } from '../report/viewer-assets.ts';
import { jsonForScript } from '../report/viewer.ts';
import type { Trace } from '../types.ts';
import { REVIEW_CSS, REVIEW_JS } from './assets.ts';

export interface ReviewMode {
  name: string;
  severity?: string;
  description?: string;
}

export interface ReviewTrace {
  trace: Trace;
  /** 1-based line of the sample file. */
  line: number;
}

export interface ReviewPageOptions {
  /** The sample file's name as shown (and the download's name is made from). */
  sampleName: string;
  /** sha256 of the sample file's bytes: the key of the reviewer's work in localStorage. */
  sampleHash: string;
  /** The config's failure modes, in the config's order. */
  modes: ReviewMode[];
  /** The config's `trace_url` (with `{trace_id}`), for links to the source. */
  traceUrl?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** What the list shows of a trace: id, where it came from, why it was sampled. */
function listEntry({ trace, line }: ReviewTrace) {
  const meta = isObject(trace.metadata) ? trace.metadata : {};
  const sample = isObject(meta.sample) ? meta.sample : {};
  const input = meta.input ?? trace.messages?.findLast?.((m) => m.role === 'user')?.content;
  const preview =
    typeof input === 'string' ? input : input === undefined ? '' : JSON.stringify(input);
  return {
    id: typeof trace.trace_id === 'string' && trace.trace_id ? trace.trace_id : null,
    line,
    stratum: typeof sample.stratum === 'string' ? sample.stratum : null,
    failed: strings(sample.failed_modes),
    case: typeof sample.case === 'string' ? sample.case : null,
    source: typeof meta.source === 'string' ? meta.source : null,
    error: !!trace.error,
    preview: preview.slice(0, 160),
  };
}

export function reviewData(traces: ReviewTrace[], opts: ReviewPageOptions) {
  return {
    sample: { name: opts.sampleName, hash: opts.sampleHash },
    modes: opts.modes.map((m) => ({
      name: m.name,
      severity: m.severity ?? null,
      description: m.description ?? null,
    })),
    // The mode-name rules of the config (src/suite/config.ts): not empty, not the built-in one.
    reserved: [ERRORS_MODE],
    traceUrl: opts.traceUrl ?? null,
    items: traces.map(listEntry),
  };
}

const SCRIPT_HASH = `sha256-${createHash('sha256').update(REVIEW_JS, 'utf8').digest('base64')}`;

/** One self-contained HTML file to review the sample's traces; open it from disk. */
export function renderReviewPage(traces: ReviewTrace[], opts: ReviewPageOptions): string {
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src '${SCRIPT_HASH}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    // The sample's name is set by the script (textContent): nothing from the data in the markup.
    '<title>evalgate review</title>',
    `<style>${VIEWER_CSS}${REVIEW_CSS}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    '<noscript>This review page needs JavaScript; the traces are in the JSON blocks of this file.</noscript>',
    `<script type="application/json" id="review-data">${jsonForScript(reviewData(traces, opts))}</script>`,
  ];
  traces.forEach((t, i) =>
    parts.push(
      `<script type="application/json" id="review-t${i}">${jsonForScript(t.trace)}</script>`,
    ),
  );
  // After the trace blocks: a sample is small, and the first trace shown needs its block.
  parts.push(`<script>${REVIEW_JS}</script>`, '</body>', '</html>', '');
  return parts.join('\n');
}
