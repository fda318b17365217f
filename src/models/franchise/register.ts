// A register of conditions promised vs delivered over a contract's life (METHODS.md §9):
// every condition has a stable id; its history is append-only — an event, once recorded, is
// never changed, and an attempt to record different content under the same key is refused.
import type { OcdsMetric } from '../../core/franchise.ts';

/** Statuses: a promise, then the ratings of the contract performance notice (UK9). */
export const REGISTER_STATUSES = [
  'promised',
  'good',
  'approaching-target',
  'requires-improvement',
  'inadequate',
  'other',
] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

export interface RegisterEvent {
  /** Stable id of the condition: `ocid/contract-or-award/metric`. */
  conditionId: string;
  /** Unique key of the event (release, stage, observation). */
  eventKey: string;
  /** ISO date-time of the release that reported it. */
  at: string;
  status: RegisterStatus;
  /** The target or measure as published. */
  detail: string | null;
  title: string | null;
  source: string;
}

/** A published rating (`Approaching target`, `requiresImprovement`) as a status; anything else is `other`. */
export function ratingStatus(measure: string | null): RegisterStatus {
  const t = (measure ?? '').toLowerCase().replace(/[^a-z]/g, '');
  switch (t) {
    case 'good':
      return 'good';
    case 'approachingtarget':
      return 'approaching-target';
    case 'requiresimprovement':
      return 'requires-improvement';
    case 'inadequate':
      return 'inadequate';
    default:
      return 'other';
  }
}

/** Register events from KPI observations: targets agreed are promises, implementation ratings are deliveries. */
export function registerEvents(metrics: readonly OcdsMetric[]): RegisterEvent[] {
  return metrics.map((m) => ({
    conditionId: `${m.ocid}/${m.contractId ?? m.awardId ?? '-'}/${m.metricId}`,
    eventKey: [
      m.ocid,
      m.releaseId,
      m.stage,
      m.awardId ?? '',
      m.contractId ?? '',
      m.metricId,
      m.observationId,
    ].join('|'),
    at: m.releaseDate,
    status: m.stage === 'agreed' ? 'promised' : ratingStatus(m.measure),
    detail: m.measure,
    title: m.title,
    source: m.file,
  }));
}

function same(a: RegisterEvent, b: RegisterEvent): boolean {
  return (
    a.conditionId === b.conditionId &&
    a.at === b.at &&
    a.status === b.status &&
    a.detail === b.detail &&
    a.title === b.title
  );
}

/**
 * The events to append to a history: new keys only, in date order. An event whose key is
 * already recorded must match it; a different content under a recorded key is a rewrite, refused.
 */
export function appendable(
  history: readonly RegisterEvent[],
  incoming: readonly RegisterEvent[],
): RegisterEvent[] {
  const known = new Map(history.map((e) => [e.eventKey, e]));
  const out: RegisterEvent[] = [];
  for (const e of incoming) {
    const had = known.get(e.eventKey);
    if (had) {
      if (!same(had, e))
        throw new Error(
          `register history is append-only: event ${e.eventKey} is recorded as ${had.status} (${had.detail}), not ${e.status} (${e.detail})`,
        );
      continue;
    }
    known.set(e.eventKey, e);
    out.push(e);
  }
  return out.sort((a, b) => a.at.localeCompare(b.at) || a.eventKey.localeCompare(b.eventKey));
}

/** Each condition's latest status and its first promise: promised vs delivered. */
export function registerState(history: readonly RegisterEvent[]) {
  const by = new Map<string, RegisterEvent[]>();
  for (const e of [...history].sort(
    (a, b) => a.at.localeCompare(b.at) || a.eventKey.localeCompare(b.eventKey),
  ))
    by.set(e.conditionId, [...(by.get(e.conditionId) ?? []), e]);
  return [...by].map(([conditionId, events]) => ({
    conditionId,
    title: events.find((e) => e.title)?.title ?? null,
    promised: events.find((e) => e.status === 'promised')?.detail ?? null,
    latest: events.at(-1)!.status,
    latestAt: events.at(-1)!.at,
    events: events.length,
  }));
}
