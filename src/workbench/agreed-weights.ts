import { UsageError } from '../core/errors.ts';
import type { WeightsOutcome } from '../civic/tally/outcome.ts';
import type { ParsedFile } from './data-file.ts';

/** A closed goal-weighting consultation's published result, as the composite takes it. */
export interface AgreedWeights {
  consultation: string;
  title: string;
  /** The log's head hash: anyone can check the weights against the exported log. */
  head: string;
  outcome: WeightsOutcome;
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
): { file: ParsedFile; note: string } {
  const value = structuredClone(file.value) as {
    indicators?: { id?: unknown; pillar?: unknown }[];
    weights?: unknown;
    pillarWeights?: unknown;
  };
  const indicators = value.indicators ?? [];
  const ids = indicators.map((i) => String(i.id));
  const pillars = [
    ...new Set(
      indicators
        .map((i) => i.pillar)
        .filter((p) => p !== undefined)
        .map(String),
    ),
  ];
  const goals = agreed.outcome.weights.map((w) => w.id);
  const byPillar = pillars.length > 0 && goals.every((g) => pillars.includes(g));
  const targets = byPillar ? pillars : ids;
  const notTargets = goals.filter((g) => !targets.includes(g));
  const noGoal = targets.filter((i) => !goals.includes(i));
  const what = byPillar ? 'pillars' : 'indicators';
  if (notTargets.length || noGoal.length) {
    throw new UsageError(
      `consultation ${agreed.consultation} does not match ${file.name}: ` +
        [
          notTargets.length ? `goals that are not ${what}: ${notTargets.join(', ')}` : '',
          noGoal.length ? `${what} without a goal: ${noGoal.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
    );
  }
  const shares = Object.fromEntries(agreed.outcome.weights.map((w) => [w.id, w.share / 100]));
  if (byPillar) value.pillarWeights = shares;
  else {
    value.weights = shares;
    delete value.pillarWeights;
    for (const i of indicators) delete i.pillar;
  }
  const note =
    `${what} weights agreed in consultation ${agreed.consultation} ("${agreed.title}"): ${agreed.outcome.ballots} ballots, ` +
    `${agreed.outcome.rule}, log head ${agreed.head.slice(0, 16)}… — ` +
    agreed.outcome.weights.map((w) => `${w.id} ${w.share.toFixed(1)}%`).join(', ');
  return { file: { ...file, value }, note };
}
