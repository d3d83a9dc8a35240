/**
 * compare() fails closed: incomplete sides are an error (their unrun cases are not "removed"),
 * errors are gated like failures through the built-in `errors` mode, a failed check is a failure
 * even beside an errored one, and trusted severities override the results' own.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.ts';
import type { Results } from '../src/types.ts';
import type { CaseSpec } from './helpers/compare-results.ts';
import { makeResults, rng, trials } from './helpers/compare-results.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);

function selectedOf(list: string[]) {
  const sorted = [...list].sort();
  const hash = createHash('sha256').update(sorted.join('\n')).digest('hex');
  return { count: sorted.length, hash, ids: sorted };
}

function side(list: string[], label: string, passes = 3): Results {
  return makeResults(
    list.map((id) => ({ id, trials: trials('m', passes, 3) })),
    { label },
  );
}

describe('incomplete runs never pass', () => {
  it('head stopped after 20 of 60 cases: error naming what is missing, no case "removed"', () => {
    const all = ids(60);
    const base = side(all, 'base');
    base.meta.selected = selectedOf(all);
    const head = side(all.slice(0, 20), 'head');
    head.meta.selected = selectedOf(all);
    head.meta.interrupted = true;
    const c = compare(base, head);
    expect(c.verdict).toBe('error');
    expect(c.reasons[0]).toBe(
      'head is incomplete: 40 of 60 selected cases have no trial (interrupted): c20, c21, c22 and 37 more',
    );
    expect(c.counts.removed).toBe(0);
    expect(c.counts.not_run).toBe(40);
    expect(c.cases.find((k) => k.id === 'c59')?.label).toBe('not_run');
    expect(c.incomplete?.head).toMatchObject({ interrupted: true, selected: 60, missing: 40 });
    expect(c.incomplete?.base).toBeUndefined();
  });

  it('missing selected cases are an error even without the interrupted mark', () => {
    const all = ids(10);
    const base = side(all, 'base');
    const head = side(all.slice(0, 9), 'head');
    head.meta.selected = selectedOf(all);
    const c = compare(base, head);
    expect(c.verdict).toBe('error');
    expect(c.reasons[0]).toBe('head is incomplete: 1 of 10 selected cases has no trial: c09');
    // The base side too: it lacks cases its own run selected.
    const c2 = compare(head, base);
    expect(c2.verdict).toBe('error');
    expect(c2.reasons[0]).toMatch(/^base is incomplete: 1 of 10 selected cases has no trial/);
    expect(c2.counts.added).toBe(0);
  });

  it('a count without ids still catches the shortfall; an interrupted run with every case is an error', () => {
    const all = ids(10);
    const head = side(all.slice(0, 7), 'head');
    head.meta.selected = { count: 10, hash: 'x' };
    const c = compare(side(all, 'base'), head);
    expect(c.verdict).toBe('error');
    expect(c.reasons[0]).toBe('head is incomplete: 3 of 10 selected cases have no trial');
    expect(c.counts.not_run).toBe(3);

    const stopped = side(all, 'head');
    stopped.meta.interrupted = true;
    const c2 = compare(side(all, 'base'), stopped);
    expect(c2.verdict).toBe('error');
    expect(c2.reasons[0]).toMatch(/^head was interrupted/);
  });

  it('old results without `selected` keep working: absent cases are removed, the gate passes', () => {
    const all = ids(10);
    const c = compare(side(all, 'base'), side(all.slice(0, 8), 'head'));
    expect(c.verdict).toBe('pass');
    expect(c.counts.removed).toBe(2);
    expect(c.incomplete).toBeUndefined();
  });
});

describe('errors never hide a regression', () => {
  it('a head that crashes on 19 of 100 cases passing 3/3 on base blocks', () => {
    const specs = (crash: boolean): CaseSpec[] =>
      ids(100).map((id, i) => ({
        id,
        trials: trials('m', 3, 3),
        traceErrors: crash && i < 19 ? [0, 1, 2] : [],
      }));
    const base = makeResults(specs(false), { label: 'base' });
    const head = makeResults(specs(true), { label: 'head' });
    const c = compare(base, head, { gate: { max_error_share: 0.2 } });
    expect(c.verdict).toBe('block');
    expect(c.reasons[0]).toMatch(/^errors fell from 100% to 81% \(-19 pts/);
    const errors = c.modes.find((m) => m.mode === 'errors')!;
    expect(errors).toMatchObject({ verdict: 'regressed', blocking: true, severity: 'critical' });
    // The crashed cases are errored (not new failures), and the mode of the checks is unchanged.
    expect(c.counts.errored).toBe(19);
    expect(c.modes.find((m) => m.mode === 'm')?.verdict).not.toBe('regressed');
  });

  it('A/A with 5% random errors on both sides does not block', () => {
    let blocks = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const r = rng(seed);
      const specs = (): CaseSpec[] =>
        ids(100).map((id) => {
          const errs = [0, 1, 2].filter(() => r() < 0.05);
          return { id, trials: trials('m', 3, 3), traceErrors: errs };
        });
      const c = compare(makeResults(specs()), makeResults(specs()), {
        gate: { max_error_share: 0.2 },
      });
      if (c.verdict !== 'pass') blocks++;
    }
    expect(blocks).toBe(0);
  });

  it('comparisons without any errored trial have no errors mode', () => {
    const c = compare(side(ids(5), 'base'), side(ids(5), 'head'));
    expect(c.modes.map((m) => m.mode)).toEqual(['m']);
  });

  it('a failed check is a failure for its mode even when another check of the mode errored', () => {
    const specs = ids(20).map((id) => ({ id, trials: trials('m', 3, 3) }));
    const base = makeResults(specs, { label: 'base' });
    const head = makeResults(specs, { label: 'head' });
    for (const c of head.cases.slice(0, 4)) {
      for (const t of c.trials) {
        // As the runner wrote it before: one failed and one errored check, status `error`.
        t.checks = [
          { type: 'contains', mode: 'm', index: 0, status: 'fail', reason: 'missing text' },
          { type: 'judge', mode: 'm', index: 1, status: 'error', reason: 'judge timed out' },
        ];
        t.status = 'error';
      }
    }
    // The judge errors are gated by the errors mode; here only the failures should decide.
    const c = compare(base, head, { gate: { errors_severity: 'info', max_error_share: 0.5 } });
    const m = c.modes.find((x) => x.mode === 'm')!;
    expect(m.head).toMatchObject({ passes: 48, trials: 60, errors: 0 });
    expect(m.verdict).toBe('regressed');
    expect(c.verdict).toBe('block');
    expect(c.cases[0].label).not.toBe('errored');
    expect(c.cases[0].modes[0].label).not.toBe('errored');
    // The trial itself counts as failed, not errored.
    expect(c.head.counts).toMatchObject({ fail: 12, error: 0 });

    // A check that passed beside an errored one leaves the mode unknown for that trial.
    const h2 = makeResults(specs, { label: 'head' });
    h2.cases[0].trials[0].checks.push({
      type: 'judge',
      mode: 'm',
      index: 1,
      status: 'error',
      reason: 'judge timed out',
    });
    const c2 = compare(base, h2, { gate: { max_error_share: 0.5 } });
    expect(c2.modes[0].head).toMatchObject({ trials: 59, errors: 1 });
  });
});

describe('trusted severities', () => {
  it('override the severities the results record; other modes keep theirs', () => {
    const all = ids(30);
    const base = makeResults(
      all.map((id) => ({ id, trials: [{ a: 'pass', b: 'pass' }] as never })),
      { modes: { a: { severity: 'minor' }, b: { severity: 'minor' } } },
    );
    const head = makeResults(
      all.map((id, i) => ({
        id,
        trials: [{ a: i < 20 ? 'fail' : 'pass', b: i < 20 ? 'fail' : 'pass' }] as never,
      })),
      { modes: { a: { severity: 'minor' }, b: { severity: 'minor' } } },
    );
    expect(compare(base, head).verdict).toBe('pass');
    const c = compare(base, head, { severities: { a: 'critical' }, gateNote: 'note' });
    expect(c.verdict).toBe('block');
    expect(c.modes.find((m) => m.mode === 'a')?.severity).toBe('critical');
    expect(c.modes.find((m) => m.mode === 'b')?.severity).toBe('minor');
    expect(c.gate_note).toBe('note');
  });
});
