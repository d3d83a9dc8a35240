/**
 * The texts a stated fact may come from, indexed once per trace part (several checks of a case
 * read them): the documents retrieved in the trace, the tools' results, and the case's input.
 */
import type { Case, RetrievedDoc, Trace } from '../../types.ts';
import { safeJson } from '../common.ts';
import { normaliseText, sourceKeys } from './facts.ts';

export const SOURCES = ['retrieved', 'tool_results', 'input'] as const;
export type Source = (typeof SOURCES)[number];

export interface SourceIndex {
  /** Normalised text, for free-text facts. */
  text: string;
  keys: Set<string>;
  empty: boolean;
}

const indexCache = new WeakMap<object, SourceIndex>();

function indexOf(owner: object, raw: () => string): SourceIndex {
  let idx = indexCache.get(owner);
  if (!idx) {
    const text = raw();
    idx = { text: normaliseText(text), keys: sourceKeys(text), empty: text.trim() === '' };
    indexCache.set(owner, idx);
  }
  return idx;
}

/** The trace's retrieved documents (an absent or malformed list reads as none). */
export function retrievedDocs(trace: Trace): RetrievedDoc[] {
  return Array.isArray(trace.retrieved) ? trace.retrieved : [];
}

/**
 * The case's input and context, without `context.documents`: pinned knowledge-base documents
 * are what the system should retrieve from, so a fact found only there was not "in the input".
 */
export function caseInputText(c: Case | undefined): string {
  if (!c) return '';
  const context = c.context ?? {};
  const { documents: _pinned, ...rest } = context;
  return [safeJson(c.input ?? ''), safeJson(rest)].join('\n');
}

const emptyCase = {};

export function sourceIndex(source: Source, trace: Trace, c: Case | undefined): SourceIndex {
  switch (source) {
    case 'retrieved': {
      const docs = retrievedDocs(trace);
      return indexOf(docs, () =>
        docs.map((d) => (d && typeof d.text === 'string' ? d.text : '')).join('\n\n'),
      );
    }
    case 'tool_results': {
      const calls = Array.isArray(trace.tool_calls) ? trace.tool_calls : [];
      return indexOf(calls, () =>
        calls
          .map((t) => (typeof t?.result === 'string' ? t.result : safeJson(t?.result ?? '')))
          .join('\n\n'),
      );
    }
    case 'input':
      return indexOf(c ?? emptyCase, () => caseInputText(c));
  }
}

/** " [kb/refunds.md, kb/hours.md]": which documents were searched, for the reviewer. */
export function docIds(trace: Trace): string {
  const ids = retrievedDocs(trace)
    .map((d) => d?.id)
    .filter((id): id is string => typeof id === 'string');
  if (ids.length === 0) return '';
  return ` [${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ', …' : ''}]`;
}

/** Ranked documents: the first `k` (all when k is absent), in the order the system returned them. */
export function topK(trace: Trace, k: number | undefined): RetrievedDoc[] {
  const docs = retrievedDocs(trace).filter((d) => d && typeof d === 'object');
  return k === undefined ? docs : docs.slice(0, k);
}

/** An expected id names a document by its `id`, or all chunks of it by their `source`. */
export function docMatches(doc: RetrievedDoc, id: string): boolean {
  return doc.id === id || doc.source === id;
}

/** A document's name in reasons: its id, else its source, else its rank. */
export function docName(doc: RetrievedDoc, rank: number): string {
  return doc.id ?? doc.source ?? `#${rank + 1}`;
}

export function idList(items: string[], max = 4): string {
  return items.slice(0, max).join(', ') + (items.length > max ? `, … (${items.length})` : '');
}
