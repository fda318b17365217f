// The key payee lines are grouped by: the published name upper-cased, runs of white space as
// one (names are trimmed on reading), so `Npower` and `NPOWER ` are one payee and `Npower Ltd`
// another. Lines and contract awards take their keys from this one function.

/** The payee key of a published name. */
export function payeeKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toUpperCase();
}
