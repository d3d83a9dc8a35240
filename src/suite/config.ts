import { z } from 'zod';
import { SEVERITIES } from '../types.ts';
import type { OpenAITargetConfig, Severity, SuiteConfig, TargetConfig } from '../types.ts';
import { suiteError } from './errors.ts';
import { describeValue, fromZodIssues, issuesToProblems, unknownKeyMessage } from './issues.ts';
import type { Issue, PathSegment } from './issues.ts';
import { didYouMean } from './suggest.ts';
import { parseYaml } from './yaml.ts';
import { DEFAULT_GATE, ERRORS_MODE } from '../defaults.ts';
import { validateOnlineChecks } from '../monitor/online-checks.ts';

/**
 * The suite config (`evalgate.yml`): zod schema, defaults, and the translation from what users
 * write (`timeout: 60s`, `target: {module: ./agent.ts#run}`) to SuiteConfig. Pure: the file is
 * read by load.ts.
 */

export { DEFAULT_GATE };

export const DEFAULTS = {
  trials: 3,
  concurrency: 8,
  timeout_ms: 60_000,
  retries: 2,
  gate: DEFAULT_GATE,
} as const;

export const TARGET_KINDS = ['command', 'worker', 'http', 'module', 'openai'] as const;
/** Model calls of an openai target per case, by default. */
export const DEFAULT_MAX_STEPS = 10;
/** Default export name of a module target written without `#name`. */
export const DEFAULT_MODULE_EXPORT = 'runCase';

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `60s`, `500ms`, `2m`, `1h`, or a number of milliseconds (also as a string) -> ms. Returns an
 * error message instead of throwing.
 */
export function parseDuration(v: unknown): number | { error: string } {
  const bad = {
    error: `invalid duration ${describeValue(v)} (write e.g. 60s, 500ms, 2m, or a number of milliseconds)`,
  };
  let ms: number;
  if (typeof v === 'number') {
    ms = v;
  } else if (typeof v === 'string') {
    const m = DURATION.exec(v.trim());
    if (!m) return bad;
    ms = Number(m[1]) * UNIT_MS[m[2] ?? 'ms'];
  } else {
    return bad;
  }
  if (!Number.isFinite(ms) || ms <= 0)
    return { error: `must be a positive duration, got ${describeValue(v)}` };
  return Math.round(ms);
}

const duration = z.unknown().transform((v, ctx) => {
  const ms = parseDuration(v);
  if (typeof ms === 'number') return ms;
  ctx.addIssue({ code: 'custom', message: ms.error });
  return z.NEVER;
});

const severity = z.enum(SEVERITIES as [Severity, ...Severity[]]);

