/**
 * The statistics against independent references written here: brute-force enumeration with
 * BigInt counts (McNemar, Fisher, stratified, sign-flip), the Agresti–Min formula from the 2x2
 * cells, and worked multiplicity examples from the original papers.
 */
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  holm,
  normalCdf,
  pairedInterval,
  signFlipTest,
  stratifiedTest,
  stratifiedTestOf,
  wilson,
  type Stratum,
} from '../src/compare/stats.ts';

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 0; i < k; i++) r = (r * BigInt(n - i)) / BigInt(i + 1);
  return r;
}

/** McNemar's exact one-sided p: discordant pairs are fair coins; T = head-only passes. */
function mcnemarExact(headOnly: number, baseOnly: number): [number, number] {
  const n = headOnly + baseOnly;
  let below = 0n;
  let above = 0n;
  for (let j = 0; j <= n; j++) {
    if (j <= headOnly) below += choose(n, j);
    if (j >= headOnly) above += choose(n, j);
  }
  const total = 2n ** BigInt(n);
  return [Number(below) / Number(total), Number(above) / Number(total)];
}

/**
 * Fisher's exact test by enumerating every way to pick which kh of the n pooled trials are the
 * head's (bit masks), counting the head's passes in each.
 */
function fisherByEnumeration(kb: number, xb: number, kh: number, xh: number): [number, number] {
  const n = kb + kh;
  const t = xb + xh;
  let below = 0;
  let above = 0;
  let all = 0;
  for (let mask = 0; mask < 1 << n; mask++) {
    let size = 0;
    let passes = 0;
    for (let j = 0; j < n; j++) {
      if (mask & (1 << j)) {
        size++;
        if (j < t) passes++; // trials 0..t-1 are the passing ones
      }
    }
    if (size !== kh) continue;
    all++;
    if (passes <= xh) below++;
    if (passes >= xh) above++;
  }
  return [below / all, above / all];
}

/** Stratified test by the full product of every stratum's head-subset choices. */
function stratifiedByEnumeration(strata: Stratum[]): [number, number] {
  // Distribution of each stratum's head passes by enumeration, then the exact product.
  let dist = new Map<number, bigint>([[0, 1n]]);
  let total = 1n;
  let obs = 0;
  for (const s of strata) {
    const n = s.kb + s.kh;
    const t = s.xb + s.xh;
    obs += s.xh;
    const counts = new Map<number, bigint>();
    let ways = 0n;
    for (let mask = 0; mask < 1 << n; mask++) {
      let size = 0;
      let passes = 0;
      for (let j = 0; j < n; j++) {
        if (mask & (1 << j)) {
          size++;
          if (j < t) passes++;
        }
      }
      if (size !== s.kh) continue;
      counts.set(passes, (counts.get(passes) ?? 0n) + 1n);
      ways++;
    }
    const next = new Map<number, bigint>();
    for (const [a, wa] of dist)
      for (const [b, wb] of counts) next.set(a + b, (next.get(a + b) ?? 0n) + wa * wb);
    dist = next;
    total *= ways;
  }
  let below = 0n;
  let above = 0n;
  for (const [v, w] of dist) {
    if (v <= obs) below += w;
    if (v >= obs) above += w;
  }
  return [Number((below * 10n ** 18n) / total) / 1e18, Number((above * 10n ** 18n) / total) / 1e18];
}

