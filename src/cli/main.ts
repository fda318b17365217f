/** Entry point of the `strata` command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  console.log('strata', argv.join(' '));
  return 0;
}
