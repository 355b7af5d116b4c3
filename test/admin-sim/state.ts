/**
 * The scenario: shops, customer accounts (one per e-mail and shop), their password and e-mail
 * histories, plus what the agent does to them (outbox, password changes).
 * All seeded times are relative to `base` = now() rounded UP to the whole minute.
 */
import { createHash, randomBytes } from 'node:crypto';

export type Origin = 'flux' | 'web' | 'admin';
export type MailType = 'newPassword' | 'orderConfirmation' | 'welcome';
export type RowOrder = 'newest' | 'oldest' | 'mixed';
export type Expected = 'valid' | 'expired' | 'changed' | 'admin-changed' | 'no-request';

export interface Shop { id: number; name: string; company: string; host: string }
export interface PwRow { id: number; at: number; origin: Origin; changed: boolean; ip: string; token?: string }
export interface Mail {
  id: number; accountId: number; at: number; type: MailType;
  from: string; to: string; subject: string; body: string; token?: string;
}
export interface Order { no: string; at: number; product: string; amount: string }
export interface Device { name: string; player: string; lastUsed: number }
export interface Account {
  id: number; email: string; firstName: string; lastName: string; shopId: number;
  registeredAt: number; language: 'en' | 'de'; passwordHash: string;
  pwHistory: PwRow[]; mails: Mail[]; orders: Order[]; devices: Device[]; addresses: string[][];
  /** Row order of both history tables for this account (the admin does not always sort). */
  order: RowOrder;
}
export interface OutboxEntry {
  at: number; to: string; type: string; subject: string; body: string; token: string | null;
  customerEmail: string; shop: string; accountId: number; replyToMailId: number;
}
export interface PasswordChange { at: number; email: string; shop: string; accountId: number; by: string }
export interface Person {
  key: PersonKey; email: string; shop: string; expected: Expected;
  /** Age in minutes (at scenario load, relative to the rounded-up base) of the latest reset request. */
  latestRequestAgeMinutes: number | null;
  latestRequestOrigin: Origin | null;
  /** Token of the latest reset request's New Password e-mail. */
  latestToken: string | null;
  order: RowOrder; note: string;
}

/** E-mails of the seeded customers. */
export const PEOPLE = {
  /** Movie Shop Berlin; Flux Player request 2 h old, not changed: resend is right. */
  valid2h: 'anna@example.com',
  /** Look-alike found by searching "anna@example.com"; request 3 days old (expired). */
  lookalike: 'johanna@example.com',
  /** Request 23 h 59 min old, not changed: still valid (for about a minute after load). */
  valid23h59: 'ben@example.com',
  /** Request 24 h 01 min old, not changed: expired. */
  expired24h01: 'carla@example.com',
  /** Request 3 days old, not changed: expired. */
  expired3d: 'dirk@example.com',
  /** Request 5 h old and the customer changed the password (Yes). */
  changed: 'emil@example.com',
  /** Old request (No), then a manual change in the admin (Origin Admin, Yes) 1 day ago. */
  adminChanged: 'frida@example.com',
  /** No reset request ever: Password History shows "No data". */
  noRequest: 'gustav@example.com',
  /** In Movie Shop Berlin (valid request 1 h old) AND Kids Cinema (request 30 h old, expired). */
  twoShops: 'hanna@example.com',
  /** >= 12 rows in each history, mixed order; the latest request (40 min, Web Player) is valid. */
  manyRows: 'ivan@example.com',
  /** Name, subject and shop name contain HTML/script text; request 10 min old, valid. */
  xss: 'xss@example.com',
} as const;
export type PersonKey = keyof typeof PEOPLE;

export const XSS = {
  firstName: '<img src=x onerror=alert(1)>',
  lastName: '<script>alert(1)</script>',
  shop: 'Shorts <script>alert("shop")</script> & "Co"',
  subjectSuffix: '<b>bold</b> <script>alert(2)</script>',
};

export const DEMO_LOGIN = { email: 'agent@example.com', password: 'demo-password' };

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const hashPassword = (pw: string) => createHash('sha256').update(pw, 'utf8').digest('hex');
export const TOKEN_RE = /[?&]token=([A-Za-z0-9_-]+)/;

