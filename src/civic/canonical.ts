// Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object keys sorted by UTF-16 code
// units, no whitespace, strings escaped as JSON.stringify does, numbers in ECMAScript's
// shortest round-trip form. Anyone can reproduce the bytes a hash covers from the values.

/** Serialises plain JSON values canonically; throws on anything JSON cannot hold exactly. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`not a JSON value: ${typeof value}`);
}
