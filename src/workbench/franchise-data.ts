import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { PublicBody } from '../core/franchise.ts';
import { loadLayouts, type SpendLayout } from '../ingest/spend-layouts.ts';
import type { PayeeRules } from '../models/franchise/classify.ts';
import { FranchiseConditionSet } from '../contract/franchise-conditions.ts';
import type { Condition } from '../models/franchise/conditions.ts';
import type { Respend } from '../models/franchise/lm3.ts';
import type { MatchRules } from '../models/franchise/match.ts';
import type { NameRules } from '../models/franchise/normalise.ts';
import { fromValue, readDataFile, validateFile, type ParsedFile } from './data-file.ts';

/** The franchise engine's value choices, each kept as a data file in data/franchise/. */
const DIR = new URL('../../data/franchise/', import.meta.url).pathname;
export const DEFAULT_CONDITIONS = DIR + 'conditions-default.yaml';

const area = z.object({
  name: z.string().min(1),
  areas: z.array(z.string().regex(/^[A-Z]{1,2}$/)),
  districts: z.array(z.string().regex(/^[A-Z]{1,2}\d{1,2}$/)),
  note: z.string(),
});
const bodies = z.object({
  bodies: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      aliases: z.array(z.string()),
      files: z.array(z.string()),
      area: z
        .string()
        .regex(/^[EWSN]\d{8}$/)
        .nullable(),
      local: area.nullable(),
      region: area.nullable(),
    }),
  ),
});
const payeeRules = z.object({
  rules: z.array(
    z.union([
      z.object({
        id: z.string(),
        class: z.string(),
        match: z.literal('pattern'),
        field: z.enum(['name', 'companyNumber', 'charityNumber']),
        pattern: z.string(),
      }),
      z.object({ id: z.string(), class: z.string(), match: z.literal('person-name') }),
    ]),
  ),
  organisationWords: z.array(z.string()),
  givenNames: z.array(z.string()),
});
const matching = z.object({
  accept: z.object({ score: z.number().min(0).max(100), margin: z.number().min(0).max(100) }),
  review: z.object({ score: z.number().min(0).max(100) }),
  tradingAs: z.array(z.string()),
  stopwords: z.array(z.string()),
  expand: z.record(z.string(), z.string()),
  legalForms: z.record(z.string(), z.array(z.string())),
  truncatedFrom: z.number().int().positive(),
  minPrefix: z.number().int().positive(),
  maxPostings: z.number().int().positive(),
  distinguishing: z.array(z.string().regex(/^[A-Z0-9]+$/)),
});
const expense = z.object({
  rules: z.array(z.object({ pattern: z.string(), divisions: z.array(z.string().regex(/^\d\d$/)) })),
});
const lm3 = z.object({
  types: z.record(
    z.string(),
    z.object({ r2: z.number().min(0).max(1), r3: z.number().min(0).max(1), source: z.string() }),
  ),
});
const benchmarks = z.object({
  benchmarks: z.array(
    z.object({
      id: z.string(),
      body: z.string().nullable(),
      share: z.number().min(0).max(1),
      period: z.string(),
      rule: z.string(),
      source: z.string(),
    }),
  ),
});
export type Benchmark = z.output<typeof benchmarks>['benchmarks'][number];

function load<S extends z.ZodType>(name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(DIR + name, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`data/franchise/${name}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Everything the engine reads from data/franchise/, loaded and checked once per process. */
export interface FranchiseData {
  layouts: SpendLayout[];
  bodies: PublicBody[];
  payeeRules: PayeeRules;
  names: NameRules;
  match: MatchRules;
  expense: { re: RegExp; divisions: string[] }[];
  lm3: Record<string, Respend & { source: string }>;
  benchmarks: Benchmark[];
}

let cache: FranchiseData | null = null;

export function franchiseData(): FranchiseData {
  if (cache) return cache;
  const m = load('matching.json', matching);
  cache = {
    layouts: loadLayouts(),
    bodies: load('bodies.json', bodies).bodies,
    payeeRules: load('payee-rules.json', payeeRules) as PayeeRules,
    names: m,
    match: {
      accept: m.accept,
      review: m.review,
      truncatedFrom: m.truncatedFrom,
      minPrefix: m.minPrefix,
      maxPostings: m.maxPostings,
      distinguishing: m.distinguishing,
    },
    expense: load('expense-industries.json', expense).rules.map((r) => ({
      re: new RegExp(r.pattern, 'i'),
      divisions: r.divisions,
    })),
    lm3: load('lm3.json', lm3).types,
    benchmarks: load('benchmarks.json', benchmarks).benchmarks,
  };
  return cache;
}

/** A set of franchise conditions: its id, title and conditions, each with its rule and evidence. */
export interface ConditionSet {
  id: string;
  title: string;
  conditions: Condition[];
}

/** A conditions file (YAML or JSON) read from a path, checked; every problem names its place in the file. */
export function loadConditions(path = DEFAULT_CONDITIONS, name = path): ConditionSet {
  return conditionSet(readDataFile(path, name));
}

/** A conditions file posted as JSON (no paths over HTTP), checked the same way. */
export function conditionsFromValue(value: unknown, name = 'conditions'): ConditionSet {
  return conditionSet(fromValue(value, name));
}

/** The default conditions file as the API sends it (its parameters with their defaults filled in). */
export function defaultConditionSet(): FranchiseConditionSet {
  return validateFile(readDataFile(DEFAULT_CONDITIONS, 'conditions-default.yaml'), FranchiseConditionSet);
}

/** Checks a conditions file: each rule's parameters by name, type and range; errors give the value. */
function conditionSet(file: ParsedFile): ConditionSet {
  return validateFile(file, FranchiseConditionSet, { values: true });
}
