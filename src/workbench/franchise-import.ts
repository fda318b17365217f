import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SourceError, UsageError } from '../core/errors.ts';
import type { OcdsAward, OcdsMetric } from '../core/franchise.ts';
import { OCDS_READER_VERSION, readOcdsPackage, type OcdsFile } from '../ingest/ocds.ts';
import { readSourceFile, type SourceFile } from '../ingest/source-file.ts';
import { findBody, readSpendFile, SPEND_READER_VERSION, type SpendFile } from '../ingest/spend-file.ts';
import { decodeText } from '../ingest/text.ts';
import { applyDuplicateRule, DUPLICATE_RULES, type DuplicateRule } from '../models/franchise/duplicates.ts';
import { payeeKey } from '../models/franchise/payee-key.ts';
import { appendable, registerEvents, type RegisterEvent } from '../models/franchise/register.ts';
import type { Store } from '../store/db.ts';
import {
  addFile,
  addRegisterCondition,
  appendTable,
  ensureFranchiseTables,
  importedFile,
  KINDS,
  transaction,
  type Cell,
} from '../store/franchise.ts';
import { registerHistory, storedLineKeys } from '../store/queries/franchise.ts';
import type { Ctx } from './context.ts';
import { franchiseData } from './franchise-data.ts';
import { rebuildPayees, type BodyMatches } from './franchise-payees.ts';

export interface FranchiseImportOptions {
  /** The body files without a body column are from (id, name or alias). */
  body?: string;
  /** How identical lines are handled (default `within-file-kept`). */
  duplicates?: DuplicateRule;
}

export interface ImportedFile {
  file: string;
  kind: 'spend' | 'ocds';
  status: 'imported' | 'unchanged';
  body: string | null;
  layout: string | null;
  rows: number;
  pence: number | null;
  /** Lines identical to an earlier line, and those of them not counted. */
  duplicates: { rows: number; notCounted: number; pence: number };
  releases: number | null;
}

export interface FranchiseImportReport {
  files: ImportedFile[];
  skipped: { file: string; reason: string }[];
  bodies: BodyMatches[];
  register: { appended: number; conditions: number };
  duplicatesRule: DuplicateRule;
  seconds: number;
}

type Read = { source: SourceFile; spend?: SpendFile; ocds?: OcdsFile };

/** The files an import reads: a file, or every CSV and JSON file directly in a folder (by name). */
function filesOf(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`no such file or folder: ${path}`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => /\.(csv|json)$/i.test(n))
    .sort()
    .map((n) => join(path, n))
    .filter((p) => statSync(p).isFile());
}

/** JSON without `releases` (an index, a manifest) is not a release package: skipped, and said so. */
function isReleasePackage(source: SourceFile): boolean {
  try {
    const v = JSON.parse(decodeText(source)) as unknown;
    return v !== null && typeof v === 'object' && 'releases' in v;
  } catch {
    return true; // the reader reports the syntax error with its line
  }
}

function readAll(
  paths: string[],
  opts: FranchiseImportOptions,
  skipped: FranchiseImportReport['skipped'],
): Read[] {
  const data = franchiseData();
  const out: Read[] = [];
  for (const p of paths) {
    const source = readSourceFile(p);
    if (/\.csv$/i.test(p))
      out.push({
        source,
        spend: readSpendFile(source, {
          layouts: data.layouts,
          bodies: data.bodies,
          ...(opts.body ? { body: opts.body } : {}),
        }),
      });
    else if (isReleasePackage(source)) out.push({ source, ocds: readOcdsPackage(source) });
    else skipped.push({ file: basename(p), reason: 'JSON without releases: not an OCDS release package' });
  }
  return out;
}

/**
 * Imports council spend files and OCDS release packages into the analytic store in one
 * transaction: every file is read and checked first, then lines, awards, KPIs and register
 * events are written, and each affected body's payees are classified and matched again. A bad
 * file, or a register event that would rewrite history, leaves the store as it was.
 */
