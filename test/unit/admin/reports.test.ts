// @vitest-environment node
/**
 * Every layout report kept in test/fixtures/reports/ (made from the simulator by
 * test/admin-sim/writeReports.ts, or from a real admin by the extension) is a regression test: its
 * page, rebuilt without any customer data, must still be recognised as the page it was, with no
 * needed label missing, and (user/customer pages) still name one customer; a list's rows are read.
 * `npm run sim -- --from-report FILE` serves the same page.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { pageFromReport, readReport, serveReport } from '../../admin-sim/fromReport';
import { checkLayout, labelsFor, parseSearchResults, readPageIdentity, recognizePage, validateLabelOverrides, type LabelOverrides } from '../../../src/admin';

const DIR = join(__dirname, '..', '..', 'fixtures', 'reports');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('layout reports kept as fixtures', () => {
  it('there are some', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s: the rebuilt page is recognised and readable', (file) => {
    const report = readReport(join(DIR, file));
    const expected = report.expectedPage ?? report.page;
    expect(expected).not.toBe('other');
    const checked = validateLabelOverrides(report.overrides);
    expect(checked.ok).toBe(true);
    const labels = labelsFor(report.adminLanguage ?? 'en', checked.ok ? (checked.overrides as LabelOverrides) : {});
    const doc = new JSDOM(pageFromReport(report)).window.document;
    expect(recognizePage(doc, labels)).toBe(expected);
    expect(checkLayout(doc, labels, expected).missing).toEqual([]);
    if (expected === 'user' || expected === 'customer') expect(readPageIdentity(doc, labels, expected).email).toMatch(/@example\.invalid$/);
    if (expected === 'incoming-requests' || expected === 'customers') {
      const rows = parseSearchResults(doc, labels, 'customer1@example.invalid', expected);
      expect(rows.rows.length).toBeGreaterThan(0);
      expect(rows.exact.length).toBeGreaterThan(0);
    }
  });

  it('--from-report serves the page at every path', async () => {
    const served = await serveReport(join(DIR, files[0]!));
    try {
      for (const path of ['/', '/cms/anything?q=1']) {
        const res = await fetch(served.url + path);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(pageFromReport(readReport(join(DIR, files[0]!))));
      }
    } finally {
      await served.close();
    }
  });
});
