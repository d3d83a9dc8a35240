import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { SuiteProblem } from './errors.ts';
import type { PathSegment } from './issues.ts';

/**
 * A parsed document that remembers where each value was written, so a validation issue at a
 * path (`checks[1].mode`) can name its line. Pure: works on strings.
 */
export interface Located {
  value: unknown;
  /** The 1-based line of the node at `path`, or of its nearest written ancestor. */
  lineOf(path: readonly PathSegment[]): number | undefined;
}

export type ParseResult = { ok: true; doc: Located } | { ok: false; problems: SuiteProblem[] };

/** A view of `located` rooted at `prefix` (e.g. one case inside a YAML list). */
export function locatedAt(
  located: Located,
  prefix: readonly PathSegment[],
  value: unknown,
): Located {
  return { value, lineOf: (path) => located.lineOf([...prefix, ...path]) };
}

/** Parses YAML; syntax errors come back as problems with line and column. */
export function parseYaml(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  // `merge`: YAML 1.1 merge keys (`<<: *defaults`) are how people share settings between cases.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          message: `YAML syntax error: ${e.message}`,
        };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    // The alias-expansion limit (a "billion laughs" document) and anything similar.
    return {
      ok: false,
      problems: [{ file, line: 1, message: `YAML error: ${(err as Error).message}` }],
    };
  }
  return { ok: true, doc: { value, lineOf: (path) => yamlLineOf(doc, lineCounter, path) } };
}

function lineAt(
  lc: LineCounter,
  node: { range?: [number, number, number] | null } | null | undefined,
) {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lc.linePos(start).line;
}

function deref(doc: Document, node: unknown): unknown {
  // An alias's own position is where it is used; its content lives at the anchor.
  for (let i = 0; i < 100 && isAlias(node); i++) node = node.resolve(doc);
  return node;
}

/**
 * Walks the YAML nodes along `path`. A mapping value is reported at its key's line (where the
 * user wrote `gate:`), a scalar or a list item at its own line; a missing key at its parent.
 */
export function yamlLineOf(
  doc: Document,
  lc: LineCounter,
  path: readonly PathSegment[],
): number | undefined {
  let node: unknown = doc.contents;
  let line = lineAt(lc, node as YamlNode) ?? 1;
  for (const seg of path) {
    node = deref(doc, node);
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const key = isScalar(p.key) ? p.key.value : p.key;
        return key !== null && key !== undefined && String(key) === String(seg);
      });
      if (!pair) return line;
      const keyLine = lineAt(lc, pair.key as YamlNode) ?? line;
      const val = deref(doc, pair.value);
      line = isScalar(val) ? (lineAt(lc, val) ?? keyLine) : keyLine;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return line;
      line = lineAt(lc, deref(doc, item) as YamlNode) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}
