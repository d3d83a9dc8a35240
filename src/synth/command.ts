/**
 * `evalgate synth`: synthetic variations of chosen cases (paraphrase, typo, language,
 * adversarial, fact) written by an OpenAI-compatible model, for a person to review before they
 * join the suite (docs/synth.md). One request per (case, kind) asks for `n` variations as one
 * JSON object; each usable one becomes a case `<parent>~syn-<kind>-<n>` tagged `synthetic` with
 * `parent`. Unusable answers are counted and reported, never written; failed calls are errors,
 * reported apart. Never overwrites a file: a new --out is created, an existing one only grows
 * with --append.
 */
import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import { openEndpoint, ModelCallError } from '../llm/endpoint.ts';
import { addKnownSecrets, redactSecrets } from '../report/redact.ts';
import { displayPath, suiteError, type SuiteProblem } from '../suite/errors.ts';
import { datasetFormat, validateCase } from '../suite/cases.ts';
import { issuesToProblems } from '../suite/issues.ts';
import { parseJson, parseJsonl } from '../suite/jsonl.ts';
import { parseYaml } from '../suite/yaml.ts';
import type { FailureMode, SuiteConfig, SynthConfig } from '../types.ts';
import { synthMessages, type SynthKind } from './prompt.ts';
import {
  BAD_TEXT,
  buildVariation,
  parseAnswer,
  subjectOf,
  variationKey,
  type BadReason,
} from './variation.ts';

type Obj = Record<string, unknown>;

export interface SynthOptions {
  dataset: string;
  ids: string[];
  kinds: SynthKind[];
  /** Variations asked per case and kind. */
  n: number;
  /** Absent: JSON lines on stdout. */
  out?: string;
  append?: boolean;
  config: SuiteConfig;
  /** Ids of the suite's cases: a new id is unique across the suite too. */
  suiteIds?: Iterable<string>;
  env?: Record<string, string | undefined>;
  now?: Date;
  /** Where JSON lines go without --out. */
  stdout?: (text: string) => void;
}

/** The model settings: the config's `synth:`, else its judge's endpoint. */
export function synthModel(config: SuiteConfig): SynthConfig | undefined {
  if (config.synth) return config.synth;
  const j = config.judge;
  if (!j) return undefined;
  return {
    model: j.model,
    ...(j.base_url ? { base_url: j.base_url } : {}),
    ...(j.base_url_env ? { base_url_env: j.base_url_env } : {}),
    ...(j.api_key_env ? { api_key_env: j.api_key_env } : {}),
    ...(j.request_timeout_ms ? { request_timeout_ms: j.request_timeout_ms } : {}),
    ...(j.max_retries !== undefined ? { max_retries: j.max_retries } : {}),
    ...(j.max_concurrency ? { max_concurrency: j.max_concurrency } : {}),
  };
}

interface Parent {
  raw: Obj;
  line: number;
}

/** The dataset's rows (any dataset format), with their lines; syntax errors throw. */
async function readRows(path: string): Promise<{ rows: Parent[]; text: string }> {
  const shown = displayPath(path);
  const text = await readFile(path, 'utf8').catch((err: Error) => {
    throw suiteError([{ file: shown, message: `cannot read the dataset: ${err.message}` }]);
  });
  const format = datasetFormat(path);
  if (!format)
    throw suiteError([{ file: shown, message: 'a dataset ends in .jsonl, .json, .yaml or .yml' }]);
  const rows: Parent[] = [];
  if (format === 'jsonl') {
    const { problems } = parseJsonl(text, shown, ({ value, line }) =>
      rows.push({ raw: value as Obj, line }),
    );
    if (problems.length) throw suiteError(problems);
    return { rows, text };
  }
  const parsed = format === 'json' ? parseJson(text, shown) : parseYaml(text, shown);
  if (!parsed.ok) throw suiteError(parsed.problems);
  const list = parsed.doc.value;
  if (!Array.isArray(list))
    throw suiteError([{ file: shown, line: 1, message: 'expected a list of cases' }]);
  list.forEach((raw, i) => rows.push({ raw: raw as Obj, line: parsed.doc.lineOf([i]) ?? 1 }));
  return { rows, text };
}

