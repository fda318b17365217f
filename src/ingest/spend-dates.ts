import { SourceError, type SourceLocation } from '../core/errors.ts';

/** Date forms seen in council spend files; a layout lists the ones it may use. */
export const DATE_FORMS = ['iso', 'dmy', 'dmy-dash', 'd-mon-yy', 'd-mon-yyyy'] as const;
export type DateForm = (typeof DATE_FORMS)[number];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// A trailing midnight time (`00:00:00`, `T00:00:00Z`) is how spreadsheets export a date.
const TIME = '(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?Z?)?';

/** The pattern of a date form, with named groups y, m (or mon) and d. */
function pattern(form: DateForm): RegExp {
  switch (form) {
    case 'iso':
      return new RegExp(`^(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})${TIME}$`);
    case 'dmy':
      return new RegExp(`^(?<d>\\d{1,2})/(?<m>\\d{1,2})/(?<y>\\d{4})${TIME}$`);
    case 'dmy-dash':
      return new RegExp(`^(?<d>\\d{1,2})-(?<m>\\d{1,2})-(?<y>\\d{4})${TIME}$`);
    case 'd-mon-yy':
      return /^(?<d>\d{1,2})[- ](?<mon>[A-Za-z]{3})[- ](?<y>\d{2})$/;
    case 'd-mon-yyyy':
      return /^(?<d>\d{1,2})[- ](?<mon>[A-Za-z]{3,9})[- ](?<y>\d{4})$/;
    default:
      throw new Error(`invalid date form: ${form as string}`);
  }
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * A reader of dates in the forms given (tried in order), returning ISO `YYYY-MM-DD`; it refuses
 * other text and dates that do not exist. The patterns are compiled once per layout.
 */
export function spendDateReader(
  forms: readonly DateForm[],
): (text: string, where: () => SourceLocation) => string {
  const patterns = forms.map(pattern);
  const iso = forms.includes('iso');
  return (text, where) => {
    const t = text.trim();
    // The common case, read without a pattern: a plain ISO date that exists is returned as it is.
    if (iso && t.length === 10 && t[4] === '-' && t[7] === '-') {
      const [y, m, d] = [Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10))];
      if (m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) && /^\d{4}-\d\d-\d\d$/.test(t)) return t;
    }
    for (const re of patterns) {
      const g = re.exec(t)?.groups;
      if (!g) continue;
      const month = g.mon ? MONTHS.indexOf(g.mon.slice(0, 3).toLowerCase()) + 1 : Number(g.m);
      const year = g.y!.length === 2 ? 2000 + Number(g.y) : Number(g.y);
      const day = Number(g.d);
      if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
        throw new SourceError({ ...where(), value: text }, 'no such date');
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    throw new SourceError({ ...where(), value: text }, `not a date (${forms.join(', ')})`);
  };
}

/** Reads one date (tests and one-off use; readers compile a reader once with spendDateReader). */
export function parseSpendDate(text: string, forms: readonly DateForm[], where: SourceLocation): string {
  return spendDateReader(forms)(text, () => where);
}
