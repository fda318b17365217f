// The Procurement page's tables and what they say in words, from the franchise answers: pure
// functions of the API's JSON (tested in Node), so the browser test can hold the page to the API.
import type {
  FranchiseWhatIf,
  FranchiseConditions,
  FranchiseConditionSet,
  FranchiseSummary,
  SupplierConditions,
} from './api-types.ts';
import { apiUrl, csvUrl } from './api.ts';
import { count, pct } from './format.ts';
import type { Cell, Table } from './table.ts';

const GBP = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Pounds to the penny, as the files give them: 837472435.69 → "£837,472,435.69"; negative with "−". */
export function gbp(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return `${v < 0 ? '−' : ''}£${GBP.format(Math.abs(v))}`;
}

/** Whole pence of a £ amount (the API sends £ with at most two decimals). */
export const pence = (v: number): number => Math.round(v * 100);

/** What each payee class means, in the words the page uses. */
export const CLASS_WORDS: Record<string, string> = {
  company: 'Companies',
  charity: 'Charities',
  'public-body': 'Public bodies',
  'individual-or-redacted': 'Individuals and withheld names',
  unknown: 'Not known',
};

const fmt = {
  gbp: (v: Cell) => (typeof v === 'number' ? gbp(v) : '–'),
  pct: (v: Cell) => (typeof v === 'number' ? pct(v) : '–'),
  count: (v: Cell) => (typeof v === 'number' ? count(v) : '–'),
};

/** Spend by payee class, and whether the classes add up to the file total to the penny. */
export function classTable(s: FranchiseSummary): Table {
  const rows = Object.entries(s.classified).map(([k, c]): Cell[] => [
    CLASS_WORDS[k] ?? k,
    c.payees,
    c.rows,
    c.total,
    s.total ? c.total / s.total : null,
  ]);
  return {
    columns: ['Payee class', 'Payees', 'Payment lines', '£', 'Share of spend'],
    rows,
    formats: [null, fmt.count, fmt.count, fmt.gbp, fmt.pct],
  };
}

/** The classes' sum against the counted total, in pence (the page says whether they agree). */
export function reconciliation(s: FranchiseSummary): { classes: number; total: number; equal: boolean } {
  const classes = Object.values(s.classified).reduce((t, c) => t + pence(c.total), 0);
  return { classes, total: pence(s.total), equal: classes === pence(s.total) };
}

/** Spend by layer of the taxonomy (placed through the matched employer's SIC codes). */
export function layerTable(s: FranchiseSummary, name: (id: string) => string): Table {
  return {
    columns: ['Layer', '£', 'Share of spend'],
    rows: s.by_layer.map((l) => [layerWords(l.layer, name), l.total, l.share]),
    formats: [null, fmt.gbp, fmt.pct],
  };
}

/** A layer id in words: the taxonomy's name, or what the engine's own buckets mean. */
export function layerWords(id: string, name: (id: string) => string): string {
  const own: Record<string, string> = {
    'not matched': 'Supplier not matched (layer not known)',
    unclassified: 'Matched, industry not in the taxonomy',
    'public-sector-no-sic': 'Public sector employer (no SIC code)',
  };
  return own[id] ?? name(id);
}

/** Spend by service area as published, largest first. */
export function serviceTable(s: FranchiseSummary): Table {
  return {
    columns: ['Service', 'Payment lines', '£', 'Share of spend'],
    rows: [...s.by_service]
      .sort((a, b) => b.total - a.total)
      .map((x) => [x.service, x.rows, x.total, s.total ? x.total / s.total : null]),
    formats: [null, fmt.count, fmt.gbp, fmt.pct],
  };
}

const RULE_WORDS: Record<string, string> = {
  'registered-office-in-area': 'Registered office in the council’s own area',
  'registered-office-in-region': 'Registered office in the wider region',
};

/** A local-share rule in words. */
export const ruleWords = (rule: string): string => RULE_WORDS[rule] ?? rule;

