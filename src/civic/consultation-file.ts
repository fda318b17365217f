// A consultation as an organiser writes it (JSON or YAML): the published consultation the tally
// and the ballot log commit to (consultation.ts), plus its schedule, area, electorate, and the
// texts voters read. Checked here, before anything is stored.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { checkConsultation, type Consultation } from './consultation.ts';
import { parsePb } from './pabulib.ts';
import { consultationFromPb } from './pb-consultation.ts';
import { zonedInstant } from './zoned-time.ts';

/** Consultation ids appear in URLs and file names: lower-case letters, digits and dashes. */
export const CONSULTATION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Area codes: GSS (E06000001), ITL (TLC11), NUTS (PL911) or a national statistical code (TERYT 1465011). */
export const AREA_CODE = /^[A-Z0-9]{3,9}$/;
/** What an area code looks like, for error messages. */
export const AREA_CODE_HINT =
  'an area code: GSS (E06000001), ITL (TLC11), NUTS (PL911) or national (1465011)';
/** Where a consultation is held when its file does not say. */
export const DEFAULT_PLACE = { country: 'United Kingdom', currency: 'GBP', zone: 'Europe/London' } as const;
/** Addresses of the participation pages that a consultation id would hide. */
const RESERVED_IDS = ['login', 'logout', 'verify', 'check', 'assets'];

/** Whether a time zone name is one this system knows (IANA). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
// Colons allowed so goals can be named by registry indicator ids (`employment-rate:employment-rate`).
const OPTION_ID = /^[A-Za-z0-9_.:-]{1,80}$/;

/** Who may vote: holders of invitation codes, registered participant accounts, or either. */
export type Electorate = 'codes' | 'accounts' | 'codes-or-accounts';

/**
 * Who among account holders may vote: those with a verified e-mail address in one of `domains`,
 * or on the eligibility list imported for the consultation (stored as keyed hashes).
 */
export type Eligibility = { domains: string[] } | { list: true };

/** What the organiser supplies beside the published consultation. */
export interface ConsultationMeta {
  area: string;
  electorate: Electorate;
  /** For account electorates: the rule that makes one person one vote (null: none). */
  eligibility: Eligibility | null;
  opensAt: string;
  closesAt: string;
  /** Shown on the ballot page; not part of the tally. */
  description: string;
  /** Per-option notes for voters (what a project is, what a goal means). */
  notes: Record<string, string>;
  /** The country it is held in (default United Kingdom). */
  country: string;
  /** The place's name as its residents know it (pabulib `unit`); null: the area code names it. */
  unit: string | null;
  /** ISO 4217 code of the costs and budget (default GBP). */
  currency: string;
  /** IANA time zone its times are shown in, and local times in its file are read in (default Europe/London). */
  zone: string;
}

/** A checked consultation file. */
export interface ConsultationFile {
  consultation: Consultation;
  meta: ConsultationMeta;
}

const amount = z.union([z.string(), z.number().nonnegative()]).transform((x) => String(x));
// Read in the consultation's zone once the whole file is parsed (zoned-time.ts).
const writtenTime = z
  .union([z.string(), z.date()])
  .transform((x) => (x instanceof Date ? x.toISOString() : x));

