/**
 * The vendor guide's manual procedure as a plain Playwright script (no extension): clicks by the
 * admin's visible labels, waits only for the admin's own responses. It proves the simulator
 * behaves as the guide says, and it is the "ideal macro" the extension's speed is compared with.
 *
 * It knows the labels from the simulator's label table (a test may; the extension may not) and,
 * where an agent would read a date by eye, takes the simulator's own formatting of the instant.
 */
import type { Locator, Page } from 'playwright-core';
import { formatDate, LABELS, type Simulator } from '../admin-sim/server';

type Key = keyof (typeof LABELS)['en'];

export function label(sim: Simulator, key: Key): string {
  return sim.config.renamed[key] ?? LABELS[sim.config.lang][key];
}

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** A link or button with exactly this text (the admin uses either for the same label). */
function control(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('link', { name: exact(text) }).or(scope.getByRole('button', { name: exact(text) }));
}

/** Menu sub-items are hidden until hover; an agent hovers, the macro clicks the link directly. */
export async function openMenu(page: Page, sim: Simulator, item: 'incomingRequests' | 'customers'): Promise<void> {
  const link = page.getByRole('link', { name: exact(label(sim, item)), includeHidden: true }).first();
  await Promise.all([page.waitForEvent('load'), link.evaluate((a: HTMLElement) => a.click())]);
}

export async function search(page: Page, sim: Simulator, email: string): Promise<void> {
  const icon = page.locator(`[title="${label(sim, 'search')}"], [alt="${label(sim, 'search')}"], [aria-label="${label(sim, 'search')}"]`).first();
  const form = page.locator('form').filter({ has: icon });
  await form.locator('input[type=text], input[type=search], input:not([type])').first().fill(email);
  await Promise.all([page.waitForEvent('load'), icon.click()]);
}

/** The innermost table row whose cells hold exactly this e-mail (and shop). */
/** A cell whose own text is exactly `text`; XPath, unlike role names, ignores UI the extension injects in shadow roots. */
function cellWithText(page: Page, text: string): Locator {
  return page.locator(`xpath=./td[normalize-space(.)=${JSON.stringify(text)}]`);
}

function resultRow(page: Page, sim: Simulator, email: string, shop?: string): Locator {
  let row = page
    .locator('tr')
    .filter({ has: cellWithText(page, email) })
    .filter({ hasNot: page.locator('tr') })
    .filter({ has: control(page, label(sim, 'show')) });
  if (shop) row = row.filter({ has: cellWithText(page, shop) });
  return row;
}

export async function openCustomer(page: Page, sim: Simulator, email: string, shop?: string): Promise<void> {
  const row = resultRow(page, sim, email, shop).first();
  await Promise.all([page.waitForEvent('load'), control(row, label(sim, 'show')).first().click()]);
}

/** Clicks the section's "Click to load data" and waits for its table (found by a header text). */
export async function loadSection(page: Page, sim: Simulator, section: 'passwordHistory' | 'emailHistory'): Promise<Locator> {
  const header = section === 'passwordHistory' ? label(sim, 'colPasswordChanged') : label(sim, 'colEmailType');
  const table = page.locator('table').filter({ has: page.getByRole('columnheader', { name: exact(header) }) }).filter({ hasNot: page.locator('table') });
  // Sections appear in varying order: each load link belongs to the section whose table it becomes.
  const loads = control(page, label(sim, 'clickToLoad'));
  for (let attempt = 0; attempt < 2 && (await table.count()) === 0; attempt++) {
    const n = await loads.count();
    for (let i = 0; i < n; i++) await loads.nth(0).click();
    await page.waitForFunction(
      ([loading, err]) => !document.body.innerText.includes(loading as string) || document.body.innerText.includes(err as string),
      [label(sim, 'loading'), label(sim, 'errorLoading')],
    );
    await table.or(page.getByText(label(sim, 'errorLoading'))).first().waitFor();
  }
  await table.first().waitFor();
  return table.first();
}

/** Verify: Support > Incoming requests → search → Show → Password History → load; returns the rows' texts. */
export async function verify(page: Page, sim: Simulator, email: string, shop?: string): Promise<string[][]> {
  await openMenu(page, sim, 'incomingRequests');
  await search(page, sim, email);
  await openCustomer(page, sim, email, shop);
  const table = await loadSection(page, sim, 'passwordHistory');
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from((r as HTMLTableRowElement).cells).map((c) => c.innerText.trim())));
}

/** Resend (on the user page): E-mail History → the latest New Password row → Subject → Reply → Send. */
export async function resend(page: Page, sim: Simulator, email: string, shop?: string): Promise<void> {
  const account = sim.scenario().accounts.find((a) => a.email === email && (!shop || sim.scenario().shop(a.shopId).name === shop));
  if (!account) throw new Error(`no such account ${email}`);
  const latest = account.mails.filter((m) => m.type === 'newPassword').sort((a, b) => b.at - a.at)[0];
  if (!latest) throw new Error(`${email} has no New Password e-mail`);
  const table = await loadSection(page, sim, 'emailHistory');
  // An agent reads the dates; the macro knows which one is the latest.
  const row = table
    .locator('tr')
    .filter({ has: page.getByRole('cell', { name: exact(formatDate(latest.at, sim.config.dateFormat, sim.config.timeZone)) }) })
    .filter({ hasNot: page.locator('tr') });
  await row.first().getByRole('link').or(row.first().getByRole('button')).first().click();
  await control(page, label(sim, 'reply')).first().click();
  await control(page, label(sim, 'send')).first().click();
  await page.getByText(label(sim, 'emailSent')).first().waitFor();
}

/** Manual reset: Sales > Customers → search → Show → Customer → Password → Save. */
export async function manualReset(page: Page, sim: Simulator, email: string, password: string, shop?: string): Promise<string> {
  await openMenu(page, sim, 'customers');
  await search(page, sim, email);
  await openCustomer(page, sim, email, shop);
  // A <label> where the markup has one, else the input in the form row captioned "Password".
  const captioned = page.locator('tr').filter({ has: page.getByRole('cell', { name: exact(label(sim, 'password')) }) }).filter({ hasNot: page.locator('tr') }).locator('input');
  await page.getByLabel(exact(label(sim, 'password'))).or(captioned).first().fill(password);
  await Promise.all([page.waitForEvent('load'), control(page, label(sim, 'save')).first().click()]);
  return page.locator('body').innerText();
}
