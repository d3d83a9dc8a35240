/**
 * The sticky PR comment and the job summary: the same document at two sizes.
 *
 * Both are built from sections (src/report/comment/: the first lines, the failure-mode table,
 * the new failures, the other cases, cost and latency, the footer with its links) at a "tier":
 * tier 0 is the fullest form, each later tier drops detail (trim excerpts -> drop excerpts ->
 * collapse lists into counts -> cap the new-failure list), until the document fits `maxLength`.
 * The document says when it was shortened and where the full data is (the trace viewer, the job
 * summary).
 */
import type { Comparison } from '../types.ts';
import { sortModes } from './format.ts';
import { splitByOrigin } from '../compare/synthetic.ts';
import {
  COMMENT_MAX,
  COMMENT_TIERS,
  DEFAULT_MARKER,
  SUMMARY_MAX,
  SUMMARY_TIERS,
  type CommentOptions,
  type Ctx,
} from './comment/context.ts';
import { newFailureSection } from './comment/failures.ts';
import { footer } from './comment/footer.ts';
import { header } from './comment/header.ts';
import { modeSection } from './comment/modes.ts';
import { otherLists } from './comment/others.ts';
import { usageSection } from './comment/usage.ts';

export { COMMENT_MAX, DEFAULT_MARKER, SUMMARY_MAX, type CommentOptions };

function render(c: Comparison, o: CommentOptions, summary: boolean): string {
  const maxLength = Math.max(2000, o.maxLength ?? (summary ? SUMMARY_MAX : COMMENT_MAX));
  const marker = o.marker ?? DEFAULT_MARKER;
  const tiers = summary ? SUMMARY_TIERS : COMMENT_TIERS;
  const modeRank = new Map(sortModes(c.modes ?? []).map((m, i) => [m.mode, i]));
  const origin = splitByOrigin(c.cases ?? []);
  let out = '';
  for (let t = 0; t < tiers.length; t++) {
    const tier = tiers[t];
    const ctx: Ctx = {
      c,
      o,
      tier,
      summary,
      headSha: o.headSha ?? c.head?.sha,
      baseSha: o.baseSha ?? c.base?.sha,
      acceptLabel: o.acceptLabel ?? c.gate?.accept_label ?? 'eval-regression-accepted',
      modeRank,
      ...(origin ? { origin } : {}),
    };
    const limitNote = summary ? 'job summary size limit' : 'comment size limit';
    const note = tier.note
      ? `> **Shortened** to fit the ${limitNote}: ${tier.note}. The trace viewer has every case.`
      : '';
    const fixed = [header(ctx), note, `### Failure modes\n\n${modeSection(ctx)}`];
    const rest = [otherLists(ctx), usageSection(ctx), footer(ctx, marker)];
    const fixedLen = fixed.concat(rest).reduce((n, s) => n + s.length + 2, 0);
    const last = t === tiers.length - 1;
    const budget = last ? maxLength - fixedLen - 300 : Infinity;
    const nf = newFailureSection(ctx, budget);
    out = [...fixed, nf.text, ...rest].filter(Boolean).join('\n\n') + '\n';
    if (out.length <= maxLength) return out;
    if (last) {
      // Still too long (thousands of modes or reasons): cut the body at a line, keep the footer.
      const tail = `\n\n> **Cut** at the size limit; the trace viewer has the full report.\n\n${footer(ctx, marker)}\n`;
      const body = out.slice(0, Math.max(0, maxLength - tail.length));
      return body.slice(0, body.lastIndexOf('\n') + 1) + tail;
    }
  }
  return out;
}

/** The sticky PR comment: under `maxLength` (default 65,000) characters whatever the suite size. */
export function renderComment(c: Comparison, opts: CommentOptions = {}): string {
  return render(c, opts, false);
}

/** The job summary: the same report, fuller (lists open, longer excerpts), up to 1 MiB. */
export function renderSummary(c: Comparison, opts: CommentOptions = {}): string {
  return render(c, { marker: '', ...opts }, true);
}
