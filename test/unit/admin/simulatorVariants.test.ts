// @vitest-environment node
/**
 * The adapter over every simulator quirk (test/admin-sim/variants.ts QUIRKS) x every markup variant x
 * both languages: needed vs. optional labels, texts of every language matching, and the customer's
 * identity read from wherever the page shows it. The expectations come from the simulator's config
 * and scenario, never from the quirk's name, so a quirk added to QUIRKS is tested here as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKUP_DEFAULTS, PEOPLE, QUIRKS, VARIANTS, type SimConfig, type Simulator } from '../../admin-sim/server';
import {
  checkLayout, detectAdminLanguage, findCustomerForm, labelsFor, loadHistory, openEmail, parseEmailHistory, parsePasswordHistory,
  parseSearchResults, latestNewPasswordEmail, readPageIdentity, readUserDetails, recognizePage, replyToOpenEmail, sendComposedEmail,
  type AdminLabels, type IdentityPlace,
} from '../../../src/admin';
import { loadPage, targetOf, type SimPage, useSimulator } from './simHarness';

let sim: Simulator;
let cookie: string;

useSimulator((s, c) => {
  sim = s;
  cookie = c;
});

async function list(kind: 'incoming' | 'customers', q: string): Promise<SimPage> {
  const param = { classic: 'q', modern: 'search', legacy: 's' }[sim.config.variant];
  return loadPage(sim, cookie, `${sim.pathOf(kind)}?${param}=${encodeURIComponent(q)}`, {}, false);
}

/** What the content script does: detect the language, then labels of that language (no overrides). */
function labelsOf(doc: Document, lang: SimConfig['lang']): AdminLabels {
  const detected = detectAdminLanguage(doc);
  // Partly translated pages still say which language most of their texts are in.
  expect(detected).toBe(lang);
  return labelsFor(detected ?? 'en');
}

/** The identity places the simulator's config promises (the customer form's E-mail field is always there). */
function expectedPlaces(c: SimConfig, page: 'user' | 'customer'): IdentityPlace[] {
  const map: Record<SimConfig['identityIn'][number], IdentityPlace> = { title: 'heading', 'browser-title': 'browser-title', breadcrumb: 'breadcrumb', field: 'field' };
  const places = new Set(c.identityIn.map((p) => map[p]));
  if (page === 'customer') places.add('field');
  return [...places].sort();
}

const QUIRK_NAMES = ['(none)', ...Object.keys(QUIRKS)];
const cases = QUIRK_NAMES.flatMap((quirk) => VARIANTS.flatMap((variant) => (['en', 'de'] as const).map((lang) => ({ quirk, variant, lang }))));

