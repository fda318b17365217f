import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { csvText } from '../../src/contract/table.ts';
import { tenderView } from '../../src/contract/franchise-tender.ts';
import { DataFileError } from '../../src/workbench/data-file.ts';
import { franchiseTender, franchiseTenderFile } from '../../src/workbench/franchise-tender.ts';

const TENDER = {
  criteria: [
    { id: 'price', name: 'Price', weight: 0.4, kind: 'price' },
    { id: 'quality', name: 'Quality', weight: 0.5, kind: 'quality' },
    { id: 'sv', name: 'Social value', weight: 0.1, kind: 'social-value' },
  ],
  bids: [
    { bidder: 'A', price: 100000, marks: { quality: 60, sv: 50 } },
    { bidder: 'B', price: 125000, marks: { quality: 80, sv: 90 } },
  ],
};

const refused = (value: unknown, message: RegExp) =>
  assert.throws(
    () => franchiseTender(value),
    (e: unknown) => e instanceof DataFileError && message.test(e.message),
  );

describe('franchiseTender', () => {
  it('scores bids in £ as the model does in pence, ranks them, and writes one CSV row per bid and criterion', () => {
    const r = franchiseTender(TENDER);
    // A: 0.4·100 + 0.5·60 + 0.1·50 = 75; B: 0.4·(100000/125000·100 = 80) + 0.5·80 + 0.1·90 = 81.
    assert.deepEqual(
      r.bids.map((b) => [b.rank, b.bidder, b.price, Math.round(b.total * 1e9) / 1e9]),
      [
        [1, 'B', 125000, 81],
        [2, 'A', 100000, 75],
      ],
    );
    assert.equal(r.lowestPrice, 100000);
    assert.equal(r.socialValueWeight, 0.1);
    assert.equal(r.priceMethod, 'relative');
    const b = r.bids[0]!.scores.find((s) => s.criterion === 'price')!;
    assert.equal(b.mark, 80);
    assert.ok(Math.abs(b.weighted - 32) < 1e-9);
    const csv = csvText(tenderView.flatten(r)).trim().split('\n');
    assert.equal(csv.length, 1 + 2 * 3);
    assert.equal(csv[0], 'rank,bidder,price,total,criterion,name,kind,weight,mark,weighted');
    assert.match(csv[1]!, /^1,B,125000,81,price,Price,price,0\.4,80,32/);
  });
  it('marks price linearly when asked: 50 % dearer than the lowest scores 50', () => {
    const r = franchiseTender({
      ...TENDER,
      priceMethod: 'linear',
      bids: [
        { ...TENDER.bids[0]!, price: 100 },
        { ...TENDER.bids[1]!, price: 150 },
      ],
    });
    assert.equal(r.bids.find((b) => b.bidder === 'B')!.scores[0]!.mark, 50);
  });
  it('refuses weights not summing to 1, social value under 10 %, a missing or stray mark, duplicates — naming the field', () => {
    const c = TENDER.criteria;
    refused(
      { ...TENDER, criteria: [{ ...c[0]!, weight: 0.5 }, c[1], c[2]] },
      /criteria: weights sum to 1\.1, not 1/,
    );
    refused(
      { ...TENDER, criteria: [{ ...c[0]!, weight: 0.45 }, c[1], { ...c[2]!, weight: 0.05 }] },
      /social value weighs 5\.0 %, below the 10 % minimum/,
    );
    refused({ ...TENDER, minSocialValue: 0.05 }, /minSocialValue: Too small/);
    refused(
      { ...TENDER, bids: [TENDER.bids[0], { ...TENDER.bids[1]!, marks: { quality: 80 } }] },
      /bids\.1\.marks\.sv: no mark for criterion sv/,
    );
    refused(
      { ...TENDER, bids: [TENDER.bids[0], { ...TENDER.bids[1]!, marks: { quality: 80, sv: 9, price: 1 } }] },
      /bids\.1\.marks\.price: no such marked criterion/,
    );
    refused({ ...TENDER, bids: [TENDER.bids[0], TENDER.bids[0]] }, /bids\.1\.bidder: duplicate bidder: A/);
    refused(
      { ...TENDER, bids: [{ ...TENDER.bids[0]!, price: 0 }] },
      /bids\.0\.price: Too small.*\(value: 0\)/,
    );
    refused(
      { ...TENDER, bids: [{ ...TENDER.bids[0]!, marks: { quality: 101, sv: 1 } }] },
      /bids\.0\.marks\.quality: Too big.*\(value: 101\)/,
    );
    refused({ ...TENDER, file: '/etc/passwd' }, /Unrecognized key: "file"/);
  });
  it('refuses a second price criterion', () => {
    const c = TENDER.criteria;
    refused(
      {
        ...TENDER,
        criteria: [{ ...c[0]!, weight: 0.2 }, { ...c[0]!, id: 'price-2', weight: 0.2 }, c[1], c[2]],
      },
      /criteria: more than one price criterion/,
    );
  });
});

describe('franchiseTenderFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-tender-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const yaml = (quality: number) => `criteria:
  - { id: price, name: Price, weight: 0.4, kind: price }
  - { id: quality, name: Quality, weight: 0.5, kind: quality }
  - { id: sv, name: Social value, weight: 0.1, kind: social-value }
bids:
  - bidder: A
    price: 100000
    marks: { quality: 60, sv: 50 }
  - bidder: B
    price: 125000
    marks: { quality: ${quality}, sv: 90 }
`;
  it('reads the API’s body from YAML or JSON and scores it as the API does', () => {
    assert.deepEqual(franchiseTenderFile(file('t.yaml', yaml(80))), franchiseTender(TENDER));
    assert.deepEqual(franchiseTenderFile(file('t.json', JSON.stringify(TENDER))), franchiseTender(TENDER));
  });
  it('refuses a bad file naming the file, line, field and value; a missing file by name', () => {
    const path = file('bad.yaml', yaml(120));
    assert.throws(
      () => franchiseTenderFile(path),
      (e: unknown) =>
        e instanceof DataFileError &&
        e.message.includes(`${path}:11:`) &&
        /bids\.1\.marks\.quality: Too big.*\(value: 120\)/.test(e.message),
    );
    const sum = file('sum.yaml', yaml(80).replace('weight: 0.5', 'weight: 0.6'));
    assert.throws(
      () => franchiseTenderFile(sum),
      /sum\.yaml:2:3: criteria: weights sum to 1\.1, not 1 \(value: 1\.1\)/,
    );
    assert.throws(() => franchiseTenderFile(join(dir, 'none.yaml')), /cannot read .*none\.yaml: ENOENT/);
  });
});
