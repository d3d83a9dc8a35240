/**
 * Stops a run on its own, before every trial ran, for reasons that make going on pointless or
 * unwanted: a trial whose model calls failed in a way every later one would repeat (a missing
 * or rejected API key), or the run's cost reaching its `max_cost` budget. Trials already in
 * flight finish (their cost is spent either way); no new one starts. The results record why
 * (meta.stopped), and an incomplete run is never a pass.
 */
import type { TrialResult } from '../types.ts';

export interface RunGuardOptions {
  /** USD; the run stops starting trials once its trials cost this much. */
  maxCostUsd?: number;
  log?: (line: string) => void;
}

function dollars(n: number): string {
  return `$${n.toFixed(n >= 1 ? 2 : 4)}`;
}

export class RunGuard {
  /** Why the run stopped; undefined while it runs on. */
  stopped: string | undefined;
  /** Cost of the trials seen so far (system and judge), USD. */
  spent = 0;
  private readonly maxCostUsd: number | undefined;
  private readonly log: (line: string) => void;
  private unpricedWarned = false;

  constructor(options: RunGuardOptions = {}) {
    this.maxCostUsd = options.maxCostUsd;
    this.log = options.log ?? (() => undefined);
  }

  stop(reason: string): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.log(`stopping the run: ${reason}`);
  }

  /** Called as each trial finishes. */
  observe(result: TrialResult): void {
    const e = result.trace.error;
    if (e?.fatal) this.stop(e.message);
    // A trace from the trace cache cost nothing this run (its checks, a judge's, still may).
    let cost = result.cached ? 0 : result.trace.usage?.cost_usd;
    const priced = typeof cost === 'number' || !result.trace.usage;
    cost = typeof cost === 'number' ? cost : 0;
    for (const k of result.checks) {
      if (k.fatal) this.stop(k.reason);
      if (typeof k.usage?.cost_usd === 'number') cost += k.usage.cost_usd;
    }
    this.spent += cost;
    if (this.maxCostUsd === undefined) return;
    if (!priced && !this.unpricedWarned) {
      this.unpricedWarned = true;
      this.log(
        'max_cost: a trial reported tokens but no cost (a model without a price: add it under prices:), so the budget undercounts',
      );
    }
    if (this.spent >= this.maxCostUsd)
      this.stop(
        `the max_cost budget of ${dollars(this.maxCostUsd)} is spent (${dollars(this.spent)}); the trials not run leave the run incomplete`,
      );
  }
}
