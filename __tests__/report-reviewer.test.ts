/**
 * The comment a reviewer acts on (issue 9): each test builds results, runs the real compare()
 * and renders the real reports. See docs/reports.md.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare/index.ts';
import { renderComment, renderSummary, renderTextReport } from '../src/report/index.ts';
import type { Comparison, Results } from '../src/types.ts';
import {
  makeResults,
  rng,
  trials,
  type CaseSpec,
  type TrialSpec,
} from './helpers/compare-results.ts';

const MODES = {
  refusal_policy: { severity: 'critical' as const },
  ungrounded_answer: { severity: 'major' as const },
  wrong_tool: { severity: 'major' as const },
  tone: { severity: 'minor' as const },
};
const OPTS = {
  repoUrl: 'https://github.com/acme/bot',
  headSha: 'b8e2d47c1a9f0e3d2c5b6a7980fedcba12345678',
  artifactUrl: 'https://github.com/acme/bot/actions/runs/5/artifacts/9',
  baseRef: 'main',
  headRef: 'feature',
};

/** An unchanged system: each (case, mode) passes with the same probability on both sides. */
function aaRun(seed: number): Comparison {
  const r = rng(seed);
  const modes = Object.keys(MODES);
  const probs = Array.from({ length: 60 }, () =>
    modes.map(() => (r() < 0.3 ? 0.3 + 0.4 * r() : r() < 0.9 ? 1 : 0)),
  );
  const side = (): CaseSpec[] =>
    probs.map((ps, i) => ({
      id: `case-${i}`,
      trials: Array.from({ length: 3 }, () =>
        Object.fromEntries(modes.map((m, j) => [m, r() < ps[j] ? 'pass' : 'fail'])),
      ) as TrialSpec[],
    }));
  const base = makeResults(side(), { label: 'base', modes: MODES });
  const head = makeResults(side(), { label: 'head', modes: MODES });
  return compare(base, head);
}