describe('exact stratified test', () => {
  it('equals McNemar exact at k = 1', () => {
    for (const [headOnly, baseOnly, concordant] of [
      [0, 7, 30],
      [2, 9, 10],
      [5, 5, 0],
      [12, 3, 40],
      [1, 20, 100],
    ]) {
      const strata: Stratum[] = [];
      for (let i = 0; i < headOnly; i++) strata.push({ kb: 1, xb: 0, kh: 1, xh: 1 });
      for (let i = 0; i < baseOnly; i++) strata.push({ kb: 1, xb: 1, kh: 1, xh: 0 });
      for (let i = 0; i < concordant; i++)
        strata.push(i % 2 ? { kb: 1, xb: 1, kh: 1, xh: 1 } : { kb: 1, xb: 0, kh: 1, xh: 0 });
      const r = stratifiedTestOf(strata);
      const [pReg, pImp] = mcnemarExact(headOnly, baseOnly);
      expect(r.method).toBe('exact');
      expect(Math.abs(r.p_reg - pReg)).toBeLessThan(1e-9);
      expect(Math.abs(r.p_imp - pImp)).toBeLessThan(1e-9);
    }
  });

  it('equals Fisher exact for a single case', () => {
    for (const [kb, xb, kh, xh] of [
      [3, 3, 3, 0],
      [3, 2, 3, 1],
      [5, 5, 5, 0],
      [5, 4, 4, 1],
      [2, 0, 6, 5],
      [8, 6, 8, 2],
    ]) {
      const r = stratifiedTestOf([{ kb, xb, kh, xh }]);
      const [pReg, pImp] = fisherByEnumeration(kb, xb, kh, xh);
      expect(Math.abs(r.p_reg - pReg)).toBeLessThan(1e-9);
      expect(Math.abs(r.p_imp - pImp)).toBeLessThan(1e-9);
    }
    // The smallest p with k = 3 per side: 1 / C(6, 3).
    expect(stratifiedTestOf([{ kb: 3, xb: 3, kh: 3, xh: 0 }]).p_reg).toBeCloseTo(1 / 20, 12);
  });

  it('equals brute-force enumeration over several unequal strata', () => {
    const strata: Stratum[] = [
      { kb: 3, xb: 2, kh: 3, xh: 0 },
      { kb: 2, xb: 1, kh: 3, xh: 1 },
      { kb: 1, xb: 1, kh: 1, xh: 0 },
      { kb: 3, xb: 1, kh: 2, xh: 2 },
      { kb: 3, xb: 3, kh: 3, xh: 3 }, // uninformative: skipped
      { kb: 4, xb: 3, kh: 2, xh: 0 },
      { kb: 3, xb: 2, kh: 3, xh: 0 },
    ];
    const r = stratifiedTestOf(strata);
    const [pReg, pImp] = stratifiedByEnumeration(strata);
    expect(r.informative).toBe(6);
    expect(Math.abs(r.p_reg - pReg)).toBeLessThan(1e-9);
    expect(Math.abs(r.p_imp - pImp)).toBeLessThan(1e-9);
  });

  it('uses the normal approximation above the support cap, close to the exact value', () => {
    const kb: number[] = [];
    const xb: number[] = [];
    const kh: number[] = [];
    const xh: number[] = [];
    for (let i = 0; i < 3000; i++) {
      kb.push(3);
      kh.push(3);
      xb.push(1 + (i % 2));
      xh.push(i % 7 === 0 ? 0 : 1 + ((i + 1) % 2));
    }
    const exact = stratifiedTest(kb, xb, kh, xh, kb.length, 1e9);
    const normal = stratifiedTest(kb, xb, kh, xh, kb.length, 100);
    expect(exact.method).toBe('exact');
    expect(normal.method).toBe('normal');
    expect(exact.p_reg).toBeLessThan(0.01);
    expect(Math.abs(Math.log(normal.p_reg / exact.p_reg))).toBeLessThan(0.15);
    expect(Math.abs(normal.p_imp - exact.p_imp)).toBeLessThan(1e-3);
  });

  it('returns p = 1 with no informative strata', () => {
    const r = stratifiedTestOf([
      { kb: 3, xb: 3, kh: 3, xh: 3 },
      { kb: 2, xb: 0, kh: 2, xh: 0 },
      { kb: 0, xb: 0, kh: 3, xh: 1 },
    ]);
    expect([r.p_reg, r.p_imp, r.informative]).toEqual([1, 1, 0]);
  });

  it('normal CDF matches known values, including the far tail', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 9);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 8);
  });
});

