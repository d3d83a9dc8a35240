export const id = 565;
export const ids = [565];
export const modules = {

/***/ 1234:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ parseCalibration),
/* harmony export */   Gh: () => (/* binding */ judgeStatus),
/* harmony export */   t9: () => (/* binding */ floorsOf)
/* harmony export */ });
/* harmony import */ var _defaults_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4532);
/**
 * The calibration file (`evalgate/calibration@1`): per judge of the suite, how it agreed with
 * people on labelled traces, and whether that clears the floors a judge needs to block. Written
 * by `evalgate calibrate`; a pull request's gate reads it at the base commit. Pure.
 */

function floorsOf(judge) {
    return {
        min_kappa: judge?.min_kappa ?? _defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CALIBRATION */ .rD.min_kappa,
        min_labels: judge?.min_labels ?? _defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CALIBRATION */ .rD.min_labels,
        min_true_fail_rate: judge?.min_true_fail_rate ?? _defaults_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CALIBRATION */ .rD.min_true_fail_rate,
    };
}
const k2 = (x) => x.toFixed(2);
const pct = (x) => `${Math.round(x * 100)}%`;
/**
 * Whether a judge may block, and why in one line. A judge needs `min_labels` labelled traces
 * (with both verdicts among them), kappa >= min_kappa and a true-fail rate >= min_true_fail_rate.
 * `min_labels: 0` lets a judge without labels block (the behaviour before calibration existed);
 * a judge with labels must still clear the other floors.
 */
function judgeStatus(j, floors) {
    const n = j?.n ?? 0;
    if (n === 0) {
        return floors.min_labels === 0
            ? { calibrated: true, note: 'judge without human labels (judge.min_labels is 0)' }
            : { calibrated: false, note: 'judge not calibrated (no human labels)' };
    }
    const on = `on ${n} label${n === 1 ? '' : 's'}`;
    if (n < floors.min_labels)
        return {
            calibrated: false,
            note: `judge not calibrated (${n} label${n === 1 ? '' : 's'}, needs ${floors.min_labels})`,
        };
    const kappa = typeof j?.kappa === 'number' ? j.kappa : null;
    if (kappa === null) {
        return {
            calibrated: false,
            note: `judge not calibrated (kappa undefined ${on}: the labels or the verdicts are all one way)`,
        };
    }
    if (kappa < floors.min_kappa)
        return { calibrated: false, note: `judge not calibrated (kappa ${k2(kappa)} ${on})` };
    const tfr = typeof j?.true_fail_rate === 'number' ? j.true_fail_rate : null;
    if (tfr === null)
        return {
            calibrated: false,
            note: `judge not calibrated (no human-failed trace ${on}: its sensitivity to failures is unknown)`,
        };
    if (tfr < floors.min_true_fail_rate)
        return {
            calibrated: false,
            note: `judge not calibrated (catches ${pct(tfr)} of failures, kappa ${k2(kappa)} ${on})`,
        };
    return { calibrated: true, note: `judge calibrated (kappa ${k2(kappa)} ${on})` };
}
/** A calibration file's JSON, checked just enough to be read safely; undefined when it is not one. */
function parseCalibration(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!v || typeof v !== 'object')
        return undefined;
    const c = v;
    if (c.schema !== 'evalgate/calibration@1' || !Array.isArray(c.judges))
        return undefined;
    const judges = c.judges.filter((j) => !!j &&
        typeof j === 'object' &&
        typeof j.id === 'string' &&
        typeof j.model === 'string' &&
        typeof j.n === 'number');
    return { ...c, judges };
}


/***/ }),

/***/ 487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ judgeGate)
/* harmony export */ });
/* harmony import */ var _calibration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1234);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4474);


/**
 * `calibration` undefined: no figures (none committed, or unreadable); `why` then says so in the
 * notes. A judge's figures count only for the model they were measured with.
 */
