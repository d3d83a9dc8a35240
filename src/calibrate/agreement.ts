/**
 * How well a judge agrees with people, on pairs (human label, judge verdict). Pure.
 *
 * "Positive" here is pass: the true-pass rate is the share of human-passed traces the judge
 * passes, the true-fail rate the share of human-failed traces it fails (its sensitivity to
 * failures: a judge that misses failures cannot see a regression).
 *
 * Cohen's kappa corrects the raw agreement for the agreement two raters with these marginals
 * would reach by chance: kappa = (po - pe) / (1 - pe). Its 95% interval uses Cohen's (1960)
 * large-sample standard error, SE = sqrt(po (1 - po) / (n (1 - pe)^2)), clipped to [-1, 1]:
 * simple, and close to the exact interval from about 20 labels on; below that it is wide anyway.
 */

export type Verdict = 'pass' | 'fail';

export interface Confusion {
  /** human pass, judge pass */
  pass_pass: number;
  /** human pass, judge fail: a false alarm */
  pass_fail: number;
  /** human fail, judge pass: a missed failure */
  fail_pass: number;
  fail_fail: number;
}

export interface Agreement {
  n: number;
  confusion: Confusion;
  /** Share of pairs where the judge and the person agree; null without pairs. */
  agreement: number | null;
  /** Null when undefined: no pairs, or chance agreement is 1 (one verdict only on both sides). */
  kappa: number | null;
  kappa_ci: [number, number] | null;
  /** Null when no person passed (failed) a trace. */
  true_pass_rate: number | null;
  true_fail_rate: number | null;
}

const Z95 = 1.959964;

export function confusionOf(pairs: Iterable<{ human: Verdict; judge: Verdict }>): Confusion {
  const c: Confusion = { pass_pass: 0, pass_fail: 0, fail_pass: 0, fail_fail: 0 };
  for (const { human, judge } of pairs) c[`${human}_${judge}`]++;
  return c;
}

export function agreementOf(c: Confusion): Agreement {
  const n = c.pass_pass + c.pass_fail + c.fail_pass + c.fail_fail;
  const out: Agreement = {
    n,
    confusion: c,
    agreement: null,
    kappa: null,
    kappa_ci: null,
    true_pass_rate: null,
    true_fail_rate: null,
  };
  if (n === 0) return out;
  const humanPass = c.pass_pass + c.pass_fail;
  const humanFail = n - humanPass;
  const judgePass = c.pass_pass + c.fail_pass;
  const judgeFail = n - judgePass;
  const po = (c.pass_pass + c.fail_fail) / n;
  const pe = (humanPass * judgePass + humanFail * judgeFail) / (n * n);
  out.agreement = po;
  if (humanPass > 0) out.true_pass_rate = c.pass_pass / humanPass;
  if (humanFail > 0) out.true_fail_rate = c.fail_fail / humanFail;
  if (pe < 1) {
    const kappa = (po - pe) / (1 - pe);
    const se = Math.sqrt((po * (1 - po)) / (n * (1 - pe) ** 2));
    out.kappa = kappa;
    out.kappa_ci = [Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se)];
  }
  return out;
}
