/**
 * The one dist/ also serves Firefox: background.scripts beside the service worker, a gecko id,
 * and Mozilla's own linter (web-ext lint, offline) finds no errors.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIST } from './browser';

const run = promisify(execFile);

describe('the built extension for Firefox', () => {
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8'));

  it('has background scripts for Firefox next to the service worker for Chrome', () => {
    expect(manifest.background.service_worker).toMatch(/\.js$/);
    expect(manifest.background.scripts).toEqual([manifest.background.service_worker]);
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
  });

  it('takes its version from package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(manifest.version).toBe(pkg.version);
  });

  it('passes web-ext lint with 0 errors', async () => {
    const bin = resolve('node_modules/.bin/web-ext');
    const { stdout } = await run(bin, ['lint', '--source-dir', DIST, '--output', 'json', '--no-input'], { maxBuffer: 10 * 1024 * 1024 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
    );
    const report = JSON.parse(stdout) as { summary: { errors: number }; errors: { code: string; message: string }[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 60_000);
});
