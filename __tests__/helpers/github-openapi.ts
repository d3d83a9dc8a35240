/**
 * Request validation against GitHub's official OpenAPI description (`@octokit/openapi`).
 *
 * The loopback GitHub server (github-server.ts) runs every request through `validateRequest`, so a
 * test fails when our code sends anything the real API would not accept: a wrong method or path,
 * a path parameter of the wrong type, an unknown query parameter, a body that breaks the
 * operation's schema (GitHub's own limits such as 50 annotations per request or 65,535
 * characters of check-run summary are in that schema).
 *
 * The description is loaded once per process (13 MB of JSON, ~0.2 s) and request-body schemas are
 * compiled lazily, per operation, with ajv; their `$ref`s point into one shared copy of
 * `components.schemas`, so nothing is dereferenced or copied up front.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const SPEC_ID = 'https://evalgate.test/github-openapi.json';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

interface Operation {
  operationId: string;
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema?: Record<string, unknown> }>;
  };
}

interface OpenApiSpec {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    parameters: Record<string, Parameter>;
  };
}

export interface Route {
  /** The path template as the description writes it, e.g. `/repos/{owner}/{repo}`. */
  template: string;
  method: string;
  operationId: string;
  /** Path parameters, decoded. */
  params: Record<string, string>;
}

export type RouteMatch =
  | { ok: true; route: Route; operation: Operation }
  | { ok: false; status: 404 | 405; message: string };

interface CompiledPath {
  template: string;
  regex: RegExp;
  names: string[];
  /** Literal segments: a more literal template wins over a more generic one. */
  literals: number;
  methods: Record<string, Operation>;
}

let loaded: { spec: OpenApiSpec; paths: CompiledPath[]; ajv: Ajv } | undefined;
const bodyValidators = new Map<string, ValidateFunction | null>();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function resolveParameter(spec: OpenApiSpec, p: Parameter | { $ref: string }): Parameter {
  if ('$ref' in p) {
    const name = p.$ref.replace('#/components/parameters/', '');
    const found = spec.components.parameters[name];
    if (!found) throw new Error(`unresolved parameter ${p.$ref}`);
    return found;
  }
  return p;
}

/** Loads and indexes the description once per process. */
export function loadSpec(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as OpenApiSpec;

  const paths: CompiledPath[] = [];
  for (const [template, methods] of Object.entries(spec.paths)) {
    const names: string[] = [];
    let literals = 0;
    const ops: Record<string, Operation> = {};
    for (const [m, op] of Object.entries(methods)) {
      if (m !== 'parameters') ops[m.toUpperCase()] = op;
    }
    // `x-multi-segment` parameters (a commit ref like `heads/main`) may contain slashes.
    const multi = new Set<string>();
    for (const op of Object.values(ops)) {
      for (const p of op.parameters ?? []) {
        const raw = p as Record<string, unknown>;
        if (raw['x-multi-segment'] && typeof raw.name === 'string') multi.add(raw.name);
      }
    }
    const pattern = template
      .split('/')
      .map((segment) => {
        const m = /^\{([^}]+)\}$/.exec(segment);
        if (!m) {
          if (segment) literals++;
          return escapeRegex(segment);
        }
        names.push(m[1]);
        return multi.has(m[1]) ? '(.+)' : '([^/]+)';
      })
      .join('/');
    paths.push({ template, regex: new RegExp(`^${pattern}$`), names, literals, methods: ops });
  }
  paths.sort((a, b) => b.literals - a.literals);

  // OpenAPI 3.0 schemas carry `example`, `x-github` and friends: not JSON Schema keywords, so
  // strict mode is off. `nullable` is understood by ajv natively.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  ajv.addFormat(
    'date-time',
    (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(s) && !Number.isNaN(Date.parse(s)),
  );
  ajv.addFormat('date', /^\d{4}-\d\d-\d\d$/);
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  for (const f of ['int32', 'int64', 'double', 'repo.nwo', 'binary', 'uri-template', 'timestamp']) {
    ajv.addFormat(f, true);
  }
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: spec.components.schemas } });

  loaded = { spec, paths, ajv };
  return loaded;
}

