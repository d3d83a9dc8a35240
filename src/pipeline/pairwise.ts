/**
 * The pairwise post-pass of `evalgate pr`: once both sides' trials ran, each `pairwise` check of
 * a case is graded by showing the judge head trial k and base trial k (in both orders, see
 * checks/model/pairwise-check.ts). The verdict is the head trial's check result; the base trial's
 * result of that check is the reference: a pass, unless the head was better in both orders. So
 * the mode's paired test asks whether the head lost significantly more pairs than it won
 * (docs/statistics.md, "Pairwise modes").
 *
 * A judge error on a pair is an error on both sides (the comparison is unknown, not a fault of
 * either system), so the built-in `errors` mode does not read it as a head regression.
 */
import pLimit from 'p-limit';
import type { JudgeClient } from '../checks/definition.ts';
import { comparePair, REFERENCE, type PairwiseSpec } from '../checks/model/pairwise-check.ts';
import type { Case, CheckOutcome, CheckResult, Results, TrialResult } from '../types.ts';
import { recount, trialStatus } from '../run/runner.ts';

export interface PairwiseRun {
  cases: Case[];
  base: Results;
  head: Results;
  judge?: JudgeClient;
  /** Which trials to grade: stage 1 after the first run, stage 2 after the re-runs. */
  stage: 1 | 2;
  /** Pairs graded at once (each is two judge requests). */
  concurrency: number;
  signal?: AbortSignal;
}

const inStage = (t: TrialResult, stage: 1 | 2) => (stage === 1 ? !(t.stage >= 2) : t.stage >= 2);

function setOutcome(r: CheckResult, o: CheckOutcome): void {
  r.status = o.status;
  r.reason = o.reason;
  delete r.usage;
  delete r.retries;
  delete r.fatal;
  if (o.usage) r.usage = o.usage;
  if (o.retries) r.retries = o.retries;
  if (o.fatal) r.fatal = true;
}

/** Grades every pairwise check of the given stage's trials; returns the pairs sent to the judge. */
export async function gradePairwise(run: PairwiseRun): Promise<number> {
  const withPairwise = run.cases.filter((c) => c.checks.some((k) => k.type === 'pairwise'));
  if (withPairwise.length === 0) return 0;
  const byId = (r: Results) => new Map(r.cases.map((c) => [c.id, c]));
  const heads = byId(run.head);
  const bases = byId(run.base);
  const limit = pLimit(Math.max(1, run.concurrency));
  const touched = new Set<TrialResult>();
  const jobs: Promise<void>[] = [];
  let graded = 0;
  /** A judge error that every later call would repeat (a rejected key): no more calls. */
  let fatal: CheckOutcome | undefined;

  for (const c of withPairwise) {
    const head = heads.get(c.id);
    if (!head) continue;
    const base = bases.get(c.id);
    const baseTrials = new Map((base?.trials ?? []).map((t) => [t.trial, t]));
    for (const t of head.trials) {
      if (!inStage(t, run.stage)) continue;
      const b = baseTrials.get(t.trial);
      for (const k of t.checks) {
        if (k.type !== 'pairwise') continue;
        const spec = c.checks[k.index] as PairwiseSpec | undefined;
        const ref = b?.checks[k.index];
        const baseCheck = ref?.type === 'pairwise' ? ref : undefined;
        touched.add(t);
        if (b) touched.add(b);
        if (t.trace.error) {
          // The head's check already says its run errored; the base's answer is still the reference.
          if (baseCheck && !b!.trace.error)
            setOutcome(baseCheck, { status: 'pass', reason: REFERENCE });
          continue;
        }
        if (!spec || spec.type !== 'pairwise') {
          setOutcome(k, { status: 'error', reason: 'pairwise: the check is not in the suite' });
          continue;
        }
        if (!base || !b || !baseCheck) {
          setOutcome(k, {
            status: 'error',
            reason: !base
              ? 'pairwise: the case is not on the base, so there is no answer to compare with'
              : `pairwise: the base has no trial ${t.trial + 1} to compare with`,
          });
          continue;
        }
        if (b.trace.error) {
          setOutcome(k, {
            status: 'error',
            reason: `pairwise: the base's trial ${t.trial + 1} errored, so there is no answer to compare with`,
          });
          continue;
        }
        jobs.push(
          limit(async () => {
            if (run.signal?.aborted) {
              const stopped = {
                status: 'error' as const,
                reason: 'pairwise: not graded (interrupted)',
              };
              setOutcome(k, stopped);
              setOutcome(baseCheck, stopped);
              return;
            }
            const o = fatal
              ? { head: fatal, base: { status: 'error' as const, reason: fatal.reason } }
              : await comparePair(run.judge, spec, b.trace, t.trace, c);
            if (!fatal) graded++;
            if (o.head.fatal) fatal ??= { status: 'error', reason: o.head.reason, fatal: true };
            setOutcome(k, o.head);
            setOutcome(baseCheck, o.base);
          }),
        );
      }
    }
  }
  await Promise.all(jobs);
  for (const t of touched) t.status = trialStatus(t.trace, t.checks);
  recount(run.head);
  recount(run.base);
  return graded;
}

/** Cases a pairwise post-pass reads on the head (for callers that only hold results). */
export function hasPairwise(cases: Case[]): boolean {
  return cases.some((c) => c.checks.some((k) => k.type === 'pairwise'));
}