/** The local share under each declared rule: inside, outside, not known, and the two shares. */
export function localTable(s: FranchiseSummary): Table {
  return {
    columns: ['Rule', 'Area', 'Inside £', 'Outside £', 'Not known £', 'Share of known', 'Share of all'],
    rows: s.local_share.map((l) => [
      ruleWords(l.rule),
      l.area,
      l.inside,
      l.outside,
      l.unknown,
      l.shareOfKnown,
      l.shareOfAll,
    ]),
    formats: [null, null, fmt.gbp, fmt.gbp, fmt.gbp, fmt.pct, fmt.pct],
  };
}

/** Published local-spend benchmarks, each with the rule it was measured by. */
export function benchmarkTable(s: FranchiseSummary): Table {
  return {
    columns: ['Benchmark', 'Period', 'Local share', 'Rule', 'Source'],
    rows: s.benchmarks.map((b) => [b.body ?? 'Councils', b.period, b.share, b.rule, b.source]),
    formats: [null, null, fmt.pct, null, null],
  };
}

export type SortKey = 'rank' | 'supplier' | 'total' | 'gpg_median' | 'meets';

/** The suppliers table's state: search words, a condition and status to filter by, sort, page. */
export interface SupplierQuery {
  search: string;
  condition: string;
  status: '' | 'meets' | 'fails' | 'unknown';
  sort: SortKey;
  descending: boolean;
  page: number;
  size: number;
}

/** The rows the suppliers table shows at once (the API sends at most 500). */
export const SUPPLIER_PAGE_SIZE = 25;

/** The suppliers route's query for the table's state: the server searches, filters, sorts and pages. */
export function supplierParams(q: SupplierQuery): Record<string, string | number> {
  return {
    sort: q.sort,
    order: q.descending ? 'desc' : 'asc',
    offset: (Math.max(1, q.page) - 1) * q.size,
    limit: q.size,
    ...(q.search.trim() ? { search: q.search.trim().slice(0, 120) } : {}),
    ...(q.condition ? { condition: q.condition } : {}),
    ...(q.condition && q.status ? { status: q.status } : {}),
  };
}

/** Rows a suppliers CSV download may hold (the route's cap for CSV). */
export const SUPPLIER_CSV_ROWS = 20_000;

/**
 * The request for the suppliers CSV: every supplier the table's search and filter find, sorted as
 * shown, under the settings shown. Under changed settings the conditions file goes in the body
 * of a POST (a link cannot carry it); under the defaults a plain link does.
 */
export function supplierCsvRequest(
  query: { body: string; period?: string | undefined },
  q: SupplierQuery,
  conditions: FranchiseConditionSet | null,
): { url: string; post: FranchiseConditionSet | null } {
  const all = { ...query, ...supplierParams(q), offset: 0, limit: SUPPLIER_CSV_ROWS };
  return { url: csvUrl(apiUrl('franchise/suppliers', all)), post: conditions };
}

/** Pages of a matched count: at least one. */
export const pagesOf = (matched: number, size: number): number => Math.max(1, Math.ceil(matched / size));

/** One editable parameter of a condition, as the settings form shows it. */
export interface ParamField {
  condition: string;
  key: string;
  label: string;
  kind: 'number' | 'choice' | 'list';
  value: number | string;
  min?: number;
  max?: number;
  step?: number;
  options?: string[];
}

type Spec = Omit<ParamField, 'condition' | 'key' | 'value'>;

