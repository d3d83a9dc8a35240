/**
 * The environment the system under test (and the `setup` command) inherits from evalgate: ours,
 * less what only the Actions runner and the action itself need. The PR's code runs there, so it
 * gets no action input (`INPUT_GITHUB-TOKEN`, `INPUT_OPENAI-API-KEY`: a key the suite needs is
 * handed over by name, as OPENAI_API_KEY) and none of the runner's internal tokens (the cache
 * and artifact services, OIDC). Defence in depth, not a sandbox: a process of the same user can
 * still read its parent's environment; docs/security.md says what a PR's code can do.
 */
const WITHHELD =
  /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_CACHE_URL|ACTIONS_RESULTS_URL)$/i;

export function inheritedEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (!WITHHELD.test(k)) out[k] = v;
  return out;
}
