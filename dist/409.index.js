export const id = 409;
export const ids = [409];
export const modules = {

/***/ 81409:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createJudge: () => (/* binding */ createJudge)
/* harmony export */ });
/* unused harmony export buildJudgeMessages */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _llm_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83043);
/* harmony import */ var _llm_prices_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(90815);
/* harmony import */ var _judge_prompt_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73796);
/* harmony import */ var _run_evalgate_dir_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(70411);
/**
 * The LLM judge: grades a trace against a rubric with any OpenAI-compatible chat endpoint, using
 * structured output ({pass, reason}) at temperature 0, and caches verdicts in memory and on disk
 * so an unchanged trace is never graded twice (base reuse, re-runs, adaptive stages).
 *
 * It also compares two answers (the pairwise check): which of A and B better meets a rubric.
 *
 * The only model I/O in src/checks/. Never throws: API trouble is an `error` outcome. The prompts
 * themselves are built in judge-prompt.ts.
 */








/**
 * Bump when the prompt changes, so old cached verdicts are not reused for a different question.
 * 2: fields and few-shot examples, delimiters defused inside data, the pairwise prompt.
 */
const PROMPT_VERSION = 2;
const RESPONSE_FORMAT = {
    type: 'json_schema',
    json_schema: {
        name: 'grade',
        strict: true,
        schema: {
            type: 'object',
            properties: { pass: { type: 'boolean' }, reason: { type: 'string' } },
            required: ['pass', 'reason'],
            additionalProperties: false,
        },
    },
};
const PAIR_FORMAT = {
    type: 'json_schema',
    json_schema: {
        name: 'preference',
        strict: true,
        schema: {
            type: 'object',
            properties: {
                better: { type: 'string', enum: ['A', 'B', 'same'] },
                reason: { type: 'string' },
            },
            required: ['better', 'reason'],
            additionalProperties: false,
        },
    },
};
function clip(text, max) {
    return text.length > max
        ? text.slice(0, max) + ` … [${text.length - max} more characters]`
        : text;
}
/** The chat messages for one grading of a case's trace: bounded in size whatever it holds. */
function buildJudgeMessages(rubric, trace, c, opts = {}) {
    return (0,_judge_prompt_js__WEBPACK_IMPORTED_MODULE_6__/* .buildJudgeMessages */ .eB)(rubric, trace, c?.input ?? null, opts);
}
/** The model's JSON, unwrapped from a code fence some OpenAI-compatible servers add. */
function parseObject(content) {
    const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
    let v;
    try {
        v = JSON.parse(unfenced);
    }
    catch {
        return undefined;
    }
    return v && typeof v === 'object' && !Array.isArray(v)
        ? v
        : undefined;
}
/** Parses the model's answer; undefined when it is not {pass: boolean, reason: string}. */
function parseVerdict(content) {
    const o = parseObject(content);
    if (!o || typeof o.pass !== 'boolean')
        return undefined;
    return { pass: o.pass, reason: typeof o.reason === 'string' ? o.reason : '' };
}
function toOutcome(v) {
    const reason = v.reason.replace(/\s+/g, ' ').trim() || (v.pass ? 'judge: pass' : 'judge: fail');
    return { status: v.pass ? 'pass' : 'fail', reason: clip(reason, 300) };
}
function apiFailure(err, model) {
    if (!(err instanceof _llm_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .ModelCallError */ .sX))
        return { status: 'error', reason: `judge ${model} failed: ${clip((0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err), 160)}` };
    return {
        status: 'error',
        // The endpoint's message names the judge, the host and what went wrong.
        reason: err.message.replace(/^judge: /, `judge ${model}: `),
        ...(err.retries ? { retries: err.retries } : {}),
        ...(err.fatal ? { fatal: true } : {}),
    };
}
function parsePreference(content) {
    const o = parseObject(content);
    if (!o || (o.better !== 'A' && o.better !== 'B' && o.better !== 'same'))
        return undefined;
    const reason = typeof o.reason === 'string' ? o.reason.replace(/\s+/g, ' ').trim() : '';
    return { better: o.better, reason: clip(reason, 300) };
}
function createJudge(config, opts = {}) {
    const model = config.model;
    const timeoutMs = opts.timeoutMs ?? config.request_timeout_ms ?? 60_000;
    const keyVar = config.api_key_env ?? 'OPENAI_API_KEY';
    const apiKey = opts.apiKey ?? process.env[keyVar];
    /** Answers and in-flight questions by key: concurrent trials of one trace share one call. */
    const memory = new Map();
    let endpoint;
    function getEndpoint() {
        endpoint ??= (0,_llm_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .openEndpoint */ .kz)({
            who: 'judge',
            baseURL: config.base_url,
            apiKey,
            apiKeyEnv: keyVar,
            timeoutMs,
            maxRetries: opts.maxRetries ?? config.max_retries ?? 2,
            maxConcurrency: config.max_concurrency,
        });
        return endpoint;
    }
    async function fromDisk(key, parse) {
        if (!opts.cacheDir)
            return undefined;
        try {
            return parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(opts.cacheDir, `${key}.json`), 'utf8'));
        }
        catch {
            return undefined; // a missing or unreadable entry is a miss
        }
    }
    async function toDisk(key, v) {
        if (!opts.cacheDir)
            return;
        try {
            await (0,_run_evalgate_dir_js__WEBPACK_IMPORTED_MODULE_7__/* .makeDir */ .g)(opts.cacheDir);
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(opts.cacheDir, `${key}.json`);
            // Write then rename, so a concurrent reader never sees half a file.
            const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, JSON.stringify({ ...v, model }) + '\n');
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, file);
        }
        catch {
            // The cache is an optimisation: failing to write it must not fail the check.
        }
    }
    async function askUncached(key, messages, format, parse) {
        const cached = await fromDisk(key, parse);
        if (cached)
            return { ok: true, value: cached };
        let content;
        // What this call spent: recorded on its outcome (a cached answer costs nothing).
        const spent = {};
        const failed = (reason) => ({
            ok: false,
            outcome: { status: 'error', reason, ...spent },
        });
        try {
            const { value: completion, retries } = await getEndpoint().call((client, { signal }) => client.chat.completions.create({ model, temperature: 0, messages, response_format: format }, { signal }), {});
            if (retries)
                spent.retries = retries;
            const u = completion.usage;
            if (u) {
                const input = u.prompt_tokens ?? 0;
                const output = u.completion_tokens ?? 0;
                const cost = (0,_llm_prices_js__WEBPACK_IMPORTED_MODULE_4__/* .costOf */ .ho)(model, input, output, opts.prices);
                spent.usage = {
                    input_tokens: input,
                    output_tokens: output,
                    ...(cost !== undefined ? { cost_usd: cost } : {}),
                };
            }
            const choice = completion.choices?.[0];
            if (choice?.message?.refusal)
                return failed(`judge ${model} refused: ${clip(choice.message.refusal, 160)}`);
            if (choice?.finish_reason === 'length')
                return failed(`judge ${model} answer was cut off (max tokens)`);
            content = choice?.message?.content;
        }
        catch (err) {
            return { ok: false, outcome: apiFailure(err, model) };
        }
        const v = typeof content === 'string' ? parse(content) : undefined;
        if (!v)
            return failed(`judge ${model} returned malformed output: ${JSON.stringify(clip(String(content ?? ''), 80))}`);
        await toDisk(key, v);
        return { ok: true, value: v, ...spent };
    }
    /** One question to the model, asked once per key (memory, then disk, then the API). */
    function ask(question, messages, format, parse) {
        let key;
        try {
            key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
                .update((0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .safeJson */ .oi)({ v: PROMPT_VERSION, model, question, messages }))
                .digest('hex');
        }
        catch (err) {
            return Promise.resolve({
                ok: false,
                outcome: { status: 'error', reason: `judge: ${(0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}` },
            });
        }
        const hit = memory.get(key);
        // An answer shared with another trial was paid for once: this trial records no spend.
        if (hit)
            return hit.then((a) => a.ok
                ? { ok: true, value: a.value }
                : {
                    ok: false,
                    outcome: {
                        status: 'error',
                        reason: a.outcome.reason,
                        ...(a.outcome.fatal ? { fatal: true } : {}),
                    },
                });
        const p = askUncached(key, messages, format, parse).then((a) => {
            // Errors are not cached: the next trial may well get through.
            if (!a.ok)
                memory.delete(key);
            return a;
        }, (err) => {
            memory.delete(key);
            return {
                ok: false,
                outcome: { status: 'error', reason: `judge failed: ${(0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}` },
            };
        });
        memory.set(key, p);
        return p;
    }
    return {
        async grade(rubric, trace, c, options = {}) {
            let messages;
            try {
                messages = buildJudgeMessages(rubric, trace, c, options);
            }
            catch (err) {
                return { status: 'error', reason: `judge: ${(0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}` };
            }
            // The question names its fields and examples besides the prompt they make.
            const question = {
                kind: 'grade',
                fields: options.fields ?? null,
                examples: options.examples ?? [],
            };
            const a = await ask(question, messages, RESPONSE_FORMAT, parseVerdict);
            if (!a.ok)
                return a.outcome;
            return {
                ...toOutcome(a.value),
                ...(a.usage ? { usage: a.usage } : {}),
                ...(a.retries ? { retries: a.retries } : {}),
            };
        },
        async prefer(rubric, first, second, c, fields) {
            let messages;
            try {
                messages = (0,_judge_prompt_js__WEBPACK_IMPORTED_MODULE_6__/* .buildPairMessages */ .vQ)(rubric, first, second, c?.input ?? null, fields);
            }
            catch (err) {
                return { status: 'error', reason: `judge: ${(0,_common_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}` };
            }
            const a = await ask({ kind: 'pair', fields }, messages, PAIR_FORMAT, parsePreference);
            if (!a.ok)
                return a.outcome;
            return {
                ...a.value,
                ...(a.usage ? { usage: a.usage } : {}),
                ...(a.retries ? { retries: a.retries } : {}),
            };
        },
    };
}


