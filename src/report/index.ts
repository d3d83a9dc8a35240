/** Reports: pure functions from a Comparison (and optionally the Results) to a string. */
export {
  renderComment,
  renderSummary,
  DEFAULT_MARKER,
  COMMENT_MAX,
  SUMMARY_MAX,
} from './comment.ts';
export type { CommentOptions } from './comment.ts';
export { plainHeadline, renderTextReport } from './text.ts';
export { fileSide, renderViewer, resultsSide, writeViewer, writeViewerStream } from './viewer.ts';
export type { ViewerSide, ViewerStreamOptions } from './viewer.ts';
export type { ViewerOptions } from './viewer.ts';
export { redactSecrets, redactDeep } from './redact.ts';
export { headline, verdictKind } from './headline.ts';
