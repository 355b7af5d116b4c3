// @vitest-environment jsdom
/**
 * The in-page password (a closed shadow root of its own, removed after a minute) and the clipboard
 * clean-up after a copied password (emptied after a minute if it still holds it; left alone, and
 * said so, where the browser does not let us read it).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));

const { SecretText, SECRET_SHOWN_MS } = await import('../../../src/content/ui/SecretText');
const { clearClipboardLater, clearIfStillThere, CLIPBOARD_CLEAR_MS } = await import('../../../src/shared/clipboard');

/** A clipboard that holds text, and may refuse to be read (no focus, no permission). */
function fakeClipboard(initial: string, { readable = true } = {}) {
  const clip = {
    text: initial,
    readText: vi.fn(async () => {
      if (!readable) throw new DOMException('Read permission denied.', 'NotAllowedError');
      return clip.text;
    }),
    writeText: vi.fn(async (t: string) => {
      clip.text = t;
    }),
  };
  return clip;
}

describe('clearIfStillThere', () => {
  it('empties the clipboard that still holds the password', async () => {
    const clip = fakeClipboard('Secret-1234');
    expect(await clearIfStillThere('Secret-1234', clip)).toBe('cleared');
    expect(clip.text).toBe('');
  });
  it('leaves what the agent copied since', async () => {
    const clip = fakeClipboard('the ticket number');
    expect(await clearIfStillThere('Secret-1234', clip)).toBe('replaced');
    expect(clip.text).toBe('the ticket number');
    expect(clip.writeText).not.toHaveBeenCalled();
  });
  it('where it may not read, writes nothing and says so (it cannot tell whose the text is)', async () => {
    const clip = fakeClipboard('Secret-1234', { readable: false });
    expect(await clearIfStillThere('Secret-1234', clip)).toBe('not-allowed');
    expect(clip.text).toBe('Secret-1234');
    expect(clip.writeText).not.toHaveBeenCalled();
  });
});

describe('clearClipboardLater', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks once, a minute after the copy', async () => {
    const clip = fakeClipboard('Secret-1234');
    const report = vi.fn();
    clearClipboardLater('Secret-1234', report, CLIPBOARD_CLEAR_MS, clip);
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS - 1);
    expect(clip.readText).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(report).toHaveBeenCalledWith('cleared');
    expect(clip.text).toBe('');
    expect(CLIPBOARD_CLEAR_MS).toBe(60_000);
  });
  it('does nothing once cancelled (the component went away)', async () => {
    const clip = fakeClipboard('Secret-1234');
    const cancel = clearClipboardLater('Secret-1234', vi.fn(), CLIPBOARD_CLEAR_MS, clip);
    cancel();
    await vi.advanceTimersByTimeAsync(CLIPBOARD_CLEAR_MS);
    expect(clip.readText).not.toHaveBeenCalled();
    expect(clip.text).toBe('Secret-1234');
  });
});

describe('SecretText', () => {
  let container: HTMLElement;
  const roots: { mode: string; root: ShadowRoot }[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    container = document.createElement('div');
    document.body.append(container);
    roots.length = 0;
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push({ mode: init.mode, root });
      return root;
    });
  });
  afterEach(() => {
    render(null, container);
    container.remove();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('shows the password in a closed shadow root only: the host (and the page) has no text, no shadowRoot', async () => {
    await act(() => render(h(SecretText, { text: 'Secret-1234' }), container));
    const host = container.querySelector('[data-secret="password"]')!;
    expect(roots).toHaveLength(1);
    expect(roots[0]!.mode).toBe('closed');
    expect(roots[0]!.root.textContent).toBe('Secret-1234');
    expect(host.shadowRoot).toBeNull();
    expect(container.textContent).not.toContain('Secret-1234');
    expect(container.innerHTML).not.toContain('Secret-1234');
  });

  it('removes the password after a minute and says so; a new password starts the minute again', async () => {
    await act(() => render(h(SecretText, { text: 'Secret-1234' }), container));
    await act(() => {
      vi.advanceTimersByTime(SECRET_SHOWN_MS - 1);
    });
    expect(roots[0]!.root.textContent).toBe('Secret-1234');
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(roots[0]!.root.textContent).toBe('');
    expect(container.textContent).toContain('The password is no longer shown');
    expect(SECRET_SHOWN_MS).toBe(60_000);

    await act(() => render(h(SecretText, { text: 'Other-5678' }), container));
    expect(roots).toHaveLength(1); // the same closed root, reused
    expect(roots[0]!.root.textContent).toBe('Other-5678');
    expect(container.textContent).not.toContain('no longer shown');
  });
});
