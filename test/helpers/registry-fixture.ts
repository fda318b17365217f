import type { RegistryEntry } from '../../src/models/registry/entry.ts';

/** A registry entry for model tests; override what the test is about. */
export function fixtureEntry(overrides: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    id: 'employment-rate:employment-rate',
    label: 'Employment rate',
    kind: 'published',
    group: 'jobs',
    source: ['els-employment-rate'],
    publisher: 'Office for National Statistics',
    unit: '%',
    polarity: 'higher-is-better',
    rationale: 'more people in work',
    period: 'annual',
    levels: ['lad', 'uk'],
    boundaries: ['lad-2023'],
    interval: { method: 'published' },
    trend: { kind: 'ci-change' },
    ...overrides,
  };
}

/** A lookup over a few fixture entries: a percentage, a pay gap that can be negative, a £ value, a share without polarity, minutes. */
export function fixtureLookup(): (id: string) => RegistryEntry | undefined {
  const entries = [
    fixtureEntry(),
    fixtureEntry({
      id: 'gpg-median-workplace-all',
      polarity: 'lower-is-better',
      bounds: { min: -100, max: 100 },
    }),
    fixtureEntry({ id: 'gross-median-weekly-pay', unit: '£' }),
    fixtureEntry({ id: 'foundational-share-gva', polarity: 'none' }),
    fixtureEntry({
      id: 'average-travel-time:public-transport-or-walk-to-work',
      unit: 'mins',
      polarity: 'lower-is-better',
    }),
    fixtureEntry({ id: 'industry:gpg-median-all', kind: 'industry', levels: ['uk'] }),
  ];
  return (id) => entries.find((e) => e.id === id);
}
