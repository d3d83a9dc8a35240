import { z } from 'zod';
import { checkTypes, getCheck } from '../checks/registry.ts';
import type { Case, CheckSpec, ConversationMode, FailureMode } from '../types.ts';
import type { SuiteProblem } from './errors.ts';
import { caseHash } from './hash.ts';
import { caseSharing, type CaseSharing } from './share.ts';
import { isJudged, JUDGED_TYPES } from '../calibrate/identity.ts';
import { describeValue, fromZodIssues, issuesToProblems, unknownKeyMessage } from './issues.ts';
import type { Issue } from './issues.ts';
import { closest } from './suggest.ts';
import { parseJson, parseJsonl } from './jsonl.ts';
import { locatedAt, parseYaml } from './yaml.ts';
import type { Located } from './yaml.ts';
import { checkpoint } from '../run/gc.ts';

/** Most user turns in a scripted or simulated conversation. */
export const MAX_TURNS = 100;

/**
 * Golden cases: the schema of one case, its checks (each validated by its check type's own
 * schema), and the three dataset formats. Pure: load.ts reads the files.
 */

/**
 * Knowledge-base fixtures pinned to a case (`context.documents`): passed to the target with the
 * rest of `context`, for the system to load into its retriever (docs/targets.md).
 */
const pinnedDocuments = z
  .array(
    z.strictObject({
      id: z.string().min(1),
      text: z.string(),
      source: z.string().min(1).optional(),
    }),
  )
  .superRefine((docs, ctx) => {
    const seen = new Set<string>();
    docs.forEach((d, i) => {
      if (seen.has(d.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `duplicate document id "${d.id}"`,
        });
      }
      seen.add(d.id);
    });
  });

const caseSchema = z.strictObject({
  id: z
    .string({
      error: (iss) =>
        iss.input === undefined
          ? 'required (every case needs a stable id: it pairs the case across base and head)'
          : undefined,
    })
    .min(1)
    .refine((v) => v.trim() === v, { message: 'must not start or end with spaces' }),
  // Required unless the case is a conversation (checked in validateCase, which sees both).
  input: z
    .unknown()
    .superRefine((v, ctx) => {
      if (v === null) ctx.addIssue({ code: 'custom', message: 'must not be null' });
    })
    .optional(),
  context: z.looseObject({ documents: pinnedDocuments.optional() }).optional(),
  tags: z.array(z.string().min(1)).default([]),
  checks: z
    .array(z.unknown(), { error: (iss) => (iss.input === undefined ? 'required' : undefined) })
    .min(1, {
      message: 'must list at least one check',
    }),
  /** For people reading the dataset; not used by evalgate. */
  description: z.string().optional(),
  /** A synthetic variation's case (`evalgate synth`): for people and tools; not used by a run. */
  parent: z.string().min(1).optional(),
  /** A scripted conversation, one entry per user turn. */
  turns: z
    .array(z.strictObject({ user: z.string().min(1) }))
    .min(1, { message: 'must list at least one turn' })
    .max(MAX_TURNS, { message: `at most ${MAX_TURNS} turns` })
    .optional(),
  /** A user played by the suite's simulator model. */
  simulated_user: z
    .strictObject({
      persona: z.string().trim().min(1),
      goal: z.string().trim().min(1),
      max_turns: z.int().min(1).max(MAX_TURNS),
      first_message: z.string().min(1).optional(),
      stop: z
        .strictObject({
          tool: z.string().min(1),
          args: z.record(z.string(), z.unknown()).optional(),
        })
        .optional(),
    })
    .optional(),
});

/** What a case's conversation may use from the config (absent: the config is broken itself). */
export interface ConversationSupport {
  mode: ConversationMode;
  simulator: boolean;
}

