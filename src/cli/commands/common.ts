import type { Command } from 'commander';
import { openStore, closeStore, type Store } from '../../workbench.ts';
import { render, resolveFormat, type Row } from '../output.ts';

/** The global options every command sees. */
export function globals(cmd: Command): { db: string } {
  return cmd.optsWithGlobals() as { db: string };
}

/** Opens the store for the command, runs `fn`, and always closes it. */
export async function withStore<T>(
  cmd: Command,
  fn: (store: Store) => Promise<T>,
  readOnly = false,
): Promise<T> {
  const store = await openStore(globals(cmd).db, { readOnly });
  try {
    return await fn(store);
  } finally {
    closeStore(store);
  }
}

/** Prints rows in the format asked for (a table on a terminal, CSV when piped). */
export function print(rows: Row[], format: string | undefined, columns?: string[]): void {
  process.stdout.write(render(rows, resolveFormat(format), columns));
}

/** Adds the standard `--format` option. */
export function withFormat(cmd: Command): Command {
  return cmd.option('--format <format>', 'table, csv or json (default: table on a terminal, csv when piped)');
}
