#!/usr/bin/env node
// The `strata` command: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

// A closed pipe (`strata layers | head`) is a normal way to stop reading, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
