import type { LabelKey, Labeler, Lang } from '../labels.js';
import type { DateFormat } from '../dates.js';
import { PATHS, PARAMS, type HeadingTag, type IdentityPlace, type Paths, type Variant } from '../variants.js';
import type { SimConfig } from '../config.js';

/** The markup switches a renderer honours (see config.ts). */
export type Markup = Pick<SimConfig, 'nameColumn' | 'registeredColumn' | 'headingTag' | 'titleTag' | 'identityIn' | 'theme'>;

/** Escape text for HTML text and (quoted) attribute contexts. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Everything a renderer needs about the current request's configuration. */
export interface Ctx {
  v: Variant;
  lang: Lang;
  t: Labeler;
  paths: Paths;
  params: { q: string; page: string; id: string };
  date(ms: number): string;
  dateFormat: DateFormat;
  markup: Markup;
}

const DEFAULT_MARKUP: Markup = { nameColumn: 'one', registeredColumn: true, headingTag: 'variant', titleTag: 'variant', identityIn: ['title', 'browser-title', 'field'], theme: 'light' };

export function makeCtx(v: Variant, lang: Lang, t: Labeler, date: (ms: number) => string, dateFormat: DateFormat, markup: Markup = DEFAULT_MARKUP): Ctx {
  return { v, lang, t, paths: PATHS[v], params: PARAMS[v], date, dateFormat, markup };
}

/** Does the page name its customer in `place`? */
export function names(c: Ctx, place: IdentityPlace): boolean {
  return c.markup.identityIn.includes(place);
}

/** `<tag class>text</tag>` with the switch's tag, or the variant's own (`fallback`) for 'variant'. */
function headingEl(tag: HeadingTag, fallback: string, cls: string, text: string): string {
  const el = tag === 'variant' ? fallback : tag;
  return `<${el}${cls ? ` class="${cls}"` : ''}>${text}</${el}>`;
}