describe('quiet when nothing happened', () => {
  it('10 seeded A/A runs: the headline says it passed, never "suspected"; flips are collapsed', () => {
    let withSuspected = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const c = aaRun(seed);
      expect(c.verdict).toBe('pass');
      const md = renderComment(c, OPTS);
      const first = md.split('\n')[0];
      expect(first).toMatch(
        /^✅ \*\*Passed\*\*: no failure mode regressed \(4 modes, 60 cases\)\.$/,
      );
      expect(renderTextReport(c).split('\n')[0]).not.toMatch(/suspected/i);
      if (c.counts.suspected_new_failure > 0) {
        withSuspected++;
        // In a collapsed section, not under a heading of their own.
        expect(md).toMatch(/<details><summary>\d+ suspected new failures? \(mostly failing/);
        expect(md).not.toMatch(/^### .*suspected/im);
      }
    }
    // The scenario does produce unconfirmed flips (which the old headline announced).
    expect(withSuspected).toBeGreaterThanOrEqual(3);
  });

  it('folds modes with nothing to see into one collapsed line and collapses the hints', () => {
    const base = makeResults(
      [
        ...Array.from({ length: 20 }, (_, i) => ({
          id: `r${i}`,
          trials: trials('refusal_policy', 3, 3),
        })),
        ...Array.from({ length: 20 }, (_, i) => ({
          id: `t${i}`,
          trials: trials('tone', i < 10 ? 3 : 1, 3),
        })),
        { id: 'w', trials: trials('wrong_tool', 3, 3) },
      ],
      { label: 'base', modes: MODES },
    );
    const head = makeResults(
      [
        ...Array.from({ length: 20 }, (_, i) => ({
          id: `r${i}`,
          trials: trials('refusal_policy', 3, 3),
        })),
        ...Array.from({ length: 20 }, (_, i) => ({
          id: `t${i}`,
          trials: trials('tone', i < 10 ? 1 : 3, 3),
        })),
        { id: 'w', trials: trials('wrong_tool', 3, 3) },
      ],
      { label: 'head', modes: MODES },
    );
    const md = renderComment(compare(base, head), OPTS);
    // tone changed (cases moved both ways, +0 overall but flips): a row; the others fold.
    expect(md).toMatch(
      /<details><summary>2 more modes unchanged or inconclusive with no change: <code>refusal_policy<\/code>, <code>wrong_tool<\/code><\/summary>/,
    );
    expect(md).toMatch(/^\| `tone` \|/m);
    expect(md).toMatch(
      /<details><summary>What would decide the \d+ inconclusive modes?<\/summary>/,
    );
    expect(md).not.toMatch(/^- `\w+` is inconclusive:/m);
  });
});

describe('the excerpt and checks of a new failure are of the mode it is listed under', () => {
  it('picks a head trial failing that mode and says how many head trials did', () => {
    // Head trial 0 fails only tone; trials 1-7 fail refusal_policy (and pass tone).
    const headTrials: TrialSpec[] = [
      { refusal_policy: 'pass', tone: 'fail' },
      ...Array.from({ length: 7 }, () => ({ refusal_policy: 'fail', tone: 'pass' }) as TrialSpec),
    ];
    const good = Array.from(
      { length: 8 },
      () => ({ refusal_policy: 'pass', tone: 'pass' }) as TrialSpec,
    );
    const filler = Array.from({ length: 30 }, (_, i) => ({
      id: `f${i}`,
      trials: trials('refusal_policy', 8, 8),
    }));
    const base = makeResults([{ id: 'x', trials: good }, ...filler], {
      label: 'base',
      modes: MODES,
    });
    const head = makeResults([{ id: 'x', trials: headTrials, output: 'unused' }, ...filler], {
      label: 'head',
      modes: MODES,
    });
    head.cases[0].trials.forEach((t, j) => (t.trace.output = `output of trial ${j}`));
    const c = compare(base, head);
    const x = c.cases.find((k) => k.id === 'x')!;
    expect(x.label).toBe('new_failure');
    const entry = x.modes.find((m) => m.mode === 'refusal_policy')!;
    expect(entry.label).toBe('new_failure');
    expect(entry.head_trial?.trial_ref).toBe(1);
    expect(entry.head_trial?.failing.map((f) => f.mode)).toEqual(['refusal_policy']);
    expect(x.excerpt?.output).toBe('output of trial 1');
    const md = renderComment(c, OPTS);
    const at = md.indexOf('**[x]');
    const section = md.slice(at, md.indexOf('</details>', at));
    expect(section).toContain(
      '- head ✗ 7 of 8 head trials fail `refusal_policy`: `contains`: refusal\\_policy fail',
    );
    expect(section).not.toContain('tone fail');
    expect(section).toContain('output of trial 1');
    expect(renderTextReport(c)).toContain('head: 7 of 8 trials fail refusal_policy');
  });

  it('stays small at 100,000 cases: per-mode trials only for the listed failures', () => {
    const n = 100_000;
    const spec = (failing: boolean) =>
      Array.from({ length: n }, (_, i) => ({
        id: `c${i}`,
        trials: trials('refusal_policy', failing && i % 1000 === 0 ? 0 : 3, 3),
      }));
    const base = makeResults(spec(false), { label: 'base', modes: MODES });
    const head = makeResults(spec(true), { label: 'head', modes: MODES });
    const t0 = performance.now();
    const c = compare(base, head);
    const took = performance.now() - t0;
    const withTrial = c.cases.filter((k) => k.modes.some((m) => m.head_trial)).length;
    expect(withTrial).toBe(c.counts.new_failure + c.counts.suspected_new_failure);
    expect(withTrial).toBe(100);
    expect(took).toBeLessThan(5000);
  });
});

/** Whole percent of a rendered rate cell: "71% (…)" -> 71. */
const pctOf = (cell: string) => Number(/^([\d.]+)%/.exec(cell.trim())?.[1]);

function rowsOf(md: string): string[][] {
  return md
    .split('\n')
    .filter((l) => /^\| `[^`]+` \| `/.test(l))
    .map((l) => l.split(' | ').map((s) => s.replace(/^\| |\|$/g, '').trim()));
}

