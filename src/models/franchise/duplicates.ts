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

/** Whether two lines are the same payment: every published field equal. */
function sameLine(a: SpendLine, b: SpendLine): boolean {
  return (
    a.pence === b.pence &&
    a.date === b.date &&
    a.supplier === b.supplier &&
    a.transaction === b.transaction &&
    a.service === b.service &&
    a.expenseType === b.expenseType &&
    a.invoiceDate === b.invoiceDate &&
    a.body === b.body &&
    a.companyNumber === b.companyNumber &&
    a.charityNumber === b.charityNumber
  );
}

/** The verdict of nearly every line, shared (verdicts are never changed). */
const FIRST: DuplicateVerdict = Object.freeze({ counted: true, duplicateOf: null });

/**
 * Applies a rule to lines in file order. `earlier` holds keys of lines already stored for the
 * body (from earlier imports), with where each was first seen. Lines are bucketed by amount and
 * date and compared field by field, so a key string is built only when there are earlier lines.
 */
export function applyDuplicateRule(
  lines: readonly SpendLine[],
  rule: DuplicateRule,
  earlier: ReadonlyMap<string, FirstSeen> = new Map(),
): DuplicateVerdict[] {
  const buckets = new Map<number, Map<string, number[]>>();
  return lines.map((l, i) => {
    let byDate = buckets.get(l.pence);
    if (!byDate) buckets.set(l.pence, (byDate = new Map()));
    const bucket = byDate.get(l.date);
    const twin = bucket?.find((j) => sameLine(lines[j]!, l));
    const stored = twin === undefined && earlier.size > 0 ? earlier.get(lineKey(l)) : undefined;
    if (twin === undefined && stored === undefined) {
      if (bucket) bucket.push(i);
      else byDate.set(l.date, [i]);
      return FIRST;
    }
    const first = stored ?? { file: lines[twin!]!.file, line: lines[twin!]!.line };
    switch (rule) {
      case 'within-file-kept':
        return { counted: stored === undefined && first.file === l.file, duplicateOf: first };
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
