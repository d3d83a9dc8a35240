export const id = 875;
export const ids = [875];
export const modules = {

/***/ 45875:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sampleCommand: () => (/* binding */ sampleCommand)
});

// UNUSED EXPORTS: traceStratum

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./build/suite/errors.js
var errors = __webpack_require__(70156);
// EXTERNAL MODULE: ./build/targets/trace.js + 1 modules
var trace = __webpack_require__(81051);
// EXTERNAL MODULE: ./build/compare/stats.js
var stats = __webpack_require__(81303);
// EXTERNAL MODULE: ./build/random.js
var random = __webpack_require__(39541);
;// CONCATENATED MODULE: ./build/sample/sampler.js
/**
 * Stratified, seeded sampling of traces for review: up to `perStratum` traces of each failure
 * mode (the checks that failed, or the error) and `passing` traces that failed nothing, to find
 * what no check catches yet. Each stratum is a reservoir (Algorithm R), so memory holds the
 * sample, not the input, and the same seed over the same input gives the same sample. Pure.
 */



const PASSING = 'passing';
class StratifiedSampler {
    strata = new Map();
    random;
    index = 0;
    perStratum;
    passing;
    constructor(opts) {
        this.random = (0,random/* seededRandom */.I)(opts.seed);
        this.perStratum = opts.perStratum;
        this.passing = opts.passing;
    }
    /** Offers one trace; `stratum` is its failure mode, or PASSING. */
    add(item, stratum) {
        const index = this.index++;
        let r = this.strata.get(stratum);
        if (!r)
            this.strata.set(stratum, (r = { seen: 0, items: [] }));
        r.seen++;
        const capacity = stratum === PASSING ? this.passing : this.perStratum;
        if (r.items.length < capacity)
            r.items.push({ index, item });
        else {
            const j = Math.floor(this.random() * r.seen);
            if (j < capacity)
                r.items[j] = { index, item };
        }
    }
    /** The sample: failure strata first (by name), then the passing share, each in input order. */
    result() {
        const names = [...this.strata.keys()].filter((s) => s !== PASSING).sort();
        if (this.strata.has(PASSING))
            names.push(PASSING);
        return names.map((stratum) => {
            const r = this.strata.get(stratum);
            const items = [...r.items].sort((x, y) => x.index - y.index).map((x) => x.item);
            return { stratum, seen: r.seen, items };
        });
    }
}
/**
 * The half-width of the 95% Wilson interval for a rate estimated from `n` reviewed traces, at
 * the worst case (a rate of one half): what share of a failure rate the sample can tell.
 */
function wilsonHalfWidth(n) {
    const [lo, hi] = (0,stats/* wilson */.rF)(n / 2, n);
    return (hi - lo) / 2;
}

// EXTERNAL MODULE: ./build/suite/jsonl-stream.js
var jsonl_stream = __webpack_require__(78862);
;// CONCATENATED MODULE: ./build/sample/command.js
/**
 * `evalgate sample`: picks traces for a person to review, from an imported traces file (JSON
 * lines, `evalgate import`'s output) or a results file (`evalgate run`'s: then the strata are
 * the failure modes of the checks that failed).
 *
 * Without checks, a trace's stratum is `error` (the trace errored), `span_error` (a span or
 * tool call failed but the trace answered), the value of `--by <metadata path>` when given, or
 * `passing`. Writes the sampled traces as JSON lines with `metadata.sample` = {stratum, seed}.
 */







