export const id = 748;
export const ids = [748];
export const modules = {

/***/ 7748:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSimulator: () => (/* binding */ createSimulator)
/* harmony export */ });
/* unused harmony exports DONE_SENTINEL, SIMULATOR_MARKER, buildSimulatorMessages */
/* harmony import */ var openai__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8193);
/* harmony import */ var _checks_common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(815);
/**
 * The simulated user: a model behind any OpenAI-compatible chat endpoint plays the user of a
 * case's `simulated_user` (persona, goal), one message per turn, until it says it is done.
 *
 * Never throws: API trouble and unusable replies come back as `{error}`, which the conversation
 * turns into an `error` trial (a simulator failure says nothing about the system under test).
 */


/** What the simulated user writes when its goal is reached or the assistant cannot help. */
const DONE_SENTINEL = '[DONE]';
/**
 * The first words of the simulator's system prompt. The demo's offline model server recognises
 * requests by it (examples/refund-assistant/mock-user.ts) and answers as the user.
 */
const SIMULATOR_MARKER = '[evalgate simulated user]';
/** Longest user message accepted from the simulator: a runaway model is an error, not a turn. */
const MAX_MESSAGE = 8000;
/**
 * The chat for the simulator. Roles are swapped: the simulator is the assistant of this chat,
 * writing the user's lines; the system's answers reach it as user messages.
 */
function buildSimulatorMessages(user, transcript) {
    const system = [
        `${SIMULATOR_MARKER} You play a user talking to an AI assistant, to test the assistant.`,
        `Persona: ${oneLine(user.persona)}`,
        `Goal: ${oneLine(user.goal)}`,
        "Write only the user's next message, as plain text in the first person, the way this user",
        'would write it. Give details when the assistant needs them, not all at once. When the goal',
        `is reached, or the assistant cannot help any further, reply with exactly ${DONE_SENTINEL}.`,
    ].join('\n');
    const messages = [
        { role: 'system', content: system },
        { role: 'user', content: '(The assistant is waiting for your first message.)' },
    ];
    for (const entry of transcript) {
        messages.push({ role: entry.role === 'user' ? 'assistant' : 'user', content: entry.content });
    }
    return messages;
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function apiFailure(err, model, timeoutMs) {
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionTimeoutError */ .qA)
        return `timed out after ${timeoutMs} ms`;
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .RateLimitError */ .OE)
        return 'rate-limited (429)';
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIConnectionError */ .xX)
        return `unreachable: ${(0,_checks_common_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err.cause ?? err)}`;
    if (err instanceof openai__WEBPACK_IMPORTED_MODULE_0__/* .APIError */ .LG)
        return `API error: ${(0,_checks_common_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err).slice(0, 160)}`;
    return `failed: ${(0,_checks_common_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err).slice(0, 160)} (${model})`;
}
function createSimulator(config, opts = {}) {
    const model = config.model;
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const keyVar = config.api_key_env ?? 'OPENAI_API_KEY';
    const apiKey = opts.apiKey ?? process.env[keyVar];
    let client;
    function getClient() {
        if (client)
            return client;
        // A local OpenAI-compatible server (base_url) usually needs no key; api.openai.com does.
        if (!apiKey && !config.base_url)
            return `no API key (set ${keyVar})`;
        try {
            client = new openai__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .Ay({
                apiKey: apiKey || 'unused',
                baseURL: config.base_url,
                maxRetries: opts.maxRetries ?? 2,
                timeout: timeoutMs,
            });
            return client;
        }
        catch (err) {
            return `cannot create client: ${(0,_checks_common_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`;
        }
    }
    return {
        model,
        seedBase: config.seed ?? 0,
        async next(user, transcript, seed, signal) {
            const fail = (why) => ({ error: `simulator ${model}: ${why}` });
            const c = getClient();
            if (typeof c === 'string')
                return fail(c);
            let content;
            try {
                const completion = await c.chat.completions.create({
                    model,
                    messages: buildSimulatorMessages(user, transcript),
                    seed,
                    ...(config.temperature !== undefined ? { temperature: config.temperature } : {}),
                }, { signal });
                const choice = completion.choices?.[0];
                if (choice?.message?.refusal)
                    return fail(`refused: ${choice.message.refusal}`);
                if (choice?.finish_reason === 'length')
                    return fail('reply was cut off (max tokens)');
                content = choice?.message?.content;
            }
            catch (err) {
                return fail(apiFailure(err, model, timeoutMs));
            }
            const text = typeof content === 'string' ? content.trim() : '';
            if (text.includes(DONE_SENTINEL))
                return { done: true };
            if (!text)
                return fail('returned an empty message');
            if (text.length > MAX_MESSAGE)
                return fail(`returned ${text.length} characters`);
            return { text };
        },
    };
}


/***/ })

};
