/**
 * What every section of the comment and the job summary shares: the options, the size tiers and
 * the rendering context. See ../comment.ts for how the tiers are used.
 */
import type { OriginSplit } from '../../compare/synthetic.ts';
import type { Comparison } from '../../types.ts';
import { code, html } from '../markdown.ts';

export interface CommentOptions {
  /** The workflow run. */
  runUrl?: string;
  /** The uploaded artifact with results, comparison and viewer. */
  artifactUrl?: string;
  /**
   * Where the HTML trace viewer can be opened (an http(s) URL, or a relative path such as
   * `report.html` for a comment read next to it); case links append `#case=<id>`.
   */
  viewerUrl?: string;
  /** e.g. https://github.com/o/r; with headSha, case ids link to their dataset line. */
  repoUrl?: string;
  headSha?: string;
  baseSha?: string;
  baseRef?: string;
  headRef?: string;
  /** Default: the comparison's gate.accept_label. */
  acceptLabel?: string;
  /** Hidden marker the action uses to find its comment. Default `<!-- evalgate:comment -->`. */
  marker?: string;
  /** Default 65,000 for the comment, 1 MiB for the summary. */
  maxLength?: number;
  /** A line about where the base results came from (e.g. reused from the cache). */
  baselineNote?: string;
}

export const DEFAULT_MARKER = '<!-- evalgate:comment -->';
export const COMMENT_MAX = 65_000;
export const SUMMARY_MAX = 1024 * 1024;

export interface ExcerptLimits {
  input: number;
  output: number;
  args: number;
  tools: number;
  retrieved: number;
  /** Turns of a conversation shown. */
  turns: number;
}

export interface Tier {
  excerpt: ExcerptLimits | null;
  /** Lists of fixed/flaky/... cases: shown (up to listCap each) or only counted. */
  lists: boolean;
  listCap: number;
  /** Cap on new-failure entries; the rest are counted with a link to the viewer. */
  failureCap: number;
  reasonMax: number;
  note?: string;
}

export const COMMENT_TIERS: Tier[] = [
  {
    excerpt: { input: 400, output: 800, args: 200, tools: 8, retrieved: 10, turns: 10 },
    lists: true,
    listCap: 100,
    failureCap: 50,
    reasonMax: 300,
  },
  {
    excerpt: { input: 150, output: 300, args: 80, tools: 4, retrieved: 5, turns: 4 },
    lists: true,
    listCap: 50,
    failureCap: 50,
    reasonMax: 200,
    note: 'trace excerpts were trimmed',
  },
  {
    excerpt: null,
    lists: true,
    listCap: 30,
    failureCap: 50,
    reasonMax: 200,
    note: 'trace excerpts were left out',
  },
  {
    excerpt: null,
    lists: false,
    listCap: 0,
    failureCap: 50,
    reasonMax: 160,
    note: 'trace excerpts were left out and case lists were collapsed into counts',
  },
];

export const SUMMARY_TIERS: Tier[] = [
  {
    excerpt: { input: 2000, output: 4000, args: 1000, tools: 20, retrieved: 20, turns: 20 },
    lists: true,
    listCap: 500,
    failureCap: 300,
    reasonMax: 1000,
  },
  ...COMMENT_TIERS.slice(1),
];

export interface Ctx {
  c: Comparison;
  o: CommentOptions;
  tier: Tier;
  /** The job summary (lists open, headings) rather than the PR comment. */
  summary: boolean;
  headSha?: string;
  baseSha?: string;
  acceptLabel: string;
  /** Sort rank per mode: regressed modes by severity, then the others by severity. */
  modeRank: Map<string, number>;
  /** Failures of real and synthetic cases apart; absent when no case is synthetic. */
  origin?: OriginSplit;
}

/**
 * A collapsed block in the comment; in the job summary, a heading and the content open. The
 * title is raw HTML inside `<summary>` (markdown escapes do not work there): `title` gets the
 * escaper for names (a code span of escaped HTML, or of markdown in the summary's heading).
 */
export function collapsible(
  ctx: Ctx,
  title: (name: (s: string) => string) => string,
  body: string[],
): string {
  if (ctx.summary) return [`#### ${title((s) => code(s))}`, '', ...body].join('\n');
  const t = title((s) => `<code>${html(s, 80)}</code>`);
  return [`<details><summary>${t}</summary>`, '', ...body, '', '</details>'].join('\n');
}
