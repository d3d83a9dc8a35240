/**
 * How V8 sizes the heap of a long run. A run keeps what it holds small (slim trials, the journal
 * on disk), but each trial also makes garbage that outlives a young-generation collection (what
 * was in flight when it ran) and dies later in the old generation. V8 lets the old generation
 * grow to up to four times what was live after the last full collection before collecting it
 * again, so a run whose live heap is 170 MB peaked at 720–780 MiB at 100,000 cases, most of it
 * garbage. A smaller growing factor collects that garbage sooner: measured at 100,000 cases
 * (docs/performance.md, "Memory"), 25% took the peak to about 440 MiB at the same wall time.
 *
 * This is not a cap: the heap still grows as far as a run needs (no out-of-memory a run would
 * not have had anyway), it is only collected more often. The user's own flag wins (`node
 * --heap-growing-percent=N`), and EVALGATE_HEAP_GROWING_PERCENT=0 leaves V8's defaults.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const FLAG = '--heap-growing-percent';
const DEFAULT_PERCENT = 25;

/** Sets V8's heap growing factor for this process, unless the user set one (see above). */
export function favourMemory(
  env: Record<string, string | undefined> = process.env,
  execArgv: readonly string[] = process.execArgv,
): number | undefined {
  // V8 flags cannot be given in NODE_OPTIONS; given to node itself they are in execArgv.
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return undefined;
  const raw = env.EVALGATE_HEAP_GROWING_PERCENT;
  const percent = raw === undefined || raw === '' ? DEFAULT_PERCENT : Number(raw);
  if (!Number.isInteger(percent) || percent <= 0 || percent > 1000) return undefined;
  // V8 reads this flag at each full collection, so setting it at run time takes effect.
  setFlagsFromString(`${FLAG}=${percent}`);
  watchYoungGeneration();
  return percent;
}

/**
 * The young generation's size, bounded. V8 doubles it (up to 64 MB a half, 128 MB in all) each
 * time as much as it holds has survived since it last grew. Loading a large suite or keeping
 * slim trials makes that happen at once, though almost nothing a trial allocates lives long:
 * at 100,000 cases the young generation was 128 MB of a 463 MiB peak. Past YOUNG_BYTES it stops
 * growing (V8 reads the growth factor each time it would grow). `checkpoint()` is called from
 * the loops that allocate (loading cases, finishing trials): it looks once every few hundred
 * calls, which costs nothing measurable.
 */
const YOUNG_BYTES = 16 * 2 ** 20;
let watching = false;
let calls = 0;

export function watchYoungGeneration(): void {
  watching = true;
}

export function checkpoint(): void {
  if (!watching || ++calls % 256 !== 0) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young || young.space_size < YOUNG_BYTES) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  watching = false;
}
