import type { Ctx } from './html.js';

export const DIALOG_IDS = {
  classic: { root: 'mailDialog', body: 'mailDialogBody' },
  modern: { root: 'mail-modal', body: 'mail-modal-content' },
  legacy: { root: 'divPopup', body: 'tdPopupContent' },
} as const;

/**
 * The user page's own script (the only asynchronous parts of the admin):
 *  - rdLoad: "Click to load data" -> fetch the history fragment; on any failure (HTTP 500, 401 of an
 *    expired session, network) shows "Error loading data" followed by the original link again.
 *  - rdMail / rdReply / rdClose / rdSend: the e-mail dialog. A failed open shows "Error loading data"
 *    (+ Close); a failed send keeps the compose form and puts above it "Your session has expired..."
 *    (401) or "The e-mail could not be sent." (anything else). Success shows "E-mail has been sent".
 */
export function clientScript(c: Ctx): string {
  const cfg = {
    dialog: DIALOG_IDS[c.v].root,
    body: DIALOG_IDS[c.v].body,
    loading: c.t('loading'),
    errorLoading: c.t('errorLoading'),
    sendFailed: c.t('sendFailed'),
    sessionExpired: c.t('sessionExpired'),
    close: c.t('close'),
  };
  // JSON inside <script>: neutralise "</script>" and friends.
  const json = JSON.stringify(cfg).replace(/</g, '\\u003c');
  return `<script>var RD = ${json};\n${CLIENT_JS}</script>`;
}

const CLIENT_JS = String.raw`
(function () {
  function esc(s) { return String(s).replace(/[&<>"']/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; }); }
  function get(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (r) { if (!r.ok) { var e = new Error('HTTP ' + r.status); e.status = r.status; throw e; } return r.text(); });
  }
  function dlg() { return document.getElementById(RD.dialog); }
  function body() { return document.getElementById(RD.body); }
  function show() {
    var d = dlg();
    if (d.tagName === 'DIALOG') { if (!d.open) d.show(); }
    else { d.hidden = false; d.style.display = 'block'; }
  }
  window.rdLoad = function (el, url) {
    var box = el.parentNode;
    if (box.__orig === undefined) box.__orig = box.innerHTML;
    box.innerHTML = '<span class="loading">' + esc(RD.loading) + '</span>';
    get(url).then(function (html) { box.innerHTML = html; })
      .catch(function () { box.innerHTML = '<span class="error">' + esc(RD.errorLoading) + '</span> ' + box.__orig; });
    return false;
  };
  window.rdMail = function (el, url) {
    body().innerHTML = '<span class="loading">' + esc(RD.loading) + '</span>';
    show();
    get(url).then(function (html) { body().innerHTML = html; })
      .catch(function (e) {
        body().innerHTML = '<p class="error">' + esc(e && e.status === 401 ? RD.sessionExpired : RD.errorLoading) + '</p>' +
          '<button type="button" onclick="return rdClose()">' + esc(RD.close) + '</button>';
      });
    return false;
  };
  window.rdReply = function () {
    var b = body(), tpl = b.querySelector('template');
    if (!tpl) return false;
    var form = tpl.content.cloneNode(true);
    b.innerHTML = '';
    b.appendChild(form);
    var f = b.querySelector('textarea'); if (f) f.focus();
    return false;
  };
  window.rdClose = function () {
    var d = dlg();
    if (d.tagName === 'DIALOG') d.close(); else { d.hidden = true; d.style.display = 'none'; }
    body().innerHTML = '';
    return false;
  };
  window.rdSend = function (form, url) {
    var data = new URLSearchParams(new FormData(form));
    var old = form.querySelector('.send-error'); if (old) old.parentNode.removeChild(old);
    fetch(url, { method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (r) { if (!r.ok) { var e = new Error('HTTP ' + r.status); e.status = r.status; throw e; } return r.text(); })
      .then(function (html) { body().innerHTML = html; })
      .catch(function (e) {
        var p = document.createElement('p');
        p.className = 'error send-error';
        p.textContent = e && e.status === 401 ? RD.sessionExpired : RD.sendFailed;
        form.insertBefore(p, form.firstChild);
      });
    return false;
  };
})();
`;
