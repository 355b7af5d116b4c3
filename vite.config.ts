import { build, defineConfig, runnerImport, type Plugin, type Rollup } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  content_scripts?: { js?: string[] }[];
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

/** A small source file as one self-contained classic script (no imports left, nothing exported). */
async function classicScript(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    define,
    build: { write: false, target: 'es2022', minify: true, lib: { entry: resolve(entry), formats: ['iife'], name: 'resetDesk' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`reset-desk: building ${entry} gave no script`);
  return chunk.code;
}

/**
 * The content script behind a gate (see src/content/gate.ts). crxjs builds the full content script
 * (src/content/index.ts, its chunks and their web-accessible list) and a loader for it; this step
 * then
 *   - writes `content/boot.js`, a fixed name for the full script's module (the gate imports it, the
 *     background injects it, the labels-override registration runs it),
 *   - builds `content/gate.js` and `content/force-boot.js` as classic scripts of their own (a crxjs
 *     content script would be loaded through the extension API, which is the cost the gate avoids),
 *   - puts the gate into the manifest instead of crxjs's loader, which is no longer used.
 */
function contentGate(): Plugin {
  return {
    name: 'reset-desk:content-gate',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? resolve('dist');
      const file = resolve(dir, 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest;
      const main = Object.values(bundle).find(
        (c): c is Rollup.OutputChunk => c.type === 'chunk' && (c.facadeModuleId ?? '').replace(/\\/g, '/').endsWith('/src/content/index.ts'),
      );
      const loader = built.content_scripts?.[0]?.js?.[0];
      if (!main || !loader || built.content_scripts?.length !== 1) throw new Error('reset-desk: expected one content script (src/content/index.ts) in the build');
      mkdirSync(resolve(dir, 'content'), { recursive: true });
      writeFileSync(resolve(dir, 'content/boot.js'), `export * from '../${main.fileName}';\n`);
      // The gate's XPath, worked out now from the labels (src/admin/pageHint.ts) so the page need not.
      const { module: pageHint } = await runnerImport<typeof import('./src/admin/pageHint')>(resolve('src/admin/pageHint.ts'), { configFile: false, logLevel: 'warn' });
      writeFileSync(resolve(dir, 'content/gate.js'), await classicScript('src/content/gate.ts', { __PAGE_HINT_XPATH__: JSON.stringify(pageHint.pageHintXPath()) }));
      writeFileSync(resolve(dir, 'content/force-boot.js'), await classicScript('src/content/forceBoot.ts'));
      rmSync(resolve(dir, loader));
      built.content_scripts[0]!.js = ['content/gate.js'];
      // The gate and the background import boot.js from the page's content-script world.
      built.web_accessible_resources = (built.web_accessible_resources ?? []).map((entry, i) => (i === 0 ? { ...entry, resources: ['content/boot.js', ...entry.resources] } : entry));
      writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest }), contentGate(), firefoxBackgroundScripts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces from agents' bug reports matter more than a few KB.
    sourcemap: false,
    // Vite's preload helper writes <link rel=modulepreload href="chrome-extension://<id>/..."> into
    // the document for a dynamic import's chunks: in a content script that is the admin's own page,
    // whose scripts would then see our extension id and every chunk was fetched twice.
    modulePreload: false,
    rollupOptions: {
      input: {
        popup: resolve('src/popup/index.html'),
        options: resolve('src/options/index.html'),
      },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
