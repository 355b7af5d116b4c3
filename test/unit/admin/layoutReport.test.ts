// @vitest-environment node
/**
 * The layout report holds no data value of the page: for every simulator quirk x variant x language,
 * reports of the list pages (one customer, several shops, all customers), user pages (one with HTML
 * in its data) and the customer page, plus, for some, the user page with both histories loaded and
 * the e-mail dialog's compose form open. The values searched for come from the simulator's scenario
 * (e-mails, names, shops, companies, addresses, orders, products, amounts, devices, IPs, subjects,
 * tokens, and every date as the admin prints it). Each report must also rebuild into a page the
 * adapter recognises as the same kind.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, MARKUP_DEFAULTS, PEOPLE, QUIRKS, VARIANTS, type Simulator } from '../../admin-sim/server';
import { pageFromReport } from '../../admin-sim/fromReport';
import {
  buildLayoutReport, detectAdminLanguage, labelsFor, latestNewPasswordEmail, loadHistory, openEmail, parseEmailHistory,
  parseSearchResults, readPageIdentity, recognizePage, replyToOpenEmail, type LayoutReport,
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

/** Every data value of the scenario, as the admin prints it. */
function dataValues(): string[] {
  const s = sim.scenario();
  const c = sim.config;
  const date = (ms: number) => formatDate(ms, c.dateFormat, c.timeZone);
  const out = new Set<string>();
  for (const shop of s.shops) [shop.name, shop.company, shop.host].forEach((v) => out.add(v));
  for (const a of s.accounts) {
    [a.email, a.firstName, a.lastName, `${a.firstName} ${a.lastName}`, date(a.registeredAt)].forEach((v) => out.add(v));
    for (const lines of a.addresses) lines.forEach((l) => out.add(l));
    for (const o of a.orders) [o.no, o.product, o.amount, date(o.at)].forEach((v) => out.add(v));
    for (const d of a.devices) [d.name, date(d.lastUsed)].forEach((v) => out.add(v));
    for (const r of a.pwHistory) [r.ip, date(r.at), ...(r.token ? [r.token] : [])].forEach((v) => out.add(v));
    for (const m of a.mails) [m.subject, m.to, m.from, date(m.at), ...(m.token ? [m.token] : [])].forEach((v) => out.add(v));
  }
  return [...out].filter((v) => v.trim() !== '');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function leaks(report: LayoutReport, values: string[]): string[] {
  // Look in the JSON (texts, attributes, summary) and in the rebuilt page's text.
  const haystack = `${JSON.stringify(report)}\n${pageFromReport(report)}`;
  // The word-bounded search runs only where the value occurs at all, ignoring case: one regular
  // expression per value over every report made this file take two minutes. (The scenario's values
  // are ASCII and German letters, whose lower case is their case folding.)
  const lower = haystack.toLowerCase();
  const wordIn = (v: string) => lower.includes(v.toLowerCase()) && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(v)}(?![\\p{L}\\p{N}])`, 'iu').test(haystack);
  return values.filter((v) => wordIn(v) || (haystack.includes(JSON.stringify(v).slice(1, -1)) && v.length > 3));
}

function report(page: SimPage, kind: LayoutReport['page']): LayoutReport {
  const lang = detectAdminLanguage(page.doc);
  const labels = labelsFor(lang ?? 'en');
  return buildLayoutReport(page.doc, { extensionVersion: '0.1.0', browser: 'test', adminLanguage: lang, page: kind, labels, overrides: {} });
}

function check(page: SimPage, kind: LayoutReport['page'], values: string[]): LayoutReport {
  const r = report(page, kind);
  expect(leaks(r, values), `${kind} at ${page.url}`).toEqual([]);
  // The report still describes the page: rebuilt, the adapter recognises it as the same kind.
  const rebuilt = new JSDOM(pageFromReport(r));
  expect(recognizePage(rebuilt.window.document, labelsFor(r.adminLanguage ?? 'en'))).toBe(kind);
  rebuilt.window.close();
  page.dom.window.close();
  return r;
}

const FULL = new Set(['(none)', 'all-at-once', 'partial-translation']);
const cases = ['(none)', ...Object.keys(QUIRKS)].flatMap((quirk) => VARIANTS.flatMap((variant) => (['en', 'de'] as const).map((lang) => ({ quirk, variant, lang }))));

describe.each(cases)('layout report, quirk $quirk on $variant/$lang', ({ quirk, variant, lang }) => {
  it('keeps no data value and still describes the page', async () => {
    sim.reset();
    sim.setConfig({ variant, lang, dateFormat: lang === 'de' ? 'de-DE' : 'en-US', loadDataFailure: 'never', brokenDates: false, ...MARKUP_DEFAULTS, ...(QUIRKS[quirk]?.config ?? {}) });
    const values = dataValues();
    const login = await loadPage(sim, null, sim.pathOf('incoming'), {}, false);
    check(login, 'login', values);
    const one = await list('incoming', PEOPLE.valid2h);
    const r = check(one, 'incoming-requests', values);
    // Placeholders keep their type: the searched address and the row's are the same {email:N}.
    expect(JSON.stringify(r.body)).toMatch(/\{email:1\}/);
    check(await list('customers', PEOPLE.twoShops), 'customers', values);
    check(await list('incoming', ''), 'incoming-requests', values);
    const labels = labelsFor(lang);
    for (const email of [PEOPLE.valid2h, PEOPLE.xss]) {
      const results = await list('incoming', email);
      const row = parseSearchResults(results.doc, labels, email, 'incoming-requests').exact[0]!;
      const scripted = FULL.has(quirk) && email === PEOPLE.valid2h;
      const user = await loadPage(sim, cookie, targetOf(row.showControl, results.url), {}, scripted);
      if (scripted) {
        await loadHistory(user.doc, labels, 'passwordHistory', { timeoutMs: 3000 });
        await loadHistory(user.doc, labels, 'emailHistory', { timeoutMs: 3000 });
        await openEmail(user.doc, labels, latestNewPasswordEmail(parseEmailHistory(user.doc, labels))!, { timeoutMs: 3000 });
        await replyToOpenEmail(user.doc, labels, { timeoutMs: 3000 });
      }
      const ur = check(user, 'user', values);
      // The rebuilt page still names one customer, wherever the original did.
      expect(readPageIdentity(new JSDOM(pageFromReport(ur)).window.document, labels, 'user').email).toBe('customer1@example.invalid');
    }
    const customers = await list('customers', PEOPLE.valid2h);
    const crow = parseSearchResults(customers.doc, labels, PEOPLE.valid2h, 'customers').exact[0]!;
    check(await loadPage(sim, cookie, targetOf(crow.showControl, customers.url), {}, false), 'customer', values);
  });
});
