// @vitest-environment node
/**
 * The adapter against the simulated admin: every variant x both languages x every date format (plus
 * other time zones), pages fetched in-process and loaded into jsdom with the simulator's own page
 * script. Results are compared with the simulator's seeded truth (its Scenario), not with markup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Simulator } from '../../admin-sim/server';
import type { Account } from '../../admin-sim/state';
import {
  AdminError, checkLayout, detectAdminLanguage, findControl, findCustomerForm, labelsFor, latestNewPasswordEmail,
  loadHistory, openEmail, parseEmailHistory, parsePasswordHistory, parseSearchResults, saveBaseline,
  readSaveOutcome, readUserPageEmail, recognizePage, replyToOpenEmail, sendComposedEmail, setInputValue,
  type AdminLabels,
} from '../../../src/admin';
import { fetchText, formBody, loadPage, targetOf, type SimPage, useSimulator } from './simHarness';

type Variant = 'classic' | 'modern' | 'legacy';
type Lang = 'en' | 'de';
type DateFormat = 'en-US' | 'de-DE' | 'iso-minute' | 'iso-t';

const VARIANTS: Variant[] = ['classic', 'modern', 'legacy'];
const LANGS: Lang[] = ['en', 'de'];
const FORMATS: DateFormat[] = ['en-US', 'de-DE', 'iso-minute', 'iso-t'];

let sim: Simulator;
let cookie: string;

useSimulator((s, c) => {
  sim = s;
  cookie = c;
});

/** The admin prints seconds (or only minutes): truncate the truth the same way. */
function truncate(at: number, format: DateFormat): number {
  const unit = format === 'iso-minute' ? 60_000 : 1000;
  return Math.floor(at / unit) * unit;
}

function accountsOf(email: string): Account[] {
  return sim.scenario().accounts.filter((a) => a.email === email);
}

async function listPage(kind: 'incoming' | 'customers', q: string): Promise<SimPage> {
  const c = sim.config.variant;
  const param = { classic: 'q', modern: 'search', legacy: 's' }[c];
  return loadPage(sim, cookie, `${sim.pathOf(kind)}?${param}=${encodeURIComponent(q)}`, {}, false);
}

async function userPageOf(labels: AdminLabels, email: string): Promise<SimPage> {
  const list = await listPage('incoming', email);
  const res = parseSearchResults(list.doc, labels, email, 'incoming-requests');
  const row = res.exact[0];
  if (!row) throw new Error(`no exact row for ${email}`);
  return loadPage(sim, cookie, targetOf(row.showControl, list.url));
}

function checkHistories(page: SimPage, labels: AdminLabels, account: Account, format: DateFormat, timeZone: string): void {
  const pw = parsePasswordHistory(page.doc, labels, { timeZone });
  expect(pw.map((r) => r.at).sort()).toEqual(account.pwHistory.map((r) => truncate(r.at, format)).sort());
  const byAt = new Map(account.pwHistory.map((r) => [truncate(r.at, format), r]));
  for (const r of pw) {
    const truth = byAt.get(r.at)!;
    expect(r.changed).toBe(truth.changed);
    expect(r.origin).toBe({ flux: 'flux-player', web: 'web-player', admin: 'admin' }[truth.origin]);
  }
  const mails = parseEmailHistory(page.doc, labels, { timeZone });
  expect(mails.map((m) => m.at).sort()).toEqual(account.mails.map((m) => truncate(m.at, format)).sort());
  for (const m of mails) {
    const truth = account.mails.find((x) => truncate(x.at, format) === m.at && x.subject === m.subject);
    expect(truth, m.subject).toBeDefined();
    expect(m.kind).toBe(truth!.type === 'newPassword' ? 'new-password' : 'other');
    expect(m.recipient).toBe(truth!.to);
  }
  const latest = latestNewPasswordEmail(mails);
  const truthLatest = account.mails.filter((m) => m.type === 'newPassword').sort((a, b) => b.at - a.at)[0];
  expect(latest?.subject).toBe(truthLatest?.subject);
  if (latest && truthLatest) expect(latest.at).toBe(truncate(truthLatest.at, format));
}

