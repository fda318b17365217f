/**
 * The analytic store's tables (DuckDB). Every data row carries the id of the dataset
 * (one vintage of one source) it came from; `datasets` holds the provenance.
 */
export const SCHEMA_VERSION = 2;

export const DDL = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE SEQUENCE IF NOT EXISTS dataset_ids START 1`,
  `CREATE TABLE IF NOT EXISTS datasets (
    id INTEGER PRIMARY KEY, source VARCHAR NOT NULL, title VARCHAR, publisher VARCHAR, url VARCHAR,
    licence VARCHAR, vintage VARCHAR, files VARCHAR, sha256 VARCHAR NOT NULL, retrieved VARCHAR,
    reader VARCHAR, reader_version INTEGER, imported_at TIMESTAMP, rows BIGINT, warnings VARCHAR, location VARCHAR,
    UNIQUE (source, sha256, reader_version))`,
  `CREATE TABLE IF NOT EXISTS checks (dataset_id INTEGER, name VARCHAR, expected DOUBLE, actual DOUBLE, tolerance DOUBLE)`,
  // Names and the published hierarchy live once per dataset in `industries`, not on every row.
  `CREATE TABLE IF NOT EXISTS industry_obs (dataset_id INTEGER, areacd VARCHAR, industry VARCHAR, measure VARCHAR,
    period SMALLINT, value DOUBLE, status VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS industries (dataset_id INTEGER, code VARCHAR, name VARCHAR, parent VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS observations (dataset_id INTEGER, areacd VARCHAR, areanm VARCHAR, geography VARCHAR,
    indicator VARCHAR, period VARCHAR, observation DOUBLE, measure VARCHAR, unit VARCHAR, lci95 DOUBLE, uci95 DOUBLE,
    status VARCHAR, notes VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS indicators (dataset_id INTEGER, id VARCHAR, meta VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS nomis_obs (dataset_id INTEGER, date VARCHAR, geography_code VARCHAR, geography_name VARCHAR,
    geography_type VARCHAR, dims VARCHAR, measures VARCHAR, value DOUBLE, status VARCHAR, status_name VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS areas (dataset_id INTEGER, areacd VARCHAR, areanm VARCHAR, level VARCHAR, start_year SMALLINT, end_year SMALLINT)`,
  `CREATE TABLE IF NOT EXISTS area_links (dataset_id INTEGER, child VARCHAR, parent VARCHAR, child_level VARCHAR,
    parent_level VARCHAR, vintage VARCHAR, weight DOUBLE, rule VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS boundaries (dataset_id INTEGER, name VARCHAR, level VARCHAR, crs VARCHAR, topology VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS area_geometry (dataset_id INTEGER, areacd VARCHAR, level VARCHAR, vintage VARCHAR,
    start_year SMALLINT, end_year SMALLINT, x DOUBLE, y DOUBLE, lon DOUBLE, lat DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS gpg_employers (dataset_id INTEGER, period VARCHAR, employer_id VARCHAR, employer_name VARCHAR,
    postcode VARCHAR, company_number VARCHAR, sic_codes VARCHAR, diff_mean_hourly DOUBLE, diff_median_hourly DOUBLE,
    diff_mean_bonus DOUBLE, diff_median_bonus DOUBLE, male_bonus DOUBLE, female_bonus DOUBLE,
    female_lower_quartile DOUBLE, female_lower_middle_quartile DOUBLE, female_upper_middle_quartile DOUBLE,
    female_top_quartile DOUBLE, employer_size VARCHAR, submitted_late BOOLEAN)`,
  `CREATE TABLE IF NOT EXISTS spending (dataset_id INTEGER, body VARCHAR, service_area VARCHAR, expenses_type VARCHAR,
    date VARCHAR, txn VARCHAR, amount DOUBLE, supplier VARCHAR, company_number VARCHAR, charity_number VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS sic (dataset_id INTEGER, code VARCHAR, level VARCHAR, name VARCHAR, parent VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS io_cells (dataset_id INTEGER, year SMALLINT, sheet VARCHAR, row_code VARCHAR, col_code VARCHAR, value DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS io_tables (dataset_id INTEGER, year SMALLINT, body VARCHAR)`,
  // The newest vintage of each source: what every query reads unless it asks for history.
  `CREATE OR REPLACE VIEW current_datasets AS
     SELECT d.* FROM datasets d WHERE d.id = (SELECT max(id) FROM datasets e WHERE e.source = d.source)`,
];

/** Data tables, in the order `strata data verify` and row counts visit them. */
export const DATA_TABLES = [
  'industry_obs',
  'industries',
  'observations',
  'indicators',
  'nomis_obs',
  'areas',
  'area_links',
  'boundaries',
  'area_geometry',
  'gpg_employers',
  'spending',
  'sic',
  'io_cells',
  'io_tables',
  'checks',
] as const;
