/**
 * What each entry of the built extension loads, and its gzipped size: the files an entry pulls in
 * are followed from its start (the manifest's content-script gate and the full script,
 * content/full.js, which the background injects on pages that may be ours, the popup's / options'
 * HTML <script>/<link> tags, the service-worker loader) through every static `import ... from
 * "..."` and `import("...")` between the chunks. Shared by `npm run bench` and the security checks
 * (web-accessible resources).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntryBundle {
  entry: string;
  files: string[];
  raw: number;
  gzip: number;
}

interface Manifest {
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  background?: { service_worker?: string };
  content_scripts?: { js?: string[] }[];
}

/** Paths inside dist/, without a leading slash. */
function inDist(dist: string, from: string, spec: string): string | null {
  if (/^(https?:|data:|chrome:)/.test(spec)) return null;
  const abs = spec.startsWith('/') ? join(dist, spec) : resolve(dirname(join(dist, from)), spec);
  const rel = relative(dist, normalize(abs)).split('\\').join('/');
  return rel.startsWith('..') ? null : rel;
}

/**
 * Files a JS chunk refers to: static imports always; dynamic `import("...")` / import(`...`) and
 * runtime.getURL("...") (what the gate imports on pages that may be ours, chunks loaded later such
 * as the in-page help) when `lazy`.
 */
function jsRefs(dist: string, file: string, lazy: boolean): string[] {
  const text = readFileSync(join(dist, file), 'utf8');
  const out = new Set<string>();
  const q = '["\'`]';
  const patterns: [RegExp, 'static' | 'dynamic' | 'url'][] = [
    [new RegExp(`\\bimport\\s*(?:[\\w*\${}\\s,]+from\\s*)?${q}([^"'\`]+\\.(?:js|css))${q}`, 'g'), 'static'],
    [new RegExp(`\\bfrom\\s*${q}([^"'\`]+\\.js)${q}`, 'g'), 'static'],
    [new RegExp(`\\bimport\\(\\s*(?:\\/\\*[^*]*\\*\\/\\s*)?${q}([^"'\`]+\\.js)${q}\\s*\\)`, 'g'), 'dynamic'],
    [new RegExp(`getURL\\(\\s*${q}([^"'\`]+\\.(?:js|css))${q}\\s*\\)`, 'g'), 'url'],
  ];
  for (const [pattern, kind] of patterns) {
    if (kind !== 'static' && !lazy) continue;
    for (const m of text.matchAll(pattern)) {
      const spec = m[1]!;
      // getURL paths are relative to the extension's root.
      const target = kind === 'url' ? spec.replace(/^\//, '') : inDist(dist, file, spec);
      if (target && existsSync(join(dist, target))) out.add(target);
    }
  }
  return [...out];
}

function htmlRefs(dist: string, file: string): string[] {
  const text = readFileSync(join(dist, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)) {
    const target = inDist(dist, file, m[1]!);
    if (target && existsSync(join(dist, target)) && /\.(js|css)$/.test(target)) out.push(target);
  }
  return out;
}

/** Every file an entry loads (the entry itself included), in discovery order; `lazy`: with dynamic imports. */
export function closure(dist: string, start: string, lazy = true): string[] {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const refs = file.endsWith('.html') ? htmlRefs(dist, file) : file.endsWith('.js') ? jsRefs(dist, file, lazy) : [];
    queue.push(...refs.filter((r) => !seen.has(r)));
  }
  return [...seen];
}

export function readManifest(dist: string): Manifest & Record<string, unknown> {
  return JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest & Record<string, unknown>;
}

/** The full content script, injected by the background (src/background/contentScript.ts). */
const FULL_SCRIPT = 'content/full.js';

const gz = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

/**
 * Sizes per entry, each file gzipped on its own (as served). The content script three times: what
 * loads on every admin page (the gate), what the full script loads at first on our pages (before
 * its in-page help and step handlers), and everything with the chunks it imports later.
 */
export function entryBundles(dist: string): EntryBundle[] {
  const m = readManifest(dist);
  const content = m.content_scripts?.[0]?.js?.[0];
  const entries: [string, (string | undefined)[], boolean][] = [
    ['content', [content, FULL_SCRIPT], true],
    ['content, every admin page', [content], false],
    ['content, our pages at first', [FULL_SCRIPT], false],
    ['popup', [m.action?.default_popup], true],
    ['options', [m.options_ui?.page], true],
    ['background', [m.background?.service_worker], true],
  ];
  return entries
    .filter((e): e is [string, string[], boolean] => e[1].every((start) => typeof start === 'string'))
    .map(([entry, starts, lazy]) => {
      const files = [...new Set(starts.flatMap((start) => closure(dist, start, lazy)))];
      return {
        entry,
        files,
        raw: files.reduce((n, f) => n + readFileSync(join(dist, f)).length, 0),
        gzip: files.reduce((n, f) => n + gz(dist, f), 0),
      };
    });
}
