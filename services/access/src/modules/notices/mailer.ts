import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/**
 * Where mail goes (R-NOTE-1): with an SMTP URL (env SMTP_URL, read only in env.ts) through that
 * server with nodemailer; without one (development) each mail is written as an `.eml` file under
 * the mail directory (default `.data/mail/`), which `GET /dev/mail` lists.
 */
export interface OutgoingMail { to: string; subject: string; text: string }
export interface Mailer { send(mail: OutgoingMail): Promise<void>; close(): void }

export function createMailer(opts: { smtpUrl?: string; from: string; mailDir: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, to: mail.to, subject: mail.subject, text: mail.text });
      await mkdir(opts.mailDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await writeFile(join(opts.mailDir, name), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

/** The development mail folder's `.eml` files, newest first (for `GET /dev/mail`). */
export async function listMailFiles(mailDir: string): Promise<string[]> {
  const names = await readdir(mailDir).catch(() => [] as string[]);
  return names.filter((n) => /^[\w.-]+\.eml$/.test(n)).sort().reverse();
}

export async function readMailFile(mailDir: string, name: string): Promise<string | null> {
  if (!/^[\w.-]+\.eml$/.test(name)) return null;
  return readFile(join(mailDir, name), 'utf8').catch(() => null);
}
