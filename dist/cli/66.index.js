export const id = 66;
export const ids = [66,463];
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


/***/ }),

/***/ 79:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pI: () => (/* binding */ fitComment),
/* harmony export */   qD: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony exports authenticatedLogin, findOwnComments, MAX_COMMENT_LENGTH */
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7234);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4463);
/**
 * The sticky PR comment: one comment per PR, found again by a hidden marker *and* by its author,
 * updated in place on every run.
 *
 * Why both: anyone can paste the marker into a comment of their own (quoting ours, say); taking
 * over a human's comment would edit their words (and fail with 403 under an integration token).
 * Why every page: a busy PR has more than one page of comments, and missing ours on page 2 would
 * post a duplicate on every push.
 */


const ACTIONS_BOT = 'github-actions[bot]';
/** The login our token acts as, or undefined when the token may not ask (installation tokens). */
async function authenticatedLogin(octokit) {
    try {
        const { data } = await octokit.request('GET /user');
        return data.login;
    }
    catch (err) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .isPermissionError */ .gj)(err))
            return undefined;
        throw err;
    }
}
/** Our comments among `comments`, oldest first. */
function findOwnComments(comments, marker, author) {
    const marked = comments.filter((c) => typeof c.body === 'string' && c.body.includes(marker));
    if (author)
        return marked.filter((c) => c.user?.login === author);
    const bots = marked.filter((c) => c.user?.type === 'Bot' && c.user.login.endsWith('[bot]'));
    const actions = bots.filter((c) => c.user?.login === ACTIONS_BOT);
    return actions.length ? actions : bots;
}
/** GitHub's limit for a comment body, in characters. */
const MAX_COMMENT_LENGTH = 65536;
/**
 * Last line of defence: the report already keeps itself under the limit, but a body over it
 * would be rejected (422) and the PR would get no comment at all.
 */
function fitComment(body) {
    if (body.length <= MAX_COMMENT_LENGTH)
        return body;
    const note = "\n\n_… cut to fit GitHub's comment limit; the full report is in the job summary._";
    let cut = body.slice(0, MAX_COMMENT_LENGTH - note.length);
    // Do not leave half a surrogate pair behind.
    if (/[\uD800-\uDBFF]$/.test(cut))
        cut = cut.slice(0, -1);
    return cut + note;
}
function skipped(reason) {
    return { action: 'skipped', reason };
}
/**
 * Creates or updates the sticky comment. Permission errors (a fork PR's read-only token, a
 * missing `pull-requests: write`) come back as `skipped` with the reason; other errors throw.
 */
async function upsertStickyComment(octokit, opts) {
    if (opts.mode === 'off')
        return skipped('comment mode is off');
    const { owner, repo, issueNumber: issue_number } = opts;
    // The last line of defence: whatever the body was built from, no secret leaves in it.
    const redacted = (0,_report_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecrets */ .fp)(opts.body);
    const body = fitComment(redacted.includes(opts.marker) ? redacted : `${opts.marker}\n${redacted}`);
    try {
        if (opts.mode === 'update') {
            const author = opts.author ?? (await authenticatedLogin(octokit));
            const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
                owner,
                repo,
                issue_number,
                per_page: 100,
            });
            const ours = findOwnComments(all, opts.marker, author);
            // Several of ours can exist (an older version duplicated, or `mode: new` ran before):
            // keep editing the newest, the one readers see last.
            const newest = ours.reduce((best, c) => !best ||
                c.created_at > best.created_at ||
                (c.created_at === best.created_at && c.id > best.id)
                ? c
                : best, undefined);
            if (newest) {
                try {
                    const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                        owner,
                        repo,
                        comment_id: newest.id,
                        body,
                    });
                    return { id: Number(data.id), url: data.html_url, action: 'updated' };
                }
                catch (err) {
                    // With the author only guessed (any bot), the comment may be another app's: GitHub
                    // refuses the edit, and a comment of our own is what we want anyway. A read-only token
                    // fails the create below too and ends up skipped.
                    if (author || (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .errorStatus */ .PO)(err) !== 403)
                        throw err;
                }
            }
        }
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            owner,
            repo,
            issue_number,
            body,
        });
        return { id: Number(data.id), url: data.html_url, action: 'created' };
    }
    catch (err) {
        if ((0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .isPermissionError */ .gj)(err)) {
            return skipped(`GitHub answered ${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .errorStatus */ .PO)(err)} (${(0,_client_js__WEBPACK_IMPORTED_MODULE_1__.errorMessage)(err)}): the token may not comment here ` +
                '(a fork PR gets a read-only token; see docs/github.md for the two-workflow setup)');
        }
        throw err;
    }
}


