// Payee classes, decided before anything else by rules kept as data
// (data/franchise/payee-rules.json): the first rule that fits decides; none fits → unknown.
import { PAYEE_CLASSES, type PayeeClass } from '../../core/franchise.ts';

export type PayeeRule =
  | {
      id: string;
      class: PayeeClass;
      match: 'pattern';
      field: 'name' | 'companyNumber' | 'charityNumber';
      pattern: string;
    }
  | { id: string; class: PayeeClass; match: 'person-name' };

export interface PayeeRules {
  rules: PayeeRule[];
  organisationWords: string[];
  givenNames: string[];
}

/** What a rule reads of a payee. */
export interface PayeeFields {
  name: string;
  companyNumber: string | null;
  charityNumber: string | null;
}

export interface Classified {
  class: PayeeClass;
  /** The id of the rule that decided, or `none` for unknown. */
  rule: string;
}

type Test = (p: PayeeFields) => boolean;

/** Resolves the rules once into tests; an unknown class or match kind is refused by name. */
export function payeeClassifier(r: PayeeRules): (p: PayeeFields) => Classified {
  const tests = r.rules.map((rule) => {
    if (!(PAYEE_CLASSES as readonly string[]).includes(rule.class))
      throw new Error(`invalid payee class: ${rule.class}`);
    return { id: rule.id, cls: rule.class, test: testOf(rule, r) };
  });
  return (p) => {
    for (const t of tests) if (t.test(p)) return { class: t.cls, rule: t.id };
    return { class: 'unknown', rule: 'none' };
  };
}

function testOf(rule: PayeeRule, r: PayeeRules): Test {
  switch (rule.match) {
    case 'pattern': {
      const re = new RegExp(rule.pattern, 'i');
      const field = rule.field;
      return (p) => {
        const v = p[field];
        return v !== null && re.test(v);
      };
    }
    case 'person-name':
      return personName(new Set(r.givenNames), new Set(r.organisationWords));
    default:
      throw new Error(`invalid payee rule: ${(rule as { match: string }).match}`);
  }
}

/** Two or three words, letters only, starting with initials (`A K Briscoe`) or a given name (`Ruth Stockley`). */
function personName(given: Set<string>, organisation: Set<string>): Test {
  return (p) => {
    const words = p.name.trim().toLowerCase().split(/\s+/);
    if (words.length < 2 || words.length > 3) return false;
    if (!words.every((w) => /^[a-z][a-z'-]*$/.test(w) && !organisation.has(w))) return false;
    const initials = words.slice(0, -1).every((w) => w.length === 1) && words.at(-1)!.length > 1;
    return initials || given.has(words[0]!);
  };
}
