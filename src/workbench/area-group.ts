// A custom group of areas, checked before anything is computed: known codes of one level (districts
// and combined authorities mix, as both are summed from districts), no area twice, none inside
// another. Every refusal names the entry (`areas.3`), its line in a file, and the value.
import { levelOf, type AreaLevel } from '../core/levels.ts';
import { AreaGroupSpec } from '../contract/area-group.ts';
import type { AreaRef } from '../contract/common.ts';
import { cauthMembership } from './cauth.ts';
import type { Ctx } from './context.ts';
import { DataFileError, fromValue, validateFile, type FileIssue, type ParsedFile } from './data-file.ts';
import { lads2023 } from './geography.ts';
import { areaNames } from './panels.ts';

/** The table a group is summed from. */
export type GroupBase = 'lad' | 'itl3' | 'itl2' | 'itl1';

/** A checked group: its members as named, and the base-table codes each stands for. */
export interface ResolvedGroup {
  spec: AreaGroupSpec;
  base: GroupBase;
  members: AreaRef[];
  /** Codes in the base table the group sums (a combined authority's districts in place of its code). */
  codes: string[];
}

/** The code a group's own rows carry. */
export const GROUP_CODE = 'group';

/** A group from a URL list: `areas=E06000001,E06000004` and a name. */
export function groupFromList(areas: string[], name: string): ParsedFile {
  return fromValue({ name, areas }, 'area list');
}

/** Checks a group file (YAML or JSON, parsed) against the schema and the store; throws naming every problem. */
export async function resolveGroup(ctx: Ctx, file: ParsedFile): Promise<ResolvedGroup> {
  const spec = validateFile(file, AreaGroupSpec, { values: true });
  const levels = spec.areas.map((c) => levelOf(c));
  const family = (l: AreaLevel | null) => (l === 'lad' || l === 'cauth' ? 'lad' : l);
  const base = family(levels[0]!);
  const issues: FileIssue[] = [];
  const issue = (k: number, message: string) => {
    const at = file.locate(['areas', k]);
    issues.push({ path: `areas.${k}`, line: at?.line ?? null, column: at?.column ?? null, message });
  };
  levels.forEach((l, k) => {
    if (family(l) !== base)
      issue(
        k,
        `mixed levels: ${spec.areas[k]} is ${l ?? 'no known level'} but ${spec.areas[0]} is ${levels[0] ?? 'no known level'} (a group is of districts and combined authorities, or of one ITL level) (value: "${spec.areas[k]}")`,
      );
  });
  if (base !== 'lad' && base !== 'itl3' && base !== 'itl2' && base !== 'itl1')
    issue(
      0,
      `a group is of districts, combined authorities or ITL areas, not ${base ?? 'unknown codes'} (value: "${spec.areas[0]}")`,
    );
  if (issues.length) throw new DataFileError(file.name, issues);
  const r =
    base === 'lad' ? await ladMembers(ctx, spec.areas, issue) : await itlMembers(ctx, spec.areas, issue);
  if (issues.length) throw new DataFileError(file.name, issues);
  return { spec, base: base as GroupBase, ...r };
}

type Issue = (k: number, message: string) => void;

/** Districts and combined authorities → the April 2023 districts they cover, each once. */
async function ladMembers(ctx: Ctx, areas: string[], issue: Issue) {
  const lads = new Map((await lads2023(ctx)).map((l) => [l.areacd, l.areanm]));
  const cauth = await cauthMembership(ctx);
  const members: AreaRef[] = [];
  const owner = new Map<string, number>();
  areas.forEach((code, k) => {
    const districts = code.startsWith('E47') ? cauth.members.get(code) : lads.has(code) ? [code] : undefined;
    if (!districts) {
      const what = code.startsWith('E47') ? 'combined authority' : 'local authority district (April 2023)';
      return issue(k, `unknown ${what}: ${code} (value: "${code}")`);
    }
    for (const d of districts) {
      const first = owner.get(d);
      if (first !== undefined)
        issue(
          k,
          `overlapping areas: ${code} and ${areas[first]} (areas.${first}) both cover ${lads.get(d) ?? d} (${d}) (value: "${code}")`,
        );
      else owner.set(d, k);
    }
    members.push({
      areacd: code,
      areanm: (code.startsWith('E47') ? cauth.names.get(code) : lads.get(code)) ?? code,
      level: code.startsWith('E47') ? 'cauth' : 'lad',
    });
  });
  return { members, codes: [...owner.keys()] };
}

/** ITL areas of one level, known to the lookup. */
async function itlMembers(ctx: Ctx, areas: string[], issue: Issue) {
  const names = await areaNames(ctx);
  const known = new Set((await lads2023(ctx)).flatMap((l) => l.itl));
  const members: AreaRef[] = [];
  areas.forEach((code, k) => {
    if (!known.has(code))
      return issue(k, `unknown ITL area (January 2021 codes): ${code} (value: "${code}")`);
    members.push({ areacd: code, areanm: names.get(code) ?? code, level: levelOf(code)! });
  });
  return { members, codes: areas };
}
