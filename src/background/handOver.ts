/**
 * Hand-overs between two pages of one admin tab (every admin page is a full page load, and a content
 * script dies with its page). One item per tab, in this worker's memory only (never storage), for at
 * most a minute, and given to exactly one page: the first new page of that tab after the one that
 * handed it over. If the worker stops meanwhile, the item is gone (by design: it may hold a password).
 */
import type { HandOver } from '../shared/protocol';

export const HAND_OVER_MS = 60_000;

interface Held {
  item: HandOver;
  fromDocId: string;
  /** The page that may take it: the first new page after `fromDocId`. */
  forDocId?: string;
  timer: ReturnType<typeof setTimeout>;
}

const held = new Map<number, Held>();

export function dropHandOver(tabId: number): void {
  const entry = held.get(tabId);
  if (entry) clearTimeout(entry.timer);
  held.delete(tabId);
}

export function handOver(tabId: number, item: HandOver, fromDocId: string): void {
  dropHandOver(tabId);
  held.set(tabId, { item, fromDocId, timer: setTimeout(() => dropHandOver(tabId), HAND_OVER_MS) });
}

/** A page of the tab announced itself: the first one after the handing page is the receiver. */
export function notePage(tabId: number, docId: string): void {
  const entry = held.get(tabId);
  if (!entry || docId === entry.fromDocId) return;
  if (entry.forDocId === undefined) entry.forDocId = docId;
  else if (entry.forDocId !== docId) dropHandOver(tabId); // a later page: the receiver let it pass
}

export function takeHandOver(tabId: number, docId: string): HandOver | null {
  notePage(tabId, docId);
  const entry = held.get(tabId);
  if (!entry || entry.forDocId !== docId) return null;
  dropHandOver(tabId);
  return entry.item;
}