function judgeGate(cases, calibration, floors, model, why) {
    const byId = new Map((calibration?.judges ?? []).map((j) => [j.id, j]));
    const status = new Map();
    const modes = {};
    const uncalibrated = new Map();
    for (const c of cases) {
        c.checks.forEach((spec, i) => {
            if (!(0,_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .isJudged */ .sL)(spec))
                return;
            const id = (0,_identity_js__WEBPACK_IMPORTED_MODULE_1__/* .judgeIdentity */ .Ec)(spec);
            let s = status.get(id.id);
            if (!s) {
                const measured = byId.get(id.id);
                const usable = measured && measured.model === model ? measured : undefined;
                let st = (0,_calibration_js__WEBPACK_IMPORTED_MODULE_0__/* .judgeStatus */ .Gh)(usable, floors);
                if (!st.calibrated && !usable) {
                    if (measured)
                        st = {
                            ...st,
                            note: `judge not calibrated (measured with ${measured.model}, grading with ${model ?? 'no model'})`,
                        };
                    else if (why)
                        st = { ...st, note: `judge not calibrated (${why})` };
                }
                s = { title: id.title, ...st };
                status.set(id.id, s);
                (modes[id.mode] ??= []).push(s);
            }
            if (!s.calibrated) {
                let set = uncalibrated.get(c.id);
                if (!set)
                    uncalibrated.set(c.id, (set = new Set()));
                set.add(i);
            }
        });
    }
    return status.size ? { modes, uncalibrated } : undefined;
}


/***/ }),

/***/ 2565:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JUDGED_TYPES: () => (/* reexport */ identity/* JUDGED_TYPES */.w),
  agreementOf: () => (/* reexport */ agreementOf),
  calibrate: () => (/* reexport */ calibrate),
  calibrationMarkdown: () => (/* reexport */ calibrationMarkdown),
  calibrationText: () => (/* reexport */ calibrationText),
  collectLabelled: () => (/* reexport */ collectLabelled),
  confusionOf: () => (/* reexport */ confusionOf),
  floorsOf: () => (/* reexport */ calibration/* floorsOf */.t9),
  isJudged: () => (/* reexport */ identity/* isJudged */.sL),
  judgeGate: () => (/* reexport */ gate/* judgeGate */.$),
  judgeIdentity: () => (/* reexport */ identity/* judgeIdentity */.Ec),
  judgeStatus: () => (/* reexport */ calibration/* judgeStatus */.Gh),
  parseCalibration: () => (/* reexport */ calibration/* parseCalibration */.AT),
  parseLabels: () => (/* reexport */ parseLabels),
  readLabels: () => (/* reexport */ readLabels),
  traceHash: () => (/* reexport */ identity/* traceHash */.wO)
});

;// CONCATENATED MODULE: ./build/calibrate/agreement.js
/**
 * How well a judge agrees with people, on pairs (human label, judge verdict). Pure.
 *
 * "Positive" here is pass: the true-pass rate is the share of human-passed traces the judge
 * passes, the true-fail rate the share of human-failed traces it fails (its sensitivity to
 * failures: a judge that misses failures cannot see a regression).
 *
 * Cohen's kappa corrects the raw agreement for the agreement two raters with these marginals
 * would reach by chance: kappa = (po - pe) / (1 - pe). Its 95% interval uses Cohen's (1960)
 * large-sample standard error, SE = sqrt(po (1 - po) / (n (1 - pe)^2)), clipped to [-1, 1]:
 * simple, and close to the exact interval from about 20 labels on; below that it is wide anyway.
 */
const Z95 = 1.959964;
function confusionOf(pairs) {
    const c = { pass_pass: 0, pass_fail: 0, fail_pass: 0, fail_fail: 0 };
    for (const { human, judge } of pairs)
        c[`${human}_${judge}`]++;
    return c;
}
function agreementOf(c) {
    const n = c.pass_pass + c.pass_fail + c.fail_pass + c.fail_fail;
    const out = {
        n,
        confusion: c,
        agreement: null,
        kappa: null,
        kappa_ci: null,
        true_pass_rate: null,
        true_fail_rate: null,
    };
    if (n === 0)
        return out;
    const humanPass = c.pass_pass + c.pass_fail;
    const humanFail = n - humanPass;
    const judgePass = c.pass_pass + c.fail_pass;
    const judgeFail = n - judgePass;
    const po = (c.pass_pass + c.fail_fail) / n;
    const pe = (humanPass * judgePass + humanFail * judgeFail) / (n * n);
    out.agreement = po;
    if (humanPass > 0)
        out.true_pass_rate = c.pass_pass / humanPass;
    if (humanFail > 0)
        out.true_fail_rate = c.fail_fail / humanFail;
    if (pe < 1) {
        const kappa = (po - pe) / (1 - pe);
        const se = Math.sqrt((po * (1 - po)) / (n * (1 - pe) ** 2));
        out.kappa = kappa;
        out.kappa_ci = [Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se)];
    }
    return out;
}

