export const id = 825;
export const ids = [825];
export const modules = {

/***/ 3043:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kz: () => (/* binding */ openEndpoint),
/* harmony export */   sX: () => (/* binding */ ModelCallError)
/* harmony export */ });
/* unused harmony exports OPENAI_BASE_URL, hostOf */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8193);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(370);
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

/***/ 3816:
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


/***/ }),

/***/ 5825:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOpenAITarget: () => (/* binding */ createOpenAITarget)
});

// UNUSED EXPORTS: DEFAULT_KEY_ENV, parseTools, userMessages

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/llm/endpoint.js
var llm_endpoint = __webpack_require__(3043);
// EXTERNAL MODULE: ./build/llm/prices.js
var prices = __webpack_require__(3816);
// EXTERNAL MODULE: ./build/targets/inherited-env.js
var inherited_env = __webpack_require__(3741);
// EXTERNAL MODULE: ./build/targets/common.js
var common = __webpack_require__(5832);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/user-module.js
var user_module = __webpack_require__(5286);
// EXTERNAL MODULE: ./build/targets/module.js
var targets_module = __webpack_require__(505);
;// CONCATENATED MODULE: ./build/targets/openai-fixtures.js
/**
 * The tool results an `openai` target answers its model's tool calls with: the fixed world the
 * prompt is evaluated in. Either a folder holding one `<tool name>.json` per tool, or a module
 * exporting a function from a call to its result.
 *
 * A `<tool>.json` file holds the result for any call of that tool, or, to answer by arguments,
 * `{"$responses": [{"arguments": {...}, "result": ...}, ..., {"result": ...}]}`: the first entry
 * whose `arguments` are all present with equal values in the call's arguments answers it; an
 * entry without `arguments` matches any call.
 */







const DEFAULT_FIXTURE_EXPORT = 'callTool';
const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
function matches(want, got) {
    if (!want)
        return true;
    for (const [k, v] of Object.entries(want)) {
        if (!Object.hasOwn(got, k) || !(0,external_node_util_.isDeepStrictEqual)(got[k], v))
            return false;
    }
    return true;
}
function parseFileFixture(file, value) {
    if (value && typeof value === 'object' && !Array.isArray(value) && '$responses' in value) {
        const list = value.$responses;
        if (!Array.isArray(list))
            throw new Error(`${file}: $responses must be a list`);
        return {
            responses: list.map((r, i) => {
                if (!r || typeof r !== 'object' || !('result' in r))
                    throw new Error(`${file}: $responses[${i}] needs a "result"`);
                const args = r.arguments;
                if (args !== undefined &&
                    (typeof args !== 'object' || args === null || Array.isArray(args)))
                    throw new Error(`${file}: $responses[${i}].arguments must be an object`);
                return { arguments: args, result: r.result };
            }),
        };
    }
    return { result: value };
}
/** A folder of `<tool>.json`: each read (and checked) on first use, then kept. */
function folderFixtures(dir) {
    const cache = new Map();
    function load(name) {
        let p = cache.get(name);
        if (!p) {
            const file = (0,external_node_path_.join)(dir, `${name}.json`);
            p = (0,promises_.readFile)(file, 'utf8').then((text) => {
                let value;
                try {
                    value = JSON.parse(text);
                }
                catch (err) {
                    throw new Error(`fixture ${file} is not valid JSON: ${(0,common/* describeError */.Uc)(err)}`, {
                        cause: err,
                    });
                }
                return parseFileFixture(file, value);
            }, (err) => {
                if (err.code === 'ENOENT')
                    return undefined;
                throw err;
            });
            cache.set(name, p);
        }
        return p;
    }
    return {
        async answer(call) {
            // A tool name from the model is untrusted: never a path.
            if (!TOOL_NAME.test(call.name))
                return { missing: `no fixture for tool ${JSON.stringify(call.name)}` };
            let f;
            try {
                f = await load(call.name);
            }
            catch (err) {
                return { failed: (0,common/* describeError */.Uc)(err) };
            }
            if (!f)
                return { missing: `no fixture for tool ${call.name} (${call.name}.json in ${dir})` };
            if (!f.responses)
                return { result: f.result };
            const hit = f.responses.find((r) => matches(r.arguments, call.arguments));
            if (hit)
                return { result: hit.result };
            return {
                missing: `no fixture of ${call.name} matches its arguments ${JSON.stringify(call.arguments).slice(0, 200)}`,
            };
        },
    };
}
/** Loads the fixtures a target names; throws (the target cannot start) when they are unusable. */
async function loadFixtures(spec, rootDir) {
    const plain = (0,external_node_path_.resolve)(rootDir, spec);
    if ((0,external_node_fs_.existsSync)(plain) && (0,external_node_fs_.statSync)(plain).isDirectory())
        return folderFixtures(plain);
    const { path, exportName } = (0,targets_module/* parseModuleSpec */.T)(spec);
    const file = (0,external_node_path_.resolve)(rootDir, path);
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`openai target: fixtures ${file} not found (a folder or a module)`);
    let mod;
    try {
        mod = await (0,user_module/* importUserModule */.F)(file);
    }
    catch (err) {
        throw new Error(`openai target: could not import fixtures ${file}: ${(0,common/* describeError */.Uc)(err)}`, {
            cause: err,
        });
    }
    const name = spec.includes('#') ? exportName : DEFAULT_FIXTURE_EXPORT;
    let fn = mod[name];
    const cjs = mod.default;
    if (fn === undefined && cjs && typeof cjs === 'object')
        fn = cjs[name];
    if (typeof fn !== 'function')
        throw new Error(`openai target: fixtures ${file} has no function export "${name}"`);
    const call = fn;
    return {
        async answer(request) {
            try {
                const result = await call(structuredClone(request));
                if (result === undefined)
                    return { missing: `the fixture module returned nothing for tool ${request.name}` };
                return { result };
            }
            catch (err) {
                return { failed: `the fixture module threw: ${(0,common/* describeError */.Uc)(err)}` };
            }
        },
    };
}

