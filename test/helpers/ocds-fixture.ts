// A Find a Tender release package written in the published OCDS 1.1 release schema
// (with the metrics extension that carries KPIs), for reader and import tests.

/** A Find a Tender release package in the OCDS 1.1 release schema, with the metrics extension. */
export function tenderPackage(overrides: { releases?: unknown[] } = {}) {
  const buyer = {
    id: 'GB-PPON-PDRN-1234-ABCD',
    name: 'Manchester City Council',
    identifier: { scheme: 'GB-PPON', id: 'PDRN-1234-ABCD' },
    address: { postalCode: 'M60 2LA', countryName: 'United Kingdom' },
    roles: ['buyer'],
  };
  const care = {
    id: 'GB-PPON-PXYZ-5678-EFGH',
    name: 'Northern Life Care Limited',
    identifier: { scheme: 'GB-PPON', id: 'PXYZ-5678-EFGH' },
    additionalIdentifiers: [{ scheme: 'GB-COH', id: '1867042' }],
    address: {
      streetAddress: '1 Station Parade',
      locality: 'Harrogate',
      postalCode: 'hg1 5bh',
      countryName: 'United Kingdom',
    },
    roles: ['supplier'],
    details: { scale: 'large' },
  };
  const partner = {
    id: 'GB-PPON-PQRS-9012-IJKL',
    name: 'Manchester Care Co-operative',
    identifier: { scheme: 'GB-PPON', id: 'PQRS-9012-IJKL' },
    additionalIdentifiers: [{ scheme: 'GB-CHC', id: '1101234' }],
    address: { postalCode: 'M13 9PL' },
    roles: ['supplier'],
    details: { scale: 'sme' },
  };
  const award = {
    id: 'AW-1',
    title: 'Home care, north Manchester',
    status: 'active',
    date: '2025-04-01T00:00:00Z',
    value: { amount: 1000000.01, currency: 'GBP' },
    suppliers: [
      { id: care.id, name: care.name },
      { id: partner.id, name: partner.name },
    ],
  };
  const details = {
    ocid: 'ocds-h6vhtk-04a1b2',
    id: 'ocds-h6vhtk-04a1b2-UK7-1',
    date: '2025-04-10T09:00:00Z',
    tag: ['contract'],
    initiationType: 'tender',
    parties: [buyer, care, partner],
    buyer: { id: buyer.id, name: buyer.name },
    awards: [award],
    contracts: [
      {
        id: 'CT-1',
        awardID: 'AW-1',
        status: 'active',
        value: { amount: 1000000.01, currency: 'GBP' },
        agreedMetrics: [
          {
            id: 'kpi-1',
            title: 'Service coverage: share of eligible households reached',
            observations: [{ id: 'kpi-1-target', measure: '95% of eligible households' }],
          },
        ],
      },
    ],
  };
  const performance = {
    ...details,
    id: 'ocds-h6vhtk-04a1b2-UK9-1',
    date: '2026-04-15T09:00:00Z',
    tag: ['contractUpdate'],
    contracts: [
      {
        id: 'CT-1',
        awardID: 'AW-1',
        implementation: {
          metrics: [
            {
              id: 'kpi-1',
              title: 'Service coverage: share of eligible households reached',
              observations: [
                {
                  id: 'kpi-1-2025-26',
                  measure: 'Approaching target',
                  period: { startDate: '2025-04-01T00:00:00Z', endDate: '2026-03-31T23:59:59Z' },
                },
              ],
            },
          ],
        },
      },
    ],
  };
  return {
    uri: 'https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages',
    version: '1.1',
    publishedDate: '2026-04-15T09:00:00Z',
    publisher: { name: 'Find a Tender' },
    releases: overrides.releases ?? [details, performance],
  };
}
