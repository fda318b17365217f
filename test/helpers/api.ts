import { createApp } from '../../src/api/app.ts';
import type { Workbench } from '../../src/workbench.ts';

/** The whole application in-process over a workbench (no port): `app.request(url)`. */
export function appOver(workbench: Workbench, webDir: string | null = null) {
  return createApp({ workbench, webDir });
}

/** A response body as JSON, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Response): Promise<any> {
  return res.json();
}
