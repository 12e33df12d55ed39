// Real parts for the delivery tests: an SMTP server (smtp-server) and a webhook receiver (node:http), both on port 0.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DeliveryConfig } from '../src/delivery/delivery-config.ts';
import { parseMail as parseDemoMail } from '../src/demo-mailbox/parse-mail.ts';

/** An e-mail as the SMTP server received it, decoded. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Parse a message as nodemailer writes one, with the demo mailbox's decoder. */
export function parseMail(raw: string, envelopeTo: string[], envelopeFrom: string): ReceivedMail {
  const { subject, text } = parseDemoMail(raw);
  return { from: envelopeFrom, to: envelopeTo, subject, text: text.replace(/\r\n/g, '\n').trimEnd() };
}

/** A local SMTP server on a free port that keeps every message; `failNext` answers the next n messages with a 451. */
export async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; failNext(n: number): void; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to, from));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One call the webhook receiver got. */
export interface WebhookCall {
  eventId: string;
  timestamp: string;
  signature: string;
  body: string;
  status: number;
  startedAt: number;
  endedAt: number;
}

/**
 * A webhook receiver on a free loopback port: answers 503 to its first `failFirst` calls, then
 * 204 (or whatever `answer` says), after `delayMs`; it keeps every call.
 */
export async function startReceiver(options: { failFirst?: number; delayMs?: number; answer?: (call: number) => number } = {}) {
  const calls: WebhookCall[] = [];
  let seen = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const startedAt = Date.now();
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const n = ++seen;
      const status = n <= (options.failFirst ?? 0) ? 503 : (options.answer?.(n) ?? 204);
      setTimeout(() => {
        calls.push({
          eventId: String(req.headers['samform-event-id']),
          timestamp: String(req.headers['samform-timestamp']),
          signature: String(req.headers['samform-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
          status,
          startedAt,
          endedAt: Date.now(),
        });
        res.statusCode = status;
        res.end();
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/samform`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** How a receiver verifies a call, as an integrator would: HMAC over "{timestamp}.{raw body}". */
export function verifies(call: WebhookCall, secret: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(`${call.timestamp}.${call.body}`).digest('hex')}`;
  return call.signature === expected && /^\d{10}$/.test(call.timestamp);
}

/** Delivery settings for tests: fast retries, loopback targets allowed, workers in the server. */
export function testDeliveryConfig(overrides: Partial<DeliveryConfig> = {}): DeliveryConfig {
  return { baseDelayMs: 20, leaseMs: 60_000, retryWindowMs: 48 * 60 * 60 * 1000, allowPrivateWebhooks: true, mailFrom: 'Samform <no-reply@samform.test>', workersInServer: true, ...overrides };
}

/** Wait until `check` holds (polling), or fail with `what`. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A demo-seeded server on a SQLite temp file with delivery settings and an in-process worker polling fast. */
export async function startDeliveryServer(
  delivery: DeliveryConfig,
  worker: NonNullable<import('../src/start-samform.ts').StartOptions['deliveryWorker']> = {},
) {
  const { openSqliteStore } = await import('@samform/store');
  const { startSamform } = await import('../src/start-samform.ts');
  const { DEFAULT_RATE_LIMITS } = await import('../src/http/rate-limits.ts');
  const { CHEAP_COST, LogCapture, demoForms, tempDir } = await import('./harness.ts');
  const path = await import('node:path');
  const temp = tempDir();
  const file = path.join(temp.dir, 'samform.sqlite');
  const store = await openSqliteStore({ file });
  const logs = new LogCapture();
  const running = await startSamform({
    store, mode: 'demo', host: '127.0.0.1', logDestination: logs, forms: await demoForms(), passwordCost: CHEAP_COST,
    delivery, deliveryWorker: { pollMs: 20, refreshMs: 50, ...worker },
    // The delivery tests send hundreds of cases from one address; the send limits are tested elsewhere.
    rateLimits: { ...DEFAULT_RATE_LIMITS, submitPerAddress: { limit: 1_000_000, windowMs: 60_000 }, submitPerTenant: { limit: 1_000_000, windowMs: 60_000 } },
  });
  return {
    url: running.url,
    file,
    store,
    running,
    logs,
    close: async () => {
      await running.close();
      await store.close();
      temp.cleanup();
    },
  };
}
