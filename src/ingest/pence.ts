import { SourceError, type SourceLocation } from '../core/errors.ts';

/** How a layout marks a credit: a minus sign, brackets `(12.50)`, or a trailing `CR`. */
export type CreditForm = 'minus' | 'brackets' | 'cr';

const AMOUNT = /^([-+])?£?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/;

/**
 * A published amount as integer pence, exactly (no floating point): `1,773.66`, `£500`,
 * `-387.00`, `472.4`, and the credit forms a layout declares. Refuses anything else, and
 * amounts finer than a penny, naming the place and the value.
 */
export function parsePence(
  text: string,
  where: SourceLocation | (() => SourceLocation),
  credits: readonly CreditForm[],
): number {
  const plain = PLAIN.exec(text);
  if (plain && (plain[1] === undefined || credits.includes('minus'))) {
    const p = Number(plain[2]) * 100 + Number((plain[3] ?? '').padEnd(2, '0'));
    if (Number.isSafeInteger(p)) return plain[1] ? -p : p;
  }
  return parseSlow(text, typeof where === 'function' ? where() : where, credits);
}

// The common form, read without the general pattern: 1773.66, -387.00, 500.
const PLAIN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

function parseSlow(text: string, where: SourceLocation, credits: readonly CreditForm[]): number {
  let t = text.trim().replace(/\s+/g, '');
  let negative = false;
  if (credits.includes('brackets') && /^\(.*\)$/.test(t)) [t, negative] = [t.slice(1, -1), true];
  else if (credits.includes('cr') && /cr$/i.test(t)) [t, negative] = [t.slice(0, -2), true];
  const m = AMOUNT.exec(t);
  if (t === '' || !m || (m[2] === undefined && m[3] === undefined)) {
    const finer = /^-?£?[\d,]*\.\d{3,}$/.test(t);
    throw new SourceError({ ...where, value: text }, finer ? 'amount finer than a penny' : 'not an amount');
  }
  if (m[1] === '-') {
    if (!credits.includes('minus'))
      throw new SourceError({ ...where, value: text }, 'minus sign not expected');
    if (negative) throw new SourceError({ ...where, value: text }, 'two credit marks');
    negative = true;
  }
  const pounds = Number((m[2] ?? '0').replace(/,/g, ''));
  const pence = pounds * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) throw new SourceError({ ...where, value: text }, 'amount too large');
  return negative ? -pence : pence;
}

/** A JSON number of pounds (an OCDS value) as integer pence; refuses fractions of a penny. */
export function poundsToPence(amount: number, where: SourceLocation): number {
  if (!Number.isFinite(amount)) throw new SourceError({ ...where, value: amount }, 'not an amount');
  const pence = Math.round(amount * 100);
  // The decimal text must have at most two places: 12.345 is not a sum of money.
  if (Math.abs(pence / 100 - amount) > 1e-9 * Math.max(1, Math.abs(amount)))
    throw new SourceError({ ...where, value: amount }, 'amount finer than a penny');
  if (!Number.isSafeInteger(pence)) throw new SourceError({ ...where, value: amount }, 'amount too large');
  return pence;
}