;// CONCATENATED MODULE: ./build/targets/openai.js
/**
 * The `openai` target: a prompt-only system. A system prompt file, an OpenAI tool-schema file and
 * fixture tool results, run as a real multi-turn tool loop through the `openai` SDK: the model is
 * called, each tool call it makes is answered from the fixtures, and so on until it answers
 * without calling a tool or `max_steps` model calls were made. A pull request that edits only the
 * prompt or the tool schemas is evaluated on base and head with no application code.
 *
 * The trace records every message (the system prompt included), every tool call with its
 * arguments and fixture result, the tokens and cost of each model call (metadata.calls) and in
 * total (usage), the retries the client made (metadata.retries) and the latency.
 */







const DEFAULT_KEY_ENV = 'OPENAI_API_KEY';
async function readText(rootDir, path, what) {
    const file = (0,external_node_path_.resolve)(rootDir, path);
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        throw new Error(`openai target: cannot read ${what} ${file}: ${(0,common/* describeError */.Uc)(err)}`, {
            cause: err,
        });
    }
}
/** The `tools` array of a tool-schema file (the array itself, or `{"tools": [...]}`). */
function parseTools(text, file) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new Error(`openai target: ${file} is not valid JSON: ${(0,common/* describeError */.Uc)(err)}`, {
            cause: err,
        });
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && 'tools' in value)
        value = value.tools;
    if (!Array.isArray(value))
        throw new Error(`openai target: ${file} must hold the tools array of the Chat Completions API`);
    value.forEach((t, i) => {
        const fn = t?.function;
        if (t?.type !== 'function' || typeof fn?.name !== 'string')
            throw new Error(`openai target: ${file}: tools[${i}] must be {"type": "function", "function": {"name": ...}}`);
    });
    return value;
}
/**
 * The user side of the conversation: a string is one user message; a list of messages (or
 * `{messages: [...]}`) is sent as it is; anything else is sent as JSON text.
 */
