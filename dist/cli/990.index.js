export const id = 990;
export const ids = [990];
export const modules = {

/***/ 990:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  writeJobSummary: () => (/* binding */ writeJobSummary)
});

// UNUSED EXPORTS: OUTPUT_NAMES, setOutputs

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var lib_core = __webpack_require__(6421);
// EXTERNAL MODULE: ./build/report/redact.js
var redact = __webpack_require__(7234);
// EXTERNAL MODULE: ./build/report/plain.js
var plain = __webpack_require__(2071);
;// CONCATENATED MODULE: ./build/github/log.js
/**
 * The action's log: every line evalgate writes to it goes through here, so that no text from a
 * pull request (a mode name, a case id, a check message, a branch name, a target's or the setup
 * command's output) can become a workflow command.
 *
 * The runner reads a command from any line of stdout or stderr that starts with `::` after
 * leading whitespace (`::add-mask::`, `::error::`, `::stop-commands::`), and, in its older form,
 * from `##[` anywhere in a line. It splits lines at `\n` and at a bare `\r`. So each message is
 * escaped here, statelessly: controls (the `\r` among them) become visible escapes, newlines
 * stay the only line breaks, and every `::` and `##[` gets a zero-width space inside it, which
 * the reader does not see and the runner does not skip.
 *
 * Known secret values and secret-shaped strings are masked here too (src/report/redact.ts):
 * the log is public wherever the repository is.
 *
 * We do not wrap output in `::stop-commands::` instead: inside such a block our own commands
 * (warnings, `add-mask` for secrets) would be ignored too, and a block is only as safe as every
 * write inside it; escaping each line is.
 *
 * `@actions/core`'s own `warning`/`error`/`notice` escape newlines in the message, so a message
 * cannot start a second line; the annotation still shows its text, hence the same escaping.
 */




/** Known secret values masked, then escaped so no text can become a workflow command. */
function safe(text) {
    return (0,plain/* logSafe */.sN)((0,redact/* redactSecrets */.fp)(text));
}
/** A plain log line (or lines). */
function info(text) {
    core.info(safe(text));
}
/** A notice annotation. */
function notice(text) {
    core.notice(safe(text));
}
/** A warning annotation. */
function warning(text) {
    lib_core/* warning */.$e(safe(text));
}
/** An error annotation. */
function error(text) {
    core.error(safe(text));
}
/** An error annotation, and the step fails. */
function fail(text) {
    core.setFailed(safe(text));
}
/** A writable for progress lines (`ConsoleProgress`): the same escaping, to stdout. */
const logStream = {
    isTTY: false,
    write(chunk) {
        return process.stdout.write(safe(chunk));
    },
};

;// CONCATENATED MODULE: ./build/github/outputs.js
/**
 * Action outputs and the job summary: thin wrappers over `@actions/core`, so the orchestration
 * code never touches `core` directly and the names of our outputs live in one place (they must
 * match action.yml; __tests__/github-action-docs.test.ts checks that).
 */



/** Every output action.yml declares. */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'verdict',
    'regressed-modes',
    'new-failures',
    'comment-url',
    'results-path',
    'comparison-path',
    'report-path',
    'base-source',
]));
/** Sets each defined output; lists become comma-separated, as workflow expressions expect. */
function setOutputs(outputs) {
    for (const name of OUTPUT_NAMES) {
        const v = outputs[name];
        if (v === undefined)
            continue;
        core.setOutput(name, redactSecrets(Array.isArray(v) ? v.join(',') : String(v)));
    }
}
/**
 * Appends markdown to the job summary. Outside Actions (no GITHUB_STEP_SUMMARY) it does nothing
 * and returns false rather than throwing, so the CLI and local runs share the code path.
 */
async function writeJobSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return false;
    try {
        await lib_core/* summary */.z.addRaw((0,redact/* redactSecrets */.fp)(markdown), true).write();
        return true;
    }
    catch (err) {
        warning(`evalgate: could not write the job summary: ${err?.message ?? String(err)}`);
        return false;
    }
    finally {
        lib_core/* summary */.z.emptyBuffer();
    }
}


/***/ })

};
