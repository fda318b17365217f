// The civic service: one object over the civic store that the API and the CLI call — accounts
// and sessions, consultations, invitation codes, ballots, results and the audit log.
import * as accounts from './auth/accounts.ts';
import { allowed, loadMatrix, type Matrix } from './auth/matrix.ts';
import { WorkQueue, type QueueLimits } from './auth/queue.ts';
import { changePassword, issueResetToken, resetPassword } from './auth/password-change.ts';
import { register, verifyEmail } from './auth/registration.ts';
import { mailSettingsFromEnv, smtpMailer, type Mailer, type MailSettings } from './mail.ts';
import { findSession, type Session } from './auth/sessions.ts';
import { csrfToken, sameToken } from './auth/tokens.ts';
import { auditLog, type Actor } from './audit.ts';
import type { ConsultationFile } from './consultation-file.ts';
import type { CivicContext } from './context.ts';
import * as ballots from './service/ballots.ts';
import * as codes from './service/codes.ts';
import * as consultations from './service/consultations.ts';
import { checkAccountEligible, importEligibility } from './service/eligibility.ts';
import {
  headKeys,
  headSeries,
  headSeriesPage,
  publicHead,
  publishHeads,
  type HeadPageRequest,
} from './service/heads.ts';
import { revokeCodes } from './service/code-revoke.ts';
import { deleteConsultation, editConsultation, type ConsultationEdit } from './service/organiser.ts';
import { turnout } from './service/turnout.ts';
import { confirmAddress, leaveAddress } from './service/notices.ts';
import { notifyResults } from './service/notify.ts';
import type { HeadSigner } from './head-key.ts';
import { startHeadSchedule, type HeadSchedule } from './head-schedule.ts';
import { closeConsultation } from './service/log.ts';
import { checkReceipt } from './service/receipts.ts';
import * as results from './service/results.ts';
import { BallotWriter } from './service/writer.ts';
import { Registers } from './registers.ts';
import { openCivicDb, type CivicDb } from './store/open.ts';
import type { Role } from './store/tables.ts';
import type { PopulationCell } from './weighting.ts';

export { DEFAULT_CIVIC_DB } from './store/open.ts';
// The civic vocabulary the API and CLI use, reached through this facade.
export type { Session } from './auth/sessions.ts';
export type { Ballot, Consultation } from './consultation.ts';
export {
  checkConsultationFile,
  CONSULTATION_ID,
  fileWarnings,
  parseConsultationFile,
  pbConsultationFile,
  type ConsultationFile,
  type ConsultationMeta,
  type Electorate,
  type PbSchedule,
} from './consultation-file.ts';
export { CivicError, refuse } from './errors.ts';
export { createHeadKey, loadHeadKey, type HeadSigner } from './head-key.ts';
export { publishedKey, type HeadEntry, type HeadSeries, type PublishedKey } from './head-series.ts';
export { MIN_HEAD_INTERVAL, type HeadPageRequest, type HeadSeriesPage } from './service/heads.ts';
export { formatOutcome, formatVerifyReport } from './report.ts';
export type { ConsultationRecord } from './records.ts';
export { verifyExport } from './chain-export.ts';
export type { Actor } from './audit.ts';
export type { Outcome, WeightsOutcome } from './tally/outcome.ts';
export type { PopulationCell } from './weighting.ts';
export type { ConsultationSummary, StoredConsultation } from './service/consultations.ts';
export type { ReceiptCheck } from './service/receipts.ts';
export type { ConsultationEdit } from './service/organiser.ts';
export type { Turnout, TurnoutRow } from './service/turnout.ts';
export type { NotifyReport } from './service/notify.ts';
export type { Role } from './store/tables.ts';
export { AGE_BANDS, SEXES } from './weighting.ts';
// The participatory-budgeting tools on .pb files (`strata pb`): pure, no store.
export { parsePb, type PbInstance } from './pabulib.ts';
export { compareRows, parseGroups, pbCompare, pbTally } from './pb/report.ts';
export { pbStats } from './pb/stats.ts';
export { pbProblem } from './problem.ts';
export { budgetRule, PB_RULES, type RuleOptions } from './tally/rules.ts';
export {
  Registers,
  type CommitmentRecord,
  type HistoryRow,
  type PlanRecord,
  type PlanWrite,
  type ProjectionRecord,
  type ProjectionWrite,
  type RegisterWrite,
} from './registers.ts';

