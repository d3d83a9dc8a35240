export const id = 335;
export const ids = [335];
export const modules = {

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
