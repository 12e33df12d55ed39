import type { Request, Response } from 'express';
import { AppError } from '@samform/model';
import { clientAddress } from './client-address.ts';
import { RateLimiter } from './rate-limiter.ts';
import type { RateRule } from './rate-limiter.ts';

/** The limits on staff sign-in and on sending a form; each a count per window. */
export interface RateLimitSettings {
  /** Failed sign-ins per client address and username. */
  loginPerAddressAndUser: RateRule;
  /** Failed sign-ins per client address, whatever the username. */
  loginPerAddress: RateRule;
  /** Sends (API and page) per client address. */
  submitPerAddress: RateRule;
  /** Sends per municipality, from everyone together. */
  submitPerTenant: RateRule;
}

const MINUTE = 60_000;

/** The defaults: 10 failed sign-ins per 15 minutes per address and username, 30 per address; 60 sends a minute per address, 600 per municipality. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  loginPerAddressAndUser: { limit: 10, windowMs: 15 * MINUTE },
  loginPerAddress: { limit: 30, windowMs: 15 * MINUTE },
  submitPerAddress: { limit: 60, windowMs: MINUTE },
  submitPerTenant: { limit: 600, windowMs: MINUTE },
};

/** The counters of one process. */
export interface RateLimits {
  /** Throws 429 (with Retry-After set) while this address, or this address and username, has too many failed sign-ins. */
  checkLogin(req: Request, res: Response, username: string): void;
  /** Count a failed sign-in. */
  failedLogin(req: Request, username: string): void;
  /** Throws 429 when this address or this municipality has sent too much; otherwise counts the send. */
  submit(req: Request, res: Response, tenant: string): void;
}

type Locale = 'sv' | 'en';

const MESSAGES = {
  login: {
    sv: (s: number) => `För många misslyckade inloggningar. Vänta ${wait('sv', s)} och försök igen.`,
    en: (s: number) => `Too many failed sign-ins. Wait ${wait('en', s)} and try again.`,
  },
  submit: {
    sv: (s: number) => `För många inskick just nu. Dina svar är sparade; vänta ${wait('sv', s)} och skicka igen.`,
    en: (s: number) => `Too many forms sent just now. Your answers are saved; wait ${wait('en', s)} and send again.`,
  },
};

function wait(locale: Locale, seconds: number): string {
  if (seconds < 90) return locale === 'sv' ? `${seconds} sekunder` : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return locale === 'sv' ? `${minutes} minuter` : `${minutes} minutes`;
}

// Pages choose their language by ?lang=; the API by ?lang= or Accept-Language.
function localeOf(req: Request): Locale {
  if (req.query.lang === 'en') return 'en';
  if (req.query.lang === 'sv') return 'sv';
  return /^\s*en\b/i.test(req.get('accept-language') ?? '') ? 'en' : 'sv';
}

/** A 429 refusal; its Retry-After is set on the answer here, so every error handler keeps it. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super('rate-limited', 429, message);
  }
}

function refuse(req: Request, res: Response, kind: 'login' | 'submit', seconds: number): never {
  res.setHeader('Retry-After', String(seconds));
  throw new RateLimitedError(seconds, MESSAGES[kind][localeOf(req)](seconds));
}

/** Build the counters from the settings. */
export function createRateLimits(settings: RateLimitSettings = DEFAULT_RATE_LIMITS, now: () => number = Date.now): RateLimits {
  const loginPair = new RateLimiter(settings.loginPerAddressAndUser, now);
  const loginAddress = new RateLimiter(settings.loginPerAddress, now);
  const submitAddress = new RateLimiter(settings.submitPerAddress, now);
  const submitTenant = new RateLimiter(settings.submitPerTenant, now);
  // Usernames are compared as the store does; the length cap keeps a key small.
  const pairKey = (req: Request, username: string) => `${clientAddress(req)}\n${username.slice(0, 200).toLowerCase()}`;

  return {
    checkLogin(req, res, username) {
      const seconds = Math.max(loginAddress.blockedFor(clientAddress(req)), loginPair.blockedFor(pairKey(req, username)));
      if (seconds > 0) refuse(req, res, 'login', seconds);
    },
    failedLogin(req, username) {
      loginAddress.hit(clientAddress(req));
      loginPair.hit(pairKey(req, username));
    },
    submit(req, res, tenant) {
      const address = clientAddress(req);
      const seconds = Math.max(submitAddress.blockedFor(address), submitTenant.blockedFor(tenant));
      if (seconds > 0) refuse(req, res, 'submit', seconds);
      submitAddress.hit(address);
      submitTenant.hit(tenant);
    },
  };
}
