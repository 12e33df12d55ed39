import nodemailer from 'nodemailer';

/** Sends one plain-text e-mail; resolves when the SMTP server accepted it. */
export interface Mailer {
  send(message: { to: string[]; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** A mailer over SMTP at `url` (nodemailer), sending from `from`. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (message) => {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}

/**
 * Whether an SMTP failure is permanent (a 5xx answer: no such mailbox, refused): retrying it
 * would not help, so the message is dead at once.
 */
export function isPermanentMailError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
