import { z } from 'zod';
import { checkSchema, error, fail, pass, quote } from '../common.ts';
import type { CheckDefinition } from '../definition.ts';
import { conversationOf, questionsIn } from './conversation.ts';

const schema = checkSchema({
  type: z.literal('no_repeated_question'),
  /** Two questions are the same when the Jaccard similarity of their word sets is at least this. */
  threshold: z.number().gt(0).max(1).default(0.8),
  /** Questions with fewer words are ignored ("Why?", "Anything else?"). */
  min_words: z.int().min(1).default(3),
});

type Spec = z.infer<typeof schema>;

/** Lower-case words of letters and digits (any script), for comparing questions. */
function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

export const noRepeatedQuestion: CheckDefinition<Spec> = {
  type: 'no_repeated_question',
  description:
    'The assistant never asks the same question in two turns (word-set similarity ≥ threshold).',
  schema: schema as unknown as z.ZodType<Spec>,
  needsConversation: true,
  run(spec, trace) {
    const turns = conversationOf(trace);
    if (!turns) {
      return error('no_repeated_question reads a conversation, and this trace has a single turn');
    }
    const threshold = spec.threshold ?? 0.8;
    const minWords = spec.min_words ?? 3;
    const earlier: { turn: number; text: string; words: Set<string> }[] = [];
    let asked = 0;
    for (let k = 0; k < turns.length; k++) {
      const mine: typeof earlier = [];
      for (const text of questionsIn(turns[k].output)) {
        const words = wordSet(text);
        if (words.size < minWords) continue;
        asked++;
        for (const q of earlier) {
          if (jaccard(q.words, words) >= threshold) {
            return fail(
              `turn ${k + 1} asks again what turn ${q.turn} asked: ${quote(text, 80)} (turn ${q.turn}: ${quote(q.text, 80)})`,
            );
          }
        }
        mine.push({ turn: k + 1, text, words });
      }
      // Questions of one turn are compared with later turns only, not with each other.
      earlier.push(...mine);
    }
    return pass(
      `${asked} question${asked === 1 ? '' : 's'} over ${turns.length} turns, none repeated`,
    );
  },
};
