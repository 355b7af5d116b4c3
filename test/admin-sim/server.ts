/**
 * The simulated FlickRocket admin: a server-rendered legacy admin on node:http.
 * See README.md in this folder and docs/admin-model.md (the contract).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { configFromStrings, DEFAULT_CONFIG, mergeConfig, validateConfig, type EffectKind, type FailKind, type LostAnswer, type SimConfig } from './config.js';
import { formatDate } from './dates.js';
import { labeler } from './labels.js';
import { CSS, DARK_CSS, esc, makeCtx, page, SEARCH_SVG, type Ctx } from './render/html.js';
import { customerPage, CUSTOMER_FIELDS, type CustomerErrors, type CustomerField, type CustomerValues } from './render/customer.js';
import { listPage } from './render/list.js';
import { loginPage, LOGIN_FIELDS } from './render/login.js';
import { historyFragment, mailFragment, sentFragment, userPage } from './render/user.js';
import { DEMO_LOGIN, Scenario, type Account, type OutboxEntry, type PasswordChange, type Person } from './state.js';
import { PATHS, ROUTES, param, type PageKind } from './variants.js';

export type { SimConfig, FailKind, LostAnswer, EffectKind } from './config.js';
export { DEFAULT_CONFIG, MARKUP_DEFAULTS, configFromStrings } from './config.js';
export { QUIRKS, VARIANTS } from './variants.js';
export { PEOPLE, XSS, DEMO_LOGIN, type PersonKey, type Person, type OutboxEntry, type PasswordChange } from './state.js';
export { LABELS, type LabelKey } from './labels.js';
export { formatDate } from './dates.js';

export const SESSION_COOKIE = 'FRADMIN_SESSION';

export interface Simulator {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The live configuration (replaced on every setConfig). */
  readonly config: SimConfig;
  close(): Promise<void>;
  /** Merge a partial config (applies from the next request). Throws on invalid values. */
  setConfig(patch: Partial<SimConfig>): SimConfig;
  /** Fresh scenario seeded at now(); clears outbox, password changes and failure memory. Sessions stay. */
  reset(): void;
  outbox(): OutboxEntry[];
  passwordChanges(): PasswordChange[];
  people(): Person[];
  checkPassword(email: string, password: string, shop?: string): boolean;
  /** A new logged-in session; returns the Cookie header value ("FRADMIN_SESSION=..."). */
  login(): string;
  /** Ends every session (pages then redirect to login, fetches answer 401). */
  expireSessions(): number;
  /** The current scenario (data) for white-box assertions. */
  scenario(): Scenario;
  /** Base URL + the current variant's path of a page kind, e.g. pathOf('incoming'). */
  pathOf(kind: PageKind): string;
  /**
   * Every admin request since the simulator started or the last clearRequests(), oldest first:
   * what the admin was asked and how long it was busy with it (arrival to the answer's last byte,
   * wall clock). The bench's floor is the union of these intervals; tests count them.
   */
  requests(): AdminRequest[];
  clearRequests(): void;
}

export interface AdminRequest {
  method: string;
  /** Path and query, e.g. "/cms/user?id=3". */
  url: string;
  /** The page kind of the route (undefined: no such route). */
  kind: PageKind | undefined;
  status: number;
  /** Date.now() when it arrived and when its answer ended (ended: undefined while it is open or was cut). */
  start: number;
  end: number | undefined;
}

interface Session { lastSeen: number; flash?: string; failedOnce: Set<string> }

const FAIL_KIND_OF: Partial<Record<PageKind, FailKind>> = {
  incoming: 'incoming', customers: 'customers', user: 'user', customer: 'customer', mail: 'email', send: 'send',
};
const FETCH_KINDS = new Set<PageKind>(['history', 'mail', 'send']);
const sleep = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());

