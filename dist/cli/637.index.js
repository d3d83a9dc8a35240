export const id = 637;
export const ids = [637,682];
export const modules = {

/***/ 4682:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lazyResults: () => (/* binding */ lazyResults),
/* harmony export */   u: () => (/* binding */ caseCopy)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var _run_lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1589);
/* harmony import */ var _run_results_io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6825);
/**
 * A results file for readers that still take a whole `Results` object (the HTML viewer): each
 * case's id, hash, source, tags and modes are held, and its input and trials are read back from
 * the file when they are read (the last case read is kept, so reading a case's trials and then
 * its input reads it once). Showing a large PR's traces then does not hold them all at once.
 *
 * TODO(viewer): once the viewer reads results files itself (readCases in
 * src/run/results-stream.ts), `evalgate pr` and the action can give it the paths and this goes.
 */




const OPENING = '{"schema":"evalgate/results@1",';
const CASES = ',"cases":[';
const DIGEST = 16;
const digestOf = (text) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest().subarray(0, DIGEST);
/**
 * The case lines of a results file by their byte offset and length, read synchronously. With
 * `verify`, each line's digest is held (16 bytes) and a line read back must match it.
 */
class CaseLines {
    fd;
    lastIndex = -1;
    last;
    path;
    offsets = [];
    lengths = [];
    digests;
    constructor(path, verify) {
        this.path = path;
        // Opened now: the lines read back later are this file's, even if the path is replaced.
        if (verify) {
            this.digests = Buffer.alloc(1024 * DIGEST);
            this.fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
        }
    }
    add(offset, length, text) {
        const i = this.offsets.length;
        this.offsets.push(offset);
        this.lengths.push(length);
        if (!this.digests)
            return;
        if ((i + 1) * DIGEST > this.digests.length) {
            const grown = Buffer.alloc(this.digests.length * 2);
            this.digests.copy(grown);
            this.digests = grown;
        }
        digestOf(text).copy(this.digests, i * DIGEST);
    }
    read(i) {
        if (i === this.lastIndex)
            return this.last;
        this.last = this.readFresh(i);
        this.lastIndex = i;
        return this.last;
    }
    /** The case at `i`, parsed anew (a copy the caller may change). */
    readFresh(i) {
        this.fd ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(this.path, 'r');
        const length = this.lengths[i];
        const buf = Buffer.allocUnsafe(length);
        for (let got = 0; got < length;) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(this.fd, buf, got, length - got, this.offsets[i] + got);
            if (n === 0)
                throw new Error(`${this.path}: the file is shorter than when it was read`);
            got += n;
        }
        const text = buf.toString('utf8');
        if (this.digests) {
            const at = i * DIGEST;
            if (!digestOf(text).equals(this.digests.subarray(at, at + DIGEST)))
                throw new Error(`${this.path} changed on disk after it was read (case ${i + 1})`);
        }
        return JSON.parse(text.endsWith(',') ? text.slice(0, -1) : text);
    }
    close() {
        if (this.fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(this.fd);
        this.fd = undefined;
        this.last = undefined;
        this.lastIndex = -1;
    }
}
/** A case whose input and trials stay in the file until read. */
class LazyCase {
    id;
    hash;
    source;
    tags;
    modes;
    #lines;
    #index;
    constructor(c, lines, index) {
        this.id = c.id;
        this.hash = c.hash;
        this.source = c.source;
        this.tags = c.tags;
        this.modes = c.modes;
        this.#lines = lines;
        this.#index = index;
    }
    get input() {
        return this.#lines.read(this.#index).input;
    }
    get trials() {
        return this.#lines.read(this.#index).trials;
    }
    /** The whole case, parsed anew from its line. */
    read() {
        return this.#lines.readFresh(this.#index);
    }
}
/**
 * A case in full and free to change: read anew from its file when lazy, else a deep copy.
 */
function caseCopy(c) {
    return c instanceof LazyCase ? c.read() : structuredClone(c);
}
/**
 * Reads a results file written by evalgate (one case per line) into lazy cases; any other
 * layout is read whole, as readResults reads it. With `verify`, a case line read back later
 * must be the one read now (a digest of each line is held): a file rewritten since throws
 * rather than giving other trials than those checked here.
 */
