import { normaliseName, type NormalName, type PreparedRules } from './normalise.ts';

/** An employer in the gender pay gap returns, as matching needs it (one row per name it has filed under). */
export interface EmployerRecord {
  employerId: string;
  name: string;
  companyNumber: string | null;
  postcode: string | null;
  /** SIC 2007 divisions of the codes in its returns. */
  divisions: string[];
  /** The service marks public-sector employers with the code `1` and no SIC code. */
  publicSector: boolean;
}

interface Entry extends EmployerRecord {
  norm: NormalName;
  tokenSet: Set<string>;
  /** Its company number (8 characters) or null. */
  number: string | null;
  /** Employers under one company number are one entity (so one is never the other's runner-up). */
  entity: string;
}

/** Employers indexed for lookup by company number, exact name key, token and token prefix. */
export interface EmployerIndex {
  entries: Entry[];
  byNumber: Map<string, number[]>;
  byKey: Map<string, number[]>;
  byToken: Map<string, number[]>;
  /** Distinct tokens, sorted, for prefix search. */
  tokens: string[];
  weight: (token: string) => number;
  /** How many employers hold a token. */
  df: (token: string) => number;
  rules: PreparedRules;
}

/** A Companies House number as 8 characters (`1234567` → `01234567`); null for anything else. */
export function normalCompanyNumber(text: string | null): string | null {
  if (text === null) return null;
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  const padded = /^\d{1,8}$/.test(t) ? t.padStart(8, '0') : t;
  return /^([A-Z]{2}\d{6}|\d{8})$/.test(padded) ? padded : null;
}

function push(m: Map<string, number[]>, k: string, i: number): void {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}

/** Builds the index once for all payees of an import. */
export function indexEmployers(records: readonly EmployerRecord[], rules: PreparedRules): EmployerIndex {
  const entries: Entry[] = records.map((r) => {
    const norm = normaliseName(r.name, rules);
    const number = normalCompanyNumber(r.companyNumber);
    return {
      employerId: r.employerId,
      name: r.name,
      companyNumber: r.companyNumber,
      postcode: r.postcode,
      divisions: r.divisions,
      publicSector: r.publicSector,
      norm,
      tokenSet: new Set(norm.tokens),
      number,
      entity: number ?? `id:${r.employerId}`,
    };
  });
  const byNumber = new Map<string, number[]>();
  const byKey = new Map<string, number[]>();
  const byToken = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (e.number) push(byNumber, e.number, i);
    if (e.norm.key !== '') push(byKey, e.norm.key, i);
    for (const t of e.tokenSet) push(byToken, t, i);
  });
  const n = Math.max(1, entries.length);
  const unseen = 1 + Math.log(n);
  return {
    entries,
    byNumber,
    byKey,
    byToken,
    tokens: [...byToken.keys()].sort(),
    // Inverse document frequency over the employer names, from the postings just built.
    weight: (t) => {
      const d = byToken.get(t)?.length;
      return d === undefined ? unseen : 1 + Math.log(n / d);
    },
    df: (t) => byToken.get(t)?.length ?? 0,
    rules,
  };
}

/** Indices of tokens starting with `prefix` (at most `limit`), by binary search. */
export function tokensWithPrefix(index: EmployerIndex, prefix: string, limit = 50): string[] {
  const ts = index.tokens;
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let k = lo; k < ts.length && ts[k]!.startsWith(prefix) && out.length < limit; k++) out.push(ts[k]!);
  return out;
}
