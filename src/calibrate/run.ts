/**
 * `evalgate calibrate`: the judges of a suite, run on the traces people labelled, against their
 * labels. Labels come from the labels file (by trace hash) and from `human:` on a case's judged
 * checks; the traces from results files. Never throws for a bad label: it is skipped and counted.
 */
import pLimit from 'p-limit';
import type { JudgeClient } from '../checks/definition.ts';
import { runChecks } from '../checks/registry.ts';
import type { Case, CheckSpec, Results, Suite, Trace } from '../types.ts';
import { agreementOf, confusionOf, type Verdict } from './agreement.ts';
import type { Calibration, Disagreement, Floors, JudgeCalibration } from './calibration.ts';
import { isJudged, judgeIdentity, traceHash } from './identity.ts';
import type { LabelRow } from './labels.ts';

/** One label ready to grade: the check, the trace, the person's verdict. */
export interface LabelledTrace {
  case: Case;
  /** Index of the check in the case's `checks`. */
  check: number;
  spec: CheckSpec;
  trace: Trace;
  /** The input the system saw (from the results file). */
  input: unknown;
  trace_hash: string;
  human: Verdict;
  note?: string;
}

interface StoredTrace {
  caseId: string;
  input: unknown;
  trace: Trace;
}

/** Skipped labels by reason, with a few examples each. */
class Skips {
  private byReason = new Map<string, string[]>();
  private counts = new Map<string, number>();
  add(reason: string, example: string): void {
    const list = this.byReason.get(reason) ?? [];
    if (list.length < 5) list.push(example);
    this.byReason.set(reason, list);
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
  }
  list(): Calibration['skipped'] {
    return [...this.byReason].map(([reason, examples]) => ({
      reason,
      count: this.counts.get(reason)!,
      examples,
    }));
  }
}

function checkOf(c: Case, ref: number | string): number | undefined {
  if (typeof ref === 'number') return ref < c.checks.length ? ref : undefined;
  const i = c.checks.findIndex((k) => k.name === ref);
  return i >= 0 ? i : undefined;
}

/**
 * The labelled traces: every label of the file whose trace is in the results, and every case
 * label (`human:` on a check) of a case with exactly one distinct trace in the results (its
 * input determines its trace; with several, which one the person judged is unknown). A label of
 * the file wins over a case label for the same trace and check; of two file labels, the later.
 */
export function collectLabelled(
  suite: Suite,
  results: Results[],
  labels: LabelRow[],
): { items: LabelledTrace[]; skipped: Calibration['skipped'] } {
  const skips = new Skips();
  const cases = new Map(suite.cases.map((c) => [c.id, c]));
  const stored = new Map<string, StoredTrace>();
  const perCase = new Map<string, Set<string>>();
  for (const r of results) {
    for (const cr of r.cases ?? []) {
      for (const t of Array.isArray(cr.trials) ? cr.trials : []) {
        if (!t?.trace || t.trace.error) continue;
        const hash = traceHash(cr.input, t.trace);
        if (!stored.has(hash)) stored.set(hash, { caseId: cr.id, input: cr.input, trace: t.trace });
        let set = perCase.get(cr.id);
        if (!set) perCase.set(cr.id, (set = new Set()));
        set.add(hash);
      }
    }
  }
  const items = new Map<string, LabelledTrace>();
  const put = (x: LabelledTrace) => items.set(`${x.trace_hash}\0${x.case.id}\0${x.check}`, x);

  // Case labels first, so that the file's labels override them.
  for (const c of suite.cases) {
    c.checks.forEach((spec, i) => {
      const h = spec.human as { label: Verdict; note?: string } | undefined;
      if (!h || !isJudged(spec)) return;
      const hashes = perCase.get(c.id);
      const where = `${c.id} check ${i}`;
      if (!hashes?.size)
        return skips.add('case label: the results have no trace of the case', where);
      if (hashes.size > 1)
        return skips.add(
          'case label: the case has different traces in the results (label them in the viewer instead)',
          where,
        );
      const [hash] = hashes;
      const s = stored.get(hash)!;
      put({
        case: c,
        check: i,
        spec,
        trace: s.trace,
        input: s.input,
        trace_hash: hash,
        human: h.label,
        ...(h.note ? { note: h.note } : {}),
      });
    });
  }
  for (const row of labels) {
    const where = `line ${row.line} (${row.case})`;
    const s = stored.get(row.trace_hash);
    if (!s) {
      skips.add('labels file: the trace is not in the results given', where);
      continue;
    }
    if (s.caseId !== row.case) {
      skips.add('labels file: the trace belongs to another case', where);
      continue;
    }
    const c = cases.get(row.case);
    if (!c) {
      skips.add('labels file: the suite has no such case', where);
      continue;
    }
    const i = checkOf(c, row.check);
    if (i === undefined) {
      skips.add('labels file: the case has no such check', where);
      continue;
    }
    if (!isJudged(c.checks[i])) {
      skips.add('labels file: the check is not graded by the judge', where);
      continue;
    }
    put({
      case: c,
      check: i,
      spec: c.checks[i],
      trace: s.trace,
      input: s.input,
      trace_hash: row.trace_hash,
      human: row.label,
      ...(row.note ? { note: row.note } : {}),
    });
  }
  return { items: [...items.values()], skipped: skips.list() };
}

