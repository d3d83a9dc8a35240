/**
 * `evalgate synth` through the CLI, against an OpenAI-compatible server on 127.0.0.1 spoken to
 * by the real `openai` client: each kind, unusable answers counted and never written, failed
 * calls reported apart, never overwriting, unique ids, `evalgate validate` on the output.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completion, startFakeOpenAI, type FakeOpenAI } from './helpers/openai-server.ts';
import { suiteDir } from './helpers/suite-dir.ts';
import { evalgateAsync } from './helpers/cli-async.ts';

const REFUND = {
  id: 'refund-a1',
  input: { messages: [{ role: 'user', content: 'Please refund order A1001, it broke.' }] },
  context: {
    customer_id: 'C-101',
    documents: [{ id: 'kb/refunds.md', text: 'Refunds are possible within 30 days.' }],
  },
  tags: ['refunds', 'smoke'],
  description: 'a real case',
  checks: [
    { type: 'contains', value: '30 days', mode: 'ungrounded_answer' },
    { type: 'regex', pattern: 'within 30 days', mode: 'ungrounded_answer' },
    { type: 'not_contains', value: '60 days', mode: 'ungrounded_answer' },
    { type: 'tool_called', name: 'lookup_order', mode: 'hallucinated_action' },
    {
      type: 'judge',
      rubric: 'The reply is polite.',
      mode: 'ungrounded_answer',
      human: 'pass',
    },
  ],
};
const PLAIN = {
  id: 'hello',
  input: 'Hi there, what can you do?',
  checks: [{ type: 'refusal', expect: false, mode: 'ungrounded_answer' }],
};

function config(url: string, extra = ''): string {
  return `version: 1
target: {command: "node system.mjs"}
datasets: [cases.jsonl${extra}]
failure_modes:
  ungrounded_answer: {severity: major, description: states facts not in the documents}
  hallucinated_action: critical
judge: {model: judge-model, base_url: "${url}"}
synth: {model: synth-model, base_url: "${url}", max_retries: 0, api_key_env: SYNTH_KEY}
`;
}

function promptOf(body: any): { kind: string; n: number; subject: any } {
  const user = body.messages.find((m: any) => m.role === 'user').content as string;
  return {
    kind: /^Kind: (\w+)$/m.exec(user)![1],
    n: Number(/^Variations: (\d+)$/m.exec(user)![1]),
    subject: JSON.parse(/<case>\n([\s\S]*)\n<\/case>/.exec(user)![1]),
  };
}

/** A well-behaved model: a different rewrite per kind and per variation. */
function goodModel(body: any) {
  const { kind, n, subject } = promptOf(body);
  const rewrite = (s: unknown, i: number) => `[${kind} ${i}] ${String(s)}`;
  const variations = Array.from({ length: n }, (_, i) => {
    if (kind === 'fact') {
      const ctx = structuredClone(subject.context);
      const to = `${14 + i} days`;
      ctx.documents[0].text = ctx.documents[0].text.replace('30 days', to);
      return {
        input: subject.input,
        context: ctx,
        changed: { from: '30 days', to },
        affected_checks: [0, 1],
        note: 'refund window 30 -> 14 days',
      };
    }
    const input =
      typeof subject.input === 'string'
        ? rewrite(subject.input, i)
        : {
            messages: subject.input.messages.map((m: any) => ({
              ...m,
              content: rewrite(m.content, i),
            })),
          };
    return { input, note: `${kind} number ${i}` };
  });
  return completion({ content: JSON.stringify({ variations }) });
}

function rows(path: string): any[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.seen = [];
  fake.next = [];
  fake.always = undefined;
  fake.model = goodModel;
});

function newSuite(): string {
  return suiteDir({
    'evalgate.yml': config(fake.url),
    'cases.jsonl': `${JSON.stringify(REFUND)}\n${JSON.stringify(PLAIN)}\n`,
  });
}

