// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AdminError, labelsFor, loadHistory, openMenuItem, saveCustomer, submitSearch, waitForDom } from '../../../src/admin';

const en = labelsFor('en');

/** A fake user page whose "Click to load data" answers asynchronously per `answers` (one per click). */
function fakeUserPage(answers: ('error' | 'table' | 'nodata' | 'never')[]): { clicks: () => number } {
  document.body.innerHTML = '<h2>Password History</h2><div id="box"><a href="#">Click to load data</a></div><h2>E-mail History</h2><div><a href="#">Click to load data</a></div>';
  let n = 0;
  const box = document.getElementById('box')!;
  const wire = (): void => {
    box.querySelector('a')!.addEventListener('click', (ev) => {
      ev.preventDefault();
      const answer = answers[n++] ?? 'never';
      box.textContent = 'Loading...';
      if (answer === 'never') return;
      setTimeout(() => {
        if (answer === 'error') {
          box.innerHTML = '<span>Error loading data</span> <a href="#">Click to load data</a>';
          wire();
        } else if (answer === 'nodata') box.innerHTML = '<p>No data</p>';
        else box.innerHTML = '<table><tr><th>Date</th><th>Origin</th><th>Password changed</th></tr><tr><td>2026-11-25 10:00</td><td>Admin</td><td>Yes</td></tr></table>';
      }, 20);
    });
  };
  wire();
  return { clicks: () => n };
}

describe('loadHistory', () => {
  it('loads a table', async () => {
    fakeUserPage(['table']);
    await expect(loadHistory(document, en, 'passwordHistory', { timeoutMs: 1000 })).resolves.toEqual({ state: 'table', clicks: 1 });
    // Already loaded: no click.
    await expect(loadHistory(document, en, 'passwordHistory', { timeoutMs: 1000 })).resolves.toEqual({ state: 'table', clicks: 0 });
  });
  it('retries once after an error', async () => {
    const page = fakeUserPage(['error', 'nodata']);
    await expect(loadHistory(document, en, 'passwordHistory', { timeoutMs: 1000 })).resolves.toEqual({ state: 'no-data', clicks: 2 });
    expect(page.clicks()).toBe(2);
  });
  it('gives up after the second error', async () => {
    const page = fakeUserPage(['error', 'error', 'table']);
    await expect(loadHistory(document, en, 'passwordHistory', { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'load-failed', label: { key: 'passwordHistory' } });
    expect(page.clicks()).toBe(2);
  });
  it('times out', async () => {
    fakeUserPage(['never']);
    const t0 = Date.now();
    await expect(loadHistory(document, en, 'passwordHistory', { timeoutMs: 100 })).rejects.toMatchObject({ code: 'timeout', page: 'user' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
  it('can be aborted', async () => {
    fakeUserPage(['never']);
    const ac = new AbortController();
    const p = loadHistory(document, en, 'passwordHistory', { timeoutMs: 5000, signal: ac.signal });
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('waitForDom', () => {
  it('resolves on mutation, without polling', async () => {
    document.body.innerHTML = '<div id="x"></div>';
    setTimeout(() => document.getElementById('x')!.append('done'), 10);
    await expect(waitForDom(document, () => (document.body.textContent === 'done' ? 'yes' : null), { timeoutMs: 500 })).resolves.toBe('yes');
  });
});

describe('menu, search and save', () => {
  it('clicks the hidden sub-item under the right top item', () => {
    document.body.innerHTML = `<a href="/crumb">Customers</a><ul><li><span>Sales</span><ul hidden><li><a href="/sales/customers">Customers</a></li></ul></li>
      <li><span>Support</span><ul hidden><li><a href="/support/incoming">Incoming requests</a></li></ul></li></ul>`;
    const clicked: string[] = [];
    const onClick = (e: Event): void => { clicked.push((e.target as Element).getAttribute('href')!); e.preventDefault(); };
    document.addEventListener('click', onClick);
    expect(openMenuItem(document, en, 'customers').getAttribute('href')).toBe('/sales/customers');
    expect(openMenuItem(document, en, 'incomingRequests').getAttribute('href')).toBe('/support/incoming');
    expect(clicked).toEqual(['/sales/customers', '/support/incoming']);
    document.removeEventListener('click', onClick);
  });
  it('a missing menu label is a named error', () => {
    document.body.innerHTML = '<ul><li><span>Support</span><a href="/x">Requests</a></li></ul>';
    expect(() => openMenuItem(document, en, 'incomingRequests')).toThrow('no "Incoming requests"');
  });
  it('fills the one text field and clicks the icon; falls back to requestSubmit for a dead link', () => {
    document.body.innerHTML = '<form><input type="hidden" value="1"><input name="q"><a href="#" title="Search"><img alt=""></a></form>';
    const form = document.querySelector('form')!;
    let submitted = 0;
    form.addEventListener('submit', (e) => { e.preventDefault(); submitted++; });
    submitSearch(document, en, 'anna@example.com', 'incoming-requests');
    expect((document.querySelector('input[name=q]') as HTMLInputElement).value).toBe('anna@example.com');
    expect(submitted).toBe(1);
    document.body.innerHTML = '<form><input><input></form><button title="Search"></button>';
    expect(() => submitSearch(document, en, 'a@b.c')).toThrow(AdminError);
  });
  it('clicks Save only once', () => {
    document.body.innerHTML = '<h2>Customer</h2><form><label for="p">Password</label><input id="p" type="password"><button type="button">Save</button></form>';
    let clicks = 0;
    document.querySelector('button')!.addEventListener('click', () => clicks++);
    saveCustomer(document, en);
    expect(() => saveCustomer(document, en)).toThrow(/will not click it twice/);
    expect(clicks).toBe(1);
  });
});
