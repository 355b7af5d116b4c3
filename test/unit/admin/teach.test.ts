// @vitest-environment node
/**
 * Teach mode's DOM knowledge (src/admin/teach.ts) on simulator pages whose labels the simulator
 * renamed: the candidates of each kind that a page offers, the visible text of the one clicked,
 * and the check that refuses a taught text with which the page would still not pass.
 */
import { describe, expect, it } from 'vitest';
import { MARKUP_DEFAULTS, PEOPLE, type SimConfig, type Simulator } from '../../admin-sim/server';
import { PARAMS } from '../../admin-sim/variants';
import { checkLayout, detectAdminLanguage, labelsFor, recognizePage, type AdminLabels } from '../../../src/admin';
import { candidateAt, checkTaught, kindOf, listCandidates, overrideKeyFor, roleOf, visibleText } from '../../../src/admin/teach';
import { loadPage, type SimPage, useSimulator } from './simHarness';

let sim: Simulator;
let cookie: string;

useSimulator((s, c) => {
  sim = s;
  cookie = c;
});

const VARIANTS = ['classic', 'modern', 'legacy'] as const;

function configure(variant: SimConfig['variant'], renamed: Record<string, string>, lang: SimConfig['lang'] = 'en'): void {
  sim.setConfig({ variant, lang, ...MARKUP_DEFAULTS, renamed });
}

async function userPage(email: string): Promise<SimPage> {
  const account = sim.scenario().accounts.find((a) => a.email === email)!;
  return loadPage(sim, cookie, `${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`, {}, false);
}

async function incomingList(q: string): Promise<SimPage> {
  return loadPage(sim, cookie, `${sim.pathOf('incoming')}?${PARAMS[sim.config.variant].q}=${encodeURIComponent(q)}`, {}, false);
}

function labelsOf(doc: Document): AdminLabels {
  return labelsFor(detectAdminLanguage(doc) ?? 'en');
}

/** The innermost element whose text is `text` (where a click on the words lands). */
function elementWithText(doc: Document, text: string): Element {
  const all = Array.from(doc.body.querySelectorAll('*')).filter((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim() === text || e.getAttribute('value') === text);
  const inner = all.filter((e) => !all.some((o) => o !== e && e.contains(o)));
  if (!inner[0]) throw new Error(`no element with the text ${text}`);
  return inner[0];
}

describe('what teach mode asks for', () => {
  it('the kind of element follows the label\'s role on the page (needs.ts)', () => {
    expect(kindOf(roleOf('user', 'emailHistory'))).toBe('heading');
    expect(kindOf(roleOf('incoming-requests', 'show'))).toBe('control');
    expect(kindOf(roleOf('customers', 'colShop'))).toBe('column');
    expect(kindOf(roleOf('customer', 'passwordField'))).toBe('field');
    expect(kindOf(roleOf('incoming-requests', 'noRecords'))).toBe('text');
    // The menu is on every page.
    expect(kindOf(roleOf('user', 'menuCustomers'))).toBe('control');
  });

  it('saves per page, but the menu (on every page) under its plain key', () => {
    expect(overrideKeyFor('user', 'emailHistory')).toBe('user:emailHistory');
    expect(overrideKeyFor('incoming-requests', 'show')).toBe('incoming-requests:show');
    expect(overrideKeyFor('customers', 'menuCustomers')).toBe('menuCustomers');
    expect(overrideKeyFor('other', 'colEmail')).toBe('colEmail');
  });
});

describe.each(VARIANTS)('teach mode on the %s admin', (variant) => {
  it('a renamed heading: the headings are listed, the clicked one gives its text, the override passes', async () => {
    configure(variant, { emailHistory: 'Mail Log' });
    const page = await userPage(PEOPLE.valid2h);
    const labels = labelsOf(page.doc);
    expect(recognizePage(page.doc, labels)).toBe('other');
    expect(checkLayout(page.doc, labels, 'user').missing).toContain('emailHistory');

    const texts = listCandidates(page.doc, 'heading').map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['Password History', 'Mail Log']));
    // Data values are no headings: the customer's e-mail is not offered as one on its own.
    expect(texts).not.toContain(PEOPLE.valid2h);

    const picked = candidateAt(elementWithText(page.doc, 'Mail Log'), 'heading');
    expect(picked?.text).toBe('Mail Log');
    const verdict = checkTaught(page.doc, labels, 'user', 'emailHistory', picked!.text);
    expect(verdict).toMatchObject({ ok: true, overrideKey: 'user:emailHistory', text: 'Mail Log' });
    if (!verdict.ok) return;
    expect(verdict.layout.missing).toEqual([]);
    // And the page is the user page with it.
    const taught = labelsFor(labels.lang, { [verdict.overrideKey]: verdict.text } as never);
    expect(recognizePage(page.doc, taught)).toBe('user');
  });

  it('a heading with an entry count is saved without it; one with other data is refused', async () => {
    configure(variant, { emailHistory: 'Mail Log' });
    const page = await userPage(PEOPLE.valid2h);
    const labels = labelsOf(page.doc);
    expect(checkTaught(page.doc, labels, 'user', 'emailHistory', 'Mail Log (3)')).toMatchObject({ ok: true, text: 'Mail Log' });
    expect(checkTaught(page.doc, labels, 'user', 'emailHistory', 'Mail Log 03.12.2026')).toEqual({ ok: false, reason: { code: 'has-data', part: '03.12.2026' } });
    expect(checkTaught(page.doc, labels, 'user', 'emailHistory', `Mail Log ${PEOPLE.valid2h}`)).toMatchObject({ ok: false, reason: { code: 'has-data' } });
  });

  it('a renamed control: the links and buttons are listed, the clicked one gives its text', async () => {
    configure(variant, { show: 'View' });
    const page = await incomingList(PEOPLE.valid2h);
    const labels = labelsOf(page.doc);
    expect(recognizePage(page.doc, labels)).toBe('incoming-requests');
    expect(checkLayout(page.doc, labels, 'incoming-requests').missing).toEqual(['show']);

    const candidates = listCandidates(page.doc, 'control');
    // One entry per text, however many rows carry it.
    expect(candidates.filter((c) => c.text === 'View')).toHaveLength(1);
    const view = elementWithText(page.doc, 'View');
    expect(candidateAt(view, 'control')?.text).toBe('View');
    expect(visibleText(candidateAt(view, 'control')!.element, 'control')).toBe('View');
    const verdict = checkTaught(page.doc, labels, 'incoming-requests', 'show', 'View');
    expect(verdict.ok && verdict.layout.missing).toEqual([]);
  });

  it('a renamed column header: header cells are the candidates, data cells are not', async () => {
    configure(variant, { colShop: 'Store' });
    const page = await incomingList(PEOPLE.twoShops);
    const labels = labelsOf(page.doc);
    expect(checkLayout(page.doc, labels, 'incoming-requests').missing).toEqual(['colShop']);
    const texts = listCandidates(page.doc, 'column').map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['E-mail', 'Store']));
    expect(texts).not.toContain(PEOPLE.twoShops);
    expect(candidateAt(elementWithText(page.doc, PEOPLE.twoShops), 'column')).toBeNull();
    expect(candidateAt(elementWithText(page.doc, 'Store'), 'column')?.text).toBe('Store');
    expect(checkTaught(page.doc, labels, 'incoming-requests', 'colShop', 'Store').ok).toBe(true);
  });
});

