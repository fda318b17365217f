#!/usr/bin/env node
// `npm start [-- --pack DIR]`: installs what is needed, imports the data pack (or fetches it
// from the publishers), shows the national layered overview, then serves the app. The server,
// CLI and web app are compiled first when lib/ or dist/web is missing or older than src/.
import { spawnSync } from 'node:child_process';

const step = (cmd, args) => {
  const res = spawnSync(cmd, args, { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
};
step(process.execPath, ['scripts/ensure-deps.js']);
step(process.execPath, ['scripts/build.js']);
step(process.execPath, ['bin/strata.js', 'start', ...process.argv.slice(2)]);
