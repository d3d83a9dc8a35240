/**
 * Checks across turns (remembers, no_repeated_question, goal_reached, claim_requires_tool across
 * turns) and `turn:` scoping in the check runner, from multi-turn traces: pass, fail and error.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJudge } from '../src/checks/model/judge.ts';
import { runChecks } from '../src/checks/registry.ts';
import { assemble } from '../src/run/conversation.ts';
import type { CheckSpec, ToolCall, Trace, TraceTurn } from '../src/types.ts';
import { check, ctxFor } from './fixtures/checks/run.ts';
import { refundCase } from './fixtures/checks/traces.ts';

function turn(user: string, output: string, tool_calls?: ToolCall[]): TraceTurn {
  return { user, output, ...(tool_calls ? { tool_calls } : {}) };
}

const lookup = { name: 'lookup_order', arguments: { order_id: 'A-1001' } };
const refund = { name: 'issue_refund', arguments: { order_id: 'A-1001' } };

/** Order given in turn 1, refund asked in turn 3. */
const good = () =>
  assemble([
    turn('My order is A-1001.', 'Thanks, I have noted order A-1001.'),
    turn('It arrived broken.', 'Sorry to hear that. Would you like a refund?'),
    turn('Yes, refund it.', 'Your refund for A-1001 has been issued.', [lookup, refund]),
  ]);

const forgetful = () =>
  assemble([
    turn('My order is A-1001.', 'Thanks! How can I help?'),
    turn('It arrived broken.', 'Sorry to hear that.'),
    turn('Refund it please.', 'Sure. What is your order number?'),
  ]);

describe('remembers', () => {
  it('passes when the value is used later and never asked for again', async () => {
    const out = await check({ type: 'remembers', value: 'A-1001' }, good());
    expect(out).toMatchObject({ status: 'pass' });
    expect(out.reason).toMatch(/from turn 1 used in turn 1/);
    // A pattern: its match in the user's message is the value to remember.
    expect(await check({ type: 'remembers', pattern: 'A-\\d+' }, good())).toMatchObject({
      status: 'pass',
    });
  });

  it('fails when the assistant asks for it again', async () => {
    const out = await check(
      { type: 'remembers', value: 'A-1001', ask: 'order (number|id)' },
      forgetful(),
    );
    expect(out.status).toBe('fail');
    expect(out.reason).toMatch(/turn 3 asks again for "A-1001" \(given in turn 1\)/);
    // The default request phrases find it too.
    expect((await check({ type: 'remembers', value: 'A-1001' }, forgetful())).status).toBe('fail');
  });

  it('fails when the value is never used after it was given', async () => {
    const t = assemble([turn('Order A-1001.', 'Noted.'), turn('Refund it.', 'Done, refunded.')]);
    const out = await check({ type: 'remembers', value: 'A-1001' }, t);
    expect(out.status).toBe('fail');
    expect(out.reason).toMatch(/never used/);
  });

  it('is an error on a single-turn trace, or when the user never gave the value', async () => {
    expect((await check({ type: 'remembers', value: 'A-1001' }, { output: 'A-1001' })).status).toBe(
      'error',
    );
    const out = await check({ type: 'remembers', value: 'B-2' }, good());
    expect(out).toMatchObject({ status: 'error' });
    expect(out.reason).toMatch(/never gave/);
  });

  it('needs value or pattern', async () => {
    await expect(check({ type: 'remembers' }, good())).rejects.toThrow(/value or pattern/);
  });
});

