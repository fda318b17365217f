// Results over HTTP, after the close: the outcome under the published rule with the
// representativeness report beside it, the anonymised log for anyone to verify, the pabulib
// export; the interim tally for staff; and the evidence each ballot page shows.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { formatOutcome, type CivicService } from '../../civic/service.ts';
import { areaPopulation, areaProfile } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { isStaff } from './consultations.ts';
import { actorOf, civicRoute, valid } from './guard.ts';
import {
  civicErrors,
  civicJson,
  Evidence,
  HEADS_PAGE,
  IdParam,
  InterimTally,
  ResultsBody,
} from './schemas.ts';

const P = '/api/v1/civic/consultations/{id}';
const params = z.object({ id: IdParam });
const text = (description: string, type: string) => ({
  200: { description, content: { [type]: { schema: z.string() } } },
  ...civicErrors,
});

const routes = {
  results: createRoute({
    method: 'get',
    path: `${P}/results`,
    summary: 'The result after the close, with post-stratified weights beside it and how to verify it',
    request: { params },
    responses: civicJson(ResultsBody, 'The result'),
  }),
  exportLog: createRoute({
    method: 'get',
    path: `${P}/export`,
    summary: 'The anonymised ballot log after the close (JSON Lines; `strata civic verify FILE` checks it)',
    request: { params },
    responses: text('The log', 'application/x-ndjson'),
  }),
  pabulib: createRoute({
    method: 'get',
    path: `${P}/pabulib`,
    summary: 'A closed participatory budget as a pabulib .pb file (voters as pseudonyms)',
    request: { params },
    responses: text('The .pb file', 'text/plain'),
  }),
  tally: createRoute({
    method: 'get',
    path: `${P}/tally`,
    summary: 'The tally so far of a running consultation (analysts and administrators; audited)',
    request: { params },
    responses: civicJson(InterimTally, 'The interim tally'),
  }),
  evidence: createRoute({
    method: 'get',
    path: `${P}/evidence`,
    summary:
      'The evidence behind the options: the area’s layered economy and headline indicators with intervals',
    request: { params },
    responses: civicJson(Evidence, 'The evidence'),
  }),
};

/** The steps anyone can follow to check a result. */
export function verifySteps(id: string, head: { hash: string; count: number }, rule: string): string[] {
  return [
    `Download the anonymised log: /api/v1/civic/consultations/${id}/export (or run: strata civic export ${id} --out ${id}.jsonl).`,
    `Download the signed head series published while voting ran: /api/v1/civic/consultations/${id}/heads (save it as ${id}-heads.json; a long series comes in pages of up to ${HEADS_PAGE} entries: while a page's next is a number, fetch ?after=next and save that page too), and the signing key: /api/v1/civic/heads/keys.`,
    `Run: strata civic verify ${id}.jsonl --heads ${id}-heads.json [further pages in order] --key FINGERPRINT — it checks every signature and that every head published while voting ran is in the log at its count. That shows the log was not rewritten after a head only for heads you (or someone you trust) saved while voting ran, signed by a key whose fingerprint was published before voting opened: the organiser holds the key and could sign a new series for a rewritten log afterwards. The final head is ${head.hash} after ${head.count} entr${head.count === 1 ? 'y' : 'ies'}.`,
    `It recomputes every hash from the published consultation, then the tally with the published rule (${rule}), and prints the same result; any changed, removed, reordered or inserted entry is named.`,
  ];
}

/** The result with its representativeness report (null where the store has no population for the area). */
export async function resultsFor(deps: ApiDeps, svc: CivicService, id: string) {
  const r = await svc.results(id);
  const population = await areaPopulation(deps.store, r.stored.meta.area).catch(() => null);
  const rep = population
    ? {
        ...(await svc.representativeness(id, population.cells)),
        source: population.source,
        year: population.year,
      }
    : null;
  return {
    consultation: r.consultation,
    head: r.head,
    counted: r.counted,
    outcome: r.outcome,
    lines: r.outcome
      ? formatOutcome(r.outcome, r.consultation)
      : ['no outcome: the rule cannot tally the ballots cast'],
    representativeness: rep,
    verify: verifySteps(id, r.head, r.consultation.rule),
  };
}

/** The evidence panel of an area: layer shares in the latest year and headline indicators with intervals. */
export async function evidenceFor(deps: ApiDeps, area: string) {
  try {
    const p = await areaProfile(deps.store, area, deps.taxonomy());
    const year = p.layers.years.at(-1)!;
    return {
      area: p.area.areanm,
      areacd: area,
      taxonomy: p.taxonomy,
      layers: {
        year,
        source: p.layers.source,
        rows: p.layers.rows
          .filter((r) => r.year === year)
          .map(({ layer, value, share, lq }) => ({ layer, value, share, lq })),
      },
      indicators: p.indicators.map(
        ({ indicator, label, period, unit, value, lci95, uci95, source, comparators }) => ({
          indicator,
          label,
          period,
          unit,
          value,
          lci95,
          uci95,
          source,
          comparators: comparators.map(({ areanm, value: v, lci95: l, uci95: u }) => ({
            areanm,
            value: v,
            lci95: l,
            uci95: u,
          })),
        }),
      ),
      notes: [
        'Strata’s models do not estimate what each project would change; the option notes come from the organiser.',
      ],
    };
  } catch {
    // the reason (a dataset not imported, …) is for the operator, not for a public page
    return {
      area,
      areacd: area,
      layers: null,
      indicators: [],
      notes: ['No evidence for this area is in the store yet.'],
    };
  }
}

/** Registers the results routes. */
export function civicResultRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const id = (c: Context) => valid<{ id: string }>(c, 'param').id;
  civicRoute(app, deps, routes.results, async (c, req) => c.json(await resultsFor(deps, req.svc, id(c))));
  civicRoute(app, deps, routes.exportLog, async (c, req) => {
    const body = await req.svc.exportLog(id(c));
    return c.body(body, 200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="${id(c)}.jsonl"`,
    });
  });
  civicRoute(app, deps, routes.pabulib, async (c, req) => {
    const body = await req.svc.exportPabulib(id(c));
    return c.body(body, 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${id(c)}.pb"`,
    });
  });
  civicRoute(app, deps, routes.tally, async (c, req) =>
    c.json(await req.svc.interimTally(actorOf(req), id(c))),
  );
  civicRoute(app, deps, routes.evidence, async (c, req) => {
    const s = await req.svc.consultation(id(c), isStaff(req.role));
    return c.json(await evidenceFor(deps, s.meta.area));
  });
}
