// The authorisation matrix: which roles may call each route, read from data
// (data/civic/authorisation.json) so it can be reviewed and tested as a table.
import { readFileSync } from 'node:fs';
import { ROLES, type Role } from '../store/tables.ts';

export const MATRIX_FILE = new URL('../../../data/civic/authorisation.json', import.meta.url).pathname;

/** Route key (`METHOD /path/{param}`) → the roles allowed. */
export type Matrix = ReadonlyMap<string, ReadonlySet<Role>>;

/** Reads and checks a matrix file: known roles only, every route naming at least one. */
export function loadMatrix(file = MATRIX_FILE): Matrix {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { routes: Record<string, string[]> };
  const out = new Map<string, ReadonlySet<Role>>();
  for (const [key, roles] of Object.entries(raw.routes)) {
    if (!/^(GET|POST|PUT|PATCH|DELETE) \/\S*$/.test(key))
      throw new Error(`invalid route key in ${file}: ${key}`);
    for (const r of roles)
      if (!(ROLES as readonly string[]).includes(r)) throw new Error(`invalid role in ${file}: ${r}`);
    if (roles.length === 0) throw new Error(`route with no role in ${file}: ${key}`);
    out.set(key, new Set(roles as Role[]));
  }
  return out;
}

/** Whether `role` may call the route; a route missing from the matrix is refused to everyone. */
export function allowed(matrix: Matrix, key: string, role: Role): boolean {
  return matrix.get(key)?.has(role) ?? false;
}
