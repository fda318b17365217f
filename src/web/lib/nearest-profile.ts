// The indicators that define an area's statistically nearest neighbours unless the URL names others
// (?profile=): a value choice, kept in one place the page and its browser test share.

/** Indicators that define "statistically nearest" by default: pay, income, work, productivity, the foundational share. */
export const DEFAULT_PROFILE = [
  'gross-median-weekly-pay',
  'gross-disposable-household-income-per-head',
  'employment-rate:employment-rate',
  'gross-value-added:gross-value-added-per-hour-worked',
  'foundational-share-gva',
];

/** For ITL3 areas, where pay, income and employment are not published on the 2021 codes: output per head, the foundational shares, tradeable output per head. */
export const ITL3_PROFILE = [
  'gva-per-head',
  'foundational-share-gva',
  'gva-per-head:tradeable',
  'foundational-share-employment',
];