describe('one set of trials per row', () => {
  function run(adaptive: boolean, seed: number): { c: Comparison; md: string } {
    const r = rng(seed);
    const mk = (side: 'base' | 'head'): CaseSpec[] =>
      Array.from({ length: 40 }, (_, i) => {
        const p = side === 'head' && i % 4 === 0 ? 0.2 : i % 3 === 0 ? 0.6 : 1;
        const t = (k: number) =>
          Array.from({ length: k }, () => ({
            refusal_policy: r() < p ? 'pass' : 'fail',
            tone: r() < 0.8 ? 'pass' : 'fail',
          })) as TrialSpec[];
        // Adaptive: mixed cases get 5 more trials (stage 2), the others none.
        return { id: `c${i}`, trials: t(3), stage2: adaptive && p < 1 ? t(5) : undefined };
      });
    const stage = adaptive ? { stage2_modes: ['refusal_policy', 'tone'] } : {};
    const base = makeResults(mk('base'), { label: 'base', modes: MODES, ...stage });
    const head = makeResults(mk('head'), { label: 'head', modes: MODES, ...stage });
    const c = compare(base, head, { gate: { adaptive } });
    return { c, md: renderComment(c, OPTS) };
  }

  it.each([
    ['plain', false],
    ['adaptive', true],
  ])(
    '%s runs: base rate - head rate = the change, in the data and in the table',
    (_n, adaptive) => {
      for (const seed of [1, 2, 3]) {
        const { c, md } = run(adaptive as boolean, seed);
        for (const m of c.modes) {
          expect(m.head.rate - m.base.rate).toBeCloseTo(m.effect, 9);
          if (!adaptive) expect(m.base.rate).toBeCloseTo(m.base.passes / m.base.trials, 9);
        }
        if (adaptive) expect(c.modes.some((m) => m.base.uneven)).toBe(true);
        for (const cells of rowsOf(md)) {
          const change = Number(/^([+-]\d+) pts/.exec(cells[4])?.[1]);
          // Each shown figure is rounded to a whole point: within 1.5 pts of each other.
          expect(Math.abs(pctOf(cells[3]) - pctOf(cells[2]) - change)).toBeLessThanOrEqual(1.5);
        }
      }
    },
  );
});

function erroring(message: string): { base: Results; head: Results } {
  const spec = (n: number) =>
    Array.from({ length: 5 }, (_, i) => ({
      id: `c${i}`,
      trials: trials('refusal_policy', 3, 3),
      traceErrors: n ? [0, 1, 2] : [],
    }));
  const base = makeResults(spec(0), { label: 'base', modes: MODES });
  const head = makeResults(spec(1), { label: 'head', modes: MODES });
  for (const c of head.cases) for (const t of c.trials) t.trace.error = { kind: 'crash', message };
  return { base, head };
}