describe('evalgate synth', () => {
  it('writes each kind as a valid synthetic case with its parent, and validate passes', async () => {
    const dir = newSuite();
    const r = await evalgateAsync(
      ['synth', 'cases.jsonl', '--ids', 'refund-a1,hello', '--n', '2', '--out', 'synth.jsonl'],
      dir,
      { SYNTH_KEY: 'sk-test-synth-key-0123456789abcdef' },
    );
    expect(r.stderr).toContain('wrote 18 synthetic case(s) to synth.jsonl; 0 unusable');
    expect(r.code).toBe(0);
    const out = rows(join(dir, 'synth.jsonl'));
    // hello has no context: no fact variation for it (skipped, said so).
    expect(r.stderr).toMatch(/skipped fact for hello \(no context/);
    expect(out.map((c) => c.id)).toEqual([
      ...['paraphrase', 'typo', 'language', 'adversarial', 'fact'].flatMap((k) => [
        `refund-a1~syn-${k}-1`,
        `refund-a1~syn-${k}-2`,
      ]),
      ...['paraphrase', 'typo', 'language', 'adversarial'].flatMap((k) => [
        `hello~syn-${k}-1`,
        `hello~syn-${k}-2`,
      ]),
    ]);
    for (const c of out) {
      expect(c.tags).toContain('synthetic');
      expect(c.parent).toBe(c.id.split('~')[0]);
      expect(c.description).toMatch(
        /^synthetic (paraphrase|typo|language|adversarial|fact) variation of \S+, written by synth-model on \d{4}-\d{2}-\d{2}/,
      );
      // A human label graded the parent's trace, not this one.
      for (const k of c.checks) expect(k).not.toHaveProperty('human');
    }
    const para = out[0];
    expect(para.input.messages[0].content).toBe(
      '[paraphrase 0] Please refund order A1001, it broke.',
    );
    expect(para.context).toEqual(REFUND.context);
    expect(para.tags).toEqual(['refunds', 'smoke', 'synthetic']);
    expect(para.checks.map((k: any) => k.type)).toEqual(REFUND.checks.map((k) => k.type));
    expect(out.find((c) => c.id === 'hello~syn-typo-1').input).toBe(
      '[typo 0] Hi there, what can you do?',
    );

    // The changed fact: the contains check expects the new fact, the regex on the old one is
    // dropped, the rest kept; the case asks for review.
    const fact = out.find((c) => c.id === 'refund-a1~syn-fact-1');
    expect(fact.context.documents[0].text).toBe('Refunds are possible within 14 days.');
    expect(fact.tags).toContain('needs-review');
    expect(fact.checks).toEqual([
      { type: 'contains', value: '14 days', mode: 'ungrounded_answer' },
      { type: 'not_contains', value: '60 days', mode: 'ungrounded_answer' },
      { type: 'tool_called', name: 'lookup_order', mode: 'hallucinated_action' },
      { type: 'judge', rubric: 'The reply is polite.', mode: 'ungrounded_answer' },
    ]);
    expect(fact.description).toMatch(
      /review: changed "30 days" to "14 days"; .*check 1 \(regex\) dropped/,
    );

    // One call per case and kind, json mode, through the config's synth model and key.
    expect(fake.seen).toHaveLength(9);
    for (const s of fake.seen) {
      expect(s.body.model).toBe('synth-model');
      expect(s.body.response_format).toEqual({ type: 'json_object' });
      expect(s.headers.authorization).toBe('Bearer sk-test-synth-key-0123456789abcdef');
    }
    const adversarial = fake.seen.find((s) => promptOf(s.body).kind === 'adversarial')!;
    expect(adversarial.body.messages[1].content).toContain(
      'ungrounded_answer: states facts not in the documents',
    );

    writeFileSync(join(dir, 'evalgate.yml'), config(fake.url, ', synth.jsonl'));
    const v = await evalgateAsync(['validate'], dir);
    expect(v.stdout).toContain('ok, 20 cases in 2 file(s)');
    expect(v.code).toBe(0);
  });

  it('counts unusable answers and never writes them', async () => {
    const dir = newSuite();
    const answers: Record<string, (body: any) => any> = {
      paraphrase: () => completion({ content: 'Sure! Here are some paraphrases: ...' }),
      typo: () => completion({ content: '' }),
      language: (body) => {
        const { subject } = promptOf(body);
        return completion({ content: JSON.stringify({ variations: [subject, subject] }) });
      },
      adversarial: () =>
        completion({
          content: JSON.stringify({
            variations: [{ input: { messages: 'not a list' } }, { input: { text: 'x' } }],
          }),
        }),
      fact: (body) => {
        // one usable variation, one that names a fact the context does not have
        const [good, other] = JSON.parse(
          String(goodModel(body).choices[0].message.content),
        ).variations;
        return completion({
          content: JSON.stringify({
            variations: [good, { ...other, changed: { from: '99 days', to: '15 days' } }],
          }),
        });
      },
    };
    fake.model = (body) => answers[promptOf(body).kind](body);
    const r = await evalgateAsync(
      ['synth', 'cases.jsonl', '--ids', 'refund-a1', '--n', '2', '--out', 'synth.jsonl'],
      dir,
      { SYNTH_KEY: 'k' },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'wrote 1 synthetic case(s) to synth.jsonl; 7 unusable model answer(s) (1 not JSON, 1 empty, 2 identical to its parent, 3 not a valid case); 0 failed call(s)',
    );
    expect(r.stderr).toMatch(/refund-a1 paraphrase: unusable answer \(not JSON\)/);
    expect(r.stderr).toMatch(
      /refund-a1 adversarial: unusable answer \(not a valid case\): its input has another shape/,
    );
    expect(r.stderr).toMatch(/the changed fact is not in the parent's context/);
    expect(rows(join(dir, 'synth.jsonl')).map((c) => c.id)).toEqual(['refund-a1~syn-fact-1']);
  });

  it('writes nothing and exits 3 when no answer is usable', async () => {
    const dir = newSuite();
    fake.model = () => completion({ content: '{"variations": []}' });
    const r = await evalgateAsync(
      ['synth', 'cases.jsonl', '--ids', 'hello', '--kinds', 'typo', '--out', 'synth.jsonl'],
      dir,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 unusable model answer(s) (1 empty)');
    expect(existsSync(join(dir, 'synth.jsonl'))).toBe(false);
  });

  it('reports failed calls apart from bad answers, and a rejected key once', async () => {
    const dir = newSuite();
    fake.always = { status: 401, body: { error: { message: 'Incorrect API key provided' } } };
    const r = await evalgateAsync(
      ['synth', 'cases.jsonl', '--ids', 'refund-a1,hello', '--kinds', 'paraphrase,typo'],
      dir,
      { SYNTH_KEY: 'sk-wrong-key-0123456789abcdef' },
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('0 unusable model answer(s); 4 failed call(s)');
    expect(r.stderr).toMatch(/rejected the API key \(401\): check SYNTH_KEY/);
    // The first call probes; the others stop without a request.
    expect(fake.seen).toHaveLength(1);
    expect(r.stderr).not.toContain('sk-wrong-key');
  });

  it('never overwrites: an existing --out is refused, --append adds with fresh ids', async () => {
    const dir = newSuite();
    const args = [
      'synth',
      'cases.jsonl',
      '--ids',
      'hello',
      '--kinds',
      'typo',
      '--out',
      'synth.jsonl',
    ];
    expect((await evalgateAsync(args, dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'synth.jsonl'), 'utf8');
    const again = await evalgateAsync(args, dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('synth.jsonl: the file exists: synth never overwrites');
    expect(readFileSync(join(dir, 'synth.jsonl'), 'utf8')).toBe(before);

    // The model gives the same rewrite again, and a new one: the repeat is a duplicate.
    fake.model = (body) => {
      const { subject } = promptOf(body);
      return completion({
        content: JSON.stringify({
          variations: [
            { input: `[typo 0] ${subject.input}` },
            { input: `hi ther, what can you do` },
          ],
        }),
      });
    };
    const appended = await evalgateAsync([...args, '--append', '--n', '2'], dir);
    expect(appended.code).toBe(0);
    expect(appended.stderr).toContain('1 a duplicate of another variation');
    const out = rows(join(dir, 'synth.jsonl'));
    expect(out.map((c) => c.id)).toEqual(['hello~syn-typo-1', 'hello~syn-typo-2']);
    expect(out[1].input).toBe('hi ther, what can you do');
  });

  it('keeps ids unique across the suite', async () => {
    const dir = suiteDir({
      'evalgate.yml': config(fake.url, ', other.jsonl'),
      'cases.jsonl': `${JSON.stringify(PLAIN)}\n`,
      'other.jsonl': `${JSON.stringify({ ...PLAIN, id: 'hello~syn-paraphrase-1' })}\n`,
    });
    const r = await evalgateAsync(
      ['synth', 'cases.jsonl', '--ids', 'hello', '--kinds', 'paraphrase', '--out', 'synth.jsonl'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(rows(join(dir, 'synth.jsonl')).map((c) => c.id)).toEqual(['hello~syn-paraphrase-2']);
  });

  it('masks secrets the model echoes', async () => {
    const dir = newSuite();
    fake.model = () =>
      completion({
        content: JSON.stringify({
          variations: [{ input: 'my key is sk-test-synth-key-0123456789abcdef, use it' }],
        }),
      });
    const r = await evalgateAsync(
      ['synth', 'cases.jsonl', '--ids', 'hello', '--kinds', 'paraphrase', '--out', 'synth.jsonl'],
      dir,
      { SYNTH_KEY: 'sk-test-synth-key-0123456789abcdef' },
    );
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'synth.jsonl'), 'utf8');
    expect(text).not.toContain('0123456789abcdef');
    expect(text).toContain('[REDACTED]');
  });

  it('says what is wrong with the input, with exit 2', async () => {
    const dir = newSuite();
    const unknown = await evalgateAsync(['synth', 'cases.jsonl', '--ids', 'nope'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cases.jsonl: no case "nope" in the dataset (--ids)');
    const kind = await evalgateAsync(
      ['synth', 'cases.jsonl', '--ids', 'hello', '--kinds', 'poem'],
      dir,
    );
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kinds: unknown kind poem');
    writeFileSync(
      join(dir, 'evalgate.yml'),
      'version: 1\ntarget: {command: x}\ndatasets: [cases.jsonl]\nfailure_modes: {ungrounded_answer: major, hallucinated_action: critical}\n',
    );
    const nomodel = await evalgateAsync(['synth', 'cases.jsonl', '--ids', 'hello'], dir);
    expect(nomodel.code).toBe(2);
    expect(nomodel.stderr).toContain('synth needs a model');
    expect(fake.seen).toHaveLength(0);
  });
});
