/**
 * The tool results an `openai` target answers its model's tool calls with: the fixed world the
 * prompt is evaluated in. Either a folder holding one `<tool name>.json` per tool, or a module
 * exporting a function from a call to its result.
 *
 * A `<tool>.json` file holds the result for any call of that tool, or, to answer by arguments,
 * `{"$responses": [{"arguments": {...}, "result": ...}, ..., {"result": ...}]}`: the first entry
 * whose `arguments` are all present with equal values in the call's arguments answers it; an
 * entry without `arguments` matches any call.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { importUserModule } from '../user-module.ts';
import type { CaseRequest } from '../types.ts';
import { describeError } from './common.ts';
import { parseModuleSpec } from './module.ts';

/** What answers one tool call. */
export type FixtureAnswer =
  | { result: unknown }
  /** No fixture covers this call: the trial cannot go on in a known world. */
  | { missing: string }
  /** The fixture module threw. */
  | { failed: string };

export interface ToolCallRequest {
  name: string;
  arguments: Record<string, unknown>;
  case: CaseRequest;
}

export interface Fixtures {
  answer(call: ToolCallRequest): Promise<FixtureAnswer>;
}

export const DEFAULT_FIXTURE_EXPORT = 'callTool';

const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

interface FileFixture {
  responses?: { arguments?: Record<string, unknown>; result: unknown }[];
  result?: unknown;
}

function matches(want: Record<string, unknown> | undefined, got: Record<string, unknown>): boolean {
  if (!want) return true;
  for (const [k, v] of Object.entries(want)) {
    if (!Object.hasOwn(got, k) || !isDeepStrictEqual(got[k], v)) return false;
  }
  return true;
}

function parseFileFixture(file: string, value: unknown): FileFixture {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$responses' in value) {
    const list = (value as { $responses: unknown }).$responses;
    if (!Array.isArray(list)) throw new Error(`${file}: $responses must be a list`);
    return {
      responses: list.map((r, i) => {
        if (!r || typeof r !== 'object' || !('result' in r))
          throw new Error(`${file}: $responses[${i}] needs a "result"`);
        const args = (r as { arguments?: unknown }).arguments;
        if (
          args !== undefined &&
          (typeof args !== 'object' || args === null || Array.isArray(args))
        )
          throw new Error(`${file}: $responses[${i}].arguments must be an object`);
        return { arguments: args as Record<string, unknown> | undefined, result: r.result };
      }),
    };
  }
  return { result: value };
}

/** A folder of `<tool>.json`: each read (and checked) on first use, then kept. */
function folderFixtures(dir: string): Fixtures {
  const cache = new Map<string, Promise<FileFixture | undefined>>();
  function load(name: string): Promise<FileFixture | undefined> {
    let p = cache.get(name);
    if (!p) {
      const file = join(dir, `${name}.json`);
      p = readFile(file, 'utf8').then(
        (text) => {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (err) {
            throw new Error(`fixture ${file} is not valid JSON: ${describeError(err)}`, {
              cause: err,
            });
          }
          return parseFileFixture(file, value);
        },
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT') return undefined;
          throw err;
        },
      );
      cache.set(name, p);
    }
    return p;
  }
  return {
    async answer(call) {
      // A tool name from the model is untrusted: never a path.
      if (!TOOL_NAME.test(call.name))
        return { missing: `no fixture for tool ${JSON.stringify(call.name)}` };
      let f: FileFixture | undefined;
      try {
        f = await load(call.name);
      } catch (err) {
        return { failed: describeError(err) };
      }
      if (!f) return { missing: `no fixture for tool ${call.name} (${call.name}.json in ${dir})` };
      if (!f.responses) return { result: f.result };
      const hit = f.responses.find((r) => matches(r.arguments, call.arguments));
      if (hit) return { result: hit.result };
      return {
        missing: `no fixture of ${call.name} matches its arguments ${JSON.stringify(call.arguments).slice(0, 200)}`,
      };
    },
  };
}

/** Loads the fixtures a target names; throws (the target cannot start) when they are unusable. */
export async function loadFixtures(spec: string, rootDir: string): Promise<Fixtures> {
  const plain = resolve(rootDir, spec);
  if (existsSync(plain) && statSync(plain).isDirectory()) return folderFixtures(plain);
  const { path, exportName } = parseModuleSpec(spec);
  const file = resolve(rootDir, path);
  if (!existsSync(file))
    throw new Error(`openai target: fixtures ${file} not found (a folder or a module)`);
  let mod: Record<string, unknown>;
  try {
    mod = await importUserModule(file);
  } catch (err) {
    throw new Error(`openai target: could not import fixtures ${file}: ${describeError(err)}`, {
      cause: err,
    });
  }
  const name = spec.includes('#') ? exportName : DEFAULT_FIXTURE_EXPORT;
  let fn = mod[name];
  const cjs = mod.default as Record<string, unknown> | undefined;
  if (fn === undefined && cjs && typeof cjs === 'object') fn = cjs[name];
  if (typeof fn !== 'function')
    throw new Error(`openai target: fixtures ${file} has no function export "${name}"`);
  const call = fn as (c: ToolCallRequest) => unknown;
  return {
    async answer(request) {
      try {
        const result = await call(structuredClone(request));
        if (result === undefined)
          return { missing: `the fixture module returned nothing for tool ${request.name}` };
        return { result };
      } catch (err) {
        return { failed: `the fixture module threw: ${describeError(err)}` };
      }
    },
  };
}