describe('no_repeated_question', () => {
  it('passes when every question is new', async () => {
    expect(await check({ type: 'no_repeated_question' }, good())).toMatchObject({
      status: 'pass',
    });
  });

  it('fails when a later turn asks (nearly) the same question', async () => {
    const t = assemble([
      turn('Hi', 'What is your order number, please?'),
      turn('Broken item', 'I see. What is your order number?'),
    ]);
    const out = await check({ type: 'no_repeated_question' }, t);
    expect(out.status).toBe('fail');
    expect(out.reason).toMatch(/turn 2 asks again what turn 1 asked/);
    // A stricter threshold lets a rewording through.
    const reworded = assemble([
      turn('Hi', 'What is your order number?'),
      turn('Broken', 'Could you give me the order number on your receipt?'),
    ]);
    expect((await check({ type: 'no_repeated_question' }, reworded)).status).toBe('pass');
  });

  it('is an error on a single-turn trace', async () => {
    expect((await check({ type: 'no_repeated_question' }, { output: 'Why? Why?' })).status).toBe(
      'error',
    );
  });
});

describe('goal_reached', () => {
  it('passes when the goal call is made within N turns', async () => {
    const out = await check(
      { type: 'goal_reached', tool: 'issue_refund', args: { order_id: 'A-1001' }, within: 3 },
      good(),
    );
    expect(out).toMatchObject({ status: 'pass' });
    expect(out.reason).toMatch(/turn 3/);
  });

  it('fails when it comes too late, with other arguments, or never', async () => {
    const late = await check({ type: 'goal_reached', tool: 'issue_refund', within: 2 }, good());
    expect(late.status).toBe('fail');
    expect(late.reason).toMatch(/first called in turn 3, not within 2 turns/);
    const other = await check(
      { type: 'goal_reached', tool: 'issue_refund', args: { order_id: 'B-9' } },
      good(),
    );
    expect(other.status).toBe('fail');
    expect((await check({ type: 'goal_reached', tool: 'issue_refund' }, forgetful())).status).toBe(
      'fail',
    );
  });

  it('needs a tool or a goal, not both', async () => {
    await expect(check({ type: 'goal_reached' }, good())).rejects.toThrow(/give tool/);
    await expect(check({ type: 'goal_reached', tool: 'x', goal: 'y' }, good())).rejects.toThrow(
      /give tool/,
    );
  });

  describe('in words, through the judge', () => {
    let server: Server;
    let baseURL = '';
    const seen: any[] = [];
    let verdict: unknown = { pass: true, reason: 'refund issued' };
    beforeAll(async () => {
      server = createServer((req, res) => {
        let text = '';
        req.on('data', (d) => (text += d));
        req.on('end', () => {
          const body = JSON.parse(text);
          seen.push(body);
          if (verdict === 500) {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ error: { message: 'down' } }));
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id: 'j',
              object: 'chat.completion',
              created: 1,
              model: body.model,
              choices: [
                {
                  index: 0,
                  message: { role: 'assistant', content: JSON.stringify(verdict), refusal: null },
                  finish_reason: 'stop',
                },
              ],
            }),
          );
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      baseURL = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    const judge = () =>
      createJudge({ model: 'judge-mini', base_url: baseURL }, { apiKey: 'k', maxRetries: 0 });
    const spec = { type: 'goal_reached', goal: 'the customer gets a refund', within: 2 };

    it('passes or fails as the judge grades the conversation up to turn N', async () => {
      verdict = { pass: true, reason: 'refund issued' };
      const ok = await check(spec, good(), ctxFor({ judge: judge() }));
      expect(ok).toMatchObject({ status: 'pass', reason: 'refund issued' });
      const prompt = seen.at(-1).messages[1].content as string;
      expect(prompt).toContain('the customer gets a refund');
      expect(prompt).toContain('Conversation (2 turns)');
      expect(prompt).toContain('User: It arrived broken.');
      expect(prompt).not.toContain('Yes, refund it.'); // turn 3 is past `within`

      verdict = { pass: false, reason: 'no refund yet' };
      const no = await check({ ...spec, within: 1 }, good(), ctxFor({ judge: judge() }));
      expect(no).toMatchObject({ status: 'fail', reason: 'no refund yet' });
    });

    it('is an error without a judge or when the judge fails', async () => {
      expect((await check(spec, good())).status).toBe('error');
      verdict = 500;
      const out = await check({ ...spec, within: 3 }, good(), ctxFor({ judge: judge() }));
      expect(out.status).toBe('error');
    });
  });
});

describe('claim_requires_tool across turns', () => {
  const spec = {
    type: 'claim_requires_tool',
    claim: 'refund .* (has been|was) issued',
    tool: 'issue_refund',
  };

  it('passes when the call came in or before the turn that claims it', async () => {
    const t = assemble([
      turn('Refund A-1001', 'Refunding now.', [refund]),
      turn('Thanks', 'Your refund for A-1001 has been issued.'),
    ]);
    expect((await check(spec, t)).status).toBe('pass');
  });

  it('fails for a claim in an early turn whose call only came later', async () => {
    const t = assemble([
      turn('Refund A-1001', 'Your refund for A-1001 has been issued.'),
      turn('Really?', 'Let me actually do it now.', [refund]),
    ]);
    const out = await check(spec, t);
    expect(out.status).toBe('fail');
    expect(out.reason).toMatch(/turn 1 claims .* not called in turns 1–1/);
  });

  it('scoped to a turn, reads that turn’s claim against the calls of turns 1..n', async () => {
    const t = assemble([
      turn('Refund A-1001', 'OK.', [refund]),
      turn('Status?', 'Your refund for A-1001 has been issued.'),
    ]);
    const [r] = await runChecks([{ ...spec, mode: 'm', turn: 2 } as CheckSpec], t, ctxFor());
    expect(r.status).toBe('pass');
  });

  it('errors with an invalid claim regex', async () => {
    const t = good();
    const def = (await import('../src/checks/registry.ts')).getCheck('claim_requires_tool')!;
    const out = def.run({ ...spec, claim: '(', mode: 'm' } as never, t, ctxFor());
    expect((out as { status: string }).status).toBe('error');
  });
});

describe('turn: scoping in the check runner', () => {
  const specs = (extra: Partial<CheckSpec>[]): CheckSpec[] =>
    extra.map((e) => ({ type: 'contains', mode: 'm', value: 'refund', ...e }) as CheckSpec);

  it('gives every existing check the turn it asks for', async () => {
    const results = await runChecks(
      [
        ...specs([{ turn: 1 }, { turn: 3 }, {}]),
        { type: 'tool_called', mode: 'm', name: 'issue_refund', turn: 1 } as CheckSpec,
        { type: 'tool_called', mode: 'm', name: 'issue_refund', turn: 3 } as CheckSpec,
        { type: 'tool_called', mode: 'm', name: 'issue_refund' } as CheckSpec,
      ],
      good(),
      ctxFor(),
    );
    expect(results.map((r) => [r.turn, r.status])).toEqual([
      [1, 'fail'],
      [3, 'pass'],
      [undefined, 'pass'],
      [1, 'fail'],
      [3, 'pass'],
      [undefined, 'pass'],
    ]);
  });

  it('a turn the trace does not have is an error, never a pass', async () => {
    const twoTurns = assemble([turn('a', 'refund'), turn('b', 'refund')]);
    const scripted = { ...refundCase(), turns: [{ user: 'a' }, { user: 'b' }, { user: 'c' }] };
    const [scoped, whole] = await runChecks(
      specs([{ turn: 3 }, {}]),
      twoTurns,
      ctxFor({ case: scripted }),
    );
    expect(scoped).toMatchObject({
      status: 'error',
      reason: 'turn 3: the system returned 2 turns, the case scripts 3',
    });
    expect(whole).toMatchObject({
      status: 'error',
      reason: 'the system returned 2 turns, the case scripts 3',
    });
    // A single-turn trace is its own turn 1, and has no turn 2.
    const single: Trace = { output: 'refund' };
    const [one, two] = await runChecks(specs([{ turn: 1 }, { turn: 2 }]), single, ctxFor());
    expect(one.status).toBe('pass');
    expect(two).toMatchObject({ status: 'error', reason: 'turn 2: the conversation has 1 turn' });
  });
});
