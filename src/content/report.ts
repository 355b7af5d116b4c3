/**
 * The layout report of the page this content script runs in (src/admin/layoutReport.ts builds it
 * from the DOM): with the extension's version, the browser, the admin language, the labels in
 * force on this page and the agent's overrides. Asked for by the popup ('content/layout-report')
 * and copied from the in-page notice.
 */
import browser from 'webextension-polyfill';
import { labelsOn } from '../admin/labels';
import { buildLayoutReport, type LayoutReport } from '../admin/layoutReport';
import type { PageContext } from './pageContext';

/** "Firefox 142", "Chromium 131" (the engine and major version: all a layout report needs). */
export function browserName(userAgent: string): string {
  const firefox = /Firefox\/(\d+)/.exec(userAgent);
  if (firefox) return `Firefox ${firefox[1]}`;
  const chromium = /Chrom(?:e|ium)\/(\d+)/.exec(userAgent);
  return chromium ? `Chromium ${chromium[1]}` : 'unknown';
}

export function layoutReportOf(ctx: PageContext, doc: Document): LayoutReport {
  return buildLayoutReport(doc, {
    extensionVersion: browser.runtime.getManifest().version,
    browser: browserName(navigator.userAgent),
    adminLanguage: ctx.lang,
    page: ctx.page,
    labels: ctx.page === 'other' ? ctx.labels : labelsOn(ctx.labels, ctx.page),
    overrides: ctx.labels.overrides ?? {},
  });
}
