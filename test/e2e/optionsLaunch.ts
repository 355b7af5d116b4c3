/**
 * Chromium with the extension, with extra switches and environment (German UI, host mapping) that
 * test/e2e/browser.ts does not take. Fresh profile per call.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from '../../scripts/chromium';
import { CHROMIUM_ARGS, DIST, takeWelcomeTab } from './browser';

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  sw(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launch(options: { dist?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<Launched> {
  const dist = options.dist ?? DIST;
  const profile = mkdtempSync(join(tmpdir(), 'reset-desk-options-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_ARGS, ...(options.args ?? [])],
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
  });
  const sw = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await sw()).url()).host;
  await takeWelcomeTab(context, extensionId);
  return {
    context,
    extensionId,
    sw,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
