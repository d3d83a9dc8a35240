import { z } from 'zod';
import { checkSchema, fail, pass, perSpec, plural, quote } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { FACT_KINDS, extractFacts, normaliseText, type FactKind } from './facts.ts';
import { docIds, sourceIndex, type SourceIndex } from './sources.ts';

const schema = checkSchema({
  type: z.literal('context_used'),
  /** The fewest facts that must come from the retrieved documents (default 1). */
  min_facts: z.number().int().positive().optional(),
  /** Extra facts (free text, case-insensitive) to look for besides the extracted ones. */
  facts: z.array(z.string().min(1)).optional(),
  /** Which kinds of fact to extract (default: all, as `grounded`). */
  kinds: z.array(z.enum(FACT_KINDS as [FactKind, ...FactKind[]])).optional(),
  /** Facts, as written in the output, not to count. */
  ignore: z.array(z.string()).optional(),
});

type Spec = z.infer<typeof schema>;

const settings = perSpec((spec: Spec) => ({
  kinds: new Set<FactKind>(spec.kinds ?? FACT_KINDS),
  ignore: new Set((spec.ignore ?? []).map(normaliseText)),
  facts: (spec.facts ?? []).map((f) => ({ text: f, norm: normaliseText(f) })),
  min: spec.min_facts ?? 1,
}));

interface Stated {
  text: string;
  supportedBy(index: SourceIndex): boolean;
}

const quoteList = (items: string[], max = 4) =>
  items
    .slice(0, max)
    .map((s) => quote(s, 40))
    .join(', ') + (items.length > max ? `, … (${items.length})` : '');

/**
 * The answer used what this trace retrieved: enough of the facts it states are supported by the
 * retrieved documents and NOT by the case's input (a fact the user gave, or one in the context
 * the system was handed, may simply have been echoed). Facts in neither are `grounded`'s
 * business and are only mentioned here.
 */
export const contextUsed: CheckDefinition<Spec> = {
  type: 'context_used',
  description:
    "The answer states facts that come from this trace's retrieved documents and not from the case input.",
  schema,
  run(spec, trace, ctx) {
    const { kinds, ignore, facts, min } = settings(spec);
    const stated: Stated[] = [];
    for (const f of extractFacts(trace.output)) {
      if (!kinds.has(f.kind) || ignore.has(normaliseText(f.text))) continue;
      stated.push({ text: f.text, supportedBy: (i) => f.keys.some((k) => i.keys.has(k)) });
    }
    const outputText = normaliseText(trace.output);
    for (const f of facts) {
      if (outputText.includes(f.norm)) {
        stated.push({ text: f.text, supportedBy: (i) => i.text.includes(f.norm) });
      }
    }
    const need = `needs ${plural(min, 'fact')} from the retrieved context`;
    if (stated.length === 0) return fail(`the answer states no facts (${need})`);

    const retrieved = sourceIndex('retrieved', trace, ctx.case);
    const input = sourceIndex('input', trace, ctx.case);
    if (retrieved.empty) {
      return fail(
        `nothing retrieved, yet the answer states ${quoteList(stated.map((s) => s.text))}`,
      );
    }
    const fromDocs: string[] = [];
    const echoed: string[] = [];
    const neither: string[] = [];
    for (const s of stated) {
      const inDocs = s.supportedBy(retrieved);
      const inInput = s.supportedBy(input);
      if (inDocs && !inInput) fromDocs.push(s.text);
      else if (inInput) echoed.push(s.text);
      else neither.push(s.text);
    }
    const ids = docIds(trace);
    const notes: string[] = [];
    if (echoed.length) notes.push(`in the input: ${quoteList(echoed, 3)}`);
    if (neither.length) notes.push(`in neither: ${quoteList(neither, 3)}`);
    const rest = notes.length ? `; ${notes.join('; ')}` : '';
    if (fromDocs.length >= min) {
      return pass(
        `${plural(fromDocs.length, 'fact')} from the retrieved context${ids}: ${quoteList(fromDocs)}${rest}`,
      );
    }
    return fail(
      `${plural(fromDocs.length, 'fact')} from the retrieved context${ids}, ${need}${
        fromDocs.length ? ` (${quoteList(fromDocs)})` : ''
      }${rest}`,
    );
  },
};
