/**
 * compare() and planStage2() on synthetic Results: verdicts, floors, labels, errors, the
 * adaptive combination, robust mode, and a 10,000-case sanity run.
 */
import { describe, expect, it } from 'vitest';
import { compare, planStage2 } from '../src/compare/index.ts';
import { stratifiedTestOf, signFlipTest, type Stratum } from '../src/compare/stats.ts';
import type { CaseSpec, TrialSpec } from './helpers/compare-results.ts';
import { SYNTH_GATE, all, makeResults, rng, trials } from './helpers/compare-results.ts';

/** n cases of one mode; `head(i)` / `base(i)` give the pass counts of k trials. */
function pair(
  n: number,
  k: number,
  basePasses: (i: number) => number,
  headPasses: (i: number) => number,
  mode = 'refusal_policy',
) {
  const base = makeResults(
    Array.from({ length: n }, (_, i) => ({ id: `c${i}`, trials: trials(mode, basePasses(i), k) })),
    { label: 'base' },
  );
  const head = makeResults(
    Array.from({ length: n }, (_, i) => ({ id: `c${i}`, trials: trials(mode, headPasses(i), k) })),
    { label: 'head' },
  );
  return { base, head };
}

describe('mode verdicts', () => {
  it('regressed: blocks with a readable reason', () => {
    const { base, head } = pair(
      100,
      3,
      () => 3,
      (i) => (i < 17 ? 0 : 3),
    );
    const c = compare(base, head);
    const m = c.modes[0];
    expect(m.verdict).toBe('regressed');
    expect(m.blocking).toBe(true);
    expect(m.effect).toBeCloseTo(-0.17, 12);
    expect(m.p_regressed).toBeCloseTo(20 ** -17, 30);
    expect(m.test).toBe('exact');
    expect(c.verdict).toBe('block');
    expect(c.reasons[0]).toMatch(
      /^refusal_policy fell from 100% to 83% \(-17 pts, 95% CI -\d+ to -\d+\)$/,
    );
    expect(c.counts.new_failure).toBe(17);
    const nf = c.cases.find((x) => x.label === 'new_failure')!;
    expect(nf.excerpt?.input).toContain('"q"');
    expect(nf.excerpt?.tool_calls[0].name).toBe('lookup_order');
    expect(nf.head?.failing[0]).toMatchObject({
      mode: 'refusal_policy',
      reason: 'refusal_policy fail',
    });
  });

  it('improved', () => {
    const { base, head } = pair(
      100,
      3,
      (i) => (i < 30 ? 0 : 3),
      () => 3,
    );
    const c = compare(base, head);
    expect(c.modes[0].verdict).toBe('improved');
    expect(c.verdict).toBe('pass');
    expect(c.counts.fixed).toBe(30);
  });

  it('unchanged: interval inside the tolerance', () => {
    const { base, head } = pair(
      400,
      3,
      () => 3,
      () => 3,
    );
    const c = compare(base, head);
    expect(c.modes[0].verdict).toBe('unchanged');
    expect(c.modes[0].effect_ci[1]).toBeGreaterThan(0); // never zero width
    expect(c.counts.stable_pass).toBe(400);
    expect(c.cases[0].modes).toEqual([]); // stable passes are left out of the per-case list
    expect(c.reasons[0]).toMatch(/no failure mode of a blocking severity regressed/);
  });

  it('inconclusive, with an estimate of the cases needed', () => {
    const { base, head } = pair(
      30,
      1,
      (i) => (i < 25 ? 1 : 0),
      (i) => (i < 22 ? 1 : i < 25 ? 0 : i < 26 ? 1 : 0),
    );
    const c = compare(base, head);
    const m = c.modes[0];
    expect(m.verdict).toBe('inconclusive');
    expect(m.needed?.cases).toBeGreaterThan(0);
    expect(m.needed?.note).toMatch(/paired cases/);
  });

  it('min_drop: a certain drop below the floor does not regress', () => {
    // 3 points, very certain (every broken case fails all 3 trials of 1000 cases).
    const { base, head } = pair(
      1000,
      3,
      () => 3,
      (i) => (i < 30 ? 0 : 3),
    );
    const strict = compare(base, head, { gate: { min_drop: 0.05 } });
    expect(strict.modes[0].p_regressed_adjusted).toBeLessThan(1e-10);
    expect(strict.modes[0].verdict).not.toBe('regressed');
    expect(strict.verdict).toBe('pass');
    const loose = compare(base, head, { gate: { min_drop: 0.02 } });
    expect(loose.modes[0].verdict).toBe('regressed');
    expect(loose.verdict).toBe('block');
  });

  it('Holm over several modes, and non-blocking severities do not block', () => {
    const modes = ['a', 'b', 'tone'];
    const mk = (label: string, broken: boolean) =>
      makeResults(
        Array.from({ length: 60 }, (_, i) => ({
          id: `c${i}`,
          trials: Array.from(
            { length: 3 },
            () => ({ a: 'pass', b: 'pass', tone: broken && i < 15 ? 'fail' : 'pass' }) as TrialSpec,
          ),
        })),
        {
          label,
          modes: {
            a: { severity: 'critical' },
            b: { severity: 'major' },
            tone: { severity: 'minor' },
          },
        },
      );
    const c = compare(mk('base', false), mk('head', true));
    expect(c.modes.map((m) => m.mode)).toEqual(modes);
    const tone = c.modes[2];
    expect(tone.verdict).toBe('regressed');
    expect(tone.blocking).toBe(false);
    expect(tone.p_regressed_adjusted).toBeCloseTo(Math.min(1, 3 * tone.p_regressed), 15);
    expect(c.verdict).toBe('pass');
    expect(c.reasons.some((r) => /tone fell .*minor does not block/.test(r))).toBe(true);
  });

  it('accept label turns a block into a pass and keeps the reasons', () => {
    const { base, head } = pair(
      100,
      3,
      () => 3,
      (i) => (i < 20 ? 0 : 3),
    );
    const c = compare(base, head, { accepted: true });
    expect(c.verdict).toBe('pass');
    expect(c.accepted).toBe(true);
    expect(c.reasons.some((r) => r.startsWith('refusal_policy fell'))).toBe(true);
    expect(c.reasons.some((r) => r.includes('eval-regression-accepted'))).toBe(true);
  });
});