/***/ }),

/***/ 8066:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   syncMonitorIssue: () => (/* binding */ syncMonitorIssue)
/* harmony export */ });
/* unused harmony exports ISSUE_LABEL, ISSUE_MARKER, NORMAL_MARKER, findMonitorIssue, issueTitle */
/* harmony import */ var _github_comment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4902);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7234);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8812);
/**
 * The monitor's one GitHub issue: opened when a failure mode first worsens, commented on each
 * later run that finds a mode worsened, and told once "back to normal" when a run finds none
 * worsened. Never a second issue while one is open: the open issue is found again by its label
 * *and* the hidden marker in its body (a label alone could be put on anyone's issue; a marker
 * alone could be quoted into one). Closing the issue is left to people: the next worsened run
 * after that opens a new one.
 *
 * The body is the monitor's markdown (untrusted text escaped, no @-mentions or raw HTML) with
 * known secrets masked as a last step.
 */




const ISSUE_LABEL = 'evalgate-monitor';
/** In the issue's body and in each of our comments. */
const ISSUE_MARKER = '<!-- evalgate:monitor -->';
/** In our "back to normal" comments, so a steady run says so once, not every day. */
const NORMAL_MARKER = '<!-- evalgate:monitor:normal -->';
/** The open monitor issue among `issues` (the oldest, should there be several), or undefined. */
function findMonitorIssue(issues) {
    return issues
        .filter((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(ISSUE_MARKER))
        .sort((a, b) => a.number - b.number)[0];
}
function body(marker, markdown, runUrl) {
    const run = (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .safeHref */ .v7)(runUrl);
    const link = run ? `\n[The workflow run](${run}) has the dashboard in its artifacts.\n` : '';
    return (0,_github_comment_js__WEBPACK_IMPORTED_MODULE_0__/* .fitComment */ .pI)(`${marker}\n${(0,_report_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactSecrets */ .fp)(markdown)}${link}`);
}
function issueTitle(r) {
    // Titles are plain text, but GitHub still links #123 in them: neutralised like everything else.
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .neutralize */ .YI)((0,_report_redact_js__WEBPACK_IMPORTED_MODULE_2__/* .redactSecrets */ .fp)((0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cut */ .Jj)(`evalgate monitor: ${r.worsened.join(', ')} worsened`, 200)));
}
async function syncMonitorIssue(client, opts) {
    const { owner, repo, report } = opts;
    const open = await client.paginate('GET /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        state: 'open',
        labels: ISSUE_LABEL,
        per_page: 100,
    });
    const existing = findMonitorIssue(open);
    const markdown = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .monitorMarkdown */ .M7)(report);
    if (report.worsened.length > 0) {
        if (!existing) {
            const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
                owner,
                repo,
                title: issueTitle(report),
                body: body(ISSUE_MARKER, markdown, opts.runUrl),
                labels: [ISSUE_LABEL],
            });
            return { action: 'opened', number: data.number, url: data.html_url };
        }
        const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            owner,
            repo,
            issue_number: existing.number,
            body: body(ISSUE_MARKER, markdown, opts.runUrl),
        });
        return { action: 'commented', number: existing.number, url: data.html_url };
    }
    if (!existing)
        return { action: 'none' };
    const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: existing.number, per_page: 100 });
    const ours = comments.filter((c) => typeof c.body === 'string' && c.body.includes(ISSUE_MARKER));
    const last = ours[ours.length - 1];
    if (last?.body?.includes(NORMAL_MARKER))
        return { action: 'none', number: existing.number, url: existing.html_url };
    const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: existing.number,
        body: body(`${ISSUE_MARKER}\n${NORMAL_MARKER}`, `Back to normal: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .headline */ .Pl)(report).replace(/^evalgate monitor: /, '')} in the latest window. Close this issue when you are done with it; the next worsened mode opens a new one.\n\n${markdown}`, opts.runUrl),
    });
    return { action: 'back-to-normal', number: existing.number, url: data.html_url };
}


/***/ })

};