function isHttpUrl(v: string): boolean {
  try {
    // `{port}` is filled in with a free port when the target starts (see targets/http.ts).
    const u = new URL(v.replaceAll('{port}', '8000'));
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const httpUrl = z.string().superRefine((v, ctx) => {
  if (!isHttpUrl(v))
    ctx.addIssue({ code: 'custom', message: `must be an http(s) URL, got ${describeValue(v)}` });
});

// YAML writes `PORT: 8000` and `DEBUG: true`; the environment only holds strings.
const envValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const stringMap = z.record(z.string(), envValue);

const targetCommon = {
  cwd: z.string().min(1).optional(),
  env: stringMap.optional(),
  /** How multi-turn cases reach the system: one request per turn, or the whole script at once. */
  conversation: z.enum(['turns', 'whole']).optional(),
};

const MODULE_SPEC = /^(.+?)(?:#([A-Za-z_$][\w$]*))?$/;

const envName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable');

/** Client settings shared by the openai target and the judge. */
const modelClient = {
  base_url: httpUrl.optional(),
  api_key_env: envName.optional(),
  request_timeout: duration.optional(),
  max_retries: z.int().min(0).max(10).optional(),
  max_concurrency: z.int().min(1).max(1024).optional(),
};

const kindSchemas = {
  command: z.strictObject({ command: z.string().trim().min(1), ...targetCommon }),
  worker: z.strictObject({
    worker: z.string().trim().min(1),
    workers: z.int().min(1).max(256).optional(),
    ...targetCommon,
  }),
  http: z.strictObject({
    http: z.strictObject({
      url: httpUrl,
      start: z.string().trim().min(1).optional(),
      ready: httpUrl.optional(),
      headers: stringMap.optional(),
      ready_timeout: duration.optional(),
    }),
    ...targetCommon,
  }),
  module: z.strictObject({
    module: z
      .string()
      .trim()
      .min(1)
      .refine((v) => MODULE_SPEC.test(v) && !v.endsWith('#'), {
        message: 'write a path, optionally with #exportName (e.g. ./src/agent.ts#runCase)',
      }),
    ...targetCommon,
  }),
  openai: z.strictObject({
    openai: z.strictObject({
      model: z.string().trim().min(1),
      system_prompt: z.string().trim().min(1).optional(),
      tools: z.string().trim().min(1).optional(),
      fixtures: z.string().trim().min(1).optional(),
      max_steps: z.int().min(1).max(100).default(DEFAULT_MAX_STEPS),
      temperature: z.number().min(0).max(2).optional(),
      max_tokens: z.int().min(1).optional(),
      headers: stringMap.optional(),
      azure: z
        .strictObject({
          deployment: z.string().trim().min(1).optional(),
          api_version: z.string().trim().min(1),
        })
        .optional(),
      ...modelClient,
    }),
    ...targetCommon,
  }),
};

const KIND_LIST = TARGET_KINDS.join(', ');

/** Exactly one kind key; its own fields validated by that kind's schema. */
const target = z.unknown().transform((raw, ctx): TargetConfig => {
  const fail = (message: string, path: PathSegment[] = []) => {
    ctx.addIssue({ code: 'custom', message, path });
    return z.NEVER;
  };
  if (raw === undefined) return fail('required');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const hint = typeof raw === 'string' ? ` (e.g. target: {command: ${JSON.stringify(raw)}})` : '';
    return fail(`expected a mapping with one of ${KIND_LIST}, got ${describeValue(raw)}${hint}`);
  }
  const obj = raw as Record<string, unknown>;
  const kinds = TARGET_KINDS.filter((k) => k in obj);
  if (kinds.length > 1) {
    return fail(`give exactly one target kind, found ${kinds.join(' and ')}`);
  }
  if (kinds.length === 0) {
    // A typo of a kind is the likeliest cause; say so at that key's line.
    for (const key of Object.keys(obj)) {
      if (didYouMean(key, TARGET_KINDS))
        return fail(unknownKeyMessage(key, [...TARGET_KINDS]), [key]);
    }
    return fail(`needs one of ${KIND_LIST}`);
  }
  const kind = kinds[0];
  const schema = kindSchemas[kind];
  const parsed = schema.safeParse(obj, { reportInput: true });
  if (!parsed.success) {
    for (const issue of fromZodIssues(parsed.error.issues, schema, obj))
      fail(issue.message, issue.path);
    return z.NEVER;
  }
  const d = parsed.data as Record<string, any>;
  const common = {
    ...(d.cwd !== undefined ? { cwd: d.cwd as string } : {}),
    ...(d.env !== undefined ? { env: d.env as Record<string, string> } : {}),
    ...(d.conversation !== undefined ? { conversation: d.conversation as 'turns' | 'whole' } : {}),
  };
  switch (kind) {
    case 'command':
      return { kind, command: d.command, ...common };
    case 'worker':
      return {
        kind,
        command: d.worker,
        ...(d.workers !== undefined ? { workers: d.workers } : {}),
        ...common,
      };
    case 'http': {
      const h = d.http;
      return {
        kind,
        url: h.url,
        ...(h.start !== undefined ? { start: h.start } : {}),
        ...(h.ready !== undefined ? { ready: h.ready } : {}),
        ...(h.headers !== undefined ? { headers: h.headers } : {}),
        ...(h.ready_timeout !== undefined ? { ready_timeout_ms: h.ready_timeout } : {}),
        ...common,
      };
    }
    case 'module': {
      const m = MODULE_SPEC.exec(d.module as string)!;
      return { kind, module: m[1], export: m[2] ?? DEFAULT_MODULE_EXPORT, ...common };
    }
    case 'openai': {
      const { request_timeout, ...o } = d.openai as Record<string, unknown>;
      const defined = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
      return {
        kind,
        ...(defined as Omit<OpenAITargetConfig, 'kind'>),
        ...(request_timeout !== undefined ? { request_timeout_ms: request_timeout as number } : {}),
        ...common,
      };
    }
  }
});

// `tone: minor` is shorthand for `tone: {severity: minor}`.
const failureMode = z
  .union([severity, z.strictObject({ severity, description: z.string().optional() })])
  .transform((v) => (typeof v === 'string' ? { severity: v } : v));

const gate = z
  .strictObject({
    block: z.array(severity).default(DEFAULT_GATE.block),
    alpha: z.number().gt(0).lt(1).default(DEFAULT_GATE.alpha),
    min_drop: z.number().min(0).max(1).default(DEFAULT_GATE.min_drop),
    tolerance: z.number().min(0).max(1).default(DEFAULT_GATE.tolerance),
    max_error_share: z.number().min(0).max(1).default(DEFAULT_GATE.max_error_share),
    accept_label: z.string().trim().min(1).default(DEFAULT_GATE.accept_label),
    robust: z.boolean().default(DEFAULT_GATE.robust),
    adaptive: z.boolean().default(DEFAULT_GATE.adaptive),
    rerun_trials: z.int().min(1).max(1000).default(DEFAULT_GATE.rerun_trials),
    // > 0: a budget of nothing would spend stage 1's alpha share on no re-runs (adaptive: false).
    rerun_budget: z.number().gt(0).max(100).default(DEFAULT_GATE.rerun_budget),
    errors_severity: severity.default(DEFAULT_GATE.errors_severity),
  })
  // prefault (not default): the empty object is parsed, so every field gets its own default.
  .prefault({});

const WINDOW = /^(\d+(?:\.\d+)?)\s*(m|h|d)$/;
const WINDOW_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `online.window`: `1d`, `12h`, `30m` -> ms. */
const windowDuration = z.unknown().transform((v, ctx) => {
  const m = typeof v === 'string' ? WINDOW.exec(v.trim()) : null;
  const ms = m ? Math.round(Number(m[1]) * WINDOW_MS[m[2]]) : NaN;
  if (ms > 0) return ms;
  ctx.addIssue({
    code: 'custom',
    message: `invalid window ${describeValue(v)} (write e.g. 1d, 12h or 30m)`,
  });
  return z.NEVER;
});

/** `evalgate monitor`'s section (docs/monitor.md); its checks are validated in validateConfig. */
const online = z.strictObject({
  window: windowDuration.default(86_400_000),
  windows: z.int().min(1).max(1000).default(7),
  alpha: z.number().gt(0).lt(1).default(0.05),
  modes: z.array(z.string().trim().min(1)).min(1).optional(),
  checks: z.array(z.unknown()).min(1, { message: 'must list at least one check' }),
});

export const configSchema = z.strictObject({
  version: z.literal(1, {
    error: (iss) =>
      iss.input === undefined
        ? 'required (write version: 1)'
        : `unsupported version ${describeValue(iss.input)} (this evalgate reads version: 1)`,
  }),
  target,
  datasets: z
    .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
    .transform((v) => (typeof v === 'string' ? [v] : v)),
  failure_modes: z
    .record(z.string().min(1), failureMode)
    .refine((m) => Object.keys(m).length > 0, { message: 'must list at least one failure mode' })
    .refine((m) => !Object.hasOwn(m, ERRORS_MODE), {
      message: `"${ERRORS_MODE}" is evalgate's built-in failure mode (trials that errored): rename yours; set the built-in one's severity with gate.errors_severity`,
    }),
  trials: z.int().min(1).max(1000).default(DEFAULTS.trials),
  concurrency: z.int().min(1).max(1024).default(DEFAULTS.concurrency),
  timeout: duration.default(DEFAULTS.timeout_ms),
  retries: z.int().min(0).max(20).default(DEFAULTS.retries),
  judge: z
    .strictObject({
      model: z.string().trim().min(1),
      ...modelClient,
      /** A variable holding the base URL (a server started by a script): wins over base_url. */
      base_url_env: envName.optional(),
      /** Human labels of stored traces (JSON lines), read by `evalgate calibrate`. */
      labels: z.string().trim().min(1).optional(),
      /** The calibration file `evalgate calibrate` writes; a PR reads it from its base commit. */
      calibration: z.string().trim().min(1).optional(),
      // Floors; absent: DEFAULT_CALIBRATION (not filled in here, so the suite hash stays as it was).
      min_kappa: z.number().min(-1).max(1).optional(),
      min_labels: z.int().min(0).optional(),
      min_true_fail_rate: z.number().min(0).max(1).optional(),
    })
    .transform(({ request_timeout, ...j }) => ({
      ...Object.fromEntries(Object.entries(j).filter(([, v]) => v !== undefined)),
      ...(request_timeout !== undefined ? { request_timeout_ms: request_timeout as number } : {}),
    }))
    .optional(),
  max_cost: z.number().positive().optional(),
  prices: z
    .record(
      z.string().min(1),
      z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() }),
    )
    .optional(),
  simulator: z
    .strictObject({
      model: z.string().trim().min(1),
      base_url: httpUrl.optional(),
      api_key_env: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable')
        .optional(),
      temperature: z.number().min(0).max(2).optional(),
      seed: z.int().min(0).optional(),
    })
    .optional(),
  /** `evalgate synth`'s model (docs/synth.md); absent: the judge's endpoint. */
  synth: z
    .strictObject({
      model: z.string().trim().min(1),
      ...modelClient,
      base_url_env: envName.optional(),
      temperature: z.number().min(0).max(2).optional(),
    })
    .transform(({ request_timeout, ...s }) => ({
      ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)),
      ...(request_timeout !== undefined ? { request_timeout_ms: request_timeout as number } : {}),
    }))
    .optional(),
  gate,
  pull_request: z
    .strictObject({ sample: z.union([z.string().trim().min(1), z.int().min(1)]).optional() })
    .optional(),
  cache: z
    .union([
      z.literal(false),
      z.strictObject({
        files: z.array(z.string().trim().min(1)).min(1).optional(),
        max_mb: z.number().positive().optional(),
      }),
    ])
    .optional(),
  trace_url: z
    .string()
    .refine((v) => v.includes('{trace_id}'), {
      message: "must contain {trace_id}, replaced by each trace's id",
    })
    .optional(),
  online: online.optional(),
});

