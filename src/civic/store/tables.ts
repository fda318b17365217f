// The civic store's tables as Kysely sees them. Times are ISO 8601 UTC text
// (`2026-05-01T09:00:00.000Z`): they sort as text the same way on SQLite and PostgreSQL.
// JSON values are text. Secrets are stored only as hashes, except the per-consultation
// pseudonym key, which must be used (and is never exported).
import type { Generated } from 'kysely';

/** Who a request acts as. `anonymous` has no session. */
export type Role = 'anonymous' | 'participant' | 'moderator' | 'analyst' | 'admin';

/** Every role, least privileged first. */
export const ROLES: readonly Role[] = ['anonymous', 'participant', 'moderator', 'analyst', 'admin'];

/** Registered accounts: staff and participants. */
export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  /** `scrypt$N$r$p$salt$hash` (password.ts). */
  password_hash: string;
  role: Exclude<Role, 'anonymous'>;
  created_at: string;
  /** 1 when an administrator has suspended the account. */
  disabled: number;
  /** When the owner proved the address by following the link mailed to it (null: not yet). */
  email_verified_at: string | null;
}

/** One-time links for an account: e-mail verification, or a password reset a staff member issued. Stored as sha256. */
export interface AccountTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'verify' | 'reset';
  expires_at: string;
  used_at: string | null;
}

/** An imported eligibility list (members, tenants, a register extract): HMAC of each e-mail address under the consultation's key. */
export interface EligibilityTable {
  consultation_id: string;
  entry_hash: string;
}

/** Signed-in sessions, keyed by the sha256 of the cookie value (a stolen table yields no session). */
export interface SessionsTable {
  id_hash: string;
  /** `user:<id>` or `code:<participant id>`. */
  subject: string;
  role: Exclude<Role, 'anonymous'>;
  /** For a session opened with an invitation code: the one consultation it may vote in. */
  consultation_id: string | null;
  area: string | null;
  created_at: string;
  expires_at: string;
}

/** Failed attempts and lockouts, per key (`login:<email>`, `login-ip:<ip>`, `code-ip:<ip>`). */
export interface ThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

/** Store-wide values: schema version, the CSRF key shared by every API instance. */
export interface SettingsTable {
  key: string;
  value: string;
}

/** A consultation: its published spec (hashed into the ballot log), schedule and state. */
export interface ConsultationsTable {
  id: string;
  title: string;
  /** GSS code of the area it concerns. */
  area: string;
  electorate: 'codes' | 'accounts' | 'codes-or-accounts';
  opens_at: string;
  closes_at: string;
  /** draft (editable), published (rule fixed; open between opens_at and closes_at), closed. */
  status: 'draft' | 'published' | 'closed';
  /** The Consultation (consultation.ts) as JSON. */
  spec: string;
  /** Texts shown to voters that the tally does not use: description, per-option notes. */
  info: string;
  /** Hex key of the voters' pseudonyms (chain.ts `pseudonym`). */
  secret: string;
  /** The published outcome at close, as JSON. */
  outcome: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
}

/** Invitation codes, stored as sha256 of the code; single use, expiring, scoped to an area. */
export interface CodesTable {
  code_hash: string;
  consultation_id: string;
  batch_id: string;
  area: string;
  expires_at: string;
  redeemed_at: string | null;
  /** The participant id the code became at redemption. */
  participant_id: string | null;
  revoked_at: string | null;
}

/** The last entry of each consultation's ballot log; the row every append locks. */
export interface ChainHeadsTable {
  consultation_id: string;
  /** seq of the last entry, -1 before the first. */
  seq: number;
  hash: string;
}

/** The hash-chained ballot log (chain.ts LogEntry). */
export interface BallotsTable {
  consultation_id: string;
  seq: number;
  prev_hash: string;
  voter: string;
  /** Canonical JSON of the ballot. */
  ballot: string;
  hash: string;
}

/** What a voter declared for post-stratification (optional), by pseudonym; never exported. */
export interface RespondentsTable {
  consultation_id: string;
  voter: string;
  age_band: string | null;
  sex: string | null;
}

