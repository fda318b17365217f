// Importing a commitments register file (JSON or YAML): checked against the areas in the store,
// the indicator registry and the ids the registers have seen (never reused), every problem named
// with its path and line; then the new commitments and their statuses — a person's assessment, or
// the declared rule on the data at `asOf` — are recorded in one transaction, or nothing is.
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { CommitmentImport } from '../contract/accountability.ts';
import {
  fingerprint,
  registerSchema,
  type Commitment,
  type HistoryEntry,
  type RegisterLookups,
} from '../models/accountability/index.ts';
import type { CommitmentRecord, Registers, RegisterWrite } from '../civic/service.ts';
import { areaNameRows } from '../store/queries/areas.ts';
import { assessedEntry, dateOrUsage, ruleEntry, storedHistories, toAppend } from './commitment-status.ts';
import type { Ctx } from './context.ts';
import { validateFile, type ParsedFile } from './data-file.ts';

/** The terms of a commitment as recorded: everything but the assessment, which history keeps. */
export function termsOf(c: Commitment): string {
  const { assessed: _, ...terms } = c;
  return JSON.stringify(terms);
}

async function lookups(ctx: Ctx, regs: Registers): Promise<RegisterLookups> {
  const areas = new Set((await areaNameRows(ctx.store)).map((r) => r.areacd));
  const used = new Map((await regs.commitments()).map((c) => [c.id, c.fingerprint]));
  const indicators = new Map((await ctx.registry()).indicators.map((e) => [e.id, e]));
  return {
    area: (code) => areas.has(code),
    indicator: (id) => indicators.get(id),
    usedId: (id) => used.get(id),
  };
}

/** The history entries `commitments` need appended at `asOf`, by commitment; refusals name the file. */
export async function planHistory(
  ctx: Ctx,
  commitments: readonly Commitment[],
  stored: Map<string, HistoryEntry[]>,
  asOf: string,
  taxonomy: Taxonomy,
  where: string,
): Promise<RegisterWrite['history']> {
  const out: RegisterWrite['history'] = [];
  for (const c of commitments) {
    const offered = [assessedEntry(c), c.measure ? await ruleEntry(ctx, c, asOf, taxonomy) : null];
    try {
      const entries = toAppend(
        stored.get(c.id) ?? [],
        offered.filter((e) => e !== null),
      );
      if (entries.length) out.push({ commitment: c.id, entries });
    } catch (e) {
      throw new UsageError(`${where}: commitment ${c.id}: ${(e as Error).message}`, 'conflict', 409);
    }
  }
  return out;
}

/** Imports a register file; nothing is written unless all of it is accepted. */
export async function importCommitments(
  ctx: Ctx,
  regs: Registers,
  file: ParsedFile,
  asOf: string,
  taxonomy: Taxonomy,
): Promise<CommitmentImport> {
  dateOrUsage(asOf, 'as-of date');
  const register = validateFile(file, registerSchema(await lookups(ctx, regs)));
  const recorded = new Map((await regs.commitments()).map((c) => [c.id, c]));
  const fresh: CommitmentRecord[] = [];
  for (const c of register.commitments) {
    const rec = {
      id: c.id,
      register: register.register,
      example: register.example,
      fingerprint: fingerprint(c),
      spec: termsOf(c),
    };
    const old = recorded.get(c.id);
    if (!old) fresh.push(rec);
    else if (old.spec !== rec.spec)
      throw new UsageError(
        `${file.name}: commitment ${c.id} is recorded with other terms, which never change: give the new terms a new id and list ${c.id} under replaces`,
        'conflict',
        409,
      );
  }
  const history = await planHistory(
    ctx,
    register.commitments,
    await storedHistories(regs),
    asOf,
    taxonomy,
    file.name,
  );
  await regs.record({ commitments: fresh, history });
  return {
    register: register.register,
    example: register.example,
    asOf,
    added: fresh.map((c) => c.id),
    unchanged: register.commitments.map((c) => c.id).filter((id) => recorded.has(id)),
    appended: history.flatMap((h) =>
      h.entries.map((e) => ({ id: h.commitment, seq: e.seq, date: e.date, status: e.status })),
    ),
  };
}