/** Problems of a case's conversation fields, and of its checks' `turn:` against them. */
function conversationIssues(
  raw: Record<string, unknown>,
  d: z.infer<typeof caseSchema>,
  checks: CheckSpec[],
  support: ConversationSupport | undefined,
): Issue[] {
  const issues: Issue[] = [];
  const conversational = d.turns !== undefined || d.simulated_user !== undefined;
  if (raw.input === undefined && !conversational) {
    issues.push({ path: ['input'], message: 'required (what the target receives)' });
  }
  if (d.turns && d.simulated_user) {
    issues.push({
      path: ['simulated_user'],
      message: 'give either turns (a script) or simulated_user, not both',
    });
  }
  if (d.simulated_user && support) {
    if (!support.simulator) {
      issues.push({
        path: ['simulated_user'],
        message: 'needs a simulator in the config (simulator: {model: ...}) to play the user',
      });
    } else if (support.mode === 'whole') {
      issues.push({
        path: ['simulated_user'],
        message:
          'needs target.conversation: turns (a simulated user answers each reply, so the system must answer turn by turn)',
      });
    }
  }
  const available = d.turns?.length ?? d.simulated_user?.max_turns;
  checks.forEach((spec, i) => {
    const def = getCheck(spec.type);
    const n = spec.turn as number | undefined;
    if (n !== undefined && n > (available ?? 1)) {
      const why = d.turns
        ? `the case scripts ${d.turns.length} turn${d.turns.length === 1 ? '' : 's'}`
        : d.simulated_user
          ? `simulated_user.max_turns is ${d.simulated_user.max_turns}`
          : 'the case has a single turn (script a conversation with turns:)';
      issues.push({ path: ['checks', i, 'turn'], message: `turn ${n}, but ${why}` });
    }
    if (def?.needsConversation && !conversational) {
      issues.push({
        path: ['checks', i, 'type'],
        message: `${spec.type} reads a conversation: the case needs turns or simulated_user`,
      });
    }
    const problem = def?.checkCase?.(spec, d);
    if (problem) issues.push({ path: ['checks', i, problem.field], message: problem.message });
  });
  return issues;
}

/** Case fields as validated, before the file location and hash are added. */
export type CaseBody = Omit<Case, 'source' | 'hash'>;

/** A person's verdict on a judged check of this case's trace, for `evalgate calibrate`. */
export interface HumanLabel {
  label: 'pass' | 'fail';
  note?: string;
}

/** `human: pass|fail` or `human: {label: pass|fail, note: "..."}`; a string is the problem. */
function humanLabel(raw: unknown, type: unknown): HumanLabel | string {
  if (!isJudged({ type }))
    return `human labels are for checks graded by the judge model (${[...JUDGED_TYPES].join(', ')}), not ${describeValue(type)}`;
  if (raw === 'pass' || raw === 'fail') return { label: raw };
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => k !== 'label' && k !== 'note');
    if ((o.label === 'pass' || o.label === 'fail') && extra.length === 0) {
      if (o.note !== undefined && typeof o.note !== 'string') return 'note must be a string';
      return o.note ? { label: o.label, note: o.note } : { label: o.label };
    }
  }
  return `expected pass, fail or {label: pass|fail, note: "..."}, got ${describeValue(raw)}`;
}

