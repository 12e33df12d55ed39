import type { RequestHandler } from 'express';

/**
 * Run `handlers` (the staff session and passport) only for requests that carry a cookie or whose
 * path starts with one of `always` (sign-in routes, which start a session). A request without any
 * cookie has no session to load and, with `saveUninitialized: false`, never gets one set: it is
 * anonymous either way, so API-key and anonymous JSON calls skip the session machinery entirely.
 */
export function onlyWithCookie(handlers: readonly RequestHandler[], always: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const cookie = req.headers.cookie;
    if ((cookie === undefined || cookie.trim() === '') && !always.some((prefix) => req.path.startsWith(prefix))) return next();
    let i = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) return next(error);
      const handler = handlers[i++];
      if (handler === undefined) return next();
      try {
        // Express 5 handlers may return promises; a rejection goes to the error handlers.
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch(next);
      } catch (error_) {
        next(error_);
      }
    };
    step();
  };
}
