// Lookups shipped with Strata as data (data/lookups/): ITL1 areas and the region or country
// codes indicators are published for, recoded areas, and districts merged in April 2023.
import { readFileSync } from 'node:fs';
import { readDistrictChanges } from '../ingest/district-changes.ts';
import { readSourceFile } from '../ingest/source-file.ts';

const DIR = new URL('../../data/lookups/', import.meta.url).pathname;

/** A named area at a level. */
export interface AreaRef {
  areacd: string;
  areanm: string;
  level: string;
}

/** The lookups, each read once when first asked for. */
export class Lookups {
  #regions?: ReadonlyMap<string, AreaRef>;
  #changes?: ReadonlyMap<string, { code: string; effective: number }>;
  #successors?: ReadonlyMap<string, string>;

  /** ITL1 code → the region or country GSS code ONS publishes indicators for (itl1-region.csv). */
  get itl1Regions(): ReadonlyMap<string, AreaRef> {
    this.#regions ??= new Map(
      csvLines('itl1-region.csv').map(([itl1, , rgn, rgnnm]) => [
        itl1!,
        { areacd: rgn!, areanm: rgnnm!, level: 'rgn' },
      ]),
    );
    return this.#regions;
  }

  /** Recoded areas (code-changes.csv): old GSS code → the new code and the year it took effect. */
  get codeChanges(): ReadonlyMap<string, { code: string; effective: number }> {
    this.#changes ??= new Map(
      csvLines('code-changes.csv').map(([oldCode, , newCode, , effective]) => [
        oldCode!,
        { code: newCode!, effective: Number(effective!.slice(0, 4)) },
      ]),
    );
    return this.#changes;
  }

  /** Districts abolished in April 2023 → the authority they joined (lad-changes-2023.csv). */
  get districtSuccessors(): ReadonlyMap<string, string> {
    this.#successors ??= new Map(
      readDistrictChanges(readSourceFile(DIR + 'lad-changes-2023.csv')).map((c) => [c.oldCode, c.newCode]),
    );
    return this.#successors;
  }
}

function csvLines(name: string): string[][] {
  return readFileSync(DIR + name, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}