/** Validates one check spec at index `index` of a case. Pure; never throws. */
export function validateCheck(
  raw: unknown,
  index: number,
  modes: Record<string, FailureMode> | undefined,
): { spec?: CheckSpec; issues: Issue[] } {
  const at = ['checks', index];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      issues: [
        { path: at, message: `expected a mapping with type and mode, got ${describeValue(raw)}` },
      ],
    };
  }
  const obj = raw as Record<string, unknown>;
  const types = checkTypes();
  if (obj.type === undefined) {
    return {
      issues: [{ path: [...at, 'type'], message: `required (one of ${types.join(', ')})` }],
    };
  }
  if (typeof obj.type !== 'string') {
    return {
      issues: [
        { path: [...at, 'type'], message: `expected a string, got ${describeValue(obj.type)}` },
      ],
    };
  }
  const def = getCheck(obj.type);
  if (!def) {
    const guess = closest(obj.type, types);
    const hint = guess ? `did you mean "${guess}"? ` : '';
    return {
      issues: [
        {
          path: [...at, 'type'],
          message: `unknown check type ${describeValue(obj.type)} (${hint}known: ${types.join(', ')})`,
        },
      ],
    };
  }

  const issues: Issue[] = [];
  // A human label (docs/checks.md "Calibration") is checked here, not by each check's schema.
  let human: HumanLabel | undefined;
  let graded = obj;
  if (Object.hasOwn(obj, 'human')) {
    const h = humanLabel(obj.human, obj.type);
    if (typeof h === 'string') issues.push({ path: [...at, 'human'], message: h });
    else human = h;
    const { human: _h, ...rest } = obj;
    graded = rest;
  }
  const parsed = def.schema.safeParse(graded, { reportInput: true });
  if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, def.schema, obj, at));

  // A plain z.object drops keys it does not know; in a dataset that hides typos
  // (`ignore_cas: true` silently does nothing), so we report them.
  const known = objectKeys(def.schema);
  if (known) {
    for (const key of Object.keys(graded)) {
      if (!known.includes(key) && !issues.some((i) => i.path[2] === key && i.path.length === 3)) {
        issues.push({ path: [...at, key], message: unknownKeyMessage(key, known) });
      }
    }
  }

  // No modes: the config's failure_modes are broken themselves (reported apart), so not checked.
  if (modes && typeof obj.mode === 'string' && obj.mode !== '' && !Object.hasOwn(modes, obj.mode)) {
    const names = Object.keys(modes);
    const guess = closest(obj.mode, names);
    const hint = guess ? `did you mean "${guess}"? ` : '';
    issues.push({
      path: [...at, 'mode'],
      message: `unknown failure mode ${describeValue(obj.mode)} (${hint}known: ${names.join(', ')})`,
    });
  }

  if (issues.length > 0 || !parsed.success) return { issues };
  return { spec: human ? { ...parsed.data, human } : parsed.data, issues: [] };
}

/** The keys of a non-passthrough object schema, or undefined when extra keys are fine. */
function objectKeys(schema: z.ZodType): string[] | undefined {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: object; catchall?: unknown } } })
    ._zod?.def;
  if (def?.type !== 'object' || !def.shape) return undefined;
  // A catchall (passthrough, strict, or typed extras) means the schema decides about extra keys.
  if (def.catchall !== undefined) return undefined;
  return Object.keys(def.shape);
}

/** Validates one case (without its location). Pure; never throws. */
/** How validateCase validates each check: validateCheck, or a memo of it (held-case.ts). */
export type CheckValidator = typeof validateCheck;

export function validateCase(
  raw: unknown,
  modes: Record<string, FailureMode> | undefined,
  support?: ConversationSupport,
  checkOf: CheckValidator = validateCheck,
): { value?: CaseBody; issues: Issue[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      issues: [
        {
          path: [],
          message: `expected a case (a mapping with id, input, checks), got ${describeValue(raw)}`,
        },
      ],
    };
  }
  const issues: Issue[] = [];
  const r = caseSchema.safeParse(raw, { reportInput: true });
  if (!r.success) issues.push(...fromZodIssues(r.error.issues, caseSchema, raw));

  const rawChecks = (raw as Record<string, unknown>).checks;
  const checks: CheckSpec[] = [];
  if (Array.isArray(rawChecks)) {
    rawChecks.forEach((c, i) => {
      const v = checkOf(c, i, modes);
      issues.push(...v.issues);
      if (v.spec) checks.push(v.spec);
    });
  }
  if (r.success) {
    // Checks are matched by index: only when every one of them is valid.
    const valid = issues.length === 0 ? checks : [];
    issues.push(...conversationIssues(raw as Record<string, unknown>, r.data, valid, support));
  }
  if (!r.success || issues.length > 0) return { issues };
  const d = r.data;
  const value: CaseBody = {
    id: d.id,
    // A conversation may leave input out: the system gets an empty mapping.
    input: d.input === undefined ? {} : d.input,
    ...(d.context !== undefined ? { context: d.context } : {}),
    tags: d.tags,
    checks,
    ...(d.turns !== undefined ? { turns: d.turns } : {}),
    ...(d.simulated_user !== undefined ? { simulated_user: d.simulated_user } : {}),
  };
  return { value, issues: [] };
}

export type DatasetFormat = 'jsonl' | 'json' | 'yaml';

export const DATASET_EXTENSIONS = ['.jsonl', '.json', '.yaml', '.yml'] as const;

export function datasetFormat(file: string): DatasetFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.jsonl')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

