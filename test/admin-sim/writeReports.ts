/**
 * Writes layout reports of a few simulator pages to test/fixtures/reports/ (the adapter's unit tests
 * run over every report kept there, test/unit/admin/reports.test.ts). A report from a real admin
 * (made by the extension) goes into the same folder.
 *   tsx test/admin-sim/writeReports.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLayoutReport, detectAdminLanguage, labelsFor, loadHistory, parseSearchResults, type LayoutReport } from '../../src/admin';
import { loadPage, targetOf } from '../unit/admin/simHarness';
import { MARKUP_DEFAULTS, PEOPLE, QUIRKS, startSimulator, type SimConfig } from './server.js';

const OUT = join(import.meta.dirname, '..', 'fixtures', 'reports');
const SHOTS: { name: string; variant: SimConfig['variant']; lang: SimConfig['lang']; quirk?: string; page: 'incoming' | 'customers' | 'user' | 'customer' }[] = [
  { name: 'sim-classic-en-incoming', variant: 'classic', lang: 'en', page: 'incoming' },
  { name: 'sim-modern-de-customers-split-name', variant: 'modern', lang: 'de', quirk: 'split-name', page: 'customers' },
  { name: 'sim-legacy-de-user-partial-translation', variant: 'legacy', lang: 'de', quirk: 'partial-translation', page: 'user' },
  { name: 'sim-modern-en-user-breadcrumb-only', variant: 'modern', lang: 'en', quirk: 'identity-breadcrumb-only', page: 'user' },
  { name: 'sim-classic-de-customer-all-at-once', variant: 'classic', lang: 'de', quirk: 'all-at-once', page: 'customer' },
];

const sim = await startSimulator({ port: 0, control: true, loadDataLatencyMs: [0, 0] });
const cookie = sim.login();
mkdirSync(OUT, { recursive: true });
try {
  for (const shot of SHOTS) {
    sim.reset();
    sim.setConfig({ variant: shot.variant, lang: shot.lang, ...MARKUP_DEFAULTS, ...(shot.quirk ? QUIRKS[shot.quirk]!.config : {}) });
    const param = { classic: 'q', modern: 'search', legacy: 's' }[shot.variant];
    const listKind = shot.page === 'user' || shot.page === 'incoming' ? 'incoming' : 'customers';
    const list = await loadPage(sim, cookie, `${sim.pathOf(listKind)}?${param}=${encodeURIComponent(PEOPLE.valid2h)}`, {}, false);
    let page = list;
    const labels = labelsFor(detectAdminLanguage(list.doc) ?? 'en');
    if (shot.page === 'user' || shot.page === 'customer') {
      const row = parseSearchResults(list.doc, labels, PEOPLE.valid2h, listKind === 'incoming' ? 'incoming-requests' : 'customers').exact[0]!;
      page = await loadPage(sim, cookie, targetOf(row.showControl, list.url), {}, shot.page === 'user');
      if (shot.page === 'user') {
        await loadHistory(page.doc, labels, 'passwordHistory', { timeoutMs: 3000 });
        await loadHistory(page.doc, labels, 'emailHistory', { timeoutMs: 3000 });
      }
    }
    const kind: LayoutReport['page'] = ({ incoming: 'incoming-requests', customers: 'customers', user: 'user', customer: 'customer' } as const)[shot.page];
    const report = buildLayoutReport(page.doc, { extensionVersion: 'simulator', browser: 'jsdom', adminLanguage: detectAdminLanguage(page.doc), page: kind, labels, overrides: {} });
    writeFileSync(join(OUT, `${shot.name}.json`), `${JSON.stringify(report, null, 1)}\n`);
    page.dom.window.close();
    console.log(`wrote ${shot.name}.json`);
  }
} finally {
  await sim.close();
}
