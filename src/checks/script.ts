import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { CheckOutcome } from '../types.ts';
import { checkSchema, error, errorMessage, fail, pass, quote, safeJson } from './common.ts';
import type { CheckDefinition } from './definition.ts';
import { importUserModule } from '../user-module.ts';

const schema = checkSchema({
  type: z.literal('script'),
  /** `path/to/file.js#exportName` relative to the suite root; without `#`, the default export. */
  module: z.string().min(1),
  /** Passed as the third argument, so one function can serve several cases. */
  options: z.record(z.string(), z.unknown()).optional(),
  /** How long the function may take (default 30 s). */
  timeout_ms: z.number().int().positive().optional(),
});

type Spec = z.infer<typeof schema>;

const DEFAULT_TIMEOUT_MS = 30_000;

/** A module is imported once per process, whatever the number of cases and trials using it. */
const modules = new Map<string, Promise<Record<string, unknown> | string>>();

function load(path: string): Promise<Record<string, unknown> | string> {
  let p = modules.get(path);
  if (!p) {
    p = importUserModule(path).then(
      (m: Record<string, unknown>) => m,
      (err: unknown) => `cannot import ${path}: ${errorMessage(err)}`,
    );
    modules.set(path, p);
  }
  return p;
}

function splitRef(ref: string): { file: string; name: string } {
  const hash = ref.lastIndexOf('#');
  return hash < 0
    ? { file: ref, name: 'default' }
    : { file: ref.slice(0, hash), name: ref.slice(hash + 1) || 'default' };
}

/** Turns what the user function returned into an outcome; anything unexpected is an error. */
function toOutcome(value: unknown, label: string): CheckOutcome {
  if (value === true) return pass(`${label} passed`);
  if (value === false) return fail(`${label} returned false`);
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as { pass?: unknown }).pass === 'boolean'
  ) {
    const v = value as { pass: boolean; reason?: unknown };
    const reason = typeof v.reason === 'string' && v.reason.trim() ? v.reason : undefined;
    return v.pass ? pass(reason ?? `${label} passed`) : fail(reason ?? `${label} failed`);
  }
  return error(
    `${label} returned ${quote(safeJson(value), 60)}, expected a boolean or {pass, reason}`,
  );
}

export const script: CheckDefinition<Spec> = {
  type: 'script',
  description:
    'A user JS/TS function `fn(trace, case, options)` returns a boolean or {pass, reason}.',
  schema,
  async run(spec, trace, ctx) {
    const { file, name } = splitRef(spec.module);
    const path = isAbsolute(file) ? file : resolve(ctx.rootDir, file);
    const label = `${file}#${name}`;
    const mod = await load(path);
    if (typeof mod === 'string') return error(mod);
    const fn = mod[name];
    if (typeof fn !== 'function') return error(`${label} is not an exported function`);

    const ms = spec.timeout_ms ?? DEFAULT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const call = Promise.resolve().then(() => fn(trace, ctx.case, spec.options ?? {}));
      const timeout = new Promise<'timeout'>((res) => {
        timer = setTimeout(() => res('timeout'), ms);
        timer.unref?.();
      });
      const value = await Promise.race([call, timeout]);
      if (value === 'timeout') return error(`${label} did not return within ${ms} ms`);
      return toOutcome(value, label);
    } catch (err) {
      return error(`${label} threw: ${errorMessage(err)}`);
    } finally {
      if (timer) clearTimeout(timer);
    }
  },
};
