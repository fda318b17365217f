// The results page's "who took part" section: in plain words when nobody declared an age band,
// and when some did, the comparison without the share nobody came from when there is none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultsBody } from '../../../../src/api/civic/pages/results.ts';
import { CONSULTATION } from '../../../civic/chain-fixture.ts';

type Results = Parameters<typeof resultsBody>[0];

const base = (rep: unknown): Results =>
  ({
    consultation: CONSULTATION,
    head: { hash: 'ab'.repeat(32), count: 5 },
    counted: 5,
    outcome: null,
    lines: [],
    representativeness: rep,
    verify: [],
  }) as unknown as Results;

const stratum = (ageBand: string, respondents: number, populationShare: number) => ({
  ageBand,
  sex: null,
  populationShare,
  respondents,
  sampleShare: respondents / 5,
});

describe('results page: who took part', () => {
  it('says plainly that nobody declared an age band', () => {
    const html = String(
      resultsBody(
        base({
          declared: 0,
          counted: 5,
          source: 'ONS',
          poststratification: { strata: [], uncoveredShare: 1 },
        }),
        {},
        'GBP',
      ),
    );
    assert.match(
      html,
      /None of the 5 voters told us their age band, so who took part cannot be compared with everyone who lives here\./,
    );
    assert.doesNotMatch(html, /nobody from which|100% of the population/);
    assert.doesNotMatch(html, /Who took part, against who lives here/, 'no empty table');
    const one = String(
      resultsBody(
        {
          ...base({
            declared: 0,
            counted: 1,
            source: 'ONS',
            poststratification: { strata: [], uncoveredShare: 1 },
          }),
          counted: 1,
        },
        {},
        'GBP',
      ),
    );
    assert.match(one, /The one voter did not tell us their age band/);
  });

  it('compares the declared bands, naming the share of the population nobody came from', () => {
    const strata = [stratum('16-24', 0, 0.2), stratum('25-49', 3, 0.5), stratum('50-64', 1, 0.3)];
    const rep = {
      declared: 4,
      counted: 5,
      source: 'ONS mid-2023',
      poststratification: { strata, uncoveredShare: 0.2 },
    };
    const html = String(resultsBody(base(rep), {}, 'GBP'));
    assert.match(
      html,
      /4 of 5 voters told us their age band\. They are compared below with the population aged 16 and over \(ONS mid-2023\)\. Nobody took part from age groups making up 20% of the population\./,
    );
    const full = String(
      resultsBody(base({ ...rep, poststratification: { strata, uncoveredShare: 0 } }), {}, 'GBP'),
    );
    assert.doesNotMatch(full, /Nobody took part from/);
  });
});
