// The tables the current page shows, in the order they appear: each data table registers itself
// while it is on the page, so the shell can offer every one of them as one workbook.
import type { PageTable } from './workbook.ts';

interface Registered {
  id: number;
  entry: () => PageTable;
  /** Where the table is on the page, to list tables in document order. */
  el: () => Element | undefined;
}

const tables = $state<{ list: Registered[] }>({ list: [] });
let next = 0;

/** Registers a table while its component lives; returns the function that removes it. */
export function registerTable(entry: () => PageTable, el: () => Element | undefined): () => void {
  const id = next++;
  tables.list.push({ id, entry, el });
  return () => {
    const i = tables.list.findIndex((t) => t.id === id);
    if (i >= 0) tables.list.splice(i, 1);
  };
}

/** The page's tables now, in document order. */
export function pageTables(): PageTable[] {
  const before = (a: Element | undefined, b: Element | undefined) =>
    a && b ? (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : 0;
  return [...tables.list].sort((a, b) => before(a.el(), b.el())).map((t) => t.entry());
}

/** How many tables the page holds. */
export function pageTableCount(): number {
  return tables.list.length;
}
