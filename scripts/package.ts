/**
 * `npm run package`: one build (dist/, which serves both browsers), two store zips:
 *   packages/reset-desk-chrome-<version>.zip   Chrome Web Store
 *   packages/reset-desk-firefox-<version>.zip  addons.mozilla.org
 * The version is package.json's (the build writes it into the manifest; we check they agree).
 *
 * Zipped with fflate (a small, dependency-free zip library) rather than `web-ext build`: one code
 * path for both stores, the exact same file list in both, and stable entry order and timestamps,
 * so the same sources give byte-identical zips. Both zips hold the same, tested dist/: its manifest
 * already serves both browsers (Chromium uses background.service_worker, Firefox
 * background.scripts and browser_specific_settings; each ignores the other's keys without an
 * error), so what the e2e tests and `web-ext lint` checked is exactly what each store gets.
 * Source maps, tests and node_modules never go in: only dist/ is packed, and files we do not ship
 * (*.map, dot-files) are skipped even if a build leaves them. The one change to dist/ is in the
 * manifest: the simulated admin's hosts (127.0.0.1, localhost), which the demo and the tests need,
 * are taken out of the host permissions, the content script's matches and the web-accessible
 * resources: the stores' extension never runs on, or drives, a local page that imitates the admin.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'packages');
/** A fixed time for every entry (1 Jan 2024, local): zips do not change when nothing else did. */
const MTIME = new Date(2024, 0, 1);

export type Target = 'chrome' | 'firefox';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Files that never ship. */
export function excluded(path: string): boolean {
  const parts = path.split('/');
  return path.endsWith('.map') || parts.some((p) => p.startsWith('.') || p === 'node_modules' || p === 'test' || p === 'tests') || /\.(test|spec)\.[jt]sx?$/.test(path);
}

/** The simulated admin's hosts in dist/'s manifest (manifest.json). */
export const SIMULATOR_HOSTS: readonly string[] = ['http://127.0.0.1/*', 'http://localhost/*'];

interface HostLists {
  host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: { matches?: string[] }[];
}

/** dist/'s manifest as the stores get it: without SIMULATOR_HOSTS, everything else as built. */
export function storeManifest<M extends HostLists>(built: M): M {
  const keep = (list: string[] | undefined) => list?.filter((host) => !SIMULATOR_HOSTS.includes(host));
  return {
    ...built,
    ...(built.host_permissions ? { host_permissions: keep(built.host_permissions) } : {}),
    ...(built.content_scripts ? { content_scripts: built.content_scripts.map((c) => ({ ...c, ...(c.matches ? { matches: keep(c.matches) } : {}) })) } : {}),
    ...(built.web_accessible_resources ? { web_accessible_resources: built.web_accessible_resources.map((w) => ({ ...w, ...(w.matches ? { matches: keep(w.matches) } : {}) })) } : {}),
  };
}

export function packageExtension(target: Target, dist = DIST, outDir = OUT): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  if (manifest.version !== pkg.version) {
    throw new Error(`dist/manifest.json has version ${String(manifest.version)}, package.json ${pkg.version}: run \`npm run build\` first.`);
  }
  const files: Zippable = {};
  for (const file of filesUnder(dist)) {
    const path = relative(dist, file).split(sep).join('/');
    if (excluded(path)) continue;
    const data = path === 'manifest.json' ? Buffer.from(`${JSON.stringify(storeManifest(manifest), null, 2)}\n`) : readFileSync(file);
    files[path] = [data, { mtime: MTIME }];
  }
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `reset-desk-${target}-${pkg.version}.zip`);
  writeFileSync(out, zipSync(files, { level: 9 }));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const target of ['chrome', 'firefox'] as const) {
    const out = packageExtension(target);
    console.log(`${target}: ${relative(ROOT, out)} (${Math.round(statSync(out).size / 1024)} KB)`);
  }
}
