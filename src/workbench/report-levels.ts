// The levels a batch of reports covers (`strata report --all --levels`), kept apart from the
// report builder so naming one does not load the chart renderer.
import { UsageError } from '../core/errors.ts';
import type { Level } from '../core/levels.ts';

/** The levels `strata report --all` covers, in the index's order. */
export const REPORT_LEVELS = ['uk', 'itl1', 'itl2', 'itl3', 'lad'] as const satisfies readonly Level[];

export type ReportLevel = (typeof REPORT_LEVELS)[number];

/** Comma-separated levels, as `--levels` names them. */
export function reportLevels(s: string): ReportLevel[] {
  return s.split(',').map((name) => {
    const level = REPORT_LEVELS.find((l) => l === name.trim());
    if (!level)
      throw new UsageError(`invalid report level: ${name} (comma-separated, of ${REPORT_LEVELS.join(', ')})`);
    return level;
  });
}