/** Keys starting with `x-` are ignored: a place for YAML anchors (`x-common: &common ...`). */
function withoutExtensions(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith('x-')));
}

/** Validates an already-parsed config value. Pure; never throws. */
export function validateConfig(raw: unknown): { config?: SuiteConfig; issues: Issue[] } {
  if (raw === null || raw === undefined) {
    return {
      issues: [
        {
          path: [],
          message:
            'the config is empty (it needs at least version, target, datasets, failure_modes)',
        },
      ],
    };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      issues: [
        { path: [], message: `the config must be a mapping of keys, got ${describeValue(raw)}` },
      ],
    };
  }
  const input = withoutExtensions(raw as Record<string, unknown>);
  const r = configSchema.safeParse(input, { reportInput: true });
  if (!r.success) return { issues: fromZodIssues(r.error.issues, configSchema, input) };
  const d = r.data;
  let onlineConfig: SuiteConfig['online'];
  if (d.online) {
    const o = d.online;
    const checked = validateOnlineChecks(o.checks, o.modes, d.failure_modes);
    if (checked.issues.length) return { issues: checked.issues };
    onlineConfig = {
      window_ms: o.window,
      windows: o.windows,
      alpha: o.alpha,
      modes: checked.modes,
      checks: checked.checks,
    };
  }
  const config: SuiteConfig = {
    version: 1,
    target: d.target,
    datasets: d.datasets,
    failure_modes: d.failure_modes,
    trials: d.trials,
    concurrency: d.concurrency,
    timeout_ms: d.timeout,
    retries: d.retries,
    ...(d.judge ? { judge: d.judge as SuiteConfig['judge'] } : {}),
    ...(d.simulator ? { simulator: d.simulator } : {}),
    ...(d.synth ? { synth: d.synth as SuiteConfig['synth'] } : {}),
    ...(d.max_cost !== undefined ? { max_cost: d.max_cost } : {}),
    ...(d.prices ? { prices: d.prices } : {}),
    gate: d.gate,
    ...(d.pull_request ? { pull_request: d.pull_request } : {}),
    ...(d.trace_url !== undefined ? { trace_url: d.trace_url } : {}),
    ...(d.cache !== undefined ? { cache: d.cache } : {}),
    ...(onlineConfig ? { online: onlineConfig } : {}),
  };
  return { config, issues: [] };
}

