/**
 * `npm run package`'s zips (written to a temporary folder here): one per store, from the one
 * build, with the manifest (less the simulated admin's hosts) and version inside, store-size icons, nothing that must not ship, and
 * the Firefox one passes web-ext lint as it is.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { packageExtension, storeManifest } from '../../scripts/package';
import { DIST } from './browser';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'reset-desk-packages-'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function pngSize(data: Uint8Array): [number, number] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  expect(Array.from(data.subarray(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe.each(['chrome', 'firefox'] as const)('the %s package', (target) => {
  const file = packageExtension(target, DIST, out);
  const entries = unzipSync(readFileSync(file));
  const names = Object.keys(entries);
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));

  it('is named for the store and the version', () => {
    expect(file).toBe(join(out, `reset-desk-${target}-${pkg.version}.zip`));
  });

  it('holds the built manifest at the top, with the version from package.json, without the simulator\'s hosts', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(pkg.version);
    const built = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual(storeManifest(built));
    // dist/ has them (the demo, the tests); the stores' extension never runs on or drives a local page.
    expect(JSON.stringify(built)).toMatch(/127\.0\.0\.1|localhost/);
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(manifest.host_permissions).toEqual(['https://admin.flickrocket.com/*']);
    expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([['https://admin.flickrocket.com/*']]);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.minimum_chrome_version).toBe('109');
  });

  it('holds every file the manifest names, and the icons in their sizes (128 for the stores)', () => {
    const named = [
      manifest.background.service_worker,
      ...manifest.background.scripts,
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
      ...Object.values(manifest.icons as Record<string, string>),
    ];
    for (const n of named) expect(names, n).toContain(n);
    for (const [size, path] of Object.entries(manifest.icons as Record<string, string>)) expect(pngSize(entries[path]!)).toEqual([Number(size), Number(size)]);
    expect(Object.keys(manifest.icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    expect(names).toContain('_locales/en/messages.json');
    expect(names).toContain('_locales/de/messages.json');
  });

  it('holds no source maps, sources, tests or node_modules', () => {
    expect(names.filter((n) => /\.map$|(^|\/)(node_modules|test|tests)\/|\.tsx?$|(^|\/)\./.test(n))).toEqual([]);
    expect(names.some((n) => n.startsWith('src/') && !n.endsWith('.html'))).toBe(false);
    for (const [name, data] of Object.entries(entries)) {
      if (name.endsWith('.js')) expect(new TextDecoder().decode(data), name).not.toMatch(/sourceMappingURL/);
    }
  });

  if (target === 'firefox') {
    it('passes web-ext lint as packed (0 errors)', async () => {
      const dir = join(out, 'firefox-unpacked');
      for (const [name, data] of Object.entries(entries)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), data);
      }
      const { stdout } = await run(resolve('node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], { maxBuffer: 10 * 1024 * 1024 }).catch(
        (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
      );
      const report = JSON.parse(stdout) as { summary: { errors: number }; errors: { code: string; message: string }[] };
      expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    }, 60_000);
  }
});

afterAll(() => rmSync(out, { recursive: true, force: true }));