export interface CivicServiceOptions {
  /** The clock (tests move it); default the system clock. */
  now?: () => Date;
  /** Most ballots one commit may hold. */
  maxBatch?: number;
  matrix?: Matrix;
  /** Password hashes at once and waiting (default 2 and 32): beyond that sign-ins are refused as busy. */
  hashing?: QueueLimits;
  /** Code redemptions at once and waiting (default 8 and 64). */
  redeeming?: QueueLimits;
  /** Where confirmation mail goes out (default: from the environment, mail.ts; none: no registrations). */
  mail?: MailSettings | null;
  /** Publish signed heads with this key once per interval (seconds) while the service is open. */
  heads?: { signer: HeadSigner; intervalSeconds: number; onError?: (e: unknown) => void };
}

/** The civic store and everything done with it. */
export class CivicService {
  readonly ctx: CivicContext;
  readonly matrix: Matrix;
  readonly #writer: BallotWriter;
  readonly #csrfKey: string;
  readonly #mailer: Mailer | null;
  #registers: Registers | undefined;
  readonly #schedule: HeadSchedule | null;

  private constructor(cdb: CivicDb, csrfKey: string, opts: CivicServiceOptions) {
    this.ctx = {
      cdb,
      now: opts.now ?? (() => new Date()),
      hashing: new WorkQueue('password hashing', opts.hashing ?? { concurrency: 2, waiting: 32 }),
      redeeming: new WorkQueue('code redemption', opts.redeeming ?? { concurrency: 8, waiting: 64 }),
      ...(opts.heads
        ? { heads: { signer: opts.heads.signer, intervalSeconds: opts.heads.intervalSeconds } }
        : {}),
    };
    this.matrix = opts.matrix ?? loadMatrix();
    this.#writer = new BallotWriter(this.ctx, opts.maxBatch);
    this.#csrfKey = csrfKey;
    const mail = opts.mail === undefined ? mailSettingsFromEnv() : opts.mail;
    this.#mailer = mail ? smtpMailer(mail) : null;
    const h = opts.heads;
    this.#schedule = h
      ? startHeadSchedule(
          () => this.publishHeads(h.signer, h.intervalSeconds),
          h.intervalSeconds,
          h.onError ?? ((e) => process.stderr.write(`head publication failed: ${(e as Error).message}\n`)),
        )
      : null;
  }