describe('errors are shown with their reason', () => {
  it('a head that errors on every trial: the first message in the comment and the terminal', () => {
    const { base, head } = erroring('python: can\'t open file "agent.py": No such file');
    const c = compare(base, head);
    expect(c.verdict).toBe('error');
    expect(c.head.first_error).toMatchObject({ case: 'c0', trial: 0, kind: 'crash' });
    const md = renderComment(c, OPTS);
    expect(md).toContain(
      '⚠️ First head error (case `c0`, trial 1, crash): python: can\'t open file "agent.py": No such file',
    );
    expect(md).toMatch(
      /^\| `refusal_policy` \| `critical` \| 100% \(15\/15\) \| all errored \| – \|/m,
    );
    expect(md).not.toContain('0% (0/0)');
    const text = renderTextReport(c);
    expect(text).toContain(
      '! first head error (case c0, trial 1, crash): python: can\'t open file "agent.py": No such file',
    );
    expect(text).toContain('all errored');
  });

  it('the message is untrusted: escaped and redacted', () => {
    const { base, head } = erroring('<img src=x> @octocat key sk-proj-Abcdefghijklmnop1234567890');
    const c = compare(base, head);
    const md = renderComment(c, OPTS);
    const line = md.split('\n').find((l) => l.startsWith('⚠️ First head error'))!;
    expect(line).toContain('\\<img src=x\\>');
    expect(line).toContain('@\u200doctocat');
    expect(line).not.toContain('Abcdefghijklmnop1234567890');
    expect(renderTextReport(c)).not.toContain('Abcdefghijklmnop1234567890');
  });
});

describe('absent is not zero', () => {
  it('cost, tokens and latency no trace reported read "not reported"', () => {
    const mk = (label: string) => {
      const r = makeResults(
        Array.from({ length: 5 }, (_, i) => ({ id: `c${i}`, trials: trials('tone', 3, 3) })),
        { label, modes: MODES },
      );
      for (const c of r.cases)
        for (const t of c.trials) {
          delete t.trace.usage;
          delete t.trace.latency_ms;
        }
      return r;
    };
    const c = compare(mk('base'), mk('head'));
    expect(c.head.usage).toEqual({});
    expect(c.head.latency_ms).toBeUndefined();
    const md = renderComment(c, OPTS);
    expect(md).toContain('| Cost | not reported | not reported | – |');
    expect(md).toContain('| Input tokens | not reported | not reported | – |');
    expect(md).toContain('| Latency p50 | not reported | not reported | – |');
    expect(md).not.toMatch(/\$0\b|\| 0 ms/);
    expect(renderTextReport(c)).toContain(
      'Cost: not reported -> not reported; tokens: not reported -> not reported; latency p50 not reported -> not reported',
    );
  });

  it('a reported zero is still zero', () => {
    const r = (label: string) => {
      const x = makeResults([{ id: 'a', trials: trials('tone', 3, 3) }], { label, modes: MODES });
      for (const t of x.cases[0].trials) t.trace.usage = { cost_usd: 0 };
      return x;
    };
    const c = compare(r('base'), r('head'));
    expect(c.head.usage).toEqual({ cost_usd: 0 });
    expect(renderComment(c, OPTS)).toContain('| Cost | $0 | $0 | ±$0 |');
  });
});

describe('honest about a sample', () => {
  /** A 4-case sample of a 64-case suite: one refusal case 8/8 -> 1/8 (3 trials + 5 re-runs). */
  function sampled(): Comparison {
    const side = (passes: number) => [
      {
        id: 'refuse-1',
        trials: trials('refusal_policy', Math.min(passes, 3), 3),
        stage2: trials('refusal_policy', Math.max(0, passes - 3), 5),
      },
      ...['ungrounded_answer', 'wrong_tool', 'tone'].map((m) => ({
        id: `x-${m}`,
        trials: trials(m, 3, 3),
      })),
    ];
    const base = makeResults(side(8), {
      label: 'base',
      modes: MODES,
      stage2_modes: ['refusal_policy'],
    });
    const head = makeResults(side(1), {
      label: 'head',
      modes: MODES,
      stage2_modes: ['refusal_policy'],
    });
    for (const r of [base, head]) {
      r.meta.trials = 3;
      r.meta.suite_cases = 64;
      r.meta.selected = { count: 4, hash: 'x' };
    }
    return compare(base, head, { gate: { adaptive: true } });
  }

  it('says what the sample can detect in the first lines', () => {
    const c = sampled();
    expect(c.sample).toMatchObject({ cases: 4, of: 64 });
    const md = renderComment(c, OPTS);
    const firstLines = md.split('### Failure modes')[0];
    expect(firstLines).toContain('🔎 Ran a sample: 4 of 64 cases;');
    expect(firstLines).toMatch(/`refusal_policy` \(1 case\).* can never block/);
    expect(renderTextReport(c).split('\n')[2]).toMatch(/^Ran a sample: 4 of 64 cases;/);
  });

  it('a confirmed new failure its blocking mode cannot decide is not a bare "Passed"', () => {
    const c = sampled();
    expect(c.verdict).toBe('pass');
    expect(c.modes.find((m) => m.mode === 'refusal_policy')?.verdict).toBe('inconclusive');
    expect(c.counts.new_failure).toBe(1);
    expect(renderComment(c, OPTS).split('\n')[0]).toBe(
      '⚠️ **Passed, with a warning**: 1 confirmed new failure in `refusal_policy` (critical): the sample (4 cases of 64) is too small for the mode to block; look at it before merging.',
    );
    expect(renderTextReport(c).split('\n')[0]).toMatch(
      /^PASSED, WITH A WARNING: 1 confirmed new failure in refusal_policy/,
    );
  });

  it('a full run says nothing about samples', () => {
    const { base, head } = erroring('x');
    for (const r of [base, head]) {
      r.meta.suite_cases = 5;
      r.meta.selected = { count: 5, hash: 'x' };
    }
    expect(compare(base, base).sample).toBeUndefined();
  });
});

