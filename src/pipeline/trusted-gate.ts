/**
 * The gate of a pull request comes from the trusted side: the base commit's config. The head's
 * config is the PR's own work (untrusted): were its gate in force, a PR could set
 * `gate.block: []` or lower a mode's severity and pass its own regression. The head's gate
 * applies only where the base has none to give (the base has no config, or it does not parse),
 * and a line says so; a change to the gate is named and takes effect after merge.
 */
import { posix } from 'node:path';
import { DEFAULT_GATE } from '../defaults.ts';
import { definedFields, gateChangeNote, gateChanges } from '../compare/index.ts';
import { git } from '../run/git.ts';
import { parseConfig } from '../suite/index.ts';
import type { GateConfig, Severity, SuiteConfig } from '../types.ts';
import { floorsOf, parseCalibration, type Calibration, type Floors } from '../calibrate/index.ts';

export interface TrustedGate {
  /** The gate the PR is decided under: the base's, under the workflow's explicit overrides. */
  gate: GateConfig;
  /** Mode severities of the base's config; modes only on the head keep the head's. */
  severities: Record<string, Severity>;
  /** Where the gate came from. */
  source: 'base' | 'head';
  /** One line for the comparison (a change to the gate, or why the head's gate applies). */
  note?: string;
  /**
   * How much a pull request runs, also the base's: a PR that shrinks its own sample or its
   * trials lowers what the gate can see just as surely as one that loosens the gate.
   */
  run: { sample?: string | number; trials: number; max_cost?: number };
  /**
   * The judges' calibration, also the base's: its floors, and the calibration file at the base
   * commit (a PR must not be able to mark its own judges calibrated). `why` says why there are
   * no figures.
   */
  judge: { floors: Floors; calibration?: Calibration; why?: string };
}

/** The config file's text at a commit, or undefined when the commit has no such file. */
async function configTextAt(root: string, sha: string, file: string): Promise<string | undefined> {
  try {
    await git(root, ['cat-file', '-e', `${sha}:${file}`]);
  } catch {
    return undefined;
  }
  return git(root, ['show', `${sha}:${file}`]);
}

/**
 * Reads the gate at the base commit. `file` is the config's path relative to the repository
 * root (with `/`); `head` is the head's parsed config; `overrides` come from the workflow or
 * the command line and win over both.
 */
export async function trustedGate(options: {
  root: string;
  baseSha: string;
  file: string;
  head: SuiteConfig;
  overrides?: Partial<GateConfig>;
  /** The workflow or the command line sets the sample / the trials itself: no note for them. */
  runOverridden?: { sample?: boolean; trials?: boolean; maxCost?: boolean };
}): Promise<TrustedGate> {
  const { head } = options;
  const headRun = {
    sample: head.pull_request?.sample,
    trials: head.trials,
    max_cost: head.max_cost,
  };
  const overrides = definedFields(options.overrides);
  const headGate: GateConfig = { ...DEFAULT_GATE, ...head.gate, ...overrides };
  const short = options.baseSha.slice(0, 7);
  let base: SuiteConfig;
  try {
    const text = await configTextAt(options.root, options.baseSha, options.file);
    if (text === undefined) {
      return {
        gate: headGate,
        severities: {},
        source: 'head',
        run: headRun,
        judge: { floors: floorsOf(head.judge), why: `the base commit has no ${options.file}` },
        note: `The base commit (${short}) has no ${options.file}: this PR is gated by its own config's gate.`,
      };
    }
    base = parseConfig(text, `${options.file} at ${short}`);
  } catch (err) {
    const first = String((err as Error).message ?? err).split('\n')[0];
    return {
      gate: headGate,
      severities: {},
      source: 'head',
      run: headRun,
      judge: {
        floors: floorsOf(head.judge),
        why: `the base commit's ${options.file} could not be read`,
      },
      note: `The base commit's ${options.file} could not be read (${first}): this PR is gated by its own config's gate.`,
    };
  }
  const severities = Object.fromEntries(
    Object.entries(base.failure_modes).map(([mode, fm]) => [mode, fm.severity]),
  );
  const changes = gateChanges(base, head, overrides);
  // The budget too: a PR must not raise (or lift) the spending limit its own run is held to.
  const baseRun = {
    sample: base.pull_request?.sample,
    trials: base.trials,
    max_cost: base.max_cost,
  };
  const shown = (v: unknown) => (v === undefined ? 'all cases' : String(v));
  if (!options.runOverridden?.sample && shown(baseRun.sample) !== shown(headRun.sample))
    changes.push(`pull_request.sample: ${shown(baseRun.sample)} → ${shown(headRun.sample)}`);
  if (!options.runOverridden?.trials && baseRun.trials !== headRun.trials)
    changes.push(`trials: ${baseRun.trials} → ${headRun.trials}`);
  if (!options.runOverridden?.maxCost && baseRun.max_cost !== headRun.max_cost)
    changes.push(`max_cost: ${baseRun.max_cost ?? 'none'} → ${headRun.max_cost ?? 'none'}`);
  return {
    gate: { ...DEFAULT_GATE, ...base.gate, ...overrides },
    severities,
    source: 'base',
    run: baseRun,
    judge: await calibrationAt(options.root, options.baseSha, options.file, base),
    note: gateChangeNote(changes),
  };
}

/**
 * The base config's judge floors and the calibration file it names, read at the base commit
 * (its path is relative to the config's folder). Figures the head commits take effect after
 * merge, like a change to the gate.
 */
async function calibrationAt(
  root: string,
  sha: string,
  configFile: string,
  base: SuiteConfig,
): Promise<TrustedGate['judge']> {
  const floors = floorsOf(base.judge);
  const rel = base.judge?.calibration;
  if (!rel) return { floors, why: 'no judge.calibration in the base config' };
  const dir = posix.dirname(configFile);
  const file = posix.normalize(posix.join(dir === '.' ? '' : dir, rel.replace(/\\/g, '/')));
  if (file.startsWith('../') || posix.isAbsolute(file))
    return { floors, why: `judge.calibration ${rel} is outside the repository` };
  let text: string | undefined;
  try {
    text = await configTextAt(root, sha, file);
  } catch {
    text = undefined;
  }
  if (text === undefined) return { floors, why: `the base commit has no ${file}` };
  const calibration = parseCalibration(text);
  if (!calibration) return { floors, why: `${file} at the base commit is not a calibration file` };
  return { floors, calibration };
}
