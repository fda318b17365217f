// Each policy kind planned: its kernel (if it needs paths), and its measures with area
// multipliers (METHODS.md §6; docs/methods/finance.md lists every measure).
import { toItl3, mixtureMedian } from './area-data.ts';
import { BANK_SERIES } from './bank.ts';
import { BOND_SERIES } from './bonds.ts';
import { annuityDue, CDC_SERIES } from './cdc.ts';
import { logParams } from './calibration.ts';
import type { PlanBuilder, OutputSpec } from './plan.ts';
import { addedAsset, medianGross } from './plan.ts';
import type {
  BondsPolicy,
  CdcPolicy,
  CwfPolicy,
  NibPolicy,
  Policy,
  RedirectPolicy,
  SmallPotsPolicy,
  TaxReliefPolicy,
} from './policy.ts';
import { POT_SERIES } from './pot.ts';
import { PROVIDER_SERIES } from './provider.ts';
import { SMALL_POTS_SERIES } from './small-pots.ts';
import { WEALTH_FUND_SERIES } from './wealth-fund.ts';

/** Plans one policy, resolved once by kind. */
export function buildPolicy(b: PlanBuilder, p: Policy): void {
  switch (p.kind) {
    case 'redirect':
      return p.base === 'contributions' ? redirectContributions(b, p) : redirectAssets(b, p);
    case 'cdc':
      return cdc(b, p);
    case 'small-pots':
      return smallPots(b, p);
    case 'tax-relief':
      return taxRelief(b, p);
    case 'bonds':
      return bonds(b, p);
    case 'nib':
      return nib(b, p);
    case 'cwf':
      return cwf(b, p);
  }
  throw new Error(`invalid policy kind: ${(p as { kind: unknown }).kind}`);
}

// ---- areas and multipliers -------------------------------------------------------------

/** 1 for districts the policy covers (listed districts, or districts in listed ITL3 areas), else 0. */
function mask(b: PlanBuilder, p: { areas?: string[] | undefined }, nations?: string[]): Float64Array {
  const a = b.inputs.areas;
  const m = new Float64Array(a.lads.length).fill(p.areas ? 0 : 1);
  if (p.areas) {
    const listed = new Set(p.areas);
    a.lads.forEach((c, i) => listed.has(c) && (m[i] = 1));
    for (const l of a.links) if (listed.has(a.itl3[l.itl3]!)) m[l.lad] = 1;
  }
  if (nations) a.nation.forEach((n, i) => !nations.includes(n) && (m[i] = 0));
  return m;
}

function perLad(b: PlanBuilder, f: (i: number) => number, m?: Float64Array): Float64Array {
  return Float64Array.from(b.inputs.areas.lads, (_, i) => (m && m[i] === 0 ? 0 : f(i)));
}

function shares(v: Float64Array): Float64Array {
  const t = v.reduce((s, x) => s + x, 0);
  if (!(t > 0)) throw new Error('no area carries any weight for this policy');
  return v.map((x) => x / t);
}

type Source = { series: number } | { values: number[] };

const from = (src: Source) => ({
  series: 'series' in src ? src.series : null,
  values: 'values' in src ? src.values : null,
});

function additive(
  b: PlanBuilder,
  policy: string,
  measure: string,
  unit: string,
  src: Source,
  lad: Float64Array,
  extra: Partial<OutputSpec> = {},
): OutputSpec {
  return b.output({
    policy,
    measure,
    unit,
    additive: true,
    ...from(src),
    uk: lad.reduce((s, x) => s + x, 0),
    lad,
    itl3: toItl3(b.inputs.areas, lad),
    ...extra,
  });
}

function ukOnly(
  b: PlanBuilder,
  policy: string,
  measure: string,
  unit: string,
  src: Source,
  uk = 1,
  extra: Partial<OutputSpec> = {},
): OutputSpec {
  return b.output({
    policy,
    measure,
    unit,
    additive: false,
    ...from(src),
    uk,
    lad: null,
    ...extra,
  });
}

/** The contribution and pay of a saver on median pay in every district, ITL3 area and the UK. */
function medianSavers(b: PlanBuilder) {
  const { areas, contributionAt, payDispersion } = b.inputs;
  const pay = (i: number) => ({ median: areas.savers[i]!.medianPay, ...payDispersion });
  const itl3Pay = areas.itl3.map((_, j) =>
    mixtureMedian(
      areas.links
        .filter((l) => l.itl3 === j)
        .map((l) => ({ pay: pay(l.lad), weight: areas.savers[l.lad]!.employees * l.weight })),
    ),
  );
  const ukPay =
    areas.ukMedianPay ??
    mixtureMedian(areas.lads.map((_, i) => ({ pay: pay(i), weight: areas.savers[i]!.employees })));
  return {
    lad: Float64Array.from(areas.savers, (s) => s.medianSaver.total),
    ladPay: Float64Array.from(areas.savers, (s) => s.medianPay),
    itl3: Float64Array.from(itl3Pay, contributionAt),
    itl3Pay: Float64Array.from(itl3Pay),
    uk: contributionAt(ukPay),
    ukPay,
  };
}