describe('errors, added and removed cases', () => {
  it('error verdict when a side has zero usable cases', () => {
    const base = makeResults([{ id: 'a', trials: trials('m', 1, 1) }], { label: 'base' });
    const head = makeResults([{ id: 'a', trials: trials('m', 1, 1), traceErrors: [0] }], {
      label: 'head',
    });
    const c = compare(base, head);
    expect(c.verdict).toBe('error');
    expect(c.reasons.join('\n')).toMatch(/head has no usable cases/);
    const empty = compare(makeResults([], { label: 'base' }), head);
    expect(empty.verdict).toBe('error');
    expect(empty.reasons.join('\n')).toMatch(/base has no usable cases/);
  });

  it('error verdict when the error share is above the limit (fail closed)', () => {
    const cases = (errs: boolean): CaseSpec[] =>
      Array.from({ length: 50 }, (_, i) => ({
        id: `c${i}`,
        trials: trials('m', 3, 3),
        // The same error rate on both sides (other cases): the errors mode does not move.
        traceErrors: errs ? (i < 10 ? [0] : []) : i >= 10 && i < 20 ? [1] : [],
      }));
    const c = compare(
      makeResults(cases(false), { label: 'base' }),
      makeResults(cases(true), { label: 'head' }),
    );
    expect(c.error_share.head).toBeCloseTo(10 / 150, 12);
    expect(c.modes.find((m) => m.mode === 'errors')?.verdict).not.toBe('regressed');
    expect(c.verdict).toBe('pass'); // 6.7% <= 10%
    const strict = compare(makeResults(cases(false)), makeResults(cases(true)), {
      gate: { max_error_share: 0.05 },
    });
    expect(strict.verdict).toBe('error');
    expect(strict.reasons.join('\n')).toMatch(/head: 7% of trials errored \(limit 5%\)/);
  });

  it('errored trials are missing, not failures', () => {
    // Head: 1 of 3 trials errors in 40 of 50 cases; the other trials pass. As failures this
    // would be a 27-point drop; as missing trials it is no change at all.
    const base = makeResults(
      Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, trials: trials('m', 3, 3) })),
    );
    const head = makeResults(
      Array.from({ length: 50 }, (_, i) => ({
        id: `c${i}`,
        trials: trials('m', 3, 3),
        traceErrors: i < 40 ? [2] : [],
      })),
    );
    const c = compare(base, head, { gate: { max_error_share: 0.5 } });
    const m = c.modes[0];
    expect(m.head).toMatchObject({ passes: 110, trials: 110, errors: 40, rate: 1 });
    expect(m.effect).toBe(0);
    expect(m.verdict).not.toBe('regressed');
    // The errors themselves are a regression, caught by the built-in errors mode.
    const errors = c.modes.find((x) => x.mode === 'errors')!;
    expect(errors).toMatchObject({ severity: 'critical', verdict: 'regressed', blocking: true });
    expect(errors.head).toMatchObject({ passes: 110, trials: 150, errors: 0 });
    expect(c.verdict).toBe('block');
    expect(c.reasons[0]).toMatch(/^errors fell from 100% to 73%/);
    // Errors at a severity that does not block: the check modes alone decide.
    const lenient = compare(base, head, {
      gate: { max_error_share: 0.5, errors_severity: 'minor' },
    });
    expect(lenient.verdict).toBe('pass');
    expect(c.cases[0].head).toMatchObject({ passes: 2, trials: 2, errors: 1 });

    // A check error (not a trace error) makes the trial missing for that mode only.
    const b2 = makeResults([{ id: 'x', trials: [all(['p', 'q'], 'pass')] }]);
    const h2 = makeResults([{ id: 'x', trials: [{ p: 'error', q: 'fail' }] }]);
    const c2 = compare(b2, h2, { gate: { max_error_share: 1 } });
    expect(c2.modes.find((m) => m.mode === 'p')!.head).toMatchObject({ trials: 0, errors: 1 });
    expect(c2.modes.find((m) => m.mode === 'q')!.head).toMatchObject({ trials: 1, passes: 0 });
    expect(c2.cases[0].modes.find((m) => m.mode === 'p')!.label).toBe('errored');
  });

  it('a case whose head trials all errored is labelled errored', () => {
    const cases = (errs: boolean): CaseSpec[] =>
      Array.from({ length: 40 }, (_, i) => ({
        id: `c${i}`,
        trials: trials('m', 3, 3),
        traceErrors: errs && i === 0 ? [0, 1, 2] : [],
      }));
    const c = compare(makeResults(cases(false)), makeResults(cases(true)));
    expect(c.cases[0].label).toBe('errored');
    expect(c.counts.errored).toBe(1);
  });

  it('added and removed cases; removed failing cases warn but do not block', () => {
    const base = makeResults([
      { id: 'kept', trials: trials('m', 1, 1) },
      { id: 'gone-failing', trials: trials('m', 0, 1) },
      { id: 'gone-passing', trials: trials('m', 1, 1) },
    ]);
    const head = makeResults([
      { id: 'kept', trials: trials('m', 1, 1), hash: 'edited' },
      { id: 'new', trials: trials('m', 1, 2) },
    ]);
    const c = compare(base, head);
    const byId = Object.fromEntries(c.cases.map((x) => [x.id, x]));
    expect(byId.new.label).toBe('added');
    expect(byId.new.base).toBeUndefined();
    expect(byId['gone-failing'].label).toBe('removed');
    expect(byId.kept.changed).toBe(true);
    expect(c.counts).toMatchObject({ added: 1, removed: 2, stable_pass: 1 });
    expect(c.verdict).toBe('pass');
    expect(
      c.reasons.some((r) =>
        /warning: 1 removed case\(s\) were failing on base \(gone-failing\)/.test(r),
      ),
    ).toBe(true);
    expect(c.reasons.some((r) => /1 added case\(s\): 50% of their trials pass/.test(r))).toBe(true);
  });

  it('survives malformed trials and checks', () => {
    const base = makeResults([{ id: 'a', trials: trials('m', 1, 1) }]);
    const head = makeResults([{ id: 'a', trials: trials('m', 1, 1) }]);
    (head.cases[0].trials[0] as any).checks = [
      null,
      { mode: 42 },
      ...head.cases[0].trials[0].checks,
    ];
    (head.cases[0] as any).modes = undefined;
    (head.cases[0].trials[0].trace as any).tool_calls = [
      null,
      { name: 'x', arguments: { big: 'y'.repeat(5000) } },
    ];
    delete (head.meta as any).gate;
    const c = compare(base, head, { gate: { min_drop: undefined } });
    expect(c.modes).toHaveLength(1);
    expect(c.verdict).toBe('pass');
    expect(c.gate).toMatchObject({ alpha: 0.01, min_drop: 0.05, block: ['critical', 'major'] });
  });
});

