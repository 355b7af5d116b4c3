/**
 * The three markups of the simulated admin. They show the same labels but differ in URL paths,
 * ids, classes, nesting, section order, table columns, heading elements and link-vs-button choice.
 * The URL paths of every variant are always routable (a link from another variant still works).
 */
export type Variant = 'classic' | 'modern' | 'legacy';
export const VARIANTS: Variant[] = ['classic', 'modern', 'legacy'];

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
