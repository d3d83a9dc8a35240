import { createHash } from 'node:crypto';
import picomatch from 'picomatch';
import type { Case } from '../types.ts';

export interface Selection {
  /** Keep cases carrying any of these tags. */
  tags?: string[];
  /** Keep cases whose id matches any of these globs (`refund-*`). */
  filter?: string[];
  /** Keep a stable sample of N cases (the same N for the same suite, whatever the machine). */
  sample?: number;
  /** Keep shard `index` (1-based) of `total`, by a stable hash of the id. */
  shard?: { index: number; total: number };
}

/** A number from a case id that does not change between runs, machines or case order. */
function stableRank(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0);
}

/**
 * Picks the cases to run. Pure and stable: the same suite and selection give the same cases, so
 * base and head (and every shard of a matrix) agree without talking to each other.
 */
export function selectCases(cases: Case[], selection: Selection): Case[] {
  let picked = cases;
  if (selection.tags?.length) {
    const wanted = new Set(selection.tags);
    picked = picked.filter((c) => c.tags.some((t) => wanted.has(t)));
  }
  if (selection.filter?.length) {
    const match = picomatch(selection.filter);
    picked = picked.filter((c) => match(c.id));
  }
  if (selection.sample !== undefined && selection.sample < picked.length) {
    const ranked = picked
      .map((c) => ({ c, rank: stableRank(c.id) }))
      .sort((a, b) => a.rank - b.rank || (a.c.id < b.c.id ? -1 : 1))
      .slice(0, selection.sample);
    const keep = new Set(ranked.map((r) => r.c));
    picked = picked.filter((c) => keep.has(c));
  }
  if (selection.shard) {
    const { index, total } = selection.shard;
    picked = picked.filter((c) => stableRank(`shard:${c.id}`) % total === index - 1);
  }
  return picked;
}

/** `smoke` selects a tag (or `smoke,refunds` several); `50` a stable sample of 50 cases. */
export function sampleSelection(sample: string | number | undefined): Selection {
  if (sample === undefined || sample === '') return {};
  if (typeof sample === 'number' || /^\d+$/.test(sample)) return { sample: Number(sample) };
  return {
    tags: sample
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/**
 * What a pull request runs: the cases the selection names when it names any (`--sample`,
 * `--tags`, `--filter`), otherwise the config's `pull_request.sample`, as the action does.
 */
export function withConfigSample(
  selection: Selection,
  sample: string | number | undefined,
): Selection {
  return hasExplicitCases(selection) ? selection : { ...selection, ...sampleSelection(sample) };
}

/** The selection names cases itself (a sample size, tags or filters; a shard alone does not). */
export function hasExplicitCases(selection: Selection | undefined): boolean {
  return (
    !!selection &&
    (selection.sample !== undefined || !!selection.tags?.length || !!selection.filter?.length)
  );
}

/** Parses `2/4` into {index: 2, total: 4}; throws a one-line message when malformed. */
export function parseShard(text: string): { index: number; total: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`shard must look like 2/4, got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || index < 1 || index > total) {
    throw new Error(`shard ${text}: the index must be between 1 and the total`);
  }
  return { index, total };
}
