/**
 * The machinery every flow uses: marks steps as they run (persisted, so popups show them live and
 * a restarted worker knows where it was), talks to the admin tab with a time limit, and waits for
 * the next page after a click.
 */
import browser from 'webextension-polyfill';
import { MessageError, sendToTab } from '../../shared/messaging';
import type { ContentProtocol, Expected, Navigation, PageReport } from '../../shared/protocol';
import type { RunView, StepId } from '../../shared/runs';
import { waitForPage, pingTab } from '../pageEvents';
import { saveRun } from './runStore';

/** How long one admin page or one in-page step may take before we call the admin too slow. */
export const PAGE_TIMEOUT_MS = 30_000;
/** A content-script step that loads data (two tries of "Click to load data") gets longer. */
export const STEP_TIMEOUT_MS = 45_000;

export class RunContext {
  constructor(
    public run: RunView,
    readonly signal: AbortSignal,
  ) {}

  get tabId(): number {
    if (this.run.tabId === undefined) throw new MessageError('no-admin-tab', 'No admin tab is open.');
    return this.run.tabId;
  }

  /** Changes the run and waits until storage holds the change (what a restarted worker must know). */
  async update(patch: Partial<RunView>): Promise<void> {
    this.run = { ...this.run, ...patch };
    await this.persist();
  }

  /**
   * Changes what the run shows (the customer's shop, what was read) without waiting for the write:
   * nothing a restarted worker relies on, as it runs the flow again from the top and reads afresh.
   */
  show(patch: Partial<RunView>): void {
    this.run = { ...this.run, ...patch };
    // A failed write shows up at the next `update`, which writes the same state again.
    this.persist().catch(() => undefined);
  }

  private writing: Promise<void> | undefined;
  private dirty = false;

  /**
   * Writes the run as it is now; changes made while a write is under way go out together in the
   * next one, so a burst of step marks costs one or two writes, not one each.
   */
  private persist(): Promise<void> {
    this.dirty = true;
    this.writing ??= (async () => {
      try {
        while (this.dirty) {
          this.dirty = false;
          await saveRun(this.run);
        }
      } finally {
        this.writing = undefined;
      }
    })();
    return this.writing;
  }

  /** Runs one visible step: marks it running, then done (or failed, and rethrows). */
  async step<T>(id: StepId, work: () => Promise<T>, note?: (result: T) => string | undefined): Promise<T> {
    this.signal.throwIfAborted();
    this.setStep(id, { state: 'running', startedAt: Date.now(), endedAt: undefined, note: undefined });
    try {
      const result = await work();
      this.setStep(id, { state: 'done', endedAt: Date.now(), note: note?.(result) });
      return result;
    } catch (error) {
      this.setStep(id, { state: 'failed', endedAt: Date.now() });
      throw error;
    }
  }

  /** Marks a step as not needed this time (e.g. the admin tab is already on that page). */
  async skip(id: StepId, note: string): Promise<void> {
    const now = Date.now();
    this.setStep(id, { state: 'skipped', startedAt: now, endedAt: now, note });
  }

  /**
   * Step marks are for the popup and the in-page bar, shown without waiting for the write: a flow
   * never resumes from them (it runs again from the top, and Send and Save check their recorded
   * attempts, which `update` writes and waits for), so one lost with a stopped worker costs nothing.
   */
  private setStep(id: StepId, patch: Partial<RunView['steps'][number]>): void {
    this.show({ steps: this.run.steps.map((s) => (s.id === id ? { ...s, ...patch } : s)) });
  }

  /** One request to the content script in the admin tab, with a time limit. */
  async ask<K extends keyof ContentProtocol & string>(type: K, payload: ContentProtocol[K]['request'], timeoutMs = STEP_TIMEOUT_MS): Promise<ContentProtocol[K]['response']> {
    this.signal.throwIfAborted();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new MessageError('admin-slow', `The admin did not answer within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    });
    const aborted = new Promise<never>((_, reject) => {
      this.signal.addEventListener('abort', () => reject(this.signal.reason), { once: true });
    });
    try {
      return await Promise.race([sendToTab(this.tabId, type, payload), timeout, aborted]);
    } catch (error) {
      // A closed tab surfaces as "Could not establish connection"; say what happened instead.
      if (!(error instanceof MessageError) || error.code === 'no-receiver') {
        if (!(await browser.tabs.get(this.tabId).then(() => true, () => false))) throw new MessageError('tab-closed', 'The admin tab was closed.');
        const expect = (payload as { expect?: Expected }).expect;
        // The page this step was acting on went away before it answered (the agent moved the tab):
        // the page that replaced it says where the tab is now.
        // No next page in time is not swallowed: it ends in 'admin-unreachable' just below.
        const now = (await pingTab(this.tabId)) ?? (expect ? await this.arrive({ navigating: true, fromDocId: expect.docId }).catch(() => undefined) : undefined);
        if (now === undefined) {
          throw new MessageError('admin-unreachable', 'The admin tab did not answer (it is still loading, or shows no admin page).');
        }
        if (expect && now.docId !== expect.docId) {
          const shows = now.customerEmail ? `${now.customerEmail}'s ${now.page} page` : `the ${now.page} page`;
          throw new MessageError('wrong-page', `The admin tab left the ${expect.page} page of ${expect.email} while Reset Desk was working on it (it now shows ${shows}); nothing more was done there.`, { shows: now.customerEmail ?? shows });
        }
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Where the admin tab is now. */
  async here(): Promise<PageReport> {
    return waitForPage(this.tabId, null, { timeoutMs: PAGE_TIMEOUT_MS, signal: this.signal });
  }

  /**
   * A step whose click loads a new page, then the new page. If the old page went away before its
   * answer reached us (a fast admin), the docId we read before asking still tells the pages apart.
   */
  async navigate<K extends 'admin/open-menu' | 'admin/search' | 'admin/next-results' | 'admin/open-result' | 'admin/save'>(
    type: K,
    payload: ContentProtocol[K]['request'],
    /** The page's answer before it went (what it told besides "navigating"), when it got through. */
    onAnswer?: (answer: ContentProtocol[K]['response']) => void,
  ): Promise<PageReport> {
    const before = await this.here();
    try {
      const answer = await this.ask(type, payload);
      onAnswer?.(answer);
      return await this.arrive(answer);
    } catch (error) {
      if (error instanceof MessageError && (error.code === 'no-receiver' || error.code === 'internal')) {
        return this.arrive({ navigating: true, fromDocId: before.docId });
      }
      throw error;
    }
  }

  /** Loads the tab's page again: the histories on a page loaded earlier may be out of date. */
  async reload(): Promise<PageReport> {
    const before = await this.here();
    await browser.tabs.reload(this.tabId);
    return waitForPage(this.tabId, before.docId, { timeoutMs: PAGE_TIMEOUT_MS, signal: this.signal });
  }

  /** After a click that loads a page: the new page. */
  async arrive(navigation: Navigation): Promise<PageReport> {
    return waitForPage(this.tabId, navigation.fromDocId, { timeoutMs: PAGE_TIMEOUT_MS, signal: this.signal });
  }
}
