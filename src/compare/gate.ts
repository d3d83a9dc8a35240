/**
 * The gate a comparison is decided under, and what a pull request changes about it. In a pull
 * request the gate is the base commit's (the PR cannot loosen its own gate); a change the PR
 * makes is named in one line and takes effect after merge.
 */
import { DEFAULT_GATE } from '../defaults.ts';
import type { FailureMode, GateConfig, Results, Severity } from '../types.ts';

/** The fields of `o` that are set: spread over defaults, an undefined field must not erase one. */
export function definedFields<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(o ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/** The results' recorded gate (or the defaults), under the caller's overrides. */
export function resolveGate(head: Results, override?: Partial<GateConfig>): GateConfig {
  // Undefined fields (a partial or older results file) keep the defaults instead of erasing them.
  const gate = {
    ...DEFAULT_GATE,
    ...definedFields<Partial<GateConfig>>(head.meta?.gate),
    ...definedFields(override),
  };
  if (!Array.isArray(gate.block)) gate.block = DEFAULT_GATE.block;
  return gate;
}

const GATE_KEYS: (keyof GateConfig)[] = [
  'block',
  'alpha',
  'min_drop',
  'tolerance',
  'max_error_share',
  'accept_label',
  'robust',
  'adaptive',
  'rerun_trials',
  'rerun_budget',
  'errors_severity',
];

function show(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  return String(v);
}

/**
 * What `proposed` (the head's config) changes in `trusted` (the base's): the gate's fields, save
 * those the workflow overrides anyway, and the severity of modes both declare. Undefined when
 * nothing changes.
 */
export function gateChanges(
  trusted: { gate: GateConfig; failure_modes: Record<string, FailureMode> },
  proposed: { gate: GateConfig; failure_modes: Record<string, FailureMode> },
  overridden: Partial<GateConfig> = {},
): string[] {
  const changes: string[] = [];
  for (const key of GATE_KEYS) {
    if (overridden[key] !== undefined) continue;
    const a = show(trusted.gate[key]);
    const b = show(proposed.gate[key]);
    if (a !== b) changes.push(`${key}: ${a} → ${b}`);
  }
  for (const [mode, fm] of Object.entries(proposed.failure_modes)) {
    const was: Severity | undefined = trusted.failure_modes[mode]?.severity;
    if (was && was !== fm.severity) changes.push(`${mode} severity: ${was} → ${fm.severity}`);
  }
  return changes;
}

/** The comparison's one-line note for a pull request that changes the gate. */
export function gateChangeNote(changes: string[]): string | undefined {
  if (!changes.length) return undefined;
  const shown = changes.slice(0, 4).join('; ');
  const more = changes.length > 4 ? `; and ${changes.length - 4} more` : '';
  return `This PR changes the gate (${shown}${more}); the change takes effect after merge.`;
}
