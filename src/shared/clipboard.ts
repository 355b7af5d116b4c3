/**
 * A password we copied leaves the clipboard after a minute, if it is still there.
 *
 * "Still there" needs a read of the clipboard, which the browser allows only to a focused page that
 * may read it: in the admin tab, the admin's origin with the clipboard-read permission (Chromium
 * asks the agent once; Firefox shows its own Paste button); in the popup, only while it is open and
 * focused (Reset Desk does not ask for the clipboardRead permission). Where the read is refused we
 * cannot tell whether the agent has copied something else since, so we leave the clipboard alone
 * and say so: emptying it blindly could throw away what the agent copied last.
 */

export const CLIPBOARD_CLEAR_MS = 60_000;

/** What the minute's check found: emptied; something else there now; or not allowed to look (or to write). */
export type ClipboardCheck = 'cleared' | 'replaced' | 'not-allowed';

interface TextClipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

export async function clearIfStillThere(secret: string, clipboard: TextClipboard = navigator.clipboard): Promise<ClipboardCheck> {
  let current: string;
  try {
    current = await clipboard.readText();
  } catch {
    return 'not-allowed';
  }
  if (current !== secret) return 'replaced';
  try {
    await clipboard.writeText('');
    return 'cleared';
  } catch {
    return 'not-allowed';
  }
}

/** Checks once, `delayMs` after the copy; returns the cancel (a component's clean-up). */
export function clearClipboardLater(secret: string, report: (check: ClipboardCheck) => void, delayMs = CLIPBOARD_CLEAR_MS, clipboard?: TextClipboard): () => void {
  const timer = setTimeout(() => void clearIfStillThere(secret, clipboard).then(report), delayMs);
  return () => clearTimeout(timer);
}
