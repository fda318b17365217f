import type { CatalogueSource, ReaderInput } from '../../src/ingest/reader.ts';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';

/** A catalogue entry for tests; override what the reader under test reads. */
export function testSource(overrides: Partial<CatalogueSource> = {}): CatalogueSource {
  return {
    id: 'test-source',
    publisher: 'Office for National Statistics',
    title: 'Test table',
    landing: 'https://www.ons.gov.uk/',
    downloads: {},
    licence: 'Open Government Licence v3.0',
    vintage: 'test',
    files: ['*.csv'],
    reader: 'test',
    folder: 'test',
    ...overrides,
  };
}

/** Reader input from in-memory files: `{ 'name.csv': 'a,b\n1,2\n' }`. */
export function inputOf(
  files: Record<string, string | Uint8Array>,
  source: Partial<CatalogueSource> = {},
): ReaderInput {
  return {
    files: Object.entries(files).map(([name, body]) => sourceFromBytes(name, body)),
    source: testSource(source),
    retrieved: '2026-01-01',
  };
}

/** The data pack beside the repository; integration tests fail when it is missing. */
export const PACK = process.env.STRATA_PACK ?? new URL('../../../shared/data-pack', import.meta.url).pathname;
