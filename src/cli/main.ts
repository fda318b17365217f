import { Command, CommanderError } from 'commander';
import { registerArea } from './commands/area.ts';
import { registerCivic } from './commands/civic.ts';
import { registerCompare } from './commands/compare.ts';
import { registerComposite } from './commands/composite.ts';
import { registerData } from './commands/data.ts';
import { registerEntitlements } from './commands/entitlements.ts';
import { registerFranchise } from './commands/franchise.ts';
import { registerGender } from './commands/gender.ts';
import { registerIndicators } from './commands/indicators.ts';
import { registerIo } from './commands/io.ts';
import { registerLayers } from './commands/layers.ts';
import { registerMissions } from './commands/missions.ts';
import { registerServe, serveUntilStopped } from './commands/serve.ts';
import { registerStart } from './commands/start.ts';
import { describeError } from './errors.ts';

/** Builds the `strata` command tree; each command module registers its own subcommands. */
export function program(): Command {
  const cmd = new Command('strata')
    .description('Strata: the layered economy of UK places, from official statistics')
    .option('--db <path>', 'analytic store (DuckDB file)', process.env.STRATA_DB ?? '.strata/strata.duckdb')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerData(cmd);
  registerArea(cmd);
  registerLayers(cmd);
  registerIo(cmd);
  registerIndicators(cmd);
  registerCompare(cmd);
  registerComposite(cmd);
  registerMissions(cmd);
  registerEntitlements(cmd);
  registerGender(cmd);
  registerFranchise(cmd);
  registerCivic(cmd);
  registerServe(cmd);
  registerStart(cmd, serveUntilStopped);
  return cmd;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 usage error (one-line reason). */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    const { message, exitCode } = describeError(e);
    process.stderr.write(`strata: ${message}\n`);
    return exitCode;
  }
}
