import { fileURLToPath } from 'node:url';
import { DEFAULT_EID_IDLE_MS } from './auth/citizen-login.ts';
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
  /** SAMFORM_EID_IDLE_MINUTES: a citizen's e-ID login ends after this long without activity. */
  eIdIdleMs: number;
  /** The e-ID broker (SAMFORM_EID_ISSUER, _CLIENT_ID, _CLIENT_SECRET); demo mode uses its demo IdP without it. */
  citizenEId?: OidcSettings;
  /** Staff SSO per tenant (SAMFORM_STAFF_SSO), each secret read from the environment variable it names. */
  staffSso?: { [tenant: string]: OidcSettings };
}

/** One OpenID Connect client's settings. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
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
  const eIdIdleMs = positive('SAMFORM_EID_IDLE_MINUTES', DEFAULT_EID_IDLE_MS / 60_000) * 60_000;
  const citizenEId = readCitizenEId(env, problems);
  const staffSso = readStaffSso(env, problems);

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
    eIdIdleMs,
    ...(citizenEId === undefined ? {} : { citizenEId }),
    ...(staffSso === undefined ? {} : { staffSso }),
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

// An identity provider is reached over HTTPS; plain HTTP only on this machine (a local test IdP).
function issuerProblem(name: string, value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return undefined;
  } catch {
    // reported below
  }
  return `${name} must be an https:// URL (http:// only on localhost), got "${value}"`;
}

function readCitizenEId(env: NodeJS.ProcessEnv, problems: string[]): OidcSettings | undefined {
  const issuer = env.SAMFORM_EID_ISSUER ?? '';
  const clientId = env.SAMFORM_EID_CLIENT_ID ?? '';
  const clientSecret = env.SAMFORM_EID_CLIENT_SECRET ?? '';
  if (issuer === '' && clientId === '' && clientSecret === '') return undefined;
  if (issuer === '' || clientId === '' || clientSecret === '') {
    problems.push('SAMFORM_EID_ISSUER, SAMFORM_EID_CLIENT_ID and SAMFORM_EID_CLIENT_SECRET must be set together');
    return undefined;
  }
  const problem = issuerProblem('SAMFORM_EID_ISSUER', issuer);
  if (problem !== undefined) problems.push(problem);
  return { issuer, clientId, clientSecret };
}

function readStaffSso(env: NodeJS.ProcessEnv, problems: string[]): { [tenant: string]: OidcSettings } | undefined {
  const text = env.SAMFORM_STAFF_SSO;
  if (text === undefined || text === '') return undefined;
  const shape = 'SAMFORM_STAFF_SSO must be JSON like {"ostersund": {"issuer": "https://…", "clientId": "…", "clientSecretEnv": "OSTERSUND_SSO_SECRET"}}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(shape);
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push(shape);
    return undefined;
  }
  const result: { [tenant: string]: OidcSettings } = {};
  for (const [tenant, value] of Object.entries(parsed)) {
    const { issuer, clientId, clientSecretEnv } = (value ?? {}) as { issuer?: unknown; clientId?: unknown; clientSecretEnv?: unknown };
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant) || typeof issuer !== 'string' || typeof clientId !== 'string' || typeof clientSecretEnv !== 'string') {
      problems.push(`${shape} (the entry "${tenant}" is not)`);
      continue;
    }
    const problem = issuerProblem(`SAMFORM_STAFF_SSO.${tenant}.issuer`, issuer);
    if (problem !== undefined) problems.push(problem);
    // The secret itself stays out of the JSON: it names the variable that holds it.
    const clientSecret = env[clientSecretEnv];
    if (clientSecret === undefined || clientSecret === '') {
      problems.push(`SAMFORM_STAFF_SSO.${tenant}.clientSecretEnv names ${clientSecretEnv}, which is not set`);
      continue;
    }
    result[tenant] = { issuer, clientId, clientSecret };
  }
  return result;
}

function parseTrustProxy(text: string | undefined): boolean | number | string | undefined {
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[\w.:/, ]+$/.test(text)) return text;
  return undefined;
}
