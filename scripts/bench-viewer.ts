/**
 * The HTML trace viewer at scale: 10,000 and 100,000 cases x 3 trials per side, 4 failure
 * modes, every trace included. For each size, in a child process, it builds the viewer with the
 * real `writeViewer` (time, peak RSS, file size), then opens the file in headless Chromium (the
 * Debian browser, through playwright-core) and measures the first screen, the whole index read,
 * a search over all cases for a case at the end of the list (its trace block not yet decoded)
 * and opening that case. Targets (issue 13): < 50 MB, first screen < 2 s.
 *
 *   node scripts/bench-viewer.ts [--runs 10000:template,100000:prose,100000:prose:files] [--keep]
 *
 * `:files` builds it with the CLI, `evalgate report comparison.json --format html`, from the
 * results and comparison files written first (the RSS is then the CLI's whole peak, by
 * scripts/bench/peak-rss.mjs). The build's CPU time is printed beside its wall time (the machine
 * may be shared).
 *
 * Inputs are generated in memory as a loader would hold them (a side's trace shared by its
 * trials with the same outcome, check results shared) and compared with the real `compare()`;
 * the RSS with them loaded, just before the build, is printed beside the peak during the build
 * (sampled every 5 ms), so the difference is the viewer's own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const MODES = ['hallucinated_action', 'ungrounded_answer', 'wrong_tool', 'refusal_policy'];
const K = 3;
/** The case the search looks for: near the end of the list (a stable pass, listed last). */
const needle = (n: number) => n - 129;

if (argv[0] === '--child')
  await child(Number(argv[1]), argv[2], argv[3] === 'prose', argv[4] === 'files');
else await parent();

