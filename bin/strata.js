#!/usr/bin/env node
// The `strata` command. Runs the compiled code in lib/ (`npm run build`; `npm start` and
// `npm install` build it); in a clone whose src/ has changed since that build it runs the
// TypeScript sources through tsx instead, so a stale build is never run.
import { existsSync, readdirSync, statSync } from 'node:fs';

// A closed pipe (`strata layers | head`) is a normal way to stop reading, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const root = new URL('../', import.meta.url).pathname;
const stamp = root + 'lib/build-info.json';

/** The newest modification time under `dir` (the web app's sources aside: they build to dist/web). */
function newest(dir) {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = dir + '/' + e.name;
    if (e.isDirectory()) {
      if (path !== root + 'src/web') t = Math.max(t, newest(path));
    } else t = Math.max(t, statSync(path).mtimeMs);
  }
  return t;
}

const built =
  existsSync(stamp) && (!existsSync(root + 'src') || statSync(stamp).mtimeMs >= newest(root + 'src'));
let main;
if (built) ({ main } = await import('../lib/cli/main.js'));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
