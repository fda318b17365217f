// A real SMTP server in this process (the smtp-server package) that keeps every message it is
// given, for the tests of the civic mail path: e-mail confirmation and result notices.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** The subject and plain text of a single-part message as nodemailer writes it (quoted-printable or not). */
function readMessage(raw: string): { subject: string; text: string } {
  const cut = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, cut);
  let body = raw.slice(cut + 4);
  if (/content-transfer-encoding: quoted-printable/i.test(head))
    body = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return { subject: /^subject: (.*)$/im.exec(head)?.[1]?.trim() ?? '', text: body };
}

/** A real SMTP server on a free port, keeping every message it is given. */
export async function mailbox(): Promise<{
  url: string;
  inbox: Mail[];
  next: (to: string) => Promise<Mail>;
  close: () => Promise<void>;
}> {
  const inbox: Mail[] = [];
  const waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('latin1')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo[0]!.address, ...readMessage(raw) });
        for (const w of waiting.splice(0)) w();
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  const next = async (to: string) => {
    for (;;) {
      const i = inbox.findIndex((m) => m.to === to);
      if (i >= 0) return inbox.splice(i, 1)[0]!;
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    next,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