function userMessages(input) {
    if (typeof input === 'string')
        return [{ role: 'user', content: input }];
    const list = Array.isArray(input)
        ? input
        : input &&
            typeof input === 'object' &&
            Array.isArray(input.messages)
            ? input.messages
            : undefined;
    if (list)
        return list;
    return [{ role: 'user', content: JSON.stringify(input) }];
}
function parseArguments(raw) {
    try {
        const v = JSON.parse(raw || '{}');
        if (v && typeof v === 'object' && !Array.isArray(v))
            return { args: v };
        return { args: {}, error: 'the arguments are not a JSON object' };
    }
    catch {
        return { args: {}, error: 'the arguments are not valid JSON' };
    }
}
async function createOpenAITarget(config, ctx) {
    const system = config.system_prompt
        ? await readText(ctx.rootDir, config.system_prompt, 'the system prompt')
        : undefined;
    const tools = config.tools
        ? parseTools(await readText(ctx.rootDir, config.tools, 'the tool schemas'), config.tools)
        : undefined;
    const fixtures = config.fixtures
        ? await loadFixtures(config.fixtures, ctx.rootDir)
        : undefined;
    const toolNames = new Set(tools?.map((t) => t.function.name));
    const env = { ...(0,inherited_env/* inheritedEnv */.C)(), ...config.env, ...ctx.env };
    const keyEnv = config.api_key_env ?? DEFAULT_KEY_ENV;
    let endpoint;
    let closed = false;
    function endpointFor(timeoutMs) {
        endpoint ??= (0,llm_endpoint/* openEndpoint */.kz)({
            who: 'openai target',
            baseURL: config.base_url,
            apiKey: env[keyEnv],
            apiKeyEnv: keyEnv,
            keyRequired: config.api_key_env !== undefined,
            headers: config.headers,
            azure: config.azure && {
                deployment: config.azure.deployment,
                apiVersion: config.azure.api_version,
            },
            timeoutMs: config.request_timeout_ms ?? timeoutMs,
            maxRetries: config.max_retries ?? 2,
            maxConcurrency: config.max_concurrency,
        });
        return endpoint;
    }
    async function run(request, options) {
        const start = performance.now();
        if (options.signal?.aborted || closed)
            return (0,common/* errorTrace */.sM)('cancelled', 'the run was cancelled', 0);
        const deadline = AbortSignal.timeout((0,common/* timerMs */.Q2)(options.timeoutMs));
        const ep = endpointFor(options.timeoutMs);
        const messages = [
            ...(system !== undefined ? [{ role: 'system', content: system }] : []),
            ...userMessages(request.input),
        ];
        const toolCalls = [];
        const calls = [];
        const usage = { input_tokens: 0, output_tokens: 0 };
        let priced = true;
        let retries = 0;
        let output = '';
        let finished = false;
        let servedModel;
        const trace = (extra = {}) => {
            const u = { ...usage };
            if (priced && calls.length)
                u.cost_usd = usage.cost_usd ?? 0;
            else
                delete u.cost_usd;
            return {
                output,
                messages: messages,
                tool_calls: toolCalls,
                usage: u,
                latency_ms: (0,common/* elapsedMs */.d5)(start),
                metadata: {
                    model: config.model,
                    ...(servedModel && servedModel !== config.model ? { served_model: servedModel } : {}),
                    steps: calls.length,
                    retries,
                    calls,
                    ...(finished ? {} : { max_steps_reached: true }),
                },
                ...extra,
            };
        };
        for (let step = 0; step < config.max_steps; step++) {
            const callStart = performance.now();
            let completion;
            try {
                const r = await ep.call((client, { signal }) => client.chat.completions.create({
                    model: config.model,
                    messages,
                    ...(tools?.length ? { tools } : {}),
                    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
                    ...(config.max_tokens !== undefined
                        ? { max_completion_tokens: config.max_tokens }
                        : {}),
                }, { signal }), { signal: options.signal, deadline });
                completion = r.value;
                retries += r.retries;
                calls.push({ input_tokens: 0, output_tokens: 0, latency_ms: 0, retries: r.retries });
            }
            catch (err) {
                const e = err instanceof llm_endpoint/* ModelCallError */.sX ? err : new llm_endpoint/* ModelCallError */.sX('crash', String(err));
                retries += e.retries;
                const t = trace();
                return {
                    ...t,
                    output: '',
                    error: {
                        kind: e.kind,
                        message: e.message,
                        ...(e.status !== undefined ? { status: e.status } : {}),
                        ...(e.fatal ? { fatal: true } : {}),
                    },
                    metadata: { ...t.metadata, retries },
                };
            }
            const record = calls[calls.length - 1];
            record.latency_ms = (0,common/* elapsedMs */.d5)(callStart);
            servedModel ??= completion.model;
            const u = completion.usage;
            record.input_tokens = u?.prompt_tokens ?? 0;
            record.output_tokens = u?.completion_tokens ?? 0;
            const cost = (0,prices/* costOf */.ho)(config.model, record.input_tokens, record.output_tokens, ctx.prices);
            if (cost === undefined)
                priced = false;
            else
                record.cost_usd = cost;
            (0,prices/* addUsage */.vk)(usage, {
                input_tokens: record.input_tokens,
                output_tokens: record.output_tokens,
                cost_usd: cost,
            });
            const choice = completion.choices?.[0];
            const message = choice?.message;
            record.finish_reason = choice?.finish_reason ?? undefined;
            if (!message) {
                return trace({
                    error: { kind: 'invalid_output', message: 'the model answered without a message' },
                });
            }
            const fnCalls = (message.tool_calls ?? []).filter((c) => c.type === 'function');
            messages.push({
                role: 'assistant',
                content: message.content ?? null,
                ...(fnCalls.length ? { tool_calls: fnCalls } : {}),
                ...(message.refusal ? { refusal: message.refusal } : {}),
            });
            output = message.content ?? message.refusal ?? '';
            if (!fnCalls.length) {
                finished = true;
                return trace();
            }
            for (const c of fnCalls) {
                const { args, error } = parseArguments(c.function.arguments);
                let result;
                if (error)
                    result = { error };
                else if (!toolNames.has(c.function.name))
                    result = { error: `unknown tool ${c.function.name}` };
                else if (!fixtures) {
                    return trace({
                        error: {
                            kind: 'target',
                            message: `the model called ${c.function.name}, and the target has no fixtures`,
                        },
                    });
                }
                else {
                    const answer = await fixtures.answer({
                        name: c.function.name,
                        arguments: args,
                        case: request,
                    });
                    if ('missing' in answer)
                        return trace({ error: { kind: 'target', message: answer.missing } });
                    if ('failed' in answer)
                        return trace({ error: { kind: 'crash', message: answer.failed } });
                    result = answer.result;
                }
                toolCalls.push({ id: c.id, name: c.function.name, arguments: args, result });
                messages.push({
                    role: 'tool',
                    tool_call_id: c.id,
                    content: typeof result === 'string' ? result : JSON.stringify(result),
                });
            }
        }
        // Out of steps while still calling tools: the system's failure (a loop), not ours; checks
        // see no answer.
        output = '';
        return trace();
    }
    return {
        run,
        async close() {
            closed = true;
        },
    };
}


/***/ })

};