/** The parameters the page lets a user change, rule by rule, with the ranges the API accepts. */
const FIELDS: Record<string, Record<string, Spec>> = {
  'accredited-list': {
    companyNumbers: { label: 'Accredited company numbers (one a line)', kind: 'list' },
  },
  'gpg-narrowing': {
    statistic: { label: 'Statistic', kind: 'choice', options: ['median', 'mean'] },
    parity: { label: 'Met at or below gap (%)', kind: 'number', min: -100, max: 100, step: 0.1 },
  },
  'registered-office-local': {
    area: { label: 'Area', kind: 'choice', options: ['local', 'region'] },
  },
  'industry-ghg-intensity': {
    ratioToEconomy: {
      label: 'Limit × whole-economy intensity',
      kind: 'number',
      min: 0.01,
      max: 100,
      step: 0.01,
    },
    max: { label: 'Limit (ktCO2e per £m GVA)', kind: 'number', min: 0, max: 100, step: 0.01 },
  },
  'paid-within-days': {
    days: { label: 'Days', kind: 'number', min: 1, max: 365, step: 1 },
    share: { label: 'Share of invoices (0–1)', kind: 'number', min: 0, max: 1, step: 0.01 },
  },
  'kpi-rating': {},
};

/** The editable fields of a conditions file (only parameters the file sets, or that have a default). */
export function paramFields(set: FranchiseConditionSet): ParamField[] {
  return set.conditions.flatMap((c) =>
    Object.entries(FIELDS[c.rule] ?? {}).flatMap(([key, spec]) => {
      const v = (c.params as Record<string, unknown>)[key];
      if (v === undefined) return [];
      const value = Array.isArray(v) ? v.join('\n') : (v as number | string);
      return [{ ...spec, condition: c.id, key, value }];
    }),
  );
}

/** A copy of the set with one parameter changed (a list field is split into lines); the condition's name follows its new settings. */
export function withParam(
  set: FranchiseConditionSet,
  field: Pick<ParamField, 'condition' | 'key' | 'kind'>,
  raw: string,
): FranchiseConditionSet {
  const value =
    field.kind === 'number'
      ? raw.trim() === ''
        ? NaN
        : Number(raw)
      : field.kind === 'list'
        ? raw
            .split(/[\n,]/)
            .map((x) => x.trim())
            .filter(Boolean)
        : raw;
  return {
    ...set,
    conditions: set.conditions.map((c) => {
      if (c.id !== field.condition) return c;
      const next = { ...c, params: { ...c.params, [field.key]: value } } as typeof c;
      return { ...next, name: conditionName(next) };
    }),
  };
}

const share = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? `${Math.round(x * 1000) / 10}%` : '?');

/** A condition's name in words from its rule and settings, so a changed setting is never shown under the old name. */
export function conditionName(c: FranchiseConditionSet['conditions'][number]): string {
  const p = c.params as Record<string, unknown>;
  switch (c.rule) {
    case 'accredited-list':
      return c.name;
    case 'gpg-narrowing': {
      const periods = (p['periods'] as string[] | undefined) ?? [];
      return `Gender pay gap (${String(p['statistic'] ?? 'median')}) reported and narrowing, ${periods[0] ?? '?'} to ${periods.at(-1) ?? '?'}`;
    }
    case 'registered-office-local':
      return p['area'] === 'local' ? 'Registered office in the council’s own area' : 'Registered office in the wider area';
    case 'industry-ghg-intensity':
      return p['max'] !== undefined
        ? `Industry emissions intensity at most ${String(p['max'])} ktCO2e per £m GVA`
        : p['ratioToEconomy'] === 1
          ? 'Industry emissions intensity at or below the whole economy’s'
          : `Industry emissions intensity at most ${String(p['ratioToEconomy'])} × the whole economy’s`;
    case 'paid-within-days':
      return `${share(p['share'])} of invoices paid within ${String(p['days'])} days`;
    case 'kpi-rating': {
      const metric = String(p['metric'] ?? '').trim();
      const pass = ((p['pass'] as string[] | undefined) ?? []).join(' or ') || 'a passing grade';
      return `${metric ? `KPIs on ${metric}` : 'Every KPI'} rated ${pass}`;
    }
    default:
      throw new Error(`invalid rule: ${(c as { rule: string }).rule}`);
  }
}

