export const id = 184;
export const ids = [184,335];
export const modules = {

/***/ 83043:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kz: () => (/* binding */ openEndpoint),
/* harmony export */   sX: () => (/* binding */ ModelCallError)
/* harmony export */ });
/* unused harmony exports OPENAI_BASE_URL, hostOf */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98193);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70370);
/**
 * Model calls that behave, for the `openai` target and the judge alike: one OpenAI client per
 * endpoint (api.openai.com, Azure OpenAI, GitHub Models, vLLM, Ollama...), whose built-in retries
 * (429, 408, 409 and 5xx, exponential backoff with jitter, honouring Retry-After and
 * retry-after-ms up to 60 s) are counted per call; a concurrency limit shared by every client of
 * a base URL in this process; a timeout per request; and a key that is missing or rejected
 * (401/403) stopping every later call at once, so a run says so once instead of failing each
 * trial with the same error.
 *
 * The first call to an endpoint goes alone (a probe): calls made meanwhile wait for its answer,
 * so a bad key costs one request, whatever the run's concurrency.
 */



const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** Why a call failed, in the terms of a trace error. */
class ModelCallError extends Error {
    kind;
    status;
    /** Every later call would fail the same way (a missing or rejected key): stop the run. */
    fatal;
    retries;
    constructor(kind, message, extra = {}) {
        super(message);
        this.kind = kind;
        this.status = extra.status;
        this.fatal = extra.fatal ?? false;
        this.retries = extra.retries ?? 0;
    }
}
/** Requests made by the call running in this async context (its first try and its retries). */
const requests = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
const countingFetch = (input, init) => {
    const store = requests.getStore();
    if (store)
        store.n++;
    return fetch(input, init);
};
const limits = new Map();
/** The process-wide limit of a base URL: the smallest any client asked for. */
function limitFor(baseURL, max) {
    if (!max)
        return limits.get(baseURL);
    const existing = limits.get(baseURL);
    if (existing) {
        if (max < existing.concurrency)
            existing.concurrency = max;
        return existing;
    }
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A)(max);
    limits.set(baseURL, limit);
    return limit;
}
/** The host of a base URL, for messages (never its credentials or path). */
function hostOf(url) {
    try {
        return new URL(url).host;
    }
    catch {
        return 'the endpoint';
    }
}
function clip(text, max) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
function openEndpoint(o) {
    const url = o.baseURL ?? OPENAI_BASE_URL;
    const limit = limitFor(url, o.maxConcurrency);
    let client;
    /** Set once a call learns that every call will fail: the message each later call repeats. */
    let stopped;
    let probe;
    let open = false;
    function keyProblem() {
        if (o.apiKey)
            return undefined;
        // A local server (base_url) usually needs no key; api.openai.com and Azure always do.
        if (o.keyRequired || !o.baseURL || o.azure)
            return `${o.who}: no API key: the environment variable ${o.apiKeyEnv} is not set`;
        return undefined;
    }
    function getClient() {
        if (client)
            return client;
        const common = {
            apiKey: o.apiKey || 'unused',
            maxRetries: o.maxRetries,
            timeout: o.timeoutMs,
            defaultHeaders: o.headers,
            fetch: countingFetch,
        };
        try {
            client = o.azure
                ? new openai__WEBPACK_IMPORTED_MODULE_1__/* .AzureOpenAI */ .AC({
                    ...common,
                    endpoint: url,
                    deployment: o.azure.deployment,
                    apiVersion: o.azure.apiVersion,
                })
                : new openai__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .Ay({ ...common, baseURL: url });
        }
        catch (err) {
            throw new ModelCallError('target', `${o.who}: cannot create the client: ${String(err)}`, {
                fatal: true,
            });
        }
        return client;
    }
    function classify(err, retries, deadline) {
        if (err instanceof ModelCallError)
            return err;
        const host = hostOf(url);
        if (err instanceof openai__WEBPACK_IMPORTED_MODULE_1__/* .AuthenticationError */ .v3 || err instanceof openai__WEBPACK_IMPORTED_MODULE_1__/* .PermissionDeniedError */ .Ll) {
            const what = err.status === 401 ? 'rejected the API key' : 'refused the API key';
            return new ModelCallError('http', `${o.who}: ${host} ${what} (${err.status}): check ${o.apiKeyEnv}` +
                (err.error && typeof err.error === 'object' && 'message' in err.error
                    ? ` (${clip(String(err.error.message), 160)})`
                    : ''), { status: err.status, fatal: true, retries });
        }
        if (err instanceof openai__WEBPACK_IMPORTED_MODULE_1__/* .APIUserAbortError */ .cH) {
            return deadline?.aborted
                ? new ModelCallError('timeout', `${o.who}: no answer from ${host} in time`, { retries })
                : new ModelCallError('cancelled', 'the run was interrupted', { retries });
        }
        if (err instanceof openai__WEBPACK_IMPORTED_MODULE_1__/* .APIConnectionTimeoutError */ .qA)
            return new ModelCallError('timeout', `${o.who}: ${host} did not answer within ${o.timeoutMs} ms` + tries(retries), { retries });
        if (err instanceof openai__WEBPACK_IMPORTED_MODULE_1__/* .APIConnectionError */ .xX)
            return new ModelCallError('connection', `${o.who}: cannot reach ${host}: ${clip(String(err.cause?.message ?? err.message), 160)}` +
                tries(retries), { retries });
        if (err instanceof openai__WEBPACK_IMPORTED_MODULE_1__/* .RateLimitError */ .OE)
            return new ModelCallError('rate_limit', `${o.who}: ${host} rate-limited (429)` + tries(retries), {
                status: 429,
                retries,
            });
        if (err instanceof openai__WEBPACK_IMPORTED_MODULE_1__/* .APIError */ .LG)
            return new ModelCallError('http', `${o.who}: ${host} answered ${clip(err.message, 200)}` + tries(retries), { status: err.status, retries });
        return new ModelCallError('crash', `${o.who}: ${clip(String(err), 200)}`, { retries });
    }
    async function attempt(fn, signals) {
        const problem = keyProblem();
        if (problem)
            throw new ModelCallError('target', problem, { fatal: true });
        const c = getClient();
        const both = [signals.signal, signals.deadline].filter((s) => !!s);
        const signal = both.length === 1 ? both[0] : AbortSignal.any(both);
        const store = { n: 0 };
        const run = () => requests.run(store, () => fn(c, { signal }));
        try {
            const value = await (limit ? limit(run) : run());
            return { value, retries: Math.max(0, store.n - 1) };
        }
        catch (err) {
            throw classify(err, Math.max(0, store.n - 1), signals.deadline);
        }
    }
    return {
        url,
        async call(fn, signals) {
            if (!open && probe)
                await probe;
            if (stopped)
                throw new ModelCallError('cancelled', `the run stopped: ${stopped}`);
            let release;
            if (!open && !probe)
                probe = new Promise((r) => (release = r));
            try {
                return await attempt(fn, signals);
            }
            catch (err) {
                const e = err;
                if (e.fatal)
                    stopped ??= e.message;
                throw e;
            }
            finally {
                if (release) {
                    open = true;
                    release();
                }
            }
        },
    };
}
function tries(retries) {
    return retries ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
}


