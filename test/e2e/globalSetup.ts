import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium } from '../../scripts/chromium';
import { DIST } from './browser';

export default function setup(): void {
  ensureChromium();
  if (!existsSync(resolve(DIST, 'manifest.json'))) {
    throw new Error('dist/ has no built extension: run `npm run build` first (npm test does).');
  }
}