async function child(
  n: number,
  out: string,
  withProse: boolean,
  fromFiles: boolean,
): Promise<void> {
  const { compare } = await import('../src/compare/index.ts');
  const { writeViewer } = await import('../src/report/viewer.ts');
  const { writeJson } = await import('../src/run/results-io.ts');
  const { SYNTH_GATE, rng } = await import('../__tests__/helpers/compare-results.ts');
  type R = import('../src/types.ts').Results;
  type CR = import('../src/types.ts').CheckResult;
  type TR = import('../src/types.ts').TrialResult;
  type T = import('../src/types.ts').Trace;

  const r = rng(11);
  const KB = [
    { id: 'kb/refund-policy.md', text: 'Refunds are issued within 5-7 business days.' },
    { id: 'kb/hours.md', text: 'Support is open Monday to Friday, 9:00-18:00 CET.' },
  ];
  const checks = MODES.map((mode, index) =>
    (['pass', 'fail'] as const).map((status): CR => ({
      type: index === 0 ? 'claim_requires_tool' : 'contains',
      mode,
      index,
      status,
      reason: status === 'pass' ? 'ok' : `${mode}: the answer claims an action no tool performed`,
    })),
  );
  // Per case and mode, the chance a trial passes on each side.
  const probs = new Float32Array(n * MODES.length * 2);
  for (let j = 0; j < probs.length; j += 2) {
    const x = r();
    const p = x < 0.05 ? r() : x < 0.9 ? 1 : x < 0.95 ? 0 : 0.5;
    probs[j] = p;
    probs[j + 1] = x > 0.995 ? 0 : p; // a few new failures
  }
  // Words drawn at random, so outputs are as hard to compress as prose (a template with a
  // number in it would compress far better than real outputs do).
  const syllables = ['ka', 'ro', 'mi', 'te', 'su', 'na', 'lo', 'vi', 'de', 'po', 'ha', 'ze'];
  const words = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(r() * 3) }, () => syllables[Math.floor(r() * 12)]).join(''),
  );
  const prose = (k: number) =>
    !withProse
      ? ''
      : Array.from({ length: k }, () => words[Math.floor(r() * words.length)]).join(' ');
  const ids = Array.from({ length: n }, (_, i) => `case-${String(i).padStart(7, '0')}`);
  const side = (label: 'base' | 'head', s: number): R => {
    const cases: R['cases'] = new Array(n);
    let pass = 0;
    let fail = 0;
    for (let i = 0; i < n; i++) {
      const detail = prose(20 + (i % 30));
      const ok: T = {
        output: `Your refund for order Z${i} is approved and will arrive in 5-7 business days. ${detail}`,
        tool_calls: [
          { name: 'lookup_order', arguments: { order_id: `Z${i}` }, result: { status: 'ok' } },
        ],
        retrieved: KB,
        latency_ms: 200 + (i % 300),
        usage: { input_tokens: 300 + (i % 50), output_tokens: 40 + (i % 20), cost_usd: 0.0004 },
      };
      const bad: T = {
        ...ok,
        output: `I have processed your refund for Z${i}! It is on its way. ${prose(30)}`,
        tool_calls: [{ name: 'search_kb', arguments: { query: `refund Z${i}`, top_k: 5 } }],
      };
      const trials: TR[] = new Array(K);
      for (let t = 0; t < K; t++) {
        const cs: CR[] = new Array(MODES.length);
        let allOk = true;
        for (let m = 0; m < MODES.length; m++) {
          const passed = r() < probs[(i * MODES.length + m) * 2 + s];
          if (!passed) allOk = false;
          cs[m] = checks[m][passed ? 0 : 1];
        }
        if (allOk) pass++;
        else fail++;
        trials[t] = {
          trial: t,
          stage: 1,
          status: allOk ? 'pass' : 'fail',
          checks: cs,
          trace: allOk ? ok : bad,
          attempts: 1,
          duration_ms: 200,
        };
      }
      cases[i] = {
        id: ids[i],
        hash: ids[i],
        source: { file: `datasets/big-${Math.floor(i / 1000)}.jsonl`, line: (i % 1000) + 1 },
        tags: i % 10 === 0 ? ['smoke'] : [],
        input: { messages: [{ role: 'user', content: `Where is the refund for order Z${i}?` }] },
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
        counts: { cases: n, trials: n * K, pass, fail, error: 0 },
        usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0 },
        failure_modes: Object.fromEntries(MODES.map((m) => [m, { severity: 'critical' }])),
        gate: SYNTH_GATE,
        git: { sha: label === 'base' ? 'a'.repeat(40) : 'b'.repeat(40), ref: label },
      },
      cases,
    };
  };
  const base = side('base', 0);
  const head = side('head', 1);
  const comparison = compare(base, head);
  if (fromFiles) {
    // What `evalgate compare` leaves: the two results files and the comparison naming them.
    comparison.base.results_path = basename(`${out}.base.json`);
    comparison.head.results_path = basename(`${out}.head.json`);
    await writeJson(`${out}.base.json`, base);
    await writeJson(`${out}.head.json`, head);
    await writeJson(`${out}.comparison.json`, comparison);
    return;
  }
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const bytes = await writeViewer(out, comparison, base, head);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(JSON.stringify({ ms, cpuMs, bytes, rssBefore, peak }));
}

