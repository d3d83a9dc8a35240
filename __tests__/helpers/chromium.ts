/**
 * Headless Chromium for the report tests and the screenshot script: the Debian browser at
 * /usr/bin/chromium through playwright-core (never a browser download), with everything that
 * would touch the network at start-up switched off.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.EVALGATE_CHROMIUM ?? '/usr/bin/chromium';

export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageWatch {
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Requests to anything but file:, data: and about: URLs. */
  network: string[];
  /** Dialogs (alert/confirm/prompt) the page opened: each one means injected code ran. */
  dialogs: string[];
}

/** Records console errors, network requests and dialogs of a page. */
export function watchPage(page: Page): PageWatch {
  const w: PageWatch = { errors: [], network: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('request', (r) => {
    if (!/^(file|data|about):/.test(r.url())) w.network.push(r.url());
  });
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  return w;
}