  /** Opens the store at `url` (sqlite:PATH or postgres://…), migrating it if needed. */
  static async open(url: string, opts: CivicServiceOptions = {}): Promise<CivicService> {
    const cdb = await openCivicDb(url);
    const key = await cdb.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'csrf_key')
      .executeTakeFirstOrThrow();
    return new CivicService(cdb, key.value, opts);
  }

  /** Closes the store once the ballots already submitted are committed. */
  async close(): Promise<void> {
    await this.#schedule?.stop();
    await this.#writer.idle();
    await this.ctx.cdb.close();
  }

  /** The accountability registers (commitments, their histories, frozen projections) in this store. */
  get registers(): Registers {
    this.#registers ??= new Registers(this.ctx.cdb, { now: this.ctx.now });
    return this.#registers;
  }

  /** Whether a role may call a route (the matrix). */
  allows(key: string, role: Role): boolean {
    return allowed(this.matrix, key, role);
  }

  /** The CSRF token for a session (by id hash) or a pre-session nonce. */
  csrfToken(binding: string): string {
    return csrfToken(this.#csrfKey, binding);
  }

  /** Whether a presented CSRF token is the one for this binding. */
  csrfValid(binding: string, presented: string | undefined): boolean {
    return presented !== undefined && sameToken(presented, this.csrfToken(binding));
  }

  session(token: string | undefined): Promise<Session | undefined> {
    return findSession(this.ctx.cdb, token, this.ctx.now());
  }
  signIn(input: Parameters<typeof accounts.signIn>[1]) {
    return accounts.signIn(this.ctx, input);
  }
  signOut(token: string | undefined) {
    return accounts.signOut(this.ctx, token);
  }
  /** A participant registering themselves (the same answer whether or not the address has an account). */
  register(input: { email: string; password: string; ip: string }) {
    return register(this.ctx, this.#mailer, input);
  }
  /** Confirms an e-mail address with the token of the link mailed to it. */
  verifyEmail(token: string) {
    return verifyEmail(this.ctx, token);
  }
  /** The signed-in account changes its password (the current one checked); its other sessions end. */
  changePassword(session: Session, input: { current: string; password: string; ip: string }) {
    return changePassword(this.ctx, session, input);
  }
  /** A one-time password-reset token for an account (staff hand over the link); audited. */
  issueResetToken(actor: Actor, email: string) {
    return issueResetToken(this.ctx, actor, email);
  }
  /** Sets a new password with a reset token (single use, expiring); every session of the account ends. */
  resetPassword(input: { token: string; password: string; ip: string }) {
    return resetPassword(this.ctx, input);
  }
  createAccount(actor: Actor, input: { email: string; password: string; role?: string; verified?: boolean }) {
    return accounts.createAccount(this.ctx, actor, input);
  }
  listAccounts() {
    return accounts.listAccounts(this.ctx);
  }
  updateAccount(actor: Actor, id: string, change: { role?: string; disabled?: boolean }) {
    return accounts.updateAccount(this.ctx, actor, id, change);
  }

  createConsultation(actor: Actor, f: ConsultationFile) {
    return consultations.createConsultation(this.ctx, actor, f);
  }
  updateConsultation(actor: Actor, id: string, f: ConsultationFile) {
    return consultations.updateConsultation(this.ctx, actor, id, f);
  }
  /** Changes title, description or dates before the consultation opens (the title only while a draft); audited. */
  editConsultation(actor: Actor, id: string, change: ConsultationEdit) {
    return editConsultation(this.ctx, actor, id, change);
  }
  /** Deletes a draft with no ballots (with its codes and eligibility list); audited. */
  deleteConsultation(actor: Actor, id: string) {
    return deleteConsultation(this.ctx, actor, id);
  }
  /** Ballots cast against the electorate, in all, by zone and by declared age band; small counts withheld. */
  turnout(id: string) {
    return turnout(this.ctx, id);
  }
  openConsultation(actor: Actor, id: string, opts?: { immediately?: boolean }) {
    return consultations.openConsultation(this.ctx, actor, id, opts);
  }
  /** Closes now; with a head key (given here, or the service's), the final signed head is appended with the close. */
  closeConsultation(actor: Actor, id: string, heads?: { signer: HeadSigner; intervalSeconds: number }) {
    return closeConsultation(this.ctx, actor, id, heads ?? this.ctx.heads);
  }
  consultation(id: string, staff: boolean) {
    return consultations.getConsultation(this.ctx, id, staff);
  }
  consultations(staff: boolean) {
    return consultations.listConsultations(this.ctx, staff);
  }
  /** The live head of the log (staff and the CLI; the public sees `publicHead`). */
  head(id: string) {
    return consultations.headOf(this.ctx, id);
  }
  /** The head the public may see: the last published one while voting runs, the final one after. */
  publicHead(id: string, staff: boolean) {
    return publicHead(this.ctx, id, staff);
  }
  /** One tick of the head schedule: signs and appends every due head (at most one per interval each). */
  publishHeads(signer: HeadSigner, intervalSeconds: number) {
    return publishHeads(this.ctx, signer, intervalSeconds);
  }
  /** A consultation's signed head series with its keys. */
  headSeries(id: string, staff: boolean) {
    return headSeries(this.ctx, id, staff);
  }
  /** A page of a consultation's head series: entries after a seq, at most a limit of them. */
  headSeriesPage(id: string, staff: boolean, page: HeadPageRequest) {
    return headSeriesPage(this.ctx, id, staff, page);
  }
  /** Every public key that signed a published head. */
  headKeys() {
    return headKeys(this.ctx);
  }

  /** `parents`: the batch area's enclosing areas from the official lookup (a batch must lie inside the consultation's area). */
  issueCodes(
    actor: Actor,
    id: string,
    opts: { count: number; expiresAt: string; area?: string; parents?: readonly string[] },
  ) {
    return codes.issueCodes(this.ctx, actor, id, opts);
  }
  codeBatches(id: string) {
    return codes.listBatches(this.ctx, id);
  }
  revokeBatch(actor: Actor, id: string, batchId: string) {
    return codes.revokeBatch(this.ctx, actor, id, batchId);
  }
  /** Revokes single unused codes, all or nothing; audited without the codes. */
  revokeCodes(actor: Actor, id: string, list: readonly string[]) {
    return revokeCodes(this.ctx, actor, id, list);
  }
  redeem(input: Parameters<typeof codes.redeemCode>[1]) {
    return codes.redeemCode(this.ctx, input);
  }

  /** Appends a ballot to the log; resolves with the receipt once it is durable. */
  async submitBallot(req: ballots.BallotRequest) {
    await checkAccountEligible(this.ctx, req.consultationId, req.session);
    return this.#writer.submit(req);
  }
  /** Adds e-mail addresses to a consultation's eligibility list (kept as keyed hashes). */
  importEligibility(actor: Actor, id: string, emails: readonly string[]) {
    return importEligibility(this.ctx, actor, id, emails);
  }
  /** A voter leaves an e-mail address to be told the result (one per voter); a link to confirm it is mailed to it. */
  leaveAddress(id: string, s: Session, email: string) {
    return leaveAddress(this.ctx, this.#mailer, id, s, email);
  }
  /** Confirms a result-notice address with the token of its link (single use, expiring). */
  confirmAddress(token: string) {
    return confirmAddress(this.ctx, token);
  }
  /** After the close: mails each confirmed address its result notice once (claimed first, so racing runs never repeat one); audited. */
  notifyResults(actor: Actor, id: string) {
    return notifyResults(this.ctx, this.#mailer, actor, id);
  }
  ownBallot(id: string, s: Session) {
    return ballots.ownBallot(this.ctx, id, s);
  }
  /** The age band and sex a participant declared (to offer them again when the ballot changes). */
  ownDeclared(id: string, s: Session) {
    return ballots.ownDeclared(this.ctx, id, s);
  }
  receipt(id: string, hash: string, s: Session) {
    return ballots.receiptEntry(this.ctx, id, hash, s);
  }

  results(id: string) {
    return results.results(this.ctx, id);
  }
  /** Per option of a closed consultation: the counted ballots naming it, or its mean points. */
  support(id: string) {
    return results.support(this.ctx, id);
  }
  /** Where a receipt's ballot sits in the log; after the close, whether it counts and what it says. */
  checkReceipt(id: string, hash: string) {
    return checkReceipt(this.ctx, id, hash);
  }
  exportLog(id: string) {
    return results.exportText(this.ctx, id);
  }
  exportPabulib(id: string) {
    return results.exportPabulib(this.ctx, id);
  }
  interimTally(actor: Actor, id: string) {
    return results.interimTally(this.ctx, actor, id);
  }
  representativeness(id: string, cells: readonly PopulationCell[]) {
    return results.representativeness(this.ctx, id, cells);
  }
  auditLog(limit?: number, before?: number) {
    return auditLog(this.ctx.cdb, limit, before);
  }
}
