import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { SourceError } from '../core/errors.ts';
import type { OcdsAward, OcdsMetric, OcdsParty } from '../core/franchise.ts';
import { packageSchema, releaseSchema, type Metric, type Party, type Release } from './ocds-schema.ts';
import { poundsToPence } from './pence.ts';
import type { SourceFile } from './source-file.ts';
import { decodeText } from './text.ts';

/** Bumped when the reader changes what it produces. */
export const OCDS_READER_VERSION = 1;

/** Publishers by ocid prefix (Open Contracting registered prefixes). */
const PREFIXES: Record<string, string> = {
  'ocds-h6vhtk': 'Find a Tender',
  'ocds-b5fd17': 'Contracts Finder',
};

export interface OcdsFile {
  file: string;
  sha256: string;
  releases: number;
  awards: OcdsAward[];
  metrics: OcdsMetric[];
  /** Releases given twice with the same content: read once, reported here. */
  duplicates: { ocid: string; releaseId: string; index: number }[];
}

/**
 * An OCDS release package (Find a Tender, Contracts Finder): one award row per supplier with the
 * supplier's Companies House number (`GB-COH`, in `identifier` or `additionalIdentifiers`),
 * postcode and scale, the value in pence (shared equally, to the penny, among an award's
 * suppliers); KPI targets (`agreedMetrics`) and ratings (`implementation.metrics`). A release id
 * repeated with the same content is read once and reported; with other content it is refused.
 */
export function readOcdsPackage(source: SourceFile): OcdsFile {
  const json = parseJson(source);
  const pkg = check(packageSchema, json, source.name, '');
  const seen = new Map<string, { index: number; raw: unknown }>();
  const out: OcdsFile = {
    file: source.name,
    sha256: source.sha256,
    releases: 0,
    awards: [],
    metrics: [],
    duplicates: [],
  };
  pkg.releases.forEach((raw, i) => {
    const r = check(releaseSchema, raw, source.name, `releases[${i}]`);
    const key = `${r.ocid}|${r.id}`;
    const prior = seen.get(key);
    if (prior) {
      if (!isDeepStrictEqual(prior.raw, raw))
        throw new SourceError(
          { file: source.name, column: `releases[${i}].id`, value: r.id },
          `release repeated with other content (first at releases[${prior.index}])`,
        );
      out.duplicates.push({ ocid: r.ocid, releaseId: r.id, index: i });
      return;
    }
    seen.set(key, { index: i, raw });
    out.releases++;
    readRelease(r, source.name, `releases[${i}]`, out);
  });
  return out;
}

function parseJson(source: SourceFile): unknown {
  const text = decodeText(source);
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new SourceError({ file: source.name, line }, `not JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

function check<S extends z.ZodType>(schema: S, value: unknown, file: string, base: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const path = [base, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))]
    .join('')
    .replace(/^\./, '');
  throw new SourceError({ file, column: path || '(root)', value: valueAt(value, issue.path) }, issue.message);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function readRelease(r: Release, file: string, at: string, out: OcdsFile): void {
  const parties = new Map(r.parties.map((p, k) => [p.id, party(p, file, `${at}.parties[${k}]`)]));
  const base = {
    file,
    ocid: r.ocid,
    releaseId: r.id,
    releaseDate: r.date,
    publisher: PREFIXES[r.ocid.slice(0, 11)] ?? 'other',
  };
  const buyer = r.buyer?.name ?? (r.buyer?.id ? parties.get(r.buyer.id)?.name : undefined) ?? null;
  r.awards.forEach((a, k) => {
    const contract = r.contracts.find((c) => String(c.awardID) === String(a.id));
    const value = a.value ?? contract?.value;
    const total = value
      ? poundsToPence(value.amount, { file, column: `${at}.awards[${k}].value.amount` })
      : null;
    const shares = split(total, a.suppliers.length);
    a.suppliers.forEach((s, j) => {
      const supplier = parties.get(s.id);
      if (!supplier)
        throw new SourceError(
          { file, column: `${at}.awards[${k}].suppliers[${j}].id`, value: s.id },
          'no such party',
        );
      out.awards.push({
        ...base,
        awardId: String(a.id),
        contractId: contract ? String(contract.id) : null,
        status: a.status ?? null,
        date: a.date ?? null,
        buyer,
        supplier,
        pence: shares[j]!,
        currency: value?.currency ?? null,
        title: a.title ?? contract?.title ?? null,
      });
    });
    for (const m of a.agreedMetrics ?? []) metrics(m, 'agreed', String(a.id), null, a, base, out);
  });
  for (const c of r.contracts) {
    const a = r.awards.find((x) => String(x.id) === String(c.awardID));
    for (const m of c.agreedMetrics ?? [])
      metrics(m, 'agreed', String(c.awardID), String(c.id), a, base, out);
    for (const m of c.implementation?.metrics ?? [])
      metrics(m, 'implementation', String(c.awardID), String(c.id), a, base, out);
  }
}

/** An award's value shared equally among its suppliers, to the penny (remainder to the first). */
function split(total: number | null, n: number): (number | null)[] {
  if (total === null || n === 0) return Array.from({ length: n }, () => null);
  const each = Math.trunc(total / n);
  return Array.from({ length: n }, (_, j) => (j === 0 ? total - each * (n - 1) : each));
}

function metrics(
  m: Metric,
  stage: 'agreed' | 'implementation',
  awardId: string,
  contractId: string | null,
  award: { suppliers: { id: string }[] } | undefined,
  base: { file: string; ocid: string; releaseId: string; releaseDate: string },
  out: OcdsFile,
): void {
  for (const o of m.observations) {
    out.metrics.push({
      file: base.file,
      ocid: base.ocid,
      releaseId: base.releaseId,
      releaseDate: base.releaseDate,
      awardId,
      contractId,
      stage,
      metricId: m.id,
      title: m.title ?? null,
      observationId: o.id,
      measure: o.measure === undefined || o.measure === null ? null : String(o.measure),
      periodStart: o.period?.startDate ?? null,
      periodEnd: o.period?.endDate ?? null,
      supplierIds: award?.suppliers.map((s) => s.id) ?? [],
    });
  }
}

/** A party with its Companies House and charity numbers and postcode pulled out. */
function party(p: Party, file: string, at: string): OcdsParty {
  const ids = [...(p.identifier ? [p.identifier] : []), ...(p.additionalIdentifiers ?? [])];
  const find = (scheme: RegExp) => ids.find((i) => scheme.test(i.scheme));
  const coh = find(/^GB-COH$/);
  const charity = find(/^GB-(CHC|SC|NIC)$/);
  return {
    id: p.id,
    name: p.name,
    scheme: p.identifier?.scheme ?? null,
    identifier: p.identifier ? String(p.identifier.id) : null,
    companyNumber: coh ? companyNumber(String(coh.id), file, at) : null,
    charityNumber: charity ? String(charity.id).trim() : null,
    postcode: p.address?.postalCode?.trim().toUpperCase() || null,
    scale: p.details?.scale ?? null,
    roles: p.roles,
  };
}

/** A Companies House number as 8 characters (`1234567` → `01234567`, `SC123456`); anything else is refused. */
export function companyNumber(text: string, file: string, at: string): string {
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  const padded = /^\d{1,8}$/.test(t) ? t.padStart(8, '0') : t;
  if (!/^([A-Z]{2}\d{6}|\d{8})$/.test(padded))
    throw new SourceError(
      { file, column: `${at}.additionalIdentifiers`, value: text },
      'not a Companies House number',
    );
  return padded;
}
