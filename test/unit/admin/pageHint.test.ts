/**
 * The content script's gate (`mightBeOurPage`) must never miss one of our pages: on every simulator
 * page of every markup and language that the full recognition calls ours, it says yes. And it must
 * be worth having: on the admin's other pages (Dashboard, Orders, ...) it says no.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Simulator } from '../../admin-sim/server';
import { PARAMS } from '../../admin-sim/variants';
import { labelsFor, loadHistory, parsePasswordHistory, parseSearchResults, recognizePage } from '../../../src/admin';
import { mightBeOurPage } from '../../../src/admin/pageHint';
import { loadPage, targetOf, type SimPage, useSimulator } from './simHarness';

const OURS = new Set(['user', 'customer', 'incoming-requests', 'customers']);

let sim: Simulator;
let cookie: string;

useSimulator((s, c) => {
  sim = s;
  cookie = c;
});

describe.each(['classic', 'modern', 'legacy'] as const)('page hint on the %s markup', (variant) => {
  it.each(['en', 'de'] as const)('never misses one of our pages and passes over the others (%s)', async (lang) => {
    sim.setConfig({ variant, lang, renamed: {}, loadDataFailure: 'never', brokenDates: false });
    const labels = labelsFor(lang);
    const q = PARAMS[variant].q;
    const list = (kind: 'incoming' | 'customers', query: string) => loadPage(sim, cookie, `${sim.pathOf(kind)}?${q}=${encodeURIComponent(query)}`, {}, false);
    const detail = async (kind: 'incoming' | 'customers', email: string): Promise<SimPage> => {
      const page = await list(kind, email);
      const row = parseSearchResults(page.doc, labels, email, kind === 'incoming' ? 'incoming-requests' : 'customers').exact[0];
      if (!row) throw new Error(`no row for ${email}`);
      return loadPage(sim, cookie, targetOf(row.showControl, page.url));
    };

    const user = await detail('incoming', PEOPLE.valid2h);
    const ours: [string, SimPage][] = [
      ['incoming list', await list('incoming', PEOPLE.valid2h)],
      ['incoming list, all rows', await list('incoming', '')],
      ['customers list, no records', await list('customers', 'nobody-at-all@example.org')],
      ['user page', user],
      ['customer page', await detail('customers', PEOPLE.valid2h)],
    ];
    for (const [name, page] of ours) {
      expect(recognizePage(page.doc, labels), name).toSatisfy((kind: string) => OURS.has(kind));
      expect(mightBeOurPage(page.doc), name).toBe(true);
    }
    // With the histories loaded (the agent clicked, or our auto-load did) it is still ours.
    await loadHistory(user.doc, labels, 'passwordHistory', { timeoutMs: 3000 });
    await loadHistory(user.doc, labels, 'emailHistory', { timeoutMs: 3000 });
    expect(mightBeOurPage(user.doc)).toBe(true);

    for (const kind of ['dashboard', 'content', 'orders', 'tech', 'company'] as const) {
      const page = await loadPage(sim, cookie, sim.pathOf(kind), {}, false);
      expect(recognizePage(page.doc, labels), kind).toBe('other');
      expect(mightBeOurPage(page.doc), kind).toBe(false);
    }
  });

  it('a user page whose headings carry entry counts is still ours, to the gate too', async () => {
    sim.setConfig({ variant, lang: 'en', renamed: { passwordHistory: 'Password History (3)', emailHistory: 'E-mail History(12)' }, loadDataFailure: 'never', brokenDates: false });
    try {
      const labels = labelsFor('en');
      const page = await loadPage(sim, cookie, `${sim.pathOf('incoming')}?${PARAMS[variant].q}=${encodeURIComponent(PEOPLE.valid2h)}`, {}, false);
      const row = parseSearchResults(page.doc, labels, PEOPLE.valid2h, 'incoming-requests').exact[0]!;
      const user = await loadPage(sim, cookie, targetOf(row.showControl, page.url));
      expect(recognizePage(user.doc, labels)).toBe('user');
      expect(mightBeOurPage(user.doc)).toBe(true);
      // And its sections are found under those headings.
      await loadHistory(user.doc, labels, 'passwordHistory', { timeoutMs: 3000 });
      await loadHistory(user.doc, labels, 'emailHistory', { timeoutMs: 3000 });
      expect(parsePasswordHistory(user.doc, labels, { timeZone: 'Europe/Berlin' }).length).toBeGreaterThan(0);
    } finally {
      sim.setConfig({ renamed: {} });
    }
  });
});
