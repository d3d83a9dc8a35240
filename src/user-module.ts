/**
 * Imports a module the user wrote (a `module` target, a `script` check) by its absolute path.
 *
 * Why a module of its own: the action and the CLI run from an ncc (webpack) bundle, and webpack
 * replaces a dynamic `import()` whose specifier it cannot resolve at build time with an empty
 * stub ("Cannot find module file:///…/agent.mjs"). The `webpackIgnore` comment keeps Node's own
 * `import()` in the bundle; every user-code import goes through here so none can forget it.
 * __tests__/bundle-user-code.test.ts runs these paths through dist/.
 */
import { pathToFileURL } from 'node:url';

export function importUserModule(absolutePath: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(absolutePath).href;
  return import(/* webpackIgnore: true */ url) as Promise<Record<string, unknown>>;
}
