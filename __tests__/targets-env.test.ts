/**
 * What the system under test inherits: evalgate's environment less the action's inputs and the
 * runner's internal tokens (the PR's code runs there), plus the config's env and the keys the
 * action hands over by name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTarget } from '../src/targets/index.ts';
import { inheritedEnv } from '../src/targets/inherited-env.ts';
import { ctx, node, request } from './helpers/targets.ts';

const planted = {
  'INPUT_GITHUB-TOKEN': 'ghs_plantedplantedplanted0000000000',
  'INPUT_OPENAI-API-KEY': 'sk-planted-planted-planted-000000',
  ACTIONS_RUNTIME_TOKEN: 'runtime-planted',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-planted',
  ACTIONS_CACHE_URL: 'https://cache.invalid/',
  EVALGATE_KEEP_ME: 'kept',
};

afterEach(() => {
  for (const k of Object.keys(planted)) delete process.env[k];
});

describe('the environment of the system under test', () => {
  it('withholds action inputs and runner tokens, keeps the rest', () => {
    const env = inheritedEnv({ ...planted, PATH: '/bin', input_lower: 'x' });
    expect(Object.keys(env).sort()).toEqual(['EVALGATE_KEEP_ME', 'PATH']);
  });

  it('a command target sees neither, but sees the config env and the handed-over key', async () => {
    Object.assign(process.env, planted);
    const target = await createTarget(
      { kind: 'command', command: node('env-echo.mjs'), env: { FROM_CONFIG: '1' } },
      ctx({ env: { OPENAI_API_KEY: 'sk-handed-over-on-purpose-000' } }),
    );
    try {
      const names = (await target.run(request({}), { timeoutMs: 10_000 })).output.split(' ');
      expect(names).toContain('EVALGATE_KEEP_ME');
      expect(names).toContain('FROM_CONFIG');
      expect(names).toContain('OPENAI_API_KEY');
      for (const k of Object.keys(planted).filter((k) => k !== 'EVALGATE_KEEP_ME'))
        expect(names).not.toContain(k);
    } finally {
      await target.close();
    }
  });
});
