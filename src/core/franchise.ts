/**
 * Records of public spending and contracts (the "franchise" a public body grants its suppliers):
 * payment lines from council spend files, awards and KPIs from Open Contracting releases, and
 * the classes a payee falls in. Money is in integer pence, so totals reconcile to the penny.
 */

/** One published payment line, as a Transparency Code spend file gives it. */
export interface SpendLine {
  /** The public body that paid (its name as the body list declares it). */
  body: string;
  /** File name as published, and the 1-based line the record starts on. */
  file: string;
  line: number;
  /** Service area or organisational unit, as published. */
  service: string | null;
  expenseType: string | null;
  /** ISO payment date. */
  date: string;
  /** ISO invoice date where the file has one (the 30-day payment test needs it). */
  invoiceDate: string | null;
  transaction: string | null;
  /** Net amount in pence; credits negative. */
  pence: number;
  supplier: string;
  companyNumber: string | null;
  charityNumber: string | null;
}

/** A payee class (rules in data/franchise/payee-rules.json). */
export const PAYEE_CLASSES = [
  'company',
  'charity',
  'public-body',
  'individual-or-redacted',
  'unknown',
] as const;
export type PayeeClass = (typeof PAYEE_CLASSES)[number];

/** How a franchise condition is tested (src/models/franchise/conditions.ts resolves each). */
export const CONDITION_RULES = [
  'accredited-list',
  'gpg-narrowing',
  'registered-office-local',
  'industry-ghg-intensity',
  'paid-within-days',
  'kpi-rating',
] as const;
export type ConditionRule = (typeof CONDITION_RULES)[number];

/** A party to a contract in an OCDS release (buyer or supplier). */
export interface OcdsParty {
  id: string;
  name: string;
  /** `GB-PPON`, `GB-COH`, … and the id within it. */
  scheme: string | null;
  identifier: string | null;
  /** Companies House number from `additionalIdentifiers` (`GB-COH`), 8 characters. */
  companyNumber: string | null;
  charityNumber: string | null;
  postcode: string | null;
  /** `details.scale` as published (`sme`, `large`). */
  scale: string | null;
  roles: string[];
}

/** A supplier's share of a contract award in an OCDS release. */
export interface OcdsAward {
  /** File and release the award came from. */
  file: string;
  ocid: string;
  releaseId: string;
  releaseDate: string;
  /** `Find a Tender` (ocds-h6vhtk), `Contracts Finder` (ocds-b5fd17) or `other`. */
  publisher: string;
  awardId: string;
  contractId: string | null;
  status: string | null;
  date: string | null;
  buyer: string | null;
  supplier: OcdsParty;
  /** Award (or contract) value in pence, or null where none is published. */
  pence: number | null;
  currency: string | null;
  title: string | null;
}

/** One KPI observation: a target agreed at award/contract, or a rating reported in implementation. */
export interface OcdsMetric {
  file: string;
  ocid: string;
  releaseId: string;
  releaseDate: string;
  /** The award or contract the metric is attached to. */
  awardId: string | null;
  contractId: string | null;
  stage: 'agreed' | 'implementation';
  metricId: string;
  title: string | null;
  observationId: string;
  /** The measure as published (a rating such as `Good`, or a number). */
  measure: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** The supplier(s) of the award/contract, by party id. */
  supplierIds: string[];
}

/** A public body whose spending Strata reads, as data/franchise/bodies.json declares it. */
export interface PublicBody {
  id: string;
  name: string;
  /** Names the body goes by in files (`Leeds City Council as Accountable Body`). */
  aliases: string[];
  /** Regular expressions on a file name that say a file is this body's (`^leeds[-_]`). */
  files: string[];
  /** GSS code of the area it serves. */
  area: string | null;
  /** The local and wider areas, as postcode areas (`M`) and districts (`SK1`): a value choice, named. */
  local: PostcodeArea | null;
  region: PostcodeArea | null;
}

/** A named set of postcode areas and districts. */
export interface PostcodeArea {
  name: string;
  areas: string[];
  districts: string[];
  note: string;
}
