import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDistrictChanges } from '../../src/ingest/district-changes.ts';
import { readSourceFile, sourceFromBytes } from '../../src/ingest/source-file.ts';

const HEADER = 'old_code,old_name,new_code,new_name,effective';
const GOOD = `${HEADER}\nE07000026,Allerdale,E06000063,Cumberland,2023-04-01\nE07000027,Barrow-in-Furness,E06000064,Westmorland and Furness,2023-04-01\n`;
const read = (text: string) => readDistrictChanges(sourceFromBytes('lad-changes.csv', text));

describe('readDistrictChanges', () => {
  it('reads the table', () => {
    assert.deepEqual(read(GOOD)[1], {
      oldCode: 'E07000027',
      oldName: 'Barrow-in-Furness',
      newCode: 'E06000064',
      newName: 'Westmorland and Furness',
      effective: '2023-04-01',
    });
  });
  it('holds the April 2023 changes: 17 districts into 4 unitary authorities', () => {
    const changes = readDistrictChanges(readSourceFile('data/lookups/lad-changes-2023.csv'));
    assert.equal(changes.length, 17);
    const into = (code: string) => changes.filter((c) => c.newCode === code).map((c) => c.oldName);
    assert.deepEqual(into('E06000063'), ['Allerdale', 'Carlisle', 'Copeland']);
    assert.deepEqual(into('E06000064'), ['Barrow-in-Furness', 'Eden', 'South Lakeland']);
    assert.equal(into('E06000065').length, 7);
    assert.deepEqual(into('E06000066'), [
      'Mendip',
      'Sedgemoor',
      'South Somerset',
      'Somerset West and Taunton',
    ]);
  });
  const bad: [string, string, RegExp][] = [
    [
      'a malformed code',
      GOOD.replace('E06000064', 'E6000064'),
      /lad-changes\.csv:3:3: not a GSS code \(value "E6000064"\)/,
    ],
    [
      'a repeated old code',
      GOOD.replace('E07000027', 'E07000026'),
      /lad-changes\.csv:3: old code listed twice \(value "E07000026"\)/,
    ],
    [
      'a date that is not ISO',
      GOOD.replace('2023-04-01\nE07', '01/04/2023\nE07'),
      /lad-changes\.csv:2:5: not an ISO date \(value "01\/04\/2023"\)/,
    ],
    ['a missing column', GOOD.replace(',effective', ''), /lad-changes\.csv:2: wrong number of fields/],
  ];
  for (const [name, text, pattern] of bad)
    it(`rejects ${name}`, () => assert.throws(() => read(text), pattern));
});
