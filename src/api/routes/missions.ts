import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  exampleMission,
  exampleMissions,
  fromValue,
  missionRows,
  missionStatus,
  readDataFile,
} from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendTable } from '../respond.ts';
import { FormatQuery, LadParam, tableResponse, TaxonomyParam } from '../schemas.ts';
import { fileBody, fileErrors, jsonBody, registry, respond, withIssues } from './beyond-shared.ts';

const Report = z
  .object({
    mission: z.object({
      id: z.string(),
      title: z.string(),
      goal: z.string(),
      example: z.boolean(),
      source: z.string(),
      statusRule: z.string(),
    }),
    areas: z.array(
      z.object({
        areacd: z.string(),
        areanm: z.string(),
        track: z.string(),
        indicators: z.array(z.object({}).passthrough()),
      }),
    ),
    national: z.object({}).passthrough(),
    rollup: z.object({}).passthrough(),
    notes: z.array(z.string()),
  })
  .openapi('MissionReport');

const query = z.object({
  area: LadParam,
  taxonomy: TaxonomyParam,
  format: FormatQuery,
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/missions',
  summary:
    'The example missions shipped with Strata (each marked EXAMPLE: replace them), with their goals and files',
  request: { query: z.object({ format: FormatQuery }) },
  responses: tableResponse(z.object({ missions: z.array(z.object({}).passthrough()) }), 'Example missions'),
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
  responses: tableResponse(Report, 'Mission status'),
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
  responses: { ...tableResponse(Report, 'Mission status'), ...fileErrors },
});

export function missionRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(
    list,
    (c) =>
      sendTable(c, 'missions', async () => {
        const missions = exampleMissions().map((m) => {
          const v = readDataFile(m.path).value as { title?: string; goal?: string };
          return { id: m.id, title: v.title ?? m.id, goal: v.goal ?? '', example: true };
        });
        return { json: { missions }, rows: missions };
      }) as never,
  );
  app.openapi(example, (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendTable(c, `mission|${id}|${q.area ?? ''}|${taxonomy.id}`, async () => {
      const file = exampleMission(id);
      const r = await missionStatus(deps.store, registry(), taxonomy, file, q.area ? { area: q.area } : {});
      return { json: r, ...missionRows(r) };
    }) as never;
  });
  app.openapi(post, async (c) => {
    const q = c.req.valid('query');
    const body = await jsonBody(c);
    const taxonomy = deps.taxonomy(q.taxonomy);
    const r = await withIssues(() =>
      missionStatus(
        deps.store,
        registry(),
        taxonomy,
        fromValue(body, 'request body'),
        q.area ? { area: q.area } : {},
      ),
    );
    return respond(c, r, missionRows(r)) as never;
  });
}
