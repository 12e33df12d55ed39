import type { RequestHandler } from 'express';
import { runHandlers } from '../http/run-handlers.ts';

// Only the canonical spelling: anything else (a trailing slash, other case, %-escapes) takes the
// router, which answers it as it always did.
const SUBMIT_PATH = /^\/api\/t\/([a-z0-9-]{1,64})\/services\/([A-Za-z0-9_-]{1,128})\/submissions$/;

/**
 * The hot route of issue 8 (ADR 0019), `POST /api/t/:tenant/services/:service/submissions`
 * without cookies, taken straight to the handlers the routers would run for it, in the same
 * order: `api` (the /api middleware), `tenant` (loading :tenant) and `submit` (the route's own).
 * It spares the walk through every router and layer of the app; rules, answers and errors are
 * the same modules' (errors go to the app's error handler). Every other request passes on.
 */
export function submitFastPath(handlers: { api: readonly RequestHandler[]; tenant: RequestHandler; submit: readonly RequestHandler[] }): RequestHandler {
  const chain = [...handlers.api, handlers.tenant, ...handlers.submit];
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    // With a cookie, the staff session and the citizen's own records take part: the routers run.
    const cookie = req.headers.cookie;
    if (cookie !== undefined && cookie.trim() !== '') return next();
    const match = SUBMIT_PATH.exec(req.path);
    if (match === null) return next();
    req.params = { tenant: match[1]!, service: match[2]! };
    runHandlers(chain, req, res, (error?: unknown) => {
      // Every handler of the chain answers or fails; an error reaches the app's error handler.
      next(error ?? new Error('the submit chain ended without an answer'));
    });
  };
}
