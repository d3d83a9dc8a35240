import { z } from 'zod';
import { checkSchema, error, fail, pass } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { docMatches, docName, idList, topK } from './sources.ts';

const schema = checkSchema({
  type: z.literal('retrieval_precision'),
  /** Ids (or sources) of the documents that are relevant to this case. */
  relevant: z.array(z.string().min(1)).min(1),
  /** Only the first k retrieved documents count (default: all of them). */
  k: z.number().int().positive().optional(),
  /** The least share of those documents that must be relevant, 0–1. */
  min: z.number().gt(0).max(1),
});

type Spec = z.infer<typeof schema>;

const fmt = (x: number) => String(Math.round(x * 100) / 100);

export const retrievalPrecision: CheckDefinition<Spec> = {
  type: 'retrieval_precision',
  description:
    'At least a `min` share of the top k retrieved documents are relevant (by id or source).',
  schema,
  run(spec, trace) {
    if (!Array.isArray(trace.retrieved)) {
      return error('the trace reports no `retrieved` documents: cannot measure precision');
    }
    const top = topK(trace, spec.k);
    const at = spec.k === undefined ? '' : `@${spec.k}`;
    if (top.length === 0) return fail(`precision${at}: nothing retrieved`);
    const irrelevant: string[] = [];
    let hits = 0;
    top.forEach((d, i) => {
      if (spec.relevant.some((id) => docMatches(d, id))) hits++;
      else irrelevant.push(docName(d, i));
    });
    const p = hits / top.length;
    const counted = `${hits} of ${top.length} relevant`;
    if (p >= spec.min) return pass(`precision${at} ${fmt(p)} ≥ ${spec.min} (${counted})`);
    return fail(
      `precision${at} ${fmt(p)} < ${spec.min} (${counted}); not relevant: ${idList(irrelevant)}`,
    );
  },
};
