/**
 * Links from the comment: a case's dataset line at the head commit, its trace in the user's
 * tracing tool (`trace_url`), and the case in the trace viewer (`#case=<id>`).
 *
 * Link parts come from untrusted text (case ids, dataset paths, trace ids) and are redacted
 * before they are encoded: encoded, a secret would no longer look like one.
 */
import type { CaseComparison } from '../../types.ts';
import { safeHref, urlPart, urlPath } from '../markdown.ts';
import { redactSecrets } from '../redact.ts';
import type { Ctx } from './context.ts';

/** A link built from untrusted text would carry a secret in it past the redaction: no link. */
const holdsSecret = (s: string) => redactSecrets(s) !== s;

/**
 * The viewer's address as given: an http(s) URL, or a plain relative path (`report.html`, for a
 * comment read next to the viewer file). Ours, not the PR's: still checked character by character.
 */
function viewerBase(ctx: Ctx): { href: string; artifact: boolean } | undefined {
  const v = ctx.o.viewerUrl;
  const abs = safeHref(v);
  if (abs) return { href: abs.replace(/#.*$/, ''), artifact: false };
  if (v && /^[A-Za-z0-9_.-][A-Za-z0-9_./-]*$/.test(v) && !v.includes('..') && !v.includes('//'))
    return { href: v, artifact: false };
  const art = safeHref(ctx.o.artifactUrl);
  return art ? { href: art.replace(/#.*$/, ''), artifact: true } : undefined;
}

/** `[viewer](…#case=<id>)`, or `[viewer artifact](…)` when only the artifact is known. */
export function viewerLink(ctx: Ctx, id: string): string | undefined {
  const base = viewerBase(ctx);
  if (!base) return undefined;
  // The viewer's index is keyed by the redacted id as well.
  const href = `${base.href}#case=${urlPart(redactSecrets(id))}`;
  return `[${base.artifact ? 'viewer artifact' : 'viewer'}](${href})`;
}

/** The case's dataset line at that side's commit, with the suite's folder in the repository. */
export function sourceLink(ctx: Ctx, k: CaseComparison, side: 'head' | 'base'): string | undefined {
  const sha = side === 'head' ? ctx.headSha : ctx.baseSha;
  const repo = safeHref(ctx.o.repoUrl);
  if (!repo || !sha || !k.source?.file || holdsSecret(k.source.file)) return undefined;
  const dir = ctx.c.suite_dir ?? '';
  if (holdsSecret(dir)) return undefined;
  const file = [dir, k.source.file].filter(Boolean).join('/');
  const line = Number.isInteger(k.source.line) && k.source.line > 0 ? `#L${k.source.line}` : '';
  return `${repo.replace(/\/+$/, '')}/blob/${urlPart(sha)}/${urlPath(redactSecrets(file))}${line}`;
}

/** The trace in the user's tracing tool, from the suite's `trace_url` template. */
export function traceLink(ctx: Ctx, traceId: string | undefined): string | undefined {
  const tpl = ctx.c.trace_url;
  if (!tpl || !traceId) return undefined;
  return safeHref(redactSecrets(tpl.split('{trace_id}').join(urlPart(redactSecrets(traceId)))));
}
