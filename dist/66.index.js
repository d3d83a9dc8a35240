export const id = 66;
export const ids = [66];
export const modules = {

/***/ 18066:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   syncMonitorIssue: () => (/* binding */ syncMonitorIssue)
/* harmony export */ });
/* unused harmony exports ISSUE_LABEL, ISSUE_MARKER, NORMAL_MARKER, findMonitorIssue, issueTitle */
/* harmony import */ var _github_comment_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30079);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34902);
/* harmony import */ var _report_redact_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17234);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28812);
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