/** Pot and replacement-rate measures (baseline, reform, paired change) of a saver on median pay. */
function medianSaverMeasures(
  b: PlanBuilder,
  policy: string,
  series: [number, number, number],
  m: Float64Array,
): void {
  const ms = medianSavers(b);
  const { retirement } = b.inputs.file;
  const annuity = annuityDue(retirement.annuityRate, retirement.years) * (1 + retirement.annuityMargin);
  const itl3Covered = toItl3(b.inputs.areas, m);
  const keep = (v: Float64Array, covered: Float64Array) => v.map((x, i) => (covered[i]! > 0 ? x : NaN));
  const names = ['_baseline', '', '_change'];
  // the chance that the reform leaves a saver with less than the baseline, path by path
  b.threshold(series[2], 0);
  b.output({
    policy,
    measure: 'pot_below_baseline',
    unit: 'probability',
    additive: false,
    series: series[2],
    values: null,
    uk: 1,
    lad: null,
    probability: { threshold: 0 },
  });
  series.forEach((s, i) => {
    const lad = keep(ms.lad, m);
    const itl3 = keep(ms.itl3, itl3Covered);
    b.output({
      policy,
      measure: `pot_median_saver${names[i]}`,
      unit: '£',
      additive: false,
      series: s,
      values: null,
      uk: ms.uk,
      lad,
      itl3,
    });
    // the first year's annuity over pay in the year of retirement (pay grows with payGrowth)
    b.output({
      policy,
      measure: `income_replacement${names[i]}`,
      unit: 'share of pay',
      additive: false,
      series: s,
      values: null,
      uk: ms.uk / (ms.ukPay * annuity),
      lad: lad.map((x, a) => x / (ms.ladPay[a]! * annuity)),
      itl3: itl3.map((x, a) => x / (ms.itl3Pay[a]! * annuity)),
      perYear: grown(b.inputs.payGrowth, b.report).map((v) => 1 / v),
    });
  });
}

const grown = (g: number, years: Int32Array) => [...years].map((t) => Math.pow(1 + g, t - 1));
const cumulative = (g: number, years: Int32Array) =>
  [...years].map((t) => (g === 0 ? t : (Math.pow(1 + g, t) - 1) / g));

// ---- policies ----------------------------------------------------------------------------

function redirectContributions(b: PlanBuilder, p: RedirectPolicy): void {
  const { file, areas, payGrowth } = b.inputs;
  const m = mask(b, p);
  const contrib = perLad(b, (i) => areas.savers[i]!.total, m);
  const charge = file.fund.contributionCharge;
  const first = b.kernel(
    'pot',
    {
      fund: b.portfolio(file.fund.weights),
      sleeve: b.portfolio({ [b.asset(addedAsset(p.asset))]: 1 }),
      share: p.share,
      annualCharge: file.fund.annualCharge,
      contributionCharge: charge,
      payGrowth,
      timing: file.fund.timing,
      exitDiscount: p.exitDiscount,
    },
    POT_SERIES,
  );
  medianSaverMeasures(b, p.id, [first, first + 1, first + 2], m);
  additive(b, p.id, 'contributions', '£ a year', { values: grown(payGrowth, b.report) }, contrib);
  const invested = p.share * (1 - charge);
  additive(
    b,
    p.id,
    'capital_mobilised',
    '£ cumulative',
    { values: cumulative(payGrowth, b.report).map((v) => v * invested) },
    contrib,
  );
  const flow = additive(
    b,
    p.id,
    'capital_flow',
    '£ a year',
    { values: grown(payGrowth, b.report).map((v) => v * invested) },
    contrib,
  );
  additive(
    b,
    p.id,
    'productive_holdings',
    '£ market value',
    { series: first + 3 },
    contrib.map((c) => c),
  );
  destination(b, p, flow, shares(contrib));
}

