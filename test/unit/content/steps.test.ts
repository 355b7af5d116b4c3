// @vitest-environment jsdom
/**
 * Every step that acts refuses on any page but the one the run arrived at, for its customer: the
 * agent may have clicked another customer in the tab mid-flow. Nothing is clicked then.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));

const { labelsFor } = await import('../../../src/admin');
const { stepHandlers } = await import('../../../src/content/steps');
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings');
type PageContext = import('../../../src/content/pageContext').PageContext;
type Expected = import('../../../src/shared/protocol').Expected;

const labels = labelsFor('en');
const ctx = (page: PageContext['page'], docId = 'page-1'): PageContext => ({ docId, lang: 'en', labels, page, settings: DEFAULT_SETTINGS, timeZone: 'UTC' });

let clicks: string[];
function userPage(email: string, shop = 'Movie Shop Berlin'): void {
  document.title = `User ${email}`;
  document.body.innerHTML = `<h1>${email}</h1><h2>User</h2><dl><dt>Name</dt><dd>Anna Schmidt</dd><dt>Shop</dt><dd>${shop}</dd></dl>
    <h2>Password History</h2><div><table><tr><th>Date</th><th>Origin</th><th>Password changed</th></tr><tr><td>2026-11-25 10:00</td><td>Flux Player</td><td>No</td></tr></table></div>
    <h2>E-mail History</h2><div><table><tr><th>Date</th><th>E-mail Type</th><th>Subject</th><th>Recipient</th></tr>
    <tr><td>2026-11-25 10:00</td><td>New Password</td><td><a href="#" id="subject">Reset your password</a></td><td>${email}</td></tr></table></div>`;
  document.getElementById('subject')!.addEventListener('click', (e) => { e.preventDefault(); clicks.push('subject'); });
}
function customerPage(email: string): void {
  document.title = `Customer ${email}`;
  document.body.innerHTML = `<h1>${email}</h1><h2>Customer</h2><form onsubmit="return false"><label for="e">E-mail</label><input id="e" value="${email}">
    <label for="p">Password</label><input id="p" type="password"><button type="submit" id="save">Save</button></form>`;
  document.getElementById('save')!.addEventListener('click', (e) => { e.preventDefault(); clicks.push('save'); });
}

const EMAIL = { at: Date.UTC(2026, 10, 25, 10, 0), kind: 'new-password' as const, typeText: 'New Password', subject: 'Reset your password', recipient: 'anna@example.com', row: 0 };
const onUser = (over: Partial<Expected> = {}): Expected => ({ docId: 'page-1', page: 'user', email: 'anna@example.com', shop: 'Movie Shop Berlin', ...over });
const onCustomer = (over: Partial<Expected> = {}): Expected => ({ docId: 'page-1', page: 'customer', email: 'anna@example.com', ...over });

beforeEach(() => {
  clicks = [];
});

describe('steps that act refuse on another page or customer', () => {
  const cases: [string, () => void, PageContext, (h: ReturnType<typeof stepHandlers>) => unknown][] = [
    ['open the reset e-mail: another document', () => userPage('anna@example.com'), ctx('user', 'page-2'), (h) => h['admin/open-email']!({ email: EMAIL, expect: onUser() }, {} as never)],
    ['open the reset e-mail: another customer', () => userPage('johanna@example.com'), ctx('user'), (h) => h['admin/open-email']!({ email: EMAIL, expect: onUser() }, {} as never)],
    ['open the reset e-mail: the same e-mail in another shop', () => userPage('anna@example.com', 'Kids Shop'), ctx('user'), (h) => h['admin/open-email']!({ email: EMAIL, expect: onUser() }, {} as never)],
    ['reply', () => userPage('johanna@example.com'), ctx('user'), (h) => h['admin/reply']!({ expect: onUser() }, {} as never)],
    ['send', () => userPage('anna@example.com'), ctx('user', 'page-2'), (h) => h['admin/send']!({ expect: onUser() }, {} as never)],
    ['read the histories', () => userPage('johanna@example.com'), ctx('user'), (h) => h['admin/read-histories']!({ which: ['passwordHistory'], expect: onUser() }, {} as never)],
    ['fill the password: another customer', () => customerPage('johanna@example.com'), ctx('customer'), (h) => h['admin/fill-password']!({ password: 'Secret-1234567', expect: onCustomer() }, {} as never)],
    ['fill the password: a user page', () => userPage('anna@example.com'), ctx('user'), (h) => h['admin/fill-password']!({ password: 'Secret-1234567', expect: onCustomer() }, {} as never)],
    ['save', () => customerPage('anna@example.com'), ctx('customer', 'page-2'), (h) => h['admin/save']!({ expect: onCustomer() }, {} as never)],
    ['read the result of Save', () => customerPage('johanna@example.com'), ctx('customer'), (h) => h['admin/read-save-outcome']!({ before: { notes: [] }, expect: onCustomer() }, {} as never)],
  ];

  it.each(cases)('%s', async (_name, render, context, act) => {
    render();
    const handlers = stepHandlers(context, document);
    await expect(Promise.resolve().then(() => act(handlers))).rejects.toMatchObject({ code: 'wrong-page' });
    expect(clicks).toEqual([]);
    expect((document.querySelector('input[type=password]') as HTMLInputElement | null)?.value ?? '').toBe('');
  });

  it('on the expected page the same steps act (the checks do not refuse everything)', async () => {
    customerPage('anna@example.com');
    const handlers = stepHandlers(ctx('customer'), document);
    await handlers['admin/fill-password']!({ password: 'Secret-1234567', expect: onCustomer() }, {} as never);
    expect((document.querySelector('input[type=password]') as HTMLInputElement).value).toBe('Secret-1234567');
    await handlers['admin/save']!({ expect: onCustomer() }, {} as never);
    expect(clicks).toEqual(['save']);
  });

  it('save: a Password field changed or cleared after the fill is not saved', async () => {
    for (const change of ['Typed-by-agent-1', '']) {
      customerPage('anna@example.com');
      clicks = [];
      const handlers = stepHandlers(ctx('customer'), document);
      await handlers['admin/fill-password']!({ password: 'Secret-1234567', expect: onCustomer() }, {} as never);
      (document.querySelector('input[type=password]') as HTMLInputElement).value = change;
      await expect(Promise.resolve().then(() => handlers['admin/save']!({ expect: onCustomer() }, {} as never))).rejects.toMatchObject({ code: 'unexpected-page', page: 'customer' });
      expect(clicks).toEqual([]);
    }
  });

  it('save: nothing filled on this page (a Save without its fill) is not saved', async () => {
    customerPage('anna@example.com');
    const handlers = stepHandlers(ctx('customer'), document);
    await expect(Promise.resolve().then(() => handlers['admin/save']!({ expect: onCustomer() }, {} as never))).rejects.toMatchObject({ code: 'unexpected-page' });
    expect(clicks).toEqual([]);
  });

  it('open the reset e-mail: a row that is no longer the one decided on is not clicked', async () => {
    userPage('anna@example.com');
    const handlers = stepHandlers(ctx('user'), document);
    await expect(handlers['admin/open-email']!({ email: { ...EMAIL, at: EMAIL.at - 60_000 }, expect: onUser() }, {} as never)).rejects.toMatchObject({ code: 'unexpected-page' });
    expect(clicks).toEqual([]);
  });
});