/** Every administrative action, written in the same transaction as the action. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
}

/** The whole civic schema. */
export interface CivicTables {
  users: UsersTable;
  sessions: SessionsTable;
  throttle: ThrottleTable;
  settings: SettingsTable;
  consultations: ConsultationsTable;
  codes: CodesTable;
  chain_heads: ChainHeadsTable;
  ballots: BallotsTable;
  respondents: RespondentsTable;
  audit_log: AuditTable;
  account_tokens: AccountTokensTable;
  eligibility: EligibilityTable;
  commitments: CommitmentsTable;
  commitment_history: CommitmentHistoryTable;
  projections: ProjectionsTable;
  plan_projections: PlanProjectionsTable;
  head_keys: HeadKeysTable;
  head_series: HeadSeriesTable;
  result_notices: ResultNoticesTable;
}

/** Where a result notice stands: awaiting its owner's confirmation, due, being sent by one run, sent, or failed (retried). */
export type NoticeState = 'unconfirmed' | 'confirmed' | 'sending' | 'sent' | 'failed';

/** An address a voter left to be told the result; blanked once the notice is sent. */
export interface ResultNoticesTable {
  consultation_id: string;
  /** A keyed hash of the voter, apart from the log's pseudonym (one address per voter). */
  voter: string;
  /** Lower-cased; empty once the notice is sent. */
  email: string;
  /** The day it was left (no time: it must not date a ballot). */
  created_at: string;
  state: Generated<NoticeState>;
  /** sha256 of the confirmation link's token while it is unused; null after. */
  token_hash: string | null;
  token_expires_at: string | null;
  /** The sending run that claimed the row (random id), while it sends. */
  claim: string | null;
}

/** The public keys that signed published heads (append-only). */
export interface HeadKeysTable {
  /** sha256 of the key's SPKI DER, hex. */
  fingerprint: string;
  /** SPKI PEM. */
  public_key: string;
  first_used: string;
}

/** The signed, dated head series (head-series.ts HeadEntry), per consultation; append-only. */
export interface HeadSeriesTable {
  consultation_id: string;
  seq: number;
  at: string;
  /** The declared publication interval, seconds. */
  interval_s: number;
  count: number;
  head: string;
  prev: string;
  key: string;
  signature: string;
  hash: string;
  /** 1 for the final head, published when the consultation closed: no entry follows it. */
  final: Generated<number>;
}

/** A commitment as first recorded: its terms never change (a new commitment `replaces` it). */
export interface CommitmentsTable {
  id: string;
  /** The register file's id (`council-plan-2025`). */
  register: string;
  /** 1 for the examples Strata ships. */
  example: number;
  /** Who promised what, when (register-schema.ts `fingerprint`): what the id means, for ever. */
  fingerprint: string;
  /** The commitment as validated, canonical JSON. */
  spec: string;
  recorded_at: string;
}

/** A commitment's status history: rows are only ever added (triggers refuse updates and deletes). */
export interface CommitmentHistoryTable {
  commitment_id: string;
  seq: number;
  date: string;
  status: string;
  rule: string;
  evidence: string;
  reason: string;
  who: string;
  recorded_at: string;
}

/** A frozen projection: never changed or deleted once recorded. */
export interface ProjectionsTable {
  id: string;
  indicator: string;
  area: string;
  /** The projected period (a year). */
  period: number;
  /** The last period of data the projection used. */
  last_period: number;
  /** The method with its version and parameters, JSON. */
  method: string;
  /** The projected value as its shortest round-trip decimal. */
  value: string;
  /** The observations used, JSON [[period, value], …]. */
  inputs: string;
  /** The datasets the inputs came from: JSON [{ source, vintage, sha256 }]. */
  vintages: string;
  frozen_on: string;
  who: string;
  recorded_at: string;
}

/** A frozen plan (a scenario's expected outcome, a finance plan's path): never changed or deleted once recorded. */
export interface PlanProjectionsTable {
  id: string;
  /** `scenario` or `finance`. */
  kind: string;
  title: string;
  /** The file it was run from, as named. */
  source: string;
  /** sha256 of the file's bytes. */
  fingerprint: string;
  /** The method with its version and parameters, JSON. */
  method: string;
  /** The areas it speaks for, space-separated. */
  areas: string;
  /** The frozen figures, JSON [PlanPoint]. */
  points: string;
  /** The datasets current when it was frozen: JSON [{ source, vintage, sha256 }]. */
  vintages: string;
  frozen_on: string;
  who: string;
  recorded_at: string;
}