function redirectAssets(b: PlanBuilder, p: RedirectPolicy): void {
  const { file, areas, payGrowth } = b.inputs;
  const provider = p.provider!;
  const m = mask(b, p, provider.nations);
  const key = shares(
    perLad(b, (i) => (provider.key === 'contributions' ? areas.savers[i]!.total : areas.population[i]!), m),
  );
  const first = b.kernel(
    'provider',
    {
      fund: b.portfolio(file.fund.weights),
      sleeve: b.portfolio({ [b.asset(addedAsset(p.asset))]: 1 }),
      share: p.share,
      rampYears: provider.rampYears,
      annualCharge: file.fund.annualCharge,
      contributionCharge: file.fund.contributionCharge,
      assets: provider.assets,
      inflow: provider.inflow,
      payGrowth,
      outflowRate: provider.outflowRate,
    },
    PROVIDER_SERIES,
  );
  additive(b, p.id, 'fund_assets_baseline', '£', { series: first }, key);
  additive(b, p.id, 'fund_assets', '£', { series: first + 1 }, key);
  additive(b, p.id, 'fund_assets_change', '£', { series: first + 2 }, key);
  additive(b, p.id, 'capital_mobilised', '£ cumulative', { series: first + 3 }, key);
  const flow = additive(b, p.id, 'capital_flow', '£ a year', { series: first + 4 }, key);
  medianSaverMeasures(b, p.id, [first + 5, first + 6, first + 7], m);
  destination(b, p, flow, key);
}

// Where mobilised capital is invested: in the savers' own areas, or across the UK by population.
function destination(b: PlanBuilder, p: RedirectPolicy, flow: OutputSpec, local: Float64Array): void {
  const pattern = p.destination === 'local' ? local : shares(b.inputs.areas.population.slice());
  if (p.destination === 'uk')
    additive(
      b,
      p.id,
      'capital_invested',
      '£ a year',
      flow.series !== null ? { series: flow.series } : { values: flow.values! },
      pattern.map((s) => s * flow.uk),
    );
  const mandate = p.mandate ?? b.inputs.file.mandate;
  if (mandate) b.flows.push({ policy: p.id, output: flow, pattern, mandate });
  else b.notes.push(`${p.id}: no mandate, so no jobs or GVA are estimated for the capital it mobilises`);
}

function cdc(b: PlanBuilder, p: CdcPolicy): void {
  const cal = b.inputs.calibration;
  const growth = medianGross(cal, p.fund.weights);
  const discountRate = p.discountRate ?? growth * (1 - p.annualCharge) - 1;
  const annuityRate = p.annuity.rate ?? Math.expm1(logParams(cal.assets.index_linked_gilts).mu);
  const first = b.kernel(
    'cdc',
    {
      fund: b.portfolio(p.fund.weights),
      dcGrowth: b.portfolio(p.dc.growth),
      dcMatch: b.portfolio(p.dc.match),
      history: { dcGrowth: medianGross(cal, p.dc.growth), dcMatch: medianGross(cal, p.dc.match) },
      entryAge: p.ages.entry,
      retirementAge: p.ages.retirement,
      deathAge: p.ages.death,
      contribution: p.contribution,
      contributionCharge: 0,
      annualCharge: p.annualCharge,
      accrual: p.accrual,
      discountRate,
      smoothing: p.smoothing,
      deriskYears: p.dc.deriskYears,
      annuityRate,
      annuityMargin: p.annuity.margin,
    },
    CDC_SERIES,
  );
  const share = 'share of pay';
  ukOnly(b, p.id, 'income_replacement_baseline', share, { series: first });
  ukOnly(b, p.id, 'income_replacement', share, { series: first + 1 });
  ukOnly(b, p.id, 'income_replacement_change', share, { series: first + 2 });
  b.threshold(first + 2, 0);
  ukOnly(b, p.id, 'income_below_dc', 'probability', { series: first + 2 }, 1, {
    probability: { threshold: 0 },
  });
  ukOnly(b, p.id, 'fund_assets', "× a member's pay", { series: first + 3 });
  ukOnly(b, p.id, 'funding_ratio', 'assets ÷ value of pensions', { series: first + 4 });
  ukOnly(b, p.id, 'pension_in_payment_index', 'pension ÷ its first year', { series: first + 5 });
  b.notes.push(
    `${p.id}: collective DC at ${(discountRate * 100).toFixed(2)} % real discount rate, smoothing over ${p.smoothing} year(s); individual DC annuity at ${(annuityRate * 100).toFixed(2)} % plus ${(p.annuity.margin * 100).toFixed(1)} % margin`,
  );
}

