// A second API instance, for the store tests: opens the civic store at argv[2] and casts one
// ballot for each session token read from standard input (JSON), all at once; prints the receipts.
import { readFileSync } from 'node:fs';
import { CivicService } from '../../../src/civic/service.ts';

const svc = await CivicService.open(process.argv[2]!);
const { consultation, tokens } = JSON.parse(readFileSync(0, 'utf8')) as {
  consultation: string;
  tokens: string[];
};
const receipts = await Promise.all(
  tokens.map(async (token, i) => {
    const session = await svc.session(token);
    if (!session) throw new Error(`no session for token ${i}`);
    return svc.submitBallot({ consultationId: consultation, session, ballot: i % 3 ? ['A'] : ['B', 'C'] });
  }),
);
process.stdout.write(JSON.stringify(receipts));
await svc.close();
