// The shipped auto-enrolment and income-tax tables, parsed for unit tests (repository data).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { aeRulesSchema, type AeRules } from '../../../src/models/finance/auto-enrolment.ts';
import { incomeTaxSchema, type IncomeTax } from '../../../src/models/finance/income-tax.ts';

export function aeRules(): AeRules {
  return aeRulesSchema.parse(parse(readFileSync('data/finance/auto-enrolment.yaml', 'utf8')));
}

export function incomeTax(): IncomeTax {
  return incomeTaxSchema.parse(parse(readFileSync('data/finance/income-tax.yaml', 'utf8')));
}