const combos: { variant: Variant; lang: Lang; dateFormat: DateFormat; timeZone: string }[] = [];
for (const variant of VARIANTS) for (const lang of LANGS) for (const dateFormat of FORMATS) combos.push({ variant, lang, dateFormat, timeZone: 'Europe/Berlin' });
combos.push({ variant: 'modern', lang: 'en', dateFormat: 'en-US', timeZone: 'America/New_York' });
combos.push({ variant: 'legacy', lang: 'de', dateFormat: 'iso-minute', timeZone: 'Asia/Kolkata' });
combos.push({ variant: 'classic', lang: 'en', dateFormat: 'iso-t', timeZone: 'Pacific/Auckland' });

describe.each(combos)('simulator $variant/$lang/$dateFormat/$timeZone', ({ variant, lang, dateFormat, timeZone }) => {
  it('recognises pages, reads search results and both histories like the seeded truth', async () => {
    sim.setConfig({ variant, lang, dateFormat, timeZone, renamed: {}, loadDataFailure: 'never', brokenDates: false });
    const labels = labelsFor(lang);

    // List page: exact vs look-alike, several shops, no records.
    const list = await listPage('incoming', PEOPLE.valid2h);
    expect(recognizePage(list.doc, labels)).toBe('incoming-requests');
    expect(detectAdminLanguage(list.doc)).toBe(lang);
    expect(checkLayout(list.doc, labels, 'incoming-requests').missing).toEqual([]);
    const res = parseSearchResults(list.doc, labels, PEOPLE.valid2h, 'incoming-requests');
    const truth = sim.scenario().search(PEOPLE.valid2h);
    expect(res.rows.map((r) => r.ref.email).sort()).toEqual(truth.map((a) => a.email).sort());
    expect(res.exact.map((r) => r.ref.email)).toEqual([PEOPLE.valid2h]);
    expect(res.lookalikes.map((r) => r.ref.email)).toContain(PEOPLE.lookalike);

    // The rest of the list checks do not depend on the date format: once per variant x language.
    const full = dateFormat === 'en-US' && timeZone === 'Europe/Berlin';
    if (full) {
    const two = parseSearchResults((await listPage('customers', PEOPLE.twoShops.toUpperCase())).doc, labels, PEOPLE.twoShops.toUpperCase());
    expect(two.exact.map((r) => r.ref.shop).sort()).toEqual(accountsOf(PEOPLE.twoShops).map((a) => sim.scenario().shop(a.shopId).name).sort());

    const none = await listPage('customers', 'nobody-at-all@example.org');
    expect(recognizePage(none.doc, labels)).toBe('customers');
    expect(parseSearchResults(none.doc, labels, 'nobody-at-all@example.org')).toMatchObject({ noRecords: true, rows: [] });

    // All rows (empty search): page 1 has a Next control, shops and names read as text.
    const all = parseSearchResults((await listPage('incoming', '')).doc, labels, '');
    if (sim.scenario().accounts.length > 20) expect(all.next).not.toBeNull();
    }

    // User pages: load both histories with the page's own script, compare with the truth.
    for (const email of full ? [PEOPLE.valid2h, PEOPLE.manyRows, PEOPLE.noRequest, PEOPLE.xss] : [PEOPLE.manyRows]) {
      const page = await userPageOf(labels, email);
      expect(recognizePage(page.doc, labels)).toBe('user');
      expect(readUserPageEmail(page.doc)).toBe(email);
      expect(await loadHistory(page.doc, labels, 'passwordHistory', { timeoutMs: 3000 })).toMatchObject({ clicks: 1 });
      await loadHistory(page.doc, labels, 'emailHistory', { timeoutMs: 3000 });
      checkHistories(page, labels, accountsOf(email)[0]!, dateFormat, timeZone);
      page.dom.window.close();
    }
  });
});

