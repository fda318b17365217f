/**
 * SIC 2007 sections and divisions, and resolution of any published industry code to the
 * set of divisions it covers (DESIGN.md "Industry"). Codes seen in official files:
 * `Total`, `A-E`, `G-T`, `AB (1-9)`, `CA (10-12)`, `CD-CG (19-23)`, `49-51`, `68IMP`, `41`,
 * `1` (Census "88 categories"), `101` (group), `1101` (class), IOAT `C101`,
 * `C1101T1106 & C12`, `B06 & B07`, `L68A`, `L68BXL683`.
 */

/** SIC 2007 sections with their division ranges (inclusive). */
export const SIC_SECTIONS: ReadonlyArray<{ section: string; from: number; to: number; name: string }> = [
  { section: 'A', from: 1, to: 3, name: 'Agriculture, forestry and fishing' },
  { section: 'B', from: 5, to: 9, name: 'Mining and quarrying' },
  { section: 'C', from: 10, to: 33, name: 'Manufacturing' },
  { section: 'D', from: 35, to: 35, name: 'Electricity, gas, steam and air conditioning supply' },
  { section: 'E', from: 36, to: 39, name: 'Water supply; sewerage, waste management and remediation' },
  { section: 'F', from: 41, to: 43, name: 'Construction' },
  { section: 'G', from: 45, to: 47, name: 'Wholesale and retail trade; repair of motor vehicles' },
  { section: 'H', from: 49, to: 53, name: 'Transportation and storage' },
  { section: 'I', from: 55, to: 56, name: 'Accommodation and food service activities' },
  { section: 'J', from: 58, to: 63, name: 'Information and communication' },
  { section: 'K', from: 64, to: 66, name: 'Financial and insurance activities' },
  { section: 'L', from: 68, to: 68, name: 'Real estate activities' },
  { section: 'M', from: 69, to: 75, name: 'Professional, scientific and technical activities' },
  { section: 'N', from: 77, to: 82, name: 'Administrative and support service activities' },
  { section: 'O', from: 84, to: 84, name: 'Public administration and defence; compulsory social security' },
  { section: 'P', from: 85, to: 85, name: 'Education' },
  { section: 'Q', from: 86, to: 88, name: 'Human health and social work activities' },
  { section: 'R', from: 90, to: 93, name: 'Arts, entertainment and recreation' },
  { section: 'S', from: 94, to: 96, name: 'Other service activities' },
  { section: 'T', from: 97, to: 98, name: 'Activities of households as employers' },
  { section: 'U', from: 99, to: 99, name: 'Activities of extraterritorial organisations and bodies' },
];

/** The 88 SIC 2007 divisions that exist (there is no 04, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89). */
export const SIC_DIVISIONS: readonly string[] = [
  1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
  31, 32, 33, 35, 36, 37, 38, 39, 41, 42, 43, 45, 46, 47, 49, 50, 51, 52, 53, 55, 56, 58, 59, 60, 61, 62, 63,
  64, 65, 66, 68, 69, 70, 71, 72, 73, 74, 75, 77, 78, 79, 80, 81, 82, 84, 85, 86, 87, 88, 90, 91, 92, 93, 94,
  95, 96, 97, 98, 99,
].map(pad2);

const DIVISION_SET = new Set(SIC_DIVISIONS);

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The section letter a division belongs to. */
export function sectionOf(division: string): string {
  const d = Number(division);
  const hit = SIC_SECTIONS.find((s) => d >= s.from && d <= s.to);
  if (!hit || !DIVISION_SET.has(division)) throw new Error(`unknown SIC division: ${division}`);
  return hit.section;
}

function divisionsBetween(from: number, to: number): string[] {
  if (!(from <= to)) throw new Error(`empty SIC range: ${from}-${to}`);
  return SIC_DIVISIONS.filter((d) => Number(d) >= from && Number(d) <= to);
}

function sectionRange(first: string, last: string): string[] {
  const a = SIC_SECTIONS.find((s) => s.section === first);
  const b = SIC_SECTIONS.find((s) => s.section === last);
  if (!a || !b) throw new Error(`unknown SIC section range: ${first}-${last}`);
  return divisionsBetween(a.from, b.to);
}

/** How a published code relates to SIC divisions. */
export interface ResolvedIndustry {
  code: string;
  /** Divisions covered, zero-padded (`01` … `99`), sorted. */
  divisions: string[];
  /** True when the code covers only part of a division (a group, class or IOAT split such as `C101`). */
  partial: boolean;
  /** True for owner-occupiers' imputed rental (`68IMP`, IOAT `L68A`). */
  imputedRent: boolean;
}

const SECTION_WITH_RANGE = /^([A-U](?:[A-Z])?(?:-[A-U][A-Z]?)?)\s*\((\d{1,2})(?:-(\d{1,2}))?\)$/;
const SECTION_SPAN = /^([A-U])-([A-U])$/;
const NUM_RANGE = /^(\d{1,2})-(\d{1,2})$/;

