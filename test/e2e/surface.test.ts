/**
 * No web page can tell that Reset Desk is installed: a page script probes our extension's URLs
 * (chrome-extension://<our id>/<each file of dist/>) by fetch, <script src> and import(), from
 * another origin (http://[::1]:PORT/, where our content script never runs) and from the admin's own
 * user page (where it does), and gets for every file exactly what it gets for an extension id that
 * does not exist. (Chrome Web Store ids are public, so a page that could load one of our files
 * would know.)
 */
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { DIST } from './browser';
import { startWorld, type World } from './setup';

let world: World;
let other: Server;
let otherUrl: string;

/** Every file of the built extension, as a path inside it. */
function distFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? distFiles(path) : [relative(DIST, path).split('\\').join('/')];
  });
}

beforeAll(async () => {
  world = await startWorld();
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another site</title><h1>Another site</h1>');
  });
  await new Promise<void>((resolve) => other.listen(0, '::1', resolve));
  const address = other.address();
  otherUrl = `http://[::1]:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(async () => {
  await world?.close();
  await new Promise((resolve) => other?.close(resolve));
});

/** What a page script learns about `chrome-extension://<id>/<path>`, for each path, three ways. */
async function probe(page: Page, id: string, paths: string[]): Promise<Record<string, string>> {
  return page.evaluate(
    async ({ id, paths }) => {
      const viaScript = (url: string) =>
        new Promise<string>((resolve) => {
          const script = document.createElement('script');
          script.src = url;
          script.onload = () => resolve('script loaded');
          script.onerror = () => resolve('script error');
          document.head.append(script);
        });
      const viaFetch = (url: string) => fetch(url).then((r) => `fetch ${r.status}`, () => 'fetch refused');
      // Written as text: vitest rewrites an import() in this file's source.
      const dynamicImport = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;
      const viaImport = (url: string) => dynamicImport(url).then(() => 'import loaded', () => 'import refused');
      const out: Record<string, string> = {};
      for (const path of paths) {
        const url = `chrome-extension://${id}/${path}`;
        out[path] = [await viaFetch(url), await viaScript(url), path.endsWith('.js') ? await viaImport(url) : ''].join(', ');
      }
      return out;
    },
    { id, paths },
  );
}

const NO_SUCH_EXTENSION = 'abcdefghijklmnopabcdefghijklmnop';

describe('web-accessible surface', () => {
  it('the built manifest lists no web-accessible resources', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { web_accessible_resources?: unknown[] };
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('a page on another origin cannot tell our files from those of an extension that does not exist', async () => {
    const page = await world.ext.context.newPage();
    try {
      await page.goto(otherUrl);
      const paths = distFiles();
      expect(paths).toContain('content/gate.js');
      const ours = await probe(page, world.ext.extensionId, paths);
      const none = await probe(page, NO_SUCH_EXTENSION, paths);
      for (const path of paths) expect(ours[path], path).toBe(none[path]);
    } finally {
      await page.close();
    }
  });

  it('neither can the admin page our content script runs on, nor does its markup carry our id', async () => {
    const account = world.sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h)!;
    await world.admin.goto(`${world.sim.pathOf('user')}?${PARAMS[world.sim.config.variant].id}=${account.id}`);
    await world.admin.locator('reset-desk-ui[data-kind="user-bar"]').first().waitFor({ timeout: 15_000 });
    // Before the probe, whose own <script src> elements name the id.
    const html = await world.admin.evaluate(() => document.documentElement.outerHTML);
    expect(html.includes(world.ext.extensionId)).toBe(false);
    const paths = distFiles();
    const ours = await probe(world.admin, world.ext.extensionId, paths);
    const none = await probe(world.admin, NO_SUCH_EXTENSION, paths);
    for (const path of paths) expect(ours[path], path).toBe(none[path]);
  });
});
