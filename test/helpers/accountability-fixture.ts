// A small pack for the accountability registers: the fixture pack with a gross median weekly pay
// file holding several years (the official ONS Explore Local Statistics layout), and the same
// pack revised — one past value changed and the next year's outturn published.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePack, PAY_CSV } from './fixture-pack.ts';

const HEAD = 'areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes';
const AREAS = [
  ['K02000001', 'United Kingdom', 'Country'],
  ['E06000001', 'Hartlepool', 'County or Unitary Authority'],
] as const;

/** Pay by area and year: the first release. */
export const PAY_FIRST: Record<string, Record<number, number>> = {
  K02000001: { 2019: 600, 2020: 610, 2021: 620, 2022: 630, 2023: 640 },
  E06000001: { 2019: 450, 2020: 460, 2021: 470, 2022: 480, 2023: 500 },
};
/** The revision: Hartlepool's 2021 value revised to 472, and 2024 published (530; the UK 650). */
export const PAY_REVISED: Record<string, Record<number, number>> = {
  K02000001: { ...PAY_FIRST.K02000001, 2024: 650 },
  E06000001: { ...PAY_FIRST.E06000001, 2021: 472, 2024: 530 },
};

function payText(values: Record<string, Record<number, number>>): string {
  const lines = AREAS.flatMap(([code, name, geo]) =>
    Object.entries(values[code]!).map(
      ([year, v]) =>
        `${code},${name},${geo},Gross median weekly pay,${year}-04-20,${v},Pounds,£,${v - 10},${v + 10},,`,
    ),
  );
  return '\uFEFF' + [HEAD, ...lines].join('\r\n') + '\r\n';
}

/** The fixture pack with pay as `values`; returns its folder. */
export async function accountabilityPack(values = PAY_FIRST): Promise<string> {
  const dir = await fixturePack();
  writeFileSync(join(dir, PAY_CSV), payText(values));
  return dir;
}

/** Rewrites the pay file of a pack made by accountabilityPack. */
export function revisePack(dir: string, values = PAY_REVISED): void {
  writeFileSync(join(dir, PAY_CSV), payText(values));
}

const pay = { indicator: 'gross-median-weekly-pay', direction: 'increase' };
const base = { who: 'Test council', made: '2023-02-01', deadline: '2025-12-31', source: { title: 'Plan' } };
/** A commitment as a register file writes it (what the tests vary). */
export interface FixtureCommitment {
  id: string;
  measure?: Record<string, unknown>;
  assessed?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Four commitments over this pack's areas, one of each kind of rule and a person's assessment. */
export const COMMITMENTS: FixtureCommitment[] = [
  {
    ...base,
    id: 'E06000001-2023-001',
    what: 'Pay up 10% from 2020 by 2025',
    areas: ['E06000001'],
    measure: {
      ...pay,
      baseline: { period: 2020 },
      target: { period: 2025, change: 0.1 },
      rule: { id: 'trajectory', version: 1 },
    },
  },
  {
    ...base,
    id: 'E06000001-2023-002',
    what: 'Pay at 520 by 2025',
    areas: ['E06000001'],
    measure: { ...pay, target: { period: 2025, value: 520 }, rule: { id: 'target-met', version: 1 } },
  },
  {
    ...base,
    id: 'UK-2023-001',
    who: 'Test government',
    what: 'Keep pay improving',
    deadline: '2023-12-31',
    areas: ['K02000001'],
    measure: {
      ...pay,
      rule: { id: 'criteria-for-change', version: 1, change: { amount: 0.1, kind: 'absolute' } },
    },
  },
  {
    ...base,
    id: 'E06000001-2023-003',
    what: 'Open a cooperative',
    areas: ['E06000001'],
    assessed: {
      status: 'off-track',
      date: '2023-06-01',
      evidence: 'minutes',
      reason: 'no site',
      who: 'Officer',
    },
  },
];
