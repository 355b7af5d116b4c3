/**
 * One typed message protocol for every context. Each protocol is a map of named requests to
 * replies; `send*` and `handle*` are the only places that touch runtime messaging, so a typo in a
 * message name or a payload shape is a compile error, not a silent `undefined` at run time.
 *
 * Replies travel as `{ ok, value | error }` because an Error thrown in a listener loses its type
 * (and our error codes) on the way through the browser.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { fromWire, toWireError, type ErrorCode, type WireError } from './errors';
import type { BackgroundProtocol, ContentProtocol } from './protocol';

export type Protocol<P> = { [K in keyof P]: { request: unknown; response: unknown } };

export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };

interface Envelope {
  /** Marks our messages; anything else on the channel is ignored. */
  resetDesk: 1;
  type: string;
  payload: unknown;
}

export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

function unwrap<T>(reply: Reply<T> | undefined, type: string): T {
  if (!reply) throw new MessageError('no-receiver', `Nobody answered "${type}".`);
  if (!reply.ok) {
    const error = fromWire(reply.error);
    throw new MessageError(error.code, error.message, error.details);
  }
  return reply.value;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).resetDesk === 1 && typeof (message as Envelope).type === 'string';
}

export async function sendToBackground<K extends keyof BackgroundProtocol & string>(
  type: K,
  payload: BackgroundProtocol[K]['request'],
): Promise<BackgroundProtocol[K]['response']> {
  const reply = (await browser.runtime.sendMessage({ resetDesk: 1, type, payload } satisfies Envelope)) as Reply<BackgroundProtocol[K]['response']> | undefined;
  return unwrap(reply, type);
}

export async function sendToTab<K extends keyof ContentProtocol & string>(
  tabId: number,
  type: K,
  payload: ContentProtocol[K]['request'],
): Promise<ContentProtocol[K]['response']> {
  // frameId 0: only the top document runs our content script's handlers.
  const reply = (await browser.tabs.sendMessage(tabId, { resetDesk: 1, type, payload } satisfies Envelope, { frameId: 0 })) as
    | Reply<ContentProtocol[K]['response']>
    | undefined;
  return unwrap(reply, type);
}

export type Handlers<P extends Protocol<P>> = {
  [K in keyof P]?: (payload: P[K]['request'], sender: Runtime.MessageSender) => Promise<P[K]['response']> | P[K]['response'];
};

/**
 * Registers handlers for one protocol. `accept` decides which senders may talk to this context at
 * all (e.g. the background only takes action requests from our own extension pages). The handlers
 * stay until `signal` aborts (without one: for the context's life).
 */
export function handleMessages<P extends Protocol<P>>(
  handlers: Handlers<P>,
  accept: (sender: Runtime.MessageSender, type: string) => boolean = () => true,
  signal?: AbortSignal,
): void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type as keyof P];
    // Not ours to answer: another context may handle it (returning undefined keeps the channel free).
    if (!handler) return undefined;
    if (!accept(sender, message.type)) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', message: `"${message.type}" is not accepted from this sender.` } });
    }
    return (async (): Promise<Reply<unknown>> => {
      try {
        return { ok: true, value: await handler(message.payload as never, sender) };
      } catch (error) {
        return { ok: false, error: toWireError(error) };
      }
    })();
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/** True when the sender is one of our own extension pages (popup, options), not a content script or a web page. */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  const base = browser.runtime.getURL('');
  // Not `sender.tab === undefined`: a popup opened as a page (tests, "pop out") lives in a tab.
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(base);
}

/** True when the sender is our own content script in the top frame of a tab. */
export function isOwnContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab !== undefined && sender.frameId === 0;
}
