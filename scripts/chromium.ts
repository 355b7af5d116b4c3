/**
 * Finds the Chromium the tests and the demo drive: $CHROMIUM_PATH first, then Debian's
 * /usr/bin/chromium. Where it is missing and we are root on Debian, installs the `chromium`
 * package (no browser downloads are possible here); otherwise explains what to do.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const DEFAULT = '/usr/bin/chromium';

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return fromEnv;
  }
  return existsSync(DEFAULT) ? DEFAULT : undefined;
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing the Debian package "chromium" (about 20 s)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'Chromium was not found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary. ' +
      'Branded Google Chrome ignores --load-extension, so it cannot run these tests.',
  );
}
