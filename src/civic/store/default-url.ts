/** Where the civic store lives unless `--civic` or STRATA_CIVIC_DB says otherwise. */
export const DEFAULT_CIVIC_DB = 'sqlite:.strata/civic.sqlite';
