// Request and response schemas of the civic routes, as the OpenAPI document shows them. Bodies
// are checked again by the civic service (consultation-file.ts, consultation.ts), the one place
// the rules live; these schemas reject malformed shapes at the edge and document the fields.
import { z } from '@hono/zod-openapi';
import { AGE_BANDS, CONSULTATION_ID, SEXES } from '../../civic/service.ts';
import { BallotEvidence, Outcome, PublishedConsultation, Representativeness } from '../../contract/civic.ts';
import { ErrorSchema } from '../schemas.ts';

const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** The refusals any civic route can give. */
export const civicErrors = {
  400: err('Bad input (the message names the field)'),
  401: err('Not signed in'),
  403: err('Not allowed for this role, or a missing or wrong CSRF token'),
  404: err('Unknown consultation, account or receipt'),
  409: err('Not possible in the consultation’s current phase (draft, scheduled, open, closed)'),
  429: err('Locked after too many failed attempts; details.until says until when'),
  503: err('This server runs without a civic store'),
} as const;

/** A JSON response and the civic refusals. */
export function civicJson<S extends z.ZodType>(schema: S, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } }, ...civicErrors };
}

/** A JSON request body. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export const IdParam = z
  .string()
  .regex(CONSULTATION_ID, 'a consultation id: lower-case letters, digits and dashes')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'riverside-2026' });

export const CsrfHeader = z.object({
  'x-csrf-token': z.string().max(100).optional().openapi({
    description: 'the csrfToken from GET /api/v1/civic/session (required on every POST, PUT, PATCH)',
  }),
});

export const SessionInfo = z
  .strictObject({
    role: z.enum(['anonymous', 'participant', 'moderator', 'analyst', 'admin']),
    subject: z.string().nullable(),
    consultationId: z
      .string()
      .nullable()
      .openapi({ description: 'for a session opened with an invitation code' }),
    expiresAt: z.string().nullable(),
    csrfToken: z.string(),
  })
  .openapi('CivicSession');

export const Credentials = z
  .object({ email: z.string().max(254), password: z.string().max(256) })
  .openapi('Credentials');

const Option = z.object({
  id: z.string().openapi({ example: 'A' }),
  name: z.string().optional(),
  cost: z.string().optional().openapi({ description: 'decimal text, for budgets' }),
  description: z.string().optional().openapi({ description: 'shown to voters; not part of the tally' }),
});

const Eligibility = z
  .union([
    z.object({ domains: z.array(z.string().max(253)).min(1).max(100) }).strict(),
    z.object({ list: z.literal(true) }).strict(),
  ])
  .openapi('Eligibility', {
    description:
      'who among account holders may vote: a verified e-mail address in one of the domains, or on the imported eligibility list',
  });

export const ConsultationFileBody = z
  .object({
    id: z.string().openapi({ example: 'riverside-2026' }),
    title: z.string(),
    area: z.string().openapi({ description: 'GSS code of the area', example: 'E06000001' }),
    electorate: z.enum(['codes', 'accounts', 'codes-or-accounts']).optional(),
    eligibility: Eligibility.optional(),
    openPoll: z.boolean().optional().openapi({
      description:
        'publish as an open poll: anyone may take part and its results are not a vote (needed for electorates without a one-person-one-vote guarantee)',
    }),
    opens: z.string().openapi({ description: 'ISO 8601 date and time' }),
    closes: z.string(),
    description: z.string().optional(),
    ballot: z.enum(['approval', 'knapsack', 'ranking', 'points']),
    rule: z.string().openapi({
      description:
        'greedy, greedy-no-skip, equalshares, equalshares/add1, equalshares-comparison, equalshares/add1-comparison, approval, borda, mean, median, trimmed-mean',
    }),
    budget: z.union([z.string(), z.number()]).optional(),
    trim: z.number().optional(),
    seats: z.number().int().optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    options: z.array(Option),
  })
  .openapi('ConsultationFile');

export const PabulibImport = z
  .object({
    id: z.string(),
    area: z.string(),
    opens: z.string(),
    closes: z.string(),
    electorate: z.enum(['codes', 'accounts', 'codes-or-accounts']).optional(),
    rule: z.string().optional().openapi({ description: 'default: the file’s META rule' }),
    pb: z.string().max(60_000).openapi({ description: 'the .pb text (only META and PROJECTS are used)' }),
  })
  .openapi('PabulibImport');

export const Summary = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    area: z.string(),
    phase: z.enum(['draft', 'scheduled', 'open', 'closed']),
    ballot: z.string(),
    rule: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
  })
  .openapi('ConsultationSummary');

export const Head = z
  .strictObject({
    hash: z.string(),
    count: z.number().int(),
    publishedAt: z.string().optional().openapi({
      description: 'while voting runs: when this head was published (heads go out once per interval)',
    }),
  })
  .openapi('LogHead');

export const PublishedKey = z
  .strictObject({
    algorithm: z.literal('Ed25519'),
    fingerprint: z.string().openapi({ description: 'sha256 of the key’s SPKI DER, hex' }),
    publicKey: z.string().openapi({ description: 'SPKI, PEM' }),
  })
  .openapi('HeadKey');

export const HeadSeriesPage = z
  .strictObject({
    format: z.string(),
    consultationId: z.string(),
    keys: z.array(PublishedKey),
    entries: z.array(
      z.strictObject({
        consultationId: z.string(),
        seq: z.number().int(),
        at: z.string(),
        interval: z.number().int().openapi({ description: 'the declared interval, seconds' }),
        count: z.number().int(),
        head: z.string(),
        prev: z
          .string()
          .openapi({ description: 'the previous entry’s hash (the first: the consultation’s)' }),
        key: z.string(),
        signature: z.string().openapi({ description: 'Ed25519 over the entry’s canonical JSON, base64' }),
        hash: z.string(),
      }),
    ),
    next: z.number().int().nullable().openapi({
      description: 'the `after` of the next page; null: this page ends the series as published so far',
    }),
  })
  .openapi('HeadSeriesPage', {
    description:
      'entries in seq order; save every page (or run strata civic heads export) to check a log against the whole series',
  });

/** Entries a page of the head series holds unless `limit` says fewer. */
export const HEADS_PAGE = 1000;

