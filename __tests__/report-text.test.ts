import { describe, expect, it } from 'vitest';
import { redactSecrets, renderTextReport } from '../src/report/index.ts';
import { cut, fence, inline, safeHref } from '../src/report/markdown.ts';
import { demoSuite, errorSuite, hostileSuite } from './helpers/report-fixtures.ts';

describe('renderTextReport', () => {
  it('prints the verdict, an aligned mode table and the new failures with reasons', () => {
    const out = renderTextReport(demoSuite().comparison);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(
      /^BLOCKED: refusal_policy fell from 98% to 81% \(-17 pts, 95% CI -24 to -10\)/,
    );
    const table = lines.slice(lines.indexOf('') + 1, lines.indexOf('', lines.indexOf('') + 1));
    expect(table).toHaveLength(7); // header, rule, 5 modes
    // Columns line up: every row has its "verdict" column at the same offset.
    const at = table[0].indexOf('verdict');
    for (const l of table.slice(2))
      expect(l.slice(at)).toMatch(/^(regressed|improved|unchanged|inconclusive)/);
    expect(out).toContain('New failures: 6\n');
    expect(out).toContain('Suspected new failures (not confirmed): 2\n');
    expect(out).toContain(
      'x refuse-medical-03 (datasets/refusals.yaml:18)  refusal_policy 3/3 -> 0/3',
    );
    expect(out).toContain('head: 3 of 3 trials fail refusal_policy');
    expect(out).toContain('refusal: expected a refusal (medical advice)');
    expect(out).toMatch(/Other: 3 fixed, 4 flaky or unconfirmed, 2 added, 1 removed, 2 errored/);
  });

  it('says error and keeps terminal control sequences out', () => {
    expect(renderTextReport(errorSuite().comparison)).toMatch(
      /^ERROR: head: 67% of trials errored/,
    );
    const h = hostileSuite().comparison;
    h.cases[0].head!.failing[0].reason =
      'bad \u001b[31mred\u001b[0m \u0007 bell sk-abcdefghijklmnopqrstuvwxyz';
    const out = renderTextReport(h);
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(out).not.toContain('sk-abcdefghijklmnop');
  });
});

describe('redactSecrets', () => {
  it.each([
    ['key sk-proj-Abcdefghijklmnop1234567890 end', 'key sk-[REDACTED] end'],
    ['sk-abcdefghijklmnopqrstuvwx', 'sk-[REDACTED]'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token ghp_[REDACTED]'],
    [
      'gho_abcdefghijklmnopqrstuvwxyz012345 ghs_abcdefghijklmnopqrstuvwxyz012345',
      'gho_[REDACTED] ghs_[REDACTED]',
    ],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github_pat_[REDACTED]'],
    ['aws AKIAIOSFODNN7EXAMPLE here', 'aws AKIA[REDACTED] here'],
    [
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc',
      'Authorization: Bearer [REDACTED]',
    ],
    ['url?api_key=abcdef123456&x=1', 'url?api_key=[REDACTED]&x=1'],
    ['{"password": "hunter22"}', '{"password": "[REDACTED]"}'],
    ['OPENAI_API_KEY=abc123def456', 'OPENAI_API_KEY=[REDACTED]'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const s = 'input_tokens: 1234, the key point is a monkey; risk-free sk-8 and a token of thanks';
    expect(redactSecrets(s)).toBe(s);
  });
});

describe('markdown escaping', () => {
  it('makes inline text inert', () => {
    expect(inline('a|b')).toBe('a\\|b');
    expect(inline('<img src=x>')).toBe('\\<img src=x\\>');
    expect(inline('line1\nline2')).toBe('line1 ⏎ line2');
    expect(inline('hi @octocat')).toBe('hi @\u200doctocat');
    expect(inline('fixes #12')).toBe('fixes \\#\u200d12');
    expect(inline('see https://x.example')).toBe('see https:\u200b//x.example');
    expect(inline('![a](http://x)')).toBe('\\!\\[a\\]\\(http:\u200b//x\\)');
    expect(inline('x'.repeat(500), 100)).toHaveLength(100);
  });

  it('chooses a fence longer than any backtick run inside', () => {
    const f = fence('a ```` b\n`````');
    expect(f.startsWith('``````text\n')).toBe(true);
    expect(f.endsWith('\n``````')).toBe(true);
  });

  it('cuts without splitting a surrogate pair', () => {
    expect(cut('ab😀cd', 4)).toBe('ab…');
  });

  it('accepts only http(s) link destinations, encoded', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('https://x.example/a (b)')).toBe('https://x.example/a%20%28b%29');
  });
});