describe('intervals', () => {
  it('the paired interval equals Agresti–Min at k = 1', () => {
    // Agresti & Min (2005): add 1/2 to every cell of the paired 2x2 table, then the Wald
    // interval for p2+ - p+2 with the adjusted cells.
    for (const [n11, n12, n21, n22] of [
      [40, 10, 3, 47],
      [0, 0, 0, 5],
      [5, 0, 9, 1],
      [100, 20, 20, 60],
    ]) {
      const a = n11 + 0.5;
      const b = n12 + 0.5; // base pass, head fail
      const c = n21 + 0.5; // base fail, head pass
      const d = n22 + 0.5;
      const n = a + b + c + d;
      const diff = (c - b) / n;
      const se = Math.sqrt(((b + c) / n - ((c - b) / n) ** 2) / n);
      const am: [number, number] = [diff - 1.959963984540054 * se, diff + 1.959963984540054 * se];

      const ds: number[] = [
        ...Array<number>(n11).fill(0),
        ...Array<number>(n12).fill(-1),
        ...Array<number>(n21).fill(1),
        ...Array<number>(n22).fill(0),
      ];
      const sum = ds.reduce((x, y) => x + y, 0);
      const sum2 = ds.reduce((x, y) => x + y * y, 0);
      const r = pairedInterval(sum, sum2, ds.length);
      expect(r.ci[0]).toBeCloseTo(Math.max(-1, am[0]), 12);
      expect(r.ci[1]).toBeCloseTo(Math.min(1, am[1]), 12);
      expect(r.ci[1] - r.ci[0]).toBeGreaterThan(0);
    }
  });

  it('Wilson interval matches the textbook value', () => {
    // 81 of 263 (Wilson 1927 style example; values from the closed form).
    const [lo, hi] = wilson(81, 263);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
    expect(wilson(0, 0)).toEqual([0, 1]);
    const [l0, h0] = wilson(0, 10);
    expect(l0).toBe(0);
    expect(h0).toBeCloseTo(0.2775, 4);
  });
});

describe('multiplicity', () => {
  // Benjamini & Hochberg (1995), section 4: 15 p-values; at 0.05 BH rejects 4, Holm 3.
  const p = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
    0.6528, 0.759, 1.0,
  ];

  it('Benjamini–Hochberg rejects the 4 hypotheses of the paper', () => {
    const q = benjaminiHochberg(p);
    expect(q.filter((x) => x <= 0.05).length).toBe(4);
    expect(q[3]).toBeCloseTo((0.0095 * 15) / 4, 12);
    expect(q[0]).toBeCloseTo(0.0001 * 15, 12);
    // Step-up: rank 6 takes the smaller value of rank 7.
    expect(q[5]).toBeCloseTo((0.0298 * 15) / 7, 12);
  });

  it('Holm rejects 3 of the same and adjusts step-down', () => {
    const a = holm(p);
    expect(a.filter((x) => x <= 0.05).length).toBe(3);
    expect(a[2]).toBeCloseTo(0.0019 * 13, 12);
    expect(a[3]).toBeCloseTo(0.0095 * 12, 12);
    expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual(
      [0.03, 0.06, 0.06, 0.02].map((x) => expect.closeTo(x, 12)),
    );
  });

  it('handles ties and input order', () => {
    expect(benjaminiHochberg([0.02, 0.02, 0.5])).toEqual([0.03, 0.03, 0.5]);
    expect(holm([0.02, 0.02, 0.5])).toEqual([0.06, 0.06, 0.5]);
  });
});

describe('sign-flip test', () => {
  function bruteForce(d: number[]): [number, number] {
    const nz = d.filter((x) => x !== 0);
    const obs = nz.reduce((s, x) => s + x, 0);
    let below = 0;
    let above = 0;
    for (let mask = 0; mask < 1 << nz.length; mask++) {
      let s = 0;
      nz.forEach((x, j) => (s += mask & (1 << j) ? Math.abs(x) : -Math.abs(x)));
      if (s <= obs) below++;
      if (s >= obs) above++;
    }
    const all = 2 ** nz.length;
    return [below / all, above / all];
  }

  it('equals brute-force enumeration of the sign flips', () => {
    for (const d of [
      [-3, -2, 1, 0, -1, -3, 2, -1, 0, -2, -1, 1, -3],
      [1, 1, 1, -1, 2, 0],
      [-1, -1, -1, -1],
      [3, -2, 2, -1, 1, 0, 0, -3, 2, 1, -1, 2],
    ]) {
      const r = signFlipTest(d);
      const [pReg, pImp] = bruteForce(d);
      expect(Math.abs(r.p_reg - pReg)).toBeLessThan(1e-9);
      expect(Math.abs(r.p_imp - pImp)).toBeLessThan(1e-9);
    }
    expect(signFlipTest([0, 0]).p_reg).toBe(1);
  });
});
