/**
 * Action outputs and the job summary: thin wrappers over `@actions/core`, so the orchestration
 * code never touches `core` directly and the names of our outputs live in one place (they must
 * match action.yml; __tests__/github-action-docs.test.ts checks that).
 */
import * as core from '@actions/core';
import { redactSecrets } from '../report/redact.ts';
import { warning } from './log.ts';

/** Every output action.yml declares. */
export const OUTPUT_NAMES = [
  'verdict',
  'regressed-modes',
  'new-failures',
  'comment-url',
  'results-path',
  'comparison-path',
  'report-path',
  'base-source',
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];
export type Outputs = Partial<Record<OutputName, string | number | boolean | string[] | undefined>>;

/** Sets each defined output; lists become comma-separated, as workflow expressions expect. */
export function setOutputs(outputs: Outputs): void {
  for (const name of OUTPUT_NAMES) {
    const v = outputs[name];
    if (v === undefined) continue;
    core.setOutput(name, redactSecrets(Array.isArray(v) ? v.join(',') : String(v)));
  }
}

/**
 * Appends markdown to the job summary. Outside Actions (no GITHUB_STEP_SUMMARY) it does nothing
 * and returns false rather than throwing, so the CLI and local runs share the code path.
 */
export async function writeJobSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  try {
    await core.summary.addRaw(redactSecrets(markdown), true).write();
    return true;
  } catch (err) {
    warning(`evalgate: could not write the job summary: ${(err as Error)?.message ?? String(err)}`);
    return false;
  } finally {
    core.summary.emptyBuffer();
  }
}
