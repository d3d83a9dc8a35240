/**
 * Trajectories side by side: where a head trial's tool calls first differ from a base trial's.
 * Pure; used for the excerpt of a new failure, so a report can point at the step where the
 * agent went another way ("base called lookup_order, head called issue_refund").
 */

/** A tool call as a trajectory step: what was called and with which arguments. */
export interface TrajectoryStep {
  name?: unknown;
  arguments?: unknown;
}

/**
 * JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` are the same arguments.
 * Never throws (a cycle or a BigInt reads as its String()).
 */
export function canonicalJson(v: unknown): string {
  try {
    return (
      JSON.stringify(v ?? {}, (_k, x: unknown) =>
        x && typeof x === 'object' && !Array.isArray(x)
          ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
          : x,
      ) ?? ''
    );
  } catch {
    return String(v);
  }
}

function sameStep(a: TrajectoryStep | undefined, b: TrajectoryStep | undefined): boolean {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return a === b;
  return (
    String(a.name ?? '') === String(b.name ?? '') &&
    canonicalJson(a.arguments) === canonicalJson(b.arguments)
  );
}

/**
 * The 0-based index of the first step where the two trajectories differ (a different tool, or
 * the same tool with other arguments; a step one side has and the other does not, when one is
 * a prefix of the other), or undefined when they are the same.
 */
export function firstDivergence(
  head: readonly TrajectoryStep[],
  base: readonly TrajectoryStep[],
): number | undefined {
  const n = Math.max(head.length, base.length);
  for (let i = 0; i < n; i++) if (!sameStep(head[i], base[i])) return i;
  return undefined;
}
