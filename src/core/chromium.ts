// Which Chromium prints reports to PDF and drives the browser tests: the system's (Debian's
// /usr/bin/chromium, or the one STRATA_CHROMIUM names), else the build distributed through npm
// (@sparticuz/chromium, a development dependency unpacked into the temporary folder on first use),
// so a clone with only Node and npm can print and test; a release install without it says how to
// get a Chromium. STRATA_CHROMIUM=/nonexistent forces the npm build.
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

/** No Chromium on this machine: the message says how to get one. */
export class NoChromium extends Error {
  override readonly name = 'NoChromium';
}

/** The npm-distributed Chromium's executable (unpacked on first use). */
export async function npmChromium(): Promise<string> {
  let mod: { default: { executablePath(): Promise<string> } };
  try {
    mod = (await import('@sparticuz/chromium')) as typeof mod;
  } catch {
    throw new NoChromium(
      `no Chromium: none at ${SYSTEM_CHROMIUM} and the package @sparticuz/chromium (installed with the development dependencies) is absent. ` +
        'Install Chromium (apt-get install chromium), name one with STRATA_CHROMIUM=/path/to/chromium, or npm install @sparticuz/chromium',
    );
  }
  return mod.default.executablePath();
}

/** The system Chromium when there is one, else npm's. */
export async function chromiumPath(): Promise<string> {
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : npmChromium();
}