/** Where a config came from, so later errors (a dataset glob that matches nothing) name its line. */
export interface ConfigSource {
  /** The config file as shown in messages. */
  file: string;
  lineOf(path: readonly PathSegment[]): number | undefined;
}

const sources = new WeakMap<object, ConfigSource>();

export function configSource(config: object): ConfigSource | undefined {
  return sources.get(config);
}

/** What the datasets are read with: the whole config, or what is left of a broken one. */
export interface DatasetsConfig {
  datasets: string[];
  /** Undefined when the config's `failure_modes` are broken: checks' modes are then not checked. */
  failure_modes?: SuiteConfig['failure_modes'];
}

/**
 * When a config does not validate: its `datasets` if that field is valid on its own, and its
 * `failure_modes` if those are, so that the datasets' problems are reported in the same pass as
 * the config's. Undefined when the datasets cannot be determined (a YAML syntax error, a bad or
 * missing `datasets`).
 */
export function partialConfig(text: string, file: string): DatasetsConfig | undefined {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) return undefined;
  const raw = parsed.doc.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const fields = raw as Record<string, unknown>;
  const datasets = configSchema.shape.datasets.safeParse(fields.datasets);
  if (!datasets.success) return undefined;
  const modes = configSchema.shape.failure_modes.safeParse(fields.failure_modes);
  const out: DatasetsConfig = {
    datasets: datasets.data,
    ...(modes.success ? { failure_modes: modes.data } : {}),
  };
  sources.set(out, { file, lineOf: parsed.doc.lineOf });
  return out;
}

/**
 * Parses and validates the text of an evalgate.yml. `file` is the name used in messages.
 * Throws a SuiteError listing every problem.
 */
export function parseConfig(text: string, file: string): SuiteConfig {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) throw suiteError(parsed.problems);
  const { config, issues } = validateConfig(parsed.doc.value);
  if (!config) {
    throw suiteError(issuesToProblems(issues, file, parsed.doc));
  }
  sources.set(config, { file, lineOf: parsed.doc.lineOf });
  return config;
}
