/**
 * Test harness: loads simulator pages into jsdom WITH the simulator's own page script, so the admin
 * adapter's actions (loadHistory, openEmail, ...) run against the real asynchronous behaviour.
 * The page's fetch goes to the in-process simulator with the session cookie.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type Simulator } from '../../admin-sim/server';

export interface SimPage {
  dom: JSDOM;
  doc: Document;
  url: string;
  status: number;
}

export async function fetchText(sim: Simulator, cookie: string | null, url: string, init: RequestInit = {}): Promise<{ status: number; text: string; url: string }> {
  let target = new URL(url, sim.url).href;
  let method = init.method ?? 'GET';
  let body = init.body;
  for (let hop = 0; hop < 5; hop++) {
    const res = await fetch(target, { ...init, method, body, redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string> | undefined) } });
    const loc = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && loc) {
      target = new URL(loc, target).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    return { status: res.status, text: await res.text(), url: target };
  }
  throw new Error('too many redirects');
}

export async function loadPage(sim: Simulator, cookie: string | null, url: string, init: RequestInit = {}, scripts = true): Promise<SimPage> {
  const { status, text, url: finalUrl } = await fetchText(sim, cookie, url, init);
  const dom = new JSDOM(text, {
    url: finalUrl,
    ...(scripts ? { runScripts: 'dangerously' as const } : {}),
    beforeParse(window) {
      const w = window as unknown as Record<string, unknown> & { HTMLDialogElement: { prototype: Record<string, unknown> } };
      w.fetch = async (u: string, i: RequestInit = {}) => {
        const res = await fetch(new URL(u, finalUrl).href, {
          method: i.method ?? 'GET',
          headers: { ...(cookie ? { cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' },
          ...(i.body !== undefined && i.body !== null ? { body: String(i.body) } : {}),
        });
        return res;
      };
      // jsdom has no <dialog> methods.
      w.HTMLDialogElement.prototype.show = function (this: Element) { this.setAttribute('open', ''); };
      w.HTMLDialogElement.prototype.close = function (this: Element) { this.removeAttribute('open'); };
    },
  });
  // jsdom quirk: inline handlers (onsubmit=...) on nodes cloned from a <template> are not compiled
  // after they are adopted into the page. Browsers do compile them; re-set the attributes so jsdom does.
  const win = dom.window;
  new win.MutationObserver((records) => {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType !== 1) continue;
        const els = [n as Element, ...Array.from((n as Element).querySelectorAll('*'))];
        for (const el of els) for (const a of Array.from(el.attributes)) if (a.name.startsWith('on')) el.setAttribute(a.name, a.value);
      }
    }
  }).observe(win.document, { childList: true, subtree: true });
  return { dom, doc: win.document, url: finalUrl, status };
}

/** The URL a Show control leads to (a link's href, or a button's location.href=... handler). */
export function targetOf(el: Element, base: string): string {
  const href = el.getAttribute('href');
  if (href && href !== '#') return new URL(href, base).href;
  const m = /location\.href=("[^"]*"|'[^']*')/.exec(el.getAttribute('onclick') ?? '');
  if (!m || !m[1]) throw new Error('no target');
  return new URL(JSON.parse(m[1].replace(/^'|'$/g, '"')) as string, base).href;
}

/** The form's fields as a urlencoded body (what a browser would POST), with overrides. */
export function formBody(form: HTMLFormElement): string {
  const win = form.ownerDocument.defaultView as unknown as { FormData: typeof FormData };
  const fd = new win.FormData(form);
  const sp = new URLSearchParams();
  for (const [k, v] of fd.entries()) sp.append(k, String(v));
  return sp.toString();
}

/** One in-process simulator (no latency) and a logged-in session for a test file's suite. */
export function useSimulator(ready: (sim: Simulator, cookie: string) => void): void {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, control: true, loadDataLatencyMs: [0, 0] });
    ready(sim, sim.login());
  });
  afterAll(async () => {
    await sim?.close();
  });
}
