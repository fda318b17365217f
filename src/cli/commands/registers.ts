// The accountability registers in the civic store --civic names, opened for one command.
import type { Command } from 'commander';
import { DEFAULT_CIVIC_DB, Registers } from '../../civic/service.ts';

/** Opens the registers in the civic store --civic names, runs `fn`, closes them. */
export async function withRegisters<T>(cmd: Command, fn: (regs: Registers) => Promise<T>): Promise<T> {
  const url = (cmd.optsWithGlobals() as { civic?: string }).civic ?? DEFAULT_CIVIC_DB;
  const regs = await Registers.open(url);
  try {
    return await fn(regs);
  } finally {
    await regs.close();
  }
}

/** Today's date (UTC), the default for --as-of. */