function smallPots(b: PlanBuilder, p: SmallPotsPolicy): void {
  const { file, areas } = b.inputs;
  const first = b.kernel(
    'small-pots',
    {
      fund: b.portfolio(file.fund.weights),
      bands: p.bands.map((x) => ({ count: x.count, size: x.size })),
      annualCharge: p.annualCharge,
      flatFee: p.flatFee,
      consolidatedCharge: p.consolidatedCharge,
      consolidationCost: p.consolidationCost,
    },
    SMALL_POTS_SERIES,
  );
  // pots are spread over districts like employees (an assumption; the count is national)
  const key = shares(perLad(b, (i) => areas.savers[i]!.employees, mask(b, p)));
  additive(b, p.id, 'small_pots_value_baseline', '£', { series: first }, key);
  additive(b, p.id, 'small_pots_value', '£', { series: first + 1 }, key);
  additive(b, p.id, 'small_pots_value_change', '£', { series: first + 2 }, key);
}

function taxRelief(b: PlanBuilder, p: TaxReliefPolicy): void {
  const { areas, payGrowth } = b.inputs;
  const m = mask(b, p);
  const values = { values: grown(payGrowth, b.report) };
  const s = areas.savers;
  const reform = (i: number) => p.flatRate * (s[i]!.employee + s[i]!.employer);
  additive(
    b,
    p.id,
    'savers',
    'people',
    { values: b.report.length ? [...b.report].map(() => 1) : [] },
    perLad(b, (i) => s[i]!.savers, m),
  );
  additive(
    b,
    p.id,
    'tax_relief_baseline',
    '£ a year',
    values,
    perLad(b, (i) => s[i]!.relief, m),
  );
  additive(b, p.id, 'tax_relief', '£ a year', values, perLad(b, reform, m));
  additive(
    b,
    p.id,
    'tax_relief_change',
    '£ a year',
    values,
    perLad(b, (i) => reform(i) - s[i]!.relief, m),
  );
  const bands = [...new Set(s.flatMap((x) => x.byBand.map((y) => y.band)))];
  for (const band of bands) {
    const change = (i: number) => {
      const x = s[i]!.byBand.find((y) => y.band === band);
      return x ? p.flatRate * (x.employee + x.employer) - x.relief : 0;
    };
    additive(
      b,
      p.id,
      `tax_relief_change_${band.replaceAll('-', '_')}`,
      '£ a year',
      values,
      perLad(b, change, m),
    );
  }
}

function bonds(b: PlanBuilder, p: BondsPolicy): void {
  const { areas } = b.inputs;
  const m = mask(b, p);
  const y = p.giltYield + p.spread;
  const annuity = (1 - Math.pow(1 + y, -p.term)) / y;
  const popShare = shares(areas.population.slice());
  const capacity = perLad(
    b,
    (i) =>
      Math.min(
        p.capacity.investorPool * popShare[i]!,
        p.capacity.debtServicePerHead * areas.population[i]! * annuity,
      ),
    m,
  );
  const total = capacity.reduce((s, x) => s + x, 0);
  const share = shares(capacity);
  b.inflation = true;
  const factor = b.factor(`credit_${p.id.replaceAll('-', '_')}`, p.factorCorrelation);
  const first = b.kernel(
    'bonds',
    {
      factor,
      issue: total / p.issueYears,
      issueYears: p.issueYears,
      term: p.term,
      yield: y,
      pd: p.pd,
      lgd: p.lgd,
      rho: p.rho,
    },
    BOND_SERIES,
  );
  const ones = { values: [...b.report].map(() => 1) };
  additive(b, p.id, 'bond_capacity', '£', ones, capacity);
  ukOnly(b, p.id, 'bond_yield', 'nominal a year', ones, y);
  additive(b, p.id, 'bonds_outstanding', '£', { series: first }, share);
  additive(b, p.id, 'bond_losses', '£ a year', { series: first + 1 }, share);
  additive(b, p.id, 'bond_losses_cumulative', '£', { series: first + 2 }, share);
  ukOnly(b, p.id, 'bond_return', 'real a year', { series: first + 3 });
  if (p.central) {
    ukOnly(b, p.id, 'central_bonds', '£', ones, p.central.amount);
    ukOnly(b, p.id, 'central_bond_yield', 'nominal a year', ones, p.central.yield ?? p.giltYield);
  }
  const flow = additive(
    b,
    p.id,
    'capital_flow',
    '£ a year',
    { values: [...b.report].map((t) => (t <= p.issueYears ? 1 / p.issueYears : 0)) },
    capacity,
  );
  const mandate = p.mandate ?? b.inputs.file.mandate;
  if (mandate) b.flows.push({ policy: p.id, output: flow, pattern: share, mandate });
}

