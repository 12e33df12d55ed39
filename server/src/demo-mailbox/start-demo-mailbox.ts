import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { RequestHandler } from 'express';
import { demoMailboxRoutes } from './demo-mailbox-routes.ts';
import { parseMail } from './parse-mail.ts';
import type { MailHeader } from './parse-mail.ts';

/** One e-mail the demo mailbox received. */
export interface DemoMail {
  /** 1, 2, 3 … in order of arrival (this run). */
  id: string;
  receivedAt: string;
  /** The envelope's recipients (what the worker sent to, Bcc included). */
  to: string[];
  from: string;
  subject: string;
  headers: MailHeader[];
  text: string;
}

/** A running demo mailbox: a local SMTP server and the last messages it received. */
export interface RunningDemoMailbox {
  /** `smtp://127.0.0.1:{port}`, for the delivery config. */
  smtpUrl: string;
  /** Newest first. */
  list(): readonly DemoMail[];
  get(id: string): DemoMail | undefined;
  /** How many it keeps. */
  limit: number;
  /** The pages under /demo/e-post. */
  pages: RequestHandler;
  close(): Promise<void>;
}

/** How many messages the mailbox keeps; older ones are forgotten. */
export const DEMO_MAILBOX_LIMIT = 200;
// Samform's e-mails are a few kB; a bound keeps 200 messages from holding much memory.
const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * Start the demo mailbox (demo mode without SMTP_URL): an SMTP server on 127.0.0.1 and a free
 * port that accepts every message and keeps the last 200 in memory, where /demo/e-post shows
 * them. Nothing is sent on. It must never run in production mode: anyone may read the pages.
 */
export async function startDemoMailbox(options: { limit?: number; clock?: () => Date } = {}): Promise<RunningDemoMailbox> {
  const limit = options.limit ?? DEMO_MAILBOX_LIMIT;
  const clock = options.clock ?? (() => new Date());
  const mails: DemoMail[] = [];
  let next = 1;
  const server = new SMTPServer({
    // Local only, no TLS and no sign-in: the server is on loopback and keeps what it gets.
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    banner: 'Samform demo mailbox: nothing is sent on',
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message too large for the demo mailbox'), { responseCode: 552 }));
          return;
        }
        const parsed = parseMail(Buffer.concat(chunks).toString('utf8'));
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        mails.unshift({ id: String(next++), receivedAt: clock().toISOString(), to: session.envelope.rcptTo.map((r) => r.address), from, ...parsed });
        if (mails.length > limit) mails.length = limit;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const mailbox: Omit<RunningDemoMailbox, 'pages'> = {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    list: () => mails,
    get: (id) => mails.find((m) => m.id === id),
    limit,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return { ...mailbox, pages: demoMailboxRoutes(mailbox) };
}