/** The chosen cases, validated; an unknown id or an invalid case is one clear problem each. */
function chosen(
  rows: Parent[],
  ids: string[],
  file: string,
  modes: Record<string, FailureMode>,
): Parent[] {
  const byId = new Map<string, Parent>();
  for (const r of rows)
    if (r.raw && typeof r.raw.id === 'string' && !byId.has(r.raw.id)) byId.set(r.raw.id, r);
  const problems: SuiteProblem[] = [];
  const out: Parent[] = [];
  for (const id of ids) {
    const p = byId.get(id);
    if (!p) {
      problems.push({ file, message: `no case ${JSON.stringify(id)} in the dataset (--ids)` });
      continue;
    }
    const { issues } = validateCase(p.raw, modes);
    if (issues.length) {
      problems.push(...issuesToProblems(issues, file, { lineOf: () => p.line }));
      continue;
    }
    out.push(p);
  }
  if (problems.length) throw suiteError(problems);
  return out;
}

/** Ids in a JSON-lines file (absent: none), and whether it ends with a newline. */
async function existingOut(path: string): Promise<{ rows: Obj[]; endsWithNewline: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { rows: [], endsWithNewline: true };
  }
  const rows: Obj[] = [];
  const { problems } = parseJsonl(text, displayPath(path), ({ value }) => {
    if (value && typeof value === 'object') rows.push(value as Obj);
  });
  if (problems.length) throw suiteError(problems);
  return { rows, endsWithNewline: text === '' || text.endsWith('\n') };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (err: NodeJS.ErrnoException) => err.code !== 'ENOENT',
  );
}

interface Job {
  parent: Parent;
  kind: SynthKind;
}

interface Outcome {
  job: Job;
  rows: { row: Obj; note: string }[];
  bad: { reason: BadReason; why: string }[];
  error?: string;
}