function nib(b: PlanBuilder, p: NibPolicy): void {
  const { areas } = b.inputs;
  const m = mask(b, p);
  const key = shares(
    perLad(
      b,
      (i) =>
        p.allocation === 'population'
          ? areas.population[i]!
          : p.allocation === 'employees'
            ? areas.savers[i]!.employees
            : areas.savers[i]!.total,
      m,
    ),
  );
  const factor = b.factor(`credit_${p.id.replaceAll('-', '_')}`, p.factorCorrelation);
  const first = b.kernel(
    'bank',
    {
      factor,
      capital: p.capital,
      injection: p.injection,
      injectionYears: p.injectionYears,
      leverage: p.leverage,
      newLending: p.newLending,
      lendingGrowth: p.lendingGrowth,
      countercyclical: p.countercyclical,
      maturity: p.maturity,
      spread: p.spread,
      operatingCost: p.operatingCost,
      pd: p.pd,
      lgd: p.lgd,
      rho: p.rho,
    },
    BANK_SERIES,
  );
  ukOnly(b, p.id, 'bank_equity', '£', { series: first });
  additive(b, p.id, 'bank_loans', '£', { series: first + 1 }, key);
  const flow = additive(b, p.id, 'bank_new_lending', '£ a year', { series: first + 2 }, key);
  // lending by sector: the mandate's priorities split each area's lending
  const sectors = p.mandate ?? b.inputs.file.mandate ?? {};
  for (const [priority, w] of Object.entries(sectors))
    additive(
      b,
      p.id,
      `bank_new_lending_${priority.replaceAll('-', '_')}`,
      '£ a year',
      { series: first + 2 },
      key.map((x) => x * w),
    );
  additive(b, p.id, 'bank_losses', '£ a year', { series: first + 3 }, key);
  ukOnly(b, p.id, 'bank_loss_rate', 'share of loans', { series: first + 4 });
  ukOnly(b, p.id, 'capital_ratio', 'equity ÷ loans', { series: first + 5 });
  b.threshold(first + 6, p.minCapitalRatio);
  ukOnly(b, p.id, 'capital_ratio_below_minimum', 'probability', { series: first + 6 }, 1, {
    probability: { threshold: p.minCapitalRatio },
  });
  const mandate = p.mandate ?? b.inputs.file.mandate;
  if (mandate) b.flows.push({ policy: p.id, output: flow, pattern: key, mandate });
}

function cwf(b: PlanBuilder, p: CwfPolicy): void {
  const { areas, calibration } = b.inputs;
  const counts =
    p.payout.rule === 'dividend' && p.payout.recipients === 'age-25'
      ? areas.age25
      : p.payout.rule === 'dividend' && p.payout.recipients === 'adults'
        ? areas.adults
        : areas.population;
  const recipients = counts.reduce((s, x) => s + x, 0);
  const rate =
    p.payout.rule === 'real-return'
      ? (p.payout.rate ?? medianGross(calibration, p.fund.weights) * (1 - p.annualCharge) - 1)
      : 0;
  const first = b.kernel(
    'wealth-fund',
    {
      fund: b.portfolio(p.fund.weights),
      transfer: p.transfer,
      levy: p.levy,
      levyYears: p.levyYears,
      publicAssets: p.returnShare?.assets ?? 0,
      returnShare: p.returnShare?.share ?? 0,
      publicFund: b.portfolio(p.returnShare?.weights ?? p.fund.weights),
      payout:
        p.payout.rule === 'dividend'
          ? { rule: 'dividend', amount: p.payout.amount, recipients }
          : p.payout.rule === 'real-return'
            ? { rule: 'real-return', rate }
            : { ...p.payout },
      payoutFrom: p.payoutFrom,
      annualCharge: p.annualCharge,
    },
    WEALTH_FUND_SERIES,
  );
  ukOnly(b, p.id, 'fund_assets', '£', { series: first });
  additive(b, p.id, 'fund_payout', '£ a year', { series: first + 1 }, shares(counts.slice()));
  ukOnly(b, p.id, 'fund_payout_per_recipient', '£ a year', { series: first + 1 }, 1 / recipients);
  b.threshold(first, p.transfer);
  ukOnly(b, p.id, 'fund_below_start', 'probability', { series: first }, 1, {
    probability: { threshold: p.transfer },
  });
  b.threshold(first + 2, Math.max(1, p.transfer * 1e-6));
  ukOnly(b, p.id, 'fund_depleted', 'probability', { series: first + 2 }, 1, {
    probability: { threshold: Math.max(1, p.transfer * 1e-6) },
  });
  if (p.payout.rule === 'dividend')
    b.notes.push(
      `${p.id}: ${Math.round(recipients).toLocaleString('en-GB')} recipients a year (${p.payout.recipients}) from the mid-year population estimates`,
    );
}
