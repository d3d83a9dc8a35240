/**
 * A tiny BM25 retriever over the knowledge base (kb/*.md). Small on purpose: the point of the
 * demo is that whatever it retrieves is recorded in the trace, so checks can compare the answer
 * with the context the system actually had.
 */

export interface KbDoc {
  /** Path relative to the app folder, e.g. `kb/hours.md`. */
  id: string;
  text: string;
}

export interface Hit extends KbDoc {
  score: number;
}

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being do does ' +
    'did i me my you your we our us it its this that these those can could would should will what ' +
    'when where which who how why please hi hello there have has had not no yes just about any so ' +
    'then than too very get got'
  ).split(' '),
);

/** Lower-case words without stopwords, with a crude plural/suffix strip so "refunds" ~ "refund". */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out: string[] = [];
  for (const word of words) {
    if (STOPWORDS.has(word)) continue;
    let w = word;
    if (w.length > 4 && w.endsWith('ing')) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
    else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.push(w);
  }
  return out;
}

interface Indexed {
  doc: KbDoc;
  tf: Map<string, number>;
  length: number;
}

export class Retriever {
  private readonly docs: Indexed[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(docs: KbDoc[]) {
    this.docs = docs.map((doc) => {
      // The title (first line) says what the doc is about: count it twice.
      const title = doc.text.split('\n', 1)[0] ?? '';
      const tokens = tokenize(`${title}\n${doc.text}`);
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      return { doc, tf, length: tokens.length };
    });
    for (const d of this.docs)
      for (const t of d.tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  /** The best `k` docs with a positive score, best first (ties by id, so results are stable). */
  search(query: string, k: number): Hit[] {
    const terms = [...new Set(tokenize(query))];
    const n = this.docs.length;
    const k1 = 1.2;
    const b = 0.75;
    const hits: Hit[] = [];
    for (const d of this.docs) {
      let score = 0;
      for (const t of terms) {
        const f = d.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / this.avgLength));
      }
      if (score > 0) hits.push({ ...d.doc, score: Math.round(score * 1000) / 1000 });
    }
    hits.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
    return hits.slice(0, k);
  }
}
