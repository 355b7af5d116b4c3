/**
 * The full content script on every admin page, without the gate's first look: registered by the
 * background (background/contentScript.ts) while the agent has renamed admin labels, which the
 * gate (./gate.ts) does not know. Built on its own as a classic script (vite.config.ts).
 */
declare const chrome: { runtime: { getURL(path: string): string } };
// A module, not a script: its declarations stay its own (the build still makes it a classic script).
export {};

import(/* @vite-ignore */ chrome.runtime.getURL('content/boot.js')).catch((error: unknown) => console.error('reset-desk: content script failed to load', error));
