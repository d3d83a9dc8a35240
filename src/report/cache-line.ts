import type { TraceCacheStats } from '../types.ts';

/**
 * What the trace cache saved, in one line: "0 of 438 target calls: all from cache", "126 of 438
 * target calls (312 from cache)". Undefined when the cache was off or served nothing.
 */
export function cacheLine(sides: (TraceCacheStats | undefined)[]): string | undefined {
  let hits = 0;
  let misses = 0;
  for (const s of sides) {
    if (!s) continue;
    hits += s.hits;
    misses += s.misses;
  }
  if (!hits) return undefined;
  const total = hits + misses;
  return misses === 0
    ? `0 of ${total} target calls: all from cache`
    : `${misses} of ${total} target calls (${hits} from cache)`;
}
