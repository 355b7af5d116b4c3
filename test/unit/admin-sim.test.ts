// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { startSimulator, PEOPLE, XSS, LABELS, DEFAULT_CONFIG, formatDate, type Simulator, type SimConfig } from '../admin-sim/server.js';
import { VARIANTS } from '../admin-sim/variants.js';

let sim: Simulator;
let clock = Date.UTC(2026, 10, 26, 14, 3, 30); // 26 Nov 2026 15:03:30 Berlin
let cookie = '';

const BASE: Partial<SimConfig> = { ...DEFAULT_CONFIG, control: true, loadDataLatencyMs: [0, 0] };

beforeAll(async () => { sim = await startSimulator({ ...BASE, now: () => clock }); });
afterAll(async () => { await sim?.close(); });
beforeEach(() => {
  clock = Date.UTC(2026, 10, 26, 14, 3, 30);
  sim.setConfig(BASE);
  sim.reset();
  cookie = sim.login();
});

async function get(path: string, c = cookie) {
  const res = await fetch(sim.url + path, { redirect: 'manual', headers: c ? { cookie: c } : {} });
  return { res, text: await res.text() };
}
async function post(path: string, form: Record<string, string>, c = cookie) {
  const res = await fetch(sim.url + path, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(form),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(c ? { cookie: c } : {}) },
  });
  return { res, text: await res.text() };
}
async function control(method: 'GET' | 'POST', route: string, body?: unknown) {
  const res = await fetch(`${sim.url}/__sim/${route}`, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, json: res.status === 404 && !sim.config.control ? null : await res.json(), res };
}
const doc = (html: string) => new JSDOM(html).window.document;
const text = (html: string) => (doc(html).body.textContent ?? '').replace(/\s+/g, ' ');
const path = (kind: Parameters<Simulator['pathOf']>[0]) => sim.pathOf(kind).slice(sim.url.length);
const account = (email: string, shop?: string) => sim.scenario().accounts.find(
  (a) => a.email === email && (!shop || sim.scenario().shop(a.shopId).name === shop))!;

/** Table rows (as arrays of cell texts) of the first table in html, keyed by header text. */
function rows(html: string): Record<string, string>[] {
  const table = doc(html).querySelector('table')!;
  const trs = [...table.querySelectorAll('tr')];
  const head = [...trs[0]!.querySelectorAll('th')].map((th) => th.textContent!.trim());
  return trs.slice(1).map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [head[i], td.textContent!.trim()])));
}
const history = async (email: string, which: 'password' | 'email', shop?: string) =>
  get(`${path('history')}?id=${account(email, shop).id}&section=${which}`);

