import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { straddleWeights } from '../../src/core/area-links.ts';
import type { AreaLink } from '../../src/core/records.ts';

const link = (child: string, parent: string, childLevel: string, parentLevel: string): AreaLink => ({
  child,
  parent,
  childLevel,
  parentLevel,
  vintage: '2023',
  weight: 1,
  rule: null,
});
// Cumberland's shape in the 2023 lookup: Allerdale and Copeland in TLD11, Carlisle in TLD12.
const LINKS: AreaLink[] = [
  link('E06000063', 'E07000026', 'ltla', 'lau1'),
  link('E06000063', 'E07000028', 'ltla', 'lau1'),
  link('E06000063', 'E07000029', 'ltla', 'lau1'),
  link('E07000026', 'TLD11', 'lau1', 'itl3'),
  link('E07000028', 'TLD12', 'lau1', 'itl3'),
  link('E07000029', 'TLD11', 'lau1', 'itl3'),
  link('E06000001', 'E06000001', 'ltla', 'lau1'),
  link('E06000001', 'TLC11', 'lau1', 'itl3'),
  link('TLC11', 'TLC1', 'itl3', 'itl2'),
];
const weights = (out: AreaLink[], lad: string) =>
  out.filter((l) => l.child === lad).map((l) => [l.parent, l.weight, l.rule]);

describe('straddleWeights', () => {
  it('gives a LAD inside one ITL3 weight 1 and no rule', () => {
    assert.deepEqual(weights(straddleWeights(LINKS), 'E06000001'), [['TLC11', 1, null]]);
  });
  it('shares a straddling LAD by the count of its LAU1 parts', () => {
    // Two of three parts in TLD11, one in TLD12.
    assert.deepEqual(weights(straddleWeights(LINKS), 'E06000063'), [
      ['TLD11', 2 / 3, 'lau1-count'],
      ['TLD12', 1 / 3, 'lau1-count'],
    ]);
  });
  it('shares it by population when every part has one', () => {
    // 100 + 100 in TLD11 and 300 in TLD12: 200/500 and 300/500.
    const pop = new Map([
      ['E07000026', 100],
      ['E07000028', 300],
      ['E07000029', 100],
    ]);
    const out = straddleWeights(LINKS, pop);
    assert.deepEqual(weights(out, 'E06000063'), [
      ['TLD11', 0.4, 'lau1-population'],
      ['TLD12', 0.6, 'lau1-population'],
    ]);
    assert.equal(
      out.filter((l) => l.child === 'E06000063').reduce((s, l) => s + l.weight, 0),
      1,
    );
    assert.deepEqual(out[0]!.childLevel + '>' + out[0]!.parentLevel, 'ltla>itl3');
  });
  it('falls back to counting parts when a part lacks a population', () => {
    const pop = new Map([
      ['E07000026', 100],
      ['E07000029', 100],
    ]);
    assert.deepEqual(weights(straddleWeights(LINKS, pop), 'E06000063')[0], ['TLD11', 2 / 3, 'lau1-count']);
  });
  it('refuses a LAU1 without an ITL3 or in two of them', () => {
    assert.throws(
      () => straddleWeights(LINKS.filter((l) => l.child !== 'E07000028')),
      /no ITL3 for LAU1: E07000028/,
    );
    assert.throws(
      () => straddleWeights([...LINKS, link('E07000028', 'TLD11', 'lau1', 'itl3')]),
      /LAU1 in two ITL3 areas: E07000028/,
    );
  });
});