describe('links', () => {
  function regression(): { base: Results; head: Results } {
    const filler = Array.from({ length: 20 }, (_, i) => ({
      id: `f${i}`,
      trials: trials('refusal_policy', 3, 3),
    }));
    const base = makeResults(
      [
        ...Array.from({ length: 6 }, (_, i) => ({
          id: `bad ${i}/x`,
          trials: trials('refusal_policy', 3, 3),
        })),
        ...filler,
      ],
      { label: 'base', modes: MODES },
    );
    const head = makeResults(
      [
        ...Array.from({ length: 6 }, (_, i) => ({
          id: `bad ${i}/x`,
          trials: trials('refusal_policy', 0, 3),
        })),
        ...filler,
      ],
      { label: 'head', modes: MODES },
    );
    head.cases.forEach((c, i) => (c.source = { file: 'datasets/refusals.jsonl', line: i + 1 }));
    return { base, head };
  }

  it('a new failure links to its dataset line in the suite folder, its trace and the viewer artifact', () => {
    const { base, head } = regression();
    head.meta.trace_url = 'https://cloud.langfuse.com/trace/{trace_id}';
    const c = compare(base, head, { suiteDir: 'evals/support' });
    expect(c.suite_dir).toBe('evals/support');
    const md = renderComment(c, OPTS);
    expect(md).toContain(
      `**[bad 0/x](https://github.com/acme/bot/blob/${OPTS.headSha}/evals/support/datasets/refusals.jsonl#L1)**`,
    );
    expect(md).toContain('[head trace](https://cloud.langfuse.com/trace/t-0)');
    expect(md).toContain(`[viewer artifact](${OPTS.artifactUrl}#case=bad%200%2Fx)`);
    // The summary too.
    expect(renderSummary(c, OPTS)).toContain('/evals/support/datasets/refusals.jsonl#L1');
  });

  it('a comment read next to the viewer file links into it; a suite at the root has no folder', () => {
    const { base, head } = regression();
    const c = compare(base, head, { suiteDir: '.' });
    expect(c.suite_dir).toBe('');
    const md = renderComment(c, { ...OPTS, viewerUrl: 'report.html' });
    expect(md).toContain('[viewer](report.html#case=bad%200%2Fx)');
    expect(md).toContain(`/blob/${OPTS.headSha}/datasets/refusals.jsonl#L1)`);
    // A viewer path that is not a plain relative path is not linked.
    const odd = renderComment(c, { viewerUrl: 'javascript:alert(1)' });
    expect(odd).not.toContain('javascript:');
  });
});
