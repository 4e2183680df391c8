import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DEMO } from '@behorig/kit/demo';
import { createMailer } from '../src/modules/notices/mailer';
import { sendNoticeDigests } from '../src/modules/notices/notices.service';
import { accessTasks, NOTICE_DIGEST_TASK } from '../src/modules/notices/notices.jobs';
import { createJobRunner } from '@behorig/kit/jobs';
import { ORG, person, startAccess } from './support/system';

/**
 * R-NOTE-1: the daily digest, sent through a real SMTP server on loopback (smtp-server): who gets
 * it (permission administrators with an e-mail address, of organisations with notices), the
 * subject, the body in Swedish with an English part, no personal number in any form, at most
 * once a day; and without SMTP_URL, an .eml file per mail.
 */
const TODAY = '2026-11-22';

interface Received { from: string; to: string[]; raw: string }

/** RFC 2047 encoded words and quoted-printable/base64 bodies, enough to read what nodemailer writes. */
function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}
function parse(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const body = rest.join('\n\n');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : body;
  return { subject, text };
}

/** Every form a personal number may take: 12 digits, 10 digits, with a dash, the first eight. */
const numberForms = (n: string) => [n, n.slice(2), `${n.slice(0, 8)}-${n.slice(8)}`, `${n.slice(2, 8)}-${n.slice(8)}`];

describe('R-NOTE-1 the daily digest by e-mail', () => {
  let sys: Awaited<ReturnType<typeof startAccess>>;
  let smtp: SMTPServer;
  let port: number;
  const received: Received[] = [];

  beforeAll(async () => {
    sys = await startAccess({ today: TODAY });
    // Agda's role ends in ten days: Aratron has a notice; Dorotea and Vux have none.
    await sys.sql(`UPDATE access.role_assignment SET valid_to = '2026-12-02' WHERE membership_id IN (SELECT id FROM access.membership WHERE person_id = ?)`, [person('Agda').id]);
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    port = (smtp.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await sys?.stop();
  });

  it('R-NOTE-1: each permission administrator of an organisation with notices, with an e-mail address, gets one mail', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Behörig <noreply@behorig.test>', mailDir: '/nonexistent' });
    const result = await sendNoticeDigests(sys.server.orm.em.fork(), { today: TODAY, mailer, organisationNames: async () => new Map([[ORG.aratron, 'Aratron AB']]) });
    mailer.close();
    const aratronAdmins = DEMO.people.filter((p) => p.memberships.some((m) => m.organisation === 'aratron' && m.roles.some((r) => r.role === 'PERMISSION_ADMIN')));
    expect(result.sent).toBe(aratronAdmins.length);
    expect(received.map((r) => r.to).flat().sort()).toEqual(aratronAdmins.map((p) => p.email).sort());
    expect(received.every((r) => r.from === 'noreply@behorig.test')).toBe(true);
    const { subject, text } = parse(received[0].raw);
    expect(subject).toBe('Behörig: 1 sak att se över i Aratron AB / 1 item to review');
    expect(text).toContain('Det här behöver din uppmärksamhet i Aratron AB (2026-11-22):');
    expect(text).toContain('- Agda Andersson: Läsare (2026-12-02) upphör snart.');
    expect(text).toContain('-- English --');
    expect(text).toContain('- Agda Andersson: Läsare (2026-12-02) ends soon.');
    const allPeople = [...DEMO.people.map((p) => p.personalNumber), DEMO.andreaSandin.personalNumber];
    for (const r of received) for (const n of allPeople) for (const form of numberForms(n)) expect(r.raw).not.toContain(form);
    const events = await sys.sql<{ actor: string; after: { notices: number } }>(`SELECT actor, after FROM access.outbox_event WHERE action = 'access.notices.digest_sent'`);
    expect(events).toHaveLength(aratronAdmins.length);
    expect(events[0]).toMatchObject({ actor: 'service:access', after: { notices: 1 } });
  });

  it('R-NOTE-1: at most once a day — a second run the same day (another replica) sends nothing', async () => {
    const before = received.length;
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Behörig <noreply@behorig.test>', mailDir: '/nonexistent' });
    expect(await sendNoticeDigests(sys.server.orm.em.fork(), { today: TODAY, mailer })).toEqual({ sent: 0 });
    mailer.close();
    expect(received.length).toBe(before);
  });

  it('R-NOTE-1: without SMTP_URL each mail is an .eml file in the mail folder (development)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'behorig-mail-'));
    try {
      const mailer = createMailer({ from: 'Behörig <noreply@behorig.test>', mailDir: dir });
      expect(await sendNoticeDigests(sys.server.orm.em.fork(), { today: '2026-11-23', mailer })).toEqual({ sent: 5 });
      const files = (await readdir(dir)).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(5);
      const { subject } = parse(await readFile(join(dir, files[0]), 'utf8'));
      // No organisation name without the directory: the mail still says where to look.
      expect(subject).toBe('Behörig: 1 sak att se över i er organisation / 1 item to review');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('R-REV-1 and R-NOTE-1 on kit\'s job runner', () => {
  it('the access service\'s tasks run from the access.job table: the digest slot once, across two runners', async () => {
    const sys = await startAccess({ today: TODAY });
    const dir = await mkdtemp(join(tmpdir(), 'behorig-mail-'));
    try {
      await sys.sql(`UPDATE access.role_assignment SET valid_to = '2026-12-02' WHERE membership_id IN (SELECT id FROM access.membership WHERE person_id = ?)`, [person('Agda').id]);
      const mailer = createMailer({ from: 'Behörig <noreply@behorig.test>', mailDir: dir });
      const { deps } = sys.server;
      const tasks = accessTasks({ em: sys.server.orm.em, today: () => TODAY, mailer, deadlines: { signing: deps.signing, verifyReceipt: deps.verifyReceipt, vault: deps.vault } });
      const runners = [0, 1].map(() => createJobRunner({ schema: 'access', databaseUrl: sys.db.url, tasks, recurring: [{ task: NOTICE_DIGEST_TASK, everyMs: 86_400_000 }] }));
      await Promise.all(runners.map((r) => r.runDue()));
      await Promise.all(runners.map((r) => r.stop()));
      expect((await readdir(dir)).filter((f) => f.endsWith('.eml'))).toHaveLength(5);
      expect(await sys.count('job', `task = ? AND state = 'done'`, [NOTICE_DIGEST_TASK])).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await sys.stop();
    }
  });
});
