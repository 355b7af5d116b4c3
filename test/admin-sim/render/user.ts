import type { LabelKey } from '../labels.js';
import { brokenDate } from '../dates.js';
import { ordered, type Account, type Mail, type MailType, type Origin, type PwRow, type Scenario } from '../state.js';
import { action, esc, names, page, section, table, url, type Ctx } from './html.js';
import { clientScript, DIALOG_IDS } from './client.js';

const ORIGIN: Record<Origin, LabelKey> = { flux: 'originFlux', web: 'originWeb', admin: 'originAdmin' };
const TYPE: Record<MailType, LabelKey> = { newPassword: 'typeNewPassword', orderConfirmation: 'typeOrderConfirmation', welcome: 'typeWelcome' };


/** Support > Incoming requests > Show. */
export function userPage(c: Ctx, s: Scenario, a: Account): string {
  const t = c.t;
  const shop = s.shop(a.shopId);
  const kv = (rows: [LabelKey, string][]) => {
    switch (c.v) {
      case 'classic': return `<table class="props">${rows.map(([k, v]) => `<tr><th>${esc(t(k))}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
      case 'modern': return `<dl class="props">${rows.map(([k, v]) => `<div class="prop"><dt>${esc(t(k))}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>`;
      case 'legacy': return `<table>${rows.map(([k, v]) => `<tr><td class="lbl">${esc(t(k))}:</td><td>${esc(v)}</td></tr>`).join('')}</table>`;
    }
  };
  const user = kv([
    ...(names(c, 'field') ? [['colEmail', a.email] as [LabelKey, string]] : []), ['colName', `${a.firstName} ${a.lastName}`], ['colShop', shop.name],
    ['fieldCompany', shop.company], ['colRegistered', c.date(a.registeredAt)],
    ['language', t(a.language === 'de' ? 'langGerman' : 'langEnglish')],
  ]);
  const orders = a.orders.length
    ? table(c, [t('colOrderNo'), t('colDate'), t('colProduct'), t('colAmount')],
      ordered(a.orders.map((o, i) => ({ ...o, id: i })), 'newest').map((o) => [esc(o.no), esc(c.date(o.at)), esc(o.product), esc(o.amount)]))
    : `<p>${esc(t('noData'))}</p>`;
  const devices = table(c, [t('colDevice'), t('colPlayer'), t('colLastUsed')],
    a.devices.map((d) => [esc(d.name), esc(d.player), esc(c.date(d.lastUsed))]));
  const lazy = (which: 'password' | 'email') => loadLink(c, url(c.paths.history, { [c.params.id]: a.id, section: which }));

  const sections: Record<string, string> = {
    user: section(c, 'sectionUser', user),
    orders: section(c, 'sectionOrders', orders),
    pw: section(c, 'passwordHistory', lazy('password')),
    mail: section(c, 'emailHistory', lazy('email')),
    devices: section(c, 'devices', devices),
  };
  const order = {
    classic: ['user', 'orders', 'pw', 'mail', 'devices'],
    modern: ['user', 'pw', 'mail', 'orders', 'devices'],
    legacy: ['user', 'mail', 'pw', 'orders', 'devices'],
  }[c.v];
  const body = order.map((k) => sections[k]).join('');
  return page(c, {
    title: t('userTitle', { email: a.email }),
    identity: { email: a.email, bare: t('userTitleBare'), path: ['support', 'incomingRequests'] },
    body: c.v === 'modern' ? `<div class="grid-2">${body}</div>` : body,
    scripts: dialogShell(c) + clientScript(c),
  });
}

/** The "Click to load data" control, alone in its container (the page script replaces the container). */
export function loadLink(c: Ctx, href: string): string {
  const js = `return rdLoad(this, ${JSON.stringify(href)})`;
  const label = c.t('clickToLoad');
  switch (c.v) {
    case 'classic': return `<div class="lazy">${action(c, label, { href: '#', onclick: js })}</div>`;
    case 'modern': return action(c, label, { onclick: js, as: 'button' });
    case 'legacy': return action(c, label, { onclick: js, as: 'input' });
  }
}

function dialogShell(c: Ctx): string {
  const ids = DIALOG_IDS[c.v];
  switch (c.v) {
    case 'classic': return `<dialog id="${ids.root}" class="mail"><div id="${ids.body}"></div></dialog>`;
    case 'modern': return `<div class="modal-backdrop" id="${ids.root}" hidden><div class="modal" role="dialog" aria-modal="true"><div id="${ids.body}" class="modal-content"></div></div></div>`;
    case 'legacy': return `<div id="${ids.root}" style="display:none"><table width="100%"><tr><td id="${ids.body}"></td></tr></table></div>`;
  }
}

/** The fragment returned by the history endpoint: a table or "No data". */
export function historyFragment(c: Ctx, s: Scenario, a: Account, which: 'password' | 'email', brokenDates: boolean): string {
  const t = c.t;
  if (which === 'password') {
    if (!a.pwHistory.length) return `<p class="nodata">${esc(t('noData'))}</p>`;
    const newest = ordered(a.pwHistory, 'newest')[0]!;
    const date = (r: PwRow) => esc(brokenDates && r === newest ? brokenDate(c.dateFormat) : c.date(r.at));
    const yesNo = (r: PwRow) => {
      const text = esc(t(r.changed ? 'yes' : 'no'));
      return c.v === 'modern' ? `<span class="badge">${text}</span>` : text;
    };
    const rows = ordered(a.pwHistory, a.order);
    switch (c.v) {
      case 'classic':
        return table(c, [t('colDate'), t('colOrigin'), t('colPasswordChanged')], rows.map((r) => [date(r), esc(t(ORIGIN[r.origin])), yesNo(r)]), 'history');
      case 'modern':
        return table(c, ['#', t('colPasswordChanged'), t('colDate'), t('colOrigin')], rows.map((r, i) => [String(i + 1), yesNo(r), date(r), esc(t(ORIGIN[r.origin]))]), 'history');
      case 'legacy':
        return table(c, [t('colDate'), t('colOrigin'), t('colIp'), t('colPasswordChanged')], rows.map((r) => [date(r), esc(t(ORIGIN[r.origin])), esc(r.ip), yesNo(r)]), 'history');
    }
  }
  if (!a.mails.length) return `<p class="nodata">${esc(t('noData'))}</p>`;
  const rows = ordered(a.mails, a.order);
  const subject = (m: Mail) => {
    const js = `return rdMail(this, ${JSON.stringify(url(c.paths.mail, { [c.params.id]: m.id }))})`;
    const href = c.v === 'legacy' ? 'javascript:void(0)' : `#mail-${m.id}`;
    return `<a href="${esc(href)}" onclick="${esc(js)}">${esc(m.subject)}</a>`;
  };
  const type = (m: Mail) => esc(t(TYPE[m.type]));
  switch (c.v) {
    case 'classic':
      return table(c, [t('colDate'), t('colEmailType'), t('colSubject'), t('colRecipient')], rows.map((m) => [esc(c.date(m.at)), type(m), subject(m), esc(m.to)]), 'history');
    case 'modern':
      return table(c, ['#', t('colSubject'), t('colEmailType'), t('colRecipient'), t('colDate')], rows.map((m, i) => [String(i + 1), subject(m), type(m), esc(m.to), esc(c.date(m.at))]), 'history');
    case 'legacy':
      return table(c, [t('colDate'), t('colEmailType'), t('colSubject'), t('colRecipient')], rows.map((m) => [esc(c.date(m.at)), type(m), subject(m), esc(m.to)]), 'history');
  }
}

/** The e-mail shown in the dialog, with Reply/Close and the (templated) compose form. */
export function mailFragment(c: Ctx, m: Mail): string {
  const t = c.t;
  const head: [LabelKey, string][] = [['mailFrom', m.from], ['mailTo', m.to], ['mailDate', c.date(m.at)], ['mailSubject', m.subject]];
  const sendUrl = c.paths.send;
  const close = (as: 'link' | 'button' | 'input') => action(c, t('close'), { onclick: 'return rdClose()', as });
  const hidden = `<input type="hidden" name="mailId" value="${m.id}">`;
  switch (c.v) {
    case 'classic':
      return `<h3 class="mail-title">${esc(m.subject)}</h3><table class="mailhead">${head.map(([k, v]) => `<tr><th>${esc(t(k))}</th><td>${esc(v)}</td></tr>`).join('')}</table>` +
        `<pre class="mailbody">${esc(m.body)}</pre>` +
        `<div class="buttons">${action(c, t('reply'), { onclick: 'return rdReply()', as: 'button' })} ${close('button')}</div>` +
        `<template id="tplCompose"><form class="compose" onsubmit="return rdSend(this, ${esc(JSON.stringify(sendUrl))})">${hidden}<table>` +
        `<tr><th><label for="c_to">${esc(t('mailTo'))}</label></th><td><input id="c_to" name="to" size="50" value="${esc(m.to)}"></td></tr>` +
        `<tr><th><label for="c_subject">${esc(t('mailSubject'))}</label></th><td><input id="c_subject" name="subject" size="50" value="${esc(m.subject)}"></td></tr>` +
        `<tr><th><label for="c_body">${esc(t('mailBody'))}</label></th><td><textarea id="c_body" name="body" rows="14" cols="70">${esc(m.body)}</textarea></td></tr>` +
        `</table><div class="buttons"><button type="submit">${esc(t('send'))}</button> ${close('button')}</div></form></template>`;
    case 'modern':
      return `<dl class="mail-meta">${head.map(([k, v]) => `<div class="prop"><dt>${esc(t(k))}</dt><dd>${esc(v)}</dd></div>`).join('')}</dl>` +
        `<div class="mail-body" style="white-space:pre-wrap">${esc(m.body)}</div>` +
        `<div class="modal-footer">${close('button')} ${action(c, t('reply'), { href: '#', onclick: 'return rdReply()' })}</div>` +
        `<template><form class="compose" onsubmit="return rdSend(this, ${esc(JSON.stringify(sendUrl))})">${hidden}` +
        `<div class="form-row"><label for="cmp-subject">${esc(t('mailSubject'))}</label><input id="cmp-subject" name="subject" value="${esc(m.subject)}"></div>` +
        `<div class="form-row"><label for="cmp-to">${esc(t('mailTo'))}</label><input id="cmp-to" name="to" type="email" value="${esc(m.to)}"></div>` +
        `<div class="form-row"><label for="cmp-body">${esc(t('mailBody'))}</label><textarea id="cmp-body" name="body" rows="14">${esc(m.body)}</textarea></div>` +
        `<div class="modal-footer">${close('button')} <input type="submit" class="btn-primary" value="${esc(t('send'))}"></div></form></template>`;
    case 'legacy':
      return `<table class="MailHeader">${head.map(([k, v]) => `<tr><td class="lbl"><b>${esc(t(k))}</b></td><td>${esc(v)}</td></tr>`).join('')}</table>` +
        `<hr><div class="MailText">${esc(m.body).replace(/\n/g, '<br>')}</div><hr>` +
        `<div align="right">${action(c, t('reply'), { onclick: 'return rdReply()', as: 'input' })} ${close('input')}</div>` +
        `<template><form name="frmReply" onsubmit="return rdSend(this, ${esc(JSON.stringify(sendUrl))})">${hidden}<table>` +
        `<tr><td>${esc(t('mailTo'))}</td><td><input name="to" size="50" value="${esc(m.to)}"></td></tr>` +
        `<tr><td>${esc(t('mailSubject'))}</td><td><input name="subject" size="50" value="${esc(m.subject)}"></td></tr>` +
        `<tr><td>${esc(t('mailBody'))}</td><td><textarea name="body" rows="14" cols="70">${esc(m.body)}</textarea></td></tr>` +
        `<tr><td></td><td align="right">${action(c, t('send'), { href: '#', onclick: `return rdSend(this.closest('form'), ${JSON.stringify(sendUrl)})` })} ${close('input')}</td></tr></table></form></template>`;
  }
}

/** The fragment the send endpoint answers with on success. */
export function sentFragment(c: Ctx): string {
  const t = c.t;
  switch (c.v) {
    case 'classic': return `<p class="notice">${esc(t('emailSent'))}</p><div class="buttons">${action(c, t('close'), { onclick: 'return rdClose()', as: 'button' })}</div>`;
    case 'modern': return `<div class="alert alert-success" role="status">${esc(t('emailSent'))}</div><div class="modal-footer">${action(c, t('close'), { onclick: 'return rdClose()', as: 'button' })}</div>`;
    case 'legacy': return `<span class="Message"><font color="green">${esc(t('emailSent'))}</font></span><br>${action(c, t('close'), { onclick: 'return rdClose()', as: 'input' })}`;
  }
}
