import type { Account, Scenario } from '../state.js';
import { action, esc, page, table, url, type Ctx } from './html.js';

export const PAGE_SIZE = 20;

/** Support > Incoming requests and Sales > Customers: search form + results table + pager. */
export function listPage(c: Ctx, s: Scenario, kind: 'incoming' | 'customers', q: string, pageNo: number): string {
  const t = c.t;
  const base = kind === 'incoming' ? c.paths.incoming : c.paths.customers;
  const showPath = kind === 'incoming' ? c.paths.user : c.paths.customer;
  const all = s.search(q);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const p = Math.min(Math.max(1, pageNo), pages);
  const rows = all.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE);

  const results = rows.length ? resultsTable(c, s, rows, showPath, (p - 1) * PAGE_SIZE) + pager(c, base, q, p, pages)
    : `<p class="empty">${esc(t('noRecords'))}</p>`;
  const title = t(kind === 'incoming' ? 'incomingRequests' : 'customers');
  return page(c, { title, body: searchForm(c, base, q) + `<div class="results">${results}</div>` });
}

function searchForm(c: Ctx, action: string, q: string): string {
  const label = esc(c.t('search'));
  const name = c.params.q;
  switch (c.v) {
    case 'classic':
      return `<form method="get" action="${esc(action)}" class="searchform">` +
        `<input type="text" name="${name}" value="${esc(q)}" size="40">` +
        `<button type="submit" class="icon-btn" title="${label}" aria-label="${label}"><img src="/static/search.svg" alt=""></button></form>`;
    case 'modern':
      return `<div class="toolbar"><form method="get" action="${esc(action)}" role="search">` +
        `<input type="search" name="${name}" value="${esc(q)}" class="input">` +
        `<input type="image" src="/static/search.svg" alt="${label}" title="${label}" width="20" height="20"></form></div>`;
    case 'legacy':
      return `<form method="get" action="${esc(action)}" name="frmSearch"><table class="SearchBar"><tr>` +
        `<td><input type="text" name="${name}" value="${esc(q)}" maxlength="200"></td>` +
        `<td><a href="#" title="${label}" onclick="document.frmSearch.submit();return false;"><img src="/static/search.svg" alt="${label}" border="0"></a></td>` +
        `</tr></table></form>`;
  }
}

function resultsTable(c: Ctx, s: Scenario, rows: Account[], showPath: string, offset: number): string {
  const t = c.t;
  const { nameColumn, registeredColumn } = c.markup;
  // Name and Registered: columns the flows do not need, so a switch may split or drop them.
  const nameHeads = nameColumn === 'one' ? [t('colName')] : nameColumn === 'split' ? [t('firstName'), t('lastName')] : [];
  const nameCells = (a: Account) => nameColumn === 'one' ? [esc(`${a.firstName} ${a.lastName}`)] : nameColumn === 'split' ? [esc(a.firstName), esc(a.lastName)] : [];
  const regHeads = registeredColumn ? [t('colRegistered')] : [];
  const regCells = (a: Account) => (registeredColumn ? [esc(c.date(a.registeredAt))] : []);
  const email = (a: Account) => esc(a.email);
  const shop = (a: Account) => esc(s.shop(a.shopId).name);
  const href = (a: Account) => url(showPath, { [c.params.id]: a.id });
  switch (c.v) {
    case 'classic':
      return table(c, [t('colEmail'), ...nameHeads, t('colShop'), ...regHeads, ''],
        rows.map((a) => [email(a), ...nameCells(a), shop(a), ...regCells(a), action(c, t('show'), { href: href(a) })]));
    case 'modern':
      return table(c, ['#', ...nameHeads, t('colEmail'), ...regHeads, t('colShop'), ''],
        rows.map((a, i) => [String(offset + i + 1), ...nameCells(a), email(a), ...regCells(a), shop(a), action(c, t('show'), { href: href(a), as: 'button' })]));
    case 'legacy':
      return table(c, ['', t('colEmail'), ...nameHeads, t('colShop'), ...regHeads],
        rows.map((a) => [action(c, t('show'), { href: href(a) }), email(a), ...nameCells(a), shop(a), ...regCells(a)]));
  }
}

function pager(c: Ctx, base: string, q: string, p: number, pages: number): string {
  const t = c.t;
  const link = (n: number, label: string) => `<a href="${esc(url(base, { [c.params.q]: q, [c.params.page]: n }))}">${esc(label)}</a>`;
  const prev = p > 1 ? link(p - 1, t('previous')) : '';
  const next = p < pages ? link(p + 1, t('next')) : '';
  const info = esc(t('pageOf', { page: p, pages }));
  switch (c.v) {
    case 'classic': return `<div class="pager">${prev} <span>${info}</span> ${next}</div>`;
    case 'modern': return `<nav class="pagination"><span class="page-info">${info}</span><ul><li>${prev}</li><li>${next}</li></ul></nav>`;
    case 'legacy': return `<table class="Pager"><tr><td>${prev}</td><td>${info}</td><td>${next}</td></tr></table>`;
  }
}
