import { z } from 'zod';
import { checkSchema, error, fail, pass } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { docMatches, docName, idList, retrievedDocs, topK } from './sources.ts';

const schema = checkSchema({
  type: z.literal('retrieval_recall'),
  /** Document ids (or sources) that must be retrieved. */
  expected: z.array(z.string().min(1)).min(1),
  /** Only the first k retrieved documents count (default: all of them). */
  k: z.number().int().positive().optional(),
  /** The share of `expected` that must be found, 0–1 (default 1: all). */
  min: z.number().gt(0).max(1).optional(),
});

type Spec = z.infer<typeof schema>;

export const retrievalRecall: CheckDefinition<Spec> = {
  type: 'retrieval_recall',
  description:
    'The expected documents (by id or source) are among the top k retrieved (all of them, or a `min` share).',
  schema,
  run(spec, trace) {
    if (!Array.isArray(trace.retrieved)) {
      return error('the trace reports no `retrieved` documents: cannot measure recall');
    }
    const top = topK(trace, spec.k);
    const found = spec.expected.filter((id) => top.some((d) => docMatches(d, id)));
    const missing = spec.expected.filter((id) => !found.includes(id));
    const share = found.length / spec.expected.length;
    const min = spec.min ?? 1;
    const where = spec.k === undefined ? 'retrieved' : `in the top ${spec.k}`;
    const counted = `${found.length} of ${spec.expected.length} expected documents ${where}`;
    if (share >= min) {
      return pass(`${counted}${found.length > 0 ? `: ${idList(found)}` : ''}`);
    }
    const all = retrievedDocs(trace);
    const later = missing
      .map((id) => ({ id, rank: all.findIndex((d) => d && docMatches(d, id)) }))
      .filter((m) => m.rank >= 0)
      .map((m) => `${m.id} at rank ${m.rank + 1}`);
    const need = min < 1 ? ` (need ${Math.round(min * 100)}%)` : '';
    const got = top.length === 0 ? 'nothing' : idList(top.map(docName));
    return fail(
      `${counted}${need}: missing ${idList(missing)}${later.length ? ` (${later.join(', ')})` : ''}; retrieved: ${got}`,
    );
  },
};
