// @vitest-environment node
/**
 * The in-page help's adapter helpers against the simulator (every variant x language): history rows
 * as elements match the parsers' numbering, the User section's name and shop, the search field's
 * text, and a Show link's target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, PEOPLE, XSS, type Simulator } from '../../admin-sim/server';
import {
  historyRowElements, labelsFor, linkTarget, loadHistory, parseEmailHistory, parsePasswordHistory, parseSearchResults,
  readSearchQuery, readUserDetails, displayText,
} from '../../../src/admin';
import { loadPage, targetOf, type SimPage } from './simHarness';

let sim: Simulator;
let cookie: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, control: true, loadDataLatencyMs: [0, 0] });
  cookie = sim.login();
});
afterAll(async () => sim?.close());

async function listPage(q: string): Promise<SimPage> {
  const param = { classic: 'q', modern: 'search', legacy: 's' }[sim.config.variant];
  return loadPage(sim, cookie, `${sim.pathOf('incoming')}?${param}=${encodeURIComponent(q)}`, {}, false);
}

describe.each(['classic', 'modern', 'legacy'] as const)('%s', (variant) => {
  describe.each(['en', 'de'] as const)('%s', (lang) => {
    beforeAll(() => {
      sim.setConfig({ variant, lang });
    });
    const labels = labelsFor(lang);

    it('reads the search text, marks rows and finds link targets', async () => {
      const list = await listPage(PEOPLE.valid2h);
      expect(readSearchQuery(list.doc, labels)).toBe(PEOPLE.valid2h);
      const res = parseSearchResults(list.doc, labels, PEOPLE.valid2h, 'incoming-requests');
      expect(res.exact).toHaveLength(1);
      const row = res.exact[0]!;
      expect(row.element.contains(row.showControl)).toBe(true);
      expect(displayText(row.emailCell)).toBe(PEOPLE.valid2h);
      const target = linkTarget(row.showControl);
      if (variant === 'modern') expect(target).toBeNull(); // a button: must be clicked
      else expect(target).toBe(targetOf(row.showControl, list.url));
    });

    it("the User section gives the customer's Language (German for Frida)", async () => {
      const list = await listPage(PEOPLE.adminChanged);
      const row = parseSearchResults(list.doc, labels, PEOPLE.adminChanged, 'incoming-requests').exact[0]!;
      const page = await loadPage(sim, cookie, targetOf(row.showControl, list.url));
      expect(readUserDetails(page.doc, labels).language).toBe('de');
    });

    it('history rows as elements follow the parsers, and the User section gives name and shop', async () => {
      for (const email of [PEOPLE.manyRows, PEOPLE.xss]) {
        const list = await listPage(email);
        const row = parseSearchResults(list.doc, labels, email, 'incoming-requests').exact[0]!;
        const page = await loadPage(sim, cookie, targetOf(row.showControl, list.url));
        expect(historyRowElements(page.doc, labels, 'passwordHistory')).toEqual([]);
        await loadHistory(page.doc, labels, 'passwordHistory');
        await loadHistory(page.doc, labels, 'emailHistory');
        const requests = parsePasswordHistory(page.doc, labels);
        const pwRows = historyRowElements(page.doc, labels, 'passwordHistory');
        expect(pwRows).toHaveLength(requests.length);
        const emails = parseEmailHistory(page.doc, labels);
        const mailRows = historyRowElements(page.doc, labels, 'emailHistory');
        expect(mailRows).toHaveLength(emails.length);
        for (const e of emails) expect(mailRows[e.row]!.row.textContent).toContain(e.subject);
        for (const r of pwRows) expect(r.dateCell && r.row.contains(r.dateCell)).toBe(true);
        const details = readUserDetails(page.doc, labels);
        if (email === PEOPLE.xss) {
          expect(details.name).toBe(`${XSS.firstName} ${XSS.lastName}`);
          expect(details.shop).toBe(XSS.shop);
        } else {
          expect(details).toEqual({ name: 'Ivan Petrov', shop: 'Doc Vault', language: 'en' });
        }
      }
    });
  });
});
