import { SourceError, type SourceLocation } from '../core/errors.ts';
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
 * Reads a published industry list as a tree: each code's parent is the finest code of a
 * coarser form that covers all of its divisions (METHODS.md §1), whatever the row order.
 */
export function industryTree(codes: readonly string[]): Map<string, TreeNode> {
  const nodes = new Map<string, TreeNode>();
  for (const code of codes) {
    if (!nodes.has(code))
      nodes.set(code, { code, resolved: resolveIndustry(code), parent: null, children: [] });
  }
  for (const node of nodes.values()) {
    const rank = codeRank(node.code);
    let best: TreeNode | null = null;
    for (const candidate of nodes.values()) {
      const r = codeRank(candidate.code);
      if (r >= rank || !covers(candidate.resolved.divisions, node.resolved.divisions)) continue;
      if (!best || r > codeRank(best.code)) best = candidate;
    }
    node.parent = best?.code ?? null;
    best?.children.push(node.code);
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

/** Throws a SourceError at `where` when a published industry code does not resolve to SIC divisions. */
export function checkIndustryCode(code: string, where: SourceLocation): void {
  try {
    resolveIndustry(code);
  } catch (e) {
    throw new SourceError({ ...where, value: code }, (e as Error).message);
  }
}
