// The analytics routes (everything under /api/v1 but civic), one module per concept; each
// answer's schema lives in contract/ and its computation in the workbench.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiDeps } from '../deps.ts';
import { accountabilityRoutes } from './accountability.ts';
import { areaRoutes } from './areas.ts';
import { compareRoutes } from './compare.ts';
import { compositeRoutes } from './composite.ts';
import { datasetRoutes } from './datasets.ts';
import { entitlementRoutes } from './entitlements.ts';
import { financeRoutes } from './finance.ts';
import { franchiseRoutes } from './franchise.ts';
import { genderRoutes } from './gender.ts';
import { indicatorRoutes } from './indicators.ts';
import { ioRoutes } from './io.ts';
import { layerRoutes } from './layers.ts';
import { missionRoutes } from './missions.ts';
import { registryRoutes } from './registry.ts';
import { reportRoutes } from './reports.ts';
import { scenarioRoutes } from './scenarios.ts';
import { taxonomyRoutes } from './taxonomies.ts';

/** Registers every analytics route, in the order the OpenAPI document lists them. */
export function analyticsRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  areaRoutes(app, deps);
  layerRoutes(app, deps);
  indicatorRoutes(app, deps);
  datasetRoutes(app, deps);
  ioRoutes(app, deps);
  taxonomyRoutes(app, deps);
  registryRoutes(app, deps);
  compareRoutes(app, deps);
  compositeRoutes(app, deps);
  missionRoutes(app, deps);
  entitlementRoutes(app, deps);
  genderRoutes(app, deps);
  scenarioRoutes(app, deps);
  financeRoutes(app, deps);
  franchiseRoutes(app, deps);
  accountabilityRoutes(app, deps);
  reportRoutes(app, deps);
}
