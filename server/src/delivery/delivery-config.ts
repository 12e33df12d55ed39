/** How delivery runs; read once from the environment at start-up. */
export interface DeliveryConfig {
  /** First retry delay (`SAMFORM_DELIVERY_BASE_DELAY_MS`, default 30000); doubles per attempt, with full jitter. */
  baseDelayMs: number;
  /** `SAMFORM_DELIVERY_LEASE_MS` (default 60000): how long a worker holds a case it delivers; a crashed worker's cases come back after it. */
  leaseMs: number;
  /** How long a failing case is retried before it is dead-lettered: at least 48 hours. */
  retryWindowMs: number;
  /** `SAMFORM_ALLOW_PRIVATE_WEBHOOKS=1`: loopback and private webhook targets (and http to them) are allowed. */
  allowPrivateWebhooks: boolean;
  /** `SMTP_URL`, e.g. smtp://mail.kommun.se:587; without it e-mails wait in the outbox. */
  smtpUrl?: string;
  /** `SAMFORM_MAIL_FROM`: the sender of every e-mail. */
  mailFrom: string;
  /** `SAMFORM_WORKERS=0` stops the server running delivery workers itself (run `pnpm worker` instead). */
  workersInServer: boolean;
}

/** 48 hours: the minimum retry window. */
export const RETRY_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Read the delivery settings; the problems are returned, not thrown, so start-up can list them with the others. */
export function readDeliveryConfig(env: NodeJS.ProcessEnv): { config: DeliveryConfig; problems: string[] } {
  const problems: string[] = [];
  const baseText = env.SAMFORM_DELIVERY_BASE_DELAY_MS ?? '';
  const baseDelayMs = baseText === '' ? 30_000 : Number(baseText);
  if (baseText !== '' && (!/^\d+$/.test(baseText) || baseDelayMs < 1)) problems.push(`SAMFORM_DELIVERY_BASE_DELAY_MS must be a whole number of milliseconds (1 or more), got "${baseText}"`);
  const leaseText = env.SAMFORM_DELIVERY_LEASE_MS ?? '';
  const leaseMs = leaseText === '' ? 60_000 : Number(leaseText);
  if (leaseText !== '' && (!/^\d+$/.test(leaseText) || leaseMs < 1000)) problems.push(`SAMFORM_DELIVERY_LEASE_MS must be a whole number of milliseconds (1000 or more), got "${leaseText}"`);
  const smtpUrl = env.SMTP_URL === undefined || env.SMTP_URL === '' ? undefined : env.SMTP_URL;
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  const flag = (name: string, text: string | undefined, fallback: boolean): boolean => {
    if (text === undefined || text === '') return fallback;
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
    problems.push(`${name} must be 1 or 0, got "${text}"`);
    return fallback;
  };
  return {
    config: {
      baseDelayMs,
      leaseMs,
      retryWindowMs: RETRY_WINDOW_MS,
      allowPrivateWebhooks: flag('SAMFORM_ALLOW_PRIVATE_WEBHOOKS', env.SAMFORM_ALLOW_PRIVATE_WEBHOOKS, false),
      ...(smtpUrl === undefined ? {} : { smtpUrl }),
      mailFrom: env.SAMFORM_MAIL_FROM || 'Samform <no-reply@samform.localhost>',
      workersInServer: flag('SAMFORM_WORKERS', env.SAMFORM_WORKERS, true),
    },
    problems,
  };
}
