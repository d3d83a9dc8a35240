/**
 * Speed and memory of `compare` at scale: 100,000 cases x 3 trials x 10 failure modes per side
 * (30% flaky cases). Targets: < 2 s and < 500 MB peak.
 *
 *   node scripts/bench-compare.ts [--cases 100000]
 *
 * Check and trace objects are shared between trials (they are immutable here), so the input
 * costs little memory and what is measured is compare's own work. Peak memory is the process's
 * peak resident set (the input included); the heap growth during compare is printed apart.
 */
import { compare } from '../src/compare/index.ts';
import type { CheckResult, Results, Trace, TrialResult } from '../src/types.ts';
import { SYNTH_GATE, rng } from '../__tests__/helpers/compare-results.ts';

const argv = process.argv.slice(2);
const at = argv.indexOf('--cases');
const N = at >= 0 ? Number(argv[at + 1]) : 100_000;
const K = 3;
const MODES = Array.from({ length: 10 }, (_, i) => `mode_${i}`);

// Ids, sources and tags shared between the two sides, as a compact loader would intern them.
const IDS = Array.from({ length: N }, (_, i) => `case-${i}`);
const SOURCE = { file: 'datasets/big.jsonl', line: 1 };
const TAGS: string[] = [];

function side(label: string, probs: Float32Array, seed: number): Results {
  const r = rng(seed);
  const checks = MODES.map((mode, index) =>
    (['pass', 'fail'] as const).map((status): CheckResult => ({
      type: 'contains',
      mode,
      index,
      status,
      reason: status === 'pass' ? 'ok' : 'missing text',
    })),
  );
  const trace: Trace = {
    output: 'answer',
    latency_ms: 120,
    usage: { input_tokens: 100, output_tokens: 20, cost_usd: 0.0001 },
  };
  const cases: Results['cases'] = new Array(N);
  let pass = 0;
  let fail = 0;
  for (let i = 0; i < N; i++) {
    const trials: TrialResult[] = new Array(K);
    for (let t = 0; t < K; t++) {
      const cs: CheckResult[] = new Array(MODES.length);
      let ok = true;
      for (let m = 0; m < MODES.length; m++) {
        const passed = r() < probs[i * MODES.length + m];
        if (!passed) ok = false;
        cs[m] = checks[m][passed ? 0 : 1];
      }
      if (ok) pass++;
      else fail++;
      trials[t] = {
        trial: t,
        stage: 1,
        status: ok ? 'pass' : 'fail',
        checks: cs,
        trace,
        attempts: 1,
        duration_ms: 100,
      };
    }
    cases[i] = {
      id: IDS[i],
      hash: IDS[i],
      source: SOURCE,
      tags: TAGS,
      input: null,
      modes: MODES,
      trials,
    };
  }
  return {
    schema: 'evalgate/results@1',
    meta: {
      tool: 'evalgate',
      version: 'bench',
      label,
      config_path: 'evalgate.yml',
      suite_hash: 'bench',
      started_at: new Date(0).toISOString(),
      finished_at: new Date(0).toISOString(),
      duration_ms: 0,
      trials: K,
      counts: { cases: N, trials: N * K, pass, fail, error: 0 },
      usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
      failure_modes: Object.fromEntries(
        MODES.map((m, i) => [m, { severity: i < 5 ? 'critical' : 'minor' }]),
      ),
      gate: SYNTH_GATE,
    },
    cases,
  };
}

const r = rng(7);
const probs = new Float32Array(N * MODES.length);
for (let j = 0; j < probs.length; j++) probs[j] = r() < 0.3 ? r() : r() < 0.85 ? 1 : 0;
const base = side('base', probs, 1);
const head = side('head', probs, 2);

global.gc?.();
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = compare(base, head);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const heapAfter = process.memoryUsage().heapUsed;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(timer);

const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
console.log(
  `compare: ${N.toLocaleString('en-US')} cases x ${K} trials x ${MODES.length} modes per side`,
);
console.log(
  `time        ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (target < 2000 ms)`,
);
console.log(
  `peak RSS    ${mb(peakRss)} (target < 500 MB); ${mb(rssBefore)} before compare, with both inputs loaded`,
);
console.log(
  `heap growth ${mb(heapAfter - heapBefore)} during compare (the Comparison it returns included)`,
);
console.log(`verdict ${result.verdict}; labels ${JSON.stringify(result.counts)}`);
