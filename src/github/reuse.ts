/**
 * The accept label without a second run: a pull-request job stores its comparison (made without
 * the label) and what its comment needs, under the base sha, the head sha, the suite and the
 * inputs that shape a comparison. When the label is added or removed, the `labeled` run restores
 * it, applies the label as `compare` would (withAccepted), and publishes: no setup, no target.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withAccepted } from '../compare/verdict.ts';
import { stableStringify } from '../suite/hash.ts';
import type { Comparison } from '../types.ts';
import { configId } from './trace-cache.ts';

export const STORED_VERDICT_SCHEMA = 'evalgate/stored-verdict@1';

/** What the comment, the check and the outputs need besides the comparison. */
export interface StoredRender {
  artifactUrl?: string;
  baselineNote?: string;
  baseRef?: string;
  headRef?: string;
  baseSource: 'run' | 'cache';
}

export interface StoredVerdict {
  schema: typeof STORED_VERDICT_SCHEMA;
  base_sha: string;
  head_sha: string;
  /** Made without the accept label. */
  comparison: Comparison;
  render: StoredRender;
}

/** The inputs that change what a pull-request run compares, as a short hash. */
export function inputsId(shape: Record<string, unknown>): string {
  return createHash('sha256').update(stableStringify(shape)).digest('hex').slice(0, 12);
}

/** The key prefix of a stored comparison (each save appends its run id: keys are immutable). */
export function verdictKey(
  configRel: string,
  baseSha: string,
  headSha: string,
  inputs: string,
): string {
  return `evalgate-verdict-v1-${configId(configRel)}-${baseSha}-${headSha}-${inputs}-`;
}

/** The event actions that only change labels: the comparison of the same shas still holds. */
export function isLabelEvent(action: string | undefined): boolean {
  return action === 'labeled' || action === 'unlabeled';
}

/** What a PR job stores: its comparison without the label. */
export function storedVerdict(
  comparison: Comparison,
  shas: { base: string; head: string },
  render: StoredRender,
): StoredVerdict {
  return {
    schema: STORED_VERDICT_SCHEMA,
    base_sha: shas.base,
    head_sha: shas.head,
    comparison: withAccepted(comparison, false),
    render,
  };
}

/**
 * The stored comparison of these shas with the label applied, or undefined when the file is
 * missing, of another schema, or of other shas (a run then runs normally).
 */
export async function readStoredVerdict(
  dir: string,
  shas: { base: string; head: string },
): Promise<StoredVerdict | undefined> {
  let v: StoredVerdict;
  try {
    v = JSON.parse(await readFile(join(dir, 'verdict.json'), 'utf8')) as StoredVerdict;
  } catch {
    return undefined;
  }
  if (
    v?.schema !== STORED_VERDICT_SCHEMA ||
    v.base_sha !== shas.base ||
    v.head_sha !== shas.head ||
    !v.comparison ||
    typeof v.comparison !== 'object' ||
    !v.render
  )
    return undefined;
  return v;
}

/** The stored comparison under the labels the PR has now (the gate's accept label). */
export function relabel(v: StoredVerdict, labels: string[]): Comparison {
  return withAccepted(v.comparison, labels.includes(v.comparison.gate.accept_label));
}
