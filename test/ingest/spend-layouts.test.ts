import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLayouts, parseLayouts, recogniseLayout } from '../../src/ingest/spend-layouts.ts';

describe('spend layouts', () => {
  const layouts = loadLayouts();
  it('the shipped layouts parse, each recognised by its own columns and no other', () => {
    assert.ok(layouts.length >= 5);
    for (const l of layouts) assert.equal(recogniseLayout(l.recognise, layouts, 'x.csv').id, l.id);
  });
  it('picks the most specific layout when several fit', () => {
    const header = [
      'Organisation Label',
      'Organisational Unit',
      'Service Division Label',
      'Purpose',
      'Payment Date',
      'Amount',
      'Beneficiary Name',
    ];
    assert.equal(recogniseLayout(header, layouts, 'x.csv').id, 'leeds-2016');
  });
  it('refuses layouts that lack a required field or repeat another’s columns', () => {
    const one = {
      id: 'a',
      title: 't',
      council: null,
      recognise: ['A', 'B'],
      fields: { date: ['A'], amount: ['B'] },
      dates: ['iso'],
      credits: ['minus'],
    };
    assert.throws(() => parseLayouts({ layouts: [one] }), /layout a: no column named for supplier/);
    const ok = { ...one, fields: { ...one.fields, supplier: ['C'] } };
    assert.throws(
      () => parseLayouts({ layouts: [ok, { ...ok, id: 'b' }] }),
      /layout b: duplicate id or recognising columns/,
    );
    assert.throws(() => parseLayouts({ layouts: [{ ...ok, dates: ['yyyymmdd'] }] }), /layouts\.0\.dates\.0/);
  });
});
