// Totals that reconcile to the penny: integer pence summed by month, by file and by payee class.

/** A line as totals need it. */
export interface Amount {
  pence: number;
  /** ISO date. */
  date: string;
  file: string;
  counted: boolean;
}

export interface Total {
  rows: number;
  pence: number;
}

export interface Reconciliation {
  /** Every line as published. */
  published: Total;
  /** Lines counted under the duplicates rule. */
  counted: Total;
  /** Lines set aside as duplicates (published = counted + duplicates, to the penny). */
  duplicates: Total;
  byMonth: ({ month: string } & Total)[];
  byFile: ({ file: string } & Total)[];
}

function bump(m: Map<string, Total>, k: string, pence: number): void {
  const t = m.get(k);
  if (t) {
    t.rows++;
    t.pence += pence;
  } else m.set(k, { rows: 1, pence });
}

/** Published, counted and duplicate totals, by payment month and by file (published lines). */
export function reconcile(lines: readonly Amount[]): Reconciliation {
  const published = { rows: 0, pence: 0 };
  const counted = { rows: 0, pence: 0 };
  const months = new Map<string, Total>();
  const files = new Map<string, Total>();
  for (const l of lines) {
    published.rows++;
    published.pence += l.pence;
    if (l.counted) {
      counted.rows++;
      counted.pence += l.pence;
    }
    bump(months, l.date.slice(0, 7), l.pence);
    bump(files, l.file, l.pence);
  }
  const sorted = <K extends string>(m: Map<string, Total>, k: K) =>
    [...m]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, t]) => ({ [k]: key, ...t }) as { [P in K]: string } & Total);
  return {
    published,
    counted,
    duplicates: { rows: published.rows - counted.rows, pence: published.pence - counted.pence },
    byMonth: sorted(months, 'month'),
    byFile: sorted(files, 'file'),
  };
}

/** Totals of counted lines by a key (a payee class, a service, a layer), largest first. */
export function totalsBy<T>(
  items: readonly T[],
  key: (t: T) => string,
  pence: (t: T) => number,
): ({ key: string } & Total)[] {
  const m = new Map<string, Total>();
  for (const t of items) bump(m, key(t), pence(t));
  return [...m]
    .map(([k, t]) => ({ key: k, ...t }))
    .sort((a, b) => b.pence - a.pence || a.key.localeCompare(b.key));
}