/***/ }),

/***/ 62184:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  synth: () => (/* binding */ synth)
});

// UNUSED EXPORTS: synthModel

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./build/llm/endpoint.js
var llm_endpoint = __webpack_require__(83043);
// EXTERNAL MODULE: ./build/report/redact.js
var redact = __webpack_require__(17234);
// EXTERNAL MODULE: ./build/suite/errors.js
var suite_errors = __webpack_require__(70156);
// EXTERNAL MODULE: ./build/suite/cases.js
var cases = __webpack_require__(96558);
// EXTERNAL MODULE: ./build/suite/issues.js
var suite_issues = __webpack_require__(39895);
// EXTERNAL MODULE: ./build/suite/jsonl.js
var jsonl = __webpack_require__(28925);
// EXTERNAL MODULE: ./build/suite/yaml.js
var yaml = __webpack_require__(62092);
// EXTERNAL MODULE: ./build/synth/prompt.js
var synth_prompt = __webpack_require__(28335);
// EXTERNAL MODULE: ./build/suite/hash.js
var hash = __webpack_require__(13599);
;// CONCATENATED MODULE: ./build/synth/variation.js
/**
 * A model's answer -> synthetic cases, or the reason an answer is unusable. Pure.
 *
 * A variation keeps its parent's checks (without human labels: those graded the parent's trace),
 * failure modes, context and tags, adds the tag `synthetic` and `parent`, and says where it came
 * from in `description`. Unusable answers (not JSON, empty, identical to the parent or to another
 * variation, another shape than the parent, a case that does not validate) are counted by the
 * caller and never written.
 *
 * A changed fact (`fact`) changes what a correct answer is, so the parent's expectations are not
 * kept blindly: a `contains`/`equals` check whose value holds the old text now expects the new
 * text, and every other check that mentions the old text, or that the model names as depending
 * on it, is dropped. Such a case is tagged `needs-review` and its description lists what changed.
 */


