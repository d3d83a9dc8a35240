/**
 * `npm run demo`: the whole pipeline on the bundled refund assistant, no API key, no network.
 *
 * It builds a small git repository under .evalgate/demo/repo with two commits, the good agent
 * (base) and a realistic prompt regression (head), then does what the action does on a pull
 * request: the head's suite on both trees, paired comparison per failure mode, an adaptive
 * re-run where the gate is undecided, and the PR comment and trace viewer.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writePrOutputs } from '../src/cli.ts';
import { runPr } from '../src/pipeline/pr.ts';
import { renderTextReport } from '../src/report/index.ts';
import { ConsoleProgress } from '../src/run/progress.ts';
import { calibrate, calibrationText, collectLabelled, floorsOf } from '../src/calibrate/index.ts';
import type { Calibration } from '../src/calibrate/index.ts';
import { openJudge, runSuite } from '../src/pipeline/run-suite.ts';
import { loadSuite } from '../src/suite/index.ts';
import { startMockLLM } from '../examples/refund-assistant/mock-llm.ts';

const root = join(import.meta.dirname, '..');
// EVALGATE_DEMO_DIR: somewhere else than .evalgate/demo (the tests run the demo in a temp folder).
const demoDir = process.env.EVALGATE_DEMO_DIR ?? join(root, '.evalgate', 'demo');
const repo = join(demoDir, 'repo');
const app = 'examples/refund-assistant';

function git(...args: string[]): void {
  execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
}

rmSync(demoDir, { recursive: true, force: true });
mkdirSync(repo, { recursive: true });
git('init', '-q', '-b', 'main');
git('config', 'user.email', 'demo@evalgate.invalid');
git('config', 'user.name', 'evalgate demo');
git('config', 'commit.gpgsign', 'false');
// EVALGATE_DEMO_SUITE: a folder with another evalgate.yml and datasets/ for the base commit
// (`npm run demo:loop` adds the cases it promoted from production traces).
const suiteDir = process.env.EVALGATE_DEMO_SUITE ?? root;
cpSync(join(suiteDir, 'evalgate.yml'), join(repo, 'evalgate.yml'));
cpSync(join(suiteDir, 'datasets'), join(repo, 'datasets'), { recursive: true });
cpSync(join(root, app), join(repo, app), {
  recursive: true,
  // Not the system: its variants, and the production traffic `npm run demo:loop` imports.
  filter: (src) => !src.includes(`${app}/variants`) && !src.includes(`${app}/production`),
});
writeFileSync(join(repo, '.gitignore'), 'node_modules/\n.evalgate/\n');

// The LLM judge of datasets/judged.jsonl, served by the built-in model server (mock-judge.ts),
// unless the real API is asked for.
const realApi = process.env.EVALGATE_DEMO_REAL_API === '1';
const judgeServer = realApi ? undefined : await startMockLLM({ unref: true });
if (judgeServer) process.env.EVALGATE_DEMO_JUDGE_URL = judgeServer.url;
const agentEnv: Record<string, string> = realApi ? {} : { REFUND_ASSISTANT_MOCK: '1' };

// Before the pull request, the team measured its judges against people: the judged cases carry
// their labels (`human:`), one run of them gives the traces, `evalgate calibrate` grades them
// and the figures are committed with the base. The gate trusts only the base's figures.
console.log('evalgate demo: calibrating the judges on the labelled cases (evalgate calibrate)\n');
const calibration = await calibrateJudges();
console.log(calibrationText(calibration) + '\n');
git('add', '-A');
git('commit', '-q', '-m', 'refund assistant: policy-grounded prompt');
git('tag', 'base');

// The regression: a prompt edit that "reassures" customers and drops the grounding rule.
const variant = join(root, app, 'variants', 'regressed');
if (!existsSync(variant)) throw new Error(`missing ${relative(root, variant)}`);
cpSync(variant, join(repo, app), { recursive: true });
git('add', '-A');
git('commit', '-q', '-m', 'support prompt: reassure customers, keep replies short');

console.log(
  'evalgate demo: base = good refund assistant, head = a prompt edit that regresses it\n',
);
const started = Date.now();
const outcome = await runPr({
  repoDir: repo,
  baseRef: 'base',
  configPath: 'evalgate.yml',
  // The built-in model server, even when OPENAI_API_KEY is set for something else; the real API
  // only when asked for (EVALGATE_DEMO_REAL_API=1 with OPENAI_API_KEY).
  env: agentEnv,
  progress: new ConsoleProgress(),
  log: (line) => process.stderr.write(`evalgate: ${line}\n`),
});
const paths = await writePrOutputs(demoDir, outcome);

console.log('\n' + renderTextReport(outcome.comparison));
const rel = (p: string) => relative(process.cwd(), p);
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Files:`);
console.log(`  results (with every trace): ${rel(paths.base)}, ${rel(paths.head)}`);
console.log(`  comparison:                 ${rel(paths.comparison)}`);
console.log(`  PR comment (markdown):      ${rel(paths.comment)}`);
console.log(`  trace viewer (HTML):        ${rel(paths.viewer)}`);
const verdict = outcome.comparison.verdict;
console.log(
  verdict === 'block'
    ? '\nThe gate caught the regression: in CI this check fails and the merge is blocked.'
    : `\nVerdict: ${verdict}.`,
);

/** `evalgate calibrate` on one run of the judged cases, its figures written into the base tree. */
async function calibrateJudges(): Promise<Calibration> {
  const suite = await loadSuite(join(repo, 'evalgate.yml'));
  const results = await runSuite({
    suite,
    selection: { tags: ['judged'] },
    trials: 1,
    label: 'calibration',
    env: agentEnv,
  });
  const { items, skipped } = collectLabelled(suite, [results], []);
  const judge = suite.config.judge!;
  const figures = await calibrate({
    suite,
    items,
    skipped,
    judge: await openJudge(suite),
    model: judge.model,
    floors: floorsOf(judge),
  });
  writeFileSync(join(repo, judge.calibration!), JSON.stringify(figures, null, 2) + '\n');
  return figures;
}