describe('per-case labels', () => {
  it('k = 1 flips are suspected, not confirmed; mixed cases are flaky', () => {
    // Inconclusive mode (few cases), one pass -> fail flip, one flaky, one stable fail.
    const base = makeResults([
      { id: 'flip', trials: trials('m', 1, 1) },
      { id: 'flaky', trials: trials('m', 1, 2) },
      { id: 'sf', trials: trials('m', 0, 1) },
      { id: 'sp', trials: trials('m', 1, 1) },
    ]);
    const head = makeResults([
      { id: 'flip', trials: trials('m', 0, 1) },
      { id: 'flaky', trials: trials('m', 2, 2) },
      { id: 'sf', trials: trials('m', 0, 1) },
      { id: 'sp', trials: trials('m', 1, 1) },
    ]);
    const c = compare(base, head);
    expect(c.modes[0].verdict).toBe('inconclusive');
    expect(c.cases.map((x) => x.label)).toEqual([
      'suspected_new_failure',
      'flaky',
      'stable_fail',
      'stable_pass',
    ]);
    expect(c.cases[0].excerpt?.output).toBe('answer');
    expect(c.cases[0].modes[0].p).toBeCloseTo(0.5, 12);
  });

  it('stage-2 trials confirm a new failure (per-case p stratified over stages, BH)', () => {
    const mk = (label: string, broken: boolean) =>
      makeResults(
        Array.from({ length: 40 }, (_, i) => {
          const bad = broken && i < 4;
          return {
            id: `c${i}`,
            trials: trials('m', bad ? 0 : i < 20 ? 1 : 0, 1).concat(),
            stage2: i < 4 ? trials('m', bad ? 0 : 5, 5) : undefined,
          };
        }),
        { label, stage2_modes: ['m'] },
      );
    // Base: cases 0..19 pass; head: cases 0..3 broken, re-run 5 more trials per side.
    const c = compare(mk('base', false), mk('head', true));
    const first = c.cases[0];
    expect(first.label).toBe('new_failure');
    // Reference: strata (1 pass vs 0 pass of 1) and (5 vs 0 of 5), p = 1/2 * 1/252.
    const ref = stratifiedTestOf([
      { kb: 1, xb: 1, kh: 1, xh: 0 },
      { kb: 5, xb: 5, kh: 5, xh: 0 },
    ]).p_reg;
    expect(ref).toBeCloseTo(1 / 504, 12);
    expect(first.modes[0].p).toBeCloseTo(ref, 12);
    expect(first.modes[0].q).toBeLessThanOrEqual(0.1);
    expect(c.counts.new_failure).toBe(4);
  });
});