export class Scenario {
  readonly base: number;
  shops: Shop[] = [];
  accounts: Account[] = [];
  people: Person[] = [];
  outbox: OutboxEntry[] = [];
  passwordChanges: PasswordChange[] = [];
  private nextId = 1;

  constructor(now: number) {
    this.base = Math.ceil(now / MIN) * MIN;
    seed(this);
  }

  id() { return this.nextId++; }
  shop(id: number) { return this.shops.find((s) => s.id === id)!; }
  account(id: number) { return this.accounts.find((a) => a.id === id); }
  findMail(id: number) {
    for (const a of this.accounts) {
      const m = a.mails.find((x) => x.id === id);
      if (m) return { account: a, mail: m };
    }
    return undefined;
  }

  search(q: string): Account[] {
    const needle = q.trim().toLowerCase();
    return this.accounts
      .filter((a) => !needle || a.email.toLowerCase().includes(needle))
      .sort((x, y) => x.email.localeCompare(y.email) || this.shop(x.shopId).name.localeCompare(this.shop(y.shopId).name));
  }

  /** The agent re-sends an e-mail from the dialog. */
  send(mailId: number, to: string, subject: string, body: string, at: number): OutboxEntry | undefined {
    const found = this.findMail(mailId);
    if (!found) return undefined;
    const { account, mail } = found;
    const shop = this.shop(account.shopId);
    const token = TOKEN_RE.exec(body)?.[1] ?? null;
    const copy: Mail = {
      id: this.id(), accountId: account.id, at, type: mail.type, from: mail.from,
      to, subject, body, ...(token ? { token } : {}),
    };
    account.mails.push(copy);
    const entry: OutboxEntry = {
      at, to, type: TYPE_NAMES[mail.type], subject, body, token,
      customerEmail: account.email, shop: shop.name, accountId: account.id, replyToMailId: mail.id,
    };
    this.outbox.push(entry);
    return entry;
  }

  /** The agent sets a password on the customer page. */
  changePassword(account: Account, password: string, at: number) {
    account.passwordHash = hashPassword(password);
    account.pwHistory.push({ id: this.id(), at, origin: 'admin', changed: true, ip: '10.0.0.5' });
    this.passwordChanges.push({
      at, email: account.email, shop: this.shop(account.shopId).name, accountId: account.id, by: DEMO_LOGIN.email,
    });
  }

  checkPassword(email: string, password: string, shop?: string): boolean {
    const h = hashPassword(password);
    return this.accounts.some(
      (a) => a.email.toLowerCase() === email.toLowerCase() &&
        (!shop || this.shop(a.shopId).name === shop) && a.passwordHash === h,
    );
  }
}

export const TYPE_NAMES: Record<MailType, string> = {
  newPassword: 'New Password', orderConfirmation: 'Order Confirmation', welcome: 'Welcome',
};

