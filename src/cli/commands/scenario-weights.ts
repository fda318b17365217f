// The goal weights residents agreed in a closed goal-weighting consultation, read through the
// civic facade (the same way `strata composite run --weights-from` reads them).
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import type { AgreedWeights } from '../../workbench.ts';
import { withCivic } from './civic.ts';

export async function withAgreedWeightsOf(cmd: Command, id: string): Promise<AgreedWeights> {
  const r = await withCivic(cmd, (svc) => svc.results(id));
  if (r.outcome?.kind !== 'weights')
    throw new UsageError(`consultation ${id} is not a goal weighting with a result`);
  return {
    consultation: id,
    title: r.consultation.title,
    area: r.stored.meta.area,
    head: r.head.hash,
    outcome: r.outcome,
  };
}
