import { describe, expect, it } from 'vitest';
import { extractFacts, sourceKeys } from '../src/checks/retrieval/facts.ts';
import { check, ctxFor } from './fixtures/checks/run.ts';
import {
  goodRefund,
  hallucinatedRefund,
  hoursDoc,
  refundCase,
  refundPolicy,
  refusalTrace,
} from './fixtures/checks/traces.ts';

/** Whether `claim` (one fact in an answer) is supported by `source`. */
function supported(claim: string, source: string): boolean {
  const facts = extractFacts(claim);
  if (facts.length !== 1) throw new Error(`expected one fact in ${claim}, got ${facts.length}`);
  const keys = sourceKeys(source);
  return facts[0].keys.some((k) => keys.has(k));
}

describe('fact extraction', () => {
  it('finds each kind of fact in an answer', () => {
    const facts = extractFacts(
      'Refund of $1,250.50 (a 15% fee) on May 1, 2024 by 9:30am; allow 30-day returns and 2 items.',
    );
    expect(facts.map((f) => [f.kind, f.text])).toEqual([
      ['money', '$1,250.50'],
      ['percent', '15%'],
      ['date', 'May 1, 2024'],
      ['time', '9:30am'],
      ['quantity', '30-day'],
      ['quantity', '2 items'],
    ]);
  });

  it('does not treat bare numbers, order ids or "may" as facts', () => {
    expect(extractFacts('Order A17 may 2 arrive, room 55 in 2024.')).toEqual([]);
  });

  it('finds schedules, phone numbers, emails and URLs', () => {
    const facts = extractFacts(
      'Available 24/7: call +44 20 7946 0301, Monday to Friday 9-5, or write to help@shop.example via https://shop.example/contact.',
    );
    expect(facts.map((f) => [f.kind, f.text])).toEqual([
      ['schedule', '24/7'],
      ['phone', '+44 20 7946 0301'],
      ['schedule', 'Monday to Friday'],
      ['schedule', '9-5'],
      ['email', 'help@shop.example'],
      ['url', 'https://shop.example/contact'],
    ]);
  });

  // Ordinary answers: none of these states a schedule, a phone number, an email or a URL.
  it.each([
    'You can cancel at any time before it ships.',
    "I'm always happy to help! Is there anything else?",
    'Your order #4521-889 has shipped; the tracking number is 1Z999AA10123456784.',
    'Order ORD-2024-0501-77 was placed by customer C-101.',
    'The score was 3-1 and pages 10-12 explain it; pick items 1 to 3.',
    'Delivery takes 2-4 business days, or 5-7 for remote areas.',
    'Version 2.3.1 fixed it; see section 4.2.',
    'We refunded 1,250.50 to card ending 4242.',
    'It works on Sundays too? Let me check that for you.',
    'Reference 2024-0501-77: I have escalated your case.',
  ])('finds no schedule or contact fact in "%s"', (answer) => {
    const kinds = extractFacts(answer).map((f) => f.kind);
    expect(kinds.filter((k) => ['schedule', 'phone', 'email', 'url'].includes(k))).toEqual([]);
  });

  it.each([
    ['$50', 'up to $50.00'],
    ['50.00', 'limit: $50'],
    ['$50', '{"refund_amount": 50}'],
    ['€20', '20 EUR'],
    ['15%', 'a fee of 15 percent'],
    ['2024-05-01', 'from May 1st, 2024'],
    ['May 1', 'effective 2024-05-01'],
    ['1 May 2024', 'on 2024-05-01'],
    ['05/01/2024', 'from 1 May 2024'],
    ['9am', 'opens 9:00 AM'],
    ['5 p.m.', 'closes at 17:00'],
    ['17:00', 'until 5pm'],
    ['noon', 'closes at 12:00'],
    ['30 days', 'within a 30-day window'],
    ['thirty days', 'within 30 days'],
    ['5 days', 'within 5 business days'],
    ['2 hrs', 'within 2 hours'],
    ['Monday to Friday', 'Mon–Fri 9:00–17:00'],
    ['Mon-Fri', 'open Monday through Friday'],
    ['weekdays', 'Monday to Friday, 8:00 to 18:00'],
    ['9-5', 'Mon–Fri 9:00–17:00'],
    ['9 to 5', 'from 9am until 5pm'],
    ['8-18', 'Monday to Friday, 8:00 to 18:00 CET'],
    ['9am', 'we work 9-5'],
    ['24/7', 'our chat is open around the clock'],
    ['around the clock', 'support: 24/7'],
    ['every day', 'open 24/7'],
    ['7 days a week', 'open every day'],
    ['020 7946 0301', 'phone: +44 20 7946 0301'],
    ['(555) 010-0199', 'call 555.010.0199'],
    ['Support@Shop.example', 'email support@shop.example'],
    ['www.shop.example', 'see https://shop.example/returns/form'],
    ['https://shop.example/returns', 'form: http://www.shop.example/returns/'],
  ])('%s is supported by "%s"', (claim, source) => {
    expect(supported(claim, source)).toBe(true);
  });

  it.each([
    ['$75', 'up to $50.00'],
    ['$30', 'returns within 30 days'],
    ['15%', 'a fee of 1.5%'],
    ['2024-05-02', 'from May 1st, 2024'],
    ['May 1, 2025', 'on 2024-05-01'],
    ['9pm', 'opens 9:00 AM'],
    ['5 business days', 'within 5 days'],
    ['30 days', 'within 30 weeks'],
    ['24/7', 'Monday to Friday, 8:00 to 18:00; this assistant is available at any time'],
    ['around the clock', 'open every day 9:00 to 17:00'],
    ['every day', 'Monday to Friday'],
    ['Monday to Saturday', 'Monday to Friday'],
    ['weekends', 'Monday to Friday'],
    ['9-5', 'Mon–Fri 8:00–18:00'],
    ['+44 20 7946 0302', 'phone: +44 20 7946 0301'],
    ['help@shop.example', 'email support@shop.example'],
    ['https://shop.example/refunds', 'see https://shop.example/returns'],
    ['https://evil.example', 'see https://shop.example'],
  ])('%s is not supported by "%s"', (claim, source) => {
    expect(supported(claim, source)).toBe(false);
  });
});

