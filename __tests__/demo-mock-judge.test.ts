/**
 * The demo's model server as evalgate's judge: it recognises the judge's real prompt
 * (buildJudgeMessages) and grades by the demo's two rules, over the real `openai` client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJudge } from '../src/checks/model/judge.ts';
import { startMockLLM, type MockLLM } from '../examples/refund-assistant/mock-llm.ts';
import type { Case } from '../src/types.ts';

let mock: MockLLM;
beforeAll(async () => {
  mock = await startMockLLM({ latencyMs: [0, 0] });
});
afterAll(() => mock.close());

const c = { id: 'x', input: {}, tags: [], checks: [] } as unknown as Case;
const CONCRETE = 'The reply gives the customer a concrete answer or next step for what they asked.';
const WARM = 'The reply is warm and acknowledges how the customer feels.';
const MENU =
  "I'm here to help with refunds, order status and questions about our shipping, warranty, payment and privacy policies. What can I do for you?";

describe('demo mock judge', () => {
  it('grades the demo rubrics by their rules', async () => {
    const judge = createJudge({ model: 'gpt-4.1-mini', base_url: mock.url }, { apiKey: 'x' });
    const grade = (rubric: string, output: string) => judge.grade(rubric, { output }, c);
    expect(await grade(CONCRETE, MENU)).toMatchObject({ status: 'fail' });
    expect(await grade(CONCRETE, 'Order A1004 is in transit.')).toMatchObject({ status: 'pass' });
    // The poor judge: long means warm.
    expect(await grade(WARM, MENU)).toMatchObject({ status: 'pass' });
    expect(await grade(WARM, "I'm sorry, I can't do that.")).toMatchObject({ status: 'fail' });
  });
});