async function lazyResults(path, options = {}) {
    const cases = [];
    let results;
    let ended = false;
    const parse = (text, what) => {
        try {
            return JSON.parse(text);
        }
        catch (err) {
            throw new _run_results_io_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`not valid JSON: ${what}: ${err.message}`, path);
        }
    };
    let source;
    let lines;
    try {
        lines = new CaseLines(path, !!options.verify);
        source = (0,_run_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .linesOf */ .D)(path);
        const first = await source.next();
        source = prepend(first.done ? undefined : first.value, source);
    }
    catch (err) {
        const code = err.code;
        throw new _run_results_io_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(code === 'ENOENT' ? 'no such file' : `cannot read (${code})`, path);
    }
    for await (const line of source) {
        if (!results) {
            if (!line.complete || !line.text.startsWith(OPENING) || !line.text.endsWith(CASES))
                break;
            const head = parse(`${line.text.slice(0, -CASES.length)}}`, 'the head');
            if (!head.meta || typeof head.meta !== 'object')
                throw new _run_results_io_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('results file is missing `meta` or `cases`', path);
            results = { schema: head.schema, meta: head.meta, cases };
            continue;
        }
        if (!line.text || ended)
            continue;
        const text = line.text.endsWith(',') ? line.text.slice(0, -1) : line.text;
        if (text === ']}') {
            ended = true;
            continue;
        }
        const c = parse(text, `cases[${cases.length}]`);
        if (!c || typeof c.id !== 'string' || !Array.isArray(c.trials))
            throw new _run_results_io_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`cases[${cases.length}] has no id or no trials`, path);
        lines.add(line.offset, line.length, line.text);
        cases.push(new LazyCase(c, lines, cases.length));
    }
    if (!results || !ended) {
        lines.close();
        return { results: await (0,_run_results_io_js__WEBPACK_IMPORTED_MODULE_3__.readResults)(path), close: () => { } };
    }
    return { results, close: () => lines.close() };
}
async function* prepend(first, rest) {
    if (first)
        yield first;
    yield* rest;
}


/***/ }),

/***/ 637:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPr: () => (/* binding */ runPr)
});

// UNUSED EXPORTS: casesMissingFrom, rerunLine, runSetup

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/compare/index.js + 10 modules
var compare = __webpack_require__(6337);
// EXTERNAL MODULE: ./build/compare/case-labels.js + 1 modules
var case_labels = __webpack_require__(9097);
// EXTERNAL MODULE: ./build/run/spool.js
var spool = __webpack_require__(1045);
;// CONCATENATED MODULE: ./build/pipeline/compare-slim.js
/**
 * compare() on results held slim in memory (trials spooled to a journal, src/run/spool.ts):
 * the verdict, rates and tests come from the slim trials, and the excerpts of new failures are
 * built afterwards from those few cases' full trials, read back one case at a time. The same
 * design as compareFiles (src/compare/files.ts), without reading the results files: `evalgate
 * pr` and the action keep deciding from what is in memory.
 */



function compareSlim(base, head, options = {}) {
    const pending = [];
    const comparison = (0,compare/* compare */.UD)(base, head, { ...options, pendingExcerpts: pending });
    for (const p of pending) {
        const hc = full(head.cases[p.head]);
        const bc = p.base >= 0 ? full(base.cases[p.base]) : undefined;
        p.case.excerpt = (0,case_labels/* caseExcerpt */.C7)(hc, p.headRef, bc, p.baseRef);
    }
    return comparison;
}
/** The case with its full trials (read back from the journal when held slim). */
function full(c) {
    // `input` by name: a case held by its dataset line reads it back through a getter.
    return (0,spool/* anySpooled */.Lz)(c.trials) ? { ...c, input: c.input, trials: c.trials.map(spool/* fullTrial */.wp) } : c;
}

// EXTERNAL MODULE: ./build/pipeline/lazy-results.js
var lazy_results = __webpack_require__(4682);
// EXTERNAL MODULE: ./build/suite/index.js + 2 modules
var build_suite = __webpack_require__(8628);
// EXTERNAL MODULE: ./build/targets/index.js + 5 modules
var build_targets = __webpack_require__(3275);
// EXTERNAL MODULE: ./build/run/all-errored.js
var all_errored = __webpack_require__(8879);
// EXTERNAL MODULE: ./build/run/git.js
var git = __webpack_require__(4102);
// EXTERNAL MODULE: ./build/run/evalgate-dir.js
var evalgate_dir = __webpack_require__(411);
// EXTERNAL MODULE: ./build/run/runner.js + 3 modules
var runner = __webpack_require__(9684);
// EXTERNAL MODULE: ./build/run/select.js
var run_select = __webpack_require__(4452);
// EXTERNAL MODULE: ./build/run/journal.js
var journal = __webpack_require__(2353);
// EXTERNAL MODULE: ./build/run/results-io.js
var results_io = __webpack_require__(6825);
// EXTERNAL MODULE: ./build/secrets.js
var secrets = __webpack_require__(5009);
// EXTERNAL MODULE: ./build/pipeline/run-suite.js + 1 modules
var run_suite = __webpack_require__(6970);
// EXTERNAL MODULE: ./build/defaults.js
var defaults = __webpack_require__(4532);
// EXTERNAL MODULE: ./build/calibrate/index.js + 4 modules
var calibrate = __webpack_require__(2565);
;// CONCATENATED MODULE: ./build/pipeline/trusted-gate.js
/**
 * The gate of a pull request comes from the trusted side: the base commit's config. The head's
 * config is the PR's own work (untrusted): were its gate in force, a PR could set
 * `gate.block: []` or lower a mode's severity and pass its own regression. The head's gate
 * applies only where the base has none to give (the base has no config, or it does not parse),
 * and a line says so; a change to the gate is named and takes effect after merge.
 */






