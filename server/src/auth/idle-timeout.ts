import type { Request, RequestHandler, Response } from 'express';
import { SESSION_MAX_AGE_MS } from './port-session-store.ts';

declare module 'express-session' {
  interface SessionData {
    /** When the staff member signed in (ms); the session ends SESSION_MAX_AGE_MS later whatever they do. */
    signedInAt?: number;
    /** Their last request that counts as activity (ms). */
    lastActiveAt?: number;
  }
}

/** A staff session ends after this long without activity, unless configured otherwise. */
export const DEFAULT_STAFF_IDLE_MS = 30 * 60_000;

// Activity is written at most this often, so a busy staff page is not a store write per request;
// the reported expiry is then at most this much early, never late.
const TOUCH_EVERY_MS = 30_000;

/** What a page needs to warn before its session ends. */
export interface SessionTimes {
  expiresAt: Date;
  idleSeconds: number;
}

/** Staff sessions that end when idle (rolling) or when too old, checked on every request. */
export interface IdleTimeout {
  /** Runs after passport's session: ends an idle or too old session server-side, else counts the request as activity. */
  middleware: RequestHandler;
  /** Mark a fresh sign-in (call after the session id was regenerated). */
  signedIn(req: Request): void;
  /** Count activity now (the "extend" button). */
  extend(req: Request): void;
  /** When this session ends if nothing happens; null without a signed-in session. */
  times(req: Request): SessionTimes | null;
}

/** Requests that only ask about the session, so a page polling them does not keep it alive. */
export function isSessionStatusRequest(req: Request): boolean {
  return req.method === 'GET' && req.path === '/auth/session';
}

/** Build the idle time-out; `endSession` destroys a session server-side and clears its cookie. */
export function createIdleTimeout(idleMs: number, endSession: (req: Request, res: Response) => Promise<void>, now: () => number = Date.now): IdleTimeout {
  const touchEvery = Math.min(TOUCH_EVERY_MS, idleMs / 10);
  const deadline = (req: Request): number | null => {
    const session = req.session as (typeof req.session & { lastActiveAt?: number; signedInAt?: number }) | undefined;
    if (req.user === undefined || session === undefined) return null;
    const last = session.lastActiveAt ?? now();
    const started = session.signedInAt ?? last;
    return Math.min(last + idleMs, started + SESSION_MAX_AGE_MS);
  };

  return {
    middleware: (req, res, next) => {
      const ends = deadline(req);
      if (ends === null) return next();
      if (now() >= ends) {
        // Ended on the server, not just forgotten by the browser: the old cookie is dead.
        endSession(req, res).then(() => {
          delete req.user;
          next();
        }, next);
        return;
      }
      const last = req.session.lastActiveAt;
      if (!isSessionStatusRequest(req) && (last === undefined || now() - last >= touchEvery)) req.session.lastActiveAt = now();
      next();
    },
    signedIn: (req) => {
      req.session.signedInAt = now();
      req.session.lastActiveAt = now();
    },
    extend: (req) => {
      req.session.lastActiveAt = now();
    },
    times: (req) => {
      const ends = deadline(req);
      return ends === null ? null : { expiresAt: new Date(ends), idleSeconds: Math.round(idleMs / 1000) };
    },
  };
}
