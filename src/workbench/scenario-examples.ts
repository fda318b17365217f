// The example scenarios shipped with Strata (data/scenarios/examples/, each marked EXAMPLE): listed
// with their files as written, so a page or a client can run one, or edit it and post it back.
import { UsageError } from '../core/errors.ts';
import type { ScenarioExample, ScenarioExamples } from '../contract/scenarios.ts';
import { readDataFile, type ParsedFile } from './data-file.ts';
import { exampleScenarios, EXAMPLE_SCENARIOS_DIR } from './scenario-inputs.ts';
import { loadScenario } from './scenarios.ts';

/** One example's file, by id (an unknown id is a usage error listing the examples). */
export function exampleScenarioFile(id: string): ParsedFile {
  const found = exampleScenarios().find((e) => e.id === id);
  if (!found)
    throw new UsageError(
      `unknown example scenario: ${id} (${exampleScenarios()
        .map((e) => e.id)
        .join(', ')})`,
      'not_found',
      404,
    );
  return readDataFile(
    found.path,
    `data/scenarios/examples/${found.path.slice(EXAMPLE_SCENARIOS_DIR.length)}`,
  );
}

function example(id: string): ScenarioExample {
  const file = exampleScenarioFile(id);
  const s = loadScenario(file);
  return {
    id,
    title: s.title,
    description: s.description ?? null,
    interventions: s.interventions.length,
    file: file.value as Record<string, unknown>,
  };
}

/** Every example scenario, in file-name order. */
export function scenarioExamples(): ScenarioExamples {
  return {
    examples: exampleScenarios().map((e) => example(e.id)),
    notes: [
      'EXAMPLE scenarios shipped with Strata to show the format: every number in them is illustrative.',
    ],
  };
}
