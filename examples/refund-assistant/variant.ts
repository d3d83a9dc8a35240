/**
 * Builds an app folder for a variant: the app's own files (config, prompt, kb, data) with
 * variants/<name>/ copied over them. Tests and measurements use it to run the agent on the
 * regressed version without touching the checked-in good version.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_APP_DIR } from './agent.ts';

const APP_FILES = ['config.json', 'prompt', 'kb', 'data'];

/** Returns the new folder's path (a fresh temp folder unless `dest` is given). */
export function materializeVariant(
  name: string,
  dest?: string,
  appDir: string = DEFAULT_APP_DIR,
): string {
  const variantDir = path.join(appDir, 'variants', name);
  if (!existsSync(variantDir)) throw new Error(`no variant ${name} in ${appDir}/variants`);
  const out = dest ?? mkdtempSync(path.join(tmpdir(), `refund-assistant-${name}-`));
  for (const f of APP_FILES) cpSync(path.join(appDir, f), path.join(out, f), { recursive: true });
  cpSync(variantDir, out, { recursive: true });
  return out;
}