describe.each(VARIANTS)('teach mode on the %s customer page', (variant) => {
  it('a renamed field caption: the captions are listed, a click on the caption or on its field gives the caption', async () => {
    configure(variant, { password: 'Kennwort' });
    const account = sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h)!;
    const page = await loadPage(sim, cookie, `${sim.pathOf('customer')}?${PARAMS[variant].id}=${account.id}`, {}, false);
    const labels = labelsOf(page.doc);
    expect(recognizePage(page.doc, labels)).toBe('other');
    const texts = listCandidates(page.doc, 'field').map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['E-mail', 'Kennwort']));
    expect(texts).not.toContain(PEOPLE.valid2h);
    const caption = candidateAt(elementWithText(page.doc, 'Kennwort'), 'field');
    expect(caption?.text).toBe('Kennwort');
    // The password input itself: its caption.
    const input = page.doc.querySelector('input[type=password]')!;
    expect(candidateAt(input, 'field')?.text).toBe('Kennwort');
    const verdict = checkTaught(page.doc, labels, 'customer', 'passwordField', 'Kennwort');
    expect(verdict).toMatchObject({ ok: true, overrideKey: 'customer:passwordField' });
    expect(recognizePage(page.doc, labelsFor(labels.lang, { 'customer:passwordField': 'Kennwort' }))).toBe('customer');
  });
});

describe('a taught text that does not pass is refused', () => {
  it('another label\'s text on the page (two labels cannot share one text)', async () => {
    configure('classic', { emailHistory: 'Mail Log' });
    const page = await userPage(PEOPLE.valid2h);
    const labels = labelsOf(page.doc);
    const picked = candidateAt(elementWithText(page.doc, 'Password History'), 'heading');
    expect(picked?.text).toBe('Password History');
    expect(checkTaught(page.doc, labels, 'user', 'emailHistory', picked!.text)).toEqual({
      ok: false,
      reason: { code: 'other-label', key: 'passwordHistory', text: 'Password History' },
    });
  });

  it('a text with which the label is still not found in its role', async () => {
    configure('classic', { show: 'View' });
    const page = await incomingList(PEOPLE.valid2h);
    const labels = labelsOf(page.doc);
    // The page's browser title is no link or button: "Show" taught as it is not found as a control.
    expect(checkTaught(page.doc, labels, 'incoming-requests', 'show', 'FlickRocket Admin')).toEqual({ ok: false, reason: { code: 'still-missing', kind: 'control' } });
  });

  it('no text, or a text too long to be a label', async () => {
    configure('classic', { show: 'View' });
    const page = await incomingList(PEOPLE.valid2h);
    const labels = labelsOf(page.doc);
    expect(checkTaught(page.doc, labels, 'incoming-requests', 'show', '  ')).toEqual({ ok: false, reason: { code: 'no-text' } });
    expect(checkTaught(page.doc, labels, 'incoming-requests', 'show', 'x'.repeat(201))).toEqual({ ok: false, reason: { code: 'too-long' } });
  });

  it('a text that makes the page another page (the tab shows another page than the error was about)', async () => {
    configure('classic', {});
    const page = await userPage(PEOPLE.valid2h);
    const labels = labelsOf(page.doc);
    // A customer-page error taught on a user page: its "User" heading is found, but this is the user page.
    expect(checkTaught(page.doc, labels, 'customer', 'customerSection', 'User')).toEqual({ ok: false, reason: { code: 'other-page', page: 'user' } });
  });
});
