import { list, query, queryColumns, type Store } from './db.ts';

/** Keys of the lines already stored for bodies, with where each was first seen (for the duplicates rule). */
export async function storedLineKeys(
  store: Store,
  bodies: readonly string[],
): Promise<Map<string, { file: string; line: number }>> {
  const c = await queryColumns(
    store,
    `SELECT s.line_key, arg_min(f.file, (s.file_id, s.line)) AS file, arg_min(s.line, (s.file_id, s.line)) AS line
       FROM franchise_spend s JOIN franchise_files f ON f.id = s.file_id
      WHERE list_contains(coalesce(?, []::VARCHAR[]), s.body) GROUP BY s.line_key`,
    [list(bodies)],
  );
  const keys = c.line_key as string[];
  const out = new Map<string, { file: string; line: number }>();
  keys.forEach((k, i) => out.set(k, { file: c.file![i] as string, line: c.line![i] as number }));
  return out;
}

/** A body's payees from its counted lines: totals, first published name, numbers, expense types and services. */
export interface PayeeRow {
  payee_key: string;
  name: string;
  rows: number;
  pence: number;
  company_number: string | null;
  charity_number: string | null;
  expense_types: string[];
  services: string[];
}

export async function payeeRows(store: Store, body: string): Promise<PayeeRow[]> {
  const rows = await query<Record<string, unknown>>(
    store,
    `SELECT payee_key, arg_min(supplier, (file_id, line)) AS name, count(*) AS rows, sum(pence) AS pence,
            min(company_number) AS company_number, min(charity_number) AS charity_number,
            list_sort(list_distinct(list(expense_type))) AS expense_types,
            list_sort(list_distinct(list(service))) AS services
       FROM franchise_spend WHERE body = ? AND counted GROUP BY payee_key ORDER BY payee_key`,
    [body],
  );
  return rows.map((r) => ({
    payee_key: r.payee_key as string,
    name: r.name as string,
    rows: Number(r.rows),
    pence: Number(r.pence),
    company_number: (r.company_number as string | null) ?? null,
    charity_number: (r.charity_number as string | null) ?? null,
    expense_types: ((r.expense_types as (string | null)[]) ?? []).filter((x): x is string => x !== null),
    services: ((r.services as (string | null)[]) ?? []).filter((x): x is string => x !== null),
  }));
}

/** One employer's return, as the franchise engine reads it. */
export interface EmployerReturnRow {
  period: string;
  employer_id: string;
  employer_name: string;
  company_number: string | null;
  postcode: string | null;
  sic_codes: string;
  diff_median_hourly: number | null;
  diff_mean_hourly: number | null;
  employer_size: string;
}

/** Every employer return in the store's current gender pay gap datasets (all reporting years). */
export async function employerReturns(store: Store): Promise<EmployerReturnRow[]> {
  const c = await queryColumns(
    store,
    `SELECT g.period, g.employer_id, g.employer_name, g.company_number, g.postcode, coalesce(g.sic_codes, '') AS sic_codes,
            g.diff_median_hourly, g.diff_mean_hourly, g.employer_size
       FROM gpg_employers g JOIN current_datasets d ON d.id = g.dataset_id ORDER BY g.period, g.employer_id`,
  );
  const n = (c.period ?? []).length;
  const out: EmployerReturnRow[] = new Array(n);
  for (let i = 0; i < n; i++)
    out[i] = {
      period: c.period![i] as string,
      employer_id: c.employer_id![i] as string,
      employer_name: c.employer_name![i] as string,
      company_number: c.company_number![i] as string | null,
      postcode: c.postcode![i] as string | null,
      sic_codes: c.sic_codes![i] as string,
      diff_median_hourly: c.diff_median_hourly![i] as number | null,
      diff_mean_hourly: c.diff_mean_hourly![i] as number | null,
      employer_size: c.employer_size![i] as string,
    };
  return out;
}

/** Datasets of employer returns in the store: period and whether the download is partial. */
export async function employerPeriods(
  store: Store,
): Promise<{ period: string; source: string; vintage: string }[]> {
  return query(
    store,
    `SELECT DISTINCT g.period, d.source, d.vintage FROM gpg_employers g JOIN current_datasets d ON d.id = g.dataset_id ORDER BY 1`,
  );
}

