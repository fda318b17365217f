import { UsageError } from '../core/errors.ts';
import type { AgreedWeightsSource } from '../contract/composite.ts';
import type { WeightsOutcome } from '../civic/service.ts';
import type { ParsedFile } from './data-file.ts';

/** A closed goal-weighting consultation's published result, as the composite takes it. */
export interface AgreedWeights {
  consultation: string;
  title: string;
  /** The area whose residents took part (GSS or other area code). */
  area: string;
  /** The log's head hash: anyone can check the weights against the exported log. */
  head: string;
  outcome: WeightsOutcome;
}

interface Targets {
  what: 'pillars' | 'indicators';
  names: string[];
}

/** The pillars and indicators a composite file declares. */
function targetsOf(indicators: { id?: unknown; pillar?: unknown }[]) {
  const ids = indicators.map((i) => String(i.id));
  const pillars = [
    ...new Set(
      indicators
        .map((i) => i.pillar)
        .filter((p) => p !== undefined)
        .map(String),
    ),
  ];
  return { ids, pillars };
}

/**
 * What the goals weight: the pillars when every goal names one, else the indicators. A mismatch
 * is told against the structure most goals name, with the names the file offers.
 */
function matchGoals(goals: string[], ids: string[], pillars: string[], where: string): Targets {
  const inPillars = goals.filter((g) => pillars.includes(g)).length;
  const inIds = goals.filter((g) => ids.includes(g)).length;
  const t: Targets =
    pillars.length > 0 && inPillars >= inIds
      ? { what: 'pillars', names: pillars }
      : { what: 'indicators', names: ids };
  const strays = goals.filter((g) => !t.names.includes(g));
  const missing = t.names.filter((n) => !goals.includes(n));
  if (strays.length || missing.length) {
    const single = t.what.slice(0, -1);
    const article = single === 'indicator' ? 'an' : 'a';
    throw new UsageError(
      `${where}: its goals weight the ${t.what} (${inPillars >= inIds ? inPillars : inIds} of ${goals.length} goals name one), but ` +
        [
          strays.length
            ? `${strays.join(', ')} ${strays.length > 1 ? 'are' : 'is'} not ${article} ${single}`
            : '',
          missing.length
            ? `no goal weights the ${single}${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`
            : '',
        ]
          .filter(Boolean)
          .join('; ') +
        ` (the file's ${t.what}: ${t.names.join(', ')})`,
    );
  }
  return t;
}

/**
 * Replaces a composite file's weights with the weights residents agreed in a goal-weighting
 * consultation (DESIGN.md: civic results feed the models through the workbench). The goals are
 * either the composite's pillars (they become the pillar weights) or its indicators (they
 * become the indicator weights and replace the pillar structure, so the agreed weights are the
 * whole weighting). Every goal must be one of them and each of them a goal, so no weight is
 * silently invented or dropped.
 */
export function withAgreedWeights(
  file: ParsedFile,
  agreed: AgreedWeights,
): { file: ParsedFile; target: Targets['what'] } {
  const value = structuredClone(file.value) as {
    indicators?: { id?: unknown; pillar?: unknown }[];
    weights?: unknown;
    pillarWeights?: unknown;
  };
  const indicators = value.indicators ?? [];
  const { ids, pillars } = targetsOf(indicators);
  const goals = agreed.outcome.weights.map((w) => w.id);
  const where = `consultation ${agreed.consultation} does not match ${file.name}`;
  const { what } = matchGoals(goals, ids, pillars, where);
  const shares = Object.fromEntries(agreed.outcome.weights.map((w) => [w.id, w.share / 100]));
  if (what === 'pillars') value.pillarWeights = shares;
  else {
    value.weights = shares;
    delete value.pillarWeights;
    for (const i of indicators) delete i.pillar;
  }
  return { file: { ...file, value }, target: what };
}

/**
 * Where the weights came from and whom they speak for: a consultation's residents agreed them
 * for their own area, so a ranking of other areas is labelled as weighted from outside.
 */
export function agreedSource(
  agreed: AgreedWeights,
  target: Targets['what'],
  ranked: readonly string[],
): AgreedWeightsSource {
  const outside = ranked.filter((a) => a !== agreed.area).length;
  const label =
    outside === 0
      ? `weights agreed by residents of ${agreed.area}, applied to ${agreed.area} only`
      : `weights agreed by residents of ${agreed.area} only, applied to ${outside} area${outside === 1 ? '' : 's'} outside it: they speak for ${agreed.area}, not for those areas`;
  return {
    consultation: agreed.consultation,
    title: agreed.title,
    area: agreed.area,
    rule: agreed.outcome.rule,
    ballots: agreed.outcome.ballots,
    head: agreed.head,
    target,
    weights: agreed.outcome.weights.map((w) => ({ goal: w.id, share: w.share })),
    scope: { outside, label },
  };
}

/** The source as one line for people (the full head, so it can be checked against the log). */
export function agreedNote(s: AgreedWeightsSource): string {
  return (
    `${s.target} weights agreed in consultation ${s.consultation} ("${s.title}"): ${s.ballots} ballots, ` +
    `${s.rule}, log head ${s.head} — ` +
    s.weights.map((w) => `${w.goal} ${w.share.toFixed(1)}%`).join(', ') +
    `; scope: ${s.scope.label}`
  );
}
