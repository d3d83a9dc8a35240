export const id = 11;
export const ids = [11,463];
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

/***/ 9011:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PullMismatchError: () => (/* binding */ PullMismatchError),
  publishOutsideActions: () => (/* binding */ publishOutsideActions)
});

// UNUSED EXPORTS: failureAnnotations, publishComparison, serverUrlFor, verifyPullHead

// EXTERNAL MODULE: ./build/report/index.js + 12 modules
var report = __webpack_require__(2375);
// EXTERNAL MODULE: ./build/report/markdown.js
var markdown = __webpack_require__(4902);
// EXTERNAL MODULE: ./build/report/redact.js
var redact = __webpack_require__(7234);
// EXTERNAL MODULE: ./build/github/client.js
var client = __webpack_require__(4463);
;// CONCATENATED MODULE: ./build/github/checks.js
/**
 * The merge gate as GitHub sees it: a check run (with annotations on the dataset lines of
 * failing cases) or, where check runs are not allowed (a personal token outside Actions), a
 * commit status. Branch protection can require either by name.
 */


/** GitHub's limits for check runs. */
const MAX_ANNOTATIONS_PER_REQUEST = 50;
const MAX_OUTPUT_LENGTH = 65535;
const MAX_STATUS_DESCRIPTION = 140;
/** Our own cap: a suite with thousands of new failures should not cost a hundred requests. */
const MAX_ANNOTATIONS = 500;
/**
 * Verdict → conclusion. `accepted` (the accept label turned a block into a pass) is a success:
 * a neutral check would satisfy branch protection too, but green says "merge allowed" plainly;
 * the comment and the title carry the warning.
 */
function conclusionFor(verdict, accepted = false) {
    if (accepted)
        return 'success';
    return verdict === 'pass' ? 'success' : 'failure';
}
/** Cuts `s` to at most `max` UTF-16 units, never splitting a surrogate pair, marking the cut. */
function cutText(s, max) {
    if (s.length <= max)
        return s;
    const mark = '\n…';
    let out = s.slice(0, max - mark.length);
    if (/[\uD800-\uDBFF]$/.test(out))
        out = out.slice(0, -1);
    return out + mark;
}
/** GitHub rejects annotations with lines < 1 or end before start; clamp instead of failing. */
function cleanAnnotation(a) {
    const start = Math.max(1, Math.floor(Number(a.start_line)) || 1);
    const end = Math.max(start, Math.floor(Number(a.end_line)) || start);
    const out = {
        path: a.path,
        start_line: start,
        end_line: end,
        annotation_level: a.annotation_level,
        message: cutText((0,redact/* redactSecrets */.fp)(String(a.message ?? '')), 64 * 1024 - 1) || '(no message)',
    };
    if (a.title)
        out.title = cutText((0,redact/* redactSecrets */.fp)(String(a.title)), 255);
    return out;
}
function batches(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function permissionSkip(err, what) {
    return {
        action: 'skipped',
        reason: `GitHub answered ${(0,client/* errorStatus */.PO)(err)} (${(0,client.errorMessage)(err)}): the token may not ${what} (needs \`checks: write\`; a personal token cannot create check runs, use a commit status)`,
    };
}
/**
 * Creates a completed check run with the first 50 annotations, then adds the rest 50 at a time
 * with updates (GitHub's per-request limit). Permission errors come back as `skipped`.
 */
async function publishCheckRun(octokit, opts) {
    const { owner, repo } = opts;
    // Everything in a check run is public to whoever can see the commit: no secret in any of it.
    const title = cutText((0,redact/* redactSecrets */.fp)(opts.title), 255);
    const summary = cutText((0,redact/* redactSecrets */.fp)(opts.summary), MAX_OUTPUT_LENGTH);
    const text = opts.text === undefined ? undefined : cutText((0,redact/* redactSecrets */.fp)(opts.text), MAX_OUTPUT_LENGTH);
    const [first = [], ...rest] = batches((opts.annotations ?? []).map(cleanAnnotation), MAX_ANNOTATIONS_PER_REQUEST);
    let id;
    try {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
            owner,
            repo,
            name: opts.name,
            head_sha: opts.headSha,
            status: 'completed',
            conclusion: opts.conclusion,
            completed_at: new Date().toISOString(),
            ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
            output: { title, summary, ...(text ? { text } : {}), annotations: first },
        });
        id = Number(data.id);
        for (const batch of rest) {
            await octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
                owner,
                repo,
                check_run_id: Number(data.id),
                output: { title, summary, annotations: batch },
            });
        }
        return { id: Number(data.id), url: data.html_url ?? undefined, action: 'created' };
    }
    catch (err) {
        if ((0,client/* isPermissionError */.gj)(err)) {
            // The run may exist already with its first batch: report it, do not pretend it is missing.
            return { ...permissionSkip(err, 'create check runs'), id };
        }
        throw err;
    }
}
function statusStateFor(verdict, accepted = false) {
    if (accepted || verdict === 'pass')
        return 'success';
    return verdict === 'error' ? 'error' : 'failure';
}
/** Sets a commit status: what a personal token (outside Actions) can do instead of a check run. */
async function setCommitStatus(octokit, opts) {
    try {
        const { data } = await octokit.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
            owner: opts.owner,
            repo: opts.repo,
            sha: opts.sha,
            state: opts.state,
            context: opts.context,
            description: cutText((0,redact/* redactSecrets */.fp)(opts.description), MAX_STATUS_DESCRIPTION).replace(/\n…$/, '…'),
            ...(opts.targetUrl ? { target_url: opts.targetUrl } : {}),
        });
        return { id: Number(data.id), url: data.url, action: 'created' };
    }
    catch (err) {
        if ((0,client/* isPermissionError */.gj)(err)) {
            return {
                action: 'skipped',
                reason: `GitHub answered ${(0,client/* errorStatus */.PO)(err)} (${(0,client.errorMessage)(err)}): the token may not set commit statuses (needs \`statuses: write\`)`,
            };
        }
        throw err;
    }
}
/**
 * A check run where allowed, else a commit status with the same name: so `evalgate publish` with a
 * personal token still leaves something branch protection can require.
 */