describe('grounded', () => {
  it('passes when every stated fact is in the retrieved documents', async () => {
    const r = await check({ type: 'grounded' }, goodRefund());
    expect(r.status).toBe('pass');
    expect(r.reason).toContain('4 facts found in retrieved context [kb/refunds.md, kb/hours.md]');
    expect(r.reason).toContain('"$50"');
  });

  it('fails naming the unsupported facts', async () => {
    const r = await check({ type: 'grounded' }, hallucinatedRefund());
    expect(r).toEqual({
      status: 'fail',
      reason: 'not in retrieved context [kb/refunds.md]: "$75" (money), "10 days" (quantity)',
    });
  });

  it('fails when there is no retrieved context but facts are stated', async () => {
    const t = goodRefund();
    t.retrieved = [];
    const r = await check({ type: 'grounded' }, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toMatch(/^no retrieved context, yet the output states "\$50"/);
  });

  it('catches stale hours: "available 24/7" against the shop\'s real hours', async () => {
    const t = goodRefund();
    t.retrieved = [
      {
        id: 'kb/hours.md',
        text: 'Our support team is available Monday to Friday, 8:00 to 18:00 CET. This assistant is available at any time.',
      },
    ];
    t.output = 'Our support team is available 24/7.';
    expect(await check({ type: 'grounded' }, t)).toEqual({
      status: 'fail',
      reason: 'not in retrieved context [kb/hours.md]: "24/7" (schedule)',
    });
    t.output = 'Our team is there Monday to Friday, 8am to 6pm CET.';
    expect(await check({ type: 'grounded' }, t)).toMatchObject({ status: 'pass' });
  });

  it('the same schedule written differently passes', async () => {
    const t = goodRefund();
    t.retrieved = [{ id: 'kb/hours.md', text: 'Support: Mon–Fri 9:00–17:00.' }];
    for (const output of [
      'We are open Monday to Friday, 9am to 5pm.',
      'Weekdays, 9-5.',
      'Mon-Fri from 9 a.m. until 5 p.m.',
    ]) {
      t.output = output;
      expect(await check({ type: 'grounded' }, t), output).toMatchObject({ status: 'pass' });
    }
  });

  it('passes when no facts are stated, even without context', async () => {
    expect(await check({ type: 'grounded' }, refusalTrace())).toEqual({
      status: 'pass',
      reason: 'no facts stated',
    });
  });

  it('listed facts must be in the context when the output states them', async () => {
    const t = goodRefund();
    t.output = 'You can also choose store credit, and return shipping is free.';
    const spec = { type: 'grounded', facts: ['store credit', 'restocking fee'] };
    const r = await check(spec, t);
    expect(r).toEqual({
      status: 'fail',
      reason: 'not in retrieved context [kb/refunds.md, kb/hours.md]: "store credit"',
    });
    t.output = 'A Restocking  Fee applies to opened electronics.';
    expect(await check(spec, t)).toMatchObject({ status: 'pass' });
  });

  it('kinds and ignore narrow what must be grounded', async () => {
    const t = hallucinatedRefund();
    expect(await check({ type: 'grounded', kinds: ['percent', 'date'] }, t)).toMatchObject({
      status: 'pass',
      reason: 'no facts stated',
    });
    expect(await check({ type: 'grounded', ignore: ['$75', '10 DAYS'] }, t)).toMatchObject({
      status: 'pass',
    });
  });

  it('sources may include tool results and the case input', async () => {
    const t = hallucinatedRefund();
    t.output = 'Your order total was $75.';
    expect(await check({ type: 'grounded' }, t)).toMatchObject({ status: 'fail' });
    expect(
      await check({ type: 'grounded', sources: ['retrieved', 'tool_results'] }, t),
    ).toMatchObject({ status: 'pass' });

    t.output = 'I see you ordered on 2024-04-28.';
    const c = refundCase({ context: { order_date: '2024-04-28' } });
    expect(
      await check({ type: 'grounded', sources: ['input'] }, t, ctxFor({ case: c })),
    ).toMatchObject({ status: 'pass' });
  });

  it('the hours document grounds times in another format', async () => {
    const t = goodRefund();
    t.retrieved = [hoursDoc];
    t.output = 'We open at 9 a.m., close at 17:00, and are closed on Dec 25, 2024 and 1 January.';
    expect(await check({ type: 'grounded' }, t)).toMatchObject({ status: 'pass' });
    t.retrieved = [refundPolicy];
    const r = await check({ type: 'grounded' }, t);
    expect(r.status).toBe('fail');
    expect(r.reason).toContain('"9 a.m." (time)');
  });
});