describe.each(VARIANTS)('simulator %s: actions end to end', (variant) => {
  it.each(LANGS)('resends the latest New Password e-mail (%s)', async (lang) => {
    sim.reset();
    sim.setConfig({ variant, lang, dateFormat: 'iso-t', timeZone: 'Europe/Berlin', renamed: {}, loadDataFailure: 'never', brokenDates: false });
    const labels = labelsFor(lang);
    const page = await userPageOf(labels, PEOPLE.valid2h);
    await loadHistory(page.doc, labels, 'emailHistory', { timeoutMs: 3000 });
    const latest = latestNewPasswordEmail(parseEmailHistory(page.doc, labels, { timeZone: 'Europe/Berlin' }))!;
    const opened = await openEmail(page.doc, labels, latest, { timeoutMs: 3000 });
    expect(opened.reply).toBeTruthy();
    const compose = await replyToOpenEmail(page.doc, labels, { timeoutMs: 3000 });
    expect(compose.to).toBe(PEOPLE.valid2h);
    await expect(sendComposedEmail(page.doc, labels, PEOPLE.valid2h, { timeoutMs: 3000 })).resolves.toEqual({ sent: true });
    const person = sim.people().find((p) => p.email === PEOPLE.valid2h)!;
    expect(sim.outbox().map((o) => o.token)).toEqual([person.latestToken]);
    page.dom.window.close();
  });

  it('reads To again right before Send: an address changed after Reply is not sent to', async () => {
    sim.reset();
    sim.setConfig({ variant, lang: 'en', dateFormat: 'iso-t', timeZone: 'Europe/Berlin', renamed: {}, loadDataFailure: 'never', brokenDates: false });
    const labels = labelsFor('en');
    const page = await userPageOf(labels, PEOPLE.valid2h);
    await loadHistory(page.doc, labels, 'emailHistory', { timeoutMs: 3000 });
    const latest = latestNewPasswordEmail(parseEmailHistory(page.doc, labels, { timeZone: 'Europe/Berlin' }))!;
    await openEmail(page.doc, labels, latest, { timeoutMs: 3000 });
    const compose = await replyToOpenEmail(page.doc, labels, { timeoutMs: 3000 });
    expect(compose.to).toBe(PEOPLE.valid2h);
    // The agent (or the page) edits To between Reply and Send: a look-alike of the customer's address.
    const lookalike = PEOPLE.valid2h.replace(/\.com$/u, '.co');
    const field = Array.from(compose.container.querySelectorAll('input, textarea')).find((f) => (f as HTMLInputElement).value.trim() === PEOPLE.valid2h) as HTMLInputElement | undefined;
    if (field) setInputValue(field, lookalike);
    else {
      const shown = Array.from(compose.container.querySelectorAll('*')).find((el) => el.children.length === 0 && el.textContent?.trim() === PEOPLE.valid2h)!;
      shown.textContent = lookalike;
    }
    await expect(sendComposedEmail(page.doc, labels, PEOPLE.valid2h, { timeoutMs: 3000 })).rejects.toMatchObject({ code: 'unexpected-page', page: 'user' });
    expect(sim.outbox()).toEqual([]);
    page.dom.window.close();
  });

  it('stops before Send when the compose form shows no "To" (it cannot know who would get the link)', async () => {
    sim.reset();
    sim.setConfig({ variant, lang: 'en', dateFormat: 'iso-t', timeZone: 'Europe/Berlin', renamed: { mailTo: 'Recipient' }, loadDataFailure: 'never', brokenDates: false });
    const labels = labelsFor('en');
    const page = await userPageOf(labels, PEOPLE.valid2h);
    await loadHistory(page.doc, labels, 'emailHistory', { timeoutMs: 3000 });
    const latest = latestNewPasswordEmail(parseEmailHistory(page.doc, labels, { timeZone: 'Europe/Berlin' }))!;
    await openEmail(page.doc, labels, latest, { timeoutMs: 3000 });
    await expect(replyToOpenEmail(page.doc, labels, { timeoutMs: 3000 })).rejects.toMatchObject({ code: 'label-missing', page: 'user', label: { key: 'composeTo', text: 'To' } });
    expect(sim.outbox()).toEqual([]);
    page.dom.window.close();
    sim.setConfig({ renamed: {} });
  });

  it('retries a failed load once, then reports load-failed; broken dates and renamed labels stop with a named error', async () => {
    sim.reset();
    sim.setConfig({ variant, lang: 'en', dateFormat: 'en-US', renamed: {}, loadDataFailure: 'once', brokenDates: false });
    const labels = labelsFor('en');
    let page = await userPageOf(labels, PEOPLE.valid2h);
    expect(await loadHistory(page.doc, labels, 'passwordHistory', { timeoutMs: 3000 })).toEqual({ state: 'table', clicks: 2 });

    sim.setConfig({ loadDataFailure: 'always' });
    page = await userPageOf(labels, PEOPLE.manyRows);
    await expect(loadHistory(page.doc, labels, 'emailHistory', { timeoutMs: 3000 })).rejects.toMatchObject({ code: 'load-failed', page: 'user', label: { key: 'emailHistory' } });

    sim.setConfig({ loadDataFailure: 'never', brokenDates: true });
    page = await userPageOf(labels, PEOPLE.valid2h);
    await loadHistory(page.doc, labels, 'passwordHistory', { timeoutMs: 3000 });
    expect(() => parsePasswordHistory(page.doc, labels)).toThrowError(AdminError);
    try { parsePasswordHistory(page.doc, labels); } catch (e) { expect((e as AdminError).code).toBe('unparseable-date'); }

    sim.setConfig({ brokenDates: false, renamed: { emailHistory: 'Mail Log' } });
    page = await userPageOf(labels, PEOPLE.valid2h);
    expect(recognizePage(page.doc, labels)).toBe('other');
    await expect(loadHistory(page.doc, labels, 'emailHistory', { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'label-missing', label: { key: 'emailHistory', text: 'E-mail History' } });
    const fixed = labelsFor('en', { emailHistory: 'Mail Log' });
    expect(recognizePage(page.doc, fixed)).toBe('user');
    await loadHistory(page.doc, fixed, 'emailHistory', { timeoutMs: 3000 });
    expect(parseEmailHistory(page.doc, fixed).length).toBe(accountsOf(PEOPLE.valid2h)[0]!.mails.length);
    sim.setConfig({ renamed: {} });
  });

  it.each(LANGS)('customer page: finds Password + Save, reads validation and "Changes saved" (%s)', async (lang) => {
    sim.reset();
    sim.setConfig({ variant, lang, renamed: {}, loadDataFailure: 'never' });
    const labels = labelsFor(lang);
    const list = await listPage('customers', PEOPLE.valid2h);
    const row = parseSearchResults(list.doc, labels, PEOPLE.valid2h, 'customers').exact[0]!;
    const page = await loadPage(sim, cookie, targetOf(row.showControl, list.url));
    expect(recognizePage(page.doc, labels)).toBe('customer');
    expect(checkLayout(page.doc, labels, 'customer').missing).toEqual([]);
    const before = saveBaseline(page.doc, labels);
    const form = findCustomerForm(page.doc, labels);
    expect(form.password.type).toBe('password');

    // The POST a browser would make (jsdom does not navigate): too short -> validation message.
    setInputValue(form.password, 'short');
    const bad = await fetchText(sim, cookie, form.form!.action, { method: 'POST', body: formBody(form.form!), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const badDoc = new (page.dom.window as unknown as { DOMParser: typeof DOMParser }).DOMParser().parseFromString(bad.text, 'text/html');
    const outcome = readSaveOutcome(badDoc, labels, before);
    expect(outcome.kind).toBe('validation');
    expect(outcome.kind === 'validation' && outcome.message).toMatch(lang === 'en' ? /at least 8 characters/ : /mindestens 8 Zeichen/);

    setInputValue(form.password, 'long-enough-1');
    const good = await fetchText(sim, cookie, form.form!.action, { method: 'POST', body: formBody(form.form!), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const goodDoc = new (page.dom.window as unknown as { DOMParser: typeof DOMParser }).DOMParser().parseFromString(good.text, 'text/html');
    expect(readSaveOutcome(goodDoc, labels, before)).toEqual({ kind: 'saved' });
    expect(sim.checkPassword(PEOPLE.valid2h, 'long-enough-1')).toBe(true);
  });

  it.each(LANGS)('login page is recognised (%s)', async (lang) => {
    sim.setConfig({ variant, lang });
    const page = await loadPage(sim, null, sim.pathOf('incoming'));
    expect(recognizePage(page.doc, labelsFor(lang))).toBe('login');
    expect(detectAdminLanguage(page.doc)).toBe(lang);
    expect(findControl(page.doc, labelsFor(lang), 'loginButton')).not.toBeNull();
  });
});