async function publishGate(octokit, opts) {
    const check = await publishCheckRun(octokit, opts);
    if (check.action === 'created' || check.id !== undefined)
        return { ...check, kind: 'check' };
    const status = await setCommitStatus(octokit, {
        owner: opts.owner,
        repo: opts.repo,
        sha: opts.headSha,
        context: opts.name,
        state: opts.verdictState,
        description: opts.title,
        targetUrl: opts.detailsUrl,
    });
    if (status.action === 'skipped') {
        return { ...status, reason: `${check.reason}; ${status.reason}`, kind: 'status' };
    }
    return { ...status, kind: 'status' };
}

// EXTERNAL MODULE: ./build/github/comment.js
var github_comment = __webpack_require__(79);
;// CONCATENATED MODULE: ./build/github/publish.js
/**
 * Publishing a comparison to a PR: the sticky comment and the gate (check run, or commit status
 * where check runs are not allowed). `publishComparison` takes any client, so the action and
 * `evalgate publish` (outside Actions, `@octokit/rest`) share it.
 */





/** The web URL belonging to an API URL: api.github.com → github.com, `<host>/api/v3` → `<host>`. */
function serverUrlFor(apiUrl) {
    const u = apiUrl.replace(/\/$/, '');
    if (/^https?:\/\/api\.github\.com$/.test(u))
        return 'https://github.com';
    const ghec = /^(https?:\/\/)api\.(.+\.ghe\.com)$/.exec(u);
    if (ghec)
        return `${ghec[1]}${ghec[2]}`;
    return u.replace(/\/api\/v3$/, '');
}
/**
 * Annotations on the dataset lines of the cases that newly fail (and suspected ones, as
 * warnings). Paths in results are relative to the suite's folder; GitHub wants them relative to
 * the repository root.
 */