const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function metadataAt(trace, path) {
    let v = trace.metadata;
    for (const key of path.split('.')) {
        if (!isObject(v) || !Object.hasOwn(v, key))
            return undefined;
        v = v[key];
    }
    return v;
}
/** The stratum of an imported trace (no checks ran on it). */
function traceStratum(trace, by) {
    if (trace.error)
        return 'error';
    if (by) {
        const v = metadataAt(trace, by);
        if (typeof v === 'string' && v)
            return v;
        if (typeof v === 'number' || typeof v === 'boolean')
            return `${by}=${String(v)}`;
    }
    const spanErrors = trace.metadata?.span_errors;
    if (Array.isArray(spanErrors) && spanErrors.length)
        return 'span_error';
    return PASSING;
}
async function offerTraces(path, shown, add, by) {
    for await (const { value, line: n } of (0,jsonl_stream/* readJsonLines */.s)(path, shown)) {
        const r = (0,trace/* normalizeTrace */.v)(value);
        if ('error' in r)
            throw (0,errors/* suiteError */.lJ)([{ file: shown, line: n, message: `not a trace: ${r.error}` }]);
        add({ trace: r.trace, failed: [] }, traceStratum(r.trace, by));
    }
}
function offerResults(results, add) {
    for (const c of results.cases) {
        for (const t of c.trials) {
            const failed = [...new Set(t.checks.filter((k) => k.status === 'fail').map((k) => k.mode))];
            const stratum = t.status === 'error' ? 'error' : (failed[0] ?? PASSING);
            add({ trace: t.trace, failed, case: c.id }, stratum);
        }
    }
}
/** The first 4 KB of a file, without reading the rest. */
async function fileHead(file, shown) {
    try {
        const fh = await (0,promises_.open)(file, 'r');
        try {
            const buf = Buffer.alloc(4096);
            const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
            return buf.subarray(0, bytesRead).toString('utf8');
        }
        finally {
            await fh.close();
        }
    }
    catch (err) {
        throw (0,errors/* suiteError */.lJ)([{ file: shown, message: `cannot read: ${err.message}` }]);
    }
}
async function sampleCommand(file, out, opts, log) {
    const shown = (0,errors/* displayPath */.Gt)(file);
    const sampler = new StratifiedSampler({
        seed: opts.seed,
        perStratum: opts.perMode,
        passing: opts.passing,
    });
    const add = (p, s) => sampler.add(p, s);
    const head = await fileHead(file, shown);
    // A results file is one JSON object that starts with its schema; traces are JSON lines.
    if (/^\s*\{\s*"(schema|meta|cases)"\s*:/.test(head)) {
        const { readResults } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 96825));
        offerResults(await readResults(file), add);
    }
    else
        await offerTraces(file, shown, add, opts.by);
    const strata = sampler.result();
    const stream = out ? (0,external_node_fs_.createWriteStream)(out) : process.stdout;
    let total = 0;
    for (const s of strata) {
        for (const p of s.items) {
            const metadata = {
                ...p.trace.metadata,
                sample: {
                    stratum: s.stratum,
                    seed: opts.seed,
                    ...(p.failed.length ? { failed_modes: p.failed } : {}),
                    ...(p.case ? { case: p.case } : {}),
                },
            };
            if (!stream.write(`${JSON.stringify({ ...p.trace, metadata })}\n`))
                await new Promise((resolve) => stream.once('drain', resolve));
            total++;
        }
    }
    if (out) {
        stream.end();
        await (0,external_node_stream_promises_.finished)(stream);
    }
    const pct = (x) => `±${(x * 100).toFixed(0)} points`;
    for (const s of strata)
        log(`${s.stratum}: ${s.items.length} of ${s.seen} trace(s)${s.items.length ? ` (a rate among them to ${pct(wilsonHalfWidth(s.items.length))})` : ''}`);
    log(`sampled ${total} trace(s) with seed ${opts.seed}${out ? ` to ${(0,errors/* displayPath */.Gt)(out)}` : ''}: a sample of ${total} estimates a failure rate to ${total ? pct(wilsonHalfWidth(total)) : 'nothing'} (95% Wilson interval, worst case)`);
    return 0;
}


/***/ }),

/***/ 78862:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ readJsonLines)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80481);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70156);
/**
 * A JSON-lines file read one value at a time (imports, samples, labelled traces: files that can
 * be larger than memory should hold). Blank lines are skipped; a line that is not JSON is a
 * SuiteError with the file and the line, like every other input error.
 */



async function* readJsonLines(path, 
/** The file as messages name it. */
shown, 
/** A cheap test on the raw line: lines it rejects are not parsed at all. */
keep) {
    const lines = (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
        line++;
        if (!text.trim() || (keep && !keep(text)))
            continue;
        let value;
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            // V8 appends "(line 1 column n)" of the one line: the file's line says more.
            const message = err.message.replace(/\s*\(line.*$/, '');
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .suiteError */ .lJ)([{ file: shown, line, message: `not valid JSON: ${message}` }]);
        }
        yield { value, line };
    }
}


/***/ })

};
