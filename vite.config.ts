import { build, defineConfig, runnerImport, type Plugin, type Rollup } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const manifestSource = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Record<string, unknown>;

// One version for both stores: package.json is the source of truth. The content scripts are left
// out of what crxjs sees: contentScripts() below builds them, as classic scripts (see there).
const { content_scripts: contentScriptsSource, ...manifestForCrx } = manifestSource;
const manifest = { ...manifestForCrx, version: pkg.version } as unknown as ManifestV3Export;

/**
 * crxjs writes `background: { service_worker, type }` only. Firefox (MV3) has no service workers for
 * extensions and needs `background.scripts`; Chromium ignores `scripts` when `service_worker` is set,
 * so one dist/ serves both browsers (web-ext lint: BACKGROUND_SERVICE_WORKER_NOFALLBACK otherwise).
 */
interface BuiltManifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: unknown[];
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
      writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

/** A source file and everything it imports (dynamic imports too) as one self-contained classic script. */
async function classicScript(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    define,
    // JSX: tsconfig.json's jsxImportSource (preact); the preset adds nothing a content script needs.
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      // An iife lib build has no code splitting: dynamic imports are inlined.
      lib: { entry: resolve(entry), formats: ['iife'], name: 'resetDesk' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`reset-desk: building ${entry} gave ${chunks.length} scripts, expected one`);
  return chunks[0]!.code;
}

/**
 * The content scripts, as classic scripts that import nothing at run time (see src/content/gate.ts):
 *   - `content/gate.js` (src/content/gate.ts), the manifest's content script on every admin page,
 *     with its XPath worked out now from the labels (src/admin/pageHint.ts) so the page need not;
 *   - `content/full.js` (src/content/index.ts and every chunk it would load, in one file), which
 *     the background injects (scripting.executeScript) where the gate asks for it or a flow needs it,
 *     and registers while labels are renamed (background/contentScript.ts).
 * No file of ours is web-accessible: a web page cannot load one, so no site can tell that Reset
 * Desk is installed (a module content script's chunks would have to be web-accessible to be
 * imported, and their URLs probe-able from any page they are listed for).
 */
function contentScripts(): Plugin {
  return {
    name: 'reset-desk:content-scripts',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options) {
      const dir = options.dir ?? resolve('dist');
      const file = resolve(dir, 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8')) as BuiltManifest & Record<string, unknown>;
      const declared = contentScriptsSource as { js?: string[] }[] | undefined;
      if (declared?.length !== 1 || declared[0]!.js?.[0] !== 'src/content/gate.ts') throw new Error('reset-desk: manifest.json must declare one content script, src/content/gate.ts');
      mkdirSync(resolve(dir, 'content'), { recursive: true });
      const { module: pageHint } = await runnerImport<typeof import('./src/admin/pageHint')>(resolve('src/admin/pageHint.ts'), { configFile: false, logLevel: 'warn' });
      writeFileSync(resolve(dir, 'content/gate.js'), await classicScript('src/content/gate.ts', { __PAGE_HINT_XPATH__: JSON.stringify(pageHint.pageHintXPath()) }));
      writeFileSync(resolve(dir, 'content/full.js'), await classicScript('src/content/index.ts'));
      built.content_scripts = declared.map((c) => ({ ...c, js: ['content/gate.js'] }));
      if (built.web_accessible_resources) throw new Error('reset-desk: the build made files web-accessible; none may be (see contentScripts())');
      writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest }), contentScripts(), firefoxBackgroundScripts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces from agents' bug reports matter more than a few KB.
    sourcemap: false,
    // Vite's preload helper writes <link rel=modulepreload href="chrome-extension://<id>/..."> into
    // the document for a dynamic import's chunks. The content script is built apart (contentScripts(),
    // no imports left), so this is only kept off for the extension pages, which gain nothing from it.
    modulePreload: false,
    rollupOptions: {
      input: {
        popup: resolve('src/popup/index.html'),
        options: resolve('src/options/index.html'),
        // The first-run page (src/background/install.ts opens it on install).
        welcome: resolve('src/welcome/index.html'),
      },
    },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