describe('adaptive re-runs', () => {
  const gate = { ...SYNTH_GATE, adaptive: true, min_drop: 0.02 };

  function stage1(seed: number, n: number, drop: number) {
    const r = rng(seed);
    const probs = Array.from({ length: n }, () => (r() < 0.3 ? r() : r() < 0.8 ? 1 : 0));
    const broken = new Set(Array.from({ length: Math.round(n * drop) }, (_, i) => i * 3));
    const gen = (head: boolean, k: number) =>
      probs.map((p, i) =>
        trials(
          'm',
          Array.from(
            { length: k },
            () => (r() < (head && broken.has(i) ? 0 : p) ? 1 : 0) as number,
          ).reduce((a, b) => a + b, 0),
          k,
        ),
      );
    return { probs, broken, gen, r };
  }

  it('planStage2 picks the modes in the band and the cases with mixed outcomes', () => {
    // Mode "m": a mild drop (in band); mode "z": unchanged stable (p = 1: out of band).
    const base = makeResults(
      Array.from({ length: 60 }, (_, i) => ({
        id: `c${i}`,
        trials: Array.from(
          { length: 3 },
          (_, t) => ({ m: i < 20 || (i < 30 && t < 2) ? 'pass' : 'fail', z: 'pass' }) as TrialSpec,
        ),
      })),
    );
    const head = makeResults(
      Array.from({ length: 60 }, (_, i) => ({
        id: `c${i}`,
        trials: Array.from(
          { length: 3 },
          (_, t) => ({ m: i < 18 || (i < 30 && t < 1) ? 'pass' : 'fail', z: 'pass' }) as TrialSpec,
        ),
      })),
    );
    const st = compare(base, head, { gate: { adaptive: false } }).modes[0];
    expect(st.p_regressed).toBeGreaterThan(0.2 * gate.alpha);
    expect(st.p_regressed).toBeLessThanOrEqual(0.5);
    const plan = planStage2(base, head, gate);
    expect(plan.modes).toEqual(['m']);
    // Mixed pooled outcomes: cases 18..29 (0 < t < 6); 0..17 pass everything, 30.. fail everything.
    expect([...plan.caseIds].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))).toEqual(
      Array.from({ length: 12 }, (_, j) => `c${18 + j}`),
    );
    expect(plan.trials).toBe(5);
    expect(plan.candidates).toBe(12);
    expect(planStage2(base, head, { ...gate, robust: true }).modes).toEqual([]);
  });

  it('planStage2 also re-runs a mode that regressed already (for the per-case labels)', () => {
    const mk = (broken: boolean) =>
      makeResults(
        Array.from({ length: 60 }, (_, i) => ({
          id: `c${i}`,
          trials: trials('r', broken && i < 20 ? 0 : 3, 3),
        })),
      );
    const plan = planStage2(mk(false), mk(true), { ...gate, rerun_budget: 1 });
    expect(plan.modes).toEqual(['r']);
    expect(plan.caseIds).toHaveLength(20);
    // Nothing changed: p_reg = 1 > 0.5, no re-run.
    expect(planStage2(mk(false), mk(false), gate)).toEqual({
      modes: [],
      caseIds: [],
      trials: 0,
      candidates: 0,
    });
  });

  it('stays within the re-run budget: at most rerun_budget x the first stage, in whole cases', () => {
    // 60 cases x 3 trials = 180 stage-1 trials per side; 20 ambiguous cases (broken ones).
    const mk = (broken: boolean) =>
      makeResults(
        Array.from({ length: 60 }, (_, i) => ({
          id: `c${i}`,
          trials: trials('r', broken && i < 20 ? 0 : 3, 3),
        })),
      );
    for (const [budget, cases, per] of [
      [0.5, 18, 5], // 90 trials: 18 cases of 5
      [0.25, 9, 5],
      [0.02, 1, 3], // 3 trials: less than one case of 5, so one case of 3
      [0.001, 0, 0],
    ] as const) {
      const plan = planStage2(mk(false), mk(true), { ...gate, rerun_budget: budget });
      expect(plan.caseIds, `budget ${budget}`).toHaveLength(cases);
      expect(plan.trials).toBe(per);
      expect(plan.candidates).toBe(20);
      expect(plan.caseIds.length * plan.trials).toBeLessThanOrEqual(budget * 180);
    }
  });

  it('records what the re-runs cost, and judges the error share on the first stage', () => {
    // 40 cases x 3 trials per side; the head crashes on cases 0..7 (every trial errors). The
    // re-runs go to 8 of them (+33% trials): over both stages the head's error share would be
    // 64 / 160 = 40%, above max_error_share 0.3; over the first stage it is 24 / 120 = 20%.
    const g = { ...gate, max_error_share: 0.3, min_drop: 0 };
    const side = (head: boolean): CaseSpec[] =>
      Array.from({ length: 40 }, (_, i) => ({
        id: `c${i}`,
        trials: trials('m', 3, 3),
        stage2: i < 8 ? trials('m', 5, 5) : undefined,
        traceErrors: head && i < 8 ? [0, 1, 2, 3, 4, 5, 6, 7] : [],
      }));
    const c = compare(
      makeResults(side(false), { label: 'base', gate: g }),
      makeResults(side(true), { label: 'head', gate: g, stage2_modes: ['errors'] }),
      { gate: g },
    );
    expect(c.stage2).toEqual({ cases: 8, trials: 80, share: 80 / 240 });
    expect(c.error_share.head).toBeCloseTo(0.2, 12);
    expect(c.verdict).toBe('block');
    // The run records the ambiguous cases the budget left out: the comparison carries them.
    const head = makeResults(side(true), { label: 'head', gate: g, stage2_modes: ['errors'] });
    head.meta.stage2_deferred = 5;
    expect(compare(makeResults(side(false), { gate: g }), head, { gate: g }).stage2).toEqual({
      cases: 8,
      trials: 80,
      share: 1 / 3,
      deferred: 5,
    });
    // Without re-runs, no cost is recorded.
    const plain = (h: boolean) =>
      makeResults(
        side(h).map((x) => ({
          ...x,
          stage2: undefined,
          traceErrors: h && x.id === 'c0' ? [0] : [],
        })),
        { gate: g, stage2_modes: [] },
      );
    expect(compare(plain(false), plain(true), { gate: g }).stage2).toBeUndefined();
  });

  it('within the budget: the most suspect mode first, then the most informative cases by t', () => {
    // Mode "a": 12 cases broken (3/3 -> 0/3), p tiny. Mode "b": a milder drop on other cases,
    // in the band too. Cases 30..39 are mixed in "a" with lopsided pooled counts (t = 1 of 6).
    const spec = (head: boolean) =>
      Array.from({ length: 40 }, (_, i) => ({
        id: `c${i}`,
        trials: Array.from({ length: 3 }, (_, t) => ({
          a: (i < 12 ? !head : i >= 30 ? !head && t === 0 : true) ? 'pass' : 'fail',
          b: (i >= 12 && i < 24 ? (head ? t === 0 : t < 2) : true) ? 'pass' : 'fail',
        })) as TrialSpec[],
      }));
    const base = makeResults(spec(false));
    const head = makeResults(spec(true));
    // 120 trials per side, budget 0.5: 60 trials, 12 cases of 5.
    const plan = planStage2(base, head, { ...gate, min_drop: 0 });
    expect(plan.modes[0]).toBe('a');
    expect(plan.candidates).toBe(34);
    // Mode a's broken cases (t = 3 of 6: the most informative) take the whole budget, before
    // a's lopsided cases and before mode b.
    expect([...plan.caseIds].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `c${i}`).sort());
    expect(plan.modes).toEqual(['a']);
  });

  it('combines the stages: p* = min(1, p1 / 0.2, p2 / 0.8), Holm over p*', () => {
    const { gen } = stage1(3, 200, 0.05);
    const b1 = gen(false, 3);
    const h1 = gen(true, 3);
    const s2b = gen(false, 5);
    const s2h = gen(true, 5);
    const mixed = b1.map((t, i) => {
      const tot =
        t.filter((x) => x.m === 'pass').length + h1[i].filter((x) => x.m === 'pass').length;
      return tot > 0 && tot < 6;
    });
    const build = (label: string, s1: TrialSpec[][], s2: TrialSpec[][]) =>
      makeResults(
        s1.map((t, i) => ({ id: `c${i}`, trials: t, stage2: mixed[i] ? s2[i] : undefined })),
        { label, gate, stage2_modes: ['m'] },
      );
    const c = compare(build('base', b1, s2b), build('head', h1, s2h));
    const strata = (s: 0 | 1): Stratum[] =>
      b1.flatMap((t, i) => {
        if (s === 1 && !mixed[i]) return [];
        const bt = s === 0 ? t : s2b[i];
        const ht = s === 0 ? h1[i] : s2h[i];
        const count = (x: TrialSpec[]) => x.filter((y) => y.m === 'pass').length;
        return [{ kb: bt.length, xb: count(bt), kh: ht.length, xh: count(ht) }];
      });
    const p1 = stratifiedTestOf(strata(0)).p_reg;
    const p2 = stratifiedTestOf(strata(1)).p_reg;
    const m = c.modes[0];
    expect(m.p_regressed).toBeCloseTo(Math.min(1, p1 / 0.2, p2 / 0.8), 14);
    expect(m.p_regressed_adjusted).toBe(m.p_regressed); // one mode: Holm is the identity
    expect(c.stage2_modes).toEqual(['m']);
    // A run that planned stage 2 and found nothing to re-run (stage2_modes: []) still spent
    // only 0.2 alpha on stage 1: the same evidence is worth p1 / 0.2.
    const only1 = compare(
      makeResults(
        b1.map((t, i) => ({ id: `c${i}`, trials: t })),
        { gate },
      ),
      makeResults(
        h1.map((t, i) => ({ id: `c${i}`, trials: t })),
        { gate, stage2_modes: [] },
      ),
    );
    expect(only1.modes[0].p_regressed).toBeCloseTo(Math.min(1, p1 / 0.2), 14);
    expect(only1.stage2_modes).toBeUndefined();
    // Two plain runs compared by hand never planned a stage 2: the whole alpha, p1 itself.
    const plain = compare(
      makeResults(
        b1.map((t, i) => ({ id: `c${i}`, trials: t })),
        { gate },
      ),
      makeResults(
        h1.map((t, i) => ({ id: `c${i}`, trials: t })),
        { gate },
      ),
    );
    expect(plain.modes[0].p_regressed).toBeCloseTo(p1, 14);
  });
});