export interface ParseCasesOptions {
  /** The file as shown in messages (relative to the cwd). */
  file: string;
  /** The file relative to the suite root, `/` separators: goes into each case's `source`. */
  source: string;
  format: DatasetFormat;
  /**
   * The config's failure modes: every check's `mode` must be one of them. Undefined when the
   * config's own `failure_modes` did not validate: then modes are not checked.
   */
  modes: Record<string, FailureMode> | undefined;
  /** What the config offers conversations; undefined (not checked) when it is broken. */
  conversation?: ConversationSupport;
  /** Shares equal checks and tags across the files of one load (default: within this file). */
  sharing?: CaseSharing;
}

/**
 * What parseCases does with each case value, one at a time (a dataset read line by line uses it
 * too): validated, hashed and shared into `cases`, or its problems into `problems`. `hold`
 * decides what is kept of a valid case (by default the case).
 */
export function caseCollector(opts: ParseCasesOptions): {
  cases: Case[];
  problems: SuiteProblem[];
  take: (
    raw: unknown,
    located: Pick<Located, 'lineOf'>,
    line: number,
    hold?: (c: Case) => Case,
  ) => void;
} {
  const cases: Case[] = [];
  const problems: SuiteProblem[] = [];
  const sharing = opts.sharing ?? caseSharing();
  const take = (
    raw: unknown,
    located: Pick<Located, 'lineOf'>,
    line: number,
    hold?: (c: Case) => Case,
  ) => {
    checkpoint();
    const { value, issues } = validateCase(raw, opts.modes, opts.conversation);
    if (value) {
      const hash = caseHash(value);
      const c: Case = { ...value, source: { file: opts.source, line }, hash };
      // A held case keeps no checks (held-case.ts): sharing them would only fill the table.
      cases.push(hold ? hold(sharing.shareTags(c)) : sharing.share(c));
    } else {
      problems.push(...issuesToProblems(issues, opts.file, located));
    }
  };
  return { cases, problems, take };
}

/**
 * Parses and validates one dataset file's text. Returns the valid cases and a problem for each
 * error (syntax or validation), so one run reports every bad case. Never throws.
 */
export function parseCases(
  text: string,
  opts: ParseCasesOptions,
): { cases: Case[]; problems: SuiteProblem[] } {
  const { cases, problems, take } = caseCollector(opts);
  if (opts.format === 'jsonl') {
    const { problems: syntax } = parseJsonl(text, opts.file, (row) =>
      take(row.value, { lineOf: () => row.line }, row.line),
    );
    problems.push(...syntax);
  } else {
    const parsed = opts.format === 'json' ? parseJson(text, opts.file) : parseYaml(text, opts.file);
    if (!parsed.ok) return { cases, problems: parsed.problems };
    const list = parsed.doc.value;
    // An empty YAML file holds no cases; the loader reports an empty suite as a whole.
    if (list === null || list === undefined) return { cases, problems };
    if (!Array.isArray(list)) {
      problems.push({
        file: opts.file,
        line: parsed.doc.lineOf([]) ?? 1,
        message: `expected a list of cases, got ${describeValue(list)}`,
      });
      return { cases, problems };
    }
    list.forEach((raw, i) => {
      const located = locatedAt(parsed.doc, [i], raw);
      take(raw, located, parsed.doc.lineOf([i]) ?? 1);
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { cases, problems };
}

/**
 * Case ids pair cases across base and head, so they must be unique across the whole suite. Each
 * duplicate names both places. `display` turns a case's source file into the file shown.
 */
export function duplicateIdProblems(
  cases: readonly Case[],
  display: (sourceFile: string) => string = (f) => f,
): SuiteProblem[] {
  const first = new Map<string, Case>();
  const problems: SuiteProblem[] = [];
  for (const c of cases) {
    const prev = first.get(c.id);
    if (!prev) {
      first.set(c.id, c);
      continue;
    }
    problems.push({
      file: display(c.source.file),
      line: c.source.line,
      field: 'id',
      message: `duplicate case id ${JSON.stringify(c.id)} (first at ${display(prev.source.file)}:${prev.source.line})`,
    });
  }
  return problems;
}
