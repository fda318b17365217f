// Tender scoring for the API and the Procurement page: a checked request (contract/) scored by
// the model (models/franchise/tender.ts) with prices in whole pence, answered in £.
import { UsageError } from '../core/errors.ts';
import type { FranchiseTender } from '../contract/franchise-tender.ts';
import { FranchiseTenderRequest } from '../contract/franchise-tender.ts';
import { scoreTender } from '../models/franchise/tender.ts';
import { validateFile, fromValue, readDataFile, type ParsedFile } from './data-file.ts';

/** Scores a tender posted as a value (the API's body). */
export function franchiseTender(value: unknown): FranchiseTender {
  return scoreTenderFile(fromValue(value, 'tender'));
}

/** Scores a tender file, YAML or JSON, holding the API's body: errors name the file, line, field and value. */
export function franchiseTenderFile(path: string): FranchiseTender {
  return scoreTenderFile(readDataFile(path));
}

/** Scores a tender: the request is validated whole (errors name the field and value) before scoring. */
function scoreTenderFile(file: ParsedFile): FranchiseTender {
  const t = validateFile(file, FranchiseTenderRequest, { values: true });
  const bids = t.bids.map((b) => ({ bidder: b.bidder, price: Math.round(b.price * 100), marks: b.marks }));
  let scored;
  try {
    scored = scoreTender(t.criteria, bids, { priceMethod: t.priceMethod, minSocialValue: t.minSocialValue });
  } catch (e) {
    // the contract checks what the model checks; a model refusal is still the caller's input
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const price = new Map(bids.map((b) => [b.bidder, b.price]));
  const social = t.criteria.filter((c) => c.kind === 'social-value').reduce((s, c) => s + c.weight, 0);
  return {
    priceMethod: t.priceMethod,
    minSocialValue: t.minSocialValue,
    socialValueWeight: social,
    lowestPrice: Math.min(...bids.map((b) => b.price)) / 100,
    criteria: t.criteria,
    bids: scored.map((s) => ({
      rank: s.rank,
      bidder: s.bidder,
      price: price.get(s.bidder)! / 100,
      total: s.total,
      scores: t.criteria.map((c) => ({ criterion: c.id, ...s.byCriterion[c.id]! })),
    })),
    notes: [
      `Price marked ${t.priceMethod === 'relative' ? 'relative to the lowest bid: 100 × lowest ÷ price' : 'linearly: 100 × (1 − (price − lowest) ÷ lowest), at least 0'}; other criteria by the evaluators’ marks, 0–100.`,
      `Social value weighs ${(100 * social).toFixed(1)} % of the score (PPN 002: at least ${(100 * t.minSocialValue).toFixed(0)} %).`,
      'Ties share a rank, listed by bidder.',
    ],
  };
}
