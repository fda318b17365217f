import { createApp } from '../../src/api/app.ts';
import { taxonomyById, type Store } from '../../src/workbench.ts';

/** The whole application in-process over a store (no port): `app.request(url)`. */
export function appOver(store: Store, webDir: string | null = null) {
  return createApp({ store, taxonomy: taxonomyById, webDir });
}

/** A response body as JSON, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Response): Promise<any> {
  return res.json();
}
