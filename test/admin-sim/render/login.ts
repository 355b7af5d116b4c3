import { DEMO_LOGIN } from '../state.js';
import { esc, page, url, type Ctx } from './html.js';

export function loginPage(c: Ctx, o: { next: string; failed?: boolean; expired?: boolean; email?: string }): string {
  const t = c.t;
  const action = esc(url(c.paths.login, { next: o.next }));
  const msg = o.failed ? `<p class="error">${esc(t('loginFailed'))}</p>`
    : o.expired ? `<p class="error">${esc(t('loginSessionExpired'))}</p>` : '';
  const hint = `<p class="hint">${esc(t('loginHint'))} <code>${esc(DEMO_LOGIN.email)}</code> / <code>${esc(DEMO_LOGIN.password)}</code></p>`;
  const email = esc(o.email ?? '');
  let form: string;
  switch (c.v) {
    case 'classic':
      form = `<form method="post" action="${action}" class="login"><table>` +
        `<tr><th><label for="email">${esc(t('loginEmail'))}</label></th><td><input id="email" name="email" type="email" value="${email}" autocomplete="username"></td></tr>` +
        `<tr><th><label for="password">${esc(t('loginPassword'))}</label></th><td><input id="password" name="password" type="password" autocomplete="current-password"></td></tr>` +
        `<tr><td></td><td><button type="submit">${esc(t('loginButton'))}</button></td></tr></table></form>`;
      break;
    case 'modern':
      form = `<form method="post" action="${action}" class="auth-form">` +
        `<div class="form-row"><label for="auth-user">${esc(t('loginEmail'))}</label><input id="auth-user" name="username" type="text" value="${email}"></div>` +
        `<div class="form-row"><label for="auth-pass">${esc(t('loginPassword'))}</label><input id="auth-pass" name="secret" type="password"></div>` +
        `<input type="submit" class="btn-primary" value="${esc(t('loginButton'))}"></form>`;
      break;
    case 'legacy':
      form = `<form method="post" action="${action}" name="frmLogin"><table class="LoginBox">` +
        `<tr><td>${esc(t('loginEmail'))}</td><td><input name="ctl00$txtLogin" type="text" value="${email}"></td></tr>` +
        `<tr><td>${esc(t('loginPassword'))}</td><td><input name="ctl00$txtPassword" type="password"></td></tr>` +
        `<tr><td colspan="2" align="right"><input type="submit" name="ctl00$btnLogin" value="${esc(t('loginButton'))}"></td></tr></table></form>`;
      break;
  }
  return page(c, { title: t('loginTitle'), body: msg + form + hint, menu: false });
}

/** Field names accepted by the login POST (all variants). */
export const LOGIN_FIELDS = { email: ['email', 'username', 'ctl00$txtLogin'], password: ['password', 'secret', 'ctl00$txtPassword'] };
