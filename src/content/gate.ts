/**
 * The content script the manifest runs on every admin page: a gate in front of the real one.
 *
 * Most admin pages are not ours (Dashboard, Orders, ...), and there Reset Desk should cost next to
 * nothing. In a fresh content-script world the first touch of any extension API costs about two
 * milliseconds, and the full script (settings, recognition, messaging) about ten; a look at the
 * page's headings and controls costs well under one. So this file uses no extension API and no
 * import unless the page may be ours; then it loads the full content script (./index.ts, behind
 * the fixed name `content/boot.js` that vite.config.ts writes).
 *
 * A page this gate passes over still gets the full script when a flow needs it: the background
 * injects `content/boot.js` when the tab does not answer (see background/contentScript.ts).
 * Built on its own as a classic script (vite.config.ts, contentGate()).
 */
declare const chrome: { runtime: { getURL(path: string): string } };
// A module, not a script: its declarations stay its own (the build still makes it a classic script).
export {};
/** src/admin/pageHint.ts's pageHintXPath(), put in by the build (vite.config.ts, contentGate()). */
declare const __PAGE_HINT_XPATH__: string;

// The body of mightBeOurPage (src/admin/pageHint.ts), inlined: importing it would bring the labels
// module along, whose set-up alone costs more than this look. 3: XPathResult.BOOLEAN_TYPE. (No
// `document.body` check: touching an element makes its wrapper, about a millisecond here.)
if (document.evaluate(__PAGE_HINT_XPATH__, document, null, 3, null).booleanValue) {
  import(/* @vite-ignore */ chrome.runtime.getURL('content/boot.js')).catch((error: unknown) => console.error('reset-desk: content script failed to load', error));
}
