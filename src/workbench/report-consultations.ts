// The consultations a report states: each published or closed consultation as it stood on the
// report's date — open (no result yet, whatever the store holds now) or closed with its
// published outcome, the head of its closed log and the last signed head published by then.
import type { ReportConsultation } from '../contract/reports.ts';
import { formatOutcome, type ConsultationRecord, type Registers } from '../civic/service.ts';

/** The end of a report's date, as an ISO instant to compare stored instants against. */
const endOf = (asOf: string) => `${asOf}T23:59:59.999Z`;

const stateOf = (r: ConsultationRecord, asOf: string): ReportConsultation['state'] =>
  r.closedAt !== null && r.closedAt <= endOf(asOf) ? 'closed' : 'open';

/** One record as of the report's date. */
export function consultationAsOf(r: ConsultationRecord, asOf: string): ReportConsultation {
  const state = stateOf(r, asOf);
  const closed = state === 'closed';
  const signed = r.signed.filter((s) => s.at <= endOf(asOf));
  const last = signed.at(-1);
  return {
    id: r.id,
    title: r.title,
    electorate: r.electorate,
    openPoll: r.consultation.openPoll === true,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    state,
    closedAt: closed ? r.closedAt : null,
    rule: r.consultation.rule,
    ballots: closed ? r.voters : null,
    result: closed && r.outcome ? formatOutcome(r.outcome, r.consultation) : [],
    head: closed ? r.head : null,
    signed: last
      ? { seq: last.seq, at: last.at, count: last.count, key: last.key, final: last.final === true }
      : null,
    signedCount: signed.length,
  };
}

/** Every consultation opened by the report's date, by area. */
export async function consultationsAsOf(
  regs: Registers,
  asOf: string,
): Promise<Map<string, ReportConsultation[]>> {
  const out = new Map<string, ReportConsultation[]>();
  for (const r of await regs.consultations()) {
    if (r.opensAt > endOf(asOf)) continue;
    out.set(r.area, [...(out.get(r.area) ?? []), consultationAsOf(r, asOf)]);
  }
  return out;
}
