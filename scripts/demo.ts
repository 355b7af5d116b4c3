/**
 * `npm start`: builds nothing itself (npm start runs the build first), starts the simulated admin
 * with its demo data and opens Chromium with the extension loaded at the admin's login page.
 * Headed where a display exists; otherwise it keeps the simulator running and says how to open it.
 */
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PEOPLE } from '../test/admin-sim/server';
import { PortInUseError, startDemoSimulator } from './demoPort';
import { ensureChromium } from './chromium';
import { patchStoredSettings } from './extensionSettings';

let started: Awaited<ReturnType<typeof startDemoSimulator>>;
try {
  started = await startDemoSimulator(process.env);
} catch (error) {
  if (!(error instanceof PortInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const { sim, notes } = started;
for (const note of notes) console.log(note);
const dist = resolve('dist');
console.log(`Simulated FlickRocket admin: ${sim.url}/  (log in as agent@example.com / demo-password)`);
console.log(
  `Customers to try: ${PEOPLE.valid2h} (valid request), ${PEOPLE.expired24h01} (expired), ${PEOPLE.changed} (already changed), ` +
    `${PEOPLE.noRequest} (no request), ${PEOPLE.twoShops} (two shops), ${PEOPLE.lookalike} (look-alike of ${PEOPLE.valid2h}).`,
);

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('\nNo display here, so no browser window was opened. On a desktop:');
  console.log(`  chromium --load-extension=${dist} --user-data-dir=$(mktemp -d) ${sim.url}/`);
  console.log('or load dist/ in chrome://extensions (Developer mode → Load unpacked). Ctrl+C stops the simulator.');
} else {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'reset-desk-demo-')), {
    executablePath: ensureChromium(),
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--no-first-run', '--disable-background-networking', '--disable-sync'],
    viewport: null,
  });
  // The demo's admin is the simulator: point the extension at it (address and the zone it prints
  // dates in) as an agent would on the welcome page, which the install opened before this was set.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await patchStoredSettings(worker, { adminUrl: `${sim.url}/`, adminTimeZone: sim.config.timeZone });
  for (const tab of context.pages()) if (tab.url().includes('/src/welcome/')) await tab.reload();
  console.log(`Reset Desk is set to this admin (${sim.url}/, dates in ${sim.config.timeZone}), as its welcome page shows.`);
  const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
  await page.goto(`${sim.url}/`);
  context.on('close', () => void sim.close().then(() => process.exit(0)));
  console.log('Chromium is open with Reset Desk loaded. Close the window (or Ctrl+C) to stop.');
}

process.on('SIGINT', () => void sim.close().then(() => process.exit(0)));
