import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const manifestSource = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;

// One version for both stores: package.json is the source of truth.
const manifest = { ...manifestSource, version: pkg.version } as unknown as ManifestV3Export;

/**
 * crxjs writes `background: { service_worker, type }` only. Firefox (MV3) has no service workers for
 * extensions and needs `background.scripts`; Chromium ignores `scripts` when `service_worker` is set,
 * so one dist/ serves both browsers (web-ext lint: BACKGROUND_SERVICE_WORKER_NOFALLBACK otherwise).
 * The same step widens the content chunks' web-accessible hosts (see contentChunksForOptionalHosts).
 */
interface BuiltManifest {
  background?: { service_worker?: string; scripts?: string[] };
  optional_host_permissions?: string[];
  web_accessible_resources?: { matches: string[]; resources: string[]; use_dynamic_url?: boolean }[];
}

/**
 * crxjs's content-script loader imports the script's chunks by URL, so they must be web-accessible
 * wherever the script runs. crxjs lists exactly those chunks for the manifest's own hosts; a custom
 * admin host (granted at run time from optional_host_permissions, the script registered
 * dynamically) needs the same chunks, and nothing more: popup, options and worker code stay private.
 */
function contentChunksForOptionalHosts(built: BuiltManifest): BuiltManifest['web_accessible_resources'] {
  const extraHosts = built.optional_host_permissions ?? [];
  return (built.web_accessible_resources ?? []).map((entry) => ({ ...entry, matches: [...new Set([...entry.matches, ...extraHosts])] }));
}

function firefoxBackgroundScripts(): Plugin {
  return {
    name: 'reset-desk:firefox-background-scripts',
    apply: 'build',
    enforce: 'post',
    writeBundle(options) {
      const dir = options.dir ?? resolve('dist');
      const file = resolve(dir, 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
      const worker = built.background?.service_worker;
      if (!worker) throw new Error('reset-desk: the built manifest has no background.service_worker');
      built.background = { ...built.background, scripts: [worker] };
      built.web_accessible_resources = contentChunksForOptionalHosts(built);
      writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest }), firefoxBackgroundScripts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces from agents' bug reports matter more than a few KB.
    sourcemap: false,
    rollupOptions: {
      input: {
        popup: resolve('src/popup/index.html'),
        options: resolve('src/options/index.html'),
      },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
