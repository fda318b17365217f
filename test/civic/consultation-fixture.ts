// Consultation files shared by the civic service and API tests (the organiser's form).

/** The add1 example of the chain tests as a consultation file: approval ballots, Equal Shares. */
export const RIVERSIDE = {
  id: 'riverside-2026',
  title: 'Riverside neighbourhood fund',
  area: 'E06000001',
  electorate: 'codes-or-accounts',
  // codes and accounts together give no one-person-one-vote guarantee: an open poll
  openPoll: true,
  opens: '2026-05-01T09:00:00Z',
  closes: '2026-05-15T17:00:00Z',
  description: 'How should the £30 of the Riverside fund be spent?',
  ballot: 'approval',
  rule: 'equalshares/add1',
  budget: '30',
  options: [
    { id: 'A', name: 'Play area', cost: '20', description: 'A new play area by the river.' },
    { id: 'B', name: 'Bike racks', cost: '10' },
    { id: 'C', name: 'Tree planting', cost: '20' },
  ],
};

/** A goal-weighting consultation: 100 points across three goals, mean aggregation. */
export const GOALS = {
  id: 'goals-2026',
  title: 'What should the local economy strategy aim for?',
  area: 'E06000001',
  electorate: 'codes',
  opens: '2026-05-01T09:00:00Z',
  closes: '2026-05-15T17:00:00Z',
  ballot: 'points',
  rule: 'mean',
  options: [
    { id: 'pay', name: 'Better pay' },
    { id: 'care', name: 'Care services' },
    { id: 'green', name: 'Cleaner air' },
  ],
};
