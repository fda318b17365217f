// The build's identity: the package version and the commit the code came from.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url);
/** Written by `npm run build` beside the compiled code (lib/build-info.json); absent when run from src/. */
const BUILD_INFO = new URL('../build-info.json', import.meta.url);

/** `strata 0.1.0 (commit 1a2b3c4d5e6f)`: the package version and the commit the code came from. */
export function versionLine(): string {
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
  return `strata ${pkg.version} (commit ${commit()})`;
}

function commit(): string {
  try {
    return (JSON.parse(readFileSync(BUILD_INFO, 'utf8')) as { commit: string }).commit;
  } catch {
    return gitCommit(ROOT.pathname) ?? 'unknown';
  }
}

/** The checkout's commit, `-dirty` when files differ from it; null outside a git checkout. */
export function gitCommit(dir: string): string | null {
  try {
    const out = execFileSync('git', ['-C', dir, 'describe', '--always', '--dirty', '--abbrev=12'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}
