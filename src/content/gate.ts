/**
 * The content script the manifest runs on every admin page: a gate in front of the real one.
 *
 * Most admin pages are not ours (Dashboard, Orders, ...), and there Reset Desk should cost next to
 * nothing. In a fresh content-script world the first touch of any extension API costs about two
 * milliseconds, and the full script (settings, recognition, messaging) about ten; a look at the
 * page's headings and controls costs well under one. So this file uses no extension API unless the
 * page may be ours; then it asks the background for the full content script (content/full.js,
 * src/content/index.ts), which the background injects into this page (background/contentScript.ts).
 * The full script is injected rather than imported: an import needs its files web-accessible, and
 * a web-accessible file can be loaded by any page it is listed for, which tells that page Reset
 * Desk is installed.
 *
 * A page this gate passes over still gets the full script when a flow needs it: the background
 * injects it when the tab does not answer. Built on its own as a classic script (vite.config.ts).
 */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: { message: string } } | undefined> } };
// A module, not a script: its declarations stay its own (the build still makes it a classic script).
export {};
/** src/admin/pageHint.ts's pageHintXPath(), put in by the build (vite.config.ts, contentScripts()). */
declare const __PAGE_HINT_XPATH__: string;

// The body of mightBeOurPage (src/admin/pageHint.ts), inlined: importing it would bring the labels
// module along, whose set-up alone costs more than this look. 3: XPathResult.BOOLEAN_TYPE. (No
// `document.body` check: touching an element makes its wrapper, about a millisecond here.)
if (document.evaluate(__PAGE_HINT_XPATH__, document, null, 3, null).booleanValue) {
  // The envelope of src/shared/messaging.ts ('content/boot' in BackgroundProtocol), written out:
  // importing the module would cost what this file avoids.
  chrome.runtime.sendMessage({ resetDesk: 1, type: 'content/boot', payload: {} }).then(
    (reply) => {
      if (!reply?.ok) console.error('reset-desk: the full content script was not loaded:', reply?.error?.message ?? 'the background did not answer');
    },
    (error: unknown) => console.error('reset-desk: the full content script was not loaded', error),
  );
}
