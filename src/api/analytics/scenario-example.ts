// The example body the OpenAPI document shows for the scenario routes: two interventions of the
// same money in Hartlepool, one vertical (a care contract) and one a productivity programme.
export const SCENARIO_EXAMPLE = {
  id: 'my-scenario',
  title: 'Care contract or productivity programme in Hartlepool',
  model: { level: 'lad', delta: 0.3, band: [0.1, 0.4], type: 1, interregional: false },
  appraisal: { draws: 200, seed: 1 },
  interventions: [
    {
      id: 'care',
      kind: 'demand',
      area: 'E06000001',
      target: { industry: 'Q87' },
      cost: { perYear: 10_000_000 },
      timing: { start: 2026, years: 3 },
    },
    {
      id: 'productivity',
      kind: 'productivity',
      area: 'E06000001',
      target: { sector: 'advanced-manufacturing' },
      rise: { value: 0.2, source: 'judgement: an illustrative rise' },
      cost: { perYear: 10_000_000 },
      timing: { start: 2026, years: 3 },
    },
  ],
};
