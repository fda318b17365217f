// Accountability (METHODS.md §9): commitments with declared status rules and an append-only history;
// frozen projections and forecast against outturn.
export * from './vocabulary.ts';
export * from './rules.ts';
export * from './history.ts';
export * from './register-schema.ts';
export * from './projection.ts';
export * from './forecast-error.ts';
export * from './fixed.ts';
export * from './measure.ts';
