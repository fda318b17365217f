import { indexOf, type Panel } from './panel.ts';

/** A weighted parent link: `weight` of the child's value belongs to the parent. */
export interface Link {
  child: string;
  parent: string;
  weight: number;
}

/**
 * Sums a panel up an area hierarchy (LAD → ITL3 → ITL2 → ITL1 → UK). A parent gets a value
 * only where all its children have one; children absent from the panel make the parent
 * incomplete and it is left out (listed in `incomplete`), so no roll-up silently undercounts.
 */
export function rollUp(p: Panel, links: Link[]): { panel: Panel; incomplete: string[] } {
  const ai = indexOf(p.areas);
  const byParent = new Map<string, Link[]>();
  for (const l of links) {
    const list = byParent.get(l.parent) ?? [];
    list.push(l);
    byParent.set(l.parent, list);
  }
  const parents: string[] = [];
  const incomplete: string[] = [];
  for (const [parent, kids] of byParent)
    (kids.every((k) => ai.has(k.child)) ? parents : incomplete).push(parent);
  parents.sort();
  const Y = p.years.length;
  const I = p.industries.length;
  const values = new Float64Array(parents.length * Y * I);
  parents.forEach((parent, q) => {
    for (const link of byParent.get(parent)!) {
      const a = ai.get(link.child)!;
      for (let k = 0; k < Y * I; k++) {
        const x = p.values[a * Y * I + k]!;
        values[q * Y * I + k] += x === x ? x * link.weight : 0;
      }
    }
  });
  return { panel: { ...p, areas: parents, values }, incomplete: incomplete.sort() };
}
