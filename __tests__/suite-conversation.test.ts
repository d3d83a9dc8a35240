/**
 * Multi-turn cases in datasets and the config: what loads, and every mistake reported once, at
 * its file and line, with the field.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadSuite } from '../src/suite/index.ts';
import { BASE_CONFIG, TempSuites, expectProblem, suiteErrorOf } from './helpers/suite.ts';

const temp = new TempSuites();
afterAll(() => temp.cleanup());

const SCRIPT = [{ user: 'My order is A-1001.' }, { user: 'Refund it.' }];

/** A YAML dataset (line numbers are easy to read) under the base config plus `extra`. */
async function load(yaml: string, extra = '') {
  const dir = await temp.make({
    'evalgate.yml': BASE_CONFIG.replace('datasets/*.jsonl', 'datasets/*.yml') + extra,
    'datasets/a.yml': yaml,
  });
  return { dir, run: () => loadSuite(`${dir}/evalgate.yml`) };
}

async function problems(yaml: string, extra = '') {
  const { dir, run } = await load(yaml, extra);
  return { dir, err: await suiteErrorOf(run()) };
}

describe('multi-turn cases', () => {
  it('load with their turns, turn-scoped checks and conversation checks', async () => {
    const { run } = await load(`- id: conv
  turns:
    - user: My order is A-1001.
    - user: Refund it.
  checks:
    - {type: tool_called, mode: hallucinated_action, name: issue_refund, turn: 2}
    - {type: remembers, mode: hallucinated_action, value: A-1001}
    - {type: no_repeated_question, mode: tone}
- id: single
  input: {q: 1}
  checks:
    - {type: contains, mode: tone, value: x, turn: 1}
`);
    const suite = await run();
    const [conv, single] = suite.cases;
    expect(conv.turns).toEqual(SCRIPT);
    expect(conv.input).toEqual({}); // a conversation may leave input out
    expect(conv.checks[0].turn).toBe(2);
    expect(single.turns).toBeUndefined();
    // The script is part of what the hash covers: changing a turn is a changed case.
    const { run: other } = await load(`- id: conv
  turns:
    - user: My order is A-1002.
    - user: Refund it.
  checks:
    - {type: tool_called, mode: hallucinated_action, name: issue_refund, turn: 2}
    - {type: remembers, mode: hallucinated_action, pattern: "A-\\\\d+"}
    - {type: no_repeated_question, mode: tone}
`);
    expect((await other()).cases[0].hash).not.toBe(conv.hash);
  });

  it('a check on a turn the script does not have', async () => {
    const { dir, err } = await problems(`- id: conv
  turns:
    - user: a
    - user: b
  checks:
    - {type: contains, mode: tone, value: x, turn: 3}
`);
    expectProblem(
      err,
      { dir, file: 'datasets/a.yml', line: 6, field: 'checks[0].turn' },
      /^turn 3, but the case scripts 2 turns$/,
    );
  });

  it('a turn past 1 on a single-turn case, and a conversation check on one', async () => {
    const { dir, err } = await problems(`- id: one
  input: {q: 1}
  checks:
    - {type: contains, mode: tone, value: x, turn: 2}
    - {type: remembers, mode: tone, value: A-1}
`);
    expectProblem(
      err,
      { dir, file: 'datasets/a.yml', line: 4, field: 'checks[0].turn' },
      /single turn/,
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.yml', line: 5, field: 'checks[1].type' },
      /remembers reads a conversation/,
    );
  });

  it('a value to remember that the script never gives', async () => {
    const { dir, err } = await problems(`- id: conv
  turns:
    - user: hello
    - user: refund it
  checks:
    - {type: remembers, mode: tone, value: A-1001}
`);
    expectProblem(
      err,
      { dir, file: 'datasets/a.yml', line: 6, field: 'checks[0].value' },
      /no scripted user message contains "A-1001"/,
    );
  });

  it('a malformed turn, an empty script, and a missing input on a single-turn case', async () => {
    const { dir, err } = await problems(`- id: bad-turn
  turns:
    - usr: hello
  checks: [{type: contains, mode: tone, value: x}]
- id: empty
  turns: []
  checks: [{type: contains, mode: tone, value: x}]
- id: no-input
  checks: [{type: contains, mode: tone, value: x}]
`);
    expectProblem(err, { dir, file: 'datasets/a.yml', line: 3, field: 'turns[0].usr' }, /unknown/);
    expectProblem(err, { dir, file: 'datasets/a.yml', line: 6, field: 'turns' }, /at least one/);
    expectProblem(err, { dir, file: 'datasets/a.yml', line: 8, field: 'input' }, /required/);
  });
});

describe('simulated users', () => {
  const CASE = `- id: sim
  simulated_user:
    persona: a busy customer
    goal: get a refund for A-1001
    max_turns: 4
  checks:
    - {type: contains, mode: tone, value: x, turn: 5}
`;

  it('need a simulator in the config, and a turn within max_turns', async () => {
    const { dir, err } = await problems(CASE);
    expectProblem(
      err,
      { dir, file: 'datasets/a.yml', line: 2, field: 'simulated_user' },
      /needs a simulator in the config/,
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.yml', line: 7, field: 'checks[0].turn' },
      /simulated_user.max_turns is 4/,
    );
  });

  it('need a turn-by-turn target', async () => {
    const whole = await temp.make({
      'evalgate.yml':
        BASE_CONFIG.replace('datasets/*.jsonl', 'datasets/*.yml').replace(
          'command: node agent.js',
          'command: node agent.js\n  conversation: whole',
        ) + 'simulator: {model: sim}\n',
      'datasets/a.yml': CASE.replace('turn: 5', 'turn: 4'),
    });
    const e2 = await suiteErrorOf(loadSuite(`${whole}/evalgate.yml`));
    expectProblem(
      e2,
      { dir: whole, file: 'datasets/a.yml', line: 2, field: 'simulated_user' },
      /needs target.conversation: turns/,
    );
  });

  it('load with a simulator, and are not both a script and a simulation', async () => {
    const { run } = await load(
      CASE.replace('turn: 5', 'turn: 4'),
      'simulator: {model: sim, seed: 3}\n',
    );
    const suite = await run();
    expect(suite.config.simulator).toEqual({ model: 'sim', seed: 3 });
    expect(suite.cases[0].simulated_user).toMatchObject({ max_turns: 4 });

    const { dir, err } = await problems(
      CASE.replace('  checks:', '  turns: [{user: hi}]\n  checks:').replace('turn: 5', 'turn: 1'),
      'simulator: {model: sim}\n',
    );
    expectProblem(
      err,
      { dir, file: 'datasets/a.yml', line: 2, field: 'simulated_user' },
      /not both/,
    );
  });
});

describe('the config', () => {
  it('target.conversation is turns or whole', async () => {
    const dir = await temp.make({
      'evalgate.yml': BASE_CONFIG.replace(
        'command: node agent.js',
        'command: node agent.js\n  conversation: sometimes',
      ),
      'datasets/a.jsonl': JSON.stringify({
        id: 'a',
        input: 1,
        checks: [{ type: 'contains', value: 'x', mode: 'tone' }],
      }),
    });
    const err = await suiteErrorOf(loadSuite(`${dir}/evalgate.yml`));
    expect(err.message).toMatch(/evalgate.yml:4.*target.conversation/);
  });
});
