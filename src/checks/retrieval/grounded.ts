import { z } from 'zod';
import { checkSchema, fail, pass, perSpec, plural, quote } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { FACT_KINDS, extractFacts, normaliseText, type Fact, type FactKind } from './facts.ts';
import { SOURCES, docIds, sourceIndex } from './sources.ts';

const schema = checkSchema({
  type: z.literal('grounded'),
  /** Extra facts (free text, case-insensitive): when the output states one, a source must too. */
  facts: z.array(z.string().min(1)).optional(),
  /** Which kinds of fact to extract (default: all). */
  kinds: z.array(z.enum(FACT_KINDS as [FactKind, ...FactKind[]])).optional(),
  /** Where facts may come from (default: retrieved only). */
  sources: z.array(z.enum(SOURCES)).min(1).optional(),
  /** Facts, as written in the output, that need no support (e.g. a phone number in the prompt). */
  ignore: z.array(z.string()).optional(),
});

type Spec = z.infer<typeof schema>;

/** What a spec selects, computed once per spec. */
const settings = perSpec((spec: Spec) => ({
  kinds: new Set<FactKind>(spec.kinds ?? FACT_KINDS),
  ignore: new Set((spec.ignore ?? []).map(normaliseText)),
  facts: (spec.facts ?? []).map((f) => ({ text: f, norm: normaliseText(f) })),
}));

export const grounded: CheckDefinition<Spec> = {
  type: 'grounded',
  description:
    'Facts the output states (amounts, percentages, dates, times, quantities, schedules, phone numbers, emails, URLs, listed facts) appear in the retrieved context.',
  schema,
  run(spec, trace, ctx) {
    const { kinds, ignore, facts } = settings(spec);
    const stated: Fact[] = extractFacts(trace.output).filter(
      (f) => kinds.has(f.kind) && !ignore.has(normaliseText(f.text)),
    );
    const outputText = normaliseText(trace.output);
    const listed = facts.filter((f) => outputText.includes(f.norm));

    if (stated.length === 0 && listed.length === 0) return pass('no facts stated');

    const sources = spec.sources ?? ['retrieved'];
    const indexes = sources.map((s) => sourceIndex(s, trace, ctx.case));
    const names = sources.map((s) =>
      s === 'retrieved' ? 'retrieved context' : s.replace('_', ' '),
    );
    const all = [...stated.map((f) => f.text), ...listed.map((f) => f.text)];
    if (indexes.every((i) => i.empty)) {
      return fail(`no ${names.join(' or ')}, yet the output states ${quoteList(all)}`);
    }

    const unsupported: string[] = [];
    for (const f of stated) {
      if (!indexes.some((i) => f.keys.some((k) => i.keys.has(k)))) {
        unsupported.push(`${quote(f.text, 40)} (${f.kind})`);
      }
    }
    for (const f of listed) {
      if (!indexes.some((i) => i.text.includes(f.norm))) unsupported.push(quote(f.text, 40));
    }
    const where = names.join(' or ') + (sources.includes('retrieved') ? docIds(trace) : '');
    if (unsupported.length === 0) {
      return pass(`${plural(all.length, 'fact')} found in ${where}: ${quoteList(all)}`);
    }
    const shown = unsupported.slice(0, 4).join(', ') + (unsupported.length > 4 ? ', …' : '');
    return fail(`not in ${where}: ${shown}`);
  },
};

function quoteList(items: string[], max = 4): string {
  const shown = items.slice(0, max).map((s) => quote(s, 40));
  return shown.join(', ') + (items.length > max ? `, … (${items.length})` : '');
}