function failureAnnotations(c, suiteDir = '') {
    const dir = suiteDir
        .replace(/\\/g, '/')
        .replace(/^\.(\/|$)/, '')
        .replace(/\/+$/, '');
    const prefix = dir ? `${dir}/` : '';
    const out = [];
    for (const cs of c.cases) {
        if (cs.label !== 'new_failure' && cs.label !== 'suspected_new_failure')
            continue;
        if (!cs.source?.file)
            continue;
        // Annotations are plain text, but public: names and reasons cleaned like every report's.
        const modes = cs.modes
            .filter((m) => m.label === cs.label)
            .map((m) => (0,markdown/* clean */.uH)(m.mode, 80).replace(/\s+/g, ' '));
        const reasons = (cs.head?.failing ?? []).map((f) => `${(0,markdown/* clean */.uH)(f.mode, 80).replace(/\s+/g, ' ')}: ${(0,markdown/* clean */.uH)(f.reason, 2000)}`);
        out.push({
            path: `${prefix}${cs.source.file}`,
            start_line: cs.source.line,
            end_line: cs.source.line,
            annotation_level: cs.label === 'new_failure' ? 'failure' : 'warning',
            title: (0,markdown/* clean */.uH)(`${cs.label === 'new_failure' ? 'New failure' : 'Suspected new failure'}: ${cs.id}`, 255).replace(/\s+/g, ' '),
            message: [
                `Passes on base, fails on head (${modes.join(', ') || 'unknown mode'}).`,
                ...reasons,
            ].join('\n'),
        });
    }
    return out;
}
/** Comment + gate for one PR. Permission problems come back as `skipped` results, not errors. */
async function publishComparison(octokit, opts) {
    const { owner, repo, pr, comparison } = opts;
    const serverUrl = opts.serverUrl ?? 'https://github.com';
    let sha = opts.sha;
    if (!sha) {
        const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
            owner,
            repo,
            pull_number: pr,
        });
        sha = data.head.sha;
    }
    const marker = opts.marker ?? report/* DEFAULT_MARKER */.H7;
    const reportOpts = {
        runUrl: opts.runUrl,
        repoUrl: `${serverUrl}/${owner}/${repo}`,
        headSha: sha,
        marker,
    };
    const comment = await (0,github_comment/* upsertStickyComment */.qD)(octokit, {
        owner,
        repo,
        issueNumber: pr,
        marker,
        mode: opts.commentMode,
        body: (0,report.renderComment)(comparison, { ...reportOpts, maxLength: report/* COMMENT_MAX */.vQ }),
        author: opts.author,
    });
    const h = (0,report/* plainHeadline */.r6)(comparison);
    const check = await publishGate(octokit, {
        owner,
        repo,
        headSha: sha,
        name: opts.checkName ?? 'evalgate',
        conclusion: conclusionFor(comparison.verdict, comparison.accepted),
        verdictState: statusStateFor(comparison.verdict, comparison.accepted),
        title: `${h.title}: ${h.text}`,
        summary: (0,report.renderSummary)(comparison, { ...reportOpts, maxLength: 65_000 }),
        annotations: failureAnnotations(comparison, opts.suiteDir),
        detailsUrl: opts.runUrl ?? comment.url,
    });
    return { comment, check, commentAction: comment.action, commentUrl: comment.url };
}
/** The PR is not the one the results are for: nothing is published. */
class PullMismatchError extends Error {
}
/**
 * Refuses to publish results for `sha` on a PR whose head is another commit. In the fork
 * pattern the PR number comes from an artifact the PR's own code wrote: without this check it
 * could point the comment and the check at any other PR.
 */
async function verifyPullHead(octokit, opts) {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        owner: opts.owner,
        repo: opts.repo,
        pull_number: opts.pr,
    });
    if (data.head.sha !== opts.sha) {
        throw new PullMismatchError(`PR #${opts.pr}'s head is ${data.head.sha.slice(0, 12)}, not ${opts.sha.slice(0, 12)} (the commit ` +
            'these results are for): not publishing. The PR number may be wrong, or the PR has new commits.');
    }
}
/** `evalgate publish`: the same comment and gate from another CI or a laptop. */
async function publishOutsideActions(opts) {
    const { token, apiUrl, ...rest } = opts;
    const octokit = (0,client.restClient)({ token, baseUrl: apiUrl });
    if (rest.sha)
        await verifyPullHead(octokit, {
            owner: rest.owner,
            repo: rest.repo,
            pr: rest.pr,
            sha: rest.sha,
        });
    return publishComparison(octokit, { ...rest, serverUrl: serverUrlFor(apiUrl) });
}


/***/ })

};
