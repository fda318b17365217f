import type { CivicService } from '../civic/service.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Store } from '../workbench.ts';
import type { TrustProxy } from './client-address.ts';
import type { CostlyLimits } from './limits.ts';

/** What the routes need: the open store and a taxonomy by id (built-in ones only: no file paths over HTTP). */
export interface ApiDeps {
  store: Store;
  taxonomy: (id?: string) => Taxonomy;
  /** Folder of the built web app, or null when it has not been built. */
  webDir: string | null;
  /** The civic store's service (consultations, ballots); the civic routes answer 503 without it. */
  civic?: CivicService;
  /** The proxies in front of the server whose X-Forwarded-For is believed (none by default). */
  trustProxy?: TrustProxy | null;
  /** Limits on the costly analysis routes (limits.ts; default COSTLY_LIMITS). */
  costly?: CostlyLimits;
}