export async function franchiseImport(
  ctx: Pick<Ctx, 'store' | 'cached'>,
  path: string,
  opts: FranchiseImportOptions = {},
): Promise<FranchiseImportReport> {
  const t0 = performance.now();
  const store = ctx.store;
  const rule = opts.duplicates ?? 'within-file-kept';
  if (!(DUPLICATE_RULES as readonly string[]).includes(rule))
    throw new UsageError(`invalid duplicates rule: ${rule} (${DUPLICATE_RULES.join(', ')})`);
  const skipped: FranchiseImportReport['skipped'] = [];
  const paths = filesOf(path);
  if (paths.length === 0) throw new UsageError(`no CSV or JSON files in ${path}`);
  const reads = readAll(paths, opts, skipped);
  await ensureFranchiseTables(store);
  const fresh: Read[] = [];
  const files: ImportedFile[] = [];
  for (const r of reads) {
    const kind = r.spend ? 'spend' : 'ocds';
    const body = r.spend?.body ?? null;
    if (await importedFile(store, kind, r.source.sha256, body)) files.push(unchanged(r, kind, body));
    else fresh.push(r);
  }
  const verdicts = await duplicates(store, fresh, rule);
  let register = { appended: 0, conditions: 0 };
  const bodies = new Set<string>();
  const matches: BodyMatches[] = [];
  await transaction(store, async () => {
    for (const r of fresh) {
      if (r.spend) files.push(await writeSpend(store, r.spend, verdicts.get(r.spend)!, rule, bodies));
      else files.push(await writeOcds(store, r.ocds!, bodies));
    }
    register = await writeRegister(
      store,
      fresh.flatMap((r) => r.ocds?.metrics ?? []),
    );
    for (const b of [...bodies].sort()) matches.push(await rebuildPayees(ctx, b));
  });
  return {
    files,
    skipped,
    bodies: matches,
    register,
    duplicatesRule: rule,
    seconds: (performance.now() - t0) / 1000,
  };
}

function unchanged(r: Read, kind: 'spend' | 'ocds', body: string | null): ImportedFile {
  return {
    file: r.source.name,
    kind,
    status: 'unchanged',
    body,
    layout: r.spend?.layout ?? null,
    rows: r.spend?.lines.length ?? r.ocds!.awards.length,
    pence: r.spend?.pence ?? null,
    duplicates: { rows: 0, notCounted: 0, pence: 0 },
    releases: r.ocds?.releases ?? null,
  };
}

/** The duplicates rule over each body's new lines, after the lines already stored. */
async function duplicates(store: Store, fresh: Read[], rule: DuplicateRule) {
  const out = new Map<SpendFile, ReturnType<typeof applyDuplicateRule>>();
  const byBody = new Map<string, SpendFile[]>();
  for (const r of fresh) {
    if (!r.spend) continue;
    const list = byBody.get(r.spend.body);
    if (list) list.push(r.spend);
    else byBody.set(r.spend.body, [r.spend]);
  }
  for (const [body, spends] of byBody) {
    const earlier = await storedLineKeys(store, [body]);
    let verdicts;
    try {
      verdicts = applyDuplicateRule(
        spends.flatMap((s) => s.lines),
        rule,
        earlier,
      );
    } catch (e) {
      throw new SourceError({ file: spends[0]!.file }, (e as Error).message);
    }
    let at = 0;
    for (const s of spends) {
      out.set(s, verdicts.slice(at, at + s.lines.length));
      at += s.lines.length;
    }
  }
  return out;
}

async function writeSpend(
  store: Store,
  s: SpendFile,
  verdicts: ReturnType<typeof applyDuplicateRule>,
  rule: DuplicateRule,
  bodies: Set<string>,
): Promise<ImportedFile> {
  const id = await addFile(store, {
    kind: 'spend',
    body: s.body,
    file: s.file,
    sha256: s.sha256,
    layout: s.layout,
    readerVersion: SPEND_READER_VERSION,
    rows: s.lines.length,
    pence: s.pence,
    duplicatesRule: rule,
  });
  const dup = { rows: 0, notCounted: 0, pence: 0 };
  // Payees repeat heavily: each distinct published name is keyed once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = payeeKey(name)));
    return k;
  };
  // One row array, refilled for each line: the appender copies the cells as it goes.
  const row: Cell[] = new Array<Cell>(KINDS.lines.length);
  function* rows(): Generator<Cell[]> {
    for (let i = 0; i < s.lines.length; i++) {
      const l = s.lines[i]!;
      const v = verdicts[i]!;
      if (v.duplicateOf) {
        dup.rows++;
        if (!v.counted) [dup.notCounted, dup.pence] = [dup.notCounted + 1, dup.pence + l.pence];
      }
      row[0] = id;
      row[1] = l.line;
      row[2] = l.service;
      row[3] = l.expenseType;
      row[4] = l.date;
      row[5] = l.invoiceDate;
      row[6] = l.transaction;
      row[7] = l.pence;
      row[8] = l.supplier;
      row[9] = keyOf(l.supplier);
      row[10] = l.companyNumber;
      row[11] = l.charityNumber;
      row[12] = v.counted;
      row[13] = v.duplicateOf && `${v.duplicateOf.file}:${v.duplicateOf.line}`;
      yield row;
    }
  }
  await appendTable(store, 'franchise_lines', KINDS.lines, rows());
  bodies.add(s.body);
  return {
    file: s.file,
    kind: 'spend',
    status: 'imported',
    body: s.body,
    layout: s.layout,
    rows: s.lines.length,
    pence: s.pence,
    duplicates: dup,
    releases: null,
  };
}

