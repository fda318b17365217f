import type { industryTree } from './industry-tree.ts';
import { sqlString } from './reader.ts';
import type { Staging } from './staging-sql.ts';

/** Published-total checks left in SQL: the SELECT that yields them, how many, and the warnings. */
export interface SqlChecks {
  select: string;
  count: number;
  warnings: string[];
}

/** No published totals to check. */
export const NO_CHECKS: SqlChecks = {
  select: 'SELECT NULL, NULL, NULL, NULL WHERE false',
  count: 0,
  warnings: [],
};

/**
 * gva-itl3.ts `hierarchyChecks` in SQL over `rows` (columns `ord, areacd, period, industry,
 * value`, `ord` the order the reference meets the values in): each parent against the sum of its
 * children, summed in the reference's order, kept in a staged table. Warnings for those outside
 * rounding come in the reference's order: areas, then years, as first met, then the tree's order.
 */
export async function hierarchyChecksSql(
  staging: Staging,
  rows: string,
  tree: ReturnType<typeof industryTree>,
  file: string,
): Promise<SqlChecks> {
  const order = [...tree.keys()];
  const parents = [...tree.values()].filter((n) => n.children.length > 0);
  if (parents.length === 0) return NO_CHECKS;
  const edges = parents.flatMap((n, p) =>
    n.children.map(
      (c, k) =>
        `(${sqlString(n.code)}, ${sqlString(c)}, ${k}, ${order.indexOf(c)}, ${p}, ${n.children.length})`,
    ),
  );
  const widest = Math.max(...parents.map((n) => n.children.length));
  // The children's values by position, then added left to right from 0 as the reference adds them
  // (a missing child makes the group incomplete, so a NULL never reaches the sum).
  const slots = Array.from(
    { length: widest },
    (_, k) => `first(cp.value) FILTER (WHERE e.k = ${k}) AS v${k}`,
  );
  const sum = Array.from({ length: widest }, (_, k) => `coalesce(v${k}, 0.0)`).reduce(
    (a, b) => `(${a} + ${b})`,
    '0.0::DOUBLE',
  );
  const table = staging.name('checks');
  await staging.sql.run(
    `CREATE TEMP TABLE ${table} AS
     WITH e(parent, child, k, child_ord, parent_ord, n) AS (VALUES ${edges.join(', ')}),
     cp AS (SELECT ord, areacd, period, industry, value FROM ${rows}),
     kids AS (SELECT cp.areacd, cp.period, e.parent, e.parent_ord, e.n, ${slots.join(', ')},
                     count(cp.value) AS present
                FROM cp JOIN e ON e.child = cp.industry GROUP BY cp.areacd, cp.period, e.parent, e.parent_ord, e.n),
     af AS (SELECT areacd, min(ord) AS f FROM cp GROUP BY 1),
     yf AS (SELECT areacd, period, min(ord) AS f FROM cp GROUP BY 1, 2)
     SELECT concat_ws(' ', kids.areacd, CAST(kids.period AS BIGINT), kids.parent) AS name, p.value AS expected,
            ${sum} AS actual, 0.5 * (kids.n + 1) AS tolerance, af.f AS area_first, yf.f AS year_first, kids.parent_ord
       FROM kids JOIN cp p ON p.areacd = kids.areacd AND p.period = kids.period AND p.industry = kids.parent
       JOIN af ON af.areacd = kids.areacd JOIN yf ON yf.areacd = kids.areacd AND yf.period = kids.period
      WHERE p.value IS NOT NULL AND kids.present = kids.n`,
  );
  const [{ n }] = await staging.sql.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${table}`);
  const off = await staging.sql.all<{ name: string; expected: number; actual: number }>(
    `SELECT name, expected, actual FROM ${table} WHERE abs(actual - expected) > tolerance
      ORDER BY area_first, year_first, parent_ord`,
  );
  return {
    select: `SELECT name, expected, actual, tolerance FROM ${table}`,
    count: Number(n),
    warnings: off.map(
      (c) => `${file}: ${c.name}: children sum to ${c.actual}, published parent ${c.expected}`,
    ),
  };
}
