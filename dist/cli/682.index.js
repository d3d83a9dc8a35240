export const id = 682;
export const ids = [682];
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


/***/ })

};