/***/ }),

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

/***/ 23816:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ho: () => (/* binding */ costOf),
/* harmony export */   vk: () => (/* binding */ addUsage)
/* harmony export */ });
/* unused harmony exports PRICES_AS_OF, DEFAULT_PRICES, priceOf, roundUsd */
/** When the built-in table was last checked against OpenAI's pricing page. */
const PRICES_AS_OF = '2026-03';
/**
 * OpenAI's standard-tier list prices (not batch, not cached input: a cached prompt costs less,
 * so this table errs on the high side). Stale by nature: set `prices:` in the config for the
 * models you use, and for any other provider.
 */
const DEFAULT_PRICES = {
    'gpt-5': { input: 1.25, output: 10 },
    'gpt-5-mini': { input: 0.25, output: 2 },
    'gpt-5-nano': { input: 0.05, output: 0.4 },
    'gpt-4.1': { input: 2, output: 8 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6 },
    'gpt-4.1-nano': { input: 0.1, output: 0.4 },
    'gpt-4o': { input: 2.5, output: 10 },
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    o3: { input: 2, output: 8 },
    'o3-mini': { input: 1.1, output: 4.4 },
    'o4-mini': { input: 1.1, output: 4.4 },
};
const DATED = /-\d{4}-\d{2}-\d{2}$/;
/**
 * The price of `model`: the config's entry for that exact name first, then the built-in one.
 * A dated snapshot (`gpt-4o-mini-2024-07-18`) and a provider prefix (GitHub Models'
 * `openai/gpt-4.1`) fall back to the base model's price. Undefined when unknown.
 */