/** Each condition under the baseline and (when changed) the new settings: £ meeting, failing, unknown. */
export function conditionTable(base: FranchiseConditions, changed: FranchiseConditions | null): Table {
  const now = new Map(changed?.totals.map((t) => [t.condition, t]) ?? []);
  const columns = ['Condition', 'Meets £', 'Fails £', 'Not known £', 'Suppliers meeting'];
  const extra = changed
    ? ['Meets £ (new settings)', 'Fails £ (new settings)', 'Not known £ (new settings)', 'Change in £ meeting']
    : [];
  return {
    columns: [...columns, ...extra],
    rows: base.totals.map((t) => {
      const n = now.get(t.condition);
      const after: Cell[] = changed
        ? n
          ? [n.meets, n.fails, n.unknown, (pence(n.meets) - pence(t.meets)) / 100]
          : [null, null, null, null]
        : [];
      const name = n && n.name !== t.name ? `${t.name} → ${n.name}` : t.name;
      return [name, t.meets, t.fails, t.unknown, t.meets_suppliers, ...after];
    }),
    formats: [null, fmt.gbp, fmt.gbp, fmt.gbp, fmt.count, ...extra.map(() => fmt.gbp)],
  };
}

/** The largest suppliers' latest gender pay gaps (median hourly, % of men's pay). */
export function gapTable(suppliers: readonly SupplierConditions[], n = 20): Table {
  const top = suppliers.filter((x) => x.gpg_median !== null).slice(0, n);
  return {
    columns: ['Supplier', 'Rank by spend', '£', 'Median pay gap (%)', 'Reporting year'],
    rows: top.map((x) => [x.supplier, x.rank, x.total, x.gpg_median, x.gpg_period]),
    formats: [null, fmt.count, fmt.gbp, (v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '–'), null],
  };
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Financial years and months a body's payment dates span, newest first, for the period choice. */
export function periodsBetween(first: string | null, last: string | null): { value: string; label: string }[] {
  if (!first || !last) return [];
  const months: string[] = [];
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); ; m++) {
    if (m > 12) [y, m] = [y + 1, 1];
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last.slice(0, 7)) break;
    months.push(key);
  }
  const starts = [...new Set(months.map((k) => Number(k.slice(0, 4)) - (Number(k.slice(5)) >= 4 ? 0 : 1)))];
  return [
    ...starts.reverse().map((y) => {
      const value = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
      return { value, label: `financial year ${value.replace('-', '–')}` };
    }),
    ...months.reverse().map((k) => ({ value: k, label: MONTH.format(new Date(`${k}-01T00:00:00Z`)) })),
  ];
}

/** A what-if's demand changes by industry, £ a year, largest gain first. */
export function whatIfTable(w: FranchiseWhatIf): Table {
  return {
    columns: ['Industry (input–output code)', 'Area', '£ a year'],
    rows: w.changes.map((c) => [c.industry, c.area, c.gbpPerYear]),
    formats: [null, null, fmt.gbp],
  };
}

/**
 * A what-if as a scenario file the scenario lab appraises (upload it there): one demand
 * intervention per industry in the area, £ a year from `start` for `years`, at no cost to the
 * body (the money moves between suppliers; it is not new money).
 */
export function scenarioOf(w: FranchiseWhatIf, start: number, years = 1): Record<string, unknown> {
  const moved = `${(w.share * 100).toFixed(0)}% of ${w.category} spend moved to ${w.target === 'local' ? 'local suppliers' : `suppliers meeting ${w.target}`}`;
  return {
    id: 'procurement-what-if',
    title: `${w.body}: ${moved}`,
    description: `From the Procurement page: ${moved}; £${w.moved.toFixed(2)} a year moved, £${w.unplaced.toFixed(2)} with no industry to place it in. ${w.notes.join(' ')}`,
    interventions: w.changes.map((c, i) => ({
      id: `industry-${i + 1}`,
      title: `${c.industry}: ${c.gbpPerYear >= 0 ? 'demand gained' : 'demand lost'}`,
      kind: 'demand',
      area: c.area,
      target: { industry: c.industry },
      amount: c.gbpPerYear,
      timing: { start, years },
      cost: { perYear: 0 },
    })),
  };
}