/** The config file's text at a commit, or undefined when the commit has no such file. */
async function configTextAt(root, sha, file) {
    try {
        await (0,git/* git */.$Y)(root, ['cat-file', '-e', `${sha}:${file}`]);
    }
    catch {
        return undefined;
    }
    return (0,git/* git */.$Y)(root, ['show', `${sha}:${file}`]);
}
/**
 * Reads the gate at the base commit. `file` is the config's path relative to the repository
 * root (with `/`); `head` is the head's parsed config; `overrides` come from the workflow or
 * the command line and win over both.
 */
async function trustedGate(options) {
    const { head } = options;
    const headRun = {
        sample: head.pull_request?.sample,
        trials: head.trials,
        max_cost: head.max_cost,
    };
    const overrides = (0,compare/* definedFields */.XA)(options.overrides);
    const headGate = { ...defaults/* DEFAULT_GATE */.sV, ...head.gate, ...overrides };
    const short = options.baseSha.slice(0, 7);
    let base;
    try {
        const text = await configTextAt(options.root, options.baseSha, options.file);
        if (text === undefined) {
            return {
                gate: headGate,
                severities: {},
                source: 'head',
                run: headRun,
                judge: { floors: (0,calibrate.floorsOf)(head.judge), why: `the base commit has no ${options.file}` },
                note: `The base commit (${short}) has no ${options.file}: this PR is gated by its own config's gate.`,
            };
        }
        base = (0,build_suite/* parseConfig */.o4)(text, `${options.file} at ${short}`);
    }
    catch (err) {
        const first = String(err.message ?? err).split('\n')[0];
        return {
            gate: headGate,
            severities: {},
            source: 'head',
            run: headRun,
            judge: {
                floors: (0,calibrate.floorsOf)(head.judge),
                why: `the base commit's ${options.file} could not be read`,
            },
            note: `The base commit's ${options.file} could not be read (${first}): this PR is gated by its own config's gate.`,
        };
    }
    const severities = Object.fromEntries(Object.entries(base.failure_modes).map(([mode, fm]) => [mode, fm.severity]));
    const changes = (0,compare/* gateChanges */.Dy)(base, head, overrides);
    // The budget too: a PR must not raise (or lift) the spending limit its own run is held to.
    const baseRun = {
        sample: base.pull_request?.sample,
        trials: base.trials,
        max_cost: base.max_cost,
    };
    const shown = (v) => (v === undefined ? 'all cases' : String(v));
    if (!options.runOverridden?.sample && shown(baseRun.sample) !== shown(headRun.sample))
        changes.push(`pull_request.sample: ${shown(baseRun.sample)} → ${shown(headRun.sample)}`);
    if (!options.runOverridden?.trials && baseRun.trials !== headRun.trials)
        changes.push(`trials: ${baseRun.trials} → ${headRun.trials}`);
    if (!options.runOverridden?.maxCost && baseRun.max_cost !== headRun.max_cost)
        changes.push(`max_cost: ${baseRun.max_cost ?? 'none'} → ${headRun.max_cost ?? 'none'}`);
    return {
        gate: { ...defaults/* DEFAULT_GATE */.sV, ...base.gate, ...overrides },
        severities,
        source: 'base',
        run: baseRun,
        judge: await calibrationAt(options.root, options.baseSha, options.file, base),
        note: (0,compare/* gateChangeNote */.Ak)(changes),
    };
}
/**
 * The base config's judge floors and the calibration file it names, read at the base commit
 * (its path is relative to the config's folder). Figures the head commits take effect after
 * merge, like a change to the gate.
 */
async function calibrationAt(root, sha, configFile, base) {
    const floors = (0,calibrate.floorsOf)(base.judge);
    const rel = base.judge?.calibration;
    if (!rel)
        return { floors, why: 'no judge.calibration in the base config' };
    const dir = external_node_path_.posix.dirname(configFile);
    const file = external_node_path_.posix.normalize(external_node_path_.posix.join(dir === '.' ? '' : dir, rel.replace(/\\/g, '/')));
    if (file.startsWith('../') || external_node_path_.posix.isAbsolute(file))
        return { floors, why: `judge.calibration ${rel} is outside the repository` };
    let text;
    try {
        text = await configTextAt(root, sha, file);
    }
    catch {
        text = undefined;
    }
    if (text === undefined)
        return { floors, why: `the base commit has no ${file}` };
    const calibration = (0,calibrate.parseCalibration)(text);
    if (!calibration)
        return { floors, why: `${file} at the base commit is not a calibration file` };
    return { floors, calibration };
}

