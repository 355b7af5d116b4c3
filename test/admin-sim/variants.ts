/**
 * The three markups of the simulated admin. They show the same labels but differ in URL paths,
 * ids, classes, nesting, section order, table columns, heading elements and link-vs-button choice.
 * The URL paths of every variant are always routable (a link from another variant still works).
 */
export type Variant = 'classic' | 'modern' | 'legacy';
export const VARIANTS: Variant[] = ['classic', 'modern', 'legacy'];

import type { SimConfig } from './config.js';

/** Elements a heading can be printed as ('variant' = the variant's own choice). */
export type HeadingTag = 'variant' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'div' | 'strong';
export const HEADING_TAGS: HeadingTag[] = ['variant', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'strong'];

/** Where a user/customer page can name its customer. */
export type IdentityPlace = 'title' | 'browser-title' | 'breadcrumb' | 'field';
export const IDENTITY_PLACES: IdentityPlace[] = ['title', 'browser-title', 'breadcrumb', 'field'];

/**
 * Named switch settings along the model's "varies" list. Each composes with every variant and
 * language (and with the other switches). The unit tests run the adapter over every entry, so a
 * quirk added here is tested without any change in src/ (nor in the tests).
 * Keys are SimConfig fields (see config.ts); `foreignLabels` keys are labels.ts keys.
 */
export const QUIRKS: Record<string, { note: string; config: Partial<SimConfig> }> = {
  'foreign-search-icon': { note: 'the search icon keeps the other language\'s alt/title (a German admin with "Search")', config: { foreignLabels: ['search'] } },
  'partial-translation': {
    note: 'a handful of texts stay in the other language: search icon, Show, Click to load data, E-mail Type, Yes/No, Reply, Changes saved, Shop',
    config: { foreignLabels: ['search', 'show', 'clickToLoad', 'colEmailType', 'yes', 'no', 'reply', 'changesSaved', 'colShop'] },
  },
  'foreign-sections': { note: 'the history headings and Save stay in the other language', config: { foreignLabels: ['passwordHistory', 'emailHistory', 'save', 'colRecipient'] } },
  'no-name-column': { note: 'the result lists have no name column', config: { nameColumn: 'none' } },
  'split-name': { note: 'the result lists show "First name" and "Last name" columns', config: { nameColumn: 'split' } },
  'no-registered-column': { note: 'the result lists have no "Registered" column', config: { registeredColumn: false } },
  'renamed-name': { note: 'the name caption is called "Full name" (lists and the User section)', config: { renamed: { colName: 'Full name' } } },
  'minimal-columns': { note: 'lists with only E-mail, Shop and Show', config: { nameColumn: 'none', registeredColumn: false } },
  'div-headings': { note: 'section headings are panel divs', config: { headingTag: 'div' } },
  'strong-headings': { note: 'section headings are bold text', config: { headingTag: 'strong' } },
  'h1-headings': { note: 'section headings are h1', config: { headingTag: 'h1' } },
  'h5-headings': { note: 'section headings are h5', config: { headingTag: 'h5' } },
  'title-h4-only': { note: 'the customer is named only in an h4 page title', config: { titleTag: 'h4', identityIn: ['title'] } },
  'title-h6-only': { note: 'the customer is named only in an h6 page title', config: { titleTag: 'h6', identityIn: ['title'] } },
  'title-div-only': { note: 'the customer is named only in a page-title div', config: { titleTag: 'div', identityIn: ['title'] } },
  'identity-field-only': { note: 'the customer is named only by the E-mail value/field of a section', config: { identityIn: ['field'] } },
  'identity-breadcrumb-only': { note: 'the customer is named only in a breadcrumb', config: { identityIn: ['breadcrumb'] } },
  'identity-browser-title-only': { note: 'the customer is named only in the browser title', config: { identityIn: ['browser-title'] } },
  'identity-everywhere': { note: 'title, browser title, breadcrumb and field all name the customer', config: { identityIn: ['title', 'browser-title', 'breadcrumb', 'field'] } },
  'all-at-once': {
    note: 'partial translation, split names, no Registered, div headings, an h3 title and a breadcrumb',
    config: { foreignLabels: ['search', 'show', 'yes', 'no', 'reply', 'colShop'], nameColumn: 'split', registeredColumn: false, headingTag: 'div', titleTag: 'h3', identityIn: ['title', 'breadcrumb'] },
  },
};

export type PageKind =
  | 'login' | 'logout' | 'dashboard' | 'content' | 'orders' | 'customers' | 'customer'
  | 'incoming' | 'user' | 'tech' | 'company' | 'history' | 'mail' | 'send';

export type Paths = Record<PageKind, string>;

export const PATHS: Record<Variant, Paths> = {
  classic: {
    login: '/cms/login', logout: '/cms/logout', dashboard: '/cms/dashboard', content: '/cms/content',
    orders: '/cms/sales/orders', customers: '/cms/sales/customers', customer: '/cms/sales/customers/show',
    incoming: '/cms/support/incoming', user: '/cms/support/incoming/show', tech: '/cms/support/technical',
    company: '/cms/company', history: '/cms/support/incoming/history', mail: '/cms/support/incoming/mail',
    send: '/cms/support/incoming/mail/send',
  },
  modern: {
    login: '/app/auth/login', logout: '/app/auth/logout', dashboard: '/app/home', content: '/app/content',
    orders: '/app/sales/orders', customers: '/app/sales/customers', customer: '/app/sales/customer-detail',
    incoming: '/app/support/requests', user: '/app/support/request-user', tech: '/app/support/tech',
    company: '/app/company', history: '/app/api/history', mail: '/app/api/mail', send: '/app/api/mail-send',
  },
  legacy: {
    login: '/cms/Login.aspx', logout: '/cms/Logout.aspx', dashboard: '/cms/Default.aspx', content: '/cms/Content.aspx',
    orders: '/cms/SalesOrders.aspx', customers: '/cms/SalesCustomers.aspx', customer: '/cms/SalesCustomerEdit.aspx',
    incoming: '/cms/SupportIncoming.aspx', user: '/cms/SupportUser.aspx', tech: '/cms/SupportTech.aspx',
    company: '/cms/Company.aspx', history: '/cms/Ajax/History.ashx', mail: '/cms/Ajax/Mail.ashx',
    send: '/cms/Ajax/SendMail.ashx',
  },
};

/** Query parameter names per variant (the server accepts all of them). */
export const PARAMS: Record<Variant, { q: string; page: string; id: string }> = {
  classic: { q: 'q', page: 'page', id: 'id' },
  modern: { q: 'search', page: 'p', id: 'uid' },
  legacy: { q: 's', page: 'pg', id: 'ID' },
};

/** path -> page kind, over all variants. */
export const ROUTES = new Map<string, PageKind>();
for (const v of VARIANTS) for (const [k, p] of Object.entries(PATHS[v])) ROUTES.set(p, k as PageKind);

export function param(sp: URLSearchParams, which: 'q' | 'page' | 'id'): string | null {
  for (const v of VARIANTS) {
    const val = sp.get(PARAMS[v][which]);
    if (val !== null) return val;
  }
  return null;
}
