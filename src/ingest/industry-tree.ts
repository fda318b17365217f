import { resolveIndustry, type ResolvedIndustry } from '../core/sic.ts';

/**
 * How coarse a published code's form is: `Total` 0, section span `A-E` 1, section `C (10-33)` 2,
 * section group `CA (10-12)` / `CD-CG (19-23)` 3, division or division range `41`, `49-51`, `68IMP` 4.
 */
export function codeRank(code: string): number {
  if (/^total$/i.test(code)) return 0;
  if (/^[A-U]-[A-U]$/.test(code)) return 1;
  if (/^[A-U] \(/.test(code)) return 2;
  if (/^[A-U][A-Z](-[A-U][A-Z])? \(/.test(code)) return 3;
  return 4;
}

export interface TreeNode {
  code: string;
  resolved: ResolvedIndustry;
  parent: string | null;
  children: string[];
}

/**
 * Reads a published industry list (in file order) as a tree: each code's parent is the
 * nearest earlier code of a coarser form that covers all of its divisions (METHODS.md §1).
 */
export function industryTree(codes: readonly string[]): Map<string, TreeNode> {
  const nodes = new Map<string, TreeNode>();
  const order: TreeNode[] = [];
  for (const code of codes) {
    if (nodes.has(code)) continue;
    const resolved = resolveIndustry(code);
    const rank = codeRank(code);
    let parent: TreeNode | null = null;
    for (let i = order.length - 1; i >= 0; i--) {
      const candidate = order[i]!;
      if (codeRank(candidate.code) < rank && covers(candidate.resolved.divisions, resolved.divisions)) {
        parent = candidate;
        break;
      }
    }
    const node: TreeNode = { code, resolved, parent: parent?.code ?? null, children: [] };
    parent?.children.push(code);
    nodes.set(code, node);
    order.push(node);
  }
  return nodes;
}

function covers(outer: readonly string[], inner: readonly string[]): boolean {
  const set = new Set(outer);
  return inner.every((d) => set.has(d));
}

/** The leaves of the tree: the finest published codes, which partition the root. */
export function leaves(tree: Map<string, TreeNode>): string[] {
  return [...tree.values()].filter((n) => n.children.length === 0).map((n) => n.code);
}
