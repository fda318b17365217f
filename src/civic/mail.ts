// Sending e-mail through a real SMTP server (nodemailer): the links that prove an address is its
// owner's. Configured by STRATA_SMTP_URL (smtp://user:pass@host:587, or smtps://…:465),
// STRATA_MAIL_FROM and STRATA_PUBLIC_URL — the address people open the site at, from which the
// links are made (never from a request's Host header, which a client can forge).
import { createTransport } from 'nodemailer';

/** Where mail goes out, who it is from, and the site's public address. */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  publicUrl: string;
}

/** Sends plain-text messages. */
export interface Mailer {
  publicUrl: string;
  send(to: string, subject: string, text: string): Promise<void>;
}

/** The settings from the environment, or null when no SMTP server is named. */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  if (!env.STRATA_SMTP_URL) return null;
  const missing = ['STRATA_MAIL_FROM', 'STRATA_PUBLIC_URL'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`STRATA_SMTP_URL is set but ${missing.join(' and ')} is not`);
  return { smtpUrl: env.STRATA_SMTP_URL, from: env.STRATA_MAIL_FROM!, publicUrl: env.STRATA_PUBLIC_URL! };
}

/** A mailer over SMTP. */
export function smtpMailer(s: MailSettings): Mailer {
  const url = new URL(s.publicUrl);
  if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
    throw new Error(`invalid STRATA_PUBLIC_URL: ${s.publicUrl} (https, or a loopback address for testing)`);
  const transport = createTransport(s.smtpUrl);
  return {
    publicUrl: url.origin,
    async send(to, subject, text) {
      await transport.sendMail({ from: s.from, to, subject, text });
    },
  };
}