describe('robust mode', () => {
  it('uses the sign-flip test on per-case count differences', () => {
    const { base, head } = pair(
      40,
      3,
      (i) => (i % 4 === 0 ? 1 : 3),
      (i) => (i % 5 === 0 ? 0 : i % 4 === 0 ? 2 : 3),
    );
    const c = compare(base, head, { gate: { robust: true } });
    const d = Array.from(
      { length: 40 },
      (_, i) => (i % 5 === 0 ? 0 : i % 4 === 0 ? 2 : 3) - (i % 4 === 0 ? 1 : 3),
    );
    expect(c.modes[0].test).toBe('sign-flip');
    expect(c.modes[0].p_regressed).toBeCloseTo(signFlipTest(d).p_reg, 14);
    expect(c.modes[0].p_improved).toBeCloseTo(signFlipTest(d).p_imp, 14);
  });
});

describe('scale', () => {
  it('10,000 cases with no change: passes, labels add up, no confirmed new failures', () => {
    const r = rng(11);
    const n = 10_000;
    const modes = ['a', 'b', 'c'];
    const probs = Array.from({ length: n }, () =>
      modes.map(() => (r() < 0.3 ? r() : r() < 0.8 ? 1 : 0)),
    );
    const side = (label: string) =>
      makeResults(
        probs.map((ps, i) => ({
          id: `c${i}`,
          trials: Array.from(
            { length: 3 },
            () =>
              Object.fromEntries(
                modes.map((m, j) => [m, r() < ps[j] ? 'pass' : 'fail']),
              ) as TrialSpec,
          ),
        })),
        { label },
      );
    const base = side('base');
    const head = side('head');
    const t0 = performance.now();
    const c = compare(base, head);
    const ms = performance.now() - t0;
    expect(c.verdict).toBe('pass');
    expect(c.cases).toHaveLength(n);
    expect(Object.values(c.counts).reduce((a, b) => a + b, 0)).toBe(n);
    expect(c.counts.new_failure).toBe(0);
    for (const m of c.modes) {
      expect(m.verdict).toBe('unchanged');
      expect(m.test).toBe('exact'); // ~3,000 informative strata: support below 20,000
      expect(Math.abs(m.effect)).toBeLessThan(0.02);
    }
    expect(c.base.latency_ms?.p50).toBeGreaterThan(0);
    expect(c.head.counts.trials).toBe(3 * n);
    expect(ms).toBeLessThan(5000);
  });
});
