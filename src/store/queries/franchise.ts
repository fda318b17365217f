import { list, query, queryColumns, type Store } from '../db.ts';

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
  // Lists travel as one joined string each: far cheaper to bring across than list values.
  const c = await queryColumns(
    store,
    `SELECT payee_key, arg_min(supplier, (file_id, line)) AS name, count(*)::INTEGER AS rows, sum(pence)::BIGINT AS pence,
            min(company_number) AS company_number, min(charity_number) AS charity_number,
            string_agg(DISTINCT expense_type, chr(9247) ORDER BY expense_type) AS expense_types,
            string_agg(DISTINCT service, chr(9247) ORDER BY service) AS services
       FROM franchise_spend WHERE body = ? AND counted GROUP BY payee_key ORDER BY payee_key`,
    [body],
  );
  const split = (v: unknown) =>
    v === null || v === undefined || v === '' ? [] : (v as string).split('\u241f');
  return (c.payee_key as string[]).map((k, i) => ({
    payee_key: k,
    name: c.name![i] as string,
    rows: c.rows![i] as number,
    pence: Number(c.pence![i] as bigint),
    company_number: (c.company_number![i] as string | null) ?? null,
    charity_number: (c.charity_number![i] as string | null) ?? null,
    expense_types: split(c.expense_types![i]),
    services: split(c.services![i]),
  }));
}

/** Every name each employer filed under, with its latest company number, postcode and SIC codes (for matching). */
export async function employerNames(store: Store) {
  const c = await queryColumns(
    store,
    `WITH r AS (SELECT g.* FROM gpg_employers g JOIN current_datasets d ON d.id = g.dataset_id),
          latest AS (SELECT employer_id, arg_max(company_number, period) AS cn, arg_max(postcode, period) AS pc,
                            arg_max(coalesce(sic_codes, ''), period) AS sic FROM r GROUP BY employer_id)
     SELECT DISTINCT r.employer_id, r.employer_name, l.cn, l.pc, l.sic FROM r JOIN latest l USING (employer_id)
      ORDER BY r.employer_id, r.employer_name`,
  );
  return {
    id: c.employer_id as string[],
    name: c.employer_name as string[],
    number: c.cn as (string | null)[],
    postcode: c.pc as (string | null)[],
    sic: c.sic as string[],
  };
}

/** One employer's return, as the franchise engine shows it. */
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

/** The returns of the employers named (all reporting years), oldest first. */
export async function employerReturns(store: Store, ids: readonly string[]): Promise<EmployerReturnRow[]> {
  if (ids.length === 0) return [];
  return query<EmployerReturnRow>(
    store,
    `SELECT g.period, g.employer_id, g.employer_name, g.company_number, g.postcode, coalesce(g.sic_codes, '') AS sic_codes,
            g.diff_median_hourly, g.diff_mean_hourly, g.employer_size
       FROM gpg_employers g JOIN current_datasets d ON d.id = g.dataset_id
      WHERE list_contains(?, g.employer_id) ORDER BY g.period, g.employer_id`,
    [list(ids)],
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

/** Each award's and contract's buyer and supplier names, for the register's contracts. */
export async function registerParties(store: Store) {
  return query<{
    ocid: string;
    award_id: string | null;
    contract_id: string | null;
    body: string | null;
    supplier: string | null;
  }>(
    store,
    `SELECT DISTINCT ocid, award_id, contract_id, body, supplier FROM franchise_awards ORDER BY ocid, award_id, contract_id, supplier`,
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

/** Groupings of a body's counted lines: the payee and the second key each selects (fixed SQL, no user text). */
const GROUPINGS = {
  payee: ['payee_key', 'NULL::VARCHAR'],
  service: ['NULL::VARCHAR', 'service'],
  'payee-service': ['payee_key', 'service'],
  'payee-expense': ['payee_key', 'expense_type'],
} as const;
export type SpendGrouping = keyof typeof GROUPINGS;

/** Counted pence and lines of a body in a date range, by payee, service, or payee and service or expense type. */
export async function spendBy(store: Store, body: string, from: string, to: string, by: SpendGrouping) {
  const [payee, item] = GROUPINGS[by];
  const c = await queryColumns(
    store,
    `SELECT ${payee} AS payee, ${item} AS item, count(*)::INTEGER AS rows, sum(pence)::BIGINT AS pence
       FROM franchise_spend WHERE body = ? AND counted AND date BETWEEN ?::DATE AND ?::DATE
      GROUP BY ALL ORDER BY ALL`,
    [body, from, to],
  );
  const n = (c.rows ?? []).length;
  return Array.from({ length: n }, (_, i) => ({
    payee: (c.payee![i] as string | null) ?? '',
    item: (c.item![i] as string | null) ?? null,
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
  // The review fields (candidates, runner-up) are read only for payees on the review list.
  const c = await queryColumns(
    store,
    `SELECT p.payee_key, p.name, p.class, p.rule, p.company_number, p.charity_number, p.postcode,
            m.status, m.method, m.employer_id, m.score, m.margin, m.corroboration, m.reason,
            CASE WHEN m.status = 'review' THEN m.runner_up_id END AS runner_up_id,
            CASE WHEN m.status = 'review' THEN m.runner_up_name END AS runner_up_name,
            CASE WHEN m.status = 'review' THEN m.runner_up_score END AS runner_up_score,
            CASE WHEN m.status = 'review' THEN m.candidates END AS candidates
       FROM franchise_payees p JOIN franchise_matches m USING (body, payee_key) WHERE p.body = ? ORDER BY p.payee_key`,
    [body],
  );
  const col = <T>(name: string) => c[name] as T[];
  const [key, name, cls, rule, number, charity, postcode] = [
    col<string>('payee_key'),
    col<string>('name'),
    col<string>('class'),
    col<string>('rule'),
    col<string | null>('company_number'),
    col<string | null>('charity_number'),
    col<string | null>('postcode'),
  ];
  const [status, method, employer, score, margin, corroboration, reason] = [
    col<string>('status'),
    col<string | null>('method'),
    col<string | null>('employer_id'),
    col<number | null>('score'),
    col<number | null>('margin'),
    col<string | null>('corroboration'),
    col<string>('reason'),
  ];
  const [runnerId, runnerName, runnerScore, candidates] = [
    col<string | null>('runner_up_id'),
    col<string | null>('runner_up_name'),
    col<number | null>('runner_up_score'),
    col<string | null>('candidates'),
  ];
  return key.map((k, i) => ({
    key: k,
    name: name[i]!,
    class: cls[i]!,
    rule: rule[i]!,
    companyNumber: number[i] ?? null,
    charityNumber: charity[i] ?? null,
    postcode: postcode[i] ?? null,
    status: status[i]!,
    method: method[i] ?? null,
    employerId: employer[i] ?? null,
    score: score[i] ?? null,
    runnerUp: runnerId[i] ? { employerId: runnerId[i]!, name: runnerName[i]!, score: runnerScore[i]! } : null,
    margin: margin[i] ?? null,
    corroboration: corroboration[i] ? corroboration[i]!.split(',') : [],
    reason: reason[i]!,
    candidates: candidates[i]
      ? (JSON.parse(candidates[i]!) as { employerId: string; name: string; score: number }[])
      : [],
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