const BAD_TEXT = {
    not_json: 'not JSON',
    empty: 'empty',
    identical: 'identical to its parent',
    duplicate: 'a duplicate of another variation',
    invalid: 'not a valid case',
};
function isObj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
/** The fields a variation may rewrite, as the parent has them. */
const USER_FIELDS = ['input', 'turns', 'simulated_user'];
function subjectOf(parent, kind) {
    const s = {};
    for (const f of USER_FIELDS)
        if (parent[f] !== undefined)
            s[f] = parent[f];
    if (kind === 'fact' && parent.context !== undefined)
        s.context = parent.context;
    return s;
}
/** The answer's variations, or why there are none. */
function parseAnswer(content) {
    if (typeof content !== 'string' || content.trim() === '')
        return 'empty';
    let v;
    try {
        // Some servers fence JSON even in json mode.
        v = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
    }
    catch {
        return 'not_json';
    }
    if (!isObj(v))
        return 'not_json';
    const list = Array.isArray(v.variations) ? v.variations : undefined;
    return list && list.length ? list : 'empty';
}
/**
 * Same JSON shape: same types, the same keys, arrays of the same length, and equal numbers,
 * booleans, nulls and `role` strings. Other strings are what a variation rewrites.
 */
function sameShape(a, b, key) {
    if (typeof a === 'string' && typeof b === 'string')
        return key === 'role' ? a === b : true;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
            return false;
        return a.every((x, i) => sameShape(x, b[i]));
    }
    if (isObj(a) || isObj(b)) {
        if (!isObj(a) || !isObj(b))
            return false;
        const ka = Object.keys(a);
        if (ka.length !== Object.keys(b).length)
            return false;
        return ka.every((k) => Object.hasOwn(b, k) && sameShape(a[k], b[k], k));
    }
    return a === b;
}
/** A text the parent had that the variation left empty. */
function emptied(a, b) {
    if (typeof a === 'string')
        return a.trim() !== '' && typeof b === 'string' && b.trim() === '';
    if (Array.isArray(a))
        return Array.isArray(b) && a.some((x, i) => emptied(x, b[i]));
    if (isObj(a))
        return isObj(b) && Object.keys(a).some((k) => emptied(a[k], b[k]));
    return false;
}
function deepMapStrings(v, f) {
    if (typeof v === 'string')
        return f(v);
    if (Array.isArray(v))
        return v.map((x) => deepMapStrings(x, f));
    if (isObj(v))
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepMapStrings(x, f)]));
    return v;
}
function oneLine(v, max) {
    const s = typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '';
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
/** The parent's checks for a variation whose context changed `from` -> `to`. */
function factChecks(checks, from, to, affected) {
    const out = [];
    const notes = [];
    const escaped = JSON.stringify(from).slice(1, -1);
    checks.forEach((c, i) => {
        const mentions = JSON.stringify(c).includes(escaped);
        if (!mentions && !affected.has(i))
            return void out.push(c);
        const type = String(c.type);
        if ((type === 'contains' || type === 'equals') &&
            typeof c.value === 'string' &&
            c.value.includes(from)) {
            const value = c.value.replaceAll(from, to);
            notes.push(`check ${i} (${type}) now expects ${JSON.stringify(value)}`);
            return void out.push({ ...c, value });
        }
        // The system must still not say what it must not say, whatever the fact.
        if (type === 'not_contains' && !affected.has(i))
            return void out.push(c);
        notes.push(`check ${i} (${type}) dropped: it depends on the changed fact`);
    });
    return { checks: out, notes };
}
/**
 * What makes two variations of a parent the same case: what the user says and the context (the
 * parent's, unless the variation changed it), whatever the kind that wrote it.
 */
function variationKey(subject, parent) {
    const context = subject.context ?? parent.context;
    return (0,hash/* stableStringify */.JB)({ ...subject, ...(context !== undefined ? { context } : {}) });
}
/** One variation of the model's answer -> the case row (without its id), or why it is unusable. */
function buildVariation(raw, ctx) {
    const { parent, kind } = ctx;
    if (!isObj(raw))
        return { bad: 'invalid', why: 'a variation is not a JSON object' };
    const v = deepMapStrings(raw, ctx.redact);
    const before = subjectOf(parent, kind);
    const after = {};
    for (const f of Object.keys(before)) {
        const value = v[f] === undefined ? before[f] : v[f];
        if (f !== 'context' && !sameShape(before[f], value))
            return { bad: 'invalid', why: `its ${f} has another shape than the parent's` };
        if (emptied(before[f], value))
            return { bad: 'empty', why: `its ${f} has empty text` };
        after[f] = value;
    }
    if ((0,hash/* stableStringify */.JB)(after) === (0,hash/* stableStringify */.JB)(before))
        return { bad: 'identical', why: 'same as the parent' };
    const key = variationKey(after, parent);
    if (ctx.seen.has(key))
        return { bad: 'duplicate', why: 'same as another variation' };
    let checks = (Array.isArray(parent.checks) ? parent.checks : []).map((c) => {
        if (!isObj(c) || !Object.hasOwn(c, 'human'))
            return c;
        const { human: _human, ...rest } = c;
        return rest;
    });
    const review = [];
    if (kind === 'fact') {
        if (!isObj(after.context))
            return { bad: 'invalid', why: 'no context in the answer' };
        const changed = isObj(v.changed) ? v.changed : {};
        const { from, to } = changed;
        if (typeof from !== 'string' || typeof to !== 'string' || !from || from === to)
            return { bad: 'invalid', why: 'no changed fact ({"from", "to"}) in the answer' };
        if (!JSON.stringify(before.context).includes(JSON.stringify(from).slice(1, -1)))
            return { bad: 'invalid', why: "the changed fact is not in the parent's context" };
        if (!JSON.stringify(after.context).includes(JSON.stringify(to).slice(1, -1)))
            return { bad: 'invalid', why: 'the new fact is not in the new context' };
        const affected = new Set((Array.isArray(v.affected_checks) ? v.affected_checks : []).filter((i) => Number.isInteger(i)));
        const fixed = factChecks(checks, from, to, affected);
        if (!fixed.checks.length)
            return { bad: 'invalid', why: 'every check depends on the changed fact' };
        checks = fixed.checks;
        review.push(`changed ${JSON.stringify(oneLine(from, 80))} to ${JSON.stringify(oneLine(to, 80))}`, ...fixed.notes);
    }
    const note = oneLine(v.note, 200);
    const tags = (Array.isArray(parent.tags) ? parent.tags : []).filter((t) => t !== 'synthetic' && t !== 'needs-review');
    const row = {
        input: after.input,
        ...(after.turns !== undefined ? { turns: after.turns } : {}),
        ...(after.simulated_user !== undefined ? { simulated_user: after.simulated_user } : {}),
        ...(kind === 'fact'
            ? { context: after.context }
            : parent.context !== undefined
                ? { context: parent.context }
                : {}),
        tags: [...tags, 'synthetic', ...(kind === 'fact' ? ['needs-review'] : [])],
        parent: parent.id,
        description: `synthetic ${kind} variation of ${String(parent.id)}, written by ${ctx.model} on ${ctx.date}` +
            (note ? `: ${note}` : '') +
            (review.length ? `; review: ${review.join('; ')}` : ''),
        checks,
    };
    if (row.input === undefined)
        delete row.input;
    const { issues } = (0,cases/* validateCase */.l$)({ id: 'x', ...row }, ctx.modes);
    if (issues.length) {
        const i = issues[0];
        return { bad: 'invalid', why: `${i.path.join('.') || 'case'}: ${i.message}` };
    }
    ctx.seen.add(key);
    return { row, note };
}

;// CONCATENATED MODULE: ./build/synth/command.js
/**
 * `evalgate synth`: synthetic variations of chosen cases (paraphrase, typo, language,
 * adversarial, fact) written by an OpenAI-compatible model, for a person to review before they
 * join the suite (docs/synth.md). One request per (case, kind) asks for `n` variations as one
 * JSON object; each usable one becomes a case `<parent>~syn-<kind>-<n>` tagged `synthetic` with
 * `parent`. Unusable answers are counted and reported, never written; failed calls are errors,
 * reported apart. Never overwrites a file: a new --out is created, an existing one only grows
 * with --append.
 */











/** The model settings: the config's `synth:`, else its judge's endpoint. */
function synthModel(config) {
    if (config.synth)
        return config.synth;
    const j = config.judge;
    if (!j)
        return undefined;
    return {
        model: j.model,
        ...(j.base_url ? { base_url: j.base_url } : {}),
        ...(j.base_url_env ? { base_url_env: j.base_url_env } : {}),
        ...(j.api_key_env ? { api_key_env: j.api_key_env } : {}),
        ...(j.request_timeout_ms ? { request_timeout_ms: j.request_timeout_ms } : {}),
        ...(j.max_retries !== undefined ? { max_retries: j.max_retries } : {}),
        ...(j.max_concurrency ? { max_concurrency: j.max_concurrency } : {}),
    };
}
/** The dataset's rows (any dataset format), with their lines; syntax errors throw. */
async function readRows(path) {
    const shown = (0,suite_errors/* displayPath */.Gt)(path);
    const text = await (0,promises_.readFile)(path, 'utf8').catch((err) => {
        throw (0,suite_errors/* suiteError */.lJ)([{ file: shown, message: `cannot read the dataset: ${err.message}` }]);
    });
    const format = (0,cases/* datasetFormat */.QV)(path);
    if (!format)
        throw (0,suite_errors/* suiteError */.lJ)([{ file: shown, message: 'a dataset ends in .jsonl, .json, .yaml or .yml' }]);
    const rows = [];
    if (format === 'jsonl') {
        const { problems } = (0,jsonl/* parseJsonl */.wI)(text, shown, ({ value, line }) => rows.push({ raw: value, line }));
        if (problems.length)
            throw (0,suite_errors/* suiteError */.lJ)(problems);
        return { rows, text };
    }
    const parsed = format === 'json' ? (0,jsonl/* parseJson */.qF)(text, shown) : (0,yaml/* parseYaml */.hN)(text, shown);
    if (!parsed.ok)
        throw (0,suite_errors/* suiteError */.lJ)(parsed.problems);
    const list = parsed.doc.value;
    if (!Array.isArray(list))
        throw (0,suite_errors/* suiteError */.lJ)([{ file: shown, line: 1, message: 'expected a list of cases' }]);
    list.forEach((raw, i) => rows.push({ raw: raw, line: parsed.doc.lineOf([i]) ?? 1 }));
    return { rows, text };
}
/** The chosen cases, validated; an unknown id or an invalid case is one clear problem each. */
function chosen(rows, ids, file, modes) {
    const byId = new Map();
    for (const r of rows)
        if (r.raw && typeof r.raw.id === 'string' && !byId.has(r.raw.id))
            byId.set(r.raw.id, r);
    const problems = [];
    const out = [];
    for (const id of ids) {
        const p = byId.get(id);
        if (!p) {
            problems.push({ file, message: `no case ${JSON.stringify(id)} in the dataset (--ids)` });
            continue;
        }
        const { issues } = (0,cases/* validateCase */.l$)(p.raw, modes);
        if (issues.length) {
            problems.push(...(0,suite_issues/* issuesToProblems */.qk)(issues, file, { lineOf: () => p.line }));
            continue;
        }
        out.push(p);
    }
    if (problems.length)
        throw (0,suite_errors/* suiteError */.lJ)(problems);
    return out;
}
/** Ids in a JSON-lines file (absent: none), and whether it ends with a newline. */
async function existingOut(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        return { rows: [], endsWithNewline: true };
    }
    const rows = [];
    const { problems } = (0,jsonl/* parseJsonl */.wI)(text, (0,suite_errors/* displayPath */.Gt)(path), ({ value }) => {
        if (value && typeof value === 'object')
            rows.push(value);
    });
    if (problems.length)
        throw (0,suite_errors/* suiteError */.lJ)(problems);
    return { rows, endsWithNewline: text === '' || text.endsWith('\n') };
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, (err) => err.code !== 'ENOENT');
}
async function synth(opts, log) {
    const env = opts.env ?? process.env;
    const shownData = (0,suite_errors/* displayPath */.Gt)(opts.dataset);
    const model = synthModel(opts.config);
    if (!model)
        throw (0,suite_errors/* suiteError */.lJ)([
            {
                file: 'the config',
                message: 'synth needs a model: add `synth: {model: ..., base_url: ...}` (or a judge:) to the config',
            },
        ]);
    if (opts.out && !opts.out.toLowerCase().endsWith('.jsonl'))
        throw (0,suite_errors/* suiteError */.lJ)([{ file: (0,suite_errors/* displayPath */.Gt)(opts.out), message: '--out must be a .jsonl file' }]);
    if (opts.out && !opts.append && (await exists(opts.out)))
        throw (0,suite_errors/* suiteError */.lJ)([
            {
                file: (0,suite_errors/* displayPath */.Gt)(opts.out),
                message: 'the file exists: synth never overwrites; choose another --out, or add --append to append to it',
            },
        ]);
    const { rows } = await readRows(opts.dataset);
    const parents = chosen(rows, opts.ids, shownData, opts.config.failure_modes);
    const outFile = opts.out ? await existingOut(opts.out) : { rows: [], endsWithNewline: true };
    const earlier = [...rows.map((r) => r.raw), ...outFile.rows];
    const taken = new Set(opts.suiteIds ?? []);
    for (const r of earlier)
        if (typeof r?.id === 'string')
            taken.add(r.id);
    const keyVar = model.api_key_env ?? 'OPENAI_API_KEY';
    const apiKey = env[keyVar];
    if (apiKey)
        (0,redact/* addKnownSecrets */.AX)([apiKey]);
    const baseURL = (model.base_url_env ? env[model.base_url_env] : undefined) || model.base_url;
    const endpoint = (0,llm_endpoint/* openEndpoint */.kz)({
        who: 'synth',
        baseURL,
        apiKey,
        apiKeyEnv: keyVar,
        keyRequired: model.api_key_env !== undefined,
        timeoutMs: model.request_timeout_ms ?? 60_000,
        maxRetries: model.max_retries ?? 2,
        maxConcurrency: model.max_concurrency,
    });
    const date = (opts.now ?? new Date()).toISOString().slice(0, 10);
    const modes = opts.config.failure_modes;
    const jobs = [];
    const skipped = [];
    for (const parent of parents)
        for (const kind of opts.kinds) {
            // A changed fact needs a context to change.
            if (kind === 'fact' && parent.raw.context === undefined)
                skipped.push(`${String(parent.raw.id)} (no context to change a fact in)`);
            else
                jobs.push({ parent, kind });
        }
    // Per parent: the variations so far, so two kinds cannot write the same case.
    // Variations written earlier (in the dataset, or in --out when appending) count too.
    const seen = new Map();
    for (const p of parents) {
        const keys = new Set();
        for (const r of earlier)
            if (r?.parent === p.raw.id)
                keys.add(variationKey(subjectOf(r, 'fact'), p.raw));
        seen.set(p, keys);
    }
    const limit = (0,p_limit/* default */.A)(Math.max(1, Math.min(opts.config.concurrency, 16)));
    const outcomes = await Promise.all(jobs.map((job) => limit(async () => {
        const { parent, kind } = job;
        const caseModes = {};
        const checks = Array.isArray(parent.raw.checks) ? parent.raw.checks : [];
        for (const c of checks) {
            const m = c?.mode;
            if (typeof m === 'string')
                caseModes[m] = modes[m];
        }
        const messages = (0,synth_prompt/* synthMessages */.J8)({
            kind,
            n: opts.n,
            subject: subjectOf(parent.raw, kind),
            modes: caseModes,
            checks,
        });
        const out = { job, rows: [], bad: [] };
        let content;
        try {
            const { value } = await endpoint.call((client, { signal }) => client.chat.completions.create({
                model: model.model,
                temperature: model.temperature ?? 0.7,
                messages,
                response_format: { type: 'json_object' },
            }, { signal }), {});
            const choice = value.choices?.[0];
            if (choice?.message?.refusal) {
                out.bad.push({ reason: 'empty', why: 'the model refused' });
                return out;
            }
            content = choice?.message?.content;
        }
        catch (err) {
            out.error =
                err instanceof llm_endpoint/* ModelCallError */.sX ? err.message : `synth: ${err.message}`;
            return out;
        }
        const list = parseAnswer(content);
        if (typeof list === 'string') {
            out.bad.push({
                reason: list,
                why: JSON.stringify((0,redact/* redactSecrets */.fp)(String(content ?? '')).slice(0, 80)),
            });
            return out;
        }
        for (const v of list.slice(0, opts.n)) {
            const built = buildVariation(v, {
                parent: parent.raw,
                kind,
                model: model.model,
                date,
                modes,
                seen: seen.get(parent),
                redact: redact/* redactSecrets */.fp,
            });
            if ('bad' in built)
                out.bad.push({ reason: built.bad, why: built.why });
            else
                out.rows.push(built);
        }
        // Fewer variations than asked: each missing one is an empty answer.
        for (let i = list.length; i < opts.n; i++)
            out.bad.push({ reason: 'empty', why: `${list.length} of ${opts.n} variations given` });
        return out;
    })));
    // Ids in a stable order (parents as listed, kinds as listed), whatever order calls finished in.
    const lines = [];
    const badCounts = new Map();
    const errors = [];
    for (const o of outcomes) {
        const parentId = String(o.job.parent.raw.id);
        if (o.error) {
            errors.push(o.error);
            log(`${parentId} ${o.job.kind}: error: ${o.error}`);
            continue;
        }
        let n = 1;
        for (const { row, note } of o.rows) {
            let id = `${parentId}~syn-${o.job.kind}-${n}`;
            while (taken.has(id))
                id = `${parentId}~syn-${o.job.kind}-${++n}`;
            taken.add(id);
            n++;
            lines.push(JSON.stringify({ id, ...row }));
            log(`${id}${note ? `: ${note}` : ''}${o.job.kind === 'fact' ? ' (needs review)' : ''}`);
        }
        for (const b of o.bad) {
            badCounts.set(b.reason, (badCounts.get(b.reason) ?? 0) + 1);
            log(`${parentId} ${o.job.kind}: unusable answer (${BAD_TEXT[b.reason]}): ${b.why}`);
        }
    }
    if (lines.length) {
        const text = `${lines.join('\n')}\n`;
        if (!opts.out)
            (opts.stdout ?? ((t) => process.stdout.write(t)))(text);
        else if (opts.append)
            await (0,promises_.appendFile)(opts.out, `${outFile.endsWithNewline ? '' : '\n'}${text}`);
        // `wx`: created here or not at all, even if the file appeared meanwhile.
        else
            await (0,promises_.writeFile)(opts.out, text, { flag: 'wx' });
    }
    const bad = [...badCounts.values()].reduce((a, b) => a + b, 0);
    const badText = bad
        ? ` (${[...badCounts].map(([r, k]) => `${k} ${BAD_TEXT[r]}`).join(', ')})`
        : '';
    const where = opts.out ? (0,suite_errors/* displayPath */.Gt)(opts.out) : 'stdout';
    log(`wrote ${lines.length} synthetic case(s) to ${where}; ${bad} unusable model answer(s)${badText}; ${errors.length} failed call(s)` +
        (skipped.length ? `; skipped fact for ${skipped.join(', ')}` : ''));
    if (lines.length)
        log('review them, add the file to datasets:, then run evalgate validate');
    if (errors.length) {
        log(`the output is incomplete: ${errors.length} model call(s) failed; the first: ${errors[0]}`);
        return 3;
    }
    if (!lines.length && jobs.length) {
        log('no usable variation: nothing was written');
        return 3;
    }
    return 0;
}