async function writeOcds(store: Store, o: OcdsFile, bodies: Set<string>): Promise<ImportedFile> {
  const known = franchiseData().bodies;
  const bodyOf = (a: OcdsAward) => (a.buyer === null ? null : (findBody(known, a.buyer)?.name ?? a.buyer));
  const id = await addFile(store, {
    kind: 'ocds',
    body: null,
    file: o.file,
    sha256: o.sha256,
    layout: null,
    readerVersion: OCDS_READER_VERSION,
    rows: o.awards.length,
    pence: null,
    duplicatesRule: null,
  });
  await appendTable(
    store,
    'franchise_awards',
    KINDS.awards,
    o.awards.map((a) => {
      const s = a.supplier;
      const body = bodyOf(a);
      if (body) bodies.add(body);
      return [
        id,
        a.ocid,
        a.releaseId,
        a.releaseDate,
        a.publisher,
        a.awardId,
        a.contractId,
        a.status,
        a.date,
        a.buyer,
        body,
        s.id,
        s.name.trim(),
        payeeKey(s.name),
        s.scheme,
        s.identifier,
        s.companyNumber,
        s.charityNumber,
        s.postcode,
        s.scale,
        a.pence,
        a.currency,
        a.title,
      ];
    }),
  );
  await appendTable(
    store,
    'franchise_metrics',
    KINDS.metrics,
    o.metrics.map((m: OcdsMetric) => [
      id,
      m.ocid,
      m.releaseId,
      m.releaseDate,
      m.awardId,
      m.contractId,
      m.stage,
      m.metricId,
      m.title,
      m.observationId,
      m.measure,
      m.periodStart,
      m.periodEnd,
      JSON.stringify(m.supplierIds),
    ]),
  );
  return {
    file: o.file,
    kind: 'ocds',
    status: 'imported',
    body: null,
    layout: null,
    rows: o.awards.length,
    pence: null,
    duplicates: { rows: o.duplicates.length, notCounted: o.duplicates.length, pence: 0 },
    releases: o.releases,
  };
}

/** The register's recorded events. */
export async function historyEvents(store: Store): Promise<RegisterEvent[]> {
  return (await registerHistory(store)).map((h) => ({
    conditionId: h.condition_id,
    eventKey: h.event_key,
    at: h.at,
    status: h.status as RegisterEvent['status'],
    detail: h.detail,
    title: h.title,
    source: h.source,
  }));
}

/** Appends new register events; refuses (throws, so the transaction rolls back) any rewrite. */
async function writeRegister(store: Store, metrics: OcdsMetric[]) {
  if (metrics.length === 0) return { appended: 0, conditions: 0 };
  const history = await historyEvents(store);
  const add = appendable(history, registerEvents(metrics));
  const counts = new Map<string, number>();
  for (const h of history) counts.set(h.conditionId, (counts.get(h.conditionId) ?? 0) + 1);
  const fresh = new Map<string, RegisterEvent>();
  const rows = add.map((e): Cell[] => {
    const n = (counts.get(e.conditionId) ?? 0) + 1;
    counts.set(e.conditionId, n);
    if (n === 1) fresh.set(e.conditionId, e);
    return [e.eventKey, e.conditionId, n, e.at, e.status, e.detail, e.title, e.source];
  });
  for (const e of fresh.values()) await addRegisterCondition(store, e.conditionId, e.title, e.at);
  await appendTable(store, 'franchise_register_history', KINDS.history, rows);
  return { appended: rows.length, conditions: fresh.size };
}
