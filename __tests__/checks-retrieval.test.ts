/**
 * Retrieval checks: retrieval_recall, retrieval_precision and context_used passing, failing and
 * erroring on traces; retrieved documents keep their `source` through trace normalisation.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/registry.ts';
import { normalizeTrace } from '../src/targets/trace.ts';
import type { CheckSpec, RetrievedDoc, Trace } from '../src/types.ts';
import { check, ctxFor, specIssues } from './fixtures/checks/run.ts';
import { goodRefund, hoursDoc, refundCase, refundPolicy } from './fixtures/checks/traces.ts';

const doc = (id: string, text = `text of ${id}`, source?: string): RetrievedDoc =>
  source === undefined ? { id, text } : { id, text, source };

const ranked = (...ids: string[]): Trace => ({ output: 'ok', retrieved: ids.map((id) => doc(id)) });

const errored: Trace = { output: '', error: { kind: 'timeout', message: 'after 60s' } };

async function statusOnErroredRun(spec: Record<string, unknown>) {
  const [r] = await runChecks([{ mode: 'm', ...spec } as CheckSpec], errored, ctxFor());
  return r.status;
}

describe('retrieved documents carry id, text, score and source', () => {
  it('normalisation keeps source, and Python’s None for it reads as absent', () => {
    const r = normalizeTrace({
      output: 'x',
      retrieved: [
        { id: 7, text: 'a', score: 0.9, source: 'kb/hours.md' },
        { id: 'b', text: 'b', score: null, source: null },
        'plain text',
      ],
    });
    expect(r).toEqual({
      trace: {
        output: 'x',
        retrieved: [
          { id: '7', text: 'a', score: 0.9, source: 'kb/hours.md' },
          { id: 'b', text: 'b' },
          { text: 'plain text' },
        ],
      },
    });
    expect(normalizeTrace({ output: 'x', retrieved: [{ text: 'a', source: 3 }] })).toEqual({
      error: expect.stringMatching(/^retrieved\[0\]\.source: /),
    });
  });
});

describe('retrieval_recall', () => {
  const spec = (extra: Record<string, unknown>) => ({
    type: 'retrieval_recall',
    expected: ['kb/hours.md', 'kb/refunds.md'],
    ...extra,
  });

  it('all expected documents in the top k pass; one ranked below k fails and says where', async () => {
    const t = ranked('kb/refunds.md', 'kb/faq.md', 'kb/hours.md', 'kb/shipping.md');
    expect(await check(spec({ k: 3 }), t)).toMatchObject({
      status: 'pass',
      reason: '2 of 2 expected documents in the top 3: kb/hours.md, kb/refunds.md',
    });
    expect(await check(spec({ k: 2 }), t)).toMatchObject({
      status: 'fail',
      reason:
        '1 of 2 expected documents in the top 2: missing kb/hours.md (kb/hours.md at rank 3); retrieved: kb/refunds.md, kb/faq.md',
    });
  });

  it('min: a share of the expected documents is enough', async () => {
    const t = ranked('kb/refunds.md', 'kb/faq.md');
    expect((await check(spec({ min: 0.5 }), t)).status).toBe('pass');
    const r = await check(spec({ min: 0.75 }), t);
    expect(r).toMatchObject({ status: 'fail' });
    expect(r.reason).toContain('(need 75%)');
  });

  it('an expected id matches a document’s id or its source (chunks of one file)', async () => {
    const t: Trace = {
      output: 'ok',
      retrieved: [doc('hours#2', 'Open 9-5', 'kb/hours.md'), doc('kb/refunds.md')],
    };
    expect((await check(spec({}), t)).status).toBe('pass');
  });

  it('nothing retrieved fails; a trace that reports no retrieval errors', async () => {
    expect(await check(spec({}), ranked())).toMatchObject({ status: 'fail' });
    expect((await check(spec({}), ranked())).reason).toContain('retrieved: nothing');
    expect(await check(spec({}), { output: 'ok' })).toMatchObject({
      status: 'error',
      reason: 'the trace reports no `retrieved` documents: cannot measure recall',
    });
    expect(await statusOnErroredRun(spec({}))).toBe('error');
  });

  it('rejects bad specs at load', () => {
    expect(specIssues(spec({ expected: [] }))).toBeDefined();
    expect(specIssues(spec({ k: 0 }))).toBeDefined();
    expect(specIssues(spec({ min: 1.5 }))).toBeDefined();
    expect(specIssues(spec({ top_k: 3 }))).toMatch(/top_k/);
  });
});

describe('retrieval_precision', () => {
  const spec = (extra: Record<string, unknown>) => ({
    type: 'retrieval_precision',
    relevant: ['kb/hours.md', 'kb/holidays.md'],
    min: 0.5,
    ...extra,
  });

  it('the share of the top k that is relevant, against the threshold', async () => {
    const t = ranked('kb/hours.md', 'kb/faq.md', 'kb/holidays.md', 'kb/shipping.md');
    expect(await check(spec({ k: 3 }), t)).toMatchObject({
      status: 'pass',
      reason: 'precision@3 0.67 ≥ 0.5 (2 of 3 relevant)',
    });
    expect(await check(spec({ k: 3, min: 0.75 }), t)).toMatchObject({
      status: 'fail',
      reason: 'precision@3 0.67 < 0.75 (2 of 3 relevant); not relevant: kb/faq.md',
    });
    expect((await check(spec({}), t)).reason).toBe('precision 0.5 ≥ 0.5 (2 of 4 relevant)');
  });

  it('fewer documents than k: the share of those returned', async () => {
    expect(await check(spec({ k: 5, min: 1 }), ranked('kb/hours.md'))).toMatchObject({
      status: 'pass',
      reason: 'precision@5 1 ≥ 1 (1 of 1 relevant)',
    });
  });

  it('nothing retrieved fails; no retrieval reported errors; min is required', async () => {
    expect(await check(spec({ k: 3 }), ranked())).toMatchObject({
      status: 'fail',
      reason: 'precision@3: nothing retrieved',
    });
    expect((await check(spec({}), { output: 'ok' })).status).toBe('error');
    expect(await statusOnErroredRun(spec({}))).toBe('error');
    expect(specIssues({ type: 'retrieval_precision', relevant: ['a'] })).toBeDefined();
  });
});

describe('context_used', () => {
  const hoursCase = (input: unknown) =>
    ctxFor({
      case: refundCase({
        input,
        context: { documents: [{ id: 'kb/hours.md', text: hoursDoc.text }] },
      }),
    });

  it('passes when the answer states facts from the retrieved documents that the input lacks', async () => {
    const ctx = hoursCase({ question: 'When can I call support?' });
    const t: Trace = {
      output: 'Support is open 9:00 AM to 5:00 PM, Monday to Friday.',
      retrieved: [hoursDoc],
    };
    const r = await check({ type: 'context_used' }, t, ctx);
    expect(r.status).toBe('pass');
    expect(r.reason).toMatch(/^3 facts from the retrieved context \[kb\/hours\.md\]: "9:00 AM"/);
  });

  it('fails when the facts only echo the input (pinned documents are not input)', async () => {
    const ctx = hoursCase({
      question: 'Is it true you are open 24/7, and that refunds take 10 days?',
    });
    const t: Trace = {
      output: 'Yes, we are open 24/7 and refunds take 10 days.',
      retrieved: [hoursDoc],
    };
    const r = await check({ type: 'context_used' }, t, ctx);
    expect(r).toMatchObject({ status: 'fail' });
    expect(r.reason).toBe(
      '0 facts from the retrieved context [kb/hours.md], needs 1 fact from the retrieved context; in the input: "24/7", "10 days"',
    );
  });

  it('a fact in neither the documents nor the input does not count; min_facts raises the bar', async () => {
    const t = goodRefund(); // "$50", "5 business days", "9am", "5pm" — all in the policy/hours docs
    const ctx = ctxFor();
    expect((await check({ type: 'context_used', min_facts: 4 }, t, ctx)).status).toBe('pass');
    t.output += ' A 20% bonus applies.';
    const r = await check({ type: 'context_used', min_facts: 5 }, t, ctx);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('in neither: "20%"');
  });

  it('no facts stated, or nothing retrieved: fails; listed facts count as facts', async () => {
    const ctx = hoursCase('hi');
    expect(
      await check(
        { type: 'context_used' },
        { output: 'Happy to help!', retrieved: [hoursDoc] },
        ctx,
      ),
    ).toMatchObject({
      status: 'fail',
      reason: 'the answer states no facts (needs 1 fact from the retrieved context)',
    });
    const closed = { output: 'We are closed on Christmas.', retrieved: [hoursDoc] };
    expect((await check({ type: 'context_used', facts: ['closed'] }, closed, ctx)).status).toBe(
      'pass',
    );
    expect(
      await check(
        { type: 'context_used' },
        { output: 'Open 9am to 5pm daily', retrieved: [] },
        ctx,
      ),
    ).toMatchObject({
      status: 'fail',
      reason: 'nothing retrieved, yet the answer states "9am", "5pm"',
    });
  });

  it('errors when the run errored; rejects bad specs at load', async () => {
    expect(await statusOnErroredRun({ type: 'context_used' })).toBe('error');
    expect(specIssues({ type: 'context_used', min_facts: 0 })).toBeDefined();
    expect(specIssues({ type: 'context_used', kinds: ['weather'] })).toBeDefined();
  });
});

describe('grounded reads what the trace retrieved, not the pinned documents', () => {
  it('sources: [input] does not include context.documents', async () => {
    const ctx = ctxFor({
      case: refundCase({ context: { documents: [refundPolicy] } as Record<string, unknown> }),
    });
    const t: Trace = { output: 'Refunds arrive within 5 business days.', retrieved: [] };
    expect((await check({ type: 'grounded', sources: ['input'] }, t, ctx)).status).toBe('fail');
    expect(
      (await check({ type: 'grounded' }, { ...t, retrieved: [refundPolicy] }, ctx)).status,
    ).toBe('pass');
  });
});
