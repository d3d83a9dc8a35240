export const id = 463;
export const ids = [463];
export const modules = {

/***/ 4463:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PO: () => (/* binding */ errorStatus),
/* harmony export */   errorMessage: () => (/* binding */ errorMessage),
/* harmony export */   gj: () => (/* binding */ isPermissionError),
/* harmony export */   restClient: () => (/* binding */ restClient)
/* harmony export */ });
/* unused harmony export actionsClient */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(722);
/* harmony import */ var _octokit_rest__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1267);
/* harmony import */ var _report_plain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2071);
/**
 * Octokit clients. Inside Actions we use `@actions/github`'s `getOctokit` (proxy-aware, the
 * runner's user agent); outside (another CI, a laptop) plain `@octokit/rest`. Both are the same
 * `@octokit/core` underneath, so the publishing code takes the small `GitHubClient` surface
 * (`request` + `paginate`) and works with either.
 */



const USER_AGENT = 'evalgate';
function apiUrl(baseUrl) {
    return (baseUrl || process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '');
}
/** The client for code running inside a GitHub Actions job. */
function actionsClient(opts) {
    return getOctokit(opts.token, {
        baseUrl: apiUrl(opts.baseUrl),
        userAgent: opts.userAgent ?? USER_AGENT,
        log: { ...REQUEST_LOG, error: escapedLine },
    });
}
const escapedLine = (message) => void process.stderr.write(`${(0,_report_plain_js__WEBPACK_IMPORTED_MODULE_1__/* .logSafe */ .sN)(message)}\n`);
/**
 * Octokit's own log: failed requests are reported by our callers with context (a fork PR's 403
 * is expected), so only its warnings (GitHub's deprecation notices) are shown, escaped like every
 * other line we print.
 */
const REQUEST_LOG = {
    debug: () => { },
    info: () => { },
    warn: escapedLine,
    error: () => { },
};
/** The client for `evalgate publish` outside Actions. */
function restClient(opts) {
    return new _octokit_rest__WEBPACK_IMPORTED_MODULE_2__/* .Octokit */ .E({
        auth: opts.token,
        baseUrl: apiUrl(opts.baseUrl),
        userAgent: opts.userAgent ?? USER_AGENT,
        log: REQUEST_LOG,
    });
}
/** HTTP status of an Octokit `RequestError` (or anything with a numeric `status`). */
function errorStatus(err) {
    const s = err?.status;
    return typeof s === 'number' ? s : undefined;
}
/** GitHub's own message from an error response, else the error's message; one line, no token. */
function errorMessage(err) {
    const data = err?.response?.data;
    const msg = typeof data?.message === 'string'
        ? data.message
        : err instanceof Error
            ? err.message
            : String(err);
    return msg.split('\n')[0].slice(0, 300);
}
/**
 * Errors that mean "this token may not do that here" (a fork PR's read-only token, a missing
 * `permissions:` entry, a personal token creating a check run): callers report them and skip.
 */
function isPermissionError(err) {
    const s = errorStatus(err);
    return s === 401 || s === 403 || s === 404;
}


/***/ })

};
