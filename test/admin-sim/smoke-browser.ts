/**
 * Browser smoke test of the simulator's page scripts, in real Chromium, for every variant and
 * language, driving the pages by visible labels only (as the extension must):
 *   login -> Incoming requests -> search -> Show -> both "Click to load data" -> newest
 *   "New Password" Subject -> Reply -> Send -> "E-mail has been sent"; then Customers -> Show ->
 *   Save with a short and a good password. Fails on any JS alert (escaping) or page error.
 *
 *   tsx test/admin-sim/smoke-browser.ts [--variant legacy] [--lang de] [--headed]
 * Chromium: $CHROMIUM_PATH or /usr/bin/chromium.
 */
import { chromium, type Page } from 'playwright-core';
import { LABELS, type Lang } from './labels.js';
import { DEMO_LOGIN, PEOPLE, startSimulator } from './server.js';
import { VARIANTS, type Variant } from './variants.js';

const argv = process.argv.slice(2);
const opt = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const variants = (opt('variant') ? [opt('variant')] : VARIANTS) as Variant[];
const langs = (opt('lang') ? [opt('lang')] : ['en', 'de']) as Lang[];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: !argv.includes('--headed'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const sim = await startSimulator({ control: true, loadDataLatencyMs: [50, 150] });
let failures = 0;

/** A link or button (incl. <input> buttons) with exactly this accessible name. */
function control(page: Page, name: string) {
  return page.getByRole('link', { name, exact: true }).or(page.getByRole('button', { name, exact: true })).first();
}

/** Hover the top menu item (sub-items are hidden until hover), then click the sub-item. */
async function menu(page: Page, top: string, item: string) {
  await page.getByText(top, { exact: true }).first().hover();
  await page.getByRole('link', { name: item, exact: true }).first().click();
}

async function run(variant: Variant, lang: Lang) {
  const L = LABELS[lang];
  sim.setConfig({ variant, lang });
  sim.reset();
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(5000);
  const problems: string[] = [];
  page.on('dialog', (d) => { problems.push(`JS dialog: ${d.message()}`); void d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  await page.goto(sim.url + '/');
  await page.getByLabel(L.loginEmail, { exact: true }).or(page.locator('input[type=text],input[type=email]').first()).first().fill(DEMO_LOGIN.email);
  await page.locator('input[type=password]').fill(DEMO_LOGIN.password);
  await control(page, L.loginButton).click();
  await menu(page, L.support, L.incomingRequests);
  await page.locator('input[type=text],input[type=search]').first().fill(PEOPLE.xss);
  await control(page, L.search).click();
  await control(page, L.show).click();

  // First load of each section fails ('once'): "Error loading data" with the control back; the retry works.
  sim.setConfig({ loadDataFailure: 'once' });
  for (const heading of [L.passwordHistory, L.emailHistory]) {
    await page.getByText(heading, { exact: true }).waitFor();
    const loaders = page.getByRole('link', { name: L.clickToLoad, exact: true }).or(page.getByRole('button', { name: L.clickToLoad, exact: true }));
    const before = await loaders.count();
    await loaders.first().click();
    await page.getByText(L.errorLoading, { exact: true }).waitFor();
    await loaders.first().click();
    await page.waitForFunction(([n, label]) => [...document.querySelectorAll('a,button,input')]
      .filter((e) => (e.textContent || (e as HTMLInputElement).value) === label).length === n - 1, [before, L.clickToLoad] as const);
    if (await page.getByText(L.errorLoading, { exact: true }).count()) problems.push('error text stayed after retry');
  }
  sim.setConfig({ loadDataFailure: 'never' });
  await page.getByRole('columnheader', { name: L.colEmailType, exact: true }).waitFor();
  const subject = page.locator('tr:not(:has(tr))', { hasText: L.typeNewPassword }).getByRole('link').first();
  await subject.click();
  await control(page, L.reply).click();
  sim.setConfig({ failPages: [{ kind: 'send', mode: 'once' }] });
  await control(page, L.send).click();
  await page.getByText(L.sendFailed, { exact: true }).waitFor();
  if (sim.outbox().length) problems.push('failed send reached the outbox');
  await control(page, L.send).click();
  await page.getByText(L.emailSent, { exact: true }).waitFor({ timeout: 5000 });
  await control(page, L.close).click();
  const sent = sim.outbox().at(-1);
  const expected = sim.people().find((p) => p.email === PEOPLE.xss)?.latestToken;
  if (!sent || sent.token !== expected) problems.push(`outbox token ${sent?.token} != ${expected}`);

  // Session expires mid-flow: the dialog fetch answers 401 and the dialog says so.
  sim.expireSessions();
  await subject.click();
  await page.getByText(L.sessionExpired, { exact: true }).waitFor();
  await control(page, L.close).click();
  await page.context().addCookies([{ name: 'FRADMIN_SESSION', value: sim.login().split('=')[1]!, url: sim.url }]);

  await menu(page, L.sales, L.customers);
  await page.locator('input[type=text],input[type=search]').first().fill(PEOPLE.valid2h);
  await control(page, L.search).click();
  await control(page, L.show).click();
  const pw = page.locator('input[type=password]');
  await pw.fill('short');
  await control(page, L.save).click();
  await page.getByText(L.passwordTooShort).waitFor();
  await page.locator('input[type=password]').fill('a-good-password');
  await control(page, L.save).click();
  await page.getByText(L.changesSaved).waitFor();
  if (!sim.checkPassword(PEOPLE.valid2h, 'a-good-password')) problems.push('password not changed');

  await page.context().close();
  const tag = `${variant}/${lang}`;
  if (problems.length) { failures++; console.log(`FAIL ${tag}: ${problems.join('; ')}`); } else console.log(`ok   ${tag}`);
}

try {
  for (const v of variants) for (const l of langs) {
    try { await run(v, l); } catch (e) { failures++; console.log(`FAIL ${v}/${l}: ${(e as Error).message.split('\n').slice(0, 4).join(' | ')}`); }
  }
} finally {
  await browser.close();
  await sim.close();
}
process.exit(failures ? 1 : 0);
