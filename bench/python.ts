// The interpreter every numpy or pandas baseline runs with: Debian's /usr/bin/python3 with
// python3-numpy and python3-pandas, as CI has them — not whichever python3 comes first on PATH
// (a pyenv or virtualenv one may carry another numpy, and the ratios would not compare).
import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

/** PYTHON, after checking that it imports `modules`; throws naming the Debian packages otherwise. */
export function python(...modules: string[]): string {
  const r = spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `${PYTHON} cannot import ${modules.join(', ')} (apt install python3-numpy python3-pandas): ${r.stderr ?? r.error?.message}`,
    );
  return PYTHON;
}