export function url(path: string, query: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

/** A heading followed by its content, in the variant's markup. `depth` picks the page area. */
export function section(c: Ctx, label: LabelKey, body: string, kind: 'user' | 'customer' = 'user'): string {
  const text = esc(c.t(label));
  switch (c.v) {
    case 'classic':
      return `<div class="section">${headingEl(c.markup.headingTag, 'h2', c.markup.headingTag === 'variant' ? '' : 'section-title', text)}<div class="section-body">${body}</div></div>`;
    case 'modern':
      return `<section class="card"><header class="card-header">${headingEl(c.markup.headingTag, 'h3', 'card-title', text)}</header>` +
        `<div class="card-body">${body}</div></section>`;
    case 'legacy':
      // A legend is the fieldset's own heading: another heading element means the table box.
      return kind === 'customer' && c.markup.headingTag === 'variant'
        ? `<fieldset class="grp"><legend>${text}</legend>${body}</fieldset>`
        : `<table class="box" cellspacing="0" cellpadding="3" width="100%"><tr><td class="boxhead">${headingEl(c.markup.headingTag, 'div', 'boxtitle', text)}</td></tr>` +
          `<tr><td class="boxbody">${body}</td></tr></table>`;
  }
}

/** A data table with a header row; `cols` are header texts, `rows` already-escaped cell HTML. */
export function table(c: Ctx, cols: string[], rows: string[][], cls = 'grid'): string {
  const head = cols.map((h) => `<th${c.v === 'legacy' ? ' scope="col"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((d) => `<td>${d}</td>`).join('')}</tr>`).join('');
  switch (c.v) {
    case 'classic':
      return `<table class="${cls}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    case 'modern':
      return `<div class="table-wrap"><table class="tbl tbl-${cls}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
    case 'legacy':
      return `<table class="GridView" border="1" cellspacing="0" rules="all"><tr class="GridHeader">${head}</tr>${body.replace(/<tr>/g, '<tr class="GridRow">')}</table>`;
  }
}

/** A link-or-button for `label` (the variant decides) that navigates or runs `onclick`. */
export function action(c: Ctx, label: string, o: { href?: string; onclick?: string; as?: 'link' | 'button' | 'input' }): string {
  const text = esc(label);
  const as = o.as ?? 'link';
  const onclick = o.onclick ? ` onclick="${esc(o.onclick)}"` : '';
  if (as === 'link') return `<a href="${esc(o.href ?? '#')}"${onclick}>${text}</a>`;
  const nav = o.href ? ` onclick="${esc(`location.href=${JSON.stringify(o.href)}`)}"` : onclick;
  if (as === 'button') return `<button type="button" class="btn"${nav}>${text}</button>`;
  return `<input type="button" class="Button" value="${text}"${nav}>`;
}

const CSS_LINK = '<link rel="stylesheet" href="/static/admin.css">';
/** theme 'dark': the admin's own dark colours (a site theme, not the browser's colour scheme). */
const DARK_CSS_LINK = '<link rel="stylesheet" href="/static/admin-dark.css">';

/**
 * A whole page. `identity` (user and customer pages): the title naming the customer, the same
 * title without the address, and the menu path to the page; `markup.identityIn` decides which
 * places name the customer (page title, browser title, breadcrumb).
 */
export function page(c: Ctx, o: { title: string; body: string; menu?: boolean; scripts?: string; identity?: { email: string; bare: string; path: LabelKey[] } }): string {
  const t = c.t;
  const id = o.identity;
  const heading = esc(id && !names(c, 'title') ? id.bare : o.title);
  const browserTitle = esc(id && !names(c, 'browser-title') ? id.bare : o.title);
  const menu = o.menu === false ? '' : renderMenu(c);
  const logout = o.menu === false ? '' : `<a href="${esc(c.paths.logout)}">${esc(t('logout'))}</a>`;
  const crumbs = id && names(c, 'breadcrumb') ? breadcrumb(c, id.path, id.email) : '';
  const head = `<!doctype html><html lang="${c.lang}"><head><meta charset="utf-8"><title>${browserTitle} - ${esc(t('adminTitle'))}</title>${CSS_LINK}${c.markup.theme === 'dark' ? DARK_CSS_LINK : ''}</head>`;
  const tail = `${o.scripts ?? ''}</body></html>`;
  const tag = c.markup.titleTag;
  switch (c.v) {
    case 'classic':
      return `${head}<body class="v-classic"><div id="header"><span class="brand">${esc(t('adminTitle'))}</span> <span class="user">${logout}</span></div>` +
        `${menu}<div id="content">${crumbs}${headingEl(tag, 'h1', tag === 'div' ? 'page-title' : '', heading)}${o.body}</div>${tail}`;
    case 'modern':
      return `${head}<body class="v-modern"><div class="app"><aside class="sidebar"><div class="logo">${esc(t('adminTitle'))}</div>${menu}</aside>` +
        `<div class="main"><div class="topbar">${logout}</div><main class="page">${crumbs}<header class="page-header">${headingEl(tag, 'h1', 'page-title', heading)}</header>` +
        `<div class="page-content"><div class="container">${o.body}</div></div></main></div></div>${tail}`;
    case 'legacy':
      return `${head}<body class="v-legacy">` +
        `<table id="tblLayout" width="100%" cellspacing="0"><tr><td colspan="2" class="TopBar"><b>${esc(t('adminTitle'))}</b> &nbsp; ${logout}</td></tr>` +
        `<tr><td class="MenuCell" valign="top" width="180">${menu}</td><td class="ContentCell" valign="top">` +
        `${crumbs}${headingEl(tag, 'div', 'PageTitle', heading)}<div id="ctl00_Main"><div class="inner">${o.body}</div></div></td></tr></table>${tail}`;
  }
}

/** Menu path > customer, in the variant's markup (a plain text path in legacy). */
function breadcrumb(c: Ctx, path: LabelKey[], email: string): string {
  const t = c.t;
  const hrefs: Partial<Record<LabelKey, string>> = { support: c.paths.incoming, incomingRequests: c.paths.incoming, sales: c.paths.customers, customers: c.paths.customers };
  const link = (k: LabelKey) => `<a href="${esc(hrefs[k] ?? '#')}">${esc(t(k))}</a>`;
  switch (c.v) {
    case 'classic':
      return `<div class="crumbs">${path.map(link).join(' &gt; ')} &gt; <span>${esc(email)}</span></div>`;
    case 'modern':
      return `<nav aria-label="${esc(t('breadcrumb'))}"><ol class="breadcrumb">${path.map((k) => `<li>${link(k)}</li>`).join('')}<li aria-current="page">${esc(email)}</li></ol></nav>`;
    case 'legacy':
      return `<div class="Path">${path.map((k) => esc(t(k))).join(' / ')} / ${esc(email)}</div>`;
  }
}

function renderMenu(c: Ctx): string {
  const p = c.paths;
  const t = c.t;
  const items: { label: LabelKey; href: string; sub?: { label: LabelKey; href: string }[] }[] = [
    { label: 'dashboard', href: p.dashboard },
    { label: 'content', href: p.content },
    { label: 'sales', href: p.customers, sub: [{ label: 'customers', href: p.customers }, { label: 'orders', href: p.orders }] },
    { label: 'support', href: p.incoming, sub: [{ label: 'incomingRequests', href: p.incoming }, { label: 'technicalSupport', href: p.tech }] },
    { label: 'company', href: p.company },
  ];
  const a = (l: LabelKey, href: string) => `<a href="${esc(href)}">${esc(t(l))}</a>`;
  switch (c.v) {
    case 'classic':
      return `<ul id="mainmenu" class="menu">${items.map((i) =>
        `<li>${a(i.label, i.href)}${i.sub ? `<ul class="sub">${i.sub.map((s) => `<li>${a(s.label, s.href)}</li>`).join('')}</ul>` : ''}</li>`).join('')}</ul>`;
    case 'modern':
      return `<nav class="nav" aria-label="Main">${items.map((i) =>
        `<div class="nav-group"><span class="nav-top" tabindex="0">${esc(t(i.label))}</span>` +
        `<div class="nav-flyout">${(i.sub ?? [{ label: i.label, href: i.href }]).map((s) => a(s.label, s.href)).join('')}</div></div>`).join('')}</nav>`;
    case 'legacy':
      return `<div class="MenuBar">${items.map((i) =>
        `<div class="MenuItem"><div class="MenuTop">${a(i.label, i.href)}</div>` +
        (i.sub ? `<div class="SubMenu"><table cellspacing="0">${i.sub.map((s) => `<tr><td>${a(s.label, s.href)}</td></tr>`).join('')}</table></div>` : '') +
        `</div>`).join('')}</div>`;
  }
}

export const CSS = `
body{font:14px/1.4 Arial,Helvetica,sans-serif;margin:0;color:#222}
a{color:#0a58ca}
table{border-collapse:collapse}
th,td{padding:4px 8px;text-align:left;vertical-align:top}
.error,.invalid-feedback,.ValidationError{color:#b00020}
.loading{color:#666;font-style:italic}
.btn,.Button{cursor:pointer}
/* classic */
.v-classic #header{background:#234;color:#fff;padding:8px 12px;display:flex;justify-content:space-between}
.v-classic #header a{color:#fff}
.v-classic .menu{list-style:none;margin:0;padding:0 8px;background:#dde3ea;display:flex;gap:4px}
.v-classic .menu>li{position:relative;padding:6px 10px}
.v-classic .menu .sub{display:none;position:absolute;left:0;top:100%;background:#fff;border:1px solid #aaa;list-style:none;padding:4px 0;min-width:180px;z-index:5}
.v-classic .menu li:hover .sub{display:block}
.v-classic .menu .sub li{padding:4px 10px}
.v-classic #content{padding:12px 16px}
.v-classic .grid{border:1px solid #bbb}.v-classic .grid th{background:#eef}.v-classic .grid td{border-top:1px solid #ddd}
.v-classic .section{margin:16px 0}.v-classic .section h2{font-size:16px;border-bottom:1px solid #ccc}
.v-classic .notice{background:#e6f4ea;border:1px solid #8c8;padding:6px 10px;margin:8px 0}
.v-classic dialog.mail{position:fixed;top:60px;max-width:720px;width:90%;border:1px solid #888;box-shadow:0 4px 20px #0004;z-index:20}
/* modern */
.v-modern .app{display:flex;min-height:100vh}
.v-modern .sidebar{width:200px;background:#1e1e2f;color:#ccd}
.v-modern .logo{padding:14px;font-weight:bold}
.v-modern .nav-group{position:relative;padding:8px 14px}
.v-modern .nav-flyout{display:none;position:absolute;left:100%;top:0;background:#fff;border:1px solid #ccc;padding:6px;min-width:180px;z-index:5}
.v-modern .nav-flyout a{display:block;padding:4px}
.v-modern .nav-group:hover .nav-flyout,.v-modern .nav-group:focus-within .nav-flyout{display:block}
.v-modern .main{flex:1}.v-modern .topbar{text-align:right;padding:8px 16px;border-bottom:1px solid #eee}
.v-modern .page{padding:16px 24px}
.v-modern .card{border:1px solid #e0e0e8;border-radius:8px;margin:12px 0}
.v-modern .card-header{background:#f7f7fb;padding:6px 12px}.v-modern .card-title{margin:0;font-size:15px}
.v-modern .card-body{padding:10px 12px}
.v-modern .tbl{width:100%}.v-modern .tbl th{border-bottom:2px solid #ddd}
.v-modern .alert-success{background:#e6f4ea;padding:8px 12px;border-radius:6px}
.v-modern .toolbar form{display:flex;gap:6px;align-items:center}
.v-modern .modal-backdrop{position:fixed;inset:0;background:#0005;z-index:20}
.v-modern .modal{background:#fff;max-width:720px;margin:60px auto;padding:16px;border-radius:8px}
.v-modern .form-row{margin:6px 0}.v-modern .form-row label{display:inline-block;width:130px}
.v-modern .badge{padding:1px 6px;border-radius:8px;background:#eee}
/* legacy */
.v-legacy{font-family:Verdana,sans-serif;font-size:12px}
.v-legacy .TopBar{background:#003366;color:#fff;padding:6px}.v-legacy .TopBar a{color:#ffc}
.v-legacy .MenuCell{background:#e8e8e8}
.v-legacy .MenuItem{position:relative;padding:3px 6px}
.v-legacy .SubMenu{display:none;position:absolute;left:170px;top:0;background:#ffffe0;border:1px solid #999;z-index:5}
.v-legacy .MenuItem:hover .SubMenu{display:block}
.v-legacy .PageTitle{font-size:18px;font-weight:bold;margin:8px 0}
.v-legacy .box{border:1px solid #999;margin:8px 0}.v-legacy .boxhead{background:#c0d0e0;font-weight:bold}
.v-legacy .GridHeader{background:#c0d0e0}
.v-legacy #divPopup{position:absolute;left:15%;top:80px;width:640px;background:#fff;border:2px solid #003366;z-index:20}
.v-legacy fieldset{margin:8px 0}
`;

/** The dark theme over CSS (every variant): dark backgrounds, light text, dark controls. */
export const DARK_CSS = `
body,.v-modern .main,.v-modern .card-header,.v-modern .modal,.v-legacy #divPopup,.v-classic dialog.mail{background:#1d2127;color:#dde3ea}
a{color:#8ab4f8}
.v-classic .menu,.v-legacy .MenuCell,.v-classic .grid th,.v-legacy .GridHeader,.v-legacy .boxhead{background:#2b323c;color:#dde3ea}
.v-classic .menu .sub,.v-modern .nav-flyout,.v-legacy .SubMenu{background:#252a31}
input,select,textarea,button,.btn,.Button{background:#2b323c;color:#dde3ea;border:1px solid #556}
`;

export const SEARCH_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="6.5" cy="6.5" r="5" fill="none" stroke="#333" stroke-width="2"/><path d="M10 10l5 5" stroke="#333" stroke-width="2"/></svg>`;