/** Resolves one published industry code to the SIC divisions it covers; throws on an unknown code. */
export function resolveIndustry(published: string): ResolvedIndustry {
  const code = published.trim();
  const done = (divisions: string[], partial = false, imputedRent = false): ResolvedIndustry => ({
    code,
    divisions: [...new Set(divisions)].sort(),
    partial,
    imputedRent,
  });
  if (/^(total|all industries)$/i.test(code)) return done([...SIC_DIVISIONS]);
  if (code === '68IMP') return done(['68'], true, true);
  let m = SECTION_WITH_RANGE.exec(code);
  if (m) return done(divisionsBetween(Number(m[2]), Number(m[3] ?? m[2])));
  m = SECTION_SPAN.exec(code);
  if (m) return done(sectionRange(m[1]!, m[2]!));
  if (/^[A-U]$/.test(code)) return done(sectionRange(code, code));
  m = NUM_RANGE.exec(code);
  if (m) return done(divisionsBetween(Number(m[1]), Number(m[2])));
  if (/^\d{1,2}$/.test(code)) return done([knownDivision(pad2(Number(code)), published)]);
  if (/^\d{3,5}$/.test(code)) return done([knownDivision(code.slice(0, 2), published)], true);
  if (/^[A-U]\d/.test(code)) return resolveIoat(code);
  if (/^\d{1,2}(?:\.\d|\s*[+&]|\s*\(not\s)/.test(code)) return resolveDotted(code);
  throw new Error(`unknown industry code: ${published}`);
}

function knownDivision(d: string, published: string): string {
  if (!DIVISION_SET.has(d)) throw new Error(`unknown industry code: ${published}`);
  return d;
}

/**
 * IOAT codes: a section letter then digits, parts joined by `&` or `,` (`F41, F42  & F43`),
 * ranges by `T` (`C1101T1106 & C12`) or `_` on the last digit (`C102_3` = 10.2–10.3),
 * dotted sub-codes (`K65.1-2`), letter suffixes for splits (`C20A`, `C23OTHER`,
 * `L68BXL683`: 68 excluding 68.3).
 */
function resolveIoat(code: string): ResolvedIndustry {
  if (code === 'L68A') return { code, divisions: ['68'], partial: true, imputedRent: true };
  const divisions: string[] = [];
  let partial = false;
  for (const part of code.split(/[&,]/).map((p) => p.trim())) {
    const m = /^[A-U](\d{2,4})(?:(?:T|_)(\d{1,4}))?(\.[\d-]+)?([A-Z].*)?$/.exec(part);
    if (!m) throw new Error(`unknown industry code: ${code}`);
    const from = m[1]!;
    // `_3` replaces the last digit (C102_3 → C103); `T` gives the full end code.
    const to = m[2] === undefined ? from : from.slice(0, Math.max(0, from.length - m[2].length)) + m[2];
    if (from.length > 2 || m[3] !== undefined || m[4] !== undefined) partial = true;
    const a = Number(from.slice(0, 2));
    const b = Number(to.slice(0, 2));
    for (const d of divisionsBetween(a, b)) divisions.push(d);
    if (divisions.length === 0) throw new Error(`unknown industry code: ${code}`);
  }
  return { code, divisions: [...new Set(divisions)].sort(), partial, imputedRent: false };
}

const DOTTED_PART = /^(\d{1,2})(?:\.(\d{1,2})(?:-\d{1,2})?)?$/;

/**
 * Dotted SIC codes as the ONS environmental accounts print them: groups and classes
 * (`10.1`, `11.07`), ranges inside a division (`10.2-3`, `11.01-6`), lists joined by `+`
 * or `&` (`20.12+20.2`, `23.1-4 & 23.7-9`) where a bare digit continues the previous
 * division (`30.2+4+9` = 30.2, 30.4, 30.9) and a bare two-digit number is a division
 * (`11.01-6 &12`), and exclusions (`33 (not 33.15-16)`).
 */
function resolveDotted(code: string): ResolvedIndustry {
  const m = /^(.*?)\s*(\(not [^)]*\))?$/.exec(code)!;
  let partial = m[2] !== undefined;
  let afterDotted = false;
  const divisions: string[] = [];
  for (const part of m[1]!.split(/[+&]/).map((p) => p.trim())) {
    const p = DOTTED_PART.exec(part);
    if (!p) throw new Error(`unknown industry code: ${code}`);
    // A bare digit after a dotted part is another group of the same division.
    if (p[2] === undefined && p[1]!.length === 1 && afterDotted) continue;
    afterDotted = p[2] !== undefined;
    if (afterDotted) partial = true;
    divisions.push(knownDivision(pad2(Number(p[1])), code));
  }
  return { code, divisions: [...new Set(divisions)].sort(), partial, imputedRent: false };
}