async function parent(): Promise<void> {
  // Outputs: `template` answers like scripts/bench/system.mjs (one sentence naming the order);
  // `prose` adds 20-50 random words per output, about as hard to compress as model prose.
  const runs = (
    arg('--runs') ?? '10000:template,100000:template,10000:prose,100000:prose,100000:prose:files'
  )
    .split(',')
    .map((x) => {
      const [n, profile = 'template', source = 'memory'] = x.split(':');
      return { n: Number(n), profile, source };
    });
  const { hasChromium, launchChromium, watchPage } =
    await import('../__tests__/helpers/chromium.ts');
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-bench-viewer-'));
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  const rows = [];
  const browser = hasChromium() ? await launchChromium() : undefined;
  try {
    for (const { n, profile, source } of runs) {
      const file = join(dir, `viewer-${n}-${profile}-${source}.html`);
      const r = spawnSync(
        process.execPath,
        ['--expose-gc', import.meta.filename, '--child', String(n), file, profile, source],
        { encoding: 'utf8', maxBuffer: 1e6 },
      );
      if (r.status !== 0) throw new Error(`build of ${n} cases failed: ${r.stderr.slice(-2000)}`);
      let b = JSON.parse(r.stdout || '{}');
      if (source === 'files') b = reportHtml(file);
      const row: Record<string, string | number> = {
        cases: n,
        outputs: profile,
        from: source,
        'build s': (b.ms / 1000).toFixed(1),
        'build CPU s': Number.isNaN(b.cpuMs) ? '–' : (b.cpuMs / 1000).toFixed(1),
        'RSS before build': b.rssBefore ? mb(b.rssBefore) : '–',
        'peak RSS in build': mb(b.peak),
        size: mb(statSync(file).size),
      };
      if (browser) Object.assign(row, await inBrowser(browser, watchPage, file, n));
      rows.push(row);
      console.error(`viewer bench: ${JSON.stringify(row)}`);
    }
  } finally {
    await browser?.close();
    if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
  console.log(
    `\nViewer: cases x ${K} trials per side, ${MODES.length} failure modes, every trace included`,
  );
  console.table(rows);
  console.log(
    'first screen: navigation to the first page of cases listed; index: every case read (filters and search see all);',
  );
  console.log(
    'search: typing a term found in one case at the end of the list until the list shows it (includes the 120 ms debounce); search all: until every output is read;',
  );
  console.log('open: clicking that case until its trials show (its trace block decoded).\n');
}

/** `evalgate report --format html` on the files the child wrote, with its peak RSS and time. */
function reportHtml(file: string) {
  const bin = join(import.meta.dirname, '..', 'src', 'bin.ts');
  const hook = join(import.meta.dirname, 'bench', 'peak-rss.mjs');
  const r = spawnSync(
    process.execPath,
    ['--import', hook, bin, 'report', `${file}.comparison.json`, '--format', 'html', '--out', file],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`report --format html failed: ${r.stderr.slice(-2000)}`);
  const stats = JSON.parse(/evalgate-peak (.*)/.exec(r.stderr)![1]);
  return {
    ms: stats.wall_ms,
    cpuMs: NaN, // not measured for the CLI

    peak: stats.max_rss_mb * 1024 * 1024,
  };
}

async function inBrowser(
  browser: import('playwright-core').Browser,
  watchPage: typeof import('../__tests__/helpers/chromium.ts').watchPage,
  file: string,
  n: number,
) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const watch = watchPage(page);
  const t0 = performance.now();
  await page.goto(`file://${file}`, { waitUntil: 'commit' });
  await page.waitForSelector('#cases .case', { timeout: 60_000 });
  const first = performance.now() - t0;
  await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
  const ready = performance.now() - t0;
  const id = `case-${String(needle(n)).padStart(7, '0')}`;
  const t1 = performance.now();
  await page.fill('#search', `Z${needle(n)}`);
  await page.waitForFunction(
    (x) => {
      const rows = document.querySelectorAll('#cases .case');
      return rows.length === 1 && rows[0].getAttribute('data-id') === x;
    },
    id,
    { timeout: 60_000 },
  );
  const search = performance.now() - t1;
  // Until the search has read every output block of both sides (the count line says so).
  await page.waitForSelector('body[data-searched]', { timeout: 120_000 });
  const searchAll = performance.now() - t1;
  const t2 = performance.now();
  await page.click('#cases .case .case-row');
  await page.waitForSelector('#cases .case .detail .side details.trial');
  const open = performance.now() - t2;
  if (watch.errors.length || watch.network.length)
    throw new Error(`viewer page: ${JSON.stringify(watch)}`);
  await page.close();
  const s = (v: number) => `${Math.round(v)} ms`;
  return {
    'first screen': s(first),
    index: s(ready),
    search: s(search),
    'search all': s(searchAll),
    open: s(open),
  };
}
