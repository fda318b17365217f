import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AREA_LEVELS } from '../../core/levels.ts';
import { AreaGroupProfile, MAX_GROUP_AREAS } from '../../contract/area-group.ts';
import { AreaList, areaListView, AreaProfile } from '../../contract/areas.ts';
import { groupFromList } from '../../workbench/area-group.ts';
import type { ApiDeps } from '../deps.ts';
import {
  AreaCode,
  codeList,
  fileBody,
  fileErrors,
  FormatQuery,
  jsonResponse,
  tableResponse,
  TaxonomyParam,
} from '../schemas.ts';
import { fileOf } from './body.ts';

const list = createRoute({
  method: 'get',
  path: '/api/v1/areas',
  summary: 'List or search areas by level, name or code',
  request: {
    query: z.object({
      level: z.enum(AREA_LEVELS).optional(),
      q: z.string().max(100).optional().openapi({ description: 'part of a name, or the start of a code' }),
      year: z.coerce
        .number()
        .int()
        .min(1990)
        .max(2100)
        .optional()
        .openapi({ description: 'only codes valid in this year' }),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(AreaList, 'Areas'),
});

const profile = createRoute({
  method: 'get',
  path: '/api/v1/areas/{code}',
  summary:
    'The profile of one area: layered economy over time, specialisations, real growth, headline indicators',
  request: {
    params: z.object({ code: AreaCode }),
    query: z.object({ taxonomy: TaxonomyParam }),
  },
  responses: jsonResponse(AreaProfile, 'Area profile'),
});

const GROUP_SUMMARY = `The profile of a custom group of areas (2 to ${MAX_GROUP_AREAS} districts and combined authorities, or ITL areas of one level), summed: £ add up, shares are GVA-weighted, LQs against the UK, England and the UK beside it`;

const groupList = createRoute({
  method: 'get',
  path: '/api/v1/areas/group',
  summary: `${GROUP_SUMMARY}; the group as a URL list`,
  request: {
    query: z.object({
      areas: codeList.openapi({ description: 'comma-separated codes', example: 'E06000001,E06000004' }),
      name: z.string().trim().min(1).max(80).openapi({ description: 'what to call the group' }),
      taxonomy: TaxonomyParam,
    }),
  },
  responses: jsonResponse(AreaGroupProfile, 'Group profile'),
});

const groupFile = createRoute({
  method: 'post',
  path: '/api/v1/areas/group',
  summary: `${GROUP_SUMMARY}; the group file (name, description, areas) in the body`,
  request: {
    query: z.object({ taxonomy: TaxonomyParam }),
    body: fileBody('a group: name, optional description, areas', {
      name: 'Coastal towns',
      areas: ['E06000001', 'E06000002', 'E06000003'],
    }),
  },
  responses: { ...jsonResponse(AreaGroupProfile, 'Group profile'), ...fileErrors },
});

export function areaRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(list, (c) => {
    const { format: _format, ...q } = c.req.valid('query');
    return responses.table(c, `areas|${JSON.stringify(q)}`, () => wb.areas(q), areaListView);
  });
  // registered before /areas/{code}, which would take `group` for a code
  app.openapi(groupList, (c) => {
    const { areas, name, taxonomy } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    const list = areas.split(',').filter(Boolean);
    return responses.json(c, `group|${list.join(',')}|${name}|${t.id}`, () =>
      wb.groupProfile(groupFromList(list, name), t),
    );
  });
  app.openapi(groupFile, async (c) => {
    const file = await fileOf(c);
    const t = wb.taxonomy(c.req.valid('query').taxonomy);
    return responses.json(c, `group-file|${JSON.stringify(file.value)}|${t.id}`, () =>
      wb.groupProfile(file, t),
    );
  });
  app.openapi(profile, (c) => {
    const { code } = c.req.valid('param');
    const t = wb.taxonomy(c.req.valid('query').taxonomy);
    return responses.json(c, `profile|${code}|${t.id}`, () => wb.profile(code, t));
  });
}