describe('login and sessions', () => {
  it('redirects to the login page without a session and back after login', async () => {
    const { res } = await get(path('incoming') + '?q=anna', '');
    expect(res.status).toBe(302);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(/login\?next=/);
    const login = await get(loc, '');
    const t = text(login.text);
    for (const l of ['E-mail', 'Password', 'Login', 'agent@example.com', 'demo-password']) expect(t).toContain(l);
    const form = doc(login.text).querySelector('form')!;
    const r = await post(form.getAttribute('action')!, { email: 'agent@example.com', password: 'demo-password' }, '');
    expect(r.res.status).toBe(302);
    expect(r.res.headers.get('location')).toBe(path('incoming') + '?q=anna');
    expect(r.res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    const wrong = await post(form.getAttribute('action')!, { email: 'agent@example.com', password: 'nope' }, '');
    expect(text(wrong.text)).toContain('Wrong e-mail or password');
  });

  it('expired sessions: pages redirect to login, fetches answer 401', async () => {
    const mail = account(PEOPLE.valid2h).mails[0]!;
    expect((await control('POST', 'expire-sessions')).json.expired).toBeGreaterThanOrEqual(1);
    const page = await get(path('user') + `?id=${account(PEOPLE.valid2h).id}`);
    expect(page.res.status).toBe(302);
    expect(page.res.headers.get('location')).toMatch(/expired=1/);
    expect((await history(PEOPLE.valid2h, 'password')).res.status).toBe(401);
    expect((await get(`${path('mail')}?id=${mail.id}`)).res.status).toBe(401);
    expect((await post(path('send'), { mailId: String(mail.id), to: 'x', subject: 's', body: 'b' })).res.status).toBe(401);
    expect(sim.outbox()).toHaveLength(0);
  });

  it('sessions expire after the idle TTL', async () => {
    sim.setConfig({ sessionTtlMs: 60_000 });
    expect((await get(path('dashboard'))).res.status).toBe(200);
    clock += 59_000;
    expect((await get(path('dashboard'))).res.status).toBe(200);
    clock += 61_000;
    expect((await get(path('dashboard'))).res.status).toBe(302);
  });

  it('German login page and menu; page latency is added to every admin response', async () => {
    sim.setConfig({ lang: 'de' });
    const login = text((await get(path('login'), '')).text);
    for (const l of ['E-Mail', 'Passwort', 'Anmelden']) expect(login).toContain(l);
    const menu = text((await get(path('dashboard'))).text);
    for (const l of ['Übersicht', 'Inhalte', 'Verkauf', 'Kunden', 'Bestellungen', 'Support', 'Eingehende Anfragen', 'Technischer Support', 'Firma']) expect(menu).toContain(l);
    sim.setConfig({ pageLatencyMs: 150, loadDataLatencyMs: [100, 100] });
    let t0 = performance.now();
    await get(path('dashboard'));
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    t0 = performance.now();
    await history(PEOPLE.valid2h, 'password');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(240);
  });

  it('control API: login cookie works, 404 when control is off', async () => {
    const { json } = await control('POST', 'login');
    expect((await get(path('dashboard'), json.cookie)).res.status).toBe(200);
    sim.setConfig({ control: false });
    expect((await fetch(`${sim.url}/__sim/config`)).status).toBe(404);
  });
});

describe('list pages', () => {
  it('search is a case-insensitive substring match with the model columns', async () => {
    const { text: html } = await get(path('incoming') + '?q=ANNA@Example');
    const r = rows(html);
    expect(r.map((x) => x['E-mail']).sort()).toEqual([PEOPLE.valid2h, PEOPLE.twoShops, PEOPLE.twoShops, PEOPLE.lookalike].sort());
    expect(Object.keys(r[0]!)).toEqual(expect.arrayContaining(['E-mail', 'Name', 'Shop', 'Registered']));
    expect(doc(html).querySelectorAll('a[href*="show"]')).toHaveLength(4);
    const search = doc(html).querySelector('form [title="Search"]')!;
    expect(search.tagName).toBe('BUTTON');
    expect(search.textContent!.trim()).toBe('');
  });

  it('paginates 20 rows with Next, shows all on an empty search, and says No records found', async () => {
    const p1 = await get(path('customers') + '?q=example.com');
    expect(rows(p1.text)).toHaveLength(20);
    const next = [...doc(p1.text).querySelectorAll('a')].find((a) => a.textContent === 'Next')!;
    const p3 = await get(next.getAttribute('href')!.replace('page=2', 'page=3'));
    expect(rows(p3.text).length).toBeGreaterThan(0);
    expect([...doc(p3.text).querySelectorAll('a')].some((a) => a.textContent === 'Next')).toBe(false);
    expect(rows((await get(path('customers'))).text)).toHaveLength(20);
    expect(text((await get(path('incoming') + '?q=nobody-here')).text)).toContain('No records found');
  });

  it('lists the same e-mail once per shop', async () => {
    const r = rows((await get(path('incoming') + `?q=${PEOPLE.twoShops}`)).text).filter((x) => x['E-mail'] === PEOPLE.twoShops);
    expect(r.map((x) => x.Shop).sort()).toEqual(['Kids Cinema', 'Movie Shop Berlin']);
  });
});

describe('user page and histories', () => {
  it('has the sections and lazy "Click to load data" controls', async () => {
    const { text: html } = await get(path('user') + `?id=${account(PEOPLE.valid2h).id}`);
    const t = text(html);
    for (const l of [`User ${PEOPLE.valid2h}`, 'User', 'Orders', 'Password History', 'E-mail History', 'Devices']) expect(t).toContain(l);
    expect(t.match(/Click to load data/g)).toHaveLength(2);
  });

  it('serves the history fragments: rows, No data, mixed order', async () => {
    const pw = rows((await history(PEOPLE.valid2h, 'password')).text);
    expect(pw[0]).toEqual({ Date: expect.any(String), Origin: expect.any(String), 'Password changed': expect.stringMatching(/Yes|No/) });
    expect(pw.some((r) => r.Origin === 'Flux Player' && r['Password changed'] === 'No')).toBe(true);
    expect(text((await history(PEOPLE.noRequest, 'password')).text).trim()).toBe('No data');
    const many = account(PEOPLE.manyRows);
    const ivan = rows((await history(PEOPLE.manyRows, 'password')).text);
    expect(ivan.length).toBeGreaterThanOrEqual(12);
    const mails = rows((await history(PEOPLE.manyRows, 'email')).text);
    expect(mails.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(mails[0]!)).toEqual(['Date', 'E-mail Type', 'Subject', 'Recipient']);
    const order = many.pwHistory.map((r) => r.at);
    const shown = ivan.map((r) => r.Date);
    const sortedDesc = [...order].sort((a, b) => b - a).map((ms) => formatDate(ms, 'en-US', 'Europe/Berlin'));
    expect(shown).not.toEqual(sortedDesc);
    expect([...shown].sort()).toEqual([...sortedDesc].sort());
  });

  it('load failures: once (first load per section fails, retry works), always, and brokenDates', async () => {
    sim.setConfig({ loadDataFailure: 'once' });
    expect((await history(PEOPLE.valid2h, 'password')).res.status).toBe(500);
    expect((await history(PEOPLE.valid2h, 'password')).res.status).toBe(200);
    expect((await history(PEOPLE.valid2h, 'email')).res.status).toBe(500);
    sim.setConfig({ loadDataFailure: 'always' });
    expect((await history(PEOPLE.valid2h, 'email')).res.status).toBe(500);
    sim.setConfig({ loadDataFailure: 'never', brokenDates: true });
    const dates = rows((await history(PEOPLE.valid2h, 'password')).text).map((r) => r.Date);
    expect(dates).toContain('13/32/2026 25:61:00 PM');
  });

  it('the page script shows a table after clicking "Click to load data" (jsdom)', async () => {
    const { text: html } = await get(path('user') + `?id=${account(PEOPLE.valid2h).id}`);
    const dom = new JSDOM(html, { url: sim.url + path('user'), runScripts: 'dangerously' });
    const w = dom.window as unknown as { fetch: typeof fetch };
    w.fetch = (u, init) => fetch(new URL(String(u), sim.url), { ...init, headers: { cookie } });
    const link = [...dom.window.document.querySelectorAll('a')].find((a) => a.textContent === 'Click to load data')!;
    link.click();
    await expect.poll(() => dom.window.document.querySelectorAll('table.history').length).toBe(1);
  });
});

describe('e-mail dialog and send', () => {
  it('the mail fragment shows From/To/Date/Subject/body with the token, Reply and Close', async () => {
    const a = account(PEOPLE.valid2h);
    const mail = a.mails.filter((m) => m.type === 'newPassword').sort((x, y) => y.at - x.at)[0]!;
    const { text: html } = await get(`${path('mail')}?id=${mail.id}`);
    const t = text(html);
    for (const l of ['From', 'To', 'Date', 'Subject', 'Reply', 'Close', PEOPLE.valid2h]) expect(t).toContain(l);
    expect(t).toContain(`token=${mail.token}`);
    expect(doc(html).querySelector('template')!.innerHTML).toContain('Send');
  });

  it('sending records the original token in the outbox and adds an E-mail History row', async () => {
    const person = sim.people().find((p) => p.email === PEOPLE.valid2h)!;
    const a = account(PEOPLE.valid2h);
    const mail = a.mails.find((m) => m.token === person.latestToken)!;
    const before = rows((await history(PEOPLE.valid2h, 'email')).text).filter((r) => r['E-mail Type'] === 'New Password').length;
    clock += 5 * 60_000;
    const r = await post(path('send'), { mailId: String(mail.id), to: PEOPLE.valid2h, subject: mail.subject, body: mail.body });
    expect(r.res.status).toBe(200);
    expect(text(r.text)).toContain('E-mail has been sent');
    const { json: outbox } = await control('GET', 'outbox');
    expect(outbox).toEqual([expect.objectContaining({
      to: PEOPLE.valid2h, type: 'New Password', token: person.latestToken, customerEmail: PEOPLE.valid2h,
      shop: 'Movie Shop Berlin', subject: mail.subject, at: clock,
    })]);
    const after = rows((await history(PEOPLE.valid2h, 'email')).text).filter((r) => r['E-mail Type'] === 'New Password');
    expect(after).toHaveLength(before + 1);
    expect(after.map((x) => x.Date)).toContain(formatDate(clock, 'en-US', 'Europe/Berlin'));
  });

  it('the email switch makes opening the e-mail fail', async () => {
    sim.setConfig({ failPages: [{ kind: 'email', mode: 'always' }] });
    const mail = account(PEOPLE.valid2h).mails[0]!;
    expect((await get(`${path('mail')}?id=${mail.id}`)).res.status).toBe(500);
  });

  it('a send failure switch answers 500 once', async () => {
    sim.setConfig({ failPages: [{ kind: 'send', mode: 'once' }] });
    const mail = account(PEOPLE.valid2h).mails[0]!;
    const form = { mailId: String(mail.id), to: PEOPLE.valid2h, subject: 's', body: 'b' };
    expect((await post(path('send'), form)).res.status).toBe(500);
    expect((await post(path('send'), form)).res.status).toBe(200);
    expect(sim.outbox()).toHaveLength(1);
  });
});

describe('customer page', () => {
  it('validates a short password and saves a good one (recorded, hashed, history row)', async () => {
    const a = account(PEOPLE.valid2h);
    const url = `${path('customer')}?id=${a.id}`;
    const html = (await get(url)).text;
    const page = text(html) + (doc(html).querySelector('input[type=submit]') as HTMLInputElement).value;
    for (const l of ['Customer', 'Addresses', 'Orders', 'E-mail', 'First name', 'Last name', 'Password', 'Language', 'Save']) expect(page).toContain(l);
    const base = { email: a.email, firstName: a.firstName, lastName: a.lastName, language: 'en' };
    const bad = await post(url, { ...base, password: 'short' });
    expect(bad.res.status).toBe(200);
    expect(text(bad.text)).toContain('The password must be at least 8 characters.');
    expect(sim.passwordChanges()).toHaveLength(0);

    const good = await post(url, { ...base, password: 'new-secret-123' });
    expect(good.res.status).toBe(303);
    expect(text((await get(good.res.headers.get('location')!)).text)).toContain('Changes saved');
    expect(text((await get(url)).text)).not.toContain('Changes saved');
    expect((await control('POST', 'check-password', { email: PEOPLE.valid2h, password: 'new-secret-123' })).json).toEqual({ works: true });
    expect((await control('POST', 'check-password', { email: PEOPLE.valid2h, password: 'short' })).json).toEqual({ works: false });
    const { json: changes } = await control('GET', 'password-changes');
    expect(changes).toEqual([expect.objectContaining({ email: PEOPLE.valid2h, shop: 'Movie Shop Berlin', at: clock })]);
    expect(JSON.stringify(changes)).not.toContain('new-secret-123');
    const pw = rows((await history(PEOPLE.valid2h, 'password')).text);
    expect(pw).toContainEqual({ Date: formatDate(clock, 'en-US', 'Europe/Berlin'), Origin: 'Admin', 'Password changed': 'Yes' });
  });

  it('an empty password leaves the password unchanged; the save switch answers 500', async () => {
    const a = account(PEOPLE.noRequest);
    const url = `${path('customer')}?id=${a.id}`;
    const r = await post(url, { email: a.email, firstName: 'G', lastName: 'M', password: '', language: 'de' });
    expect(r.res.status).toBe(303);
    expect(sim.passwordChanges()).toHaveLength(0);
    sim.setConfig({ failPages: [{ kind: 'save', mode: 'always' }, { kind: 'user', mode: 'once' }] });
    expect((await post(url, { email: a.email, password: 'long-enough-1' })).res.status).toBe(500);
    expect((await get(url)).res.status).toBe(200);
    const user = `${path('user')}?id=${a.id}`;
    expect((await get(user)).res.status).toBe(500);
    expect((await get(user)).res.status).toBe(200);
  });
});

describe('dates', () => {
  const t = Date.UTC(2026, 10, 26, 14, 4, 5); // 15:04:05 in Berlin (CET)
  it('formats in each format and zone', () => {
    expect(formatDate(t, 'en-US', 'Europe/Berlin')).toBe('11/26/2026 3:04:05 PM');
    expect(formatDate(t, 'de-DE', 'Europe/Berlin')).toBe('26.11.2026 15:04:05');
    expect(formatDate(t, 'iso-minute', 'Europe/Berlin')).toBe('2026-11-26 15:04');
    expect(formatDate(t, 'iso-t', 'Europe/Berlin')).toBe('2026-11-26T15:04:05');
    expect(formatDate(t, 'en-US', 'America/New_York')).toBe('11/26/2026 9:04:05 AM');
    expect(formatDate(Date.UTC(2026, 0, 1, 23, 5), 'en-US', 'UTC')).toBe('1/1/2026 11:05:00 PM');
    expect(formatDate(Date.UTC(2026, 0, 1, 0, 5), 'en-US', 'UTC')).toBe('1/1/2026 12:05:00 AM');
  });

  it('renders history dates across the DST switch (late March, Europe/Berlin)', async () => {
    clock = Date.UTC(2026, 2, 29, 1, 29, 10); // 03:29:10 CEST, 29 Mar 2026 (the switch was at 02:00 CET)
    sim.reset();
    expect(sim.scenario().base).toBe(Date.UTC(2026, 2, 29, 1, 30)); // rounded up to the minute
    sim.setConfig({ dateFormat: 'de-DE' });
    const pw = rows((await history(PEOPLE.valid2h, 'password')).text).map((r) => r.Datum ?? r.Date);
    expect(pw).toContain('29.03.2026 00:30:00'); // 2 h before 03:30 CEST is 00:30 CET
    sim.setConfig({ dateFormat: 'iso-minute', timeZone: 'America/New_York' });
    expect(rows((await history(PEOPLE.valid2h, 'password')).text).map((r) => r.Date)).toContain('2026-03-28 19:30');
    sim.setConfig({ dateFormat: 'iso-t', timeZone: 'UTC' });
    expect(rows((await history(PEOPLE.valid2h, 'password')).text).map((r) => r.Date)).toContain('2026-03-28T23:30:00');
  });
});

describe('markup', () => {
  it('escapes names, shops and subjects', async () => {
    const a = account(PEOPLE.xss);
    for (const html of [(await get(path('incoming') + '?q=xss')).text, (await get(`${path('user')}?id=${a.id}`)).text,
      (await history(PEOPLE.xss, 'email')).text, (await get(`${path('customer')}?id=${a.id}`)).text,
      (await get(`${path('mail')}?id=${a.mails.at(-1)!.id}`)).text]) {
      const d = doc(html);
      expect(d.querySelectorAll('img[onerror]')).toHaveLength(0);
      expect([...d.querySelectorAll('script')].every((s) => !s.textContent!.includes('alert'))).toBe(true);
    }
    const t = text((await get(path('incoming') + '?q=xss')).text);
    expect(t).toContain(`${XSS.firstName} ${XSS.lastName}`);
    expect(t).toContain(XSS.shop);
    expect(text((await history(PEOPLE.xss, 'email')).text)).toContain(XSS.subjectSuffix);
  });

  it('every variant shows the same labels with different markup', async () => {
    const pages: string[] = [];
    for (const variant of VARIANTS) {
      for (const lang of ['en', 'de'] as const) {
        sim.setConfig({ variant, lang });
        const L = LABELS[lang];
        const a = account(PEOPLE.valid2h);
        const list = await get(path('incoming') + '?q=a');
        const d = doc(list.text);
        const visible = text(list.text);
        for (const k of ['dashboard', 'content', 'sales', 'support', 'company', 'customers', 'orders', 'incomingRequests', 'technicalSupport', 'colEmail', 'colName', 'colShop', 'colRegistered', 'show', 'next'] as const) {
          const shown = visible.includes(L[k]) || [...d.querySelectorAll('input')].some((i) => i.value === L[k]);
          expect(shown, `${variant}/${lang} ${k}`).toBe(true);
        }
        expect(d.querySelector(`[title="${L.search}"], [alt="${L.search}"]`), `${variant} search icon`).not.toBeNull();
        const user = await get(`${path('user')}?id=${a.id}`);
        const ud = doc(user.text);
        const ut = text(user.text) + [...ud.querySelectorAll('input[type=button]')].map((i) => (i as HTMLInputElement).value).join(' ');
        for (const k of ['sectionUser', 'sectionOrders', 'passwordHistory', 'emailHistory', 'devices', 'clickToLoad'] as const) expect(ut, `${variant}/${lang} ${k}`).toContain(L[k]);
        const pw = rows((await history(PEOPLE.valid2h, 'password')).text);
        expect(Object.keys(pw[0]!)).toEqual(expect.arrayContaining([L.colDate, L.colOrigin, L.colPasswordChanged]));
        const em = rows((await history(PEOPLE.valid2h, 'email')).text);
        expect(Object.keys(em[0]!)).toEqual(expect.arrayContaining([L.colDate, L.colEmailType, L.colSubject, L.colRecipient]));
        const cust = await get(`${path('customer')}?id=${a.id}`);
        const cd = doc(cust.text);
        const ct = text(cust.text) + [...cd.querySelectorAll('input')].map((i) => (i as HTMLInputElement).value).join(' ');
        for (const k of ['sectionCustomer', 'addresses', 'orders', 'fieldEmail', 'firstName', 'lastName', 'password', 'language', 'save'] as const) expect(ct, `${variant}/${lang} ${k}`).toContain(L[k]);
        if (lang === 'en') pages.push(user.text);
      }
    }
    expect(new Set(pages).size).toBe(3);
    expect(doc(pages[1]!).querySelector('h3')!.textContent).toBe('User');
    expect(doc(pages[2]!).querySelector('h2, h3')).toBeNull();
  });

  it('renamed labels replace the visible text', async () => {
    sim.setConfig({ renamed: { emailHistory: 'Mail Log' } });
    const t = text((await get(`${path('user')}?id=${account(PEOPLE.valid2h).id}`)).text);
    expect(t).toContain('Mail Log');
    expect(t).not.toContain('E-mail History');
  });

  it('the control API merges config from JSON and query, and lists people', async () => {
    const { json } = await control('POST', 'config?variant=legacy&lang=de&failPages=email:once', { dateFormat: 'de-DE' });
    expect(json).toMatchObject({ variant: 'legacy', lang: 'de', dateFormat: 'de-DE', failPages: [{ kind: 'email', mode: 'once' }] });
    expect((await control('POST', 'config', { variant: 'nope' })).status).toBe(400);
    const people = (await control('GET', 'people')).json as { key: string; expected: string }[];
    expect(people.find((p) => p.key === 'valid2h')!.expected).toBe('valid');
    expect(people.filter((p) => p.key === 'twoShops').map((p) => p.expected).sort()).toEqual(['expired', 'valid']);
    expect(Object.keys(PEOPLE).every((k) => people.some((p) => p.key === k))).toBe(true);
  });
});

describe('faults after the effect', () => {
  const sendForm = () => {
    const person = sim.people().find((p) => p.email === PEOPLE.valid2h)!;
    const mail = account(PEOPLE.valid2h).mails.find((m) => m.token === person.latestToken)!;
    return { mailId: String(mail.id), to: PEOPLE.valid2h, subject: mail.subject, body: mail.body };
  };
  const newPasswordRows = async () => rows((await history(PEOPLE.valid2h, 'email')).text).filter((r) => r['E-mail Type'] === 'New Password').length;

  it('Send carried out, then HTTP 500 / the connection cut / no answer (once each)', async () => {
    sim.setConfig({ afterEffect: [{ kind: 'send', mode: 'http500', once: true }] });
    expect((await post(path('send'), sendForm())).res.status).toBe(500);
    expect(sim.outbox()).toHaveLength(1);
    expect((await post(path('send'), sendForm())).res.status).toBe(200);
    expect(sim.outbox()).toHaveLength(2);

    sim.setConfig({ afterEffect: [{ kind: 'send', mode: 'drop', once: true }] });
    await expect(post(path('send'), sendForm())).rejects.toThrow();
    expect(sim.outbox()).toHaveLength(3);

    sim.setConfig({ afterEffect: [{ kind: 'send', mode: 'hang', once: true }] });
    const hung = await fetch(sim.url + path('send'), {
      method: 'POST', body: new URLSearchParams(sendForm()), headers: { cookie }, signal: AbortSignal.timeout(500),
    }).then(() => 'answered', (e: Error) => e.name);
    expect(hung).toBe('TimeoutError');
    expect(sim.outbox()).toHaveLength(4);
  });

  it('the E-mail History lists a resent e-mail at once, N seconds late, or never', async () => {
    const before = await newPasswordRows();
    sim.setConfig({ historyListsSent: 20 });
    await post(path('send'), sendForm());
    expect(await newPasswordRows()).toBe(before);
    clock += 19_000;
    expect(await newPasswordRows()).toBe(before);
    clock += 1_000;
    expect(await newPasswordRows()).toBe(before + 1);
    sim.setConfig({ historyListsSent: 'never' });
    await post(path('send'), sendForm());
    clock += 3600_000;
    expect(await newPasswordRows()).toBe(before + 1);
    sim.setConfig({ historyListsSent: 'at-once' });
    await post(path('send'), sendForm());
    expect(await newPasswordRows()).toBe(before + 2);
    expect(sim.outbox()).toHaveLength(3);
  });

  it('Save carried out, then its answer lost: stored, no "Changes saved" waiting on reload', async () => {
    const a = account(PEOPLE.expired3d);
    const url = `${path('customer')}?id=${a.id}`;
    sim.setConfig({ afterEffect: [{ kind: 'save', mode: 'drop', once: true }] });
    await expect(post(url, { email: a.email, password: 'long-enough-1' })).rejects.toThrow();
    expect(sim.passwordChanges()).toHaveLength(1);
    expect(sim.checkPassword(a.email, 'long-enough-1')).toBe(true);
    expect(text((await get(url)).text)).not.toContain('Changes saved');
    sim.setConfig({ afterEffect: [{ kind: 'save', mode: 'http500', once: false }] });
    expect((await post(url, { email: a.email, password: 'long-enough-2' })).res.status).toBe(500);
    expect((await post(url, { email: a.email, password: 'long-enough-3' })).res.status).toBe(500);
    expect(sim.passwordChanges()).toHaveLength(3);
  });

  it('a page-level refusal of Save: a banner at the top, nothing stored; once = the next Save only', async () => {
    const a = account(PEOPLE.expired3d);
    for (const variant of VARIANTS) {
      sim.setConfig({ variant, refuseSave: 'once' });
      const curl = `${path('customer')}?id=${a.id}`;
      const refused = await post(curl, { email: a.email, password: 'long-enough-1' });
      expect(refused.res.status).toBe(200);
      const body = text(refused.text);
      expect(body).toContain(LABELS.en.saveRefused);
      // At the top: before the Customer section's heading, not next to the Password field.
      expect(body.indexOf(LABELS.en.saveRefused)).toBeLessThan(body.indexOf('E-mail'));
      expect(body).not.toContain('Changes saved');
      expect(sim.passwordChanges()).toHaveLength(0);
      expect((await post(curl, { email: a.email, password: 'long-enough-1' })).res.status).toBe(303);
      sim.reset();
    }
  });

  it('customer data can contain the admin wording (exactly, as an element of its own)', async () => {
    sim.setConfig({ adminWordingInData: true, lang: 'de' });
    const a = account(PEOPLE.expired3d);
    const customer = doc((await get(`${path('customer')}?id=${a.id}`)).text);
    const own = [...customer.querySelectorAll('address')].map((el) => el.textContent!.trim());
    expect(own).toEqual(expect.arrayContaining([LABELS.de.changesSaved, LABELS.de.emailSent]));
    const user = text((await get(`${path('user')}?id=${a.id}`)).text);
    expect(user).toContain(LABELS.de.emailSent);
    // Nothing was saved or sent.
    expect(sim.passwordChanges()).toHaveLength(0);
    expect(sim.outbox()).toHaveLength(0);
  });

  it('the new switches parse from strings and are validated', async () => {
    const { json } = await control('POST', 'config?afterEffect=send:hang,save:drop:always&historyListsSent=15&refuseSave=once&adminWordingInData=1');
    expect(json).toMatchObject({
      afterEffect: [{ kind: 'send', mode: 'hang', once: true }, { kind: 'save', mode: 'drop', once: false }],
      historyListsSent: 15, refuseSave: 'once', adminWordingInData: true,
    });
    expect((await control('POST', 'config?afterEffect=send:explode')).status).toBe(400);
    expect((await control('POST', 'config?historyListsSent=later')).status).toBe(400);
  });
});
