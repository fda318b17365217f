// Match rates three ways (suppliers, payments, £), because they differ widely: a supplier
// count is dominated by small payees, a value share by a few large ones.

export interface RateInput {
  matched: boolean;
  rows: number;
  pence: number;
}

export interface Rate {
  matched: number;
  total: number;
  /** matched / total, or null when total is zero. */
  rate: number | null;
}

export interface MatchRates {
  by_suppliers: Rate;
  by_payments: Rate;
  by_value: Rate;
}

function rate(matched: number, total: number): Rate {
  return { matched, total, rate: total === 0 ? null : matched / total };
}

/** Rates over the payees given: by count, by payment lines and by net pence. */
export function matchRates(payees: readonly RateInput[]): MatchRates {
  let s = 0;
  let rows = 0;
  let rowsAll = 0;
  let pence = 0;
  let penceAll = 0;
  for (const p of payees) {
    rowsAll += p.rows;
    penceAll += p.pence;
    if (!p.matched) continue;
    s++;
    rows += p.rows;
    pence += p.pence;
  }
  return {
    by_suppliers: rate(s, payees.length),
    by_payments: rate(rows, rowsAll),
    by_value: rate(pence, penceAll),
  };
}