function priceOf(model, overrides = {}) {
    const names = [model];
    const bare = model.includes('/') ? model.slice(model.lastIndexOf('/') + 1) : model;
    if (bare !== model)
        names.push(bare);
    if (DATED.test(bare))
        names.push(bare.replace(DATED, ''));
    for (const table of [overrides, DEFAULT_PRICES]) {
        for (const name of names)
            if (Object.hasOwn(table, name))
                return table[name];
    }
    return undefined;
}
/** Dollars for one call's tokens; undefined when the model's price is unknown. */
function costOf(model, inputTokens, outputTokens, overrides) {
    const p = priceOf(model, overrides);
    if (!p)
        return undefined;
    return roundUsd((inputTokens * p.input + outputTokens * p.output) / 1e6);
}
/** Micro-dollar precision: sums of many small costs stay exact enough and print cleanly. */
function roundUsd(n) {
    return Math.round(n * 1e9) / 1e9;
}
/** Adds `b` into `a` (tokens always; cost only while every part has one). */
function addUsage(a, b) {
    if (!b)
        return a;
    a.input_tokens = (a.input_tokens ?? 0) + (b.input_tokens ?? 0);
    a.output_tokens = (a.output_tokens ?? 0) + (b.output_tokens ?? 0);
    if (typeof b.cost_usd === 'number')
        a.cost_usd = roundUsd((a.cost_usd ?? 0) + b.cost_usd);
    return a;
}


/***/ })

};
