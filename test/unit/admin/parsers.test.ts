// @vitest-environment jsdom
/**
 * Parsers and page recognition over hand-written markups that follow the model but differ from the
 * simulator: other wrappers, div/strong/legend headings, reordered and extra columns, buttons vs
 * links, unsorted rows, German labels.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AdminError, checkLayout, findCustomerForm, findHeading, labelsFor, latestNewPasswordEmail, parseEmailHistory,
  parsePasswordHistory, parseSearchResults, readHistoryState, readSaveOutcome, saveBaseline, readUserPageEmail,
  recognizePage, sectionAfter, subjectControl, findControl,
} from '../../../src/admin';

const en = labelsFor('en');
const de = labelsFor('de');
const TZ = { timeZone: 'UTC' };

function setPage(html: string, title = ''): Document {
  document.title = title;
  document.body.innerHTML = html; // test fixture only; the adapter never uses innerHTML
  return document;
}

const MENU_EN = `<div class="m"><div><strong>Support</strong><div style="display:none"><a href="/x1">Incoming requests</a><a href="/x2">Technical Support</a></div></div>
  <div><strong>Sales</strong><div style="display:none"><a href="/y1">Customers</a><a href="/y2">Orders</a></div></div></div>`;
const MENU_DE = `<ul><li><a href="#">Verkauf</a><ul><li><a href="/k">Kunden</a></li></ul></li><li><a href="#">Support</a><ul><li><a href="/e">Eingehende Anfragen</a></li></ul></li></ul>`;

describe('list pages', () => {
  it('reads results with reordered and extra columns, Show as a button, exact vs lookalike, several shops', () => {
    const doc = setPage(`${MENU_EN}<main><div><div><span class="crumb">Incoming requests</span></div></div>
      <form><div><input type="search" name="zz"></div><div><input type="image" src="s.svg" alt="Search"></div></form>
      <div><table><thead><tr><th>Shop</th><th>Extra</th><th>Name</th><th>Registered</th><th>E-mail</th><th></th></tr></thead><tbody>
        <tr><td>Kids</td><td>x</td><td>&lt;b&gt;Jo&lt;/b&gt;</td><td>1/1/2026 1:00 PM</td><td>johanna@example.com</td><td><button>Show</button></td></tr>
        <tr><td>Berlin</td><td>x</td><td>Anna A</td><td>1/1/2026 1:00 PM</td><td> ANNA@example.com </td><td><button>Show</button></td></tr>
        <tr><td>Kids</td><td>x</td><td>Anna B</td><td>1/1/2026 1:00 PM</td><td>anna@example.com</td><td><button>Show</button></td></tr>
      </tbody></table><a href="?p=2">Next</a></div></main>`);
    expect(recognizePage(doc, en)).toBe('incoming-requests');
    const r = parseSearchResults(doc, en, 'anna@example.com', 'incoming-requests');
    expect(r.exact.map((x) => x.ref.shop)).toEqual(['Berlin', 'Kids']);
    expect(r.lookalikes.map((x) => x.ref)).toEqual([{ email: 'johanna@example.com', name: '<b>Jo</b>', shop: 'Kids' }]);
    expect(r.exact[0]!.showControl.tagName).toBe('BUTTON');
    expect(r.next?.getAttribute('href')).toBe('?p=2');
    expect(checkLayout(doc, en, 'incoming-requests').missing).toEqual([]);
  });

  it('German customers page with no hits; page title only in <title>; search icon as a link', () => {
    const doc = setPage(`${MENU_DE}<form><table><tr><td><input type="text"></td><td><a href="#" title="Suchen"><img alt=""></a></td></tr></table></form>
      <p>Keine Einträge gefunden</p>`, 'Kunden - FlickRocket');
    expect(recognizePage(doc, de)).toBe('customers');
    expect(parseSearchResults(doc, de, 'x@y.z')).toMatchObject({ noRecords: true, rows: [] });
  });

  it('a missing column is a named error', () => {
    const doc = setPage(`<h1>Customers</h1><form><input><button title="Search"></button></form>
      <table><tr><th>E-mail</th><th>Name</th><th>Store</th></tr><tr><td>a@b.c</td><td>A</td><td>S</td><td><a>Show</a></td></tr></table>`);
    expect(() => parseSearchResults(doc, en, 'a@b.c', 'customers')).toThrow('The admin\'s layout has changed: no "Shop" on the Customers page.');
  });
});

const USER_A = (pw: string, mail: string) => `${MENU_EN}<h1>User anna@example.com</h1>
  <div class="s"><h3>User</h3><table><tr><th>E-mail</th><td>anna@example.com</td></tr></table></div>
  <div class="s"><h3>E-mail History</h3><div>${mail}</div></div>
  <div class="s"><h3>Password History</h3><div><div>${pw}</div></div></div>
  <div class="s"><h3>Devices</h3><p>No data</p></div>`;
// Headings as divs inside table cells; the title only in <title>; German.
const USER_B = (pw: string, mail: string) => `${MENU_DE}<table><tr><td><div class="t">Benutzer</div></td></tr><tr><td>…</td></tr></table>
  <table class="box"><tr><td><div class="t">Passwort-Historie</div></td></tr><tr><td class="b">${pw}</td></tr></table>
  <table class="box"><tr><td><div class="t">E-Mail-Historie</div></td></tr><tr><td class="b">${mail}</td></tr></table>`;

describe('user page', () => {
  it('reads both histories (h3 sections, unsorted rows, extra columns)', () => {
    const pw = `<table><tr><th>#</th><th>Password changed</th><th>Date</th><th>Origin</th></tr>
      <tr><td>1</td><td><span>No</span></td><td>2026-11-25 10:00</td><td>Web Player</td></tr>
      <tr><td>2</td><td>Yes</td><td>2026-11-26 10:00</td><td>Admin</td></tr>
      <tr><td>3</td><td>No</td><td>2026-11-24 10:00</td><td>Flux Player</td></tr>
      <tr><td>4</td><td>No</td><td>2026-11-23 10:00</td><td>Kiosk</td></tr></table>`;
    const mail = `<table><thead><tr><th>Subject</th><th>Recipient</th><th>E-mail Type</th><th>Date</th></tr></thead><tbody>
      <tr><td><a href="#1">Reset A</a></td><td>anna@example.com</td><td>New Password</td><td>2026-11-24 10:00</td></tr>
      <tr><td><a href="#2">Welcome!</a></td><td>anna@example.com</td><td>Welcome</td><td>2026-11-27 10:00</td></tr>
      <tr><td><a href="#3">Reset B</a></td><td>anna@example.com</td><td>New Password</td><td>2026-11-25 10:00</td></tr></tbody></table>`;
    const doc = setPage(USER_A(pw, mail));
    expect(recognizePage(doc, en)).toBe('user');
    expect(readUserPageEmail(doc)).toBe('anna@example.com');
    const rows = parsePasswordHistory(doc, en, TZ);
    expect(rows.map((r) => [r.origin, r.changed, r.row])).toEqual([['web-player', false, 0], ['admin', true, 1], ['flux-player', false, 2], ['other', false, 3]]);
    expect(rows[1]!.at).toBe(Date.parse('2026-11-26T10:00:00Z'));
    const mails = parseEmailHistory(doc, en, TZ);
    const latest = latestNewPasswordEmail(mails)!;
    expect(latest.subject).toBe('Reset B');
    expect(subjectControl(doc, en, latest.row).getAttribute('href')).toBe('#3');
  });

  it('German, div headings in table cells: states not-loaded / no-data / error', () => {
    const link = '<input type="button" value="Klicken, um Daten zu laden">';
    let doc = setPage(USER_B(link, `<span>Fehler beim Laden der Daten</span> ${link}`), 'Benutzer x@y.de - Admin');
    expect(recognizePage(doc, de)).toBe('user');
    expect(readUserPageEmail(doc)).toBe('x@y.de');
    expect(readHistoryState(doc, de, 'passwordHistory').state).toBe('not-loaded');
    expect(readHistoryState(doc, de, 'emailHistory').state).toBe('error');
    doc = setPage(USER_B('<p>Keine Daten</p>', '<span>Wird geladen ...</span>'));
    expect(readHistoryState(doc, de, 'passwordHistory').state).toBe('no-data');
    expect(parsePasswordHistory(doc, de)).toEqual([]);
    expect(readHistoryState(doc, de, 'emailHistory').state).toBe('loading');
  });

  it('unknown Yes/No text and missing columns are named errors', () => {
    let doc = setPage(USER_A('<table><tr><th>Date</th><th>Origin</th><th>Password changed</th></tr><tr><td>2026-11-25 10:00</td><td>Admin</td><td>Maybe</td></tr></table>', '<a>Click to load data</a>'));
    expect(() => parsePasswordHistory(doc, en)).toThrow(/"Maybe" in row 1 is neither "Yes" nor "No"/);
    doc = setPage(USER_A('<table><tr><th>Date</th><th>Password changed</th></tr><tr><td>2026-11-25 10:00</td><td>Yes</td></tr></table>', ''));
    expect(() => parsePasswordHistory(doc, en)).toThrow('no "Origin" on the user page');
    doc = setPage(USER_A('<a>Click to load data</a>', '').replace('E-mail History', 'Mail Log'));
    expect(recognizePage(doc, en)).toBe('other');
    try { parseEmailHistory(doc, en); expect.fail(); } catch (e) {
      expect(e).toBeInstanceOf(AdminError);
      expect((e as AdminError).toJSON()).toMatchObject({ code: 'label-missing', page: 'user', label: { key: 'emailHistory', text: 'E-mail History' } });
    }
  });
});

describe('customer page and login', () => {
  const CUSTOMER = (extra = '') => `${MENU_EN}<h1>Customer a@b.c</h1>
    <form method="post"><fieldset><legend>Customer</legend>
      <div class="row"><label for="f1">E-mail</label><input id="f1" value="a@b.c"></div>
      <div class="row"><span>Password</span><input type="password" name="pw"><small>Leave empty to keep the current password.</small>${extra}</div>
      <div class="row"><label>Language <select><option>English</option></select></label></div>
      <a href="#" onclick="return false">Save</a></fieldset></form>
    <fieldset><legend>Addresses</legend><p>No data</p></fieldset>`;
  it('finds Password (caption in a span) and Save (a link); reads outcomes', () => {
    const doc = setPage(CUSTOMER());
    expect(recognizePage(doc, en)).toBe('customer');
    const form = findCustomerForm(doc, en);
    expect(form.password.getAttribute('name')).toBe('pw');
    expect(form.save.tagName).toBe('A');
    const before = saveBaseline(doc, en);
    expect(readSaveOutcome(doc, en, before)).toEqual({ kind: 'unknown' });
    setPage(CUSTOMER('<em>At least 8 characters.</em>'));
    expect(readSaveOutcome(document, en, before)).toEqual({ kind: 'validation', message: 'At least 8 characters.' });
    setPage(`<div><b>Changes saved</b></div>${CUSTOMER()}`);
    expect(readSaveOutcome(document, en, before)).toEqual({ kind: 'saved' });
  });
  it('a validation message wins over a "Changes saved" elsewhere (customer text)', () => {
    // An address line that is the customer's own text, and a refused Save.
    const withAddress = (extra = '') => CUSTOMER(extra).replace('<p>No data</p>', '<p>Changes saved</p>');
    const before = saveBaseline(setPage(CUSTOMER()), en);
    expect(readSaveOutcome(setPage(withAddress('<em>At least 8 characters.</em>')), en, before)).toEqual({ kind: 'validation', message: 'At least 8 characters.' });
  });
  it('a refusal anywhere on the page wins; "Changes saved" counts only when this Save added one outside the customer data', () => {
    const withAddress = (extra = '') => CUSTOMER(extra).replace('<p>No data</p>', '<address>Changes saved</address>');
    const banner = '<div class="notice error">The changes could not be saved: the record was changed by another user.</div>';
    const notice = '<div><b>Changes saved</b></div>';
    const before = saveBaseline(setPage(withAddress()), en);
    // A banner at the top (no role, not next to the field) while the customer's address reads "Changes saved".
    expect(readSaveOutcome(setPage(`${banner}${withAddress()}`), en, before)).toEqual({ kind: 'validation', message: 'The changes could not be saved: the record was changed by another user.' });
    // A text the page did not show before is read as a refusal only when no new notice came with it
    // (an admin may print other new texts after a Save; a labelled or alert refusal always wins, below).
    expect(readSaveOutcome(setPage(`${banner}${notice}${withAddress()}`), en, before)).toEqual({ kind: 'saved' });
    // The same page again (no notice, no refusal): the address alone is not a confirmation.
    expect(readSaveOutcome(setPage(withAddress()), en, before)).toEqual({ kind: 'unknown' });
    // This Save's notice next to the same address: saved.
    expect(readSaveOutcome(setPage(`${notice}${withAddress()}`), en, before)).toEqual({ kind: 'saved' });
    // An alert as the refusal wins over a notice; an alert the page showed before Save does not count.
    const alert = (t: string) => `<p role="alert">${t}</p>`;
    expect(readSaveOutcome(setPage(`${alert('Not saved: locked.')}${notice}${withAddress()}`), en, before)).toEqual({ kind: 'validation', message: 'Not saved: locked.' });
    const withTrial = saveBaseline(setPage(`${alert('Your trial ends soon.')}${CUSTOMER()}`), en);
    expect(readSaveOutcome(setPage(`${alert('Your trial ends soon.')}${notice}${CUSTOMER()}`), en, withTrial)).toEqual({ kind: 'saved' });
    // The page an earlier Save led to shows the notice already; showing it again is no proof of this Save.
    const again = saveBaseline(setPage(`${notice}${CUSTOMER()}`), en);
    expect(readSaveOutcome(setPage(`${notice}${CUSTOMER()}`), en, again)).toEqual({ kind: 'unknown' });
    // A baseline without blocks (an older hand-over) reads as before.
    expect(readSaveOutcome(setPage(`${notice}${CUSTOMER()}`), en, { notes: ['Leave empty to keep the current password.'] })).toEqual({ kind: 'saved' });
  });
  it('missing Save is a named error', () => {
    setPage(CUSTOMER().replace('>Save<', '>Store<'));
    expect(() => findCustomerForm(document, en)).toThrow('no "Save" on the customer page');
    expect(checkLayout(document, en, 'customer').missing).toEqual(['save']);
  });
  it('login page: password field + Login, no menu', () => {
    setPage('<div><div>Login</div><table><tr><td>E-mail</td><td><input></td></tr><tr><td>Password</td><td><input type="password"></td></tr></table><input type="submit" value="Login"></div>');
    expect(recognizePage(document, en)).toBe('login');
  });
});

describe('sections', () => {
  beforeEach(() => setPage(''));
  it('a heading in a title bar wrapper: the section is what follows the wrapper', () => {
    setPage('<section><header><h2>Password History</h2></header><div id="c1">A</div></section><section><header><h2>E-mail History</h2></header><div id="c2">B</div></section>');
    const s = sectionAfter(findHeading(document, en, 'passwordHistory')!);
    expect(s.parts.map((p) => p.id)).toEqual(['c1']);
  });
  it('flat h3 headings stop at the next heading', () => {
    setPage('<h3>Password History</h3><p id="a">x</p><div id="b">y</div><h3>Devices</h3><p id="c">z</p>');
    expect(sectionAfter(findHeading(document, en, 'passwordHistory')!).parts.map((p) => p.id)).toEqual(['a', 'b']);
  });
  it('a heading-like div followed by a short body is not cut off', () => {
    setPage('<div class="t">Password History</div><div class="b"><p>No data</p></div><div class="t">Devices</div><div class="b">z</div>');
    expect(sectionAfter(findHeading(document, en, 'passwordHistory')!).parts.map((p) => p.className)).toEqual(['b']);
  });
  it('finds icon-only controls by title/alt/aria-label', () => {
    setPage('<form><input><button aria-label="Search"><svg></svg></button></form>');
    expect(findControl(document, en, 'searchIcon')?.tagName).toBe('BUTTON');
    setPage('<form><input><a href="#"><img alt="Search"></a></form>');
    expect(findControl(document, en, 'searchIcon')?.tagName).toBe('A');
  });
});
