import { main } from '../../src/cli/main.ts';
import { PACK_DB } from './pack.ts';

/** What a command printed and how it ended. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `strata --db DB ...args` in this process, its output captured (piped: CSV unless --format says). */
export async function strata(args: string[], db = PACK_DB): Promise<CliRun> {
  let out = '';
  let err = '';
  const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s), isTTY: false };
  const code = await main(['--db', db, ...args], io);
  return { code, out, err };
}
