// UK postcodes split into area (`M`, `LS`) and district (`M1`, `LS28`), for local-share rules.

export interface PostcodeParts {
  postcode: string;
  area: string;
  district: string;
}

// Outward code: area letters, district digits (and a letter in central London: EC1A, W1D).
const POSTCODE = /^([A-Z]{1,2})(\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;

/** Splits a postcode (`M28 7JB`, `ls11 5dd`); null for text that is not one. */
export function postcodeParts(text: string | null): PostcodeParts | null {
  if (text === null) return null;
  const m = POSTCODE.exec(text.trim().toUpperCase().replace(/\s+/g, ' '));
  if (!m) return null;
  // District: the area and the number, without a sub-district letter (EC1A → EC1).
  const district = m[1]! + m[2]!.replace(/[A-Z]$/, '');
  return { postcode: `${m[1]}${m[2]} ${m[3]}`, area: m[1]!, district };
}
