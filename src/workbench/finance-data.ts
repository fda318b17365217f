// The data files the finance simulator reads besides the policy file: the returns calibration
// (the shipped illustrative one or the file a policy names), the auto-enrolment rules and
// income-tax bands by tax year, the savers' parameters with their sources, and what each
// mandate priority buys. Each is validated; a bad file is refused naming its path and line.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { aeRulesSchema, type AeRules } from '../models/finance/auto-enrolment.ts';
import { calibrationSchema, PairError, type Calibration } from '../models/finance/calibration.ts';
import { CorrelationError } from '../models/finance/cholesky.ts';
import { incomeTaxSchema, type IncomeTax } from '../models/finance/income-tax.ts';
import { coreFactor } from '../models/finance/market-plan.ts';
import { DataFileError, readDataFile, validateFile, type ParsedFile } from './data-file.ts';

const DATA = new URL('../../data/finance/', import.meta.url).pathname;
/** The shipped calibration: illustrative, replaceable. */
export const DEFAULT_RETURNS = `${DATA}returns-illustrative.yaml`;
/** The shipped example policy files. */
export const FINANCE_EXAMPLES = `${DATA}examples/`;

const sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: z.string().min(1) });
const share = z.number().min(0).max(1);
export const saverParamsSchema = z.strictObject({
  employeeShare: sourced(share),
  participation: sourced(share),
  pay: z.strictObject({
    weeksPerYear: z.number().positive(),
    sigmaLow: sourced(z.number().positive().max(3)),
    sigmaHigh: sourced(z.number().positive().max(3)),
  }),
  payGrowth: sourced(z.number().min(-0.1).max(0.1)),
  relief: sourced(z.enum(['relief-at-source', 'net-pay'])),
  ages: z.strictObject({ note: z.string() }),
});
export type SaverParamsFile = z.infer<typeof saverParamsSchema>;

export const mandateSectorsSchema = z.strictObject({
  source: z.string().min(1),
  priorities: z.record(
    z.string(),
    z.strictObject({
      label: z.string().min(1),
      domestic: share,
      industries: z
        .record(z.string(), share)
        .refine(
          (w) => Math.abs(Object.values(w).reduce((s, v) => s + v, 0) - 1) < 1e-9,
          'industry shares must sum to 1',
        ),
    }),
  ),
});
export type MandateSectors = z.infer<typeof mandateSectorsSchema>;

/** The shipped rules and parameters, validated (a broken shipped file is a bug worth a clear message). */
export interface FinanceData {
  ae: AeRules;
  incomeTax: IncomeTax;
  savers: SaverParamsFile;
  mandate: MandateSectors;
}

let shipped: FinanceData | undefined;

function shippedFile<S extends z.ZodType>(name: string, schema: S): z.output<S> {
  return validateFile(readDataFile(`${DATA}${name}`, `data/finance/${name}`), schema);
}

/** The auto-enrolment rules, income-tax bands, savers' parameters and mandate sectors shipped with Strata. */
export function financeData(): FinanceData {
  shipped ??= {
    ae: shippedFile('auto-enrolment.yaml', aeRulesSchema),
    incomeTax: shippedFile('income-tax.yaml', incomeTaxSchema),
    savers: shippedFile('savers.yaml', saverParamsSchema),
    mandate: shippedFile('mandate-sectors.yaml', mandateSectorsSchema),
  };
  return shipped;
}

/** The path a policy file's `returns:` names, relative to the policy file (or the shipped default). */
export function returnsPath(policyFile: string, returns: string | undefined): string {
  if (!returns) return DEFAULT_RETURNS;
  return isAbsolute(returns) ? returns : resolve(dirname(policyFile), returns);
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function shownName(path: string): string {
  if (path === DEFAULT_RETURNS) return 'data/finance/returns-illustrative.yaml';
  const r = relative(process.cwd(), path);
  return r.startsWith('..') || isAbsolute(r) ? path : r;
}

/**
 * Reads and checks a returns calibration: the schema, then the correlation matrix (pairs must
 * name known assets once; the matrix must be positive definite), each refusal at its line.
 */
export function loadCalibration(path: string): { calibration: Calibration; file: ParsedFile } {
  const file = readDataFile(path, shownName(path));
  const calibration = validateFile(file, calibrationSchema);
  try {
    coreFactor(calibration);
  } catch (e) {
    if (e instanceof PairError) throw refuse(file, ['correlations', 'pairs', e.index], e.message);
    if (e instanceof CorrelationError) throw refuse(file, ['correlations'], e.message);
    throw e;
  }
  return { calibration, file };
}

/** A DataFileError for one problem at a path of a parsed file. */
export function refuse(file: ParsedFile, path: (string | number)[], message: string): DataFileError {
  const at = file.locate(path);
  return new DataFileError(file.name, [
    { path: path.join('.'), line: at?.line ?? null, column: at?.column ?? null, message },
  ]);
}