/***/ }),

/***/ 28335:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ synthMessages),
/* harmony export */   SYNTH_KINDS: () => (/* binding */ SYNTH_KINDS),
/* harmony export */   isSynthKind: () => (/* binding */ isSynthKind)
/* harmony export */ });
/* unused harmony exports SYNTH_MARKER, SYNTH_PROMPT_VERSION */
const SYNTH_KINDS = ['paraphrase', 'typo', 'language', 'adversarial', 'fact'];
function isSynthKind(s) {
    return SYNTH_KINDS.includes(s);
}
/** The first words of the system prompt: the demo's built-in model server looks for them. */
const SYNTH_MARKER = '[evalgate synth]';
/** Bumped when the prompt changes in a way that changes answers. */
const SYNTH_PROMPT_VERSION = 1;
const INSTRUCTIONS = {
    paraphrase: 'Say what the user says in other words: the same request, the same facts, the same language, another wording.',
    typo: 'Keep what the user says but type it the way a hurried person does: a few swapped, missing or doubled letters, missing punctuation or capitals. Keep identifiers (order numbers, emails, amounts) intact so the request can still be answered.',
    language: 'Translate what the user says into another language than the original (a different one per variation: e.g. German, Spanish, French, Japanese). Keep identifiers (order numbers, emails, amounts) as written. Name the language in "note".',
    adversarial: 'Reword what the user says so the application is more likely to fail in the failure modes listed below, while the right behaviour stays exactly the same: add pressure or urgency, a false claim of authority or of an earlier promise, an instruction to ignore the rules, or misleading details. Do not change what is asked for.',
    fact: 'Change one fact in the case\'s context (a number, a date, a time, a name or a policy detail, in a document or another field) to a different plausible value, so that a correct answer changes. Return the whole context with the change, the exact old and new text as "changed": {"from": "...", "to": "..."}, and the indices of the checks whose expected value depends on that fact as "affected_checks". Keep "input" as it is unless the question must change too.',
};
const SYSTEM = `${SYNTH_MARKER} You write test cases for the evaluation suite of an LLM application. You get one test case as JSON and write variations of it of one kind. Rewrite only what the user writes (the text of user messages, turns, a simulated user's persona, goal or first message); keep system and assistant messages, keys, roles, identifiers and the JSON shape as they are. Each variation must differ from the original and from the others. Answer with one JSON object and nothing else.`;
function answerShape(req) {
    const fields = Object.keys(req.subject).filter((k) => k !== 'context' || req.kind === 'fact');
    const one = fields.map((f) => `"${f}": <the ${f}, rewritten>`).join(', ');
    const extra = req.kind === 'fact'
        ? ', "changed": {"from": "<old text>", "to": "<new text>"}, "affected_checks": [<check indices>]'
        : '';
    return `{"variations": [{${one}${extra}, "note": "<one line: what you changed>"}]}`;
}
function synthMessages(req) {
    const lines = [
        `Kind: ${req.kind}`,
        `Variations: ${req.n}`,
        `Instruction: ${INSTRUCTIONS[req.kind]}`,
        `Answer with exactly ${req.n} variation${req.n === 1 ? '' : 's'}, as JSON: ${answerShape(req)}`,
    ];
    if (req.kind === 'adversarial' || req.kind === 'fact') {
        const modes = Object.entries(req.modes).map(([name, m]) => `- ${name}${m?.description ? `: ${m.description}` : ''}`);
        if (modes.length)
            lines.push('Failure modes the case guards:', ...modes);
    }
    if (req.kind === 'fact')
        lines.push('Checks (by index):', ...req.checks.map((c, i) => `${i}: ${JSON.stringify(c)}`));
    // The subject last, fenced: it is data, not instructions.
    const subject = req.kind === 'fact' ? req.subject : { ...req.subject, context: undefined };
    lines.push('<case>', JSON.stringify(subject), '</case>');
    return [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: lines.join('\n') },
    ];
}


/***/ })

};
