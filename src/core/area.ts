/**
 * The level of an area from the form of its code (GSS entity codes and ITL codes), or null
 * for a form Strata does not know. Unitary authorities (E06) are both lower and upper tier;
 * they are reported as `ltla`.
 */
export function levelOfCode(code: string): string | null {
  if (code === 'K02000001') return 'uk';
  if (/^(E0[6789]|W06|S12|N09)\d{6}$/.test(code)) return 'ltla';
  if (/^E10\d{6}$/.test(code)) return 'cty';
  if (/^E12\d{6}$/.test(code)) return 'rgn';
  if (/^(E92|W92|S92|N92)\d{6}$/.test(code)) return 'ctry';
  if (/^E47\d{6}$/.test(code)) return 'cauth';
  if (/^TL[C-N][0-9A-Z]{2}$/.test(code)) return 'itl3';
  if (/^TL[C-N][0-9A-Z]$/.test(code)) return 'itl2';
  if (/^TL[C-N]$/.test(code)) return 'itl1';
  return null;
}