const FileSchema = z.strictObject({
  id: z.string().regex(CONSULTATION_ID, 'lower-case letters, digits and dashes, up to 64'),
  title: z.string().trim().min(1).max(200),
  area: z.string().regex(AREA_CODE, AREA_CODE_HINT),
  country: z.string().trim().min(1).max(100).default(DEFAULT_PLACE.country),
  unit: z.string().trim().min(1).max(200).optional(),
  zone: z
    .string()
    .refine(isTimeZone, 'an IANA time zone such as Europe/London or Europe/Warsaw')
    .default(DEFAULT_PLACE.zone),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as GBP or PLN')
    .default(DEFAULT_PLACE.currency),
  electorate: z.enum(['codes', 'accounts', 'codes-or-accounts']).default('codes'),
  eligibility: z
    .union([
      z.strictObject({
        domains: z
          .array(
            z
              .string()
              .toLowerCase()
              .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a mail domain such as example.org'),
          )
          .min(1)
          .max(100),
      }),
      z.strictObject({ list: z.literal(true) }),
    ])
    .optional(),
  openPoll: z.boolean().default(false),
  opens: writtenTime,
  closes: writtenTime,
  description: z.string().max(5000).default(''),
  ballot: z.enum(['approval', 'knapsack', 'ranking', 'points']),
  rule: z.string().max(64),
  budget: amount.optional(),
  trim: z.number().min(0).max(0.49).optional(),
  seats: z.number().int().min(1).max(1000).optional(),
  minLength: z.number().int().min(0).max(1000).optional(),
  maxLength: z.number().int().min(1).max(1000).optional(),
  options: z
    .array(
      z.strictObject({
        id: z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(OPTION_ID)),
        name: z.string().trim().min(1).max(500).optional(),
        cost: amount.optional(),
        description: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

function timeIn(text: string, field: string, zone: string, end = false): string {
  const d = zonedInstant(text, zone, end);
  if (!d)
    throw new Error(
      `invalid ${field}: ${text} is not a date and time (ISO 8601, e.g. 2026-05-01T09:00 in the consultation's zone ${zone}, or with an offset: 2026-05-01T09:00Z)`,
    );
  return d.toISOString();
}

/** The keys a file may hold at a path (its top level, or an option). */
function knownKeys(at: string): string[] {
  const shape = at.startsWith('options') ? FileSchema.shape.options.element.shape : FileSchema.shape;
  return Object.keys(shape);
}

/** What an organiser should look at though the file is valid: projects no budget could fund. */
export function fileWarnings(f: ConsultationFile): string[] {
  const budget = f.consultation.budget;
  if (budget === undefined) return [];
  return f.consultation.options
    .filter((o) => o.cost !== undefined && Number(o.cost) > Number(budget))
    .map(
      (o) =>
        `option ${o.id}${o.name ? ` (${o.name})` : ''} costs ${o.cost}, more than the whole budget ${budget}: no rule can fund it`,
    );
}

/** Checks a parsed consultation file; throws an Error naming the first bad field. */
export function checkConsultationFile(value: unknown): ConsultationFile {
  const r = FileSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = issue.path.join('.');
    if (issue.code === 'unrecognized_keys')
      throw new Error(
        `unknown key ${issue.keys.map((k) => (at ? `${at}.${k}` : k)).join(', ')} (known: ${knownKeys(at).join(', ')})`,
      );
    throw new Error(`invalid ${at || 'consultation'}: ${issue.message}`);
  }
  const f = {
    ...r.data,
    opens: timeIn(r.data.opens, 'opens', r.data.zone),
    closes: timeIn(r.data.closes, 'closes', r.data.zone, true),
  };
  if (RESERVED_IDS.includes(f.id))
    throw new Error(`invalid id: ${f.id} is the address of a page (not ${RESERVED_IDS.join(', ')})`);
  if (f.opens >= f.closes) throw new Error('invalid closes: must be after opens');
  const consultation: Consultation = {
    id: f.id,
    title: f.title,
    ballot: f.ballot,
    options: f.options.map((o) => ({
      id: o.id,
      ...(o.name === undefined ? {} : { name: o.name }),
      ...(o.cost === undefined ? {} : { cost: o.cost }),
    })),
    rule: f.rule,
    budget: f.budget,
    trim: f.trim,
    seats: f.seats,
    minLength: f.minLength,
    maxLength: f.maxLength,
    ...(f.openPoll ? { openPoll: true as const } : {}),
  };
  for (const k of Object.keys(consultation) as (keyof Consultation)[])
    if (consultation[k] === undefined) delete consultation[k];
  checkConsultation(consultation);
  const notes: Record<string, string> = {};
  for (const o of f.options) if (o.description) notes[o.id] = o.description;
  return {
    consultation,
    meta: {
      area: f.area,
      electorate: f.electorate,
      eligibility: f.eligibility ?? null,
      opensAt: f.opens,
      closesAt: f.closes,
      description: f.description,
      notes,
      country: f.country,
      unit: f.unit ?? null,
      currency: f.currency,
      zone: f.zone,
    },
  };
}

/** Reads a consultation file's text: JSON, or YAML (a superset). */
export function parseConsultationFile(text: string): ConsultationFile {
  return checkConsultationFile(parseYaml(text) as unknown);
}

/** The file form of a stored consultation (what `checkConsultationFile` reads back). */
export function toConsultationFile(f: ConsultationFile): Record<string, unknown> {
  const { consultation: c, meta } = f;
  return {
    ...c,
    area: meta.area,
    electorate: meta.electorate,
    ...(meta.eligibility ? { eligibility: meta.eligibility } : {}),
    opens: meta.opensAt,
    closes: meta.closesAt,
    description: meta.description,
    country: meta.country,
    ...(meta.unit === null ? {} : { unit: meta.unit }),
    currency: meta.currency,
    zone: meta.zone,
    options: c.options.map((o) => ({ ...o, ...(meta.notes[o.id] ? { description: meta.notes[o.id] } : {}) })),
  };
}

/** What a pabulib instance lacks to be a consultation here. */
export interface PbSchedule {
  id: string;
  area: string;
  opens: string;
  closes: string;
  electorate?: Electorate;
  /** Default: the file's META rule. */
  rule?: string;
}

/** A consultation file from a pabulib `.pb` instance (its projects, budget and rule; its votes are not used). */
export function pbConsultationFile(text: string, file: string, s: PbSchedule): ConsultationFile {
  const pb = parsePb(text, file);
  const { consultation } = consultationFromPb(pb, s.id, s.rule);
  return checkConsultationFile({
    ...consultation,
    title: consultation.title.slice(0, 200),
    area: s.area,
    ...(pb.meta.country ? { country: pb.meta.country } : {}),
    ...(pb.meta.unit ? { unit: pb.meta.unit } : {}),
    ...(pb.meta.currency ? { currency: pb.meta.currency } : {}),
    electorate: s.electorate ?? 'codes',
    opens: s.opens,
    closes: s.closes,
  });
}
