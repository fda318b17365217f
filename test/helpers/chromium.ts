// Which Chromium the browser tests drive: the system's (Debian's /usr/bin/chromium, or the one
// STRATA_CHROMIUM names), else the build distributed through npm (@sparticuz/chromium, unpacked
// into the temporary folder on first use), so `npm test` runs every browser test on a machine
// with only Node and npm. STRATA_CHROMIUM=/nonexistent forces the npm build.
import { existsSync } from 'node:fs';

/** Where the system Chromium is looked for. */
export const SYSTEM_CHROMIUM = process.env.STRATA_CHROMIUM || '/usr/bin/chromium';

/** The flags every launch uses (DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The npm-distributed Chromium's executable (unpacked on first use). */
export async function npmChromium(): Promise<string> {
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

/** The system Chromium when there is one, else npm's. */
export async function chromiumPath(): Promise<string> {
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : npmChromium();
}
