// One page of a body's suppliers, chosen on the server so the Procurement page and API clients
// fetch tens of rows, not the thousands a council pays: search words, a condition's status, a
// sort (missing values last, ties by rank) and a window of at most SUPPLIER_PAGE_CAP rows.
import { UsageError } from '../core/errors.ts';
import type { SupplierConditions, SupplierSort } from '../contract/franchise.ts';

/** The most rows one JSON answer holds; a CSV download may take up to SUPPLIER_CSV_CAP. */
export const SUPPLIER_PAGE_CAP = 500;
export const SUPPLIER_CSV_CAP = 20_000;

export interface SupplierPageQuery {
  search?: string;
  condition?: string;
  status?: 'meets' | 'fails' | 'unknown';
  /** Only suppliers with a gender pay gap return. */
  gap?: boolean;
  sort: SupplierSort;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const sortValue = (x: SupplierConditions, k: SupplierSort): number | string | null =>
  k === 'meets' ? x.meets.length : x[k];

function compare(k: SupplierSort, sign: number) {
  return (a: SupplierConditions, b: SupplierConditions): number => {
    const [x, y] = [sortValue(a, k), sortValue(b, k)];
    if (x === null || y === null) return x === y ? a.rank - b.rank : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return sign * c || a.rank - b.rank;
  };
}

/** The rows a query selects, and how many matched before the window was taken. */
export function supplierPage(
  all: readonly SupplierConditions[],
  conditionIds: readonly string[],
  q: SupplierPageQuery,
): { rows: SupplierConditions[]; matched: number } {
  if (q.condition && !conditionIds.includes(q.condition))
    throw new UsageError(`invalid condition: ${q.condition} (one of ${conditionIds.join(', ')})`);
  if (q.status && !q.condition) throw new UsageError(`invalid status: ${q.status} needs a condition`);
  const words = (q.search ?? '').trim().toLowerCase();
  const kept = all.filter(
    (x) =>
      (!words || x.supplier.toLowerCase().includes(words) || x.payee_names.toLowerCase().includes(words)) &&
      (!q.condition || !q.status || x[q.status].includes(q.condition)) &&
      (!q.gap || x.gpg_median !== null),
  );
  const sorted = kept.sort(compare(q.sort, q.order === 'desc' ? -1 : 1));
  return { rows: sorted.slice(q.offset, q.offset + q.limit), matched: sorted.length };
}
