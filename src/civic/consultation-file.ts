// A consultation as an organiser writes it (JSON or YAML): the published consultation the tally
// and the ballot log commit to (consultation.ts), plus its schedule, area, electorate, and the
// texts voters read. Checked here, before anything is stored.
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { checkConsultation, type Consultation } from './consultation.ts';
import { parsePb } from './pabulib.ts';
import { consultationFromPb } from './pb-consultation.ts';

/** Consultation ids appear in URLs and file names: lower-case letters, digits and dashes. */
export const CONSULTATION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** GSS (E06000001) or ITL (TLC11) area codes. */
export const AREA_CODE = /^[A-Z][A-Z0-9]{2,8}$/;
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
}

/** A checked consultation file. */
export interface ConsultationFile {
  consultation: Consultation;
  meta: ConsultationMeta;
}

const amount = z.union([z.string(), z.number().nonnegative()]).transform((x) => String(x));
const isoTime = z
  .union([z.string(), z.date()])
  .transform((x) => (x instanceof Date ? x : new Date(x)))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a date and time (ISO 8601)')
  .transform((d) => d.toISOString());

const FileSchema = z.object({
  id: z.string().regex(CONSULTATION_ID, 'lower-case letters, digits and dashes, up to 64'),
  title: z.string().trim().min(1).max(200),
  area: z.string().regex(AREA_CODE, 'an area code such as E06000001'),
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
  opens: isoTime,
  closes: isoTime,
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
      z.object({
        id: z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().regex(OPTION_ID)),
        name: z.string().trim().min(1).max(500).optional(),
        cost: amount.optional(),
        description: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/** Checks a parsed consultation file; throws an Error naming the first bad field. */
export function checkConsultationFile(value: unknown): ConsultationFile {
  const r = FileSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`invalid ${issue.path.join('.') || 'consultation'}: ${issue.message}`);
  }
  const f = r.data;
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
  const { consultation } = consultationFromPb(parsePb(text, file), s.id, s.rule);
  return checkConsultationFile({
    ...consultation,
    title: consultation.title.slice(0, 200),
    area: s.area,
    electorate: s.electorate ?? 'codes',
    opens: s.opens,
    closes: s.closes,
  });
}
