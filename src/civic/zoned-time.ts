// Times as organisers write them: with an offset (2026-05-01T09:00:00Z, …+01:00) they are exact;
// without one (2026-05-01T09:00) they are local times in the consultation's zone, and a date
// alone is the start of that day — or, for a closing time, its end — in that zone.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** How far a zone's clocks are ahead of UTC at an instant, in ms. */
function offsetMs(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a written time stands for, or null when it is not a time; `end` reads a date alone as its end. */
export function zonedInstant(text: string, zone: string, end = false): Date | null {
  const m = LOCAL.exec(text.trim());
  if (!m) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) ? null : d;
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  const dayOnly = h === undefined;
  const guess = Date.UTC(y!, mo! - 1, d! + (dayOnly && end ? 1 : 0), h ?? 0, mi ?? 0, s ?? 0);
  if (Number.isNaN(guess)) return null;
  let t = guess - offsetMs(zone, guess);
  t = guess - offsetMs(zone, t); // once more across a change of clocks
  return new Date(t);
}
