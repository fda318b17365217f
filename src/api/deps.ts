import type { CivicService } from '../civic/service.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { PdfPrinter, Store, Workbench } from '../workbench.ts';
import type { TrustProxy } from './client-address.ts';
import type { CostlyLimits } from './limits.ts';
import type { Responses } from './respond.ts';

/** What the app is built over: the workbench, the built web app's folder, the civic service. */
export interface AppConfig {
  workbench: Workbench;
  /** Folder of the built web app, or null when it has not been built. */
  webDir: string | null;
  /** The civic store's service (consultations, ballots); the civic routes answer 503 without it. */
  civic?: CivicService;
  /** The proxies in front of the server whose X-Forwarded-For is believed (none by default). */
  trustProxy?: TrustProxy | null;
  /** Limits on the costly analysis routes (limits.ts; default COSTLY_LIMITS). */
  costly?: CostlyLimits;
  /** The printer of reports to PDF kept across requests (its owner closes it); without one, each request starts and ends a browser. */
  printer?: PdfPrinter;
}

/** What the routes need: the app's config and its prepared responses. */
export interface ApiDeps extends AppConfig {
  responses: Responses;
  /** The workbench's store and built-in taxonomies, for the civic routes until they take `workbench`. */
  readonly store: Store;
  taxonomy: (id?: string) => Taxonomy;
}