describe.each(cases)('quirk $quirk on $variant/$lang', ({ quirk, variant, lang }) => {
  it('lists, user page and customer page work; only optional labels may be missing; identity is read', async () => {
    sim.reset();
    sim.setConfig({ variant, lang, dateFormat: 'iso-t', timeZone: 'Europe/Berlin', loadDataFailure: 'never', brokenDates: false, ...MARKUP_DEFAULTS, ...(QUIRKS[quirk]?.config ?? {}) });
    const c = sim.config;
    const email = PEOPLE.valid2h;
    const account = sim.scenario().accounts.find((a) => a.email === email)!;
    const fullName = `${account.firstName} ${account.lastName}`;
    const nameShown = c.nameColumn !== 'none' && !c.renamed.colName;

    // Both lists: recognised, nothing needed missing, the row read; the name only when shown.
    for (const kind of ['incoming', 'customers'] as const) {
      const page = await list(kind, email);
      const labels = labelsOf(page.doc, lang);
      const pageKind = kind === 'incoming' ? 'incoming-requests' : 'customers';
      expect(recognizePage(page.doc, labels)).toBe(pageKind);
      const check = checkLayout(page.doc, labels, pageKind);
      expect(check.missing).toEqual([]);
      if (!nameShown) expect(check.optionalMissing).toContain('colName');
      if (!c.registeredColumn) expect(check.optionalMissing).toContain('colRegistered');
      const res = parseSearchResults(page.doc, labels, email, pageKind);
      expect(res.exact.map((r) => r.ref)).toEqual([{ email, name: nameShown ? fullName : '', shop: sim.scenario().shop(account.shopId).name }]);
    }

    // The user page (with its own script): identity, histories, the e-mail dialog, Send.
    const incoming = await list('incoming', email);
    const inLabels = labelsFor(detectAdminLanguage(incoming.doc) ?? 'en');
    const userPage = await loadPage(sim, cookie, targetOf(parseSearchResults(incoming.doc, inLabels, email, 'incoming-requests').exact[0]!.showControl, incoming.url));
    const labels = labelsOf(userPage.doc, lang);
    expect(recognizePage(userPage.doc, labels)).toBe('user');
    expect(checkLayout(userPage.doc, labels, 'user').missing).toEqual([]);
    const id = readPageIdentity(userPage.doc, labels, 'user');
    expect(id.email).toBe(email);
    expect([...new Set(id.sources.map((s) => s.place))].sort()).toEqual(expectedPlaces(c, 'user'));
    expect(readUserDetails(userPage.doc, labels).shop).toBe(sim.scenario().shop(account.shopId).name);
    await loadHistory(userPage.doc, labels, 'passwordHistory', { timeoutMs: 3000 });
    await loadHistory(userPage.doc, labels, 'emailHistory', { timeoutMs: 3000 });
    const loaded = checkLayout(userPage.doc, labels, 'user');
    expect(loaded.missing).toEqual([]);
    const requests = parsePasswordHistory(userPage.doc, labels, { timeZone: 'Europe/Berlin' });
    expect(requests.map((r) => r.changed).sort()).toEqual(account.pwHistory.map((r) => r.changed).sort());
    const mails = parseEmailHistory(userPage.doc, labels, { timeZone: 'Europe/Berlin' });
    expect(mails.length).toBe(account.mails.length);
    const latest = latestNewPasswordEmail(mails)!;
    expect(latest.recipient).toBe(email);
    await openEmail(userPage.doc, labels, latest, { timeoutMs: 3000 });
    const compose = await replyToOpenEmail(userPage.doc, labels, { timeoutMs: 3000 });
    expect(compose.to).toBe(email);
    await expect(sendComposedEmail(userPage.doc, labels, email, { timeoutMs: 3000 })).resolves.toEqual({ sent: true });
    // The open dialog (From/To addresses) is not the page naming someone else.
    expect(readPageIdentity(userPage.doc, labels, 'user').email).toBe(email);
    userPage.dom.window.close();

    // The customer page.
    const customers = await list('customers', email);
    const cuLabels = labelsFor(detectAdminLanguage(customers.doc) ?? 'en');
    const customerPage = await loadPage(sim, cookie, targetOf(parseSearchResults(customers.doc, cuLabels, email, 'customers').exact[0]!.showControl, customers.url), {}, false);
    const cl = labelsOf(customerPage.doc, lang);
    expect(recognizePage(customerPage.doc, cl)).toBe('customer');
    expect(checkLayout(customerPage.doc, cl, 'customer').missing).toEqual([]);
    expect(findCustomerForm(customerPage.doc, cl).password.type).toBe('password');
    const cid = readPageIdentity(customerPage.doc, cl, 'customer');
    expect(cid.email).toBe(email);
    expect([...new Set(cid.sources.map((s) => s.place))].sort()).toEqual(expectedPlaces(c, 'customer'));
  });
});

describe('simulator switches from strings (CLI and control API)', () => {
  it('quirks expand to switches; later keys override them; unknown names are refused', async () => {
    const { configFromStrings } = await import('../../admin-sim/server');
    expect(configFromStrings([['quirk', 'split-name,div-headings'], ['headingTag', 'h4'], ['identityIn', 'breadcrumb,field'], ['foreign', 'search,show']])).toMatchObject({
      nameColumn: 'split', headingTag: 'h4', identityIn: ['breadcrumb', 'field'], foreignLabels: ['search', 'show'],
    });
    expect(() => configFromStrings([['quirk', 'no-such-quirk']])).toThrow(/unknown quirk: no-such-quirk/);
    expect(() => sim.setConfig({ identityIn: ['elsewhere' as never] })).toThrow(/identityIn/);
  });
});