// EXTERNAL MODULE: ./build/calibrate/calibration.js
var calibration = __webpack_require__(1234);
// EXTERNAL MODULE: ./build/calibrate/gate.js
var gate = __webpack_require__(487);
// EXTERNAL MODULE: ./build/calibrate/identity.js
var identity = __webpack_require__(4474);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./build/suite/errors.js
var errors = __webpack_require__(156);
// EXTERNAL MODULE: ./build/suite/jsonl.js
var jsonl = __webpack_require__(8925);
// EXTERNAL MODULE: ./build/suite/issues.js
var issues = __webpack_require__(9895);
;// CONCATENATED MODULE: ./build/calibrate/labels.js
/**
 * The labels file: one JSON object per line, a person's verdict on one judged check of one stored
 * trace, so labels are collected while reviewing traces, without editing cases:
 *
 *   {"trace_hash": "<64 hex>", "case": "refund-1", "check": 2, "label": "fail", "note": "..."}
 *
 * `check` is the check's index in the case's `checks` or its `name`. The trace viewer writes
 * this format. Pure apart from reading the file.
 */





const labelSchema = schemas/* strictObject */.rej({
    trace_hash: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/, 'must be the 64 hex digits the viewer shows'),
    case: schemas/* string */.YjP().min(1),
    check: schemas/* union */.KCZ([schemas/* int */.Whr().min(0), schemas/* string */.YjP().min(1)]),
    label: schemas/* enum */.k5n(['pass', 'fail']),
    note: schemas/* string */.YjP().optional(),
    /** Who labelled and when: kept in the file, not used. */
    reviewer: schemas/* string */.YjP().optional(),
    labelled_at: schemas/* string */.YjP().optional(),
});
/** Parses a labels file's text; throws a SuiteError naming every bad line. */
function parseLabels(text, file) {
    const problems = [];
    const rows = [];
    const { problems: syntax } = (0,jsonl/* parseJsonl */.wI)(text, file, ({ line, value }) => {
        const r = labelSchema.safeParse(value, { reportInput: true });
        if (!r.success) {
            for (const issue of (0,issues/* fromZodIssues */.cQ)(r.error.issues, labelSchema, value))
                problems.push({
                    file,
                    line,
                    field: issue.path.length ? issue.path.join('.') : undefined,
                    message: issue.message,
                });
            return;
        }
        const { reviewer: _r, labelled_at: _a, ...row } = r.data;
        rows.push({ ...row, line });
    });
    problems.unshift(...syntax);
    if (problems.length)
        throw (0,errors/* suiteError */.lJ)(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
    return rows;
}
async function readLabels(path, shown = path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        throw (0,errors/* suiteError */.lJ)([
            { file: shown, message: `cannot read the labels file: ${err.message}` },
        ]);
    }
    return parseLabels(text, shown);
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./build/checks/registry.js + 32 modules
var registry = __webpack_require__(2439);
;// CONCATENATED MODULE: ./build/calibrate/run.js
/**
 * `evalgate calibrate`: the judges of a suite, run on the traces people labelled, against their
 * labels. Labels come from the labels file (by trace hash) and from `human:` on a case's judged
 * checks; the traces from results files. Never throws for a bad label: it is skipped and counted.
 */




/** Skipped labels by reason, with a few examples each. */
class Skips {
    byReason = new Map();
    counts = new Map();
    add(reason, example) {
        const list = this.byReason.get(reason) ?? [];
        if (list.length < 5)
            list.push(example);
        this.byReason.set(reason, list);
        this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    }
    list() {
        return [...this.byReason].map(([reason, examples]) => ({
            reason,
            count: this.counts.get(reason),
            examples,
        }));
    }
}
function checkOf(c, ref) {
    if (typeof ref === 'number')
        return ref < c.checks.length ? ref : undefined;
    const i = c.checks.findIndex((k) => k.name === ref);
    return i >= 0 ? i : undefined;
}
/**
 * The labelled traces: every label of the file whose trace is in the results, and every case
 * label (`human:` on a check) of a case with exactly one distinct trace in the results (its
 * input determines its trace; with several, which one the person judged is unknown). A label of
 * the file wins over a case label for the same trace and check; of two file labels, the later.
 */
function collectLabelled(suite, results, labels) {
    const skips = new Skips();
    const cases = new Map(suite.cases.map((c) => [c.id, c]));
    const stored = new Map();
    const perCase = new Map();
    for (const r of results) {
        for (const cr of r.cases ?? []) {
            for (const t of Array.isArray(cr.trials) ? cr.trials : []) {
                if (!t?.trace || t.trace.error)
                    continue;
                const hash = (0,identity/* traceHash */.wO)(cr.input, t.trace);
                if (!stored.has(hash))
                    stored.set(hash, { caseId: cr.id, input: cr.input, trace: t.trace });
                let set = perCase.get(cr.id);
                if (!set)
                    perCase.set(cr.id, (set = new Set()));
                set.add(hash);
            }
        }
    }
    const items = new Map();
    const put = (x) => items.set(`${x.trace_hash}\0${x.case.id}\0${x.check}`, x);
    // Case labels first, so that the file's labels override them.
    for (const c of suite.cases) {
        c.checks.forEach((spec, i) => {
            const h = spec.human;
            if (!h || !(0,identity/* isJudged */.sL)(spec))
                return;
            const hashes = perCase.get(c.id);
            const where = `${c.id} check ${i}`;
            if (!hashes?.size)
                return skips.add('case label: the results have no trace of the case', where);
            if (hashes.size > 1)
                return skips.add('case label: the case has different traces in the results (label them in the viewer instead)', where);
            const [hash] = hashes;
            const s = stored.get(hash);
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
        if (!(0,identity/* isJudged */.sL)(c.checks[i])) {
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
/** Grades every labelled trace with its judge and sums the agreement up per judge. */
async function calibrate(o) {
    const limit = (0,p_limit/* default */.A)(Math.max(1, o.concurrency ?? 8));
    let done = 0;
    const graded = await Promise.all(o.items.map((x) => limit(async () => {
        const [r] = await (0,registry/* runChecks */.JT)([x.spec], x.trace, {
            rootDir: o.suite.rootDir,
            // The input the system saw: the judge is shown the same trace the person was.
            case: { ...x.case, input: x.input },
            judge: o.judge,
            signal: o.signal,
        });
        o.onGraded?.(++done, o.items.length);
        return { x, r };
    })));
    // Every judge of the suite is listed, labelled or not: an unlabelled one is uncalibrated.
    const judges = new Map();
    for (const c of o.suite.cases)
        for (const spec of c.checks)
            if ((0,identity/* isJudged */.sL)(spec)) {
                const id = (0,identity/* judgeIdentity */.Ec)(spec).id;
                if (!judges.has(id))
                    judges.set(id, { spec, pairs: [], errors: 0, dis: [] });
            }
    for (const { x, r } of graded) {
        const j = judges.get((0,identity/* judgeIdentity */.Ec)(x.spec).id);
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
    const out = [...judges.values()].map((j) => {
        const id = (0,identity/* judgeIdentity */.Ec)(j.spec);
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

// EXTERNAL MODULE: ./node_modules/markdown-table/index.js
var markdown_table = __webpack_require__(735);
// EXTERNAL MODULE: ./build/report/markdown.js
var markdown = __webpack_require__(4902);
;// CONCATENATED MODULE: ./build/calibrate/render.js
/**
 * The calibration report: a table per judge for the terminal and the same as markdown, then the
 * disagreements with the judge's reason and the person's note. Text from the suite and the judge
 * is untrusted: the markdown escapes it (src/report/markdown.ts), the CLI escapes terminal text.
 */



const rate = (x) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const k2 = (x) => (x === null ? '–' : x.toFixed(2));
const ci = (c) => (c ? `${c[0].toFixed(2)} to ${c[1].toFixed(2)}` : '–');
const HEAD = [
    'judge',
    'mode',
    'labels',
    'agree',
    'kappa (95% CI)',
    'true-pass',
    'true-fail',
    'errors',
    'may block',
];
function cells(j, floors, name, mode = name) {
    const s = (0,calibration/* judgeStatus */.Gh)(j, floors);
    return [
        name(j.title),
        mode(j.mode),
        String(j.n),
        rate(j.agreement),
        j.kappa === null ? '–' : `${k2(j.kappa)} (${ci(j.kappa_ci)})`,
        rate(j.true_pass_rate),
        rate(j.true_fail_rate),
        String(j.errors),
        s.calibrated ? 'yes' : `no: ${s.note.replace(/^judge not calibrated \((.*)\)$/, '$1')}`,
    ];
}
function floorsLine(f) {
    return `A judge may block when it has at least ${f.min_labels} labels, kappa >= ${f.min_kappa} and a true-fail rate >= ${Math.round(f.min_true_fail_rate * 100)}% (judge.min_labels, judge.min_kappa, judge.min_true_fail_rate). Kappa's interval: Cohen's large-sample standard error.`;
}
/** Plain text, aligned columns (the CLI escapes control characters when printing). */
function calibrationText(c, floors = c.floors) {
    const rows = [HEAD, ...c.judges.map((j) => cells(j, floors, (s) => s))];
    const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const lines = [
        `judge model ${c.model}: ${c.judges.length} judge(s), ${c.judges.reduce((n, j) => n + j.n, 0)} labelled verdict(s)`,
        '',
        ...rows.map((r) => r
            .map((cell, i) => (i >= 2 && i <= 7 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
            .join('  ')
            .trimEnd()),
    ];
    for (const j of c.judges) {
        if (!j.disagreements.length)
            continue;
        lines.push('', `${j.title} [${j.mode}]: ${j.disagreements.length} disagreement(s)`);
        for (const d of j.disagreements.slice(0, 20)) {
            lines.push(`  ${d.case} (check ${d.check}, trace ${d.trace_hash.slice(0, 12)}): person ${d.human}, judge ${d.judge}: ${d.reason}` +
                (d.note ? ` | note: ${d.note}` : ''));
        }
        if (j.disagreements.length > 20)
            lines.push(`  … and ${j.disagreements.length - 20} more`);
    }
    for (const s of c.skipped)
        lines.push('', `skipped ${s.count} label(s): ${s.reason} (e.g. ${s.examples.join(', ')})`);
    lines.push('', floorsLine(floors));
    return lines.join('\n');
}
function calibrationMarkdown(c, floors = c.floors) {
    const out = [
        '# Judge calibration',
        '',
        `Judge model ${(0,markdown/* code */.aY)(c.model)}, ${c.created_at}. ${floorsLine(floors)}`,
        '',
        (0,markdown_table/* markdownTable */.Q)([
            HEAD,
            ...c.judges.map((j) => cells(j, floors, (s) => (0,markdown/* inline */.mG)(s, 120), (s) => (0,markdown/* code */.aY)(s))),
        ], {
            align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
            alignDelimiters: false,
        }),
    ];
    for (const j of c.judges) {
        if (!j.disagreements.length)
            continue;
        out.push('', `## ${(0,markdown/* inline */.mG)(j.title, 120)} (${(0,markdown/* code */.aY)(j.mode)}): ${j.disagreements.length} disagreement(s)`, '');
        out.push((0,markdown_table/* markdownTable */.Q)([
            ['Case', 'Trace', 'Person', 'Judge', "Judge's reason", 'Note'],
            ...j.disagreements
                .slice(0, 100)
                .map((d) => [
                (0,markdown/* code */.aY)(d.case),
                (0,markdown/* code */.aY)(d.trace_hash.slice(0, 12)),
                d.human,
                d.judge,
                (0,markdown/* inline */.mG)(d.reason, 300),
                d.note ? (0,markdown/* inline */.mG)(d.note, 200) : '',
            ]),
        ], { alignDelimiters: false }));
    }
    for (const s of c.skipped)
        out.push('', `- Skipped ${s.count} label(s): ${(0,markdown/* inline */.mG)(s.reason, 200)} (e.g. ${s.examples.map((e) => (0,markdown/* inline */.mG)(e, 80)).join(', ')})`);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./build/calibrate/index.js









/***/ }),

/***/ 4902:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   Lx: () => (/* binding */ urlPath),
/* harmony export */   YI: () => (/* binding */ neutralize),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   fG: () => (/* binding */ urlPart),
/* harmony export */   mG: () => (/* binding */ inline),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   qy: () => (/* binding */ html),
/* harmony export */   uH: () => (/* binding */ clean),
/* harmony export */   v7: () => (/* binding */ safeHref)
/* harmony export */ });
/* unused harmony export asText */
/* harmony import */ var _plain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2071);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7234);
/**
 * Making untrusted text inert in GitHub-flavoured markdown.
 *
 * Everything a report prints that came from a dataset, a model or a check reason goes through
 * `inline` (text inside a line or a table cell) or `fence` (a code block). The goal is that the
 * text renders as the same characters and does nothing else: no HTML, no links or images, no
 * table breakage, no @-mentions or #-references (GitHub turns those into notifications and
 * cross-links *after* markdown rendering, on the text nodes, so backslash escapes alone do not
 * stop them: a zero-width joiner between `@` and the name does).
 */


const ZWJ = '\u200d';
const ZWSP = '\u200b';
/** Cuts to at most `max` code units without splitting a surrogate pair; marks the cut with …. */
function cut(s, max) {
    if (s.length <= max)
        return s;
    if (max <= 1)
        return '…';
    let end = max - 1;
    const code = s.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return s.slice(0, end) + '…';
}
/** Any value as display text: strings as they are, the rest as compact JSON. Never throws. */
function asText(v) {
    if (typeof v === 'string')
        return v;
    if (v === undefined)
        return '';
    try {
        const s = JSON.stringify(v);
        return s === undefined ? String(v) : s;
    }
    catch {
        return String(v);
    }
}
/** Text read past `max` before redacting, so a secret straddling the final cut is seen whole. */
const WINDOW = 256;
/**
 * Dropped from the end of a window that cut the text: a token cut there may be too short for
 * its pattern (20 of 40 characters of a GitHub token), and redaction shrinks what comes before
 * it, which would bring it into view.
 */
const UNSEEN_TAIL = 64;
/** `s.slice(0, end)` without leaving half a surrogate pair. */
function head(s, end) {
    const code = s.charCodeAt(end - 1);
    return s.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}
/**
 * Untrusted value -> plain text: controls and bidi overrides shown as visible escapes (an ESC
 * would drive a terminal, a NUL confuses parsers, an override makes text read differently from
 * what it is), secrets redacted, cut to `max`. Only a window a little past `max` is read, so a
 * long output costs little.
 */
function clean(v, max) {
    const text = asText(v);
    const long = text.length > max + WINDOW;
    const s = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)((0,_plain_js__WEBPACK_IMPORTED_MODULE_0__/* .showControls */ .mz)((long ? head(text, max + WINDOW) : text).replace(/\r\n?/g, '\n')));
    if (!long)
        return cut(s, max);
    const kept = head(s, Math.max(0, s.length - UNSEEN_TAIL));
    return kept.length >= max ? cut(kept, max) : kept + '…';
}
/** Breaks @-mentions, #-references, GH-references and URL autolinks with invisible characters. */
function neutralize(s) {
    return (s
        .replace(/@(?=[A-Za-z0-9_-])/g, '@' + ZWJ)
        .replace(/#(?=[A-Za-z0-9_])/g, '#' + ZWJ)
        .replace(/(GH)-(?=\d)/gi, '$1-' + ZWJ)
        .replace(/:(?=\/\/)/g, ':' + ZWSP)
        // No \b: GitHub's autolinker starts a link at `www.` after `_`, `*` or `~` too.
        .replace(/(www)\./gi, '$1' + ZWSP + '.'));
}
// ASCII punctuation that can start markdown or HTML syntax anywhere in a line. Line-start-only
// syntax (headings, lists, quotes) cannot occur because we never start a line with untrusted text.
const MD_SPECIAL = /[\\`*_[\]()#!|~$<>&{}]/g;
/**
 * Untrusted value -> one line of inert markdown, at most about `max` visible characters.
 * Newlines become ` ⏎ ` so a reason cannot end a table row or a list item.
 */
function inline(v, max = 300) {
    const flat = clean(v, max)
        .replace(/\s*\n\s*/g, ' ⏎ ')
        .replace(/\t/g, ' ');
    return neutralize(flat.replace(MD_SPECIAL, (ch) => '\\' + ch));
}
/**
 * A fenced code block that its content cannot close: the fence is one backtick longer than the
 * longest backtick run inside. Content is neutralised too (mentions are not linked inside code
 * on GitHub today, but we assume nothing about the renderer).
 */
function fence(text, lang = 'text') {
    // `<!--` broken too, so an output cannot carry our hidden comment marker verbatim.
    const body = neutralize(text).replace(/<!--/g, '<!\u200d--');
    let longest = 0;
    for (const m of body.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    const f = '`'.repeat(Math.max(3, longest + 1));
    return `${f}${lang}\n${body.replace(/\n+$/, '')}\n${f}`;
}
/**
 * An inline code span for short identifiers (mode names, check types, refs); anything with
 * characters that could matter falls back to escaped text.
 */
function code(v, max = 80) {
    const s = clean(v, max);
    if (/^[A-Za-z0-9_.:/-]+$/.test(s) && !/:\/\//.test(s) && !/^www\./i.test(s))
        return '`' + s + '`';
    return inline(s, max);
}
/** Escapes text for an HTML context (inside `<summary>`, which markdown does not process). */
function html(v, max = 200) {
    return neutralize(clean(v, max)
        .replace(/\s+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;'));
}
/**
 * A link destination we are willing to print: http(s) only, with the characters that could
 * end a markdown destination or an HTML attribute percent-encoded. Anything else -> undefined.
 */
function safeHref(url) {
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/[()<>"'`\s\\[\]]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A URL component from untrusted text (case ids, file paths, trace ids). */
function urlPart(s) {
    // A lone surrogate (a cut emoji in a case id) would make encodeURIComponent throw.
    return encodeURIComponent(s.replace(LONE_SURROGATE, '\ufffd')).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}
/** A path in a repository: each segment encoded, `/` kept. */
function urlPath(p) {
    return p
        .split('/')
        .filter((seg) => seg !== '' && seg !== '.' && seg !== '..')
        .map(urlPart)
        .join('/');
}
/** `[text](href)` when the href is safe; the text alone otherwise. `text` must be markdown already. */
function link(text, href) {
    const safe = safeHref(href);
    return safe ? `[${text}](${safe})` : text;
}


/***/ }),

/***/ 735:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ markdownTable)
/* harmony export */ });
// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {}
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat()
  const stringLength = settings.stringLength || defaultStringLength
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = []
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = []
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = []
  /** @type {Array<number>} */
  const longestCellByColumn = []
  let mostCellsPerRow = 0
  let rowIndex = -1

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = []
    /** @type {Array<number>} */
    const sizes = []
    let columnIndex = -1

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex])

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell)
        sizes[columnIndex] = size

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size
        }
      }

      row.push(cell)
    }

    cellMatrix[rowIndex] = row
    sizeMatrix[rowIndex] = sizes
  }

  // Figure out which alignments to use.
  let columnIndex = -1

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex])
    }
  } else {
    const code = toAlignment(align)

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code
    }
  }

  // Inject the alignment row.
  columnIndex = -1
  /** @type {Array<string>} */
  const row = []
  /** @type {Array<number>} */
  const sizes = []

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex]
    let before = ''
    let after = ''

    if (code === 99 /* `c` */) {
      before = ':'
      after = ':'
    } else if (code === 108 /* `l` */) {
      before = ':'
    } else if (code === 114 /* `r` */) {
      after = ':'
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          )

    const cell = before + '-'.repeat(size) + after

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size
      }

      sizes[columnIndex] = size
    }

    row[columnIndex] = cell
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row)
  sizeMatrix.splice(1, 0, sizes)

  rowIndex = -1
  /** @type {Array<string>} */
  const lines = []

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex]
    const sizes = sizeMatrix[rowIndex]
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow
    columnIndex = -1
    /** @type {Array<string>} */
    const line = []

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || ''
      let before = ''
      let after = ''

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0)
        const code = alignments[columnIndex]

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size)
        } else if (code === 99 /* `c` */) {
          const half = size / 2

          if (size % 2) {
            before = ' '.repeat(half + 0.5)
            after = ' '.repeat(half - 0.5)
          } else {
            before = ' '.repeat(half)
            after = before
          }
        } else {
          after = ' '.repeat(size)
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|')
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ')
      }

      if (settings.alignDelimiters !== false) {
        line.push(before)
      }

      line.push(cell)

      if (settings.alignDelimiters !== false) {
        line.push(after)
      }

      if (settings.padding !== false) {
        line.push(' ')
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|')
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    )
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}


/***/ })

};