/** OCDS supplier parties for a body's awards: names, numbers, postcodes (for payees with the same name). */
export async function awardParties(store: Store, body: string) {
  return query<{ payee_key: string; company_number: string | null; postcode: string | null }>(
    store,
    `SELECT payee_key, min(company_number) AS company_number, min(postcode) AS postcode
       FROM franchise_awards WHERE body = ? GROUP BY payee_key`,
    [body],
  );
}

/** The register's recorded events, in order. */
export async function registerHistory(store: Store) {
  return query<{
    event_key: string;
    condition_id: string;
    seq: number;
    at: string;
    status: string;
    detail: string | null;
    title: string | null;
    source: string;
  }>(
    store,
    `SELECT event_key, condition_id, seq, at_time AS at, status, detail, title, source
       FROM franchise_register_history ORDER BY condition_id, seq`,
  );
}

/** Bodies with spend or awards in the store. */
export async function franchiseBodies(store: Store): Promise<string[]> {
  const rows = await query<{ body: string }>(
    store,
    `SELECT DISTINCT body FROM franchise_files WHERE body IS NOT NULL UNION SELECT DISTINCT body FROM franchise_awards WHERE body IS NOT NULL ORDER BY 1`,
  );
  return rows.map((r) => r.body);
}

/** Counted pence and lines of a body by payee, service, expense type and payment month, in a date range. */
export async function spendGroups(store: Store, body: string, from: string, to: string) {
  const c = await queryColumns(
    store,
    `SELECT payee_key, service, expense_type, strftime(date, '%Y-%m') AS month, count(*)::INTEGER AS rows, sum(pence)::BIGINT AS pence
       FROM franchise_spend WHERE body = ? AND counted AND date BETWEEN ?::DATE AND ?::DATE
      GROUP BY ALL ORDER BY ALL`,
    [body, from, to],
  );
  const n = (c.payee_key ?? []).length;
  return Array.from({ length: n }, (_, i) => ({
    payee: c.payee_key![i] as string,
    service: (c.service![i] as string | null) ?? null,
    expenseType: (c.expense_type![i] as string | null) ?? null,
    month: c.month![i] as string,
    rows: c.rows![i] as number,
    pence: Number(c.pence![i] as bigint),
  }));
}

/** Published, counted and duplicate lines and pence of a body, by payment month and by file, in a date range. */
export async function spendReconciliation(store: Store, body: string, from: string, to: string) {
  const rows = await query<{
    file: string;
    month: string;
    rows: bigint;
    pence: bigint;
    counted_rows: bigint;
    counted_pence: bigint;
  }>(
    store,
    `SELECT f.file, strftime(s.date, '%Y-%m') AS month, count(*) AS rows, sum(s.pence)::BIGINT AS pence,
            count(*) FILTER (WHERE s.counted) AS counted_rows, coalesce(sum(s.pence) FILTER (WHERE s.counted), 0)::BIGINT AS counted_pence
       FROM franchise_spend s JOIN franchise_files f ON f.id = s.file_id
      WHERE s.body = ? AND s.date BETWEEN ?::DATE AND ?::DATE GROUP BY ALL ORDER BY ALL`,
    [body, from, to],
  );
  return rows.map((r) => ({
    file: r.file,
    month: r.month,
    rows: Number(r.rows),
    pence: Number(r.pence),
    countedRows: Number(r.counted_rows),
    countedPence: Number(r.counted_pence),
  }));
}

/** A body's payees with their class and match. */
export async function payeesWithMatches(store: Store, body: string) {
  const rows = await query<Record<string, unknown>>(
    store,
    `SELECT p.payee_key, p.name, p.class, p.rule, p.company_number, p.charity_number, p.postcode,
            m.status, m.method, m.employer_id, m.score, m.runner_up_id, m.runner_up_name, m.runner_up_score, m.margin,
            m.corroboration, m.reason, m.candidates
       FROM franchise_payees p JOIN franchise_matches m USING (body, payee_key) WHERE p.body = ? ORDER BY p.payee_key`,
    [body],
  );
  return rows.map((r) => ({
    key: r.payee_key as string,
    name: r.name as string,
    class: r.class as string,
    rule: r.rule as string,
    companyNumber: (r.company_number as string | null) ?? null,
    charityNumber: (r.charity_number as string | null) ?? null,
    postcode: (r.postcode as string | null) ?? null,
    status: r.status as string,
    method: (r.method as string | null) ?? null,
    employerId: (r.employer_id as string | null) ?? null,
    score: (r.score as number | null) ?? null,
    runnerUp: r.runner_up_id
      ? {
          employerId: r.runner_up_id as string,
          name: r.runner_up_name as string,
          score: r.runner_up_score as number,
        }
      : null,
    margin: (r.margin as number | null) ?? null,
    corroboration: r.corroboration ? (r.corroboration as string).split(',').filter((x) => x !== '') : [],
    reason: r.reason as string,
    candidates: JSON.parse((r.candidates as string) ?? '[]') as {
      employerId: string;
      name: string;
      score: number;
    }[],
  }));
}

