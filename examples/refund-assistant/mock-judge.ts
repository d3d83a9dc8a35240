/**
 * The mock model's third role: evalgate's LLM judge, offline. It recognises the judge's prompt
 * (src/checks/model/judge.ts), reads the rubric and the final answer from it, and grades by a
 * simple rule per rubric of the demo (datasets/judged.jsonl), answering `{"pass", "reason"}` as
 * the structured output asks. Two judges on purpose:
 *
 * - "concrete answer" follows a rule close to what a person checks (no generic menu, no "I don't
 *   have that information"), with one honest slip: it also fails the menu when the customer only
 *   said hello. It calibrates well against the people's labels.
 * - "warm tone" grades warmth by length (long = warm): a poor proxy that disagrees with people
 *   often, so its calibration is poor and it may not block.
 *
 * Any other rubric passes, with a reason that says the mock cannot grade it.
 */
import type { BrainRequest, BrainReply } from './mock-brain.ts';

/** Words of the judge's system prompt that mark a grading request. */
const JUDGE_MARKER = 'against a rubric';

function text(content: unknown): string {
  return typeof content === 'string' ? content : '';
}

export function isJudgeRequest(req: BrainRequest): boolean {
  const system = req.messages.find((m) => m.role === 'system');
  return text(system?.content).includes(JUDGE_MARKER);
}

/** The rubric and the graded run's final answer: the last ones in the prompt (examples come first). */
function parts(req: BrainRequest): { rubric: string; answer: string } {
  const prompt = req.messages
    .filter((m) => m.role === 'user')
    .map((m) => text(m.content))
    .join('\n\n');
  const rubric = /Rubric:\n([\s\S]*?)\n\n/.exec(prompt)?.[1] ?? '';
  const answers = [...prompt.matchAll(/Final answer:\n([\s\S]*?)\n\n<\/trace>/g)];
  return { rubric, answer: answers.at(-1)?.[1] ?? '' };
}

const MENU = /what can i do for you\?/i;
const NO_INFO = /i don't have that information/i;

function grade(rubric: string, answer: string): { pass: boolean; reason: string } {
  if (/concrete answer or next step/i.test(rubric)) {
    if (MENU.test(answer))
      return {
        pass: false,
        reason: 'The reply lists what the assistant can do instead of answering.',
      };
    if (NO_INFO.test(answer))
      return { pass: false, reason: 'The reply says it has no information and gives no answer.' };
    return { pass: true, reason: 'The reply gives a concrete answer or next step.' };
  }
  if (/warm/i.test(rubric)) {
    return answer.length > 120
      ? { pass: true, reason: 'The reply is long and friendly.' }
      : { pass: false, reason: 'The reply is short, so it reads as curt.' };
  }
  return { pass: true, reason: 'The demo judge has no rule for this rubric.' };
}

export function judgeReply(req: BrainRequest): BrainReply {
  const { rubric, answer } = parts(req);
  return { content: JSON.stringify(grade(rubric, answer)), tool_calls: [] };
}