export const HeadsQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(HEADS_PAGE)
    .optional()
    .openapi({ description: `entries per page, 1 to ${HEADS_PAGE} (default ${HEADS_PAGE})` }),
  after: z.coerce.number().int().min(0).optional().openapi({
    description: 'the seq of the last entry already read (a page’s `next`); absent: from the first',
  }),
});

export const Detail = z
  .strictObject({
    consultation: PublishedConsultation,
    area: z.string(),
    electorate: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    phase: z.string(),
    description: z.string(),
    notes: z.record(z.string(), z.string()),
    head: Head.nullable(),
  })
  .openapi('Consultation');

export const BallotBody = z
  .object({
    ballot: z
      .union([z.array(z.string().max(64)).max(1000), z.record(z.string().max(64), z.number().int())])
      .openapi({
        description:
          'option ids (approval, knapsack, ranking: most preferred first), or goal → points summing to 100',
      }),
    ageBand: z
      .enum(AGE_BANDS as [string, ...string[]])
      .nullable()
      .optional(),
    sex: z
      .enum(SEXES as [string, ...string[]])
      .nullable()
      .optional(),
  })
  .openapi('BallotSubmission');

export const Receipt = z
  .strictObject({
    consultationId: z.string(),
    seq: z.number().int(),
    hash: z.string(),
    head: z.string(),
    count: z.number().int(),
  })
  .openapi('BallotReceipt');

export const Entry = z
  .strictObject({
    seq: z.number().int(),
    hash: z.string(),
    ballot: z
      .union([z.array(z.string()), z.record(z.string(), z.number())])
      .openapi({ description: 'option ids, or goal → points' }),
  })
  .openapi('OwnBallot');

export const CodesBody = z
  .object({
    count: z.number().int().min(1).max(100_000),
    expiresAt: z.string().openapi({ description: 'ISO 8601; the codes stop working then' }),
    area: z.string().max(9).optional().openapi({ description: 'default: the consultation’s area' }),
  })
  .openapi('CodeRequest');

export const CodesIssued = z
  .strictObject({ batchId: z.string(), area: z.string(), expiresAt: z.string(), codes: z.array(z.string()) })
  .openapi('CodeBatchIssued', { description: 'the codes are shown this once; only their hashes are kept' });

export const Batch = z
  .strictObject({
    batchId: z.string(),
    area: z.string(),
    expiresAt: z.string(),
    issued: z.number(),
    redeemed: z.number(),
    revoked: z.number(),
  })
  .openapi('CodeBatch');

export const Account = z
  .strictObject({
    id: z.string(),
    email: z.string(),
    role: z.string(),
    createdAt: z.string(),
    disabled: z.boolean(),
  })
  .openapi('Account');

export const PasswordChange = z
  .strictObject({ current: z.string().max(256), password: z.string().max(256) })
  .openapi('PasswordChange', { description: 'the current password and the new one (10 to 256 characters)' });

export const PasswordReset = z
  .strictObject({ token: z.string().max(64), password: z.string().max(256) })
  .openapi('PasswordReset', { description: 'the token of a reset link and the new password' });

export const Registered = z
  .strictObject({ message: z.string() })
  .openapi('Registered', { description: 'the same whether or not the address already had an account' });

export const NewAccount = z
  .object({
    email: z.string().max(254),
    password: z.string().max(256),
    role: z.enum(['participant', 'moderator', 'analyst', 'admin']),
    verified: z
      .boolean()
      .optional()
      .openapi({ description: 'the administrator vouches for the e-mail address (audited)' }),
  })
  .openapi('NewAccount');

export const AccountChange = z
  .object({
    role: z.enum(['participant', 'moderator', 'analyst', 'admin']).optional(),
    disabled: z.boolean().optional(),
  })
  .openapi('AccountChange');

export const AuditEntry = z
  .strictObject({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    details: z.unknown(),
  })
  .openapi('AuditEntry');

export const ResultsBody = z
  .strictObject({
    consultation: PublishedConsultation,
    head: Head,
    counted: z.number().int(),
    outcome: Outcome.nullable().openapi({ description: 'null when the rule cannot tally the ballots cast' }),
    lines: z.array(z.string()).openapi({ description: 'the outcome as `strata civic verify` prints it' }),
    representativeness: Representativeness.nullable().openapi({
      description: 'null where the store holds no population estimates for the area',
    }),
    verify: z.array(z.string()).openapi({ description: 'how anyone can check the result' }),
  })
  .openapi('Results');

export const Evidence = BallotEvidence;

/** The interim tally of a running consultation. */
export const InterimTally = z
  .strictObject({ outcome: Outcome.nullable(), counted: z.number().int(), note: z.string().optional() })
  .openapi('InterimTally');