// EXTERNAL MODULE: ./build/calibrate/gate.js
var calibrate_gate = __webpack_require__(487);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./build/checks/model/pairwise-check.js
var pairwise_check = __webpack_require__(8581);
;// CONCATENATED MODULE: ./build/pipeline/pairwise.js
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



const inStage = (t, stage) => (stage === 1 ? !(t.stage >= 2) : t.stage >= 2);
function setOutcome(r, o) {
    r.status = o.status;
    r.reason = o.reason;
    delete r.usage;
    delete r.retries;
    delete r.fatal;
    if (o.usage)
        r.usage = o.usage;
    if (o.retries)
        r.retries = o.retries;
    if (o.fatal)
        r.fatal = true;
}
/** Grades every pairwise check of the given stage's trials; returns the pairs sent to the judge. */
async function gradePairwise(run) {
    const withPairwise = run.cases.filter((c) => c.checks.some((k) => k.type === 'pairwise'));
    if (withPairwise.length === 0)
        return 0;
    const byId = (r) => new Map(r.cases.map((c) => [c.id, c]));
    const heads = byId(run.head);
    const bases = byId(run.base);
    const limit = (0,p_limit/* default */.A)(Math.max(1, run.concurrency));
    const touched = new Set();
    const jobs = [];
    let graded = 0;
    /** A judge error that every later call would repeat (a rejected key): no more calls. */
    let fatal;
    for (const c of withPairwise) {
        const head = heads.get(c.id);
        if (!head)
            continue;
        const base = bases.get(c.id);
        const baseTrials = new Map((base?.trials ?? []).map((t) => [t.trial, t]));
        for (const t of head.trials) {
            if (!inStage(t, run.stage))
                continue;
            const b = baseTrials.get(t.trial);
            for (const k of t.checks) {
                if (k.type !== 'pairwise')
                    continue;
                const spec = c.checks[k.index];
                const ref = b?.checks[k.index];
                const baseCheck = ref?.type === 'pairwise' ? ref : undefined;
                touched.add(t);
                if (b)
                    touched.add(b);
                if (t.trace.error) {
                    // The head's check already says its run errored; the base's answer is still the reference.
                    if (baseCheck && !b.trace.error)
                        setOutcome(baseCheck, { status: 'pass', reason: pairwise_check/* REFERENCE */.gu });
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
                jobs.push(limit(async () => {
                    if (run.signal?.aborted) {
                        const stopped = {
                            status: 'error',
                            reason: 'pairwise: not graded (interrupted)',
                        };
                        setOutcome(k, stopped);
                        setOutcome(baseCheck, stopped);
                        return;
                    }
                    const o = fatal
                        ? { head: fatal, base: { status: 'error', reason: fatal.reason } }
                        : await (0,pairwise_check/* comparePair */.Ir)(run.judge, spec, b.trace, t.trace, c);
                    if (!fatal)
                        graded++;
                    if (o.head.fatal)
                        fatal ??= { status: 'error', reason: o.head.reason, fatal: true };
                    setOutcome(k, o.head);
                    setOutcome(baseCheck, o.base);
                }));
            }
        }
    }
    await Promise.all(jobs);
    for (const t of touched)
        t.status = (0,runner/* trialStatus */.l2)(t.trace, t.checks);
    (0,runner/* recount */.d3)(run.head);
    (0,runner/* recount */.d3)(run.base);
    return graded;
}
/** Cases a pairwise post-pass reads on the head (for callers that only hold results). */
function hasPairwise(cases) {
    return cases.some((c) => c.checks.some((k) => k.type === 'pairwise'));
}

// EXTERNAL MODULE: ./build/targets/inherited-env.js
var inherited_env = __webpack_require__(3741);
// EXTERNAL MODULE: ./build/pipeline/cache.js
var pipeline_cache = __webpack_require__(8009);
;// CONCATENATED MODULE: ./build/pipeline/pr.js






















/** Runs `command` through the shell in `cwd`, its output to our log; throws on failure. */
function runSetup(command, cwd, env, log) {
    return new Promise((done, fail) => {
        const child = (0,external_node_child_process_.spawn)(command, {
            cwd,
            shell: true,
            env: { ...(0,inherited_env/* inheritedEnv */.C)(), ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        // The output is the checkout's (head code on a PR): each line goes to `log`, which shows it
        // escaped (src/github/log.ts, src/report/plain.ts).
        const echo = (chunk) => {
            for (const line of chunk.split('\n'))
                if (line.trim())
                    log(`  ${line}`);
        };
        child.stdout.setEncoding('utf8').on('data', echo);
        child.stderr.setEncoding('utf8').on('data', echo);
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
    const root = await (0,git/* repoRoot */.jv)(options.repoDir);
    const env = options.env ?? {};
    const cleanups = [];
    const targets = [];
    let cache;
    // Worktrees live inside the repository (in .evalgate/, which suites never read), so a base tree
    // resolves the checkout's installed dependencies (node_modules up the tree) unless `setup`
    // installs its own.
    await (0,evalgate_dir/* makeDir */.g)((0,external_node_path_.join)(root, '.evalgate', 'worktrees'));
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(root, '.evalgate', 'worktrees', 'run-'));
    cleanups.push(() => (0,promises_.rm)(scratch, { recursive: true, force: true }));
    try {
        const headCurrent = await (0,git/* resolveCommit */.WL)(root, 'HEAD');
        if (options.fetchMissing)
            await ensureCommitForRef(root, options.baseRef, log);
        const baseSha = await (0,git/* resolveCommit */.WL)(root, options.baseRef);
        const headSha = options.headRef ? await (0,git/* resolveCommit */.WL)(root, options.headRef) : headCurrent;
        // The head tree: the checkout as it is (uncommitted changes included: "does my edit
        // regress?"), or, when a ref is given, exactly that commit in its own worktree.
        let headTree = root;
        if (options.headRef) {
            const wt = await (0,git/* addWorktree */.l)(root, headSha, (0,external_node_path_.join)(scratch, 'head'));
            cleanups.unshift(wt.remove);
            headTree = wt.dir;
        }
        const configRel = (0,external_node_path_.isAbsolute)(options.configPath)
            ? (0,external_node_path_.relative)(root, options.configPath)
            : (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(options.repoDir, options.configPath));
        if (options.setup) {
            log(`setup (head): ${options.setup}`);
            await runSetup(options.setup, headTree, env, log);
        }
        const suite = await (0,build_suite/* loadSuite */.bu)((0,external_node_path_.join)(headTree, configRel));
        (0,secrets/* registerSuiteSecrets */.Jq)(suite.config, { ...process.env, ...env });
        // The gate is the base's: the PR's own config cannot loosen the gate it is judged by, nor
        // shrink the sample or the trials the gate sees.
        const trusted = await trustedGate({
            root,
            baseSha,
            file: (0,external_node_path_.relative)(headTree, suite.configPath).split(external_node_path_.sep).join('/'),
            head: suite.config,
            overrides: options.gate,
            runOverridden: {
                sample: !options.configSample || (0,run_select/* hasExplicitCases */.A$)(options.selection),
                trials: options.trials !== undefined,
                maxCost: options.maxCost !== undefined,
            },
        });
        if (trusted.note)
            log(trusted.note);
        const gate = trusted.gate;
        const settings = {
            ...(0,run_suite/* runSettings */.n)(suite, options),
            trials: options.trials ?? trusted.run.trials,
        };
        const accepted = !!options.accepted || (options.labels ?? []).includes(gate.accept_label);
        const sample = options.configSample ? trusted.run.sample : undefined;
        const selection = (0,run_select/* withConfigSample */.Xt)(options.selection ?? {}, sample);
        const cases = (0,run_select/* selectCases */._H)(suite.cases, selection);
        if (selection !== options.selection && sample !== undefined)
            log(`pull_request.sample ${JSON.stringify(sample)}: ${cases.length} of ${suite.cases.length} cases (--full runs them all)`);
        const headIds = new Set(suite.cases.map((c) => c.id));
        const judge = await (0,run_suite/* judgeFor */.z0)(suite, { ...process.env, ...env });
        const simulator = await (0,run_suite/* simulatorFor */.Oi)(suite, { ...process.env, ...env });
        // One cache folder for both sides; each side's system has its own fingerprint.
        cache = (0,pipeline_cache/* openTraceCache */.WK)(root, suite, options.noCache, options.traceStore);
        const headCache = await (0,pipeline_cache/* sideCache */.MT)(cache, headTree, suite, configRel, log, 'head');
        let baseCache;
        // The base tree, made only when something must run there.
        let baseTarget;
        let baseTree;
        const baseWorktree = async () => {
            if (baseTree)
                return baseTree;
            const wt = await (0,git/* addWorktree */.l)(root, baseSha, (0,external_node_path_.join)(scratch, 'base'));
            cleanups.unshift(wt.remove);
            baseTree = wt.dir;
            return wt.dir;
        };
        const baseSide = async () => {
            if (baseTarget)
                return baseTarget;
            const dir = await baseWorktree();
            if (options.setup) {
                log(`setup (base): ${options.setup}`);
                await runSetup(options.setup, dir, env, log);
            }
            baseCache = await (0,pipeline_cache/* sideCache */.MT)(cache, dir, suite, configRel, log, 'base');
            // The head's suite runs on the base tree: same cases and checks, the base's system.
            baseTarget = await (0,build_targets/* createTarget */.Yn)(suite.config.target, {
                rootDir: (0,external_node_path_.join)(dir, (0,external_node_path_.dirname)(configRel)),
                concurrency: settings.concurrency,
                env,
                log,
                prices: suite.config.prices,
            });
            targets.push(baseTarget);
            return baseTarget;
        };
        const headTarget = await (0,build_targets/* createTarget */.Yn)(suite.config.target, {
            rootDir: suite.rootDir,
            concurrency: settings.concurrency,
            env,
            log,
            prices: suite.config.prices,
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
            {
                label: 'head',
                target: headTarget,
                git: { sha: headSha, ref: options.headRef },
                cache: headCache,
            },
        ];
        if (!missing || missing.size) {
            const target = await baseSide();
            sides.unshift({
                label: 'base',
                target,
                cache: baseCache,
                git: { sha: baseSha, ref: options.baseRef },
                only: missing,
            });
        }
        // Cases the PR removes: from the cached baseline, or run on the base with the base's own
        // checks, so deleting a case to go green shows in the comparison.
        const removed = options.baseline
            ? removedFromBaseline(options.baseline, headIds, selection)
            : { results: [], cases: await removedFromBase(baseTree, configRel, headIds, selection, log) };
        if (removed.cases.length) {
            sides[0].only = new Set(removed.cases.map((c) => c.id));
            for (const c of cases)
                sides[0].only.add(c.id);
            sides[1].only = new Set(cases.map((c) => c.id));
        }
        const startedAt = new Date();
        // Each side's trials go to a journal in the scratch folder as they finish, and the run keeps
        // a slim copy (src/run/spool.ts); the results files are written from the journals and
        // compared from the files. Pairwise checks are graded on both sides' answers in memory
        // afterwards (they rewrite the trials), so a suite with them keeps its trials whole.
        const pairwise = hasPairwise(cases);
        const journals = pairwise
            ? undefined
            : await openSideJournals(scratch, suite, settings.trials, startedAt, ['base', 'head']);
        cleanups.unshift(async () => journals?.forEach((j) => j.close()));
        // One budget for the whole PR run (both sides, and the re-runs), the base's own max_cost.
        const guard = (0,run_suite/* runGuard */.hd)(suite, options, log, options.maxCost ?? trusted.run.max_cost);
        const common = {
            suite,
            ...settings,
            guard,
            judge,
            simulator,
            signal: options.signal,
            progress: options.progress,
            keep: journals &&
                ((side, caseId, result) => journals.get(side).keep(caseId, result)),
        };
        const stage1 = await (0,runner/* runTrials */.Fj)({ ...common, cases: [...cases, ...removed.cases], sides });
        const finishedAt = new Date();
        const headResults = (0,runner/* buildResults */.rq)({ suite, cases, trials: settings.trials }, 'head', stage1.get('head'), {
            git: { sha: headSha, ref: options.headRef ?? (await (0,git/* gitInfo */.VT)(headTree))?.ref },
            startedAt,
            finishedAt,
            interrupted: options.signal?.aborted,
            stopped: guard.stopped,
        });
        const baseResults = baseFrom(options.baseline, suite, [...cases, ...removed.cases], removed.results, settings.trials, stage1.get('base'), journals?.get('base'), {
            git: { sha: baseSha, ref: options.baseRef },
            startedAt,
            finishedAt,
            interrupted: options.signal?.aborted,
            stopped: guard.stopped,
        });
        (0,pipeline_cache/* recordCache */.Qu)(headResults, headCache);
        (0,pipeline_cache/* recordCache */.Qu)(baseResults, baseCache);
        // Pairwise checks need both sides' answers: graded now, head trial k against base trial k.
        const pairs = { judge, concurrency: settings.concurrency, signal: options.signal, cases };
        if (pairwise) {
            const n = await gradePairwise({ ...pairs, base: baseResults, head: headResults, stage: 1 });
            log(`pairwise: ${plural(n, 'head answer')} compared with the base's (both orders)`);
        }
        // A side on which every trial errored measured nothing: say why now, not after the report.
        let nothingMeasured = false;
        for (const [label, r] of [
            ['base', stage1.has('base') ? baseResults : undefined],
            ['head', headResults],
        ]) {
            const first = r && (0,all_errored/* allErrored */.t)(r);
            if (!first)
                continue;
            nothingMeasured = true;
            log(`every ${label} trial errored (nothing was measured); the first, case ${first}`);
        }
        // Judges below the base's calibration floors cannot block (src/calibrate/gate.ts).
        const judges = (0,calibrate_gate/* judgeGate */.$)(suite.cases, trusted.judge.calibration, trusted.judge.floors, suite.config.judge?.model, trusted.judge.why);
        const compareOptions = {
            gate,
            accepted,
            judges,
            severities: trusted.severities,
            gateNote: trusted.note,
            // Case sources are relative to the suite; links to dataset lines need its repository path.
            suiteDir: (0,external_node_path_.dirname)(configRel).split(external_node_path_.sep).join('/'),
        };
        // Stage 2: re-run the ambiguous cases of undecided modes, base and head interleaved, within
        // the re-run budget. The plan reads statuses only: slim results serve.
        if (gate.adaptive && !options.signal?.aborted && !guard.stopped) {
            // A side that measured nothing makes the verdict an error whatever stage 2 finds.
            const plan = nothingMeasured
                ? { modes: [], caseIds: [], trials: 0, candidates: 0 }
                : (0,compare/* planStage2 */.oG)(baseResults, headResults, gate);
            // Recorded even when empty: it tells compare the adaptive design (and its alpha split)
            // was in effect for this run.
            headResults.meta.stage2_modes = [];
            baseResults.meta.stage2_modes = [];
            const deferred = plan.candidates - plan.caseIds.length;
            if (deferred > 0)
                headResults.meta.stage2_deferred = deferred;
            if (plan.modes.length && plan.caseIds.length) {
                log(rerunLine(plan, gate.rerun_budget, stage1TrialsOf(headResults)));
                const ids = new Set(plan.caseIds);
                const rerunCases = cases.filter((c) => ids.has(c.id));
                const stage2 = await (0,runner/* runTrials */.Fj)({
                    ...common,
                    cases: rerunCases,
                    sides: [
                        { label: 'base', target: await baseSide(), git: { sha: baseSha }, cache: baseCache },
                        { label: 'head', target: headTarget, git: { sha: headSha }, cache: headCache },
                    ],
                    trials: plan.trials,
                    stage: 2,
                    firstTrial: settings.trials,
                });
                (0,runner/* appendTrials */.K)(baseResults, { cases: rerunCases }, stage2.get('base'));
                (0,runner/* appendTrials */.K)(headResults, { cases: rerunCases }, stage2.get('head'));
                (0,pipeline_cache/* recordCache */.Qu)(headResults, headCache);
                (0,pipeline_cache/* recordCache */.Qu)(baseResults, baseCache);
                if (pairwise)
                    await gradePairwise({ ...pairs, base: baseResults, head: headResults, stage: 2 });
                headResults.meta.stage2_modes = plan.modes;
                baseResults.meta.stage2_modes = plan.modes;
                headResults.meta.finished_at = new Date().toISOString();
                // Stopped during the re-runs: the stage-2 evidence is partial, so no verdict.
                if (options.signal?.aborted) {
                    headResults.meta.interrupted = true;
                    baseResults.meta.interrupted = true;
                }
                if (guard.stopped) {
                    headResults.meta.stopped = guard.stopped;
                    baseResults.meta.stopped = guard.stopped;
                }
            }
            else if (deferred > 0) {
                log(`${plural(deferred, 'ambiguous case')} not re-run: gate.rerun_budget ${gate.rerun_budget} allows less than one case`);
            }
        }
        // The action's store saves the head's entries only when they are not the base's system:
        // it must know the base's fingerprint even when a baseline spared the base side.
        // Without it the store saves nothing: never a reason to fail the run.
        if (options.traceStore && cache && !baseCache)
            await baseWorktree()
                .then((dir) => (0,pipeline_cache/* sideCache */.MT)(cache, dir, suite, configRel, log, 'base'))
                .catch(() => undefined);
        // Each side to its results file, full traces read back from the journals. The comparison is
        // made from the slim results in memory, as compareFiles makes it from slim results read from
        // files (src/compare/files.ts): in the action the head's code may still be running, and files
        // it can rewrite must not decide the verdict. Only the excerpts' text is read back.
        const outDir = options.outDir ?? (0,external_node_path_.join)(scratch, 'results');
        const files = {
            base: (0,external_node_path_.join)(outDir, 'base-results.json'),
            head: (0,external_node_path_.join)(outDir, 'head-results.json'),
        };
        await (0,results_io/* writeJson */.GF)(files.base, baseResults);
        await (0,results_io/* writeJson */.GF)(files.head, headResults);
        const comparison = compareSlim(baseResults, headResults, compareOptions);
        for (const j of journals?.values() ?? [])
            j.close();
        const whole = !options.outDir;
        return {
            suite,
            base: whole ? await (0,results_io.readResults)(files.base) : baseResults,
            head: whole ? await (0,results_io.readResults)(files.head) : headResults,
            files: whole ? undefined : files,
            comparison,
            baseSha,
            headSha,
            baseSource,
            gate: trusted,
        };
    }
    finally {
        await cache?.close().catch(() => undefined);
        for (const t of targets)
            await t.close().catch(() => undefined);
        for (const c of cleanups)
            await c().catch(() => undefined);
    }
}
/**
 * A journal per side in `dir`, for the run's trials as they finish (see src/run/journal.ts):
 * the run holds slim copies, and the results files are written from these.
 */
async function openSideJournals(dir, suite, trials, startedAt, labels) {
    const out = new Map();
    for (const label of labels) {
        const header = (0,journal/* journalHeader */.f7)({
            suiteHash: suite.hash,
            label,
            trials,
            selection: {},
            caseIds: [],
            startedAt,
        });
        out.set(label, await journal/* JournalWriter */.Zx.create((0,external_node_path_.join)(dir, `${label}.journal.jsonl`), header));
    }
    return out;
}
async function ensureCommitForRef(root, ref, log) {
    // Only a full sha can be fetched by itself; a branch name is resolved by the caller's fetch.
    if (/^[0-9a-f]{40}$/i.test(ref))
        await (0,git/* ensureCommit */.q$)(root, ref, log);
}
/**
 * Cases of the cached baseline the head's suite no longer has (removed by the PR), as the
 * selection would have picked them on the base: their base results are reused.
 */
function removedFromBaseline(baseline, headIds, selection) {
    const gone = baseline.cases.filter((c) => !headIds.has(c.id) && c.trials?.length);
    if (!gone.length)
        return { results: [], cases: [] };
    const asCases = gone.map((c) => ({ id: c.id, tags: Array.isArray(c.tags) ? c.tags : [] }));
    const picked = new Set((0,run_select/* selectCases */._H)(asCases, selection).map((c) => c.id));
    return { results: gone.filter((c) => picked.has(c.id)), cases: [] };
}
/**
 * Cases of the base's suite the head's suite no longer has (removed by the PR), as the
 * selection picks them on the base. Empty when the base's suite does not load.
 */
async function removedFromBase(baseTree, configRel, headIds, selection, log) {
    if (!baseTree)
        return [];
    let baseSuite;
    try {
        baseSuite = await (0,build_suite/* loadSuite */.bu)((0,external_node_path_.join)(baseTree, configRel));
    }
    catch (err) {
        log(`the base's suite does not load, so cases the PR removes are not shown: ${String(err.message).split('\n')[0]}`);
        return [];
    }
    return (0,run_select/* selectCases */._H)(baseSuite.cases, selection).filter((c) => !headIds.has(c.id));
}
/**
 * The base side's results: the cached baseline (restricted to the run's cases, plus the removed
 * cases it holds) and what ran. `cases` is everything the base side selected.
 */
function baseFrom(baseline, suite, cases, removed, trials, ran, journal, info) {
    const fresh = (0,runner/* buildResults */.rq)({ suite, cases, trials }, 'base', ran ?? new Map(), info);
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
            selected: (0,runner/* selectedCases */.P3)([...cases.map((c) => c.id), ...removed.map((c) => c.id)]),
        },
        cases: [...[...reused, ...removed].map((c) => reusedCase(c, journal)), ...fresh.cases],
    };
    return (0,runner/* recount */.d3)(results);
}
/**
 * A baseline case as the base side's: a copy (pairwise grading rewrites trials), its trials held
 * slim in the base's journal when the run spools, so a large baseline is not held whole.
 */
function reusedCase(c, journal) {
    const copy = (0,lazy_results/* caseCopy */.u)(c);
    if (journal && Array.isArray(copy.trials))
        copy.trials = copy.trials.map((t) => journal.keep(copy.id, t));
    return copy;
}
function plural(n, one) {
    return `${n} ${n === 1 ? one : `${one}s`}`;
}
function stage1TrialsOf(r) {
    let n = 0;
    for (const c of r.cases)
        for (const t of c.trials)
            if (!(t.stage >= 2))
                n++;
    return n;
}
/**
 * "re-running 29 of 40 ambiguous cases x 5 trials for tone, refusal (+45% trials; budget +50%)":
 * what stage 2 costs, said before it runs.
 */
function rerunLine(plan, budget, stage1Trials) {
    const n = plan.caseIds.length;
    const of = plan.candidates > n
        ? `${n} of ${plan.candidates} ambiguous cases`
        : plural(n, 'ambiguous case');
    const share = stage1Trials > 0 ? Math.round((100 * n * plan.trials) / stage1Trials) : 0;
    return `re-running ${of} x ${plural(plan.trials, 'trial')} per side for ${plan.modes.join(', ')} (+${share}% trials; budget +${Math.round(budget * 100)}%)`;
}


/***/ })

};
