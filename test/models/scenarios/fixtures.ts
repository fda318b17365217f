// Files the scenario tests share: the Green Book schedule and optimism bias table as shipped.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { greenBookSchema, type GreenBook } from '../../../src/models/scenarios/green-book.ts';

export function greenBook(): GreenBook {
  return greenBookSchema.parse(
    parse(readFileSync(new URL('../../../data/appraisal/green-book.yaml', import.meta.url), 'utf8')),
  );
}
