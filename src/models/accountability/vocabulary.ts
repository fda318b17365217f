// The fixed vocabulary of a commitment's status (after Full Fact's government tracker, METHODS.md §9):
// a register that used any other word could not be compared across places or years.

/** Every status a commitment can have, best first. */
export const STATUSES = [
  'achieved',
  'on-track',
  'signs-of-progress',
  'off-track',
  'not-kept',
  'unclear',
] as const;

export type Status = (typeof STATUSES)[number];

/** What each status means, for reports and the register's help text. */
export const STATUS_MEANING: Record<Status, string> = {
  achieved: 'the commitment has been met',
  'on-track': 'the evidence says it will be met by its deadline',
  'signs-of-progress': 'things are moving the right way, but not fast enough to meet it',
  'off-track': 'at the present rate it will not be met',
  'not-kept': 'the deadline has passed and it was not met',
  unclear: 'the evidence does not allow a verdict (no data yet, or disputed)',
};

/** The status named by `s`, or an error naming the bad value and the vocabulary. */
export function parseStatus(s: string): Status {
  if ((STATUSES as readonly string[]).includes(s)) return s as Status;
  throw new Error(`invalid status: ${s} (one of ${STATUSES.join(', ')})`);
}
