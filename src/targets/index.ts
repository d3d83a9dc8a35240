/**
 * createTarget: the one entry point the runner uses. It throws only when the target cannot
 * start at all (a missing cwd or module, a server that never becomes ready); from then on,
 * every failure is a trace with `error` set.
 */
import type { TargetConfig } from '../types.ts';
import type { Target, TargetContext } from './target.ts';
import { createCommandTarget } from './command.ts';
import { createHttpTarget } from './http.ts';
import { createModuleTarget } from './module.ts';
import { createWorkerTarget } from './worker.ts';

export type { Target, TargetContext, RunOptions } from './target.ts';
export { normalizeTrace, type NormalizeResult } from './trace.ts';
export { createCommandTarget, parseStdout } from './command.ts';
export { createWorkerTarget } from './worker.ts';
export { createHttpTarget, retryAfterMs } from './http.ts';
export { createModuleTarget, parseModuleSpec } from './module.ts';

export async function createTarget(config: TargetConfig, ctx: TargetContext): Promise<Target> {
  switch (config.kind) {
    case 'command':
      return createCommandTarget(config, ctx);
    case 'worker':
      return createWorkerTarget(config, ctx);
    case 'http':
      return createHttpTarget(config, ctx);
    case 'module':
      return createModuleTarget(config, ctx);
    case 'openai': {
      // Imported only when used: the openai client is a third of our start-up memory.
      const { createOpenAITarget } = await import('./openai.ts');
      return createOpenAITarget(config, ctx);
    }
    default: {
      const kind = (config as { kind?: unknown }).kind;
      throw new Error(`unknown target kind: ${String(kind)}`);
    }
  }
}
