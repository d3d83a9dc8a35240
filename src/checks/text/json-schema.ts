import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import YAML from 'yaml';
import { z } from 'zod';
import {
  checkSchema,
  error,
  errorMessage,
  fail,
  pass,
  perSpec,
  quote,
  safeJson,
} from '../common.ts';
import type { CheckContext, CheckDefinition } from '../definition.ts';

export type Compiled = ValidateFunction | string; // a validator, or why the schema does not compile

/**
 * A few common string formats (ajv-formats is not a dependency). Deliberately simple; unknown
 * formats are ignored, as JSON Schema allows.
 */
const FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/**
 * One compiled validator per distinct schema text. A fresh Ajv instance per schema, because two
 * cases that copy the same schema with an `$id` would otherwise collide in a shared instance.
 */
const byContent = new Map<string, Compiled>();

/** Compiles an inline JSON Schema once per distinct text (shared with the tool-argument checks). */
export function compileSchema(schema: unknown): Compiled {
  const key = safeJson(schema);
  const hit = byContent.get(key);
  if (hit !== undefined) return hit;
  let compiled: Compiled;
  try {
    const declared =
      schema && typeof schema === 'object'
        ? String((schema as Record<string, unknown>).$schema ?? '')
        : '';
    const options = { allErrors: false, strict: false, logger: false as const, formats: FORMATS };
    const ajv = declared.includes('2020-12')
      ? new Ajv2020(options)
      : declared.includes('2019-09')
        ? new Ajv2019(options)
        : new Ajv(options);
    compiled = ajv.compile(schema as AnySchema);
  } catch (err) {
    compiled = `invalid JSON Schema: ${errorMessage(err)}`;
  }
  byContent.set(key, compiled);
  return compiled;
}

const byFile = new Map<string, Promise<Compiled>>();

function compileFile(path: string): Promise<Compiled> {
  let p = byFile.get(path);
  if (!p) {
    p = readFile(path, 'utf8').then(
      (text) => {
        let schema: unknown;
        try {
          schema = /\.ya?ml$/i.test(extname(path)) ? YAML.parse(text) : JSON.parse(text);
        } catch (err) {
          return `schema_file ${path} does not parse: ${errorMessage(err)}`;
        }
        return compileSchema(schema);
      },
      (err: unknown) => `cannot read schema_file ${path}: ${errorMessage(err)}`,
    );
    byFile.set(path, p);
  }
  return p;
}

const schema = checkSchema({
  type: z.literal('json_schema'),
  /** An inline JSON Schema (draft-07 by default; 2019-09/2020-12 by `$schema`). */
  schema: z.union([z.record(z.string(), z.unknown()), z.boolean()]).optional(),
  /** A JSON (or YAML) file holding the schema, relative to the suite root. */
  schema_file: z.string().min(1).optional(),
}).superRefine((spec, ctx) => {
  if ((spec.schema === undefined) === (spec.schema_file === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'give exactly one of schema or schema_file' });
  } else if (spec.schema !== undefined) {
    const compiled = compileSchema(spec.schema);
    if (typeof compiled === 'string')
      ctx.addIssue({ code: 'custom', path: ['schema'], message: compiled });
  }
});

type Spec = z.infer<typeof schema>;

const inline = perSpec((spec: Spec) => compileSchema(spec.schema));

function validatorFor(spec: Spec, ctx: CheckContext): Compiled | Promise<Compiled> {
  if (spec.schema !== undefined) return inline(spec);
  if (spec.schema_file === undefined) return 'give exactly one of schema or schema_file';
  return compileFile(resolve(ctx.rootDir, spec.schema_file));
}

function judge(validate: Compiled, output: string): ReturnType<typeof pass> {
  if (typeof validate === 'string') return error(validate);
  let data: unknown;
  try {
    data = JSON.parse(output);
  } catch (err) {
    // Not evaluable as JSON is the system's failure, not ours: a fail, not an error.
    // V8 repeats a piece of the input in its message; we quote the output ourselves.
    const why = errorMessage(err).replace(/,\s*".*$/s, '');
    return fail(`output is not JSON (${why}): ${quote(output, 80)}`);
  }
  if (validate(data)) return pass('output is JSON matching the schema');
  const first = validate.errors?.[0];
  const where = first?.instancePath ? first.instancePath : '(root)';
  const what = first ? `${where} ${first.message ?? 'is invalid'}` : 'does not match';
  const extra =
    first?.params && 'allowedValues' in first.params
      ? ` ${safeJson(first.params.allowedValues)}`
      : first?.params && 'additionalProperty' in first.params
        ? ` (${safeJson(first.params.additionalProperty)})`
        : '';
  return fail(`output JSON does not match the schema: ${what}${extra}`.slice(0, 200));
}

export const jsonSchema: CheckDefinition<Spec> = {
  type: 'json_schema',
  description: 'The output is JSON that matches a JSON Schema (inline or from a file).',
  schema,
  run(spec, trace, ctx) {
    const v = validatorFor(spec, ctx);
    // An inline schema is compiled synchronously: keep the hot path free of promises.
    return v instanceof Promise ? v.then((c) => judge(c, trace.output)) : judge(v, trace.output);
  },
};