export async function startSimulator(opts: Partial<SimConfig> & { port?: number; host?: string; now?: () => number } = {}): Promise<Simulator> {
  const { port: wantPort = 0, host = '127.0.0.1', now = Date.now, ...patch } = opts;
  let config = mergeConfig(DEFAULT_CONFIG, patch);
  let scenario = new Scenario(now());
  const sessions = new Map<string, Session>();
  let spentFailures = new Set<number>();
  let spentAfterEffects = new Set<number>();
  /** When each resent e-mail (by mail id) joins the E-mail History (historyListsSent). */
  let listedAt = new Map<number, number>();
  /** Answers held back by afterEffect 'hang' (ended when the client gives up or on close). */
  const hanging = new Set<http.ServerResponse>();
  let requestLog: AdminRequest[] = [];

  const newSession = () => {
    const id = randomBytes(18).toString('base64url');
    sessions.set(id, { lastSeen: now(), failedOnce: new Set() });
    return id;
  };
  const cookieHeader = (id: string) => `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`;
  const ctx = (): Ctx => makeCtx(config.variant, config.lang, labeler(config.lang, config.renamed, config.foreignLabels),
    (ms) => formatDate(ms, config.dateFormat, config.timeZone), config.dateFormat,
    { nameColumn: config.nameColumn, registeredColumn: config.registeredColumn, headingTag: config.headingTag, titleTag: config.titleTag, identityIn: config.identityIn, theme: config.theme });

  function sessionOf(req: http.IncomingMessage): { id?: string; session?: Session; hadCookie: boolean } {
    const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(req.headers.cookie ?? '');
    if (!m) return { hadCookie: false };
    const id = m[1]!;
    const s = sessions.get(id);
    if (!s) return { hadCookie: true };
    if (now() - s.lastSeen > config.sessionTtlMs) { sessions.delete(id); return { hadCookie: true }; }
    s.lastSeen = now();
    return { id, session: s, hadCookie: true };
  }

  function shouldFail(kind: FailKind): boolean {
    let fail = false;
    config.failPages.forEach((f, i) => {
      if (f.kind !== kind || fail) return;
      if (f.mode === 'always') fail = true;
      else if (!spentFailures.has(i)) { spentFailures.add(i); fail = true; }
    });
    return fail;
  }

  /** The lost answer armed for this Send / Save, if any (a 'once' one is spent by it). */
  function lostAnswer(kind: EffectKind): LostAnswer | undefined {
    let mode: LostAnswer | undefined;
    config.afterEffect.forEach((f, i) => {
      if (f.kind !== kind || mode) return;
      if (!f.once) mode = f.mode;
      else if (!spentAfterEffects.has(i)) { spentAfterEffects.add(i); mode = f.mode; }
    });
    return mode;
  }

  /** The effect has happened; its answer does not arrive as it should. */
  function loseAnswer(req: http.IncomingMessage, res: http.ServerResponse, mode: LostAnswer, c: Ctx, fetch: boolean) {
    if (mode === 'http500') {
      return fetch ? send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error') : html(res, 500, page(c, { title: c.t('serverError'), body: `<p>HTTP 500</p>` }));
    }
    if (mode === 'drop') {
      // Cut mid-answer, after the status line and headers: a connection closed before any byte of
      // the answer makes Chromium send the request again by itself (on a reused keep-alive socket),
      // which would be the browser's duplicate, not the client's.
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': '4096', 'Cache-Control': 'no-store' });
      res.write('<');
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  }

  /** The account as pages show it: with adminWordingInData, its free text carries the admin's own words. */
  function shown(a: Account, c: Ctx): Account {
    if (!config.adminWordingInData) return a;
    return { ...a, firstName: c.t('emailSent'), lastName: '', addresses: [...a.addresses, [c.t('changesSaved')], [c.t('emailSent')]] };
  }

  /** The account with the resent e-mails the E-mail History does not list yet (historyListsSent). */
  function listed(a: Account): Account {
    const t = now();
    return { ...a, mails: a.mails.filter((m) => (listedAt.get(m.id) ?? -Infinity) <= t) };
  }

  const api = {
    setConfig(p: Partial<SimConfig>) {
      config = mergeConfig(config, p);
      if (p.failPages) spentFailures = new Set();
      if (p.afterEffect) spentAfterEffects = new Set();
      return config;
    },
    reset() {
      scenario = new Scenario(now());
      spentFailures = new Set();
      spentAfterEffects = new Set();
      listedAt = new Map();
      for (const s of sessions.values()) s.failedOnce.clear();
    },
    login: () => `${SESSION_COOKIE}=${newSession()}`,
    expireSessions() { const n = sessions.size; sessions.clear(); return n; },
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[admin-sim]', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const u = new URL(req.url ?? '/', 'http://sim');
    const path = u.pathname;
    if (path.startsWith('/__sim/')) return control(req, res, u);
    if (path === '/static/admin.css') return send(res, 200, 'text/css; charset=utf-8', CSS);
    if (path === '/static/admin-dark.css') return send(res, 200, 'text/css; charset=utf-8', DARK_CSS);
    if (path === '/static/search.svg') return send(res, 200, 'image/svg+xml', SEARCH_SVG);
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '');
    const paths = PATHS[config.variant];
    if (path === '/' || path === '/cms' || path === '/cms/') return redirect(res, paths.dashboard);

    const kind = ROUTES.get(path);
    // Logged from arrival (the page latency below is the admin's own waiting) to the last byte.
    const logged: AdminRequest = { method: req.method ?? 'GET', url: path + u.search, kind, status: 0, start: Date.now(), end: undefined };
    requestLog.push(logged);
    res.on('finish', () => {
      logged.status = res.statusCode;
      logged.end = Date.now();
    });
    const c = ctx();
    await sleep(config.pageLatencyMs);
    if (!kind) return html(res, 404, page(c, { title: c.t('notFound'), body: '', menu: false }));

    if (kind === 'login') return loginRoute(req, res, u, c);
    if (kind === 'logout') {
      const { id } = sessionOf(req);
      if (id) sessions.delete(id);
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; Max-Age=0`);
      return redirect(res, paths.login);
    }

    const { session, hadCookie } = sessionOf(req);
    if (!session) {
      if (FETCH_KINDS.has(kind)) return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized');
      const next = path + u.search;
      return redirect(res, `${paths.login}?${new URLSearchParams({ next, ...(hadCookie ? { expired: '1' } : {}) })}`);
    }

    const failKind = kind === 'customer' && req.method === 'POST' ? 'save' : FAIL_KIND_OF[kind];
    if (failKind && shouldFail(failKind)) {
      return FETCH_KINDS.has(kind) ? send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error')
        : html(res, 500, page(c, { title: c.t('serverError'), body: `<p>HTTP 500</p>` }));
    }

    const sp = u.searchParams;
    switch (kind) {
      case 'incoming':
      case 'customers':
        return html(res, 200, listPage(c, scenario, kind, param(sp, 'q') ?? '', Number(param(sp, 'page') ?? 1) || 1));
      case 'user': {
        const a = scenario.account(Number(param(sp, 'id')));
        return a ? html(res, 200, userPage(c, scenario, shown(a, c))) : notFound(res, c);
      }
      case 'history': {
        const a = scenario.account(Number(param(sp, 'id')));
        const which = sp.get('section') === 'email' ? 'email' : 'password';
        const [lo, hi] = config.loadDataLatencyMs;
        await sleep(lo + Math.random() * (hi - lo));
        if (!a) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
        if (loadFails(session, `${a.id}:${which}`)) return send(res, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
        return html(res, 200, historyFragment(c, scenario, listed(a), which, config.brokenDates));
      }
      case 'mail': {
        const found = scenario.findMail(Number(param(sp, 'id')));
        return found ? html(res, 200, mailFragment(c, found.mail)) : send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      }
      case 'send': {
        if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
        const f = new URLSearchParams(await readBody(req));
        const entry = scenario.send(Number(f.get('mailId')), f.get('to') ?? '', f.get('subject') ?? '', f.get('body') ?? '', now());
        if (!entry) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
        const copy = scenario.account(entry.accountId)!.mails.at(-1)!;
        const h = config.historyListsSent;
        if (h !== 'at-once') listedAt.set(copy.id, h === 'never' ? Infinity : entry.at + h * 1000);
        const lost = lostAnswer('send');
        return lost ? loseAnswer(req, res, lost, c, true) : html(res, 200, sentFragment(c));
      }
      case 'customer': {
        const a = scenario.account(Number(param(sp, 'id')));
        if (!a) return notFound(res, c);
        if (req.method === 'POST') {
          const f = new URLSearchParams(await readBody(req));
          const get = (k: CustomerField) => CUSTOMER_FIELDS[k].map((n) => f.get(n)).find((x) => x !== null) ?? '';
          const values: CustomerValues = { email: get('email').trim(), firstName: get('firstName'), lastName: get('lastName'), password: get('password'), language: get('language') || a.language };
          const errors: CustomerErrors = {};
          if (!values.email) errors.email = 'required';
          else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) errors.email = 'invalidEmail';
          if (values.password && values.password.length < 8) errors.password = 'passwordTooShort';
          if (Object.keys(errors).length) return html(res, 200, customerPage(c, scenario, shown(a, c), { values, errors }));
          if (config.refuseSave !== 'never') {
            if (config.refuseSave === 'once') config = { ...config, refuseSave: 'never' };
            return html(res, 200, customerPage(c, scenario, shown(a, c), { values, refused: true }));
          }
          a.email = values.email; a.firstName = values.firstName; a.lastName = values.lastName;
          a.language = values.language === 'de' ? 'de' : 'en';
          if (values.password) scenario.changePassword(a, values.password, now());
          const lost = lostAnswer('save');
          // The redirect that would show "Changes saved" is what is lost: no notice waits for a reload.
          if (lost) return loseAnswer(req, res, lost, c, false);
          session.flash = `saved:${a.id}`;
          return redirect(res, req.url ?? path, 303);
        }
        const saved = session.flash === `saved:${a.id}`;
        if (saved) delete session.flash;
        return html(res, 200, customerPage(c, scenario, shown(a, c), { saved }));
      }
      default: {
        const titles = { dashboard: 'dashboard', content: 'content', orders: 'orders', tech: 'technicalSupport', company: 'company' } as const;
        const key = titles[kind as keyof typeof titles];
        const body = kind === 'dashboard' ? `<p>${esc(c.t('welcome'))}</p>` : `<p>${esc(c.t('notModelled'))}</p>`;
        return html(res, 200, page(c, { title: c.t(key), body }));
      }
    }
  }

  function loadFails(session: Session, key: string): boolean {
    const f = config.loadDataFailure;
    if (f === 'never') return false;
    if (f === 'always') return true;
    if (f === 'once') {
      if (session.failedOnce.has(key)) return false;
      session.failedOnce.add(key);
      return true;
    }
    return Math.random() < f;
  }

  async function loginRoute(req: http.IncomingMessage, res: http.ServerResponse, u: URL, c: Ctx) {
    const rawNext = u.searchParams.get('next') ?? '';
    const next = rawNext.startsWith('/') && !rawNext.startsWith('//') ? rawNext : PATHS[config.variant].dashboard;
    if (req.method === 'POST') {
      const f = new URLSearchParams(await readBody(req));
      const pick = (names: string[]) => names.map((n) => f.get(n)).find((x) => x !== null) ?? '';
      const email = pick(LOGIN_FIELDS.email).trim();
      if (email.toLowerCase() === DEMO_LOGIN.email && pick(LOGIN_FIELDS.password) === DEMO_LOGIN.password) {
        res.setHeader('Set-Cookie', cookieHeader(newSession()));
        return redirect(res, next);
      }
      return html(res, 200, loginPage(c, { next: rawNext, failed: true, email }));
    }
    return html(res, 200, loginPage(c, { next: rawNext, expired: u.searchParams.get('expired') === '1' }));
  }

  async function control(req: http.IncomingMessage, res: http.ServerResponse, u: URL) {
    if (!config.control) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const json = (status: number, body: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(body, null, 1));
    const route = `${req.method} ${u.pathname.slice('/__sim/'.length)}`;
    let input: Record<string, unknown> = {};
    if (req.method === 'POST') {
      const raw = await readBody(req);
      try { input = raw.trim() ? JSON.parse(raw) : {}; } catch { return json(400, { error: 'body must be JSON' }); }
    }
    try {
      switch (route) {
        case 'POST reset': {
          const q = [...u.searchParams];
          if (q.length || Object.keys(input).length) api.setConfig({ ...configFromStrings(q), ...input });
          api.reset();
          return json(200, { ok: true, base: scenario.base, people: scenario.people, config });
        }
        case 'GET config': return json(200, config);
        case 'POST config': return json(200, api.setConfig({ ...configFromStrings(u.searchParams), ...input }));
        case 'GET outbox': return json(200, scenario.outbox);
        case 'GET password-changes': return json(200, scenario.passwordChanges);
        case 'GET people': return json(200, scenario.people);
        case 'POST check-password': {
          const { email, password, shop } = input as { email?: string; password?: string; shop?: string };
          if (typeof email !== 'string' || typeof password !== 'string') return json(400, { error: 'email and password required' });
          return json(200, { works: scenario.checkPassword(email, password, shop) });
        }
        case 'POST expire-sessions': return json(200, { expired: api.expireSessions() });
        case 'POST login': {
          const id = newSession();
          res.setHeader('Set-Cookie', cookieHeader(id));
          return json(200, { cookie: `${SESSION_COOKIE}=${id}`, name: SESSION_COOKIE, value: id });
        }
        case 'GET paths': return json(200, PATHS[config.variant]);
        default: return json(404, { error: `no control route ${route}` });
      }
    } catch (e) {
      return json(400, { error: (e as Error).message });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wantPort, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: base,
    port,
    get config() { return config; },
    close: () => new Promise<void>((resolve) => {
      for (const r of hanging) r.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
    setConfig: api.setConfig,
    reset: api.reset,
    outbox: () => scenario.outbox.map((e) => ({ ...e })),
    passwordChanges: () => scenario.passwordChanges.map((e) => ({ ...e })),
    people: () => scenario.people.map((p) => ({ ...p })),
    checkPassword: (email, password, shop) => scenario.checkPassword(email, password, shop),
    login: api.login,
    expireSessions: api.expireSessions,
    scenario: () => scenario,
    pathOf: (kind) => base + PATHS[config.variant][kind],
    requests: () => requestLog.map((r) => ({ ...r })),
    clearRequests: () => { requestLog = []; },
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
function html(res: http.ServerResponse, status: number, body: string) {
  send(res, status, 'text/html; charset=utf-8', body);
}
function redirect(res: http.ServerResponse, location: string, status = 302) {
  res.writeHead(status, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}
function notFound(res: http.ServerResponse, c: Ctx) {
  html(res, 404, page(c, { title: c.t('notFound'), body: '' }));
}
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export { validateConfig };