/** Days from invoice to payment for a body's counted lines that carry an invoice date, by payee. */
export async function paymentDays(
  store: Store,
  body: string,
  from: string,
  to: string,
): Promise<Map<string, number[]>> {
  const rows = await query<{ payee_key: string; days: number[] }>(
    store,
    `SELECT payee_key, list(date_diff('day', invoice_date, date)) AS days FROM franchise_spend
      WHERE body = ? AND counted AND invoice_date IS NOT NULL AND date BETWEEN ?::DATE AND ?::DATE GROUP BY payee_key`,
    [body, from, to],
  );
  return new Map(rows.map((r) => [r.payee_key, r.days.map(Number)]));
}

/** A body's contract awards (latest release of each award and supplier). */
export async function bodyAwards(store: Store, body: string) {
  return query<{
    ocid: string;
    award_id: string;
    contract_id: string | null;
    supplier: string;
    payee_key: string;
    party_id: string;
    company_number: string | null;
    postcode: string | null;
    scale: string | null;
    pence: bigint | null;
    title: string | null;
    publisher: string;
    release_date: string;
  }>(
    store,
    `SELECT * EXCLUDE (rn) FROM (
       SELECT ocid, award_id, contract_id, supplier, payee_key, party_id, company_number, postcode, scale, pence, title, publisher, release_date,
              row_number() OVER (PARTITION BY ocid, award_id, party_id ORDER BY release_date DESC, release_id DESC) AS rn
         FROM franchise_awards WHERE body = ?) WHERE rn = 1 ORDER BY ocid, award_id, party_id`,
    [body],
  );
}

/** The latest implementation rating of each KPI of a body's contracts, with the award's supplier parties. */
export async function bodyKpiRatings(store: Store, body: string) {
  return query<{
    ocid: string;
    contract_id: string | null;
    award_id: string | null;
    metric_id: string;
    title: string | null;
    measure: string | null;
    supplier_ids: string;
  }>(
    store,
    `SELECT * EXCLUDE (rn) FROM (
       SELECT m.ocid, m.contract_id, m.award_id, m.metric_id, m.title, m.measure, m.supplier_ids,
              row_number() OVER (PARTITION BY m.ocid, m.contract_id, m.metric_id ORDER BY m.release_date DESC, m.period_end DESC NULLS LAST, m.observation_id DESC) AS rn
         FROM franchise_metrics m
        WHERE m.stage = 'implementation' AND m.ocid IN (SELECT ocid FROM franchise_awards WHERE body = ?)) WHERE rn = 1`,
    [body],
  );
}

/** Greenhouse gas intensity by published industry code in the latest year of the current dataset. */
export async function ghgIntensities(store: Store) {
  return query<{ industry: string; value: number | null; period: number }>(
    store,
    `SELECT i.industry, i.value, i.period FROM industry_obs i JOIN current_datasets d ON d.id = i.dataset_id
      WHERE i.measure = 'ghg_intensity' AND i.period = (SELECT max(period) FROM industry_obs j JOIN current_datasets e ON e.id = j.dataset_id WHERE j.measure = 'ghg_intensity')`,
  );
}

/** The date range a body's stored lines cover. */
export async function spendRange(store: Store, body: string) {
  const [r] = await query<{ first: string | null; last: string | null }>(
    store,
    `SELECT min(date)::VARCHAR AS first, max(date)::VARCHAR AS last FROM franchise_spend WHERE body = ?`,
    [body],
  );
  return r!;
}