/** Rows in the account's display order. 'mixed' is a fixed shuffle that is never sorted. */
export function ordered<T extends { id: number; at: number }>(rows: T[], order: RowOrder): T[] {
  const newest = [...rows].sort((a, b) => b.at - a.at || b.id - a.id);
  if (order === 'newest' || rows.length < 2) return newest;
  if (order === 'oldest' || rows.length < 3) return newest.reverse();
  // mixed: take alternately from the middle, the end and the start
  const out: T[] = [];
  const rest = [...newest];
  let i = 0;
  while (rest.length) {
    const pick = i % 3 === 0 ? Math.floor(rest.length / 2) : i % 3 === 1 ? rest.length - 1 : 0;
    out.push(rest.splice(pick, 1)[0]!);
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Seeding

const token = () => randomBytes(12).toString('hex');

function seed(s: Scenario) {
  const b = s.base;
  const mkShop = (name: string, company: string, host: string) => {
    const shop = { id: s.id(), name, company, host };
    s.shops.push(shop);
    return shop;
  };
  const berlin = mkShop('Movie Shop Berlin', 'Cinemagic GmbH', 'movieshop-berlin.flickrocket.com');
  const kids = mkShop('Kids Cinema', 'Cinemagic GmbH', 'kids-cinema.flickrocket.com');
  const docs = mkShop('Doc Vault', 'Northern Docs Ltd', 'docvault.flickrocket.com');
  const shorts = mkShop(XSS.shop, 'Northern Docs Ltd', 'shorts.flickrocket.com');
  const shops = [berlin, kids, docs, shorts];

  const products = ['Metropolis (1927)', 'The Blue Planet', 'Paw Patrol Season 3', 'Nosferatu', 'Ocean Deep 4K'];
  let orderNo = 100230;

  const from = (shop: Shop) => `${shop.name} <noreply@${shop.host}>`;

  function account(email: string, first: string, last: string, shop: Shop, regDaysAgo: number,
    opts: { order?: RowOrder; language?: 'en' | 'de'; orders?: number } = {}): Account {
    const a: Account = {
      id: s.id(), email, firstName: first, lastName: last, shopId: shop.id,
      registeredAt: b - regDaysAgo * DAY - 7 * HOUR - 13 * MIN, language: opts.language ?? 'en',
      passwordHash: hashPassword(token()), pwHistory: [], mails: [], orders: [], devices: [],
      addresses: [[`${first} ${last}`, 'Friedrichstraße 12', '10117 Berlin', 'Germany']],
      order: opts.order ?? 'newest',
    };
    s.accounts.push(a);
    a.mails.push({
      id: s.id(), accountId: a.id, at: a.registeredAt + 5_000, type: 'welcome', from: from(shop), to: email,
      subject: `Welcome to ${shop.name}`,
      body: `Hello ${first},\n\nwelcome to ${shop.name}! Your account ${email} is ready.\n\nYour ${shop.name} team`,
    });
    const n = opts.orders ?? 1;
    for (let i = 0; i < n; i++) {
      const at = a.registeredAt + (i + 1) * 3 * HOUR + 41_000;
      if (at > b) break;
      const product = products[(a.id + i) % products.length]!;
      const no = String(orderNo++);
      a.orders.push({ no, at, product, amount: `${(4.99 + i * 3).toFixed(2)} EUR` });
      a.mails.push({
        id: s.id(), accountId: a.id, at: at + 12_000, type: 'orderConfirmation', from: from(shop), to: email,
        subject: `Your order ${no} at ${shop.name}`,
        body: `Hello ${first},\n\nthank you for your order ${no}: ${product}.\n\nYour ${shop.name} team`,
      });
    }
    a.devices.push({ name: a.id % 2 ? 'Windows PC' : 'iPad', player: 'Flux Player', lastUsed: b - (a.id % 5) * DAY - 2 * HOUR });
    return a;
  }

  /** A reset request `minutesAgo` (whole minutes before base) and its New Password e-mail seconds later. */
  function request(a: Account, minutesAgo: number, origin: Origin, changed: boolean, subjectSuffix = '') {
    const shop = s.shop(a.shopId);
    const at = b - minutesAgo * MIN;
    const t = token();
    a.pwHistory.push({ id: s.id(), at, origin, changed, ip: `203.0.113.${(a.id * 7 + minutesAgo) % 250}`, token: t });
    a.mails.push({
      id: s.id(), accountId: a.id, at: at + (3 + (minutesAgo % 7)) * 1000, type: 'newPassword', from: from(shop), to: a.email,
      subject: `Reset your password for ${shop.name}${subjectSuffix ? ' ' + subjectSuffix : ''}`,
      body: `Hello ${a.firstName},\n\nsomeone (hopefully you) asked to reset the password of your ${shop.name} account ${a.email}.\n` +
        `Open this link within 24 hours to choose a new password:\n\nhttps://${shop.host}/account/reset-password?token=${t}\n\n` +
        `If you did not ask for this, ignore this e-mail.\n\nYour ${shop.name} team`,
      token: t,
    });
    return t;
  }
  function adminChange(a: Account, minutesAgo: number) {
    a.pwHistory.push({ id: s.id(), at: b - minutesAgo * MIN, origin: 'admin', changed: true, ip: '10.0.0.5' });
  }
  function person(key: PersonKey, a: Account, expected: Expected, note: string) {
    const latest = [...a.pwHistory].filter((r) => r.origin !== 'admin').sort((x, y) => y.at - x.at)[0];
    s.people.push({
      key, email: a.email, shop: s.shop(a.shopId).name, expected,
      latestRequestAgeMinutes: latest ? Math.round((b - latest.at) / MIN) : null,
      latestRequestOrigin: latest?.origin ?? null, latestToken: latest?.token ?? null, order: a.order, note,
    });
  }

  let a = account(PEOPLE.valid2h, 'Anna', 'Schmidt', berlin, 400, { order: 'oldest', orders: 3 });
  request(a, 20 * 24 * 60 + 30, 'web', true);
  request(a, 120, 'flux', false);
  person('valid2h', a, 'valid', 'Flux Player request 2 h old, not changed; older request 20 days ago was changed. Rows oldest first.');

  a = account(PEOPLE.lookalike, 'Johanna', 'Berg', berlin, 90);
  request(a, 3 * 24 * 60, 'web', false);
  person('lookalike', a, 'expired', 'Request 3 days old, not changed.');

  a = account(PEOPLE.valid23h59, 'Ben', 'Okafor', kids, 200);
  request(a, 23 * 60 + 59, 'flux', false);
  person('valid23h59', a, 'valid', 'Request 23 h 59 min old (valid for about one more minute after load).');

  a = account(PEOPLE.expired24h01, 'Carla', 'Rossi', docs, 150);
  request(a, 24 * 60 + 1, 'web', false);
  person('expired24h01', a, 'expired', 'Request 24 h 01 min old, not changed.');

  a = account(PEOPLE.expired3d, 'Dirk', 'Vogel', berlin, 300);
  request(a, 3 * 24 * 60 + 17, 'flux', false);
  person('expired3d', a, 'expired', 'Request 3 days old, not changed.');

  a = account(PEOPLE.changed, 'Emil', 'Novak', kids, 60);
  request(a, 5 * 60, 'web', true);
  person('changed', a, 'changed', 'Request 5 h old, password changed (Yes).');

  a = account(PEOPLE.adminChanged, 'Frida', 'Lund', docs, 500, { order: 'mixed', language: 'de' });
  request(a, 2 * 24 * 60 + 40, 'flux', false);
  adminChange(a, 24 * 60);
  request(a, 9 * 24 * 60, 'web', true);
  person('adminChanged', a, 'admin-changed', 'Request 2 days old (No), then an Admin change (Yes) 1 day ago.');

  a = account(PEOPLE.noRequest, 'Gustav', 'Meyer', berlin, 30, { orders: 0 });
  person('noRequest', a, 'no-request', 'No reset request: Password History shows "No data".');

  a = account(PEOPLE.twoShops, 'Hanna', 'Kowalski', berlin, 120, { order: 'mixed' });
  request(a, 60, 'web', false);
  person('twoShops', a, 'valid', 'Movie Shop Berlin: request 1 h old, not changed.');
  a = account(PEOPLE.twoShops, 'Hanna', 'Kowalski', kids, 45);
  request(a, 30 * 60, 'flux', false);
  person('twoShops', a, 'expired', 'Kids Cinema: request 30 h old, not changed.');

  a = account(PEOPLE.manyRows, 'Ivan', 'Petrov', docs, 700, { order: 'mixed', orders: 4 });
  const origins: Origin[] = ['flux', 'web'];
  for (let i = 0; i < 10; i++) request(a, (i + 2) * 24 * 60 + i * 37, origins[i % 2]!, i % 3 === 0);
  adminChange(a, 50 * 24 * 60);
  request(a, 40, 'web', false);
  person('manyRows', a, 'valid', '12 password rows, 16+ e-mail rows, mixed order; latest request 40 min old (Web Player).');

  a = account(PEOPLE.xss, XSS.firstName, XSS.lastName, shorts, 10, { orders: 1 });
  request(a, 10, 'web', false, XSS.subjectSuffix);
  person('xss', a, 'valid', 'HTML/script text in names, shop and subject; request 10 min old.');

  // Filler customers so a broad search ("example.com") paginates.
  const firsts = ['Lena', 'Max', 'Sofia', 'Paul', 'Mia', 'Noah', 'Emma', 'Leon', 'Clara', 'Felix', 'Ida', 'Jonas'];
  const lasts = ['Weber', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter'];
  for (let i = 1; i <= 34; i++) {
    const first = firsts[i % firsts.length]!;
    const last = lasts[i % lasts.length]!;
    const f = account(`${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`, first, last,
      shops[i % 3]!, 20 + i * 11, { orders: i % 3 });
    if (i % 4 === 0) request(f, i * 97, i % 2 ? 'web' : 'flux', i % 8 === 0);
  }
}
