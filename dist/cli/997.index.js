export const id = 997;
export const ids = [997];
export const modules = {

/***/ 5997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPr: () => (/* binding */ runPr)
/* harmony export */ });
/* unused harmony exports runSetup, casesMissingFrom */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _compare_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6485);
/* harmony import */ var _suite_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6149);
/* harmony import */ var _targets_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5732);
/* harmony import */ var _run_git_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4102);
/* harmony import */ var _run_runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7303);
/* harmony import */ var _run_select_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4452);
/* harmony import */ var _run_suite_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3631);










/** Runs `command` through the shell in `cwd`, its output to our log; throws on failure. */
function runSetup(command, cwd, env, log) {
    return new Promise((done, fail) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, {
            cwd,
            shell: true,
            env: { ...process.env, ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const echo = (chunk) => {
            for (const line of chunk.toString().split('\n'))
                if (line.trim())
                    log(`  ${line}`);
        };
        child.stdout.on('data', echo);
        child.stderr.on('data', echo);
        child.on('error', (err) => fail(new Error(`setup command failed to start in ${cwd}: ${err.message}`)));
        child.on('close', (code, signal) => code === 0
            ? done()
            : fail(new Error(`setup command \`${command}\` failed in ${cwd} (${signal ?? `exit code ${code}`})`)));
    });
}
/** Base cases a cached baseline does not cover (new or edited since): these still run. */
function casesMissingFrom(baseline, cases) {
    const have = new Map(baseline.cases.map((c) => [c.id, c.hash]));
    return new Set(cases.filter((c) => have.get(c.id) !== c.hash).map((c) => c.id));
}
/**
 * `evalgate pr` and the action's pull-request run: the head's suite against the base tree and
 * the head tree, compare, and an adaptive second stage when the gate is undecided.
 */
async function runPr(options) {
    const log = options.log ?? (() => undefined);
    const root = await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .repoRoot */ .jv)(options.repoDir);
    const env = options.env ?? {};
    const cleanups = [];
    const targets = [];
    // Worktrees live inside the repository (in .evalgate/, which suites never read), so a base tree
    // resolves the checkout's installed dependencies (node_modules up the tree) unless `setup`
    // installs its own.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, '.evalgate', 'worktrees'), { recursive: true });
    const scratch = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, '.evalgate', 'worktrees', 'run-'));
    cleanups.push(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(scratch, { recursive: true, force: true }));
    try {
        const headCurrent = await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveCommit */ .WL)(root, 'HEAD');
        if (options.fetchMissing)
            await ensureCommitForRef(root, options.baseRef, log);
        const baseSha = await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveCommit */ .WL)(root, options.baseRef);
        const headSha = options.headRef ? await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveCommit */ .WL)(root, options.headRef) : headCurrent;
        // The head tree: the checkout as it is (uncommitted changes included: "does my edit
        // regress?"), or, when a ref is given, exactly that commit in its own worktree.
        let headTree = root;
        if (options.headRef) {
            const wt = await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .addWorktree */ .l)(root, headSha, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, 'head'));
            cleanups.unshift(wt.remove);
            headTree = wt.dir;
        }
        const configRel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(options.configPath)
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, options.configPath)
            : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(options.repoDir, options.configPath));
        if (options.setup) {
            log(`setup (head): ${options.setup}`);
            await runSetup(options.setup, headTree, env, log);
        }
        const suite = await (0,_suite_index_js__WEBPACK_IMPORTED_MODULE_4__/* .loadSuite */ .bu)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(headTree, configRel));
        const settings = (0,_run_suite_js__WEBPACK_IMPORTED_MODULE_9__/* .runSettings */ .n)(suite, options);
        const gate = { ...suite.config.gate, ...options.gate };
        const cases = (0,_run_select_js__WEBPACK_IMPORTED_MODULE_8__/* .selectCases */ ._)(suite.cases, options.selection ?? {});
        const judge = await (0,_run_suite_js__WEBPACK_IMPORTED_MODULE_9__/* .judgeFor */ .z0)(suite, { ...process.env, ...env });
        // The base tree, made only when something must run there.
        let baseTarget;
        const baseSide = async () => {
            if (baseTarget)
                return baseTarget;
            const wt = await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .addWorktree */ .l)(root, baseSha, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, 'base'));
            cleanups.unshift(wt.remove);
            if (options.setup) {
                log(`setup (base): ${options.setup}`);
                await runSetup(options.setup, wt.dir, env, log);
            }
            // The head's suite runs on the base tree: same cases and checks, the base's system.
            baseTarget = await (0,_targets_index_js__WEBPACK_IMPORTED_MODULE_5__/* .createTarget */ .Yn)(suite.config.target, {
                rootDir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(wt.dir, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(configRel)),
                concurrency: settings.concurrency,
                env,
                log,
            });
            targets.push(baseTarget);
            return baseTarget;
        };
        const headTarget = await (0,_targets_index_js__WEBPACK_IMPORTED_MODULE_5__/* .createTarget */ .Yn)(suite.config.target, {
            rootDir: suite.rootDir,
            concurrency: settings.concurrency,
            env,
            log,
        });
        targets.push(headTarget);
        const missing = options.baseline ? casesMissingFrom(options.baseline, cases) : undefined;
        const baseSource = !missing
            ? 'run'
            : missing.size
                ? 'baseline+run'
                : 'baseline';
        if (options.baseline) {
            log(`base: reusing cached results of ${baseSha.slice(0, 12)}; ${missing.size} case(s) they lack run on the base`);
        }
        const sides = [
            { label: 'head', target: headTarget, git: { sha: headSha, ref: options.headRef } },
        ];
        if (!missing || missing.size) {
            sides.unshift({
                label: 'base',
                target: await baseSide(),
                git: { sha: baseSha, ref: options.baseRef },
                only: missing,
            });
        }
        const startedAt = new Date();
        const common = {
            suite,
            ...settings,
            judge,
            signal: options.signal,
            progress: options.progress,
        };
        const stage1 = await (0,_run_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .runTrials */ .Fj)({ ...common, cases, sides });
        const finishedAt = new Date();
        const headResults = (0,_run_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .buildResults */ .rq)({ suite, cases, trials: settings.trials }, 'head', stage1.get('head'), {
            git: { sha: headSha, ref: options.headRef ?? (await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .gitInfo */ .VT)(headTree))?.ref },
            startedAt,
            finishedAt,
            interrupted: options.signal?.aborted,
        });
        const baseResults = baseFrom(options.baseline, suite, cases, settings.trials, stage1.get('base'), {
            git: { sha: baseSha, ref: options.baseRef },
            startedAt,
            finishedAt,
            interrupted: options.signal?.aborted,
        });
        const compareOptions = { gate, accepted: options.accepted };
        let comparison = (0,_compare_index_js__WEBPACK_IMPORTED_MODULE_3__.compare)(baseResults, headResults, compareOptions);
        // Stage 2: re-run the ambiguous cases of undecided modes, base and head interleaved.
        if (gate.adaptive && !options.signal?.aborted) {
            const plan = (0,_compare_index_js__WEBPACK_IMPORTED_MODULE_3__/* .planStage2 */ .oG)(baseResults, headResults, gate);
            // Recorded even when empty: it tells compare the adaptive design (and its alpha split)
            // was in effect for this run.
            headResults.meta.stage2_modes = [];
            baseResults.meta.stage2_modes = [];
            if (plan.modes.length && plan.caseIds.length) {
                log(`re-running ${plan.caseIds.length} ambiguous case(s) for ${plan.modes.join(', ')}`);
                const ids = new Set(plan.caseIds);
                const rerunCases = cases.filter((c) => ids.has(c.id));
                const stage2 = await (0,_run_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .runTrials */ .Fj)({
                    ...common,
                    cases: rerunCases,
                    sides: [
                        { label: 'base', target: await baseSide(), git: { sha: baseSha } },
                        { label: 'head', target: headTarget, git: { sha: headSha } },
                    ],
                    trials: gate.rerun_trials,
                    stage: 2,
                    firstTrial: settings.trials,
                });
                (0,_run_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .appendTrials */ .K)(baseResults, { cases: rerunCases }, stage2.get('base'));
                (0,_run_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .appendTrials */ .K)(headResults, { cases: rerunCases }, stage2.get('head'));
                headResults.meta.stage2_modes = plan.modes;
                baseResults.meta.stage2_modes = plan.modes;
                headResults.meta.finished_at = new Date().toISOString();
            }
            comparison = (0,_compare_index_js__WEBPACK_IMPORTED_MODULE_3__.compare)(baseResults, headResults, compareOptions);
        }
        return {
            suite,
            base: baseResults,
            head: headResults,
            comparison,
            baseSha,
            headSha,
            baseSource,
        };
    }
    finally {
        for (const t of targets)
            await t.close().catch(() => undefined);
        for (const c of cleanups)
            await c().catch(() => undefined);
    }
}
async function ensureCommitForRef(root, ref, log) {
    // Only a full sha can be fetched by itself; a branch name is resolved by the caller's fetch.
    if (/^[0-9a-f]{40}$/i.test(ref))
        await (0,_run_git_js__WEBPACK_IMPORTED_MODULE_6__/* .ensureCommit */ .q$)(root, ref, log);
}
/** The base side's results: the cached baseline (restricted to the run's cases) plus what ran. */
function baseFrom(baseline, suite, cases, trials, ran, info) {
    const fresh = (0,_run_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .buildResults */ .rq)({ suite, cases, trials }, 'base', ran ?? new Map(), info);
    if (!baseline)
        return fresh;
    const wanted = new Map(cases.map((c) => [c.id, c.hash]));
    const reused = baseline.cases.filter((c) => wanted.get(c.id) === c.hash);
    const results = {
        schema: 'evalgate/results@1',
        meta: {
            ...fresh.meta,
            baseline_of: baseline.meta.git?.sha,
            baseline_at: baseline.meta.finished_at,
        },
        cases: [...reused.map((c) => structuredClone(c)), ...fresh.cases],
    };
    return (0,_run_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .recount */ .d3)(results);
}


/***/ })

};
