import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceError } from '../../src/core/errors.ts';
import { parsePb, writePb } from '../../src/civic/pabulib.ts';

// A small instance in the published layout: CRLF, one LF line, a quoted name holding ';' and '""'.
const GOOD =
  [
    'META',
    'key;value',
    'description;Test PB',
    'num_projects;3',
    'num_votes;3',
    'budget;100.5',
    'vote_type;approval',
    'rule;greedy',
    'PROJECTS',
    'project_id;cost;votes;name;selected',
    'p1;60;2;"Park; phase ""two""";1',
    'p2;50.25;2;Library;0',
    'p3;40;1;Bikes;1',
    'VOTES',
    'voter_id;vote;age',
    'v1;p1,p2;34',
    'v2;p2,p1;51',
  ].join('\r\n') + '\nv3;p3;\r\n';

const parse = (text: string) => parsePb(text, 'test.pb');

describe('parsePb', () => {
  it('reads META, PROJECTS and VOTES, keeping every column', () => {
    const pb = parse(GOOD);
    assert.equal(pb.budget, '100.5');
    assert.equal(pb.voteType, 'approval');
    assert.equal(pb.meta.rule, 'greedy');
    assert.deepEqual(Object.keys(pb.meta), [
      'description',
      'num_projects',
      'num_votes',
      'budget',
      'vote_type',
      'rule',
    ]);
    assert.deepEqual(pb.projectColumns, ['project_id', 'cost', 'votes', 'name', 'selected']);
    assert.equal(pb.projects[0]!.fields.name, 'Park; phase "two"');
    assert.equal(pb.projects[1]!.cost, '50.25');
    assert.deepEqual(pb.votes[1]!.vote, ['p2', 'p1']);
    assert.equal(pb.votes[0]!.fields.age, '34');
    assert.deepEqual(pb.votes[2]!.vote, ['p3']);
    assert.equal(pb.votes[2]!.fields.age, '');
  });
  it('round-trips: parse → write → parse gives the same instance', () => {
    const pb = parse(GOOD);
    const text = writePb(pb);
    assert.ok(text.includes('"Park; phase ""two"""'));
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text));
    assert.deepEqual(parse(text), pb);
  });
  it('reads a quoted field across lines and keeps counting lines after it', () => {
    const text = GOOD.replace('p2;50.25;2;Library;0', 'p2;50.25;2;"Library\r\nand garden";0');
    assert.equal(parse(text).projects[1]!.fields.name, 'Library\r\nand garden');
    assert.throws(() => parse(text.replace('p3;40;', 'p3;x;')), /test\.pb:14: PROJECTS: cost is not/);
  });
  it('reads points for cumulative votes', () => {
    const text = GOOD.replace('vote_type;approval', 'vote_type;cumulative')
      .replace('voter_id;vote;age', 'voter_id;vote;points')
      .replace('v1;p1,p2;34', 'v1;p1,p2;7,3')
      .replace('v2;p2,p1;51', 'v2;p2,p1;5,5')
      .replace('v3;p3;', 'v3;p3;10');
    assert.deepEqual(parse(text).votes[0]!.points, [7, 3]);
  });
  const bad: [string, string, RegExp][] = [
    ['missing budget', GOOD.replace('budget;100.5\r\n', ''), /test\.pb:2: META: missing budget/],
    [
      'budget not a number',
      GOOD.replace('budget;100.5', 'budget;about 100'),
      /test\.pb:2: META: budget is not a non-negative decimal number \(value "about 100"\)/,
    ],
    [
      'cost not a number',
      GOOD.replace('p3;40;', 'p3;forty;'),
      /test\.pb:13: PROJECTS: cost is not a non-negative decimal number \(value "forty"\)/,
    ],
    [
      'malformed project line',
      GOOD.replace('p2;50.25;2;Library;0', 'p2;50.25;2;Library'),
      /test\.pb:12: PROJECTS: expected 5 fields, found 4 \(value "p2;50.25;2;Library"\)/,
    ],
    [
      'duplicate project',
      GOOD.replace('p3;40;1;Bikes;1', 'p2;40;1;Bikes;1'),
      /test\.pb:13: PROJECTS: duplicate project_id \(value "p2"\)/,
    ],
    [
      'unknown project in a vote',
      GOOD.replace('v2;p2,p1;51', 'v2;p2,p9;51'),
      /test\.pb:17: VOTES: vote for a project not in PROJECTS \(value "p9"\)/,
    ],
    [
      'duplicate voter',
      GOOD.replace('v2;p2,p1;51', 'v1;p2,p1;51'),
      /test\.pb:17: VOTES: duplicate voter_id \(value "v1"\)/,
    ],
    [
      'project twice in a vote',
      GOOD.replace('v2;p2,p1;51', 'v2;p2,p2;51'),
      /test\.pb:17: VOTES: project named twice in one vote \(value "p2,p2"\)/,
    ],
    [
      'missing vote column',
      GOOD.replace('voter_id;vote;age', 'voter_id;ballot;age'),
      /test\.pb:15: VOTES: missing column vote/,
    ],
    ['missing section', GOOD.slice(0, GOOD.indexOf('VOTES')), /test\.pb: file: missing section VOTES/],
    [
      'sections out of order',
      GOOD.replace('PROJECTS', 'PROJEKTS'),
      /test\.pb:14: file: section VOTES where PROJECTS was due/,
    ],
    [
      'unclosed quote',
      GOOD.replace('"Park; phase ""two""";1', '"Park;1'),
      /test\.pb:11: file: unclosed quote/,
    ],
    [
      'unknown vote type',
      GOOD.replace('vote_type;approval', 'vote_type;lottery'),
      /META: unknown vote_type \(value "lottery"\)/,
    ],
    [
      'points do not match',
      GOOD.replace('vote_type;approval', 'vote_type;scoring')
        .replace('voter_id;vote;age', 'voter_id;vote;points')
        .replace('v1;p1,p2;34', 'v1;p1,p2;3'),
      /test\.pb:16: VOTES: vote names 2 projects but points has 1 values/,
    ],
  ];
  for (const [what, text, message] of bad)
    it(`rejects ${what}, naming file, line, section and value`, () => {
      assert.throws(
        () => parse(text),
        (e: unknown) => e instanceof SourceError && message.test(e.message),
      );
    });
});