export async function synth(opts: SynthOptions, log: (line: string) => void): Promise<number> {
  const env = opts.env ?? process.env;
  const shownData = displayPath(opts.dataset);
  const model = synthModel(opts.config);
  if (!model)
    throw suiteError([
      {
        file: 'the config',
        message:
          'synth needs a model: add `synth: {model: ..., base_url: ...}` (or a judge:) to the config',
      },
    ]);
  if (opts.out && !opts.out.toLowerCase().endsWith('.jsonl'))
    throw suiteError([{ file: displayPath(opts.out), message: '--out must be a .jsonl file' }]);
  if (opts.out && !opts.append && (await exists(opts.out)))
    throw suiteError([
      {
        file: displayPath(opts.out),
        message:
          'the file exists: synth never overwrites; choose another --out, or add --append to append to it',
      },
    ]);

  const { rows } = await readRows(opts.dataset);
  const parents = chosen(rows, opts.ids, shownData, opts.config.failure_modes);
  const outFile = opts.out ? await existingOut(opts.out) : { rows: [], endsWithNewline: true };
  const earlier = [...rows.map((r) => r.raw), ...outFile.rows];
  const taken = new Set<string>(opts.suiteIds ?? []);
  for (const r of earlier) if (typeof r?.id === 'string') taken.add(r.id);

  const keyVar = model.api_key_env ?? 'OPENAI_API_KEY';
  const apiKey = env[keyVar];
  if (apiKey) addKnownSecrets([apiKey]);
  const baseURL = (model.base_url_env ? env[model.base_url_env] : undefined) || model.base_url;
  const endpoint = openEndpoint({
    who: 'synth',
    baseURL,
    apiKey,
    apiKeyEnv: keyVar,
    keyRequired: model.api_key_env !== undefined,
    timeoutMs: model.request_timeout_ms ?? 60_000,
    maxRetries: model.max_retries ?? 2,
    maxConcurrency: model.max_concurrency,
  });
  const date = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const modes = opts.config.failure_modes;

  const jobs: Job[] = [];
  const skipped: string[] = [];
  for (const parent of parents)
    for (const kind of opts.kinds) {
      // A changed fact needs a context to change.
      if (kind === 'fact' && parent.raw.context === undefined)
        skipped.push(`${String(parent.raw.id)} (no context to change a fact in)`);
      else jobs.push({ parent, kind });
    }
  // Per parent: the variations so far, so two kinds cannot write the same case.
  // Variations written earlier (in the dataset, or in --out when appending) count too.
  const seen = new Map<Parent, Set<string>>();
  for (const p of parents) {
    const keys = new Set<string>();
    for (const r of earlier)
      if (r?.parent === p.raw.id) keys.add(variationKey(subjectOf(r, 'fact') as Obj, p.raw));
    seen.set(p, keys);
  }

  const limit = pLimit(Math.max(1, Math.min(opts.config.concurrency, 16)));
  const outcomes = await Promise.all(
    jobs.map((job) =>
      limit(async (): Promise<Outcome> => {
        const { parent, kind } = job;
        const caseModes: Record<string, FailureMode | undefined> = {};
        const checks = Array.isArray(parent.raw.checks) ? parent.raw.checks : [];
        for (const c of checks) {
          const m = (c as Obj)?.mode;
          if (typeof m === 'string') caseModes[m] = modes[m];
        }
        const messages = synthMessages({
          kind,
          n: opts.n,
          subject: subjectOf(parent.raw, kind),
          modes: caseModes,
          checks,
        });
        const out: Outcome = { job, rows: [], bad: [] };
        let content: string | null | undefined;
        try {
          const { value } = await endpoint.call(
            (client, { signal }) =>
              client.chat.completions.create(
                {
                  model: model.model,
                  temperature: model.temperature ?? 0.7,
                  messages,
                  response_format: { type: 'json_object' },
                },
                { signal },
              ),
            {},
          );
          const choice = value.choices?.[0];
          if (choice?.message?.refusal) {
            out.bad.push({ reason: 'empty', why: 'the model refused' });
            return out;
          }
          content = choice?.message?.content;
        } catch (err) {
          out.error =
            err instanceof ModelCallError ? err.message : `synth: ${(err as Error).message}`;
          return out;
        }
        const list = parseAnswer(content);
        if (typeof list === 'string') {
          out.bad.push({
            reason: list,
            why: JSON.stringify(redactSecrets(String(content ?? '')).slice(0, 80)),
          });
          return out;
        }
        for (const v of list.slice(0, opts.n)) {
          const built = buildVariation(v, {
            parent: parent.raw,
            kind,
            model: model.model,
            date,
            modes,
            seen: seen.get(parent)!,
            redact: redactSecrets,
          });
          if ('bad' in built) out.bad.push({ reason: built.bad, why: built.why });
          else out.rows.push(built);
        }
        // Fewer variations than asked: each missing one is an empty answer.
        for (let i = list.length; i < opts.n; i++)
          out.bad.push({ reason: 'empty', why: `${list.length} of ${opts.n} variations given` });
        return out;
      }),
    ),
  );

  // Ids in a stable order (parents as listed, kinds as listed), whatever order calls finished in.
  const lines: string[] = [];
  const badCounts = new Map<BadReason, number>();
  const errors: string[] = [];
  for (const o of outcomes) {
    const parentId = String(o.job.parent.raw.id);
    if (o.error) {
      errors.push(o.error);
      log(`${parentId} ${o.job.kind}: error: ${o.error}`);
      continue;
    }
    let n = 1;
    for (const { row, note } of o.rows) {
      let id = `${parentId}~syn-${o.job.kind}-${n}`;
      while (taken.has(id)) id = `${parentId}~syn-${o.job.kind}-${++n}`;
      taken.add(id);
      n++;
      lines.push(JSON.stringify({ id, ...row }));
      log(`${id}${note ? `: ${note}` : ''}${o.job.kind === 'fact' ? ' (needs review)' : ''}`);
    }
    for (const b of o.bad) {
      badCounts.set(b.reason, (badCounts.get(b.reason) ?? 0) + 1);
      log(`${parentId} ${o.job.kind}: unusable answer (${BAD_TEXT[b.reason]}): ${b.why}`);
    }
  }

  if (lines.length) {
    const text = `${lines.join('\n')}\n`;
    if (!opts.out) (opts.stdout ?? ((t) => process.stdout.write(t)))(text);
    else if (opts.append)
      await appendFile(opts.out, `${outFile.endsWithNewline ? '' : '\n'}${text}`);
    // `wx`: created here or not at all, even if the file appeared meanwhile.
    else await writeFile(opts.out, text, { flag: 'wx' });
  }

  const bad = [...badCounts.values()].reduce((a, b) => a + b, 0);
  const badText = bad
    ? ` (${[...badCounts].map(([r, k]) => `${k} ${BAD_TEXT[r]}`).join(', ')})`
    : '';
  const where = opts.out ? displayPath(opts.out) : 'stdout';
  log(
    `wrote ${lines.length} synthetic case(s) to ${where}; ${bad} unusable model answer(s)${badText}; ${errors.length} failed call(s)` +
      (skipped.length ? `; skipped fact for ${skipped.join(', ')}` : ''),
  );
  if (lines.length) log('review them, add the file to datasets:, then run evalgate validate');
  if (errors.length) {
    log(`the output is incomplete: ${errors.length} model call(s) failed; the first: ${errors[0]}`);
    return 3;
  }
  if (!lines.length && jobs.length) {
    log('no usable variation: nothing was written');
    return 3;
  }
  return 0;
}
