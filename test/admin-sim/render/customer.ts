import type { LabelKey } from '../labels.js';
import { ordered, type Account, type Scenario } from '../state.js';
import { action, esc, page, section, table, url, type Ctx } from './html.js';

export type CustomerField = 'email' | 'firstName' | 'lastName' | 'password' | 'language';
export type CustomerValues = Record<CustomerField, string>;
export type CustomerErrors = Partial<Record<CustomerField, LabelKey>>;

/** Form field names per variant (the POST handler accepts any of them). */
export const CUSTOMER_FIELDS: Record<CustomerField, string[]> = {
  email: ['email', 'customer[email]', 'ctl00$txtEmail'],
  firstName: ['firstName', 'customer[first_name]', 'ctl00$txtFirstName'],
  lastName: ['lastName', 'customer[last_name]', 'ctl00$txtLastName'],
  password: ['password', 'customer[new_password]', 'ctl00$txtPassword'],
  language: ['language', 'customer[locale]', 'ctl00$ddlLanguage'],
};
const NAME_INDEX = { classic: 0, modern: 1, legacy: 2 } as const;

const LABEL: Record<CustomerField, LabelKey> = {
  email: 'fieldEmail', firstName: 'firstName', lastName: 'lastName', password: 'password', language: 'language',
};

/** Sales > Customers > Show. `values`/`errors` are set when re-rendering a rejected Save. */
export function customerPage(c: Ctx, s: Scenario, a: Account, o: { saved?: boolean; refused?: boolean; values?: CustomerValues; errors?: CustomerErrors } = {}): string {
  const t = c.t;
  const values: CustomerValues = o.values ?? { email: a.email, firstName: a.firstName, lastName: a.lastName, password: '', language: a.language };
  const errors = o.errors ?? {};
  const postUrl = url(c.paths.customer, { [c.params.id]: a.id });
  const shop = s.shop(a.shopId);

  const notice = o.saved ? {
    classic: `<div class="notice success">${esc(t('changesSaved'))}</div>`,
    modern: `<div class="alert alert-success" role="status">${esc(t('changesSaved'))}</div>`,
    legacy: `<span id="ctl00_lblMessage" class="Message"><font color="green">${esc(t('changesSaved'))}</font></span>`,
  }[c.v] : '';

  // A refusal of the whole Save, as a banner at the top of the page (not next to a field).
  const banner = o.refused ? {
    classic: `<div class="notice error">${esc(t('saveRefused'))}</div>`,
    modern: `<div class="alert alert-danger">${esc(t('saveRefused'))}</div>`,
    legacy: `<span id="ctl00_lblMessage" class="Message"><font color="red">${esc(t('saveRefused'))}</font></span>`,
  }[c.v] : '';

  const form = customerForm(c, postUrl, values, errors);
  const addresses = a.addresses.length
    ? a.addresses.map((lines) => `<address>${lines.map(esc).join('<br>')}</address>`).join('')
    : `<p>${esc(t('noData'))}</p>`;
  const orders = a.orders.length
    ? table(c, [t('colOrderNo'), t('colDate'), t('colProduct'), t('colAmount'), t('colShop')],
      ordered(a.orders.map((x, i) => ({ ...x, id: i })), 'newest').map((x) => [esc(x.no), esc(c.date(x.at)), esc(x.product), esc(x.amount), esc(shop.name)]))
    : `<p>${esc(t('noData'))}</p>`;

  const sec = {
    customer: section(c, 'sectionCustomer', form, 'customer'),
    addresses: section(c, 'addresses', addresses, 'customer'),
    orders: section(c, 'orders', orders, 'customer'),
  };
  const body = c.v === 'modern'
    ? [sec.customer, sec.orders, sec.addresses].join('')
    : [sec.customer, sec.addresses, sec.orders].join('');
  return page(c, {
    title: t('customerTitle', { email: a.email }) + ` (${shop.name})`,
    identity: { email: a.email, bare: `${t('customerTitleBare')} (${shop.name})`, path: ['sales', 'customers'] },
    body: banner + notice + body,
  });
}

function customerForm(c: Ctx, postUrl: string, v: CustomerValues, errors: CustomerErrors): string {
  const t = c.t;
  const name = (f: CustomerField) => CUSTOMER_FIELDS[f][NAME_INDEX[c.v]]!;
  const id = (f: CustomerField) => ({ classic: `cust_${f}`, modern: `customer-${f}`, legacy: `ctl00_${name(f).split('$')[1]}` })[c.v];
  const err = (f: CustomerField) => {
    const k = errors[f];
    if (!k) return '';
    return { classic: ` <span class="error">${esc(t(k))}</span>`, modern: `<div class="invalid-feedback">${esc(t(k))}</div>`, legacy: ` <span class="ValidationError">${esc(t(k))}</span>` }[c.v];
  };
  const control = (f: CustomerField) => {
    if (f === 'language') {
      return `<select id="${id(f)}" name="${esc(name(f))}">` +
        (['en', 'de'] as const).map((l) => `<option value="${l}"${v.language === l ? ' selected' : ''}>${esc(t(l === 'en' ? 'langEnglish' : 'langGerman'))}</option>`).join('') + `</select>`;
    }
    const type = f === 'password' ? 'password' : f === 'email' ? 'email' : 'text';
    const extra = f === 'password' ? ' autocomplete="new-password"' : '';
    return `<input id="${id(f)}" name="${esc(name(f))}" type="${type}" value="${f === 'password' ? '' : esc(v[f])}"${extra}>`;
  };
  const hint = `<small class="hint">${esc(t('passwordHint'))}</small>`;
  const fields: CustomerField[] = ['email', 'firstName', 'lastName', 'password', 'language'];
  switch (c.v) {
    case 'classic':
      return `<form method="post" action="${esc(postUrl)}" class="customer-form"><table class="form">` +
        fields.map((f) => `<tr><th><label for="${id(f)}">${esc(t(LABEL[f]))}</label></th><td>${control(f)}${f === 'password' ? ' ' + hint : ''}${err(f)}</td></tr>`).join('') +
        `<tr><td></td><td><input type="submit" value="${esc(t('save'))}"></td></tr></table></form>`;
    case 'modern':
      return `<form method="post" action="${esc(postUrl)}" novalidate><div class="form-grid">` +
        fields.map((f) => `<div class="form-row${errors[f] ? ' has-error' : ''}"><label for="${id(f)}">${esc(t(LABEL[f]))}</label>${control(f)}${err(f)}${f === 'password' ? hint : ''}</div>`).join('') +
        `</div><div class="form-actions"><button type="submit" class="btn-primary">${esc(t('save'))}</button></div></form>`;
    case 'legacy':
      return `<form method="post" action="${esc(postUrl)}" name="frmCustomer"><table cellpadding="2">` +
        fields.map((f) => `<tr><td class="FieldLabel">${esc(t(LABEL[f]))}</td><td>${control(f)}${err(f)}</td></tr>`).join('') +
        `<tr><td></td><td>${action(c, t('save'), { href: '#', onclick: 'document.frmCustomer.submit();return false;' })}</td></tr></table></form>`;
  }
}
