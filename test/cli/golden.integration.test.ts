// What the CLI prints for a few representative commands, to the character: tables on stdout
// (as on a terminal), notes on stderr. A change of output shows as a diff of test/golden/cli/.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { strata } from '../helpers/cli.ts';
import { assertGolden } from '../helpers/golden.ts';
import { packWorkbench } from '../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

const COMMANDS: Record<string, string[]> = {
  'layers-itl1': ['layers', '--level', 'itl1', '--year', '2022', '--format', 'table'],
  'area-hartlepool': ['area', 'E06000001', '--format', 'table'],
  'indicator-pay-rgn': ['indicator', 'gross-median-weekly-pay', '--level', 'rgn', '--format', 'table'],
  'io-multipliers-tlc11': ['io', 'multipliers', '--area', 'TLC11', '--format', 'table'],
  'io-extract': ['io', 'extract', '--layer', 'foundational-material', '--format', 'csv'],
  'compare-hartlepool': ['compare', 'E06000001', '--format', 'csv'],
  'entitlements-summary': ['entitlements', '--view', 'summary', '--format', 'table'],
  'gender-layers': ['gender', '--view', 'layers', '--format', 'csv'],
  'finance-collective-dc': [
    'finance',
    'run',
    'data/finance/examples/collective-dc.yaml',
    '--paths',
    '1000',
    '--format',
    'table',
  ],
  'franchise-conditions-leeds': ['franchise', 'conditions', '--body', 'leeds', '--format', 'table'],
  'missions-hartlepool': [
    'missions',
    'status',
    'data/missions/examples/decarbonisation.yaml',
    '--area',
    'E06000001',
    '--format',
    'table',
  ],
  'scenario-run-hartlepool': [
    'scenario',
    'run',
    'data/scenarios/examples/hartlepool-adult-social-care.yaml',
    '--draws',
    '100',
    '--format',
    'table',
  ],
};

describe('CLI output against golden files', () => {
  for (const [name, args] of Object.entries(COMMANDS)) {
    it(`strata ${args.join(' ')}`, async () => {
      const r = await strata(args);
      assert.equal(r.code, 0, r.err);
      assertGolden(`cli/${name}.out`, r.out);
      assertGolden(`cli/${name}.err`, r.err);
    });
  }
});
