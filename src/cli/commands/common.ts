import type { Command } from 'commander';
import { Workbench, type WorkbenchOptions } from '../../workbench.ts';
import { render, resolveFormat, type Format, type Io } from '../output.ts';
import type { Flat } from '../../contract/table.ts';

/** The global options every command sees. */
export function globals(cmd: Command): { db: string } {
  return cmd.optsWithGlobals() as { db: string };
}

/**
 * Opens the workbench over the store `--db` names, read-only unless `write`, with the registry
 * and taxonomy files the command was given (`--registry`, `--taxonomy`); runs `fn`; always closes it.
 */
export async function withWorkbench<T>(
  cmd: Command,
  opts: { registry?: string; taxonomy?: string; write?: boolean },
  fn: (wb: Workbench) => Promise<T>,
): Promise<T> {
  const choices: WorkbenchOptions = { readOnly: !opts.write };
  if (opts.registry !== undefined) choices.registry = opts.registry;
  if (opts.taxonomy !== undefined) choices.taxonomy = opts.taxonomy;
  const wb = await Workbench.open(globals(cmd).db, choices);
  try {
    return await fn(wb);
  } finally {
    wb.close();
  }
}

/** Adds the standard `--format` option. */
export function withFormat(cmd: Command): Command {
  return cmd.option('--format <format>', 'table, csv or json (default: table on a terminal, csv when piped)');
}

/** The format a command was asked for (a table on a terminal, CSV when piped). */
export function formatOf(io: Io, flag: string | undefined): Format {
  return resolveFormat(flag, io.isTTY);
}

/** Writes a flat table in the format asked for. */
export function print(io: Io, flat: Flat, format: Format): void {
  io.out(render(flat, format));
}

/** Writes an answer as pretty JSON. */
export function printJson(io: Io, answer: unknown): void {
  io.out(JSON.stringify(answer, null, 2) + '\n');
}

/** Writes notes to stderr, one a line, so piped CSV stays clean. */
export function notes(io: Io, lines: readonly string[]): void {
  for (const line of lines) io.err(`note: ${line}\n`);
}