/** Finds the operation a method + path stands for, the way GitHub's router would. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const { paths } = loadSpec();
  let pathMatched = false;
  for (const p of paths) {
    const m = p.regex.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    const operation = p.methods[method.toUpperCase()];
    if (!operation) continue;
    const params: Record<string, string> = {};
    p.names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]);
    });
    return {
      ok: true,
      route: {
        template: p.template,
        method: method.toUpperCase(),
        operationId: operation.operationId,
        params,
      },
      operation,
    };
  }
  return pathMatched
    ? { ok: false, status: 405, message: `${method} is not allowed on ${pathname}` }
    : { ok: false, status: 404, message: `No GitHub REST endpoint matches ${pathname}` };
}

function checkScalar(
  value: string,
  schema: Record<string, unknown> | undefined,
): string | undefined {
  if (!schema) return undefined;
  const type = schema.type;
  if (type === 'integer' && !/^-?\d+$/.test(value)) return `must be an integer, got "${value}"`;
  if (type === 'number' && Number.isNaN(Number(value))) return `must be a number, got "${value}"`;
  if (type === 'boolean' && value !== 'true' && value !== 'false') {
    return `must be a boolean, got "${value}"`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(value)) {
    return `must be one of ${schema.enum.join(', ')}, got "${value}"`;
  }
  if (typeof schema.maximum === 'number' && Number(value) > schema.maximum) {
    return `must be <= ${schema.maximum}`;
  }
  if (typeof schema.minimum === 'number' && Number(value) < schema.minimum) {
    return `must be >= ${schema.minimum}`;
  }
  return undefined;
}

/**
 * OpenAPI 3.0's `nullable: true` next to a `oneOf` without `type` (issues/create's `milestone`)
 * is valid OpenAPI but ajv refuses it: written as the JSON Schema it means, "one of those, or
 * null".
 */
function typedNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(typedNullable);
  if (node === null || typeof node !== 'object') return node;
  const obj = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, typedNullable(v)]),
  ) as Record<string, unknown>;
  if (obj.nullable === true && obj.type === undefined) {
    const { nullable: _n, ...rest } = obj;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return obj;
}

function bodyValidator(route: Route, operation: Operation): ValidateFunction | null {
  const key = `${route.method} ${route.template}`;
  if (bodyValidators.has(key)) return bodyValidators.get(key) ?? null;
  const { ajv } = loadSpec();
  const schema = operation.requestBody?.content['application/json']?.schema;
  let fn: ValidateFunction | null = null;
  if (schema) {
    // Point local `#/components/...` refs at the shared copy registered under SPEC_ID.
    const rewritten = JSON.parse(
      JSON.stringify(schema).replaceAll('"$ref":"#/components/', `"$ref":"${SPEC_ID}#/components/`),
    ) as Record<string, unknown>;
    fn = ajv.compile(typedNullable(rewritten) as Record<string, unknown>);
  }
  bodyValidators.set(key, fn);
  return fn;
}

/**
 * Everything wrong with a request for the matched operation; an empty list means GitHub's
 * description accepts it. `body` is the parsed JSON (undefined when the request had none).
 */
export function validateRequest(
  route: Route,
  operation: Operation,
  query: URLSearchParams,
  body: unknown,
  contentType: string | undefined,
): string[] {
  const { spec } = loadSpec();
  const errors: string[] = [];
  const params = (operation.parameters ?? []).map((p) => resolveParameter(spec, p));

  for (const p of params.filter((x) => x.in === 'path')) {
    const value = route.params[p.name];
    if (value === undefined || value === '') {
      errors.push(`path parameter ${p.name} is missing`);
      continue;
    }
    const problem = checkScalar(value, p.schema);
    if (problem) errors.push(`path parameter ${p.name} ${problem}`);
  }

  const queryParams = new Map(params.filter((x) => x.in === 'query').map((p) => [p.name, p]));
  for (const [name, value] of query) {
    const p = queryParams.get(name) ?? queryParams.get(name.replace(/\[\]$/, ''));
    if (!p) {
      errors.push(`query parameter ${name} is not defined for ${route.operationId}`);
      continue;
    }
    const problem = checkScalar(value, p.schema);
    if (problem) errors.push(`query parameter ${name} ${problem}`);
  }
  for (const p of queryParams.values()) {
    if (p.required && !query.has(p.name)) errors.push(`query parameter ${p.name} is required`);
  }

  const rb = operation.requestBody;
  if (body === undefined) {
    if (rb?.required) errors.push(`${route.operationId} requires a JSON request body`);
  } else if (!rb) {
    errors.push(`${route.operationId} takes no request body`);
  } else {
    if (contentType && !/^application\/(vnd\.github[^;]*\+)?json/.test(contentType)) {
      errors.push(`content-type must be application/json, got ${contentType}`);
    }
    const validate = bodyValidator(route, operation);
    if (validate && !validate(body)) {
      for (const e of validate.errors ?? []) {
        errors.push(
          `body${e.instancePath || ''} ${e.message ?? 'is invalid'}${formatParams(e.params)}`,
        );
      }
    }
  }
  return errors;
}

function formatParams(params: Record<string, unknown>): string {
  if ('allowedValues' in params) return ` (${(params.allowedValues as unknown[]).join(', ')})`;
  if ('additionalProperty' in params) return ` (${String(params.additionalProperty)})`;
  return '';
}
