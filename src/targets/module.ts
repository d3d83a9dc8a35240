/**
 * The module target: imports a JS or TS module (Node 24 strips types natively) and calls one of
 * its exports in-process, `fn(caseRequest, {signal})`, per case. The fastest target, for systems
 * written in JS/TS. The function returns a trace (or a plain string, taken as the output).
 *
 * In-process means no isolation: `cwd` and `env` of the config do not apply, and a function
 * that ignores its abort signal keeps running after its timeout (its late result is dropped).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importUserModule } from '../user-module.ts';
import type { CaseRequest, ModuleTargetConfig, Trace } from '../types.ts';
import type { RunOptions, Target, TargetContext } from './target.ts';
import { describeError, elapsedMs, errorTrace, timerMs } from './common.ts';
import { normalizeTrace } from './trace.ts';

export type CaseFunction = (request: CaseRequest, options: { signal: AbortSignal }) => unknown;

/**
 * `./agent.ts#runCase` → path and export name. An explicit `exportName` wins; with neither,
 * `runCase` (as docs/config.md documents).
 */
export function parseModuleSpec(
  module: string,
  exportName?: string,
): { path: string; exportName: string } {
  const hash = module.lastIndexOf('#');
  const path = hash > 0 ? module.slice(0, hash) : module;
  const fromSpec = hash > 0 ? module.slice(hash + 1) : '';
  return { path, exportName: exportName || fromSpec || 'runCase' };
}

/** The stack of a thrown error, for the viewer (the message alone rarely says where). */
function stackOf(err: unknown): string | undefined {
  const stack = err instanceof Error ? err.stack : undefined;
  return stack ? stack.slice(0, 4096) : undefined;
}

/**
 * What the function returned, as a plain JSON value: results files are JSON, and a Date, a
 * class instance or a BigInt deep in a tool result must not break writing them later.
 */
function toTrace(value: unknown, latency: number): Trace {
  if (typeof value === 'string') return { output: value, latency_ms: latency };
  if (value === undefined) {
    return errorTrace('invalid_output', 'the function returned undefined, not a trace', latency);
  }
  let plain: unknown;
  try {
    plain = JSON.parse(JSON.stringify(value));
  } catch (err) {
    return errorTrace(
      'invalid_output',
      `the returned trace is not JSON-serialisable: ${describeError(err)}`,
      latency,
    );
  }
  const normalized = normalizeTrace(plain);
  if ('error' in normalized) {
    return errorTrace('invalid_output', `invalid trace: ${normalized.error}`, latency);
  }
  normalized.trace.latency_ms ??= latency;
  return normalized.trace;
}

export async function createModuleTarget(
  config: ModuleTargetConfig,
  ctx: TargetContext,
): Promise<Target> {
  const spec = parseModuleSpec(config.module, config.export);
  const file = resolve(ctx.rootDir, spec.path);
  if (!existsSync(file)) throw new Error(`module target: ${file} not found`);
  let mod: Record<string, unknown>;
  try {
    mod = await importUserModule(file);
  } catch (err) {
    throw new Error(`module target: could not import ${file}: ${describeError(err)}`, {
      cause: err,
    });
  }
  let fn = mod[spec.exportName];
  // A CommonJS module's named functions sit on its default export.
  const cjs = mod.default as Record<string, unknown> | undefined;
  if (fn === undefined && cjs && typeof cjs === 'object') fn = cjs[spec.exportName];
  if (typeof fn !== 'function') {
    const names = Object.keys(mod).join(', ') || 'none';
    throw new Error(
      `module target: ${file} has no function export "${spec.exportName}" (exports: ${names})`,
    );
  }
  const call = fn as CaseFunction;
  let closed = false;

  async function run(request: CaseRequest, runOptions: RunOptions): Promise<Trace> {
    const start = performance.now();
    if (runOptions.signal?.aborted) return errorTrace('cancelled', 'the run was cancelled', 0);
    if (closed) return errorTrace('cancelled', 'the target is closed', 0);

    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<Trace>((done) => {
      timer = setTimeout(() => {
        controller.abort(new Error(`timed out after ${runOptions.timeoutMs} ms`));
        done(
          errorTrace('timeout', `no answer within ${runOptions.timeoutMs} ms`, elapsedMs(start)),
        );
      }, timerMs(runOptions.timeoutMs));
      onAbort = () => {
        controller.abort(runOptions.signal?.reason);
        done(errorTrace('cancelled', 'the run was cancelled', elapsedMs(start)));
      };
      runOptions.signal?.addEventListener('abort', onAbort, { once: true });
    });
    // Wrapped so that a synchronous throw becomes a rejection like an async one.
    const work = (async () => call(structuredClone(request), { signal: controller.signal }))().then(
      (value) => toTrace(value, elapsedMs(start)),
      (err: unknown) =>
        errorTrace(
          'crash',
          `the function threw: ${describeError(err)}`,
          elapsedMs(start),
          {},
          stackOf(err),
        ),
    );
    try {
      return await Promise.race([work, stopped]);
    } finally {
      clearTimeout(timer);
      if (onAbort) runOptions.signal?.removeEventListener('abort', onAbort);
    }
  }

  return {
    run,
    async close() {
      closed = true;
    },
  };
}