export interface CalibrateOptions {
  suite: Suite;
  items: LabelledTrace[];
  skipped?: Calibration['skipped'];
  judge: JudgeClient;
  model: string;
  floors: Floors;
  concurrency?: number;
  signal?: AbortSignal;
  /** Called after each grading, for progress. */
  onGraded?: (done: number, total: number) => void;
  now?: Date;
}

/** Grades every labelled trace with its judge and sums the agreement up per judge. */
export async function calibrate(o: CalibrateOptions): Promise<Calibration> {
  const limit = pLimit(Math.max(1, o.concurrency ?? 8));
  let done = 0;
  const graded = await Promise.all(
    o.items.map((x) =>
      limit(async () => {
        const [r] = await runChecks([x.spec], x.trace, {
          rootDir: o.suite.rootDir,
          // The input the system saw: the judge is shown the same trace the person was.
          case: { ...x.case, input: x.input },
          judge: o.judge,
          signal: o.signal,
        });
        o.onGraded?.(++done, o.items.length);
        return { x, r };
      }),
    ),
  );
  // Every judge of the suite is listed, labelled or not: an unlabelled one is uncalibrated.
  const judges = new Map<
    string,
    {
      spec: CheckSpec;
      pairs: { human: Verdict; judge: Verdict }[];
      errors: number;
      firstError?: string;
      dis: Disagreement[];
    }
  >();
  for (const c of o.suite.cases)
    for (const spec of c.checks)
      if (isJudged(spec)) {
        const id = judgeIdentity(spec).id;
        if (!judges.has(id)) judges.set(id, { spec, pairs: [], errors: 0, dis: [] });
      }
  for (const { x, r } of graded) {
    const j = judges.get(judgeIdentity(x.spec).id)!;
    if (r.status === 'error') {
      j.errors++;
      j.firstError ??= `${x.case.id}: ${r.reason}`;
      continue;
    }
    j.pairs.push({ human: x.human, judge: r.status });
    if (r.status !== x.human)
      j.dis.push({
        case: x.case.id,
        check: x.check,
        trace_hash: x.trace_hash,
        human: x.human,
        judge: r.status,
        reason: r.reason,
        ...(x.note ? { note: x.note } : {}),
      });
  }
  const out: JudgeCalibration[] = [...judges.values()].map((j) => {
    const id = judgeIdentity(j.spec);
    return {
      id: id.id,
      mode: id.mode,
      type: id.type,
      title: id.title,
      spec_hash: id.spec_hash,
      model: o.model,
      ...agreementOf(confusionOf(j.pairs)),
      errors: j.errors,
      ...(j.firstError ? { first_error: j.firstError } : {}),
      disagreements: j.dis,
    };
  });
  return {
    schema: 'evalgate/calibration@1',
    created_at: (o.now ?? new Date()).toISOString(),
    model: o.model,
    floors: o.floors,
    judges: out,
    skipped: o.skipped ?? [],
  };
}
