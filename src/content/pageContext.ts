/**
 * What the content script knows about the page it runs in: the admin language, the labels (with
 * the agent's overrides), the page kind and the time zone the admin prints dates in. Read once
 * per page load (every admin page is a full page load), and again when the agent teaches a label.
 */
// Direct module imports, not '../admin': this runs on every admin page, and the whole adapter
// (parsers, actions, dates with their time-zone library) loads only when a page needs it.
import { detectAdminLanguage, labelsFor, validateLabelOverrides, type AdminLabels, type AdminLang } from '../admin/labels';
import { recognizePage } from '../admin/pages';
import { readUserPageEmail } from '../admin/userPage';
import type { PageReport } from '../shared/protocol';
import { effectiveTimeZone, loadSettings, type Settings } from '../shared/settings';

export interface PageContext {
  docId: string;
  lang: AdminLang | null;
  labels: AdminLabels;
  page: PageReport['page'];
  settings: Settings;
  /** Worked out on first use (see `readPageContext`). */
  readonly timeZone: string;
}

export async function readPageContext(doc: Document): Promise<PageContext> {
  // No Intl on pages that are not ours: the first Intl object in a content script costs tens of
  // milliseconds, so the time zone is checked and worked out only when dates are read.
  const settings = await loadSettings({ checkTimeZone: false });
  let timeZone: string | undefined;
  const ctx: PageContext = {
    docId: newDocId(),
    ...fromSettings(doc, settings),
    get timeZone() {
      return (timeZone ??= effectiveTimeZone(ctx.settings));
    },
  };
  return ctx;
}

/**
 * Reads the settings again and works out the labels, language and page kind afresh: after the
 * agent taught a label on this page (teach mode), its steps and report use the new label at once.
 */
export async function refreshPageContext(ctx: PageContext, doc: Document): Promise<void> {
  Object.assign(ctx, fromSettings(doc, await loadSettings({ checkTimeZone: false })));
}

function fromSettings(doc: Document, settings: Settings): Pick<PageContext, 'settings' | 'lang' | 'labels' | 'page'> {
  const checked = validateLabelOverrides(settings.labelOverrides);
  // Broken overrides are reported on the options page; here they must not stop the defaults.
  const overrides = checked.ok ? checked.overrides : {};
  const lang = detectAdminLanguage(doc, settings.adminLanguage, overrides);
  const labels = labelsFor(lang ?? 'en', overrides);
  // A page with no admin labels at all (not the admin) is 'other' without further work.
  const page = lang === null && settings.adminLanguage === 'auto' ? recognizeLoginOnly(doc, labels) : recognizePage(doc, labels);
  return { settings, lang, labels, page };
}

/** The login page has no menu, so it may give no language clue: try both. */
function recognizeLoginOnly(doc: Document, labels: AdminLabels): PageReport['page'] {
  if (recognizePage(doc, labels) === 'login') return 'login';
  return recognizePage(doc, labelsFor('de')) === 'login' ? 'login' : 'other';
}

/** crypto.randomUUID exists only in secure contexts; a custom admin may be plain http. */
function newDocId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function pageReport(ctx: PageContext, doc: Document): PageReport {
  const report: PageReport = { docId: ctx.docId, page: ctx.page, ...(ctx.lang ? { lang: ctx.lang } : {}) };
  if (ctx.page === 'user' || ctx.page === 'customer') {
    // A page that names two customers reports none: no step binds to it, and the in-page help
    // says why (requireCustomerEmail throws the conflict there).
    try {
      const email = readUserPageEmail(doc, ctx.labels, ctx.page);
      if (email) report.customerEmail = email;
    } catch (error) {
      console.warn('Reset Desk:', error instanceof Error ? error.message : error);
    }
  }
  return report;
}
