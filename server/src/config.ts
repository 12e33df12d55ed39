import { fileURLToPath } from 'node:url';
import { DEFAULT_STAFF_IDLE_MS } from './auth/idle-timeout.ts';
import { DEFAULT_RATE_LIMITS } from './http/rate-limits.ts';
import type { RateLimitSettings } from './http/rate-limits.ts';

/** How the server runs; `demo` seeds demo tenants and accounts, `production` refuses them. */
export type Mode = 'demo' | 'production';

/** Settings read from the environment once, at start-up. */
export interface Config {
  port: number;
  /** Folder of the embedded store (ignored when `mongodbUri` is set). */
  dataDir: string;
  mongodbUri?: string;
  mode: Mode;
  /** Signs the session cookie; random per process when unset. */
  sessionSecret?: string;
  /** Express `trust proxy`; off unless a TLS-terminating proxy is named. */
  trustProxy: boolean | number | string;
  /** Built citizen client (Vite output). */
  clientDir: string;
  logLevel: string;
  /** SAMFORM_RATE_LIMIT_*: failed sign-ins and sends (ADR 0011). */
  rateLimits: RateLimitSettings;
  /** SAMFORM_STAFF_IDLE_MINUTES: a staff session ends after this long without activity. */
  staffIdleMs: number;
}

/** A setting is missing or malformed; the server must not start. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Read and validate the settings; throws ConfigError listing every problem at once. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a port number (0-65535), got "${portText}"`);

  // Production must be asked for explicitly only in the sense that it is the safe default:
  // `pnpm start` sets demo; anything else refuses demo credentials.
  const modeText = env.SAMFORM_MODE ?? 'production';
  if (modeText !== 'demo' && modeText !== 'production') problems.push(`SAMFORM_MODE must be "demo" or "production", got "${modeText}"`);

  const mongodbUri = env.MONGODB_URI === undefined || env.MONGODB_URI === '' ? undefined : env.MONGODB_URI;
  if (mongodbUri !== undefined && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');

  const sessionSecret = env.SAMFORM_SESSION_SECRET === '' ? undefined : env.SAMFORM_SESSION_SECRET;
  if (sessionSecret !== undefined && sessionSecret.length < 32) problems.push('SAMFORM_SESSION_SECRET must be at least 32 characters');

  const trustProxy = parseTrustProxy(env.SAMFORM_TRUST_PROXY);
  if (trustProxy === undefined) problems.push('SAMFORM_TRUST_PROXY must be true, false, a hop count or a subnet list');

  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const positive = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    if (!/^[1-9]\d{0,6}$/.test(text)) {
      problems.push(`${name} must be a whole number from 1, got "${text}"`);
      return fallback;
    }
    return Number(text);
  };
  const d = DEFAULT_RATE_LIMITS;
  const loginWindowMs = positive('SAMFORM_RATE_LIMIT_LOGIN_WINDOW_SECONDS', d.loginPerAddress.windowMs / 1000) * 1000;
  const submitWindowMs = positive('SAMFORM_RATE_LIMIT_SUBMIT_WINDOW_SECONDS', d.submitPerAddress.windowMs / 1000) * 1000;
  const rateLimits: RateLimitSettings = {
    loginPerAddressAndUser: { limit: positive('SAMFORM_RATE_LIMIT_LOGIN_PER_IP_USER', d.loginPerAddressAndUser.limit), windowMs: loginWindowMs },
    loginPerAddress: { limit: positive('SAMFORM_RATE_LIMIT_LOGIN_PER_IP', d.loginPerAddress.limit), windowMs: loginWindowMs },
    submitPerAddress: { limit: positive('SAMFORM_RATE_LIMIT_SUBMIT_PER_IP', d.submitPerAddress.limit), windowMs: submitWindowMs },
    submitPerTenant: { limit: positive('SAMFORM_RATE_LIMIT_SUBMIT_PER_TENANT', d.submitPerTenant.limit), windowMs: submitWindowMs },
  };
  const staffIdleMs = positive('SAMFORM_STAFF_IDLE_MINUTES', DEFAULT_STAFF_IDLE_MS / 60_000) * 60_000;

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    dataDir: env.SAMFORM_DATA === undefined || env.SAMFORM_DATA === '' ? './data' : env.SAMFORM_DATA,
    ...(mongodbUri === undefined ? {} : { mongodbUri }),
    mode: modeText as Mode,
    ...(sessionSecret === undefined ? {} : { sessionSecret }),
    trustProxy: trustProxy ?? false,
    clientDir: env.SAMFORM_CLIENT_DIR ?? fileURLToPath(new URL('../../client/dist', import.meta.url)),
    logLevel,
    rateLimits,
    staffIdleMs,
  };
}

function parseTrustProxy(text: string | undefined): boolean | number | string | undefined {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[\w.:/, ]+$/.test(text)) return text;
  return undefined;
}
