import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MissionList, missionListView, MissionReport, missionView } from '../../contract/missions.ts';
import { exampleMission } from '../../workbench/missions.ts';
import type { ApiDeps } from '../deps.ts';
import { tableNow } from '../respond.ts';
import { fileBody, fileErrors, FormatQuery, LadParam, tableResponse, TaxonomyParam } from '../schemas.ts';
import { fileOf } from './body.ts';

const query = z.object({ area: LadParam, taxonomy: TaxonomyParam, format: FormatQuery });

const list = createRoute({
  method: 'get',
  path: '/api/v1/missions',
  summary:
    'The example missions shipped with Strata (each marked EXAMPLE: replace them), with their goals and files',
  request: { query: z.object({ format: FormatQuery }) },
  responses: tableResponse(MissionList, 'Example missions'),
});

const example = createRoute({
  method: 'get',
  path: '/api/v1/missions/{id}',
  summary:
    'Status of an example mission for every local authority and the nation, with each rule, P(on track) and the roll-up',
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[a-z0-9-]{1,80}$/)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'decarbonisation' }),
    }),
    query,
  },
  responses: tableResponse(MissionReport, 'Mission status'),
});

const post = createRoute({
  method: 'post',
  path: '/api/v1/missions/status',
  summary:
    'Status of the mission in the body (a mission file as JSON); schema errors name the path in the file',
  request: {
    query,
    body: fileBody('a mission: id, title, goal, indicators with unit, baseline, target, rule', {
      id: 'my-mission',
      title: 'Net zero',
      goal: 'Emissions on a straight line to zero',
      indicators: [
        {
          id: 'greenhouse-gas-emissions',
          unit: 'Tonnes of CO2 equivalent',
          baseline: { year: 2005 },
          target: { year: 2050, value: 0 },
        },
      ],
    }),
  },
  responses: { ...tableResponse(MissionReport, 'Mission status'), ...fileErrors },
});

export function missionRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(list, (c) => responses.table(c, 'missions', async () => wb.missions(), missionListView));
  app.openapi(example, (c) => {
    const { id } = c.req.valid('param');
    const { area, taxonomy } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    return responses.table(
      c,
      `mission|${id}|${area ?? ''}|${t.id}`,
      () => wb.missionStatus(exampleMission(id), area ? { area } : {}, t),
      missionView,
    );
  });
  app.openapi(post, async (c) => {
    const { area, taxonomy } = c.req.valid('query');
    const file = await fileOf(c);
    const r = await wb.missionStatus(file, area ? { area } : {}, wb.taxonomy(taxonomy));
    return tableNow(c, r, missionView);
  });
}
