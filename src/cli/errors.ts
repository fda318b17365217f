import { SourceError, UsageError } from '../core/errors.ts';

/** A CLI failure with the exit code it maps to: 2 for usage, 1 for everything else. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The one line a user sees, and the exit code, for any error. */
export function describeError(e: unknown): { message: string; exitCode: number } {
  if (e instanceof CliError) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof UsageError) return { message: e.message, exitCode: e.status === 409 ? 1 : 2 };
  if (e instanceof SourceError) return { message: e.message, exitCode: 1 };
  if (e instanceof Error) return { message: e.message.split('\n')[0]!, exitCode: 1 };
  return { message: String(e), exitCode: 1 };
}
