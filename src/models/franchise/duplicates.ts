// Duplicated lines in spend files, handled by a declared rule (never dropped or counted twice
// in silence). Two lines are duplicates when every published field is the same.
import type { SpendLine } from '../../core/franchise.ts';

/**
 * `within-file-kept` (default): identical lines inside one file are separate payments (files list
 * invoice lines, and layouts without a transaction number cannot tell two equal invoices apart),
 * but a line identical to one in another file of the body is a republication, counted once.
 * `collapse`: every identical line after the first is counted once. `refuse`: any duplicate is an error.
 */
export const DUPLICATE_RULES = ['within-file-kept', 'collapse', 'refuse'] as const;
export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

/** The fields that make two lines the same payment (file and line number excluded). */
export function lineKey(l: SpendLine): string {
  return [
    l.body,
    l.service ?? '',
    l.expenseType ?? '',
    l.date,
    l.invoiceDate ?? '',
    l.transaction ?? '',
    l.pence,
    l.supplier,
    l.companyNumber ?? '',
    l.charityNumber ?? '',
  ].join('\u241f');
}

/** Where a duplicate line was first seen. */
export interface FirstSeen {
  file: string;
  line: number;
}

export interface DuplicateVerdict {
  /** Whether the line counts in totals. */
  counted: boolean;
  /** The earlier identical line, if any. */
  duplicateOf: FirstSeen | null;
}

/**
 * Applies a rule to lines in file order. `earlier` holds keys of lines already stored for the
 * body (from earlier imports), with where each was first seen.
 */
export function applyDuplicateRule(
  lines: readonly SpendLine[],
  rule: DuplicateRule,
  earlier: ReadonlyMap<string, FirstSeen> = new Map(),
): DuplicateVerdict[] {
  const seen = new Map<string, FirstSeen>(earlier);
  return lines.map((l) => {
    const key = lineKey(l);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { file: l.file, line: l.line });
      return { counted: true, duplicateOf: null };
    }
    switch (rule) {
      case 'within-file-kept':
        return { counted: first.file === l.file, duplicateOf: first };
      case 'collapse':
        return { counted: false, duplicateOf: first };
      case 'refuse':
        throw new Error(
          `${l.file}:${l.line}: duplicate of ${first.file}:${first.line} (duplicates rule refuse)`,
        );
      default:
        throw new Error(`invalid duplicates rule: ${rule as string}`);
    }
  });
}
