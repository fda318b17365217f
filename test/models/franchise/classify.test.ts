import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { payeeClassifier, type PayeeRules } from '../../../src/models/franchise/classify.ts';

const rules = JSON.parse(
  readFileSync(new URL('../../../data/franchise/payee-rules.json', import.meta.url), 'utf8'),
) as PayeeRules;
const classify = payeeClassifier(rules);
const cls = (name: string, companyNumber: string | null = null, charityNumber: string | null = null) =>
  classify({ name, companyNumber, charityNumber });

describe('payee classes (data/franchise/payee-rules.json)', () => {
  it('classes each kind of payee in the real files, naming the rule', () => {
    const cases: [string, string, string][] = [
      ['Redacted Personal Information', 'individual-or-redacted', 'redacted'],
      ['REDACTED PERSONAL DATA', 'individual-or-redacted', 'redacted'],
      ['Mrs J Smith', 'individual-or-redacted', 'title'],
      ['A K Briscoe', 'individual-or-redacted', 'person-name'],
      ['Ruth Stockley', 'individual-or-redacted', 'person-name'],
      ['Salford City Council', 'public-body', 'public-named'],
      ['Greater Manchester Mental Health NHS Foundation Trust', 'public-body', 'public-named'],
      ['University Of Salford', 'public-body', 'public-education'],
      ['Biffa Municipal Limited', 'company', 'company-legal-form'],
      ['The Knowledge Academy Limited', 'company', 'company-legal-form'],
      ['FoodSync CIC', 'company', 'company-legal-form'],
      ['The Together Trust', 'charity', 'charity-named'],
      ["Cleveley's Ave Allotment Society", 'charity', 'charity-named'],
      ['Graysons Solicitors', 'company', 'company-trade'],
      ['Amazon.Co.Uk*2l46u0m94', 'company', 'merchant'],
      ['Npower', 'unknown', 'none'],
      ['Hire World', 'unknown', 'none'],
    ];
    for (const [name, c, rule] of cases) assert.deepEqual(cls(name), { class: c, rule }, name);
  });
  it('a company or charity number in the file decides before the name', () => {
    assert.deepEqual(cls('Hire World', '01234567'), { class: 'company', rule: 'company-number' });
    assert.deepEqual(cls('Hire World', null, '1101234'), { class: 'charity', rule: 'charity-number' });
  });
  it('refuses an unknown class or rule kind by name', () => {
    assert.throws(
      () => payeeClassifier({ ...rules, rules: [{ id: 'x', class: 'firm' as never, match: 'person-name' }] }),
      /invalid payee class: firm/,
    );
    assert.throws(
      () => payeeClassifier({ ...rules, rules: [{ id: 'x', class: 'company', match: 'soundex' } as never] }),
      /invalid payee rule: soundex/,
    );
  });
});
