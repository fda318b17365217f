import { z } from 'zod';

// The part of the Open Contracting Data Standard 1.1 release schema Strata reads, with the
// metrics extension (awards/contracts `agreedMetrics`, `implementation.metrics`) that Find a
// Tender uses for KPIs. Other fields are allowed and ignored.

const identifier = z.looseObject({ scheme: z.string().min(1), id: z.union([z.string(), z.number()]) });

const party = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  identifier: identifier.optional(),
  additionalIdentifiers: z.array(identifier).optional(),
  address: z.looseObject({ postalCode: z.string().optional() }).optional(),
  roles: z.array(z.string()).default([]),
  details: z.looseObject({ scale: z.string().optional() }).optional(),
});

const value = z.looseObject({ amount: z.number(), currency: z.string().min(3).max(3) });

const observation = z.looseObject({
  id: z.string().min(1),
  measure: z.union([z.string(), z.number()]).nullable().optional(),
  period: z.looseObject({ startDate: z.string().optional(), endDate: z.string().optional() }).optional(),
});

const metric = z.looseObject({
  id: z.string().min(1),
  title: z.string().nullable().optional(),
  observations: z.array(observation).default([]),
});

const award = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  title: z.string().nullable().optional(),
  status: z.string().optional(),
  date: z.string().optional(),
  value: value.optional(),
  suppliers: z.array(z.looseObject({ id: z.string().min(1), name: z.string().optional() })).default([]),
  agreedMetrics: z.array(metric).optional(),
});

const contract = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  awardID: z.union([z.string().min(1), z.number()]),
  title: z.string().nullable().optional(),
  status: z.string().optional(),
  value: value.optional(),
  agreedMetrics: z.array(metric).optional(),
  implementation: z.looseObject({ metrics: z.array(metric).optional() }).optional(),
});

export const releaseSchema = z.looseObject({
  ocid: z.string().regex(/^ocds-[a-z0-9]{6}-/, 'an ocid (ocds-xxxxxx-…)'),
  id: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date-time'),
  tag: z.array(z.string()).min(1),
  parties: z.array(party).default([]),
  buyer: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  awards: z.array(award).default([]),
  contracts: z.array(contract).default([]),
});

export const packageSchema = z.looseObject({
  publishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date-time'),
  releases: z.array(z.unknown()).min(1),
});

export type Release = z.output<typeof releaseSchema>;
export type Party = z.output<typeof party>;
export type Metric = z.output<typeof metric>;
