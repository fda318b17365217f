// The browser tests drive the Chromium the app itself prints PDFs with (src/core/chromium.ts).
export { CHROMIUM_ARGS, chromiumPath, npmChromium, SYSTEM_CHROMIUM } from '../../src/core/chromium.ts';
